"""Dictionary-only answers used when the trained models are missing or fail to load.

- :func:`dictionary_roles`: a sentence role from the dictionary categories a sentence hit (legal
  boilerplate, risk families, hype, future focus). Its score is a hit strength in 0..1
  (``hits / (hits + 2)``), not a calibrated probability.
- :class:`KeywordDisclosures`: the six document-level disclosure aspects from keyword patterns, with the
  pages and quotes that matched. This is the "plain keyword search" baseline the trained detectors
  are measured against; expect it to over-call ``risk`` and ``governance`` (boilerplate mentions).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ico_lens.language.records import DISCLOSURE_ASPECTS
from ico_lens.records import Evidence

#: role -> categories whose hits vote for it, in order of precedence when counts tie
ROLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "legal_disclaimer": ("risk_legal_disclaimer",),
    "risk_disclosure": (
        "risk_regulatory",
        "risk_security_hack",
        "risk_market_volatility",
        "risk_technology",
        "risk_liquidity",
        "risk_team_execution",
    ),
    "return_promise": ("hype_return_promises",),
    "forward_looking": ("future_focus",),
}
#: hedges count towards risk disclosure only together with a risk word ("may" alone is not a risk)
_HEDGES = ("tentativeness", "lm.uncertainty", "lm.negative")


def dictionary_role(counts) -> tuple[str, float]:
    """(role, strength) of one sentence from its category counts (a Counter)."""
    votes: dict[str, float] = {}
    for role, cats in ROLE_CATEGORIES.items():
        n = sum(counts.get(c, 0) for c in cats)
        if n:
            votes[role] = float(n)
    if "risk_disclosure" in votes:
        votes["risk_disclosure"] += 0.5 * sum(min(counts.get(c, 0), 2) for c in _HEDGES)
    if "forward_looking" in votes:
        # "will" is everywhere: future focus wins only when nothing more specific fired.
        if len(votes) > 1:
            del votes["forward_looking"]
    if not votes:
        return "other", 0.0
    order = list(ROLE_CATEGORIES)
    role = max(votes, key=lambda r: (votes[r], -order.index(r)))
    hits = votes[role]
    return role, round(hits / (hits + 2.0), 3)


@dataclass
class AspectRule:
    """Keyword patterns for one disclosure aspect (one small rule per aspect, registered below)."""

    aspect: str
    description: str
    pattern: re.Pattern
    #: a section title matching this counts as strong evidence
    title_pattern: re.Pattern
    #: matches needed in the text (a matching section title alone is enough)
    min_hits: int = 2

    def detect(self, document, sentences) -> tuple[bool, float, list[Evidence]]:
        hits: list[Evidence] = []
        for s in sentences:
            if self.pattern.search(s.text):
                hits.append(Evidence.paper(s.page, s.text[:200], reason=self.aspect))
        titled = [sec for sec in getattr(document, "sections", []) if self.title_pattern.search(sec.title or "")]
        strength = len(hits) + 3 * len(titled)
        present = bool(titled) or len(hits) >= self.min_hits
        if present:
            confidence = 0.5 + 0.45 * (1.0 - math.exp(-strength / 4.0))
        else:
            confidence = 0.75 if not hits else 0.55
        sections = [Evidence.paper(sec.page_start, sec.title, reason=f"{self.aspect}: a section of its own") for sec in titled[:2]]
        evidence = sections + hits[:3]
        return present, round(confidence, 3), evidence


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


ASPECT_RULES: tuple[AspectRule, ...] = (
    AspectRule(
        "token_distribution",
        "who gets the tokens: allocation or distribution percentages",
        _rx(r"\btoken (?:distribution|allocation)s?\b|\b(?:distribution|allocation) of (?:the )?tokens\b|"
            r"\btokens? (?:will be|are|is) (?:allocated|distributed)\b|\d+(?:\.\d+)?\s?% (?:of (?:the )?(?:total )?)?"
            r"(?:tokens|token supply|supply)\b"),
        _rx(r"token (?:distribution|allocation)|distribution of tokens|allocation"),
    ),
    AspectRule(
        "use_of_funds",
        "how the money raised will be spent",
        _rx(r"\buse of (?:funds|proceeds)\b|\b(?:funds|proceeds) (?:will be|are|raised will be) (?:used|spent|allocated)\b|"
            r"\b(?:budget|fund|funds|proceeds) allocation\b|\ballocation of (?:funds|proceeds|the budget)\b"),
        _rx(r"use of (?:funds|proceeds)|budget|allocation of funds|fund allocation|spending"),
        min_hits=1,
    ),
    AspectRule(
        "lockup",
        "tokens locked for a period (lock-up)",
        _rx(r"\block[- ]?ups?\b|\block(?:ed|ing)? (?:up|period|for)\b|\btime[- ]?lock|\bwill be locked\b|\bcliff\b"),
        _rx(r"\block[- ]?up|\blocking"),
        min_hits=1,
    ),
    AspectRule(
        "vesting",
        "tokens that vest over time",
        _rx(r"\bvest(?:ing|ed|s)?\b(?! interest)"),
        _rx(r"vesting"),
        min_hits=1,
    ),
    AspectRule(
        "risk",
        "a discussion of risks to the buyer",
        _rx(r"\brisk factors?\b|\brisks? (?:associated|related|relating) (?:with|to)\b|\bsubject to (?:a number of |certain )?risks\b|"
            r"\b(?:regulatory|market|technical|technological|security|liquidity) risks?\b|\bloss of (?:all|the entire)\b"),
        _rx(r"\brisks?\b"),
    ),
    AspectRule(
        "governance",
        "how decisions are made: voting, boards, DAO",
        _rx(r"\bgovernance\b|\btoken holders? (?:can|will|may) vote\b|\bvoting (?:rights|power)\b|\bvote on\b|"
            r"\bdecentrali[sz]ed autonomous organi[sz]ation\b|\bboard of directors\b"),
        _rx(r"governance|voting"),
    ),
)
assert tuple(r.aspect for r in ASPECT_RULES) == DISCLOSURE_ASPECTS


class KeywordDisclosures:
    """Keyword baseline for the six disclosure aspects (same ``predict`` shape as the trained detector)."""

    rules = ASPECT_RULES

    def predict(self, document, sentences) -> tuple[dict[str, dict], dict[str, list[Evidence]]]:
        """(aspect -> {"present", "confidence"}, aspect -> evidence)."""
        out: dict[str, dict] = {}
        evidence: dict[str, list[Evidence]] = {}
        for rule in self.rules:
            present, confidence, ev = rule.detect(document, sentences)
            out[rule.aspect] = {"present": present, "confidence": confidence}
            if ev:
                evidence[rule.aspect] = ev
        return out, evidence
