"""DisclosureDetector: shipped model on real papers, facts as evidence, empty and non-English input, fit/save/load."""

from __future__ import annotations

import json
import math
import os

import pytest

pytest.importorskip("sentence_transformers")
pytest.importorskip("sklearn")

from ico_lens.language import datasets  # noqa: E402
from ico_lens.language import disclosure  # noqa: E402
from ico_lens.language.disclosure import (  # noqa: E402
    DEFAULT_PATH,
    FACT_FEATURES,
    SPECIFIED,
    DisclosureDetector,
    DocumentEvidence,
    extract_paper_facts,
    fact_features,
)
from ico_lens.language.heads import ModelFileError  # noqa: E402
from ico_lens.language.records import DISCLOSURE_ASPECTS  # noqa: E402

# Short real excerpts (the allocation and the risk section of ICO white papers).
DISCLOSING = """\
Token Distribution
The total supply of 100,000,000 tokens will be distributed as follows: 60% token sale, 20% team, 10% advisors, 10% bounty.
Tokens allocated to the team will vest over 24 months with a 6-month cliff.
Team tokens are locked for 12 months after the token sale and cannot be transferred.
Use of Funds
The funds raised will be used as follows: 45% development, 30% marketing, 15% operations, 10% legal.
Risk Factors
Buying Tokens involves risks, and purchasers should be able to bear the loss of their entire purchase.
The regulatory status of cryptographic tokens is unclear or unsettled in many jurisdictions.
Governance
Token holders can vote on proposals that decide the future development of the platform.
"""
SILENT = """\
The Pundi X POS is a smart device that is built to distribute cryptocurrency.
Every Pundi X POS device is connected to the Ethereum blockchain, so that each transaction is recorded.
Developers can even set different transaction fees for different countries.
The Pundi-Pundi digital wallet app supports the Pundi X Wallet API.
"""


@pytest.fixture(scope="module")
def shipped():
    os.environ["HF_HUB_OFFLINE"] = "1"
    if not DEFAULT_PATH.is_file():
        pytest.skip("no shipped model: run python -m ico_lens.cli.train_language")
    return DisclosureDetector.load()


def test_shipped_model_is_plain_json_with_a_card():
    data = json.loads(DEFAULT_PATH.read_text())
    assert data["kind"] == "disclosure" and set(data["heads"]) == set(DISCLOSURE_ASPECTS)
    # the second question, "are the concrete terms stated?", has its own heads for the gold aspects
    assert set(data["specified_heads"]) == set(SPECIFIED) == {"token_distribution", "use_of_funds", "vesting", "governance"}
    assert DEFAULT_PATH.with_suffix(".md").is_file()
    # the shipped heads read the tokenomics facts: one coefficient per text feature and per fact
    assert data["params"]["use_facts"] is True
    assert data["fact_features"]["vesting"] == list(disclosure.ASPECTS["vesting"].facts)
    for aspect, head in [*data["heads"].items(), *data["specified_heads"].items()]:
        rule = disclosure.ASPECTS[aspect]
        width = len(disclosure.FEATURE_NAMES) * (1 + len(rule.related)) + 1 + len(rule.facts)
        assert len(head["coef"][0]) == width, aspect


def test_fact_features_from_the_tokenomics_stage():
    facts = extract_paper_facts(DISCLOSING)
    features = fact_features(facts)
    assert set(features) == set(FACT_FEATURES)
    assert features["allocation_found"] == 1.0 and features["allocation_sums_to_100"] == 1.0
    assert features["allocation_buckets"] == pytest.approx(math.log1p(4))  # sale, team, advisors, bounty
    assert features["use_of_funds_found"] == 1.0
    assert features["allocation_pictured"] == features["use_of_funds_pictured"] == 0.0  # read, not pictured
    assert features["team_vesting"] == 1.0 and features["team_vesting_months"] == pytest.approx(math.log1p(24))
    assert features["governance_rights"] == 1.0 and features["governance_rights_denied"] == 0.0
    silent = fact_features(extract_paper_facts(SILENT))
    assert not any(silent[name] for name in ("allocation_found", "use_of_funds_found", "team_vesting", "governance_rights"))
    assert fact_features(None) == dict.fromkeys(FACT_FEATURES, 0.0)


