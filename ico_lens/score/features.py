"""The features the score reads, from a paper's records or from a feature-store row, named as the
store's ``features`` view names them (``insider_share``, ``alloc_public_sale``, ``rate_certainty``).

Both sources go through :func:`derive`, so a feature the score compares with the reference is computed
one way only:

>>> derive({"alloc_public_sale": 40.0, "alloc_presale_private": 10.0, "alloc_team_founders": 20.0,
...         "alloc_advisors": 5.0, "rate_certainty": 3.0, "rate_tentativeness": 1.0})["certainty_share"]
0.75
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping

from ico_lens.paper.tokenomics.taxonomy import ALLOCATION_CATEGORIES

if TYPE_CHECKING:
    from ico_lens.language.records import LanguageProfile
    from ico_lens.paper.tokenomics.facts import PaperFacts

#: the team's and its advisors' tokens (the store's ``insider_share`` counts the same categories)
INSIDER_CATEGORIES = ("team_founders", "advisors")
#: tokens sold to investors, in the sale or before it
SALE_CATEGORIES = ("public_sale", "presale_private")

#: feature -> what it is (docs/score.md and the HTML report show these)
FEATURES: dict[str, str] = {
    "insider_share": "team and advisors' share of the token allocation (%)",
    "sale_share": "share of the tokens sold to investors, in the public sale or before it (%)",
    "hhi": "concentration of the allocation (Herfindahl index of its shares, 0..1)",
    "rate_hype_return_promises": "hype and return promises per 1,000 words",
    "risk_rate": "risk words (regulatory, security, market, technology, liquidity, team execution; not legal boilerplate) per 1,000 words",
    "rate_risk_legal_disclaimer": "legal-disclaimer words per 1,000 words",
    "rate_certainty": "certainty words per 1,000 words",
    "rate_tentativeness": "tentative words per 1,000 words",
    "certainty_share": "certainty / (certainty + tentativeness)",
    "rate_future_focus": "future-focused words per 1,000 words",
    "word_count": "words in the paper",
}

#: the risk categories summed into ``risk_rate`` (legal disclaimers are boilerplate, kept apart)
RISK_CATEGORIES = ("risk_regulatory", "risk_security_hack", "risk_market_volatility", "risk_technology",
                   "risk_liquidity", "risk_team_execution")


def store_row(facts: "PaperFacts", profile: "LanguageProfile | None") -> dict[str, Any]:
    """The paper's records as the store's ``features`` columns this module reads."""
    row: dict[str, Any] = {}
    allocation = facts.main_allocation
    shares = [(b.category, b.percent) for b in (allocation.items if allocation else []) if b.percent is not None]
    if shares:
        for category in ALLOCATION_CATEGORIES:
            row[f"alloc_{category}"] = sum(p for c, p in shares if c == category)
        row["hhi"] = sum((p / 100.0) ** 2 for _, p in shares)
    if profile is not None and profile.word_count:
        row.update((f"rate_{name}", rate) for name, rate in profile.categories.items())
        row["word_count"] = profile.word_count
    return row


def derive(row: Mapping[str, Any]) -> dict[str, float | None]:
    """The score's features (:data:`FEATURES`) from a store-style row; None where the row lacks them."""
    value = {k: _number(v) for k, v in row.items()}
    has_allocation = any(value.get(f"alloc_{c}") is not None for c in ALLOCATION_CATEGORIES)
    shares = lambda cats: sum(value.get(f"alloc_{c}") or 0.0 for c in cats) if has_allocation else None  # noqa: E731
    rates = [value.get(f"rate_{c}") for c in RISK_CATEGORIES]
    certainty, tentative = value.get("rate_certainty"), value.get("rate_tentativeness")
    both = None if certainty is None or tentative is None else certainty + tentative
    return {
        "insider_share": shares(INSIDER_CATEGORIES),
        "sale_share": shares(SALE_CATEGORIES),
        "hhi": value.get("hhi") if has_allocation else None,
        "rate_hype_return_promises": value.get("rate_hype_return_promises"),
        "risk_rate": None if any(r is None for r in rates) else sum(rates),
        "rate_risk_legal_disclaimer": value.get("rate_risk_legal_disclaimer"),
        "rate_certainty": certainty,
        "rate_tentativeness": tentative,
        # no certainty and no tentative word at all: neither leaning, the middle
        "certainty_share": None if both is None else (certainty / both if both else 0.5),
        "rate_future_focus": value.get("rate_future_focus"),
        "word_count": value.get("word_count"),
    }


def paper_features(facts: "PaperFacts", profile: "LanguageProfile | None") -> dict[str, float | None]:
    return derive(store_row(facts, profile))


def _number(value: Any) -> float | None:
    """A float, or None for missing values (None, NaN from pandas, text)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
