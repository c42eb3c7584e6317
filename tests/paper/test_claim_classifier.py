"""The learned claims fallback: features, cue gating, JSON round trip, threshold choice, the hook in
detect_claims (fills only what the rules left unset, never overrides, silent papers stay silent)."""

from __future__ import annotations

import json
import math

import pytest

from ico_lens.paper.tokenomics import claim_classifier as cc
from ico_lens.paper.tokenomics.claim_classifier import (
    CUES,
    ClaimSentenceClassifier,
    Head,
    Window,
    fill_unset_claims,
    normalise,
    raw_features,
)
from ico_lens.paper.tokenomics.claim_training import (
    _fit_head,
    _labels,
    choose_threshold,
    paper_examples,
    parse_quote,
    quote_matches,
)
from ico_lens.paper.tokenomics.claims import detect_claims
from ico_lens.paper.tokenomics.claims.base import ClaimResult
from ico_lens.paper.tokenomics.evidence import TextUnit

from .textdoc import make_document

# invented paraphrases: a vesting statement the rules were not written on, and filler
VESTING = [
    "Tokens reserved for the founding members unlock gradually, a tenth of them every month.",
    "Allocations of the core contributors are released in equal parts over eighteen months.",
    "The developers' share stays locked in escrow and is released quarterly over two years.",
    "Founder allocations unlock at the end of a one-year cliff and monthly afterwards.",
]
FILLER = [
    "Our platform connects dentists and patients through a mobile application.",
    "The marketplace lets photographers sell licences for their pictures directly to buyers.",
    "Users pay a small fee in tokens each time they publish a listing on the board.",
    "The founding members have ten years of experience building payment software.",
    "The team is based in Berlin and works with partners across Europe and Asia.",
    "The public sale will be open to contributors from all eligible countries.",
    "Quarterly reports on progress will be published on our blog for the community.",
    "The company will release the beta version of the wallet in the second quarter.",
]


def _tiny_classifier(threshold: float = 0.5) -> ClaimSentenceClassifier:
    """A team_vesting head trained on invented sentences (vocabulary from the same sentences)."""
    clf = ClaimSentenceClassifier(C=10.0, min_df=1)
    papers = [[s] for s in VESTING + FILLER]
    clf.fit_vocabulary(papers)
    X = clf.transform(VESTING + FILLER)
    import numpy as np

    y = np.asarray([1] * len(VESTING) + [0] * len(FILLER))
    head = _fit_head(clf, X, y, np.ones(len(y)), "team_vesting", True)
    head.threshold = threshold
    clf.heads = [head]
    return clf


def test_features_normalise_digits_case_and_are_word_and_char_grams():
    assert normalise("Locked  for 12 MONTHS") == "locked for 0 months"
    feats = raw_features("Locked for 12 months")
    assert feats["w:locked"] == 1 and feats["w:locked for"] == 1 and feats["w:months"] == 1
    assert feats["c: lo"] == 1 and "c:cked " in feats
    assert raw_features("Locked for 24 months") == feats  # numbers are not vocabulary


def test_cues_gate_sentences_that_cannot_state_the_claim():
    assert CUES["team_vesting"].search("The founders' tokens are released over two years.")
    assert not CUES["team_vesting"].search("15% of the tokens go to the founding team.")
    assert CUES["oracle"].search("Exchange rates come from an external price feed.")
    assert not CUES["oracle"].search("Payments are settled in the smart contract.")


def test_tiny_head_reads_a_new_vesting_paraphrase_with_page_evidence():
    clf = _tiny_classifier()
    doc = make_document(
        "Our platform connects dentists and patients through a mobile application.",
        "15% of all tokens go to the founding members of the project team.\n"
        "Tokens of the founding members unlock monthly after a cliff of one year.",
    )
    p = clf.predict(doc)["team_vesting"]
    assert p.value is True and p.stated
    assert p.evidence.page == 2 and "unlock" in p.evidence.quote
    # the allocation sentence alone has no cue word: nothing stated
    alone = make_document("15% of all tokens go to the founding members of the project team.")
    assert not clf.stated(alone)


def test_silent_paper_gets_nothing_from_the_fallback():
    clf = _tiny_classifier()
    doc = make_document(*FILLER[:3])
    assert clf.stated(doc) == {}
    decided = {"team_vesting": None}
    assert fill_unset_claims(doc, decided, clf) == {"team_vesting": None}


def test_fill_unset_claims_never_overrides_a_rule():
    clf = _tiny_classifier()
    doc = make_document("Tokens of the founding members unlock monthly after a cliff of one year.")
    ruled = ClaimResult("team_vesting", False, [], rule="TeamVesting", confidence=0.9)
    decided = fill_unset_claims(doc, {"team_vesting": ruled}, clf)
    assert decided["team_vesting"] is ruled
    filled = fill_unset_claims(doc, {"team_vesting": None}, clf)["team_vesting"]
    assert filled.value is True and filled.rule == "ClaimSentenceClassifier"
    assert 0.0 <= filled.confidence <= 1.0


