"""``team_vesting``: team/founder tokens vest or are locked (true), or explicitly are not (false)."""

from __future__ import annotations

import re
from typing import Iterator

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, HEDGE, evidence_at, register
from ico_lens.paper.tokenomics.evidence import TextUnit, text_units
from ico_lens.records import Evidence

TEAM = re.compile(
    r"\b(?:team|founders?|founding|co-?founders?|employees?|staff|management|executives?|executive\s+managers|core\s+developers|"
    r"key\s+personnel)\b",
    re.I,
)

OTHER_HOLDERS = re.compile(r"\b(?:investors?|advisors?|advisers?|partners?|bounty|reserve|public|crowdsale|purchasers?)\b", re.I)


def windows(document, size: int = 3) -> Iterator[tuple[TextUnit, str]]:
    """Each sentence with up to ``size - 1`` following ones (a list after "vested as follows:").

    The window stops at a sentence about another group of holders, so that "early investors are
    locked for 6 months" does not lend its duration to the team; a page number left at the top of
    the next page is dropped.
    """
    units = list(text_units(document))
    for i, unit in enumerate(units):
        parts = [unit.text]
        for later in units[i + 1 : i + size]:
            text = later.text
            if later.page != unit.page:
                text = re.sub(r"^\d{1,3}\s+", "", text)
            if OTHER_HOLDERS.search(text) and not TEAM.search(text):
                break
            parts.append(text)
        yield unit, " ".join(parts)


@register
class TeamVesting(ClaimRule):
    NAME = "team_vesting"
    ORDER = 40
    DESCRIPTION = "Team/founder tokens vest or are locked (true), or explicitly are not (false)."
    CONFIDENCE = "medium"
    PATTERNS = {
        "team": TEAM,
        "vesting": re.compile(
            r"\bvest(?:ed|ing|s)?\b|\block(?:ed)?[\s-]?up\b|\blocked\b|\bholding\s+period\b|\block[\s-]?in\s+period\b|\btime[\s-]?lock(?:ed)?\b|\bcliff\b|\bunlock(?:ed|s)?\b"
            r"|\bnot\s+entitled\s+to\s+(?:sell|token\s+sale|transfer)|\bsales?\s+restrictions?\b|\brestricted\s+from\s+(?:selling|transferring)"
            r"|\breleased?\s+(?:\w+\s+){0,3}(?:linearly|gradually|monthly|quarterly|proportionally)",
            re.I,
        ),
        "tokens": re.compile(r"\b\w*(?:tokens?|coins?)\b|%|\ballocat\w+|\bshares?\b", re.I),
        "denied": re.compile(
            r"\b(?:no|without(?:\s+any)?)\s+(?:vesting|lock[\s-]?up)\b|\b(?:are|is|will)\s+not\s+(?:be\s+)?(?:subject\s+to\s+(?:any\s+)?)?(?:vested|locked|vesting)",
            re.I,
        ),
        "product": re.compile(r"\b(?:retirement|employer|401k|pension|escrow|collateral|smart\s+asset|ICOs?\s+projects|"
                              r"projects\s+that\s+have|raised\s+(?:ETH|ether|funds))\b", re.I),
    }

    def _detect(self, document):
        found: list[tuple[TextUnit, re.Match, str]] = []
        denied: list[Evidence] = []
        for unit, window in windows(document):
            text = unit.text
            t = self.PATTERNS["team"].search(text)
            if not t:
                continue
            no = self.PATTERNS["denied"].search(text)
            # a vesting word outside the denial: "no lock-up for sale tokens, team tokens are locked"
            v = next((m for m in self.PATTERNS["vesting"].finditer(text)
                      if no is None or m.end() <= no.start() or m.start() >= no.end()), None)
            if v and self.PATTERNS["tokens"].search(text) and not self.PATTERNS["product"].search(text) and not HEDGE.search(text):
                found.append((unit, v, window))
            elif no:
                denied.append(evidence_at(unit, no))
        if not found:
            if denied:
                return ClaimResult(self.NAME, False, denied[:2])
            return None
        return ClaimResult(self.NAME, True, [evidence_at(u, m) for u, m, _ in found[:2]])
