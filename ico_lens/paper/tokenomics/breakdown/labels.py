"""Labels of entries: what is cut from them, what they say about the number (total, bonus, vesting ...)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.breakdown.lines import BULLET_RE
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, amounts_in


BASE_OF_RE = re.compile(r"\bof\s+(?:the\s+)?(?:remaining|other|rest|last|above|total|overall)?\s*$", re.I)
TOTAL_LABEL_RE = re.compile(r"^\W*(?:grand\s+)?(?:total|sum|overall|in total|totals)\b", re.I)
BONUS_RE = re.compile(r"\bbonus(?:es)?\b|\bdiscount\b", re.I)
VESTING_RE = re.compile(
    r"\bvest\w*|\bcliff\b|\bunlock\w*|\breleased?\b|\btransferable\b|\bper\s+(?:month|quarter|year)\b|"
    r"\beach\s+(?:month|quarter|year)\b|\bmonthly\b|\bquarterly\b|\bannual\w*|\bevery\s+(?:month|quarter)",
    re.I,
)
# "growth", "increase", "decrease" only count right before the label ("a 5% increase"); after a share they
# usually name what the tokens are for ("40% ... to subsidize the growth of the network")
RATE_RE = re.compile(r"\b(?:fees?|interest|commissions?|inflation|apr|apy|return|profit|dividend|yield|"
                      r"rate|discount|per annum|a year|per year|annually|capped at|up to|at least|at most)\b", re.I)
# "80% of tokens with 6 month vesting", "20% of tokens will be immediately transferable": a release
# schedule of a bucket, not a bucket
RELEASE_RE = re.compile(
    r"^(?:of\s+)?(?:the\s+|these\s+|their\s+|its\s+|all\s+|his\s+|her\s+)?(?:\w+\s+)?tokens?\s+(?:will\s+be\s+|are\s+|is\s+|"
    r"shall\s+be\s+|to\s+be\s+|become\s+|)?(?:\w+ly\s+)?(?:transferable|unlocked|released|locked|vested|vesting|"
    r"frozen|distributed\s+(?:monthly|quarterly|yearly|annually|every|each))|^(?:of\s+\w+\s+)?with\s+\S+\s+(?:months?|years?)\s+vesting",
    re.I,
)
CHANGE_RE = re.compile(r"^\W*(?:annual\s+|yearly\s+|monthly\s+)?(?:growth|increase|decrease|rise|drop)\b", re.I)
EACH_RE = re.compile(r"^\s*each\b|\beach\b\s*$", re.I)
_FILLER_WORDS = frozenset(
    "a an and or of the to for in on at by with as is are be will shall was were which that this these those it its "
    "their our his her from than then also plus while whereas".split())


def is_empty_label(label: str) -> bool:
    """True when a label holds no word of its own ("and", "of the"): the share's words were elsewhere
    (a worked example "they receive 50%, 20%, and 30%", a text layer out of reading order)."""
    words = re.findall(r"[A-Za-z]{2,}", label)
    return not any(w.lower() not in _FILLER_WORDS for w in words)


def clean_label(text: str) -> str:
    """Strip numbers, bullets and filler from the ends of a label."""
    text = PCT_RE.sub(" ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = " ".join(text.split())
    text = BULLET_RE.sub("", text)
    text = re.sub(r"^[^\w(\[\"“']+|[\s\-–—:=|~(.,;]+$", "", text)
    text = text.strip()
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0]
    return text


_BOILERPLATE = re.compile(
    r"^(?:of\s+(?:which|all|the|total|these|its|our)?\s*(?:(?!will\b|to\b|for\b|are\b|is\b)[\w’'-]+\s+){0,4}?"
    r"(?:tokens?|supply|emission|coins?|which)\s*|(?:of\s+(?:the\s+)?)?[A-Z0-9]{2,6}s?\s+(?:tokens?\s+)?"
    r"(?=(?:will|shall|is|are|to|for|would|were|was)\b))?"
    r"(?:(?:will|shall|is|are|to|would|were|was)\s+(?:be\s+|go\s+|together\s+)*)?"
    r"(?:(?:allocated|distributed|reserved|given|granted|dedicated|held|kept|set\s+aside|issued|used|awarded|sent|"
    r"going|go|goes|available|offered|provided|paid|assigned|earmarked)\s+)?(?:(?:to|for|by|as|in|toward|towards)\b)?\s*"
    r"(?:the\s+|a\s+|an\s+)?",
    re.I,
)


def tidy_label(label: str) -> str:
    """A label for people: "of the tokens will be reserved for the Snovio team" -> "Snovio team"."""
    tidy = _BOILERPLATE.sub("", label, count=1).strip(" ,;:-–—")
    if len(tidy) < 3:
        return label
    return tidy[0].upper() + tidy[1:]


def label_strip_amounts(text: str) -> str:
    out = text
    for value, start, end, _ in reversed(amounts_in(text)):
        out = out[:start] + " " + out[end:]
    out = re.sub(r"\(\s*(?:[A-Z]{2,6}|tokens?)?\s*\)", " ", out)
    return out


def has_letters(text: str, minimum: int = 2) -> bool:
    return len(re.findall(r"[A-Za-z]", text)) >= minimum


# the dot of a month's abbreviation before a day ("Oct. 31", "Sept. 1") ends no sentence and no label:
# put right after a "." of a pattern that cuts text there
NOT_A_DATE_DOT = (r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)"
                  r"(?!(?<=\bSept\.)\s+\d)")
SENTENCE_END_RE = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])(?<!\d)[.!?;](?=\s|$)" + NOT_A_DATE_DOT)


# Section headings. A heading about the money raised ("Use of proceeds", "How the funds will be spent",
# "Capital allocation") or about the tokens ("Token distribution") ends the breakdown above it: the use of
# funds reads a list under it on its own, and a row's description never runs on over it.

MONEY_NOUN = r"(?:funds?|proceeds|capital|money|budget|ether|eth|btc|contributions?|investments?|funding|raise)"
FUNDS_SECTION_RE = re.compile(
    r"\buse\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?" + MONEY_NOUN + r"\b"
    r"|\b(?:allocation|distribution|breakdown|usage|use|utili[sz]ation|split|spending|destination)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?" + MONEY_NOUN + r"\b"
    r"|\b" + MONEY_NOUN + r"\s+(?:allocation|distribution|breakdown|usage|use|utili[sz]ation|split|plan|structure|spending)\b"
    r"|\bhow\b(?=.*\b(?:spen[dt]|use|used|allocated?|invested?)\b)(?=.*\b(?:funds?|proceeds|money|capital)\b)"
    r"|\b(?:funds?|proceeds|money|capital)\b.{0,40}\bwill\s+be\s+(?:spent|used|allocated|distributed|invested)\b"
    r"|\bwhere\s+(?:the\s+|your\s+)?(?:money|funds)\s+(?:goes|go|will\s+go)\b"
    r"|^\W*(?:\d+(?:\.\d+)*\W*)?(?:(?:planned|project|total|our|the|ico|the\s+project)\s+)?(?:spending|expenditures?|budget|expenses)"
    r"(?:\s+(?:plan|allocation|breakdown|distribution|structure|overview))?\W*$"
    r"|\bcost\s+(?:breakdown|structure|allocation)\b|\b(?:financial|investment)\s+plan\b",
    re.I,
)
TOKEN_SECTION_RE = re.compile(
    r"\btoken\w*\s+(?:distribution|allocation|split|breakdown)\b|\b(?:distribution|allocation)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?tokens\b|\btokenomics\b",
    re.I,
)


def section_heading(line: str) -> str | None:
    """"use_of_funds" / "allocation" when ``line`` is a heading that starts a breakdown of that kind."""
    text = line.strip()
    if not text or PCT_RE.search(text) or (len(text) > 70 and not text.endswith(":")):
        return None
    if text[:1].islower() or re.search(r"[a-z)][.;]\s+[A-Z]", text) or re.search(r"\d[\d,.]{3,}", text):
        return None  # a piece of body text in a narrow column, or a line with an amount
    if FUNDS_SECTION_RE.search(text):
        return "use_of_funds"
    if TOKEN_SECTION_RE.search(text):
        return "allocation"
    return None
