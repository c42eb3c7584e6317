"""``transfers_locked_until_sale_end``: Bought tokens cannot be transferred until the sale ends (or a stated date after it)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, evidence_at, register


@register
class TransfersLockedUntilSaleEnd(ClaimRule):
    NAME = "transfers_locked_until_sale_end"
    ORDER = 60
    DESCRIPTION = "Bought tokens cannot be transferred until the sale ends (or a stated date after it)."
    CONFIDENCE = "high"
    _SALE = r"(?:the\s+)?(?:token\s+sale|crowd\s?sale|ico|sale|contribution\s+period|offering|distribution\s+period|tge)"
    PATTERNS = {
        "locked": re.compile(
            r"\bnon-?transferr?able\s+(?:\w+\s+){0,6}until\b|\b(?:cannot|can\s*not|can.t|will\s+not|won.t|shall\s+not)\s+be\s+transferr?ed\s+"
            r"(?:during|until|before|prior\s+to)\b|\bnot\s+(?:be\s+)?transferr?able\s+(?:during|until|before|prior\s+to)\b"
            r"|\btransferr?able\s+(?:\w+\s+){0,3}(?:after|following|upon)\s+(?:\d+\s+days\s+after\s+)?(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\btransferr?able\s+(?:\d+|seven|ten|fourteen)\s+days\s+after\b"
            r"|\b(?:immediately\s+)?transferr?able\s+after\s+(?:the\s+)?(?:token\s+sale|crowdsale|ico|sale)\s+(?:ends|is\s+over|closes)"
            r"|\b(?:locked|frozen)\s+(?:\w+\s+){0,4}until\s+(?:the\s+)?(?:end|close|completion)\s+of\s+" + _SALE
            + r"|\btransfers?\s+(?:\w+\s+){0,3}(?:disabled|blocked|frozen|paused)\s+(?:during|until)\b",
            re.I,
        ),
        "free": re.compile(
            r"\bnot\s+designed\s+with\s+(?:any\s+)?restrictions\s+on\s+transfer|\bno\s+(?:transfer\s+)?restrictions\s+on\s+(?:the\s+)?transfer"
            r"|\bwithout\s+(?:any\s+)?transfer\s+restrictions\b",
            re.I,
        ),
        # a team lock is team vesting, not a lock of bought tokens
        "not_buyers": re.compile(r"\b(?:team|founders?|advisors?|advisers?|staff|employees|reserve|bounty)\b", re.I),
    }

    def _detect(self, document):
        locked = [evidence_at(u, m) for u, m in self.matches(document, "locked", hedged=True)
                  if not self.PATTERNS["not_buyers"].search(u.text) or re.search(r"pre-?sale|purchas|contributor|buyer", u.text, re.I)]
        if locked:
            return ClaimResult(self.NAME, True, locked[:2])
        free = [evidence_at(u, m) for u, m in self.matches(document, "free")]
        if free:
            return ClaimResult(self.NAME, False, free[:2])
        return None
