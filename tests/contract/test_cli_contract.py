"""``ico-lens contract``: targets (file, DIR/ADDRESS, Etherscan address, proxy), JSON, one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ico_lens.cli import main

from .fake_etherscan import A_IMPL, A_PROXY, A_UNVERIFIED, TOKEN_SOL, FakeEtherscan

ADDRESS = "0x" + "ab" * 20
DEMO_ICO_SOL = Path(__file__).resolve().parents[1] / "chain" / "fixtures" / "DemoICOToken.sol"


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
def test_code_facts_with_gold_field_names_and_whole_token_amounts(capsys):
    """The JSON has GOLD.md's fact names at the top level (amounts in raw units, with evidence and
    the rule's impact and confidence); the summary prints whole tokens with the symbol."""
    code, out, err = _run(capsys, str(DEMO_ICO_SOL), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["token_contract"] == "DemoICOToken" and report["can_mint_after_deploy"] is True
    assert report["initial_supply"] == {"raw": 10**24, "decimals": 18, "whole": 1_000_000}
    assert report["ref"]["symbol"] == "DICO" and report["status"] == "ok"
    mint = report["evidence"]["can_mint_after_deploy"][0]
    assert mint["kind"] == "code" and mint["function"] == "mint" and "raises the supply" in mint["reason"]
    assert report["detectors"]["can_mint_after_deploy"] == {
        "description": report["detectors"]["can_mint_after_deploy"]["description"], "impact": "high", "confidence": 0.9,
    }
    assert {"source", "proxy", "compile", "chain", "warnings", "address", "chain_id"} <= set(report)
    code, out, _ = _run(capsys, str(DEMO_ICO_SOL))
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert lines["initial_supply"].split("  - ")[0].split(None, 1)[1].strip() == "1,000,000 DICO"
    assert "[DemoICOToken.mint:" in lines["can_mint_after_deploy"] or "[MintableToken.mint:" in lines["can_mint_after_deploy"]


@pytest.mark.slow
def test_forced_solc_version_is_the_one_used(tmp_path, capsys):
    path = tmp_path / "DemoToken.sol"
    path.write_text(TOKEN_SOL)  # pragma ^0.4.18: left alone, the newest 0.4 compiler would be chosen
    code, out, err = _run(capsys, str(path), "--solc", "0.4.24", "--json")
    assert code == 0, err
    assert json.loads(out)["compile"]["solc_version"] == "0.4.24"


def test_forced_solc_version_not_installed_is_refused(tmp_path, capsys):
    path = tmp_path / "DemoToken.sol"
    path.write_text(TOKEN_SOL)
    code, out, err = _run(capsys, str(path), "--solc", "9.9.9")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "solc 9.9.9 is not installed" in err and "Etherscan" not in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["a" * 300 + ".sol", "é" * 130 + ".sol"], ids=["ascii", "utf8"])
def test_file_name_too_long_exits_2(name, capsys, tmp_path):
    assert len(os.fsencode(name)) > 255
    code, out, err = _run(capsys, str(tmp_path / name))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "too long" in err and "Traceback" not in err


@pytest.mark.timeout(60)
@pytest.mark.parametrize("as_source", [False, True], ids=["target", "--source"])
def test_fifo_is_refused_without_hanging(as_source, capsys, tmp_path):
    fifo = tmp_path / "x.sol"
    os.mkfifo(fifo)
    argv = ["--source", str(fifo), ADDRESS] if as_source else [str(fifo)]
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "not a regular file" in err and "x.sol" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--chain-id", "-5"], "argument --chain-id: '-5' is not a positive whole number"),
        (["--chain-id", "0"], "argument --chain-id: '0' is not a positive whole number"),
        (["--chain-id", "one"], "argument --chain-id: 'one' is not a whole number"),
        (["--timeout", "0"], "argument --timeout: '0' is not a number of seconds above 0"),
        (["--timeout", "nan"], "argument --timeout: 'nan' is not a number of seconds above 0"),
        (["--genesis-blocks", "-1"], "argument --genesis-blocks: '-1' is negative"),
    ],
)
def test_bad_numbers_are_refused_by_the_parser(argv, message, capsys, tmp_path):
    path = tmp_path / "DemoToken.sol"
    path.write_text(TOKEN_SOL)
    with pytest.raises(SystemExit) as exc:
        main(["contract", str(path), *argv])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.splitlines() == [f"ico-lens contract: error: {message} (see ico-lens contract --help)"]


def test_two_targets_get_this_commands_error(capsys, tmp_path):
    code, out, err = _run(capsys, str(tmp_path / "a.sol"), str(tmp_path / "b.sol"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("ico-lens contract: error: one contract at a time: got 2 targets")
