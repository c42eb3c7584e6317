"""DisclosureDetector: shipped model on real papers, empty and non-English input, fit/save/load."""

from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("sentence_transformers")
pytest.importorskip("sklearn")

from ico_lens.language import datasets  # noqa: E402
from ico_lens.language.disclosure import DEFAULT_PATH, DisclosureDetector, DocumentEvidence  # noqa: E402
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
        pytest.skip("no shipped model: run python -m ico_lens.language.train")
    return DisclosureDetector.load()


def test_shipped_model_is_plain_json_with_a_card():
    data = json.loads(DEFAULT_PATH.read_text())
    assert data["kind"] == "disclosure" and set(data["heads"]) == set(DISCLOSURE_ASPECTS)
    assert DEFAULT_PATH.with_suffix(".md").is_file()


def test_answer_shape_and_evidence(shipped):
    result = shipped.predict(DISCLOSING)
    assert set(result) == set(DISCLOSURE_ASPECTS)
    for aspect, value in result.items():
        assert isinstance(value["present"], bool)
        assert 0.0 <= value["confidence"] <= 1.0 and 0.0 <= value["probability"] <= 1.0
        assert value["confidence"] >= 0.5  # the probability of the answer given
    assert result["token_distribution"]["present"] and result["risk"]["present"]
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


@pytest.mark.shared
def test_real_paper_from_icobase(shipped, shared_dir):
    from ico_lens.paper.ingest import open_document

    document = open_document(shared_dir / "icobase" / "texts" / "aigang.txt")
    result = shipped.predict(document)
    # aigang: annotated Token distributions 1, Use_of_funds 1, Vesting 1 (and it says so in the text)
    assert result["token_distribution"]["present"] and result["use_of_funds"]["present"]
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
    assert auctus["labels"] == {"token_distribution": 1, "use_of_funds": 1, "vesting": 1, "governance": 0}
    lunyr = next(r for r in gold if r["slug"] == "lunyr")
    assert "governance" not in lunyr["labels"]  # governance_rights false: left out


def test_fit_save_load_round_trip(tmp_path):
    docs = [DISCLOSING, SILENT, DISCLOSING.replace("Token holders", "Members"), SILENT.replace("Pundi", "Acme")]
    labels = [dict.fromkeys(DISCLOSURE_ASPECTS, 1), dict.fromkeys(DISCLOSURE_ASPECTS, 0)] * 2
    detector = DisclosureDetector(C=1.0).fit(docs, labels)
    path = detector.save(tmp_path / "disclosure.json")
    again = DisclosureDetector.load(path)
    evidence = detector.evidence(DISCLOSING)
    assert isinstance(evidence, DocumentEvidence)
    assert detector.predict(evidence) == again.predict(evidence)
    assert again.predict(evidence)["vesting"]["present"] and not again.predict(SILENT)["vesting"]["present"]


def test_training_needs_both_classes_and_a_good_file(tmp_path):
    with pytest.raises(ValueError, match="positive and negative"):
        DisclosureDetector().fit([SILENT, SILENT], [dict.fromkeys(DISCLOSURE_ASPECTS, 0)] * 2)
    with pytest.raises(ModelFileError, match="not found"):
        DisclosureDetector.load(tmp_path / "none.json")
