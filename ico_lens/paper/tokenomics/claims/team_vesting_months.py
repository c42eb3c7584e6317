"""``team_vesting_months``: how long team tokens vest or are locked, in months (lock + vesting when
sequential). Asked only of papers where the team tokens vest (the ``team_vesting`` claim is true)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, HEDGE, register
from ico_lens.paper.tokenomics.claims.team_vesting import TeamVesting, about_team_tokens, team_sentences
from ico_lens.paper.tokenomics.evidence import DURATION_RE, duration_months, quote_around
from ico_lens.records import Evidence


@register
class TeamVestingMonths(TeamVesting):
    """Reads the sentences :class:`TeamVesting` reads (its ``PATTERNS``), for the length of the vesting."""

    NAME = "team_vesting_months"
    ORDER = 50
    DESCRIPTION = "Total vesting/lock length of team tokens in months (lock + vesting when sequential)."
    CONFIDENCE = "medium"

    def _detect(self, document):
        if not self._team_tokens_vest(document):
            return None
        found: list[tuple[int, Evidence, bool]] = []
        for unit, window, anaphoric in team_sentences(document):
            if not self.PATTERNS["vesting"].search(unit.text) or self.PATTERNS["product"].search(unit.text):
                continue
            if not (anaphoric or about_team_tokens(unit.text)) or HEDGE.search(unit.text):
                continue
            # The durations may be in the sentence or in a list right after it ("vested as follows:").
            text = unit.text if DURATION_RE.search(unit.text) or RATE_RE.search(unit.text) else window
            months = vesting_months(text)
            if months is not None:
                # quote the sentence and, when the length is in the list after it, the length too
                where = DURATION_RE.search(text) or RATE_RE.search(text)
                span = (where.start(), where.end()) if where else (0, len(text))
                found.append((months, Evidence.paper(unit.page, quote_around(text, *span)), bool(THEN.search(text))))
                if len(found) >= 3:
                    break
        if not found:
            return None
        # a lock followed by a release ("1 year fully locked, then 25% quarterly") states the whole length; an
        # earlier "locked for at least 1 year" only its first part
        months, evidence, _ = next((f for f in found if f[2]), found[0])
        return ClaimResult(self.NAME, months, [evidence])

    def _team_tokens_vest(self, document) -> bool:
        """The ``team_vesting`` claim is true: read from the rules that ran before, else decided here."""
        if "team_vesting" in self.decided:
            claim = self.decided["team_vesting"]
        else:
            claim = TeamVesting(self.terms).detect(document)
        return claim is not None and claim.value is True


RATE_RE = re.compile(r"\b(\d+(?:\.\d+)?)\s*%\s+(?:(?:each|every|per|a)\s+(month|quarter)\b|(monthly|quarterly)\b)", re.I)


def _rate_months(text: str) -> int | None:
    """Months to release everything at "10% each month" / "25% quarterly"; None without a rate."""
    rate = RATE_RE.search(text)
    if not rate or float(rate.group(1)) <= 0:
        return None
    unit = (rate.group(2) or rate.group(3) or "").lower()
    return int(round(100 / float(rate.group(1)) * (3 if unit.startswith("quarter") else 1)))
THEN = re.compile(r"\b(?:then|after\s+(?:that|which|the\s+lock(?:ing|[\s-]?up)?(?:\s+period)?(?:\s+ends)?)|thereafter|followed\s+by|subsequently)\b", re.I)


def vesting_months(text: str) -> int | None:
    """Months of a vesting/lock statement.

    "2-year vesting period, 6 month cliff" -> 24 (the cliff is part of the vesting);
    "locked for 1 year ... then released linearly over 2 years" -> 36 (lock then vesting);
    "10% each month" -> 10.
    """
    lock = vest = cliff = None
    for m in DURATION_RE.finditer(text):
        months = duration_months(m)
        if months is None or months <= 0 or months > 120:
            continue
        before = text[max(0, m.start() - 45) : m.start()].lower()
        after = text[m.end() : m.end() + 25].lower()
        if "cliff" in after[:12] or "cliff" in before[-15:]:
            cliff = cliff or months
        elif re.search(r"\b(?:over|during|within|spread|linearly|gradually|period\s+of|vest\w*\s*[:\-–]?\s*(?:for|over|of|period(?:\s+of)?)?|on)\s*(?:a\s+|the\s+)?(?:period\s+of\s+)?(?:next\s+)?$", before) or re.match(r"^\s*(?:vesting|linear|schedule|release)", after):
            vest = vest or months
        elif re.search(r"\b(?:lock\w*|for|after|prohibits?|restrict\w*|not\s+entitled|first)\b[^.]{0,30}$", before) \
                or re.match(r"^\s*(?:fully\s+|completely\s+)?(?:locked|lock[\s-]?up|frozen)\b", after):
            # "1 year fully locked, then 25% quarterly"
            lock = lock or months
    rate = _rate_months(text)
    if vest is None and lock is None:
        if rate is not None:
            return rate
        return int(cliff) if cliff else None
    if vest is None and lock is not None and rate is not None and THEN.search(text):
        return int(round(lock + rate))  # "1 year fully locked, then 25% quarterly" -> 12 + 12
    if vest is not None and lock is not None:
        return int(round(lock + vest)) if THEN.search(text) else int(round(max(lock, vest)))
    return int(round(vest if vest is not None else lock))
