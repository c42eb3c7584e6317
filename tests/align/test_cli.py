"""``ico-lens align``: the sample's known disagreements, the three formats, exit codes and one-line errors."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from ico_lens.cli import main

from ..contract.fake_etherscan import A_UNVERIFIED, FakeEtherscan

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample" / "build"
FIXED_SUPPLY_PAPER = """Aurevo token sale

The supply of AUV is fixed at 300,000,000 tokens; no additional tokens can ever be minted.
Total supply: 300,000,000 AUV.
"""


@pytest.fixture(autouse=True)
def _sample():
    if not (SAMPLE / "meridia.pdf").exists():
        pytest.skip("sample corpus not generated (make sample)")


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["align", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("ico-lens align: error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_fixed_supply_paper_beside_a_reachable_mint_is_contradicted(capsys):
    code, out, err = _run(capsys, str(SAMPLE / "meridia.pdf"), "--source", str(SAMPLE / "meridia.sol"), "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    found = {f["claim"]: f for f in report["findings"]}
    supply = found["supply_fixed"]
    assert supply["verdict"] == "contradicted" and supply["severity"] == "high"
    assert supply["paper_evidence"][0]["page"] == 5 and "fixed" in supply["paper_evidence"][0]["quote"]
    assert supply["code_evidence"][0]["function"] == "mint" and supply["code_evidence"][0]["kind"] == "code"
    assert found["can_mint_after_deploy"]["verdict"] == "undisclosed"
    assert found["allocation"]["reason"] == "no chain access"
    assert report["summary"]["contradicted"] >= 1 and report["ref"]["symbol"] == "MRD"


def test_text_table_and_markdown_to_a_file(capsys, tmp_path):
    code, out, _ = _run(capsys, str(SAMPLE / "lodestar.pdf"), "--source", str(SAMPLE / "lodestar.sol"))
    assert code == 1
    assert "transfers_locked_until_sale_end" in out and "undisclosed" in out
    assert out.rstrip().splitlines()[-1].startswith("promises broken: 1 contradicted, 1 undisclosed power")
    target = tmp_path / "review.md"
    code, out, _ = _run(capsys, str(SAMPLE / "lodestar.pdf"), "--source", str(SAMPLE / "lodestar.sol"),
                        "--format", "markdown", "-o", str(target))
    text = target.read_text()
    assert code == 1 and out == ""
    assert text.startswith("### Claim–code alignment: LDX") and "| `pausable` | **undisclosed** |" in text


def test_nothing_contradicted_exits_0(capsys, tmp_path):
    paper = tmp_path / "aurevo.txt"
    paper.write_text(FIXED_SUPPLY_PAPER)
    code, out, err = _run(capsys, str(paper), "--source", str(SAMPLE / "aurevo.sol"), "--format", "json")
    assert code == 0, err
    verdicts = {f["claim"]: f["verdict"] for f in json.loads(out)["findings"]}
    assert verdicts == {"total_supply": "consistent", "supply_fixed": "consistent"}


def test_paper_without_claims_exits_2(capsys, tmp_path):
    paper = tmp_path / "notes.txt"
    paper.write_text("Meeting notes. We discussed the office move and the summer party.\n")
    code, out, err = _run(capsys, str(paper), "--source", str(SAMPLE / "aurevo.sol"))
    assert code == 2 and out == ""
    assert "the paper states no claim to check" in _one_error_line(err)


def test_contract_that_does_not_compile_fails_in_one_line(capsys, tmp_path):
    broken = tmp_path / "Broken.sol"
    broken.write_text("pragma solidity ^0.4.24;\ncontract Broken { function f() public { uint x = ; } }\n")
    code, out, err = _run(capsys, str(SAMPLE / "aurevo.pdf"), "--source", str(broken))
    assert code == 1 and out == ""
    assert "Broken.sol" in _one_error_line(err)


def test_missing_contract_argument_exits_2(capsys):
    code, _, err = _run(capsys, str(SAMPLE / "aurevo.pdf"))
    assert code == 2 and "--address 0x... or --source FILE.sol" in _one_error_line(err)


@pytest.mark.network
def test_rpc_down_fails_in_one_line(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    code, out, err = _run(capsys, str(SAMPLE / "aurevo.pdf"), "--address", "0x" + "ab" * 20, "--source", str(SAMPLE / "aurevo.sol"),
                          "--rpc", f"http://127.0.0.1:{port}")
    assert code == 1 and out == ""
    assert "RPC node" in _one_error_line(err)


@pytest.mark.network
def test_unverified_address_exits_2(capsys, monkeypatch, tmp_path):
    with FakeEtherscan() as server:
        monkeypatch.setenv("ICO_LENS_ETHERSCAN_URL", server.url)
        monkeypatch.setenv("ETHERSCAN_API_KEY", "ALIGN-SECRET-KEY")
        monkeypatch.setenv("ICO_LENS_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.delenv("ICO_LENS_RPC_URL", raising=False)
        code, out, err = _run(capsys, str(SAMPLE / "aurevo.pdf"), "--address", A_UNVERIFIED)
    assert code == 2 and out == ""
    assert "no verified source code" in _one_error_line(err) and "ALIGN-SECRET-KEY" not in err


def test_html_page_is_self_contained_and_escapes_the_paper(capsys, tmp_path):
    target = tmp_path / "review.html"
    code, out, _ = _run(capsys, str(SAMPLE / "meridia.pdf"), "--source", str(SAMPLE / "meridia.sol"),
                        "--format", "html", "-o", str(target))
    page = target.read_text()
    assert code == 1 and out == ""
    assert "<title>ico-lens align: meridia" in page and page.count('class="verdict-contradicted"') >= 2
    assert "MintableToken.mint:125" in page and "default-src 'none'" in page and "<script" not in page


def test_html_page_writes_hostile_paper_text_as_text():
    from ico_lens.align import align
    from ico_lens.records import Evidence
    from ico_lens.report.html import render_alignment_html

    from .records import contract, paper

    facts = paper({"supply_fixed": True})
    facts.claims["supply_fixed"].evidence[0] = Evidence.paper(
        2, '<script>alert(1)</script> <a href="javascript:steal()">fixed supply</a>')
    page = render_alignment_html(align(facts, contract({"can_mint_after_deploy": True})))
    assert "<script>alert(1)" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_text_table_shows_paper_text_as_written():
    from ico_lens.align import align
    from ico_lens.records import Evidence
    from ico_lens.report.align import render_text

    from .records import contract, paper

    facts = paper({"supply_fixed": True})
    facts.claims["supply_fixed"].evidence[0] = Evidence.paper(2, "[bold]fixed[/bold] supply [link=x]here[/link]")
    text = render_text(align(facts, contract({"can_mint_after_deploy": True})), width=300)
    assert "[bold]fixed[/bold] supply [link=x]here[/link]" in text
