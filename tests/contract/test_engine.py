"""Slither loaded offline through crytic-compile's solc-standard-json platform and the solc-js wrapper."""

from __future__ import annotations

import pytest

from ico_lens.contract import solc
from ico_lens.contract.engine import load
from ico_lens.contract.records import SourceBundle
from ico_lens.contract.solc import CompileError, NotSolidity
from ico_lens.contract.source import load_from_directory, load_source_file

pytestmark = pytest.mark.slow

TOKEN_04 = """pragma solidity ^0.4.18;

contract Ownable {
    address public owner;
    function Ownable() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}

contract CappedToken is Ownable {
    uint256 public totalSupply;
    uint256 public cap = 1000;
    mapping(address => uint256) balances;
    function mint(address _to, uint256 _amount) onlyOwner public returns (bool) {
        require(totalSupply + _amount <= cap);
        totalSupply += _amount;
        balances[_to] += _amount;
        return true;
    }
}
"""

OWNED_08 = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
abstract contract Owned { address public owner = msg.sender; modifier onlyOwner() { require(msg.sender == owner, "owner"); _; } }
"""
TOKEN_08 = """// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;
import "../lib/Owned.sol";
contract Token08 is Owned {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;
    function mint(address to, uint256 amount) external onlyOwner { totalSupply += amount; balanceOf[to] += amount; }
}
"""


def _needs(*versions: str) -> None:
    have = solc.solcjs_versions()
    for v in versions:
        if solc.parse_version(v) not in have:
            pytest.skip(f"solc-js {v} not installed (run make setup)")


def test_04_token_loads_with_modifiers_and_lines(tmp_path):
    _needs("0.4.26")
    path = tmp_path / "CappedToken.sol"
    path.write_text(TOKEN_04)
    loaded = load(load_source_file(path))
    assert loaded.solc_version == "0.4.26" and loaded.compiler in ("solcjs", "native")
    token = loaded.slither.get_contract_from_name("CappedToken")[0]
    assert [c.name for c in token.inheritance] == ["Ownable"]
    mint = token.get_function_from_signature("mint(address,uint256)")
    assert [m.name for m in mint.modifiers] == ["onlyOwner"]
    assert {v.name for v in mint.state_variables_written} == {"totalSupply", "balances"}
    assert mint.source_mapping.filename.short == "CappedToken.sol"
    assert mint.source_mapping.lines[0] == 13


def test_08_multi_file_bundle_with_nested_paths():
    _needs("0.8.30")
    bundle = SourceBundle(address=None, sources={"contracts/token/Token08.sol": TOKEN_08, "contracts/lib/Owned.sol": OWNED_08})
    loaded = load(bundle)
    assert loaded.solc_version.startswith("0.8.")
    token = loaded.slither.get_contract_from_name("Token08")[0]
    assert token.inheritance[0].name == "Owned"
    files = {c.source_mapping.filename.short for c in loaded.slither.contracts}
    assert files == {"contracts/token/Token08.sol", "contracts/lib/Owned.sol"}


def test_etherscan_version_is_used():
    _needs("0.4.19")
    bundle = SourceBundle(address="0x" + "1" * 40, sources={"a.sol": TOKEN_04}, compiler_version="v0.4.19+commit.c4cbbb05")
    assert load(bundle).solc_version == "0.4.19"


def test_compile_error_names_the_bundle():
    _needs("0.4.26")
    bundle = SourceBundle(address=None, sources={"Bad.sol": "pragma solidity ^0.4.24;\ncontract A { function f() { x = ; } }"})
    with pytest.raises(CompileError) as exc:
        load(bundle, max_attempts=1)
    assert str(exc.value).startswith("Bad.sol: solc 0.4.") and "\n" not in str(exc.value)


def test_not_solidity():
    with pytest.raises(NotSolidity):
        load(SourceBundle(address=None, sources={"x.sol": "hello world, no contracts here"}))


@pytest.mark.shared
def test_real_corpus_sources(shared_dir):
    """A 0.4.8 pragma (relaxed to 0.4.11, legacy AST) and a ^0.4.18-era token from the corpus."""
    _needs("0.4.11", "0.4.26")
    contracts = shared_dir / "corpus" / "contracts"
    relaxed = load(load_from_directory(contracts, "0x0affa06e7fbe5bc9a764c979aa66e8256a631f02"))
    assert relaxed.solc_version == "0.4.11"
    assert any("0.4.8" in w and "relaxed" in w for w in relaxed.warnings)
    assert "EToken2" in {c.name for c in relaxed.slither.contracts}
    modern = load(load_source_file(contracts / "0x1f573d6fb3f13d689ff844b4ce37794d79a7ff1c.sol"))
    assert modern.solc_version.startswith("0.4.")
    assert len(modern.slither.contracts) >= 5
    assert all(f.source_mapping.lines for c in modern.slither.contracts for f in c.functions_declared)


INTERNAL_CONSTRUCTOR = """pragma solidity ^0.4.8;
contract Vault {
    address public owner;
    function Vault(address _owner) internal { owner = _owner; }
}
contract Sale {
    Vault public vault;
    function Sale() { vault = new Vault(msg.sender); }
}
"""


def test_source_only_pre_0411_accepts_falls_back_to_the_legacy_compiler():
    """`new` on a contract with an internal constructor: rejected from solc 0.4.9 on (a 2017 pattern)."""
    _needs("0.4.8", "0.4.26")
    loaded = load(SourceBundle(address=None, sources={"Sale.sol": INTERNAL_CONSTRUCTOR}))
    assert loaded.solc_version == "0.4.8"
    assert any("legacy interface" in w for w in loaded.warnings)
    sale = loaded.slither.get_contract_from_name("Sale")[0]
    assert sale.constructor is not None and sale.constructor.source_mapping.lines == [8]


STRUCT_EVENT_AND_CONSTRUCTOR = """pragma solidity ^0.4.18;
contract Escrow {
    struct Deal { address buyer; uint256 amount; }
    event Started(Deal deal);
    address public owner;
    constructor() public { owner = msg.sender; }
}
"""


def test_retries_find_the_version_window_between_two_errors():
    """`constructor` needs >= 0.4.22, a struct in an event needs <= 0.4.24 (a real token in ../shared)."""
    _needs("0.4.26", "0.4.18", "0.4.25", "0.4.24")
    loaded = load(SourceBundle(address=None, sources={"Escrow.sol": STRUCT_EVENT_AND_CONSTRUCTOR}))
    assert loaded.solc_version == "0.4.24"
    assert sum("trying another version" in w for w in loaded.warnings) == 3
