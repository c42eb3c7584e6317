"""PaperFacts: the GOLD.md record assembled from terms, claims and distributions; the extract CLI."""

from __future__ import annotations

import json
import sys

import pytest

from ico_lens.paper.records import DocumentStatus
from ico_lens.paper.tokenomics import facts as facts_module
from ico_lens.paper.tokenomics.facts import NOT_TOKEN_SALE, extract_facts

from .textdoc import make_document

GOLD_FIELDS = [
    "slug", "text_layer", "pages", "token_symbol", "token_standard", "total_supply", "allocation_source",
    "allocation", "use_of_funds_source", "use_of_funds", "claims", "evidence", "notes",
]
CLAIMS = [
    "supply_fixed", "unsold_tokens", "burn_mechanism", "team_vesting", "team_vesting_months",
    "transfers_locked_until_sale_end", "governance_rights", "oracle", "hard_cap", "token_price",
]

PAPER = [
    "Lumen Network White Paper\nThe Lumen platform connects energy producers with buyers. The LUM token is the unit of account.",
    "Token Sale Summary\n● Token Price: 1 ETH = 5000 LUM\n● Total supply: 500,000,000 LUM\n● Hard Cap: 20,000 ETH\n"
    "LUM is an ERC-20 compliant token. No new tokens will ever be created after the sale.\n"
    "In case the hard cap is not reached, unsold LUM tokens will be burned at the end of the token sale.",
    "Token Distribution\n40% Public sale\n20% Team\n30% Reserve\n10% Advisors\n"
    "Team tokens will be vested over 24 months with a 6 month cliff.",
]


@pytest.fixture(scope="module")
def lumen():
    return extract_facts(make_document(*PAPER, path="papers/lumen.pdf"))


def test_to_dict_has_exactly_the_gold_fields_first(lumen):
    data = lumen.to_dict()
    assert list(data)[: len(GOLD_FIELDS)] == GOLD_FIELDS
    assert list(data["claims"]) == CLAIMS
    json.dumps(data)  # serialisable as is


def test_terms_and_claims_with_page_evidence(lumen):
    data = lumen.to_dict()
    assert data["slug"] == "lumen"
    assert data["pages"] == 3 and data["text_layer"] is True
    assert data["token_symbol"] == "LUM"
    assert data["token_standard"] == "ERC20"
    assert data["total_supply"] == 500_000_000
    assert data["claims"]["supply_fixed"] is True
    assert data["claims"]["unsold_tokens"] == "burned"
    assert data["claims"]["team_vesting"] is True
    assert data["claims"]["team_vesting_months"] == 24
    assert data["claims"]["hard_cap"] == "20,000 ETH"
    assert data["evidence"]["total_supply"][0].startswith("p.2: '")
    assert data["evidence"]["claims.team_vesting"][0].startswith("p.3: ")
    assert data["status"] == "ok"


def test_allocation_comes_from_the_allocation_stage_with_our_total_supply(monkeypatch):
    seen = []

    def fake_allocation(document, total_supply=None, ocr=False):
        from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution
        from ico_lens.records import Evidence

        seen.append(total_supply)
        bucket = AllocationBucket("Public sale", "public_sale", "ico", 40.0, evidence=Evidence.paper(3, "40% Public sale"))
        return [Distribution("allocation", [bucket], "text", is_main=True).finish()]

    import ico_lens.paper.tokenomics.allocation as allocation

    monkeypatch.setattr(allocation, "extract_allocation", fake_allocation)
    data = extract_facts(make_document(*PAPER)).to_dict()
    assert seen[0] == 500_000_000
    assert data["allocation_source"] == "text"
    assert data["allocation"][0]["category"] == "public_sale"
    assert data["allocation"][0]["stage"] == "ico"
    assert data["allocation_residual"] == 60.0
    assert data["evidence"]["allocation"] == ["p.3: '40% Public sale'"]
    assert data["allocation"][0]["page"] == 3
    assert data["allocation"][0]["evidence"] == {"page": 3, "quote": "40% Public sale", "kind": "paper"}


