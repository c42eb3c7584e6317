"""Pragma parsing, version choice, and the solc-js wrapper as native solc (py-solc-x, 0.4.11 to 0.8)."""

from __future__ import annotations

import json
import subprocess

import pytest

from ico_lens.contract import solc
from ico_lens.contract.solc import (
    CompileError,
    CompilerNotAvailable,
    NotSolidity,
    choose_version,
    find_pragmas,
    parse_pragma,
    parse_version,
    relax_sources,
)

INSTALLED = [parse_version(v) for v in (
    "0.4.11", "0.4.15", "0.4.18", "0.4.19", "0.4.21", "0.4.23", "0.4.24", "0.4.25", "0.4.26",
    "0.5.2", "0.5.17", "0.6.12", "0.7.6", "0.8.30",
)]


def accepts(expr: str, version: str) -> bool:
    return parse_pragma(expr).accepts(parse_version(version))


@pytest.mark.parametrize(
    "expr, yes, no",
    [
        ("^0.4.18", ["0.4.18", "0.4.26"], ["0.4.17", "0.5.0"]),
        ("^ 0.4 .19", ["0.4.19", "0.4.26"], ["0.4.18", "0.5.2"]),
        (">=0.4.22 <0.6.0", ["0.4.22", "0.5.17"], ["0.4.21", "0.6.0"]),
        (">= 0.4.22 < 0.6.0", ["0.5.2"], ["0.6.12"]),
        ("0.4.24", ["0.4.24"], ["0.4.25", "0.4.23"]),
        ("=0.4.24", ["0.4.24"], ["0.4.25"]),
        ("~0.4.20", ["0.4.20", "0.4.26"], ["0.4.19", "0.5.0"]),
        ("0.4", ["0.4.0", "0.4.26"], ["0.5.0"]),
        ("0.4.x", ["0.4.11"], ["0.5.0"]),
        (">0.4.23", ["0.4.24", "0.8.30"], ["0.4.23"]),
        ("<=0.4.24", ["0.4.11", "0.4.24"], ["0.4.25"]),
        ("^0.8.0", ["0.8.0", "0.8.30"], ["0.7.6", "0.9.0"]),
        ("^0.0.3", ["0.0.3"], ["0.0.4"]),
        (">=0.4.0 <0.5.0 || ^0.8.0", ["0.4.11", "0.8.1"], ["0.5.2", "0.7.6"]),
        ("0.4.0 - 0.4.20", ["0.4.0", "0.4.20"], ["0.4.21"]),
    ],
)
def test_pragma_ranges(expr, yes, no):
    for v in yes:
        assert accepts(expr, v), (expr, v)
    for v in no:
        assert not accepts(expr, v), (expr, v)


def test_pragma_without_version_is_rejected():
    with pytest.raises(ValueError):
        parse_pragma("experimental")


def test_find_pragmas_skips_comments_and_strings():
    text = (
        "// pragma solidity ^0.3.0;\n/* pragma solidity 0.4.1; */\n"
        'pragma solidity ^0.4.18;\ncontract A { string s = "pragma solidity 0.1.0;"; }\n'
    )
    found = find_pragmas({"A.sol": text})
    assert [p.expression for p in found] == ["^0.4.18"]
    assert text[found[0].start:found[0].end] == "pragma solidity ^0.4.18;"


def test_choice_prefers_newest_accepted_with_fallbacks():
    choice = choose_version({"a.sol": "pragma solidity ^0.4.18;\ncontract A {}"}, available=INSTALLED)
    assert choice.version_text == "0.4.26"
    # the oldest accepted (closest to the author's compiler), then the others from the newest down
    assert choice.fallbacks == [(0, 4, 18), (0, 4, 25), (0, 4, 24), (0, 4, 23), (0, 4, 21), (0, 4, 19)]
    assert not choice.relaxed and not choice.warnings


def test_choice_intersects_every_pragma_of_a_flattened_file():
    text = "pragma solidity ^0.4.11;\ncontract A {}\npragma solidity >=0.4.18 <0.4.24;\ncontract B {}"
    assert choose_version({"a.sol": text}, available=INSTALLED).version_text == "0.4.23"


def test_choice_from_etherscan_compiler_version():
    src = {"a.sol": "pragma solidity ^0.4.18;\ncontract A {}"}
    assert choose_version(src, "v0.4.19+commit.c4cbbb05", available=INSTALLED).version_text == "0.4.19"
    missing = choose_version(src, "v0.4.20+commit.3155dd80", available=INSTALLED)
    assert missing.version_text == "0.4.21"
    assert any("0.4.20" in w and "not installed" in w for w in missing.warnings)


