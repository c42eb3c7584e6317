"""``unsold_tokens``: What happens to tokens not sold in the sale: burned, kept (reserve/company) or distributed to buyers."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, evidence_at, register
from ico_lens.records import Evidence


@register
class UnsoldTokens(ClaimRule):
    NAME = "unsold_tokens"
    ORDER = 20
    DESCRIPTION = "What happens to tokens not sold in the sale: burned, kept (reserve/company) or distributed to buyers."
    CONFIDENCE = "high"
    PATTERNS = {
        "unsold": re.compile(
            r"\bunsold\b|\bnot\s+(?:be\s+)?sold\b|\b(?:are|is|were|was)\s*n[o']t\s+sold\b|\bif\s+not\s+sold\s+out\b"
            r"|\bnot\s+(?:be\s+)?(?:distributed|purchased|claimed)\s+(?:by|in|during)\s+the\s+(?:token\s+)?(?:sale|crowdsale|ico)"
            r"|\b(?:left\s*over|leftover|unclaimed|unpurchased)\s+tokens\b"
            r"|\b(?:if|in\s+case)\b[^.]{0,80}\b(?:not|n't)\b[^.]{0,120}\bremaining\s+(?:\w+\s+)?tokens\b",
            re.I,
        ),
        "burned": re.compile(r"\b(?:burn(?:ed|t|s)?|destroy(?:ed)?|destruction)\b", re.I),
        "distributed": re.compile(
            r"\b(?:distributed|allocated|shared|credited)\s+(?:\w+\s+){0,3}(?:pro[\s-]?rata|proportionally|in\s+proportion)"
            r"|\b(?:distributed|allocated)\s+(?:\w+\s+){0,2}(?:among|to\s+all)\s+(?:the\s+)?(?:participants|contributors|buyers|purchasers|investors|token\s*holders)",
            re.I,
        ),
        "kept": re.compile(
            r"\b(?:reserve[sd]?|retain(?:ed)?|kept|keep|held\s+by|stay|remain\s+with|returned\s+to|transferred\s+to|locked|"
            r"second\s+(?:ico|sale|round|token\s+sale)|future\s+(?:sales?|use|development)|company|foundation|treasury|"
            r"moved\s+(?:in)?to|(?:\w+\s+)?fund)\b",
            re.I,
        ),
    }

    def _detect(self, document):
        votes: dict[str, list[Evidence]] = {}
        for unit, m in self.matches(document, "unsold", hedged=True):
            tail = unit.text[m.start() :]
            for fate in ("burned", "distributed", "kept"):
                if self.PATTERNS[fate].search(tail) or (fate == "burned" and self.PATTERNS[fate].search(unit.text)):
                    votes.setdefault(fate, []).append(evidence_at(unit, m))
                    break
        if not votes:
            return None
        fate = max(votes, key=lambda f: (len(votes[f]), f == "burned"))
        return ClaimResult(self.NAME, fate, votes[fate][:2])
