"""``team_vesting_months``: how long team tokens vest or are locked, in months (lock + vesting when
sequential). Asked only of papers where the team tokens vest (the ``team_vesting`` claim is true)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, HEDGE, register
from ico_lens.paper.tokenomics.claims.team_vesting import OTHER_HOLDERS, TEAM, TeamVesting, about_team_tokens, team_sentences
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
            if _buyers_lock(unit.text):
                continue
            # The durations may be in the sentence or in a list right after it ("vested as follows:").
            text = unit.text if DURATION_RE.search(unit.text) or RATE_RE.search(unit.text) else window
            months = vesting_months(_team_clause(text))
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


#: the start of one holder group's entry in a sentence listing several: "; ", ", 10% will be provided to ...", "), "
_ENTRY_SPLIT = re.compile(r";\s|,\s+(?=(?:and\s+)?\d+(?:\.\d+)?\s*%)|\)\s*,\s+")
#: holders other than the team, and the purposes a share is kept for
#: (not "public" or "sale": "unlocked 18 months after the public sale" is the team's own schedule)
_OTHER_GROUP = re.compile(r"\b(?:investors?|advisors?|advisers?|partners?|partnerships?|bounty|reserve|development|foundation|company|"
                          r"ecosystem|community|marketing|treasury)\b", re.I)
#: tokens bought in a sale as the subject of a lock: "tokens sold during the pre-ICO will be locked up for 3 or 6 months"
_BOUGHT = re.compile(r"\b(?:sold|purchased|bought|acquired)\s+(?:during|in|at|through)\s+(?:the\s+)?(?:pre-?\s?ico|pre-?sale|presale|ico|token\s+sale|crowd\s?sale|sale)\b", re.I)


def _team_clause(text: str) -> str:
    """The entry of ``text`` about the team when the sentence lists several holder groups, each with its own lock
    ("30% for development (locked for six months), 10% to early team members (locked for one year)" -> the
    second); ``text`` itself otherwise."""
    parts = _ENTRY_SPLIT.split(text)
    timed = [p for p in parts if DURATION_RE.search(p) or RATE_RE.search(p)]
    team = [p for p in timed if TEAM.search(p)]
    others = [p for p in timed if not TEAM.search(p) and _OTHER_GROUP.search(p)]
    return team[0] if team and others else text


def _buyers_lock(text: str) -> bool:
    """Whether the lock in ``text`` is of tokens bought in a sale (no team word between the buyers and the length):
    a bonus lock of the pre-sale's buyers, whatever the team's tokens are mentioned for."""
    for bought in _BOUGHT.finditer(text):
        length = DURATION_RE.search(text, bought.end())
        if length and not TEAM.search(text, bought.end(), length.start()):
            return True
    return False


RATE_RE = re.compile(r"\b(\d+(?:\.\d+)?)\s*%\s+(?:(?:each|every|per|a)\s+(month|quarter)\b|(monthly|quarterly)\b)", re.I)


def _rate_months(text: str) -> int | None:
    """Months to release everything at "10% each month" / "25% quarterly"; None without a rate."""
    rate = RATE_RE.search(text)
    if not rate or float(rate.group(1)) <= 0:
        return None
    unit = (rate.group(2) or rate.group(3) or "").lower()
    return int(round(100 / float(rate.group(1)) * (3 if unit.startswith("quarter") else 1)))
THEN = re.compile(r"\b(?:then|after\s+(?:that|which|the\s+lock(?:ing|[\s-]?up)?(?:\s+period)?(?:\s+ends)?)|thereafter|followed\s+by|subsequently)\b", re.I)


#: one tranche of a split lock: "70% of which locked for 12 months", "remaining tokens unlocked 18 months after"
#: (the share right before its verb: "20% of the tokens for the team (locked 3 years) and 3% for the future, locked 4 years"
#: are two groups, not two tranches)
_TRANCHE = re.compile(r"(?:\d+(?:\.\d+)?\s*%\s+(?:of\s+(?:which|them|these|those|the\s+(?:tokens|allocation))\s+)?(?:(?:will\s+be|is|are|gets?|to\s+be)\s+)?"
                      r"|\b(?:the\s+)?(?:remaining|rest)\b[^;.%]{0,25}?\b)(?:locked|unlocked|released|vest(?:ed|s)?|unlocks?)\s+"
                      r"(?:for\s+|after\s+|in\s+|within\s+)?(?:a\s+period\s+of\s+)?$", re.I)


def _tranche_months(text: str) -> int | None:
    """The longest of two or more tranches each locked for its own length ("70% of which locked for 12 months, 30%
    of which locked for 24 months" -> 24; "50% unlocked 1 year after the sale; the remaining tokens unlocked 18 months
    after" -> 18): the whole allocation is free only when the last tranche is."""
    lengths = [duration_months(m) for m in DURATION_RE.finditer(text) if _TRANCHE.search(text[max(0, m.start() - 60) : m.start()])]
    lengths = [n for n in lengths if n is not None and 1 <= n <= 120]
    return int(round(max(lengths))) if len(lengths) >= 2 else None


def vesting_months(text: str) -> int | None:
    """Months of a vesting/lock statement.

    "2-year vesting period, 6 month cliff" -> 24 (the cliff is part of the vesting);
    "locked for 1 year ... then released linearly over 2 years" -> 36 (lock then vesting);
    "10% each month" -> 10.
    """
    tranches = _tranche_months(text)
    if tranches is not None:
        return tranches
    lock = vest = cliff = None
    for m in DURATION_RE.finditer(text):
        months = duration_months(m)
        if months is None or months < 1 or months > 120:  # "1 day after the sale" is no vesting length
            continue
        before = text[max(0, m.start() - 45) : m.start()].lower()
        after = text[m.end() : m.end() + 25].lower()
        if "cliff" in after[:12] or "cliff" in before[-15:]:
            cliff = cliff or months
        elif re.search(r"\b(?:over|during|within|spread|linearly|gradually|period\s+of|on|vest\w*(?:\s+(?:contracts?|schedules?|periods?))?\s*[:\-–]?\s*(?:for|over|of|in|period(?:\s+of)?)?)"
                       # round 6: "vested in 4-year period", "vesting contracts of at least 1 year", "released over the
                       # following 18 months"
                       r"\s*(?:at\s+least\s+|a\s+minimum\s+of\s+)?(?:a\s+|the\s+)?(?:period\s+of\s+)?(?:next\s+|following\s+|subsequent\s+|remaining\s+)?$", before) \
                or re.match(r"^\s*(?:vesting|linear|schedule|release)", after):
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