def test_pre_standard_json_pragma_is_relaxed_with_a_warning():
    text = "pragma solidity 0.4.8;\ncontract A { uint x; }\n"
    choice = choose_version({"a.sol": text}, available=INSTALLED)
    assert choice.version_text == "0.4.11"
    assert len(choice.relaxed) == 1
    assert any("relaxed" in w and "0.4.11" in w for w in choice.warnings)
    relaxed = relax_sources({"a.sol": text}, choice.relaxed)["a.sol"]
    assert len(relaxed) == len(text) and relaxed.count("\n") == text.count("\n")
    assert "pragma" not in relaxed and "contract A" in relaxed


def test_no_pragma_tries_04_then_newest():
    choice = choose_version({"a.sol": "contract A {}"}, available=INSTALLED)
    assert choice.version_text == "0.4.26" and choice.fallbacks == [(0, 8, 30)]
    assert any("no pragma" in w for w in choice.warnings)


def test_vyper_is_not_solidity():
    with pytest.raises(NotSolidity):
        choose_version({"a.vy": "x: uint256"}, "vyper:0.3.7", available=INSTALLED)


def test_missing_compiler_is_typed():
    with pytest.raises(CompilerNotAvailable):
        solc.compiler_for("0.3.6")
    with pytest.raises(CompilerNotAvailable):
        choose_version({"a.sol": "contract A {}"}, available=[])


# ------------------------------------------------------------------------------------- the wrapper
def needs(version: str):
    if parse_version(version) not in solc.solcjs_versions():
        pytest.skip(f"solc-js {version} not installed (run make setup)")
    return solc.compiler_for(version, prefer_native=False)


OLD = "pragma solidity ^0.4.11;\ncontract Counter { uint public n; function inc() { n += 1; } }\n"
NEW = ("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport \"./Base.sol\";\n"
       "contract Counter is Base { uint public n; function inc() external onlyOwner { n += 1; } }\n")
BASE = ("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n"
        "contract Base { address owner = msg.sender; modifier onlyOwner() { require(msg.sender == owner); _; } }\n")


