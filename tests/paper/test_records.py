"""The paper records read back from their JSON equal to what was extracted: the documents and facts of
every sample paper (corpora/sample/build, ``make sample``) and of the real papers of ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics.facts import PaperFacts, extract_facts
from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution, UseOfFundsItem
from ico_lens.records import Evidence, ProjectRef

from .textdoc import make_document

SAMPLE_BUILD = Path(__file__).resolve().parents[2] / "corpora" / "sample" / "build"
SAMPLE_PAPERS = sorted(SAMPLE_BUILD.glob("*.pdf"))


def assert_round_trip(document: Document, facts: PaperFacts) -> None:
    document_json = json.loads(document.to_json(include_text=True))
    assert Document.from_dict(document_json) == document
    facts_json = json.loads(facts.to_json())
    back = PaperFacts.from_dict(facts_json)
    assert back == facts
    assert back.to_dict() == facts_json  # and it writes the same record again
    assert facts.ref == ProjectRef(content_id=document.content_id, symbol=facts.token_symbol, chain_id=None)
    assert facts_json["ref"]["key"] == f"paper:{document.content_id}"


@pytest.mark.skipif(not SAMPLE_PAPERS, reason="sample corpus not built (make sample)")
@pytest.mark.parametrize("path", SAMPLE_PAPERS, ids=lambda p: p.stem)
def test_sample_paper_records_round_trip(path):
    from ico_lens.paper.ingest import open_document

    document = open_document(path)
    facts = extract_facts(document)
    assert_round_trip(document, facts)


@pytest.mark.shared
@pytest.mark.slow
def test_real_paper_records_round_trip(real_papers):
    assert len(real_papers) == 36
    for slug, (document, facts) in real_papers.items():
        try:
            assert_round_trip(document, facts)
        except AssertionError as exc:
            raise AssertionError(f"{slug}: {exc}") from exc


def test_facts_without_breakdowns_or_text_round_trip():
    # not English: no breakdown was looked for (allocation_source null); no text layer: no terms
    from ico_lens.paper.records import DocumentStatus

    for document in (
        make_document("代币总量为10亿枚，其中40%用于公开销售。", language="other"),
        make_document("", "", status=DocumentStatus.NO_TEXT_LAYER, language="unknown"),
    ):
        assert_round_trip(document, extract_facts(document))


def test_a_quote_with_apostrophes_survives_the_gold_evidence_strings():
    doc = make_document("The 'LUM' token. Only 'one billion' LUM tokens will ever be created.''")
    facts = extract_facts(doc)
    assert facts.claims["supply_fixed"].evidence
    assert PaperFacts.from_dict(json.loads(facts.to_json())) == facts


def test_buckets_keep_page_in_their_json_from_one_evidence():
    bucket = AllocationBucket("Team", "team_founders", "pre_ico", 15.0, evidence=Evidence.paper(12, "Team 15%"))
    data = bucket.to_dict()
    assert data["page"] == 12 and data["evidence"] == {"page": 12, "quote": "Team 15%", "kind": "paper"}
    item = UseOfFundsItem("Marketing", "marketing", 20.0, evidence=Evidence.paper(14, "Marketing 20%"))
    dist = Distribution("use_of_funds", [item], "text").finish()
    assert dist.pages == [14]
    assert Distribution.from_dict(json.loads(json.dumps(dist.to_dict()))) == dist
    assert AllocationBucket.from_dict(data) == bucket


def test_a_record_without_the_newer_fields_still_reads_what_it_has():
    # written before ref, terms and *_confidence existed: claims and notes are still read back
    facts = extract_facts(make_document("The LUM token. Only one billion LUM tokens will ever be created."))
    data = json.loads(facts.to_json())
    for key in ("ref", "terms", "allocation_confidence", "use_of_funds_confidence"):
        data.pop(key)
    back = PaperFacts.from_dict(data)
    assert back.claims == facts.claims and back.notes == facts.notes
    assert back.ref.content_id is None and back.terms.symbol is None