def test_a_breakdown_shown_only_as_a_chart_counts_as_pictured():
    from ico_lens.paper.records import Figure
    from ico_lens.paper.tokenomics.facts import extract_facts

    from tests.paper.distfixtures import document, filler, page

    # a "Use of Funds" heading over a budget chart, no figures in the text layer (gbx, sirin-labs, zap)
    chart = Figure(page=2, bbox=(60, 160, 510, 460), pixel_width=1000, pixel_height=700)
    doc = document(page(1, filler()), page(2, "Use of Funds\nThe budget is shown below.", image_count=1), figures=[chart])
    features = fact_features(extract_facts(doc), doc)
    assert features["use_of_funds_pictured"] == 1.0 and features["use_of_funds_found"] == 0.0
    plain = document(page(1, filler()), page(2, "Use of Funds\nThe budget is shown below."))
    assert fact_features(extract_facts(plain), plain)["use_of_funds_pictured"] == 0.0  # no picture: nothing shown


def test_answer_shape_and_evidence(shipped):
    result = shipped.predict(DISCLOSING)
    assert set(result) == set(DISCLOSURE_ASPECTS)
    for aspect, value in result.items():
        assert isinstance(value["present"], bool)
        assert 0.0 <= value["confidence"] <= 1.0 and 0.0 <= value["probability"] <= 1.0
        assert value["confidence"] >= 0.5  # the probability of the answer given
        assert (value["specified"] is None) == (aspect not in SPECIFIED), aspect
        if value["specified"] and value["specified"]["present"]:
            assert value["present"], aspect  # terms stated are terms discussed
    # the excerpt states the terms: a token breakdown, a budget breakdown, team vesting, holder voting
    for aspect in SPECIFIED:
        assert result[aspect]["specified"]["present"], aspect
    assert result["token_distribution"]["present"] and result["risk"]["present"]
    assert result["use_of_funds"]["present"] and result["vesting"]["present"]  # the facts found both breakdowns
    assert "distributed" in result["token_distribution"]["evidence"]["text"]
    assert result["token_distribution"]["evidence"]["page"] == 1


def test_a_technical_passage_discloses_nothing_about_money(shipped):
    result = shipped.predict(SILENT)
    for aspect in ("use_of_funds", "lockup", "vesting", "risk"):
        assert not result[aspect]["present"], aspect


@pytest.mark.parametrize("text", ["", "   \n  ", "Das Token wird auf der Ethereum-Blockchain ausgegeben. Die Mittel werden für Entwicklung verwendet."])
def test_empty_or_non_english_text_does_not_crash(shipped, text):
    result = shipped.predict(text)
    assert set(result) == set(DISCLOSURE_ASPECTS)
    if not text.strip():
        assert not any(v["present"] for v in result.values())
        assert all(v["evidence"] is None for v in result.values())


def test_facts_given_by_the_caller_are_used_not_recomputed(shipped, monkeypatch):
    facts = extract_paper_facts(DISCLOSING)
    without = shipped.predict(SILENT)

    def fail(document):
        raise AssertionError("facts were extracted again")

    monkeypatch.setattr(disclosure, "extract_paper_facts", fail)
    with_facts = shipped.predict(SILENT, facts=facts)
    # the same sentences, but now the paper's facts say: an allocation, team vesting, use of funds
    for aspect in ("token_distribution", "vesting", "use_of_funds"):
        assert with_facts[aspect]["probability"] > without[aspect]["probability"], aspect
    # team vesting and governance rights are claims the facts carry: they decide those two here
    for aspect in ("vesting", "governance"):
        assert with_facts[aspect]["present"] and not without[aspect]["present"], aspect
    assert not with_facts["risk"]["present"]  # no fact speaks of risk