@pytest.mark.parametrize("version", ["0.4.11", "0.4.24", "0.5.17", "0.8.30"])
def test_wrapper_version_is_native_format(version):
    compiler = needs(version)
    out = subprocess.run([str(compiler.path), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("solc, the solidity compiler commandline interface\nVersion: " + version + "+commit.")


def test_wrapper_inlines_urls_and_answers_imports(tmp_path):
    compiler = needs("0.8.30")
    (tmp_path / "Counter.sol").write_text(NEW)
    (tmp_path / "Base.sol").write_text(BASE)
    request = {"language": "Solidity", "sources": {"Counter.sol": {"urls": ["Counter.sol"]}},
               "settings": {"outputSelection": {"*": {"*": ["abi"], "": ["ast"]}}}}
    proc = subprocess.run([str(compiler.path), "--standard-json", "--allow-paths", str(tmp_path)],
                          input=json.dumps(request), capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = json.loads(proc.stdout)
    assert not [e for e in out.get("errors", []) if e["severity"] == "error"], out.get("errors")
    assert set(out["sources"]) == {"Counter.sol", "Base.sol"}  # the import came from disk
    assert out["sources"]["Counter.sol"]["ast"]["nodeType"] == "SourceUnit"
    assert {"Counter", "Base"} <= set(out["contracts"]["Counter.sol"]) | set(out["contracts"]["Base.sol"])


def test_wrapper_reports_unreadable_sources_as_errors(tmp_path):
    compiler = needs("0.4.24")
    request = {"language": "Solidity", "sources": {"Nope.sol": {"urls": ["Nope.sol"]}}}
    proc = subprocess.run([str(compiler.path), "--standard-json"], input=json.dumps(request),
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    errors = json.loads(proc.stdout)["errors"]
    assert errors[0]["severity"] == "error" and "Nope.sol" in errors[0]["message"]


def test_solc_0411_legacy_ast_is_copied_to_ast(tmp_path):
    compiler = needs("0.4.11")
    out = solc.compile_standard(solc.standard_json_request({"Counter.sol": OLD}), compiler, cwd=tmp_path)
    ast = out["sources"]["Counter.sol"]["ast"]
    assert ast["name"] == "SourceUnit"  # the legacy format (no compact AST before 0.4.12)
    assert out["contracts"]["Counter.sol"]["Counter"]["evm"]["bytecode"]["object"]


def test_compile_error_is_one_line(tmp_path):
    compiler = needs("0.4.24")
    bad = "pragma solidity ^0.4.24;\ncontract A { function f() public { uint x = ; } }\n"
    with pytest.raises(CompileError) as exc:
        solc.compile_standard(solc.standard_json_request({"A.sol": bad}), compiler, cwd=tmp_path, label="A.sol")
    message = str(exc.value)
    assert "\n" not in message and "A.sol:2:" in message and "ParserError" in message


def test_py_solc_x_drives_the_wrapper(tmp_path):
    solcx = pytest.importorskip("solcx")
    compiler = needs("0.4.24")
    assert str(solcx.wrapper.get_solc_version(compiler.path)) == "0.4.24"
    out = solcx.compile_standard(
        solc.standard_json_request({"Counter.sol": OLD}), solc_binary=compiler.path, allow_paths=str(tmp_path)
    )
    abi = out["contracts"]["Counter.sol"]["Counter"]["abi"]
    assert {item["name"] for item in abi if item.get("type") == "function"} == {"n", "inc"}


def test_compile_timeout_is_typed(tmp_path, monkeypatch):
    compiler = needs("0.8.30")
    monkeypatch.setenv("ICO_LENS_SOLC_CACHE", "off")  # a cached output would come back in time
    # one-shot: a warm 0.8.30 server left by an earlier test can compile this in under 0.05 s
    # (the warm path's timeout is tested in test_warm_compiler.py)
    monkeypatch.setenv("ICO_LENS_SOLC_WARM", "0")
    with pytest.raises(solc.CompileTimeout):
        solc.compile_standard(solc.standard_json_request({"C.sol": NEW, "Base.sol": BASE}), compiler,
                              cwd=tmp_path, timeout=0.05)


def test_native_solc_from_py_solc_x_is_preferred(tmp_path, monkeypatch):
    """An online user's ~/.solcx/solc-vX binary wins over solc-js (here: a stand-in executable)."""
    folder = tmp_path / "solcx"
    folder.mkdir()
    native = folder / "solc-v0.4.24"
    native.write_text("#!/bin/sh\necho 'solc, the solidity compiler commandline interface'\necho 'Version: 0.4.24+commit.e67f0147.Linux.g++'\n")
    native.chmod(0o755)
    monkeypatch.setenv("SOLCX_BINARY_PATH", str(folder))
    assert solc.native_versions() == {(0, 4, 24): native}
    assert (0, 4, 24) in solc.installed_versions()
    chosen = solc.compiler_for("0.4.24")
    assert chosen.kind == "native" and chosen.path == native
    if (0, 4, 24) in solc.solcjs_versions():
        assert solc.compiler_for("0.4.24", prefer_native=False).kind == "solcjs"
    monkeypatch.setenv("ICO_LENS_SOLC_NATIVE", "0")
    assert solc.native_versions() == {}


def test_legacy_compiler_output_is_translated_to_standard_json(tmp_path):
    """solc < 0.4.11 has no standard JSON: the wrapper runs the legacy interface and translates it."""
    compiler = needs("0.4.8")
    text = "pragma solidity ^0.4.8;\ncontract Counter { uint public n; function inc() { n += 1; } }\n"
    out = solc.compile_standard(solc.standard_json_request({"Counter.sol": text}), compiler, cwd=tmp_path)
    assert out["sources"]["Counter.sol"]["ast"]["name"] == "SourceUnit"
    counter = out["contracts"]["Counter.sol"]["Counter"]
    assert {item["name"] for item in counter["abi"] if item.get("type") == "function"} == {"n", "inc"}
    assert counter["evm"]["bytecode"]["object"] and counter["evm"]["deployedBytecode"]["sourceMap"]
    bad = "pragma solidity ^0.4.8;\ncontract A { function f() { uint x = ; } }\n"
    with pytest.raises(CompileError) as exc:
        solc.compile_standard(solc.standard_json_request({"A.sol": bad}), compiler, cwd=tmp_path)
    assert "A.sol:2:" in str(exc.value)


def test_legacy_fallback_choice():
    src = {"a.sol": "pragma solidity ^0.4.8;\ncontract A {}"}
    choice = solc.legacy_fallback(src, available=[(0, 4, 8)])
    assert choice.version_text == "0.4.8" and "legacy" in choice.warnings[0]
    assert solc.legacy_fallback({"a.sol": "pragma solidity ^0.4.18;\ncontract A {}"}, available=[(0, 4, 8)]) is None
    assert solc.legacy_fallback(src, available=[]) is None


def test_solcjs_outputs_are_cached(tmp_path, monkeypatch):
    compiler = needs("0.4.24")
    cache = tmp_path / "solc-out"
    monkeypatch.setenv("ICO_LENS_SOLC_CACHE", str(cache))
    request = solc.standard_json_request({"Counter.sol": OLD.replace("n += 1", "n += 2")})
    first = solc.compile_standard(request, compiler, cwd=tmp_path)
    stored = list(cache.glob("*/*.json.gz"))
    assert len(stored) == 1
    assert solc.compile_standard(request, compiler, cwd=tmp_path) == first  # served from the cache
    other = solc.standard_json_request({"Counter.sol": OLD.replace("n += 1", "n += 3")})
    solc.compile_standard(other, compiler, cwd=tmp_path)
    assert len(list(cache.glob("*/*.json.gz"))) == 2  # a different source is a different key
    monkeypatch.setenv("ICO_LENS_SOLC_CACHE", "off")
    solc.compile_standard(solc.standard_json_request({"Counter.sol": OLD}), compiler, cwd=tmp_path)
    assert len(list(cache.glob("*/*.json.gz"))) == 2
