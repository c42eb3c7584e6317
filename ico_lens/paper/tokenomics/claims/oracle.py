"""``oracle``: The design uses an oracle / off-chain data feed into the contracts."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, HEDGE, evidence_at, register
from ico_lens.paper.tokenomics.claims.base import claim_units


@register
class Oracle(ClaimRule):
    NAME = "oracle"
    ORDER = 80
    DESCRIPTION = "The design uses an oracle / off-chain data feed into the contracts."
    CONFIDENCE = "medium"
    PATTERNS = {
        "oracle": re.compile(r"\boracles?\b|\boraclize\b", re.I),
        "company": re.compile(r"\b(?:at|from|by|with|joined|ex-?)\s+Oracle\b|\bOracle\s+(?:Corporation|Corp|Database|DB|Cloud|America)\b|\bOracle,", re.I),
        "data": re.compile(r"\b(?:data|feeds?|information|external|off-?chain|real[\s-]world|trigger\w*|events?|prices?|"
                           r"rates?|sensors?|ground\s+truth|results?)\b", re.I),
        "feed": re.compile(
            r"\bfeeds?\s+(?:\w+\s+){0,4}(?:to|into)\s+(?:the\s+)?(?:\w+\s+)?(?:smart\s+)?contracts?\b"
            r"|\b(?:updated|pushed|submitted|written|posted)\s+(?:\w+\s+){0,3}to\s+the\s+(?:\w+\s+)?(?:smart\s+)?contracts?\s+by\b"
            r"|\b(?:third[\s-]party|external|off-?chain)\s+data\s+(?:sources?|feeds?|providers?)\b"
            r"|\bblockchain\s+(?:\w+\s+){0,3}(?:has\s+no|have\s+no|lacks?)\s+knowledge\s+of\s+the\s+real\s+world"
            r"|\b(?:data|information)\s+(?:on|about|from)\s+real[\s-]world\s+events\b",
            re.I,
        ),
    }

    def _detect(self, document):
        strong, weak = [], []
        for unit in claim_units(document):
            text = unit.text
            m = self.PATTERNS["oracle"].search(text)
            if m and not self.PATTERNS["company"].search(text):
                if HEDGE.search(text) or not self.PATTERNS["data"].search(text):
                    weak.append(evidence_at(unit, m))
                else:
                    strong.append(evidence_at(unit, m))
                continue
            f = self.PATTERNS["feed"].search(text)
            if f and not HEDGE.search(text):
                strong.append(evidence_at(unit, f))
        # A single passing mention ("cross-chain oracle" in a list of use cases) is not a design:
        # ask for one mention about data flowing into contracts and at least one more.
        if strong and len(strong) * 2 + len(weak) >= 3:
            return ClaimResult(self.NAME, True, (strong + weak)[:2])
        return None