@pytest.mark.shared
def test_real_paper_from_icobase(shipped, shared_dir):
    from ico_lens.paper.ingest import open_document

    document = open_document(shared_dir / "icobase" / "texts" / "aigang.txt")
    evidence = shipped.evidence(document)
    # facts extraction runs on plain-text papers too: aigang's allocation and team vesting are found
    assert evidence.facts["allocation_found"] == 1.0 and evidence.facts["team_vesting"] == 1.0
    result = shipped.predict(evidence)
    # aigang: annotated Token distributions 1, Use_of_funds 1, Vesting 1 (and it says so in the text)
    assert result["token_distribution"]["present"] and result["use_of_funds"]["present"]
    assert result["vesting"]["present"]
    assert result["token_distribution"]["evidence"]["page"] >= 1


@pytest.mark.shared
def test_label_sources(shared_dir):
    human = datasets.human_labels(shared_dir)
    gold = datasets.gold_presence(shared_dir)
    assert len(human) == 51 and all(set(r["labels"]) == set(DISCLOSURE_ASPECTS) for r in human)
    assert len(gold) == 35  # maecenas has no text layer
    held = [r for r in human if datasets.is_held_out(r["slug"])]
    assert 8 <= len(held) <= 18
    auctus = next(r for r in gold if r["slug"] == "auctus")
    assert auctus["specified"] == {"token_distribution": 1, "use_of_funds": 1, "vesting": 1, "governance": 0}
    # for "is it discussed?" a gold row teaches only through its positives
    assert auctus["labels"] == {"token_distribution": 1, "use_of_funds": 1, "vesting": 1}
    lunyr = next(r for r in gold if r["slug"] == "lunyr")
    assert "governance" not in lunyr["specified"]  # governance_rights false: left out


def test_fit_save_load_round_trip(tmp_path):
    docs = [DISCLOSING, SILENT, DISCLOSING.replace("Token holders", "Members"), SILENT.replace("Pundi", "Acme")]
    labels = [dict.fromkeys(DISCLOSURE_ASPECTS, 1), dict.fromkeys(DISCLOSURE_ASPECTS, 0)] * 2
    specified = [{"vesting": 1}, {"vesting": 0}, {"vesting": 0}, {"vesting": 0}]  # only the first states a term
    detector = DisclosureDetector(C=1.0).fit(docs, labels, specified=specified)
    assert set(detector.specified_heads) == {"vesting"}  # the other aspects had no examples
    path = detector.save(tmp_path / "disclosure.json")
    again = DisclosureDetector.load(path)
    evidence = detector.evidence(DISCLOSING)
    assert isinstance(evidence, DocumentEvidence)
    assert detector.predict(evidence) == again.predict(evidence)
    assert again.predict(evidence)["vesting"]["specified"] is not None and again.predict(evidence)["risk"]["specified"] is None
    assert again.predict(evidence)["vesting"]["present"] and not again.predict(SILENT)["vesting"]["present"]
    assert again.use_facts and evidence.facts["team_vesting"] == 1.0


def test_text_only_model_files_still_load_and_mismatches_are_refused(tmp_path):
    docs = [DISCLOSING, SILENT] * 2
    labels = [dict.fromkeys(DISCLOSURE_ASPECTS, 1), dict.fromkeys(DISCLOSURE_ASPECTS, 0)] * 2
    text_only = DisclosureDetector(C=1.0, use_facts=False).fit(docs, labels)
    path = text_only.save(tmp_path / "text_only.json")
    data = json.loads(path.read_text())
    del data["fact_features"], data["params"]["use_facts"]  # a file written before facts existed
    del data["specified_heads"]  # ... and before the "specified" question
    path.write_text(json.dumps(data))
    old = DisclosureDetector.load(path)
    assert not old.use_facts and old.evidence(SILENT).facts is None
    assert old.predict(DISCLOSING)["vesting"]["present"] and old.predict(DISCLOSING)["vesting"]["specified"] is None
    data["fact_features"] = {"vesting": ["team_vesting"]}
    path.write_text(json.dumps(data))
    with pytest.raises(ModelFileError, match="fact features"):
        DisclosureDetector.load(path)


def test_training_needs_both_classes_and_a_good_file(tmp_path):
    with pytest.raises(ValueError, match="positive and negative"):
        DisclosureDetector().fit([SILENT, SILENT], [dict.fromkeys(DISCLOSURE_ASPECTS, 0)] * 2)
    with pytest.raises(ModelFileError, match="not found"):
        DisclosureDetector.load(tmp_path / "none.json")
