"""Alignment records round-trip through JSON, and aligning stored records imports nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ico_lens.align import align
from ico_lens.align.records import AlignmentReport, Finding
from ico_lens.contract.records import ContractReport
from ico_lens.paper.tokenomics.facts import PaperFacts

from .records import chain, contract, paper

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpora" / "sample" / "build"


def _stored(tmp_path: Path) -> tuple[Path, Path]:
    facts = paper({"supply_fixed": True, "unsold_tokens": "burned"}, total_supply=1_300_000, allocation={"Sale": 60.0, "Team": 40.0})
    report = contract({"can_mint_after_deploy": True, "mint_can_be_finished": True, "pausable": True}, initial_supply=1_000_000,
                      chain=chain(total_supply=1_300_000, minting_finished=False, recipients={"0x" + "33" * 20: 6, "0x" + "44" * 20: 4}))
    (tmp_path / "paper.json").write_text(facts.to_json())
    (tmp_path / "contract.json").write_text(report.to_json())
    return tmp_path / "paper.json", tmp_path / "contract.json"


def test_a_report_of_stored_records_round_trips(tmp_path):
    paper_json, contract_json = _stored(tmp_path)
    facts = PaperFacts.from_dict(json.loads(paper_json.read_text()))
    report = align(facts, ContractReport.from_dict(json.loads(contract_json.read_text())))
    data = json.loads(report.to_json())
    assert data["summary"]["contradicted"] == 2 and data["status"] == "ok" and data["chain_read"] is True
    first = data["findings"][0]
    assert set(first) >= {"claim", "verdict", "severity", "paper_evidence", "code_evidence", "chain_evidence", "reason"}
    assert {f["claim"]: f["verdict"] for f in data["findings"]} == {
        "total_supply": "consistent", "supply_fixed": "contradicted", "unsold_tokens": "contradicted", "allocation": "consistent",
        "can_mint_after_deploy": "undisclosed", "pausable": "undisclosed"}
    assert AlignmentReport.from_dict(data) == report
    assert isinstance(AlignmentReport.from_dict(data).findings[0], Finding)


def test_aligning_stored_records_imports_no_slither_torch_or_web3(tmp_path):
    paper_json, contract_json = _stored(tmp_path)
    script = f"""
import json, sys
from pathlib import Path
import ico_lens.align
from ico_lens.align import align
from ico_lens.align.evaluate import gold_contract, gold_paper
from ico_lens.contract.records import ContractReport
from ico_lens.paper.tokenomics.facts import PaperFacts
facts = PaperFacts.from_dict(json.loads(Path({str(paper_json)!r}).read_text()))
report = align(facts, ContractReport.from_dict(json.loads(Path({str(contract_json)!r}).read_text())))
sample = Path({str(SAMPLE)!r})
gold = align(gold_paper(json.loads((sample / "meridia.json").read_text())),
             gold_contract(json.loads((sample / "meridia.contract.json").read_text())))
heavy = sorted(m for m in ("slither", "torch", "web3", "transformers", "pypdfium2") if m in sys.modules)
print(json.dumps({{"heavy": heavy, "findings": len(report.findings), "gold": gold.verdicts()}}))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["heavy"] == [] and result["findings"] == 6
    assert result["gold"]["supply_fixed"] == "contradicted"  # the sample's built-in disagreement, from its answer key
