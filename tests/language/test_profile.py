"""profile_document: dictionaries + models with fallbacks; empty, scanned and non-English papers."""

from __future__ import annotations

import json
import sys

import pytest

from ico_lens.language import profile as profile_module
from ico_lens.language.profile import profile_document, reset_models
from ico_lens.language.records import DISCLOSURE_ASPECTS, ProfileStatus, Specified
from ico_lens.paper.records import DocumentStatus, Section
from ico_lens.records import Evidence

from .test_sentences import make_document

INTRO = """\
Introduction
NovaChain is a revolutionary, innovative platform that will disrupt the advertising market.
Our competitors cannot match our superior technology. Token holders can expect huge returns
and the token price will increase as adoption grows.
"""

TOKEN = """\
Token Distribution
60% of the tokens will be allocated to the crowdsale, 20% to the team and 20% to the reserve.
Team tokens will be vested over 24 months with a 6 month cliff.
The funds raised will be used for development (50%), marketing (30%) and legal (20%).
"""

RISKS = """\
Risk Factors
Regulatory authorities may ban token sales in some jurisdictions, and the legal status of
tokens remains uncertain. Hackers could steal tokens through a bug in the smart contract.
The price of the token is highly volatile and purchasers may lose all of their investment.
This whitepaper does not constitute investment advice or an offer of securities.
"""

GERMAN = """\
Einleitung
Die Plattform ermöglicht es den Nutzern, ihre Daten sicher und dezentral zu speichern. Wir werden
die Token im Rahmen eines öffentlichen Verkaufs ausgeben und die Mittel für die Entwicklung der
Software verwenden. Die Preise der Token können stark schwanken und es besteht das Risiko eines
Totalverlusts für die Käufer, die sich vorher gründlich informieren sollten.
"""


def paper(**kwargs):
    return make_document(
        [INTRO, TOKEN, RISKS],
        sections=[
            Section("Introduction", 1, 1, 1),
            Section("Token Distribution", 1, 2, 2),
            Section("Risk Factors", 1, 3, 3),
        ],
        **kwargs,
    )


@pytest.fixture(autouse=True)
def fresh_models():
    reset_models()
    yield
    reset_models()


def test_dictionary_profile_of_an_english_paper():
    p = profile_document(paper(), use_models=False)
    assert p.status is ProfileStatus.OK and p.language == "en"
    assert p.backends == {"sentences": "dictionary", "disclosures": "dictionary"}
    assert p.word_count > 100 and p.sentence_count >= 10
    assert p.categories["hype_return_promises"] > 0 and p.categories["risk_regulatory"] > 0
    assert p.categories["lm.negative"] > 0 and "hiv4.Positiv" not in p.categories
    # Per-section rates: risk language sits in the risk section, hype in the introduction.
    sections = {s.title: s for s in p.sections}
    assert set(sections) == {"Introduction", "Token Distribution", "Risk Factors"}
    assert sections["Risk Factors"].categories["risk_security_hack"] > 0
    assert sections["Introduction"].categories["risk_security_hack"] == 0
    assert sections["Introduction"].categories["hype_return_promises"] > 0
    # Evidence: matched words with the page they are on.
    ev = p.evidence["risk_security_hack"]
    assert ("hackers", 3, "risk_security_hack") in [(m.quote, m.page, m.reason) for m in ev.matches]
    # Sentences: the risk sentences come from page 3, the hype from page 1.
    risk = [s for s in p.sentences if s.label == "risk_disclosure"]
    hype = [s for s in p.sentences if s.label == "return_promise"]
    assert risk and all(s.page == 3 for s in risk)
    assert hype and hype[0].page == 1
    assert all(0 <= s.score <= 1 for s in p.sentences)
    assert any(s.label == "legal_disclaimer" and "investment advice" in s.text for s in p.sentences)
    # Keyword disclosures, with evidence for what is present.
    d = p.disclosures
    assert list(d) == list(DISCLOSURE_ASPECTS)
    assert d["token_distribution"].present and d["vesting"].present and d["risk"].present
    assert d["use_of_funds"].present and d["lockup"].present  # "6 month cliff"
    assert not d["governance"].present
    assert p.disclosure_evidence["vesting"][0].page == 2
    assert p.disclosure_evidence["vesting"][0].reason == "vesting" and "vested" in p.disclosure_evidence["vesting"][0].quote
    assert p.readability["words_per_sentence"] > 5


def test_json_has_the_fields_the_issue_specifies():
    data = json.loads(profile_document(paper(), use_models=False, with_readability=False).to_json())
    assert data["status"] == "ok"
    assert set(data["disclosures"]) == set(DISCLOSURE_ASPECTS)
    for value in data["disclosures"].values():
        assert set(value) == {"present", "confidence", "specified"} and isinstance(value["present"], bool)
        assert 0 <= value["confidence"] <= 1
        assert value["specified"] is None  # the keyword fallback does not judge whether terms are stated
    assert isinstance(data["categories"]["risk_regulatory"], float)
    assert {"text", "page", "label", "score"} <= set(data["sentences"][0])


class FakeClassifier:
    def __init__(self):
        self.batches = []

    def predict_proba(self, texts):
        self.batches.append(len(texts))
        out = []
        for t in texts:
            hype = "returns" in t or "increase" in t
            out.append({"return_promise": 0.9, "other": 0.1} if hype else {"technical": 0.6, "other": 0.4})
        return out