def test_threshold_above_confidence_abstains():
    clf = _tiny_classifier(threshold=1.01)
    doc = make_document("Tokens of the founding members unlock monthly after a cliff of one year.")
    assert clf.predict(doc)["team_vesting"].stated is False
    assert clf.stated(doc) == {}


def test_json_round_trip_predicts_the_same(tmp_path):
    clf = _tiny_classifier()
    clf.heads[0].calibration = (1.5, -0.5)
    path = clf.save(tmp_path / "claim_sentences.json")
    data = json.loads(path.read_text())
    assert data["kind"] == "claim_sentences" and "pickle" not in path.read_text()
    again = ClaimSentenceClassifier.load(path)
    doc = make_document("Founder allocations unlock monthly after a cliff of one year.", FILLER[0])
    a, b = clf.predict(doc)["team_vesting"], again.predict(doc)["team_vesting"]
    assert math.isclose(a.score, b.score, abs_tol=1e-3) and a.confidence == pytest.approx(b.confidence, abs=1e-3)


def test_load_refuses_another_kind_of_model(tmp_path):
    from ico_lens.language.heads import ModelFileError

    bad = tmp_path / "other.json"
    bad.write_text(json.dumps({"kind": "disclosure"}))
    with pytest.raises(ModelFileError):
        ClaimSentenceClassifier.load(bad)
    with pytest.raises(ModelFileError):
        ClaimSentenceClassifier.load(tmp_path / "missing.json")


def test_calibration_is_monotone_and_bounded():
    head = Head("oracle", True, {}, 0.0, calibration=(2.0, -1.0))
    values = [head.confidence(s) for s in (0.0, 0.2, 0.5, 0.8, 1.0)]
    assert values == sorted(values) and 0.0 <= values[0] and values[-1] <= 1.0


def test_quotes_parse_and_match_sentences():
    assert parse_quote("p.12: 'Team tokens are locked for a year'") == (12, "Team tokens are locked for a year")
    assert parse_quote("p.3 (table): \"Max supply 1B\"")[0] == 3
    sentence = "All team tokens are locked for a period of one year after the sale ends."
    assert quote_matches(sentence, "team tokens are locked for a period of one year")
    assert quote_matches(sentence, "Intro text here ... team tokens are locked for a period of one year")
    assert not quote_matches("The platform uses a mobile application for patients.", "team tokens are locked for a year")


def test_paper_examples_marks_quoted_sentences_positive():
    doc = make_document(
        "Our platform connects dentists and patients through a mobile application.",
        "The team share of 15% vests over 24 months with a six month cliff. Nothing else is locked here.",
    )
    gold = {"claims": {"team_vesting": True, "oracle": None},
            "evidence": {"claims.team_vesting": ["p.2: 'The team share of 15% vests over 24 months'"]}}
    ex = paper_examples(doc, gold)
    hits = ex["positives"]["team_vesting=true"]
    assert [ex["windows"][i].center.text[:14] for i in hits] == ["The team share"]
    assert "oracle=true" not in ex["positives"]  # gold silent: no positives, all negatives
    y, w = _labels([ex], "team_vesting", [True])
    assert w[hits[0]] == 1.0 and y[hits[0]] == 1
    # the next window is a positive of lower weight (its neighbour states it); had it no cue word it
    # would weigh 0, and an unquoted window far from the quote is a down-weighted "neither"
    other = [i for i, wd in enumerate(ex["windows"]) if wd.center.text.startswith("Nothing")][0]
    assert other in ex["near"]["team_vesting=true"] and y[other] == 1 and 0 < w[other] < 1


def test_threshold_choice_is_precision_first():
    # rules silent on the first four papers; the fifth and sixth were decided by the rules
    confidences = [0.9, 0.8, 0.7, 0.6, 0.95, 0.85]
    gold = [True, True, None, True, True, True]
    rules = [None, None, None, None, True, True]
    t, figures = choose_threshold(confidences, gold, rules, True, min_precision=0.8)
    # at 0.8: four fires on all papers, all right; a threshold reaching 0.7 would fire on a silent paper wrongly
    assert 0.7 < t <= 0.8 and figures["fires"] == 2 and figures["right"] == 2 and figures["wrong"] == 0
    assert figures["all_fires"] == 4 and figures["all_right"] == 4 and figures["silent_papers"] == 4
    # two right papers are not enough evidence: disabled
    t, figures = choose_threshold([0.9, 0.8, 0.4], [True, True, None], [None, True, None], True, min_precision=0.8)
    assert t > 1 and figures["fires"] == 0
    # right on every paper the rules decided, silent papers never reached: the head alone is evidence
    t, figures = choose_threshold([0.9, 0.85, 0.8, 0.3], [True, True, True, None], [True, True, True, None], True, 0.8)
    assert 0.5 <= t <= 0.8 and figures["all_right"] == 3 and figures["fires"] == 0


