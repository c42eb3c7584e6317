"""Allocation and use of funds on the real papers of ../shared (skipped when absent).

Each extraction path on a real paper that has it, then a floor on bucket F1 against the gold labels
(measured 0.91 overall, 0.90 on the half not used for tuning; see docs/tokenomics-distributions.md).
"""

from __future__ import annotations

import json

import pytest

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.funds import extract_use_of_funds

pytestmark = pytest.mark.shared

_DOCS: dict[str, object] = {}


def paper(shared_dir, slug):
    if slug not in _DOCS:
        from ico_lens.paper.ingest import open_document

        _DOCS[slug] = open_document(shared_dir / "corpus" / "whitepapers" / f"{slug}.pdf")
    return _DOCS[slug]


def found(dist):
    return sorted((b.category, b.percent) for b in dist.items)


def test_prose_headings_with_vesting(shared_dir):
    # "Public Contributors (51%)" / "51% of all tokens ..." and "Vesting: 80% of tokens ..." on p.44-45
    dist = extract_allocation(paper(shared_dir, "auctus"))[0]
    assert found(dist) == sorted([("public_sale", 51.0), ("team_founders", 20.0), ("reserve_treasury", 18.0),
                                  ("advisors", 9.0), ("bounty_marketing", 2.0)])
    team = next(b for b in dist.items if b.category == "team_founders")
    assert (team.vesting_months, team.cliff_months, team.page) == (24, 6, 45)


def test_ruled_table_with_subtotal_rows(shared_dir):
    dist = extract_allocation(paper(shared_dir, "dentacoin"))[0]
    assert dist.source == "table" and dist.pages == [23]
    assert len(dist.items) == 9 and dist.residual == 0.0  # "Locked amount 96,20%" subtotals left out


def test_nested_list_and_money_amounts(shared_dir):
    doc = paper(shared_dir, "snovio")
    dist = extract_allocation(doc)[0]
    assert ("public_sale", 40.0) in found(dist) and ("public_sale", 20.0) in found(dist)
    funds = extract_use_of_funds(doc)[0]
    assert funds.pages == [33] and all(i.method == "computed" for i in funds.items)
    assert ("marketing", 33.3) in found(funds)


def test_chart_only_allocation_is_image(shared_dir):
    dist = extract_allocation(paper(shared_dir, "zap"))[0]
    assert dist.source == "image" and dist.pages == [10]


def test_research_paper_has_no_allocation(shared_dir):
    dist = extract_allocation(paper(shared_dir, "fantom"))[0]
    assert dist.source == "none" and dist.items == []


def _f1(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _matches(pred, gold):
    used, hits = set(), 0
    for g in gold:
        for j, b in enumerate(pred):
            if j not in used and b.percent is not None and b.category == g["category"] and abs(b.percent - g["percent"]) <= 0.5:
                used.add(j)
                hits += 1
                break
    return hits


@pytest.mark.slow
def test_allocation_f1_floor_on_gold(shared_dir):
    gold_files = sorted((shared_dir / "corpus" / "gold" / "whitepapers").glob("*.json"))
    totals = {"tuned": [0, 0, 0], "held": [0, 0, 0]}
    sources_right = 0
    for index, gold_file in enumerate(gold_files):
        gold = json.loads(gold_file.read_text())
        dist = extract_allocation(paper(shared_dir, gold["slug"]))[0]
        sources_right += dist.source == gold["allocation_source"]
        if gold["allocation_source"] not in ("table", "text", "none"):
            continue
        gold_buckets = [b for b in gold["allocation"] if b["percent"] is not None]
        half = totals["tuned" if index % 2 == 0 else "held"]
        tp = _matches(dist.items, gold_buckets) if gold_buckets else 0
        for k, v in enumerate((tp, len(dist.items), len(gold_buckets))):
            half[k] += v
    overall = [a + b for a, b in zip(totals["tuned"], totals["held"])]
    assert _f1(*overall) >= 0.85, overall
    assert _f1(*totals["held"]) >= 0.80, totals["held"]
    assert sources_right >= 32
