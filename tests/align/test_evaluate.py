"""``ico-lens eval alignment`` on real projects of the shared corpus (tune part only), and the gold labels read as records."""

from __future__ import annotations

import json

import pytest

from ico_lens.align import align
from ico_lens.align.evaluate import gold_contract, gold_paper, project_part
from ico_lens.cli import main

AUCTUS = ("auctus", "0xc12d099be31567add4e4e4d0d45691c3f58f5663")

pytestmark = pytest.mark.shared


def _gold(shared_dir, slug, address):
    corpus = shared_dir / "corpus" / "gold"
    return (gold_paper(json.loads((corpus / "whitepapers" / f"{slug}.json").read_text())),
            gold_contract(json.loads((corpus / "contracts" / f"{address}.json").read_text())))


def test_the_gold_labels_imply_verdicts(shared_dir):
    paper, contract = _gold(shared_dir, *AUCTUS)
    assert paper.claim("unsold_tokens") == "burned" and paper.total_supply == 106_000_000
    assert contract.facts.burnable is True and contract.facts.decimals == 18
    report = align(paper, contract)
    assert report.finding("unsold_tokens").verdict == "consistent"  # AuctusToken.burn
    assert report.finding("team_vesting").verdict == "contradicted"  # vested in the paper, no lock in the token's file
    assert report.finding("allocation").reason == "no chain access"
    assert report.finding("unsold_tokens").paper_evidence[0].page == 43


def test_a_project_is_tune_only_when_paper_and_contract_are(shared_dir):
    from ico_lens.evaluate.splits import load_splits

    parts = load_splits(shared_dir / "splits.csv")
    assert project_part(*AUCTUS, parts) == "tune"
    assert project_part("provoco", "0xb5ca46cf1da09248126682a7bd72401fd7a6b151", parts) == "held"  # its contract is held


@pytest.mark.slow
def test_eval_alignment_prints_verdicts_agreement_and_headlines(shared_dir, capsys):
    assert main(["eval", "alignment", "--shared", str(shared_dir), "--slugs", "auctus", "datum", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("  auctus             tune  total_supply=")
    assert "unsold_tokens=consis" in out
    assert "agreement with the gold-implied verdicts" in out and "Cohney et al. 2019" in out
    assert "vesting promises not coded" in out and "80%" in out
