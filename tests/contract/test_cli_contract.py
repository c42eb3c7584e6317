"""``ico-lens contract``: targets (file, DIR/ADDRESS, Etherscan address, proxy), JSON, one-line errors."""

from __future__ import annotations

import json

import pytest

from ico_lens.cli import main

from .fake_etherscan import A_IMPL, A_PROXY, A_UNVERIFIED, TOKEN_SOL, FakeEtherscan

ADDRESS = "0x" + "ab" * 20


@pytest.fixture()
def etherscan_env(monkeypatch, tmp_path):
    with FakeEtherscan() as server:
        monkeypatch.setenv("ICO_LENS_ETHERSCAN_URL", server.url)
        monkeypatch.setenv("ETHERSCAN_API_KEY", "CLI-SECRET-KEY")
        monkeypatch.setenv("ICO_LENS_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.delenv("ICO_LENS_RPC_URL", raising=False)
        yield server


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["contract", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_file_summary(tmp_path, capsys):
    path = tmp_path / "DemoToken.sol"
    path.write_text(TOKEN_SOL)
    code, out, err = _run(capsys, str(path))
    assert code == 0, err
    assert out.splitlines()[0].startswith(str(path))
    assert "compiled: solc 0.4.26" in out
    assert "DemoToken" in out


@pytest.mark.slow
def test_directory_address_json(tmp_path, capsys):
    (tmp_path / f"{ADDRESS}.sol").write_text(TOKEN_SOL)
    code, out, err = _run(capsys, str(tmp_path / ADDRESS), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["address"] == ADDRESS and report["chain_id"] == 1
    assert report["source"]["origin"] == "directory" and report["source"]["files"] == [f"{ADDRESS}.sol"]
    assert report["compile"]["solc_version"].startswith("0.4.")
    assert {"Ownable", "DemoToken"} <= set(report["compile"]["contracts"])
    assert report["proxy"] is None and report["chain"] is None


@pytest.mark.slow
@pytest.mark.network
def test_etherscan_proxy_analyses_the_implementation(etherscan_env, capsys):
    code, out, err = _run(capsys, A_PROXY, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["address"] == A_PROXY
    assert report["proxy"] == {"address": A_PROXY, "implementation": A_IMPL, "analysed": A_IMPL}
    assert report["source"]["origin"] == "etherscan" and report["source"]["contract_name"] == "DemoToken"
    assert report["compile"]["solc_version"] == "0.4.18"  # Etherscan's CompilerVersion
    assert "CLI-SECRET-KEY" not in out + err


@pytest.mark.network
def test_unverified_address_exits_2(etherscan_env, capsys):
    code, out, err = _run(capsys, A_UNVERIFIED)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no verified source code" in err and "CLI-SECRET-KEY" not in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["missing.sol"], "no such file"),
        (["0x1234"], "not an address"),
        (["0xZZ" + "0" * 38], "not an address"),
        (["--source", "missing.sol", ADDRESS], "no such file"),
    ],
)
def test_bad_input_exits_2(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_not_solidity_exits_2(tmp_path, capsys):
    path = tmp_path / "notes.sol"
    path.write_text("These are meeting notes, not a contract.\n")
    code, _, err = _run(capsys, str(path))
    assert code == 2 and "no Solidity contract" in err


def test_directory_without_address_exits_2(tmp_path, capsys):
    code, _, err = _run(capsys, str(tmp_path))
    assert code == 2 and "DIR/ADDRESS" in err


@pytest.mark.slow
def test_compile_error_exits_1(tmp_path, capsys):
    path = tmp_path / "Broken.sol"
    path.write_text("pragma solidity ^0.4.24;\ncontract Broken { function f() public { uint x = ; } }\n")
    code, _, err = _run(capsys, str(path))
    assert code == 1 and "ParserError" in err and err.count("\n") == 1


@pytest.mark.slow
def test_code_facts_are_merged_with_gold_field_names(tmp_path, capsys, monkeypatch):
    """The facts record (ico_lens.contract.facts.derive_facts) is printed with GOLD.md's names at the
    top level of the JSON and as lines with evidence in the summary. A stand-in module is used here."""
    import dataclasses
    import sys
    import types

    @dataclasses.dataclass
    class FakeFacts:
        address: str | None
        token_contract: str
        can_mint_after_deploy: bool
        evidence: dict

    calls = []

    def derive_facts(slither, bundle):
        calls.append((slither, bundle))
        where = {"contract": "DemoToken", "function": "mint", "line": 15, "code": "function mint(...)"}
        return FakeFacts(bundle.address, "DemoToken", True, {"can_mint_after_deploy": [where]})

    module = types.ModuleType("ico_lens.contract.facts")
    module.derive_facts = derive_facts
    monkeypatch.setitem(sys.modules, "ico_lens.contract.facts", module)
    (tmp_path / f"{ADDRESS}.sol").write_text(TOKEN_SOL)
    code, out, err = _run(capsys, str(tmp_path / ADDRESS), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["token_contract"] == "DemoToken" and report["can_mint_after_deploy"] is True
    assert report["address"] == ADDRESS and "compile" in report
    assert calls[0][1].address == ADDRESS and hasattr(calls[0][0], "contracts")
    code, out, _ = _run(capsys, str(tmp_path / ADDRESS))
    assert "can_mint_after_deploy  yes  [DemoToken.mint:15]" in out
