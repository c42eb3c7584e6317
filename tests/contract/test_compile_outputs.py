"""What ico_lens asks solc for, and the solc-js launcher's ``--combined-json`` (what ``slither FILE
--solc LAUNCHER`` runs). Real compilers: solc-js 0.4.24 and 0.5.17."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from ico_lens.contract import engine, solc
from ico_lens.contract.facts import derive_facts
from ico_lens.contract.records import SourceBundle

pytestmark = pytest.mark.slow

TOKEN = """pragma solidity ^0.4.24;

contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}

contract Pausable is Ownable {
    bool public paused;
    modifier whenNotPaused() { require(!paused); _; }
    function pause() public onlyOwner { paused = true; }
}

contract Token is Pausable {
    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public frozen;
    uint256 public totalSupply;
    uint8 public decimals = 18;
    bool public mintingFinished;

    constructor() public { totalSupply = 1000 * 10 ** 18; balanceOf[msg.sender] = totalSupply; }

    function mint(address to, uint256 amount) public onlyOwner returns (bool) {
        require(!mintingFinished);
        totalSupply += amount;
        balanceOf[to] += amount;
        return true;
    }
    function finishMinting() public onlyOwner { mintingFinished = true; }
    function freeze(address who) public onlyOwner { frozen[who] = true; }
    function burn(uint256 value) public { balanceOf[msg.sender] -= value; totalSupply -= value; }
    function transfer(address to, uint256 value) public whenNotPaused returns (bool) {
        require(!frozen[msg.sender] && balanceOf[msg.sender] >= value);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        return true;
    }
}
"""


def _needs(version: str) -> solc.Compiler:
    if solc.parse_version(version) not in solc.solcjs_versions():
        pytest.skip(f"solc-js {version} not installed (run make setup)")
    return solc.compiler_for(version, prefer_native=False)


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setenv("ICO_LENS_SOLC_CACHE", "off")  # both compiles must really run


@pytest.mark.parametrize("version", ["0.4.24", "0.5.17"])
def test_facts_without_bytecode_are_the_facts_with_it(no_cache, monkeypatch, version):
    _needs(version)
    source = TOKEN if version.startswith("0.4") else TOKEN.replace("^0.4.24", "^0.5.0")
    bundle = SourceBundle(address=None, sources={"Token.sol": source})
    facts = {}
    for outputs in (("abi", "evm.bytecode", "evm.deployedBytecode"), engine.SLITHER_OUTPUTS):
        monkeypatch.setattr(engine, "SLITHER_OUTPUTS", outputs)
        loaded = engine.load(bundle, version=version)
        unit = loaded.slither.crytic_compile.compilation_units
        runtime = [su.bytecode_runtime("Token") for cu in unit.values() for su in cu.source_units.values()
                   if "Token" in su.contracts_names]
        facts[outputs] = (derive_facts(loaded.slither, bundle).to_json(), runtime)
    full, lean = facts.values()
    assert full[1][0] and not lean[1][0]  # the lean compile really had no bytecode (stubs filled in) ...
    assert json.loads(lean[0]) == json.loads(full[0])  # ... and the facts do not depend on it
    assert json.loads(lean[0])["can_mint_after_deploy"] is True


def test_evm_stubs_keep_what_the_compiler_gave():
    output = {"contracts": {"a.sol": {"A": {"abi": []}, "B": {"abi": [], "evm": {"bytecode": {"object": "60"}}}}}}
    filled = engine._with_evm_stubs(output)["contracts"]["a.sol"]
    assert filled["A"]["evm"]["deployedBytecode"] == {"object": "", "sourceMap": ""}
    assert filled["B"]["evm"]["bytecode"] == {"object": "60", "sourceMap": ""}


@pytest.mark.parametrize("version", ["0.4.24", "0.5.17"])
def test_combined_json_is_what_cryticcompile_parses(no_cache, tmp_path, version):
    compiler = _needs(version)
    from crytic_compile import CryticCompile

    source = TOKEN if version.startswith("0.4") else TOKEN.replace("^0.4.24", "^0.5.0")
    (tmp_path / "Token.sol").write_text(source)
    compiled = CryticCompile(str(tmp_path / "Token.sol"), solc=str(compiler.path), solc_working_dir=str(tmp_path))
    [unit] = compiled.compilation_units.values()
    [source_unit] = unit.source_units.values()
    assert set(source_unit.contracts_names) == {"Ownable", "Pausable", "Token"}
    assert "mint" in {item.get("name") for item in source_unit.abis["Token"]}
    assert source_unit.bytecodes_runtime["Token"] and source_unit.srcmaps_runtime["Token"] != [""]
    assert source_unit.ast["nodeType"] == "SourceUnit"  # the compact AST, as crytic-compile asks (compact-format)


def test_slither_cli_runs_on_the_launcher(no_cache, tmp_path):
    compiler = _needs("0.4.24")
    from slither import Slither

    (tmp_path / "Token.sol").write_text(TOKEN)
    slither = Slither(str(tmp_path / "Token.sol"), solc=str(compiler.path), solc_working_dir=str(tmp_path))
    [token] = slither.get_contract_from_name("Token")
    assert {"mint", "pause", "transfer"} <= {f.name for f in token.functions}
    assert token.get_function_from_signature("transfer(address,uint256)").is_protected() is False


def test_combined_json_reports_compile_errors_like_native_solc(no_cache, tmp_path):
    compiler = _needs("0.4.24")
    (tmp_path / "Bad.sol").write_text("pragma solidity ^0.4.24;\ncontract Bad { function f() public { undefined_name = 1; } }\n")
    proc = subprocess.run([str(compiler.path), "Bad.sol", "--combined-json", "abi,ast,bin,compact-format", "--allow-paths", "."],
                          cwd=tmp_path, capture_output=True, text=True, timeout=180, env=dict(os.environ))
    assert proc.returncode == 1 and proc.stdout == ""  # no JSON on a compile error ...
    assert "Bad.sol:2:" in proc.stderr and "Undeclared identifier" in proc.stderr  # ... the message on stderr


def test_an_analysed_slither_is_freed(no_cache):
    # a module-level cache keyed by Slither objects once kept every analysed contract alive: a batch
    # grew by ~30 MB per token and its garbage collections by seconds
    import gc
    import weakref

    _needs("0.4.24")
    bundle = SourceBundle(address=None, sources={"Token.sol": TOKEN})
    loaded = engine.load(bundle, version="0.4.24")
    facts = derive_facts(loaded.slither, bundle)
    assert facts.can_mint_after_deploy is True
    alive = weakref.ref(loaded.slither)
    del loaded
    gc.collect()
    assert alive() is None, [type(r).__name__ for r in gc.get_referrers(alive())][:5]
