"""The window classifier of the claims fallback (issue 12): a sentence read with its neighbours, denials
as their own class, the rules' own patterns and negation scopes as features, lenient quote matching.

Every input is invented, written the way a white paper words it; the tiny classifiers are trained here
on such sentences (the shipped model is tested in test_claim_classifier.py)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from ico_lens.paper.tokenomics import claim_classifier as cc
from ico_lens.paper.tokenomics.claim_classifier import (
    ClaimSentenceClassifier,
    Window,
    negated_words,
    pattern_features,
    rule_patterns,
    window_features,
    windows_of,
)
from ico_lens.paper.tokenomics.claim_training import (
    _fit_claim,
    _labels,
    examples_from_units,
    quote_matches,
    quote_spans_window,
)
from ico_lens.paper.tokenomics.evidence import TextUnit

from .textdoc import make_document


def _units(*sentences: str, page: int = 1) -> list[TextUnit]:
    return [TextUnit(page, s, "sentence") for s in sentences]


def _train(windows: list[Window], labels: list[int], claim: str, values: list) -> ClaimSentenceClassifier:
    """A classifier over ``windows`` (vocabulary from the same windows), one model for ``claim``."""
    clf = ClaimSentenceClassifier(C=10.0, min_df=1)
    feats = [window_features(w) for w in windows]
    clf.fit_vocabulary([[f] for f in feats])
    X = clf.transform(feats)
    heads = _fit_claim(clf, X, np.asarray(labels), np.ones(len(labels)), claim, values)
    for head in heads:
        head.threshold = 0.5
    clf.heads = heads
    return clf


# ------------------------------------------------------------------------------------------------
# windows: subject and predicate in two sentences

def test_a_window_is_a_sentence_with_its_neighbours_on_the_same_page():
    units = _units("The founding team receives 18% of all tokens minted at launch.",
                   "These tokens are subject to a four-year vesting schedule with a cliff.",
                   "The remaining tokens are sold to the public during the crowdsale.")
    units.append(TextUnit(2, "Tokens for the advisors are released after six months of service.", "sentence"))
    windows = windows_of(units)
    assert windows[1].center.text.startswith("These tokens") and windows[1].page == 1
    assert "founding team" in windows[1].text and "crowdsale" in windows[1].text
    # a page break ends the window: the advisors' sentence of page 2 is nobody's neighbour on page 1
    assert "advisors" not in windows[2].text and windows[3].text == units[3].text
    # the neighbours' words are features of the centre's window
    assert window_features(windows[1])["x:team"] == 1


TEAM_FIRST = ["The founding team receives {share}% of all tokens created.",
              "Our core developers hold {share}% of the token supply.",
              "Tokens reserved for the founders amount to {share}% of the total.",
              "The management team is allocated {share}% of the tokens."]
INVESTORS_FIRST = ["Early private-sale investors receive {share}% of all tokens created.",
                   "Strategic partners of the presale hold {share}% of the token supply.",
                   "Tokens bought by seed investors amount to {share}% of the total.",
                   "Participants of the pre-sale are allocated {share}% of the tokens."]
LOCKS = ["These tokens are subject to a {n}-year vesting schedule.",
         "They unlock in equal monthly parts over {n} years.",
         "These tokens remain locked for {n} years after the sale."]


def _lock_windows() -> tuple[list[Window], list[int]]:
    windows, labels = [], []
    for k, lock in enumerate(LOCKS):
        for subject, label in ((TEAM_FIRST, 1), (INVESTORS_FIRST, 0)):
            for first in subject:
                units = _units(first.format(share=10 + k), lock.format(n=k + 2))
                windows.append(windows_of(units)[1])
                labels.append(label)
    return windows, labels


def test_team_named_in_the_previous_sentence_is_read_as_team_vesting():
    clf = _train(*_lock_windows(), claim="team_vesting", values=[True])
    team = make_document("The platform lets clinics book appointments with a mobile wallet. "
                         "The executive team is granted 15% of all tokens created. "
                         "These tokens are subject to a four-year vesting schedule.")
    p = clf.predict(team)["team_vesting"]
    assert p.stated and p.value is True
    assert p.evidence.quote.startswith("These tokens are subject")  # the centre is the evidence
    # the same lock sentence after an investors' allocation is not the team's
    investors = make_document("The platform lets clinics book appointments with a mobile wallet. "
                              "Early presale investors are granted 15% of all tokens created. "
                              "These tokens are subject to a four-year vesting schedule.")
    reading = clf.predict(investors).get("team_vesting")
    assert reading is None or not reading.stated


# ------------------------------------------------------------------------------------------------
# denials as their own class

GRANTS = ["Token holders can vote on every proposal to change the protocol fees.",
          "Each token gives its holder one vote in the governance of the network.",
          "Holders of the token carry governance rights over the community treasury.",
          "The token grants voting rights on the listing of new marketplaces.",
          "Token holders elect the council that governs the foundation each year."]
DENIALS = ["The token carries no voting rights in the foundation or the company.",
           "Holders have no governance rights over the network or its development.",
           "Tokens do not give holders any right to vote on the decisions of the company.",
           "The token confers no governance or voting rights of any kind.",
           "Token holders have no say in the management of the foundation."]
NEITHER = ["Token holders can pay for storage with the token at a discount.",
           "The foundation publishes a governance report for its partners every quarter.",
           "The token is used to pay fees and to reward node operators.",
           "Rights to the brand are held by the company in Switzerland.",
           "A vote of the board of directors approved the budget for next year."]


def _governance_classifier() -> ClaimSentenceClassifier:
    sentences = GRANTS + DENIALS + NEITHER
    labels = [1] * len(GRANTS) + [2] * len(DENIALS) + [0] * len(NEITHER)
    windows = [Window(TextUnit(1, s, "sentence")) for s in sentences]
    return _train(windows, labels, "governance_rights", [True, False])


def test_a_denial_is_read_as_false_not_as_a_grant():
    clf = _governance_classifier()
    denial = make_document("Tokens carry no governance rights and no claim on the company's profits.")
    p = clf.predict(denial)["governance_rights"]
    assert p.value is False and p.stated
    grant_head, denial_head = clf.heads
    scores = clf.sentence_scores(["Tokens carry no governance rights and no claim on the company's profits."])[0]
    assert scores[0] < 0.5 < scores[1]  # the grant head is low on the denial
    grant = make_document("Token holders vote on the budget of the ecosystem fund every quarter.")
    assert clf.predict(grant)["governance_rights"].value is True


def test_the_heads_of_a_claim_share_one_softmax():
    clf = _governance_classifier()
    scores = clf.sentence_scores(GRANTS[:2] + DENIALS[:2] + NEITHER[:2])
    assert np.all(scores.sum(axis=1) < 1.0)  # "neither" takes the rest


def test_denied_words_are_their_own_features():
    assert negated_words("The token confers no voting or governance rights.") == Counter(
        {"n:voting": 1, "n:or": 1, "n:governance": 1, "n:rights": 1})
    assert negated_words("The token confers voting and governance rights.") == Counter()
    # the scope ends at punctuation: "rights" after the comma is not denied
    assert "n:rights" not in negated_words("Tokens cannot be minted later, and holders keep voting rights.")
    assert negated_words("Tokens cannot be minted later.")["n:minted"] == 1


def test_rule_patterns_are_the_rules_own_regexes():
    from ico_lens.paper.tokenomics.claims import registered

    rules = {r.NAME: r for r in registered()}
    patterns = dict(rule_patterns())
    assert patterns["governance_rights.denied"] is rules["governance_rights"].PATTERNS["denied"]
    assert not any(name.startswith("hard_cap.") for name in patterns)  # only claims with heads
    fired = pattern_features("No Holder shall have any governance rights over the services.", "p:")
    assert "p:governance_rights.denied" in fired


# ------------------------------------------------------------------------------------------------
# more positives: lenient quotes, quotes over two sentences, the windows around them

def test_a_quote_over_two_sentences_marks_the_window_whose_centre_it_covers():
    units = _units("Team and advisor tokens make up 20% of the supply.",
                   "These tokens vest over 36 months with a 12-month cliff.",
                   "Our roadmap starts with a pilot in three hospitals.")
    quote = "Team and advisor tokens make up 20% of the supply. These tokens vest over 36 months"
    windows = windows_of(units)
    assert quote_spans_window(windows[1], quote)
    assert not quote_spans_window(windows[2], quote) or windows[2].center.text.startswith("These")
    gold = {"claims": {"team_vesting": True},
            "evidence": {"claims.team_vesting": [f"p.1: '{quote}'"]}}
    ex = examples_from_units(units, gold)
    assert 1 in ex["positives"]["team_vesting=true"]
    # the window after it is a (down-weighted) positive: its neighbour states the claim
    assert 2 in ex["near"]["team_vesting=true"] or 2 in ex["positives"]["team_vesting=true"]
    y, w = _labels([ex], "team_vesting", [True])
    assert y[1] == 1 and w[1] == 1.0


def test_quotes_match_leniently_a_reworded_sentence():
    sentence = "Team tokens are locked for one year after the end of the token sale."
    # the gold quote words it a little differently (6 of its 11 word pairs are in the sentence)
    assert quote_matches(sentence, "team tokens will be locked for one year after the sale ends")
    assert not quote_matches("The sale ends after one year of development work.", "team tokens will be locked for one year")