class FakeDetector:
    def predict(self, document):
        out = {a: {"present": a != "lockup", "confidence": 0.8, "evidence": None} for a in DISCLOSURE_ASPECTS}
        out["governance"]["evidence"] = {"text": "Token holders vote on upgrades.", "page": 2, "score": 0.7}
        out["governance"]["specified"] = {"present": True, "confidence": 0.7, "probability": 0.7}
        return out


def test_models_are_used_when_given(monkeypatch):
    monkeypatch.setattr(profile_module, "BATCH_SIZE", 4)
    clf = FakeClassifier()
    p = profile_document(paper(), classifier=clf, detector=FakeDetector(), with_readability=False)
    assert p.backends == {"sentences": "model", "disclosures": "model"}
    assert max(clf.batches) <= 4 and sum(clf.batches) == p.sentence_count  # batched
    assert [s.label for s in p.sentences] == ["return_promise"] * len(p.sentences)
    assert p.sentences[0].score == 0.9 and p.sentences[0].source == "model"
    assert not p.disclosures["lockup"].present and p.disclosures["governance"].confidence == 0.8
    assert p.disclosure_evidence["governance"] == [Evidence.paper(2, "Token holders vote on upgrades.", reason="governance")]
    assert p.disclosures["governance"].specified == Specified(True, 0.7) and p.disclosures["lockup"].specified is None
    assert "lockup" not in p.disclosure_evidence  # absent: no evidence shown
    assert p.disclosure_evidence["vesting"][0].page == 2  # no model evidence: keyword hits kept
    assert not p.warnings


def test_missing_or_broken_models_fall_back_with_a_warning(monkeypatch):
    # The detector module cannot be imported; the classifier's load raises.
    monkeypatch.setitem(sys.modules, "ico_lens.language.disclosure", None)
    import ico_lens.language.classify as classify

    def broken_load(*args, **kwargs):
        raise FileNotFoundError("models/sentence_roles.json not found")

    monkeypatch.setattr(classify.SentenceRoleClassifier, "load", broken_load)
    p = profile_document(paper(), use_models=True, with_readability=False)
    assert p.status is ProfileStatus.OK
    assert p.backends == {"sentences": "dictionary", "disclosures": "dictionary"}
    assert any("sentence classifier unavailable" in w and "sentence_roles.json" in w for w in p.warnings)
    assert any("disclosure detector unavailable" in w for w in p.warnings)
    assert p.disclosures["vesting"].present  # keyword fallback still answers
    # The failure is remembered: the next paper does not try again, but still warns.
    again = profile_document(paper(), use_models=True, with_readability=False)
    assert any("sentence classifier unavailable" in w for w in again.warnings)


def test_a_classifier_that_fails_at_predict_time_does_not_crash():
    class Exploding:
        def predict_proba(self, texts):
            raise RuntimeError("CUDA out of memory")

    class WrongShape:
        def predict(self, document):
            return {"risk": {"present": True, "confidence": 1.7}}

    p = profile_document(paper(), classifier=Exploding(), detector=WrongShape(), with_readability=False)
    assert p.backends == {"sentences": "dictionary", "disclosures": "mixed"}
    assert any("CUDA out of memory" in w for w in p.warnings)
    assert p.disclosures["risk"].confidence == 1.0  # clipped to 0..1
    assert any("no answer for token_distribution" in w for w in p.warnings)


def test_empty_document_gets_status_empty():
    p = profile_document(make_document(["", "  \n 12 \n"]), use_models=False)
    assert p.status is ProfileStatus.EMPTY and p.word_count == 0
    assert all(not d.present and d.confidence == 0 for d in p.disclosures.values())
    assert p.categories == {} and p.sentences == []
    assert "no words" in p.warnings[-1]


def test_scanned_document_gets_status_no_text_layer():
    doc = make_document(["", ""], status=DocumentStatus.NO_TEXT_LAYER)
    p = profile_document(doc, use_models=True)  # no model is even loaded
    assert p.status is ProfileStatus.NO_TEXT_LAYER
    assert set(p.disclosures) == set(DISCLOSURE_ASPECTS)
    assert json.loads(p.to_json())["status"] == "no_text_layer"


def test_non_english_document_gets_status_not_english():
    # Ingestion said "unknown"; the profile checks the language itself.
    doc = make_document([GERMAN * 3], language="unknown")
    p = profile_document(doc, use_models=True)
    assert p.status is ProfileStatus.NOT_ENGLISH and p.language == "other"
    assert p.word_count > 50 and p.categories == {} and p.sentences == []
    assert p.backends == {"sentences": "none", "disclosures": "none"}  # no model was run on it


def test_very_short_document_is_flagged():
    doc = make_document(["The token price may be volatile and there is no guarantee of returns."], language="unknown")
    p = profile_document(doc, use_models=False, with_readability=False)
    assert p.status is ProfileStatus.TOO_SHORT and p.categories["risk_market_volatility"] > 0


@pytest.mark.shared
def test_real_text_paper_profile(shared_dir):
    from ico_lens.paper.ingest import open_document

    doc = open_document(shared_dir / "icobase" / "texts" / "adex.txt")
    p = profile_document(doc, use_models=False, with_readability=False)
    assert p.status is ProfileStatus.OK and p.word_count > 5000
    assert p.disclosures["vesting"].present  # "vested for 12 months with a 3 months cliff"
    assert p.categories["risk_security_hack"] > 0  # sybil attacks, fraud by malicious parties
    assert len(p.sections) >= 3
