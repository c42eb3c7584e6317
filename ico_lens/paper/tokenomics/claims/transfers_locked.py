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
    _SALE = (r"(?:the\s+)?(?:token\s+(?:creation|generation|distribution)\s+event|token\s+sale|crowd\s?sale|ico|sale|"
             r"contribution\s+period|offering|distribution\s+period|tge)")
    PATTERNS = {
        "locked": re.compile(
            r"\bnon-?transferr?able\s+(?:\w+\s+){0,6}until\b|\b(?:cannot|can\s*not|can.t|will\s+not|won.t|shall\s+not)\s+be\s+transferr?ed\s+"
            r"(?:during|until|before|prior\s+to)\b|\bnot\s+(?:be\s+)?transferr?able\s+(?:during|until|before|prior\s+to)\b"
            r"|\btransferr?able\s+(?:\w+\s+){0,3}(?:after|following|upon)\s+(?:\d+\s+days\s+after\s+)?(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\btransferr?able\s+(?:\d+|seven|ten|fourteen)\s+days\s+after\b"
            r"|\b(?:immediately\s+)?transferr?able\s+after\s+(?:the\s+)?(?:token\s+sale|crowdsale|ico|sale)\s+(?:ends|is\s+over|closes)"
            r"|\b(?:locked|frozen)\s+(?:\w+\s+){0,4}until\s+(?:the\s+)?(?:end|close|completion)\s+of\s+" + _SALE
            + r"|\btransfers?\s+(?:\w+\s+){0,3}(?:disabled|blocked|frozen|paused)\s+(?:during|until)\b"
            # "transferable upon the completion of the Token Creation Event", "they will remain locked until
            # November 24th" (of tokens sent to contributors)
            r"|\btransferr?able\s+(?:upon|after|following|at)\s+(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\b(?:remain|stay)\s+(?:locked|frozen|non-?transferr?able)\s+until\b"
            # "transferable once the sale is completed", "transfers will be enabled after the crowdsale ends",
            # "can only be transferred after the end of the ICO", "frozen until the token sale is over"
            r"|\b(?:transferr?able|tradable|tradeable)\s+(?:\w+\s+){0,2}(?:once|when|after|as\s+soon\s+as)\s+" + _SALE
            + r"\s+(?:is\s+|has\s+been\s+|have\s+been\s+)?(?:completed|complete|finished|over|closed|ended|ends|closes|finali[sz]ed)\b"
            r"|\btransfers?\s+(?:\w+\s+){0,3}(?:enabled|unlocked|activated|allowed)\s+(?:only\s+)?(?:after|once|upon|when|at\s+the\s+end\s+of)\s+" + _SALE
            + r"|\b(?:can|may|will)\s+only\s+be\s+(?:transferred|traded)\s+(?:after|once|following)\s+(?:the\s+)?(?:end|close|completion|conclusion)\s+of\s+" + _SALE
            + r"|\b(?:locked|frozen)\s+(?:\w+\s+){0,4}until\s+" + _SALE
            + r"\s+(?:is\s+over|ends|closes|is\s+completed|has\s+ended|is\s+finished)\b",
            re.I,
        ),
        "free": re.compile(
            r"\bnot\s+designed\s+with\s+(?:any\s+)?restrictions\s+on\s+transfer|\bno\s+(?:transfer\s+)?restrictions\s+on\s+(?:the\s+)?transfer"
            r"|\bwithout\s+(?:any\s+)?transfer\s+restrictions\b"
            r"|\b(?:will\s+be|are|is|shall\s+be)\s+freely\s+transferr?able\b",
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