def test_detect_claims_hook_uses_the_fallback_only_when_enabled(monkeypatch):
    clf = _tiny_classifier()
    monkeypatch.setattr(cc, "shipped", lambda: clf)
    doc = make_document("The developers share stays in escrow and is released quarterly over two years.")
    assert "team_vesting" not in detect_claims(doc, fallback=False)  # the rules abstain on this wording
    with_fallback = detect_claims(doc)
    assert with_fallback["team_vesting"].value is True
    assert with_fallback["team_vesting"].rule == "ClaimSentenceClassifier"
    assert "team_vesting" not in detect_claims(make_document(*FILLER[:2]))


def test_shipped_model_loads_and_can_be_switched_off(monkeypatch):
    if not cc.DEFAULT_PATH.exists():
        pytest.skip("models/claim_sentences.json not trained")
    monkeypatch.setattr(cc, "_SHIPPED", [])
    clf = cc.shipped()
    assert clf is not None and clf.heads and all(h.threshold >= 0.5 for h in clf.heads)
    assert detect_claims(make_document(*FILLER)) == {}  # a paper that says nothing gets nothing
    monkeypatch.setenv("ICO_LENS_CLAIM_FALLBACK", "0")
    assert cc.shipped() is None


def test_prune_keeps_enabled_heads_and_their_predictions():
    clf = _tiny_classifier()
    doc = make_document("Founder allocations unlock monthly after a cliff of one year.", FILLER[0])
    before = clf.predict(doc)["team_vesting"].score
    off = Head("oracle", True, {0: 1.0}, -3.0, threshold=1.01, metrics={"fires": 0})
    clf.heads.append(off)
    clf._matrix = None
    n_features = len(clf.vocabulary)
    clf.prune()
    assert [h.claim for h in clf.heads] == ["team_vesting"] and "oracle=true" in clf.metadata["disabled_heads"]
    assert len(clf.vocabulary) == n_features  # the l2 norms need every feature
    assert clf.predict(doc)["team_vesting"].score == pytest.approx(before, abs=1e-6)


def test_shipped_model_reads_team_vesting_only_where_the_team_is_the_subject(monkeypatch):
    """A lock of another group's tokens is no team vesting, however much it reads like one; the team's
    lock stated over two sentences still is."""
    if not cc.DEFAULT_PATH.exists():
        pytest.skip("models/claim_sentences.json not trained")
    monkeypatch.setattr(cc, "_SHIPPED", [])
    investors = make_document(
        "Early investors who joined the private round receive 10% of the token supply. "
        "These tokens are locked for 6 months after the token generation event and then released in full.",
        *FILLER[:2])
    assert "team_vesting" not in detect_claims(investors)
    team = make_document(
        "The founding team receives 15% of the token supply. "
        "These tokens are locked for 12 months after the token generation event and then released monthly.",
        *FILLER[:2])
    vesting = detect_claims(team).get("team_vesting")
    assert vesting is not None and vesting.value is True


def test_subject_gate_looks_at_the_sentence_before_only_when_the_centre_names_no_group():
    team_before = Window(TextUnit(1, "These tokens are released after a cliff of one year.", "sentence"),
                         before="The founders hold 20% of all tokens.")
    advisors_centre = Window(TextUnit(1, "Advisor tokens are released after a cliff of one year.", "sentence"),
                             before="The founders hold 20% of all tokens.")
    developers = Window(TextUnit(1, "The developers' share stays in escrow for two years.", "sentence"))
    assert cc.names_subject("team_vesting", team_before)
    assert cc.names_subject("team_vesting", developers)  # no other group named: the words decide
    assert not cc.names_subject("team_vesting", advisors_centre)
    assert cc.names_subject("oracle", advisors_centre)  # other claims have no subject to check


def test_shipped_model_does_not_read_a_stated_supply_as_a_fixed_one(monkeypatch):
    """A sentence that only states the supply and its creation says nothing of it being fixed (the words
    it shares with the fixed-supply sentences are those of supply and creation)."""
    if not cc.DEFAULT_PATH.exists():
        pytest.skip("models/claim_sentences.json not trained")
    monkeypatch.setattr(cc, "_SHIPPED", [])
    for sentence in ("At the token generation event an initial supply of 1,000,000,000 KLM will be created.",
                     "The total supply of KLM is 800,000,000 tokens, created in full at the token generation event."):
        claims = detect_claims(make_document(sentence, *FILLER[:2]))
        assert claims.get("supply_fixed") is None or claims["supply_fixed"].value is not True, sentence


def test_value_cues_ask_a_fixed_supply_reading_for_a_word_of_fixity():
    cue = cc.VALUE_CUES["supply_fixed", True]
    assert cue.search("No new tokens will ever be created after the sale.")
    assert cue.search("The supply is capped at 100 million and can never be increased.")
    assert cue.search("Additional tokens cannot be minted by anyone.")
    assert not cue.search("An initial supply of 1,000,000,000 tokens will be created at the generation event.")
