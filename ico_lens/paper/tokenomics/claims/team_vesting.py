"""``team_vesting``: team/founder tokens vest or are locked (true), or explicitly are not (false)."""

from __future__ import annotations

import re
from typing import Iterator

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, HEDGE, claim_units, evidence_at, register
from ico_lens.paper.tokenomics.evidence import TextUnit
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
    units = list(claim_units(document))
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


#: a sentence whose subject points back to the one before: "These tokens are subject to a four-year vesting
#: schedule", "They will be locked for 12 months", "The allocation vests monthly over two years"
ANAPHOR = re.compile(
    r"^\W*(?:these|those|such|this|they|which|the\s+(?:tokens|allocation|pool|share|portion|amount|coins|bucket))\b"
    r"(?:\s+(?:tokens?|coins?|allocations?|pool|shares?|portions?|amounts?|funds?|(?-i:[A-Z]{2,6})))?\s+"
    r"(?:are|is|will|shall|vest|vests|remain|get|become|can|may|would|must|unlock|unlocks)\b"
    # or a label that continues the entry above it: "Core team: 18%." then "Vesting: 25% after 6 months"
    r"|^\W*(?:vesting|lock[\s-]?up|lock(?:ing)?\s+period|cliff|release\s+schedule|unlock(?:ing)?)(?:\s+(?:period|schedule|terms))?\s*[:\-–]"
    # or a bare length of vesting continuing a bucket line: "15% - Founding team." then "Uniform 12-month vesting."
    r"|^\W*(?:(?:uniform|linear|monthly|quarterly|gradual|full)\s+)?(?:\d+|one|two|three|four)[\s-]*(?:years?|months?)\s+(?:linear\s+)?(?:vesting|lock[\s-]?up)\b",
    re.I,
)


def team_sentences(document, size: int = 3) -> Iterator[tuple[TextUnit, str, bool]]:
    """The sentences whose subject is the team's tokens, with their window (see :func:`windows`), and
    whether the subject was named in an earlier sentence (subject and predicate in different sentences:
    "The team will receive 15% of the tokens. These tokens are subject to a four-year vesting schedule.").

    An anaphoric sentence ("These tokens ...", "They ...") takes the subject of the sentence right before
    it (or the one before that, when it continues the same subject) when that one names the team and
    tokens and no other holders."""
    units = list(claim_units(document))
    window_of = dict(enumerate(text for _, text in windows(document, size)))
    for i, unit in enumerate(units):
        if TEAM.search(unit.text):
            yield unit, window_of[i], False
            continue
        if not ANAPHOR.search(unit.text) or OTHER_HOLDERS.search(unit.text):
            continue
        for earlier in reversed(units[max(0, i - 2) : i]):
            if earlier.page < unit.page - 1:
                break
            if OTHER_HOLDERS.search(earlier.text) and not TEAM.search(earlier.text):
                break
            if TEAM.search(earlier.text) and TOKENS.search(earlier.text):
                yield unit, window_of[i], True
                break


TOKENS = re.compile(r"\b\w*(?:tokens?|coins?)\b|%|\ballocat\w+|\bshares?\b|\bgranted\s+to\b"
                    r"|\d[\d,.]*\s*(?:million|billion|M)?\s+(?-i:[A-Z]{2,6})\b", re.I)
#: a vesting word that needs no token word beside it when a length follows: "Founders - locked for 4 years",
#: "Founders and current employees will have a minimum lockup period of 24 months"
STRONG_VESTING = re.compile(r"\bvest(?:ed|ing|s)?\b|\block(?:ed)?[\s-]?up\b|\blocked\b|\bcliff\b|\block[\s-]?in\s+period\b", re.I)


def about_team_tokens(text: str) -> bool:
    """A team sentence is about its tokens: a token word, or a strong vesting word with a length."""
    from ico_lens.paper.tokenomics.evidence import DURATION_RE

    return bool(TOKENS.search(text) or (STRONG_VESTING.search(text) and DURATION_RE.search(text)))


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
            r"|\breleased?\s+(?:\w+\s+){0,3}(?:linearly|gradually|monthly|quarterly|proportionally)"
            # "released in equal parts every 6 months over 3 years", "frozen for one year"
            r"|\breleased?\s+(?:[\w%]+\s+){0,4}(?:every|each|per)\s+(?:\w+\s+)?(?:months?|quarters?|years?|weeks?)\b"
            r"|\breleased?\s+(?:\w+\s+){0,4}over\s+(?:a\s+period\s+of\s+)?\S+\s+(?:months?|years?)\b|\bfrozen\b",
            re.I,
        ),
        "tokens": TOKENS,
        "denied": re.compile(
            r"(?:\b(?:no|without(?:\s+any)?)|(?:\bnot|n[’']t)\s+be\s+any)\s+(?:vesting|lock[\s-]?up)\b|\b(?:are|is|will)\s+not\s+(?:be\s+)?(?:subject\s+to\s+(?:any\s+)?)?(?:vested|locked|vesting)",
            re.I,
        ),
        "product": re.compile(r"\b(?:retirement|employer|401k|pension|escrow|collateral|smart\s+asset|ICOs?\s+projects|"
                              r"projects\s+that\s+have|raised\s+(?:ETH|ether|funds))\b", re.I),
    }

    def _detect(self, document):
        found: list[tuple[TextUnit, re.Match, str]] = []
        denied: list[Evidence] = []
        for unit, window, anaphoric in team_sentences(document):
            text = unit.text
            no = self.PATTERNS["denied"].search(text)
            # a vesting word outside the denial: "no lock-up for sale tokens, team tokens are locked"
            v = next((m for m in self.PATTERNS["vesting"].finditer(text)
                      if no is None or m.end() <= no.start() or m.start() >= no.end()), None)
            about_tokens = anaphoric or about_team_tokens(text)
            if v and about_tokens and not self.PATTERNS["product"].search(text) and not HEDGE.search(text):
                found.append((unit, v, window))
            elif no:
                denied.append(evidence_at(unit, no))
        if not found:
            if denied:
                return ClaimResult(self.NAME, False, denied[:2])
            return None
        return ClaimResult(self.NAME, True, [evidence_at(u, m) for u, m, _ in found[:2]])