def test_a_failing_or_missing_distribution_stage_costs_only_its_own_fields(monkeypatch):
    import ico_lens.paper.tokenomics.allocation as allocation

    def broken(document, total_supply=None, ocr=False):
        raise ValueError("boom")

    monkeypatch.setattr(allocation, "extract_allocation", broken)
    monkeypatch.setitem(sys.modules, "ico_lens.paper.tokenomics.funds", None)  # import fails
    facts = extract_facts(make_document(*PAPER))
    data = facts.to_dict()
    assert data["total_supply"] == 500_000_000
    assert data["allocation_source"] == "none" and data["allocation"] == []
    assert "allocation extraction failed" in data["notes"]
    assert "use-of-funds extraction is not installed" in data["notes"]


def test_no_text_layer_paper_is_null_with_a_status():
    doc = make_document("", "", status=DocumentStatus.NO_TEXT_LAYER, language="unknown")
    data = extract_facts(doc).to_dict()
    assert data["text_layer"] is False
    assert data["status"] == "no_text_layer"
    assert data["total_supply"] is None and data["token_symbol"] is None
    assert all(v is None for v in data["claims"].values())
    assert "OCR" in data["notes"]


def test_research_preprint_is_not_a_token_sale_paper():
    doc = make_document(
        "FANTOM: a scalable framework for asynchronous distributed systems. A preprint.",
        "Let n denote the total number of nodes. Each node can create event blocks.",
    )
    data = extract_facts(doc).to_dict()
    assert data["status"] == NOT_TOKEN_SALE
    assert data["token_symbol"] is None and data["total_supply"] is None


def test_non_english_paper_is_reported_as_such():
    doc = make_document("代币总量为10亿枚，其中40%用于公开销售。", language="other")
    data = extract_facts(doc).to_dict()
    assert data["status"] == "not_english"
    assert data["language"] == "other"
    assert data["total_supply"] is None
    # English bucket rules are not applied to a foreign paper: "not read" (null), not "none found"
    assert data["allocation"] == [] and data["allocation_source"] is None
    assert data["use_of_funds"] == [] and data["use_of_funds_source"] is None
    assert "not extracted" in data["notes"]


def test_rendered_facts_show_symbol_supply_and_claims_with_pages(lumen):
    from ico_lens.report.paper import render_facts

    lines = render_facts(lumen)
    text = "\n".join(lines)
    assert lines[0] == "  token facts"
    assert "    symbol        LUM  [p.1]" in lines
    assert "    total supply  500,000,000  [p.2]" in lines
    assert "unsold_tokens" in text and "burned" in text and "p.2" in text
    assert not hasattr(lumen, "summary_lines")  # the record carries no renderer


def test_ref_names_the_paper_by_content_id_and_symbol(lumen):
    assert lumen.ref.content_id == "0" * 64 and lumen.ref.symbol == "LUM" and lumen.ref.chain_id is None
    assert lumen.to_dict()["ref"]["key"] == "paper:" + "0" * 64


# ---------------------------------------------------------------------------------------------
# the CLI on a generated PDF


@pytest.fixture(scope="module")
def generated_pdf(tmp_path_factory):
    from . import factory

    return factory.whitepaper(tmp_path_factory.mktemp("facts") / "lumen.pdf")


def test_extract_json_has_facts_at_top_level_and_document_inside(generated_pdf, capsys):
    from ico_lens.cli import main

    assert main(["extract", str(generated_pdf), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for name in GOLD_FIELDS:
        assert name in data
    assert data["total_supply"] == 500_000_000
    assert data["token_symbol"] == "LUM"
    assert data["document"]["page_count"] == 6


def test_extract_text_summary_has_token_facts(generated_pdf, capsys):
    from ico_lens.cli import main

    assert main(["extract", str(generated_pdf)]) == 0
    out = capsys.readouterr().out
    assert "token facts" in out
    assert "total supply  500,000,000" in out


@pytest.mark.shared
def test_real_scanned_paper_is_reported_without_facts(shared_dir):
    from ico_lens.paper.ingest import open_document

    data = extract_facts(open_document(shared_dir / "corpus/whitepapers/maecenas.pdf")).to_dict()
    assert data["text_layer"] is False
    assert data["status"] == "no_text_layer"
    assert data["total_supply"] is None


@pytest.mark.shared
def test_real_nucleus_vision_supply(shared_dir):
    from ico_lens.paper.ingest import open_document

    facts = extract_facts(open_document(shared_dir / "corpus/whitepapers/nucleus-vision.pdf"))
    assert facts.total_supply == 10_000_000_000
    assert facts.claim("supply_fixed") is True
    assert facts.terms.total_supply.evidence[0].page == 8


def test_module_exports():
    assert facts_module.PaperFacts and facts_module.extract_facts
