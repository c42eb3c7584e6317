"""Shared helpers for token terms and claims: text units, quotes and number parsing.

A white paper's text comes out of the PDF as short lines. Terms such as ``Total supply: 100,000,000``
live on one line (a table row or a "label: value" list), while claims such as "unsold tokens will be
burned" run over several lines. :func:`text_units` therefore yields both views of every page: single
lines and joined sentences, each with its page number, so rules can quote the page they found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

MAX_QUOTE = 200


@dataclass(frozen=True)
class TextUnit:
    """A line or a sentence of one page."""

    page: int
    text: str
    kind: str  # "line" | "sentence"


def quote_around(text: str, start: int, end: int, limit: int = MAX_QUOTE) -> str:
    """A quote of at most ``limit`` characters that contains ``text[start:end]``."""
    text_one_line = " ".join(text.split())
    if len(text_one_line) <= limit:
        return text_one_line
    # Map the span onto the whitespace-collapsed text approximately: collapse the prefix too.
    prefix = " ".join(text[:start].split())
    middle = " ".join(text[start:end].split())
    centre = len(prefix) + len(middle) // 2
    lo = max(0, min(centre - limit // 2, len(text_one_line) - limit))
    snippet = text_one_line[lo : lo + limit]
    # Do not cut words in half at the edges.
    if lo > 0 and " " in snippet[:20]:
        snippet = snippet[snippet.index(" ") + 1 :]
    if lo + limit < len(text_one_line) and " " in snippet[-20:]:
        snippet = snippet[: snippet.rindex(" ")]
    return snippet.strip()


_TERMINAL = re.compile(r"[.!?;]\s*$")
_BULLET = re.compile(r"^\s*(?:[•●○◦▪■□➢➤►‣∙·\-–—*]|\(?[0-9ivx]{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])")
MAX_SENTENCE = 500


#: invisible characters some PDFs put between words or inside them (zero-width spaces, soft hyphens)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe\uffff]")


#: a table-of-contents line: "Token distribution ........ 12" (a heading, never a statement)
_TOC_LINE = re.compile(r"(?:\.\s?){5,}\s*\d{1,3}\s*$|…{2,}\s*\d{1,3}\s*$")


def page_lines(text: str, *, keep_toc: bool = False) -> list[str]:
    """Non-empty lines, whitespace collapsed; table-of-contents lines dropped unless ``keep_toc``."""
    text = _INVISIBLE.sub("", text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line and (keep_toc or not _TOC_LINE.search(line))]


def page_sentences(text: str, *, keep_toc: bool = False) -> list[str]:
    """Join a page's lines into sentences.

    Lines are joined unless the previous one ends a sentence or the next starts a bullet; long runs
    without punctuation (tables, legends) are cut back at line breaks so that a sentence never spans
    a whole page.
    """
    blocks: list[list[str]] = [[]]
    for line in page_lines(text, keep_toc=keep_toc):
        if blocks[-1] and (_TERMINAL.search(blocks[-1][-1]) or _BULLET.match(line)):
            blocks.append([])
        blocks[-1].append(line)
    sentences: list[str] = []
    for block in blocks:
        if not block:
            continue
        joined = " ".join(block)
        joined = re.sub(r"(\w)- (\w)", r"\1\2", joined) if "- " in joined else joined
        for sentence in _SENTENCE_END.split(joined):
            sentence = sentence.strip()
            if not sentence:
                continue
            if len(sentence) > MAX_SENTENCE and len(block) > 1:
                # A table or legend flattened into one "sentence": fall back to windows of lines.
                for i in range(0, len(block), 4):
                    sentences.append(" ".join(block[i : i + 4]))
                break
            sentences.append(sentence)
    return sentences


def text_units(document, kind: str = "sentence", *, keep_toc: bool = False) -> Iterator[TextUnit]:
    """Lines or sentences of every page of ``document``, in page order.

    Table-of-contents lines are left out (a heading is not a statement) unless ``keep_toc``: the
    ticker finder counts "5.1 CAT Token Mechanics ..... 11" as one more mention of the token.
    """
    for page in document.pages:
        text = page.text or ""
        if not text.strip():
            continue
        pieces = page_lines(text, keep_toc=keep_toc) if kind == "line" else _cached_sentences(text, keep_toc)
        for piece in pieces:
            yield TextUnit(page.number, piece, kind)


@lru_cache(maxsize=512)
def _cached_sentences(text: str, keep_toc: bool = False) -> tuple[str, ...]:
    return tuple(page_sentences(text, keep_toc=keep_toc))


# ---------------------------------------------------------------------------------------------
# Numbers: "1,000,000,000", "1 000 000 000", "1.000.000.000", "2,5 billion", "1.5B", "one billion"

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mio": 10**6,
    "m": 10**6,
    "mm": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "t": 10**12,
}
WORD_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
WORD_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
UNDER_100 = (r"(?:(?:" + "|".join(WORD_TENS) + r")(?:[\s-]+(?:" + "|".join(k for k, v in WORD_UNITS.items() if v < 10)
              + r"))?|" + "|".join(sorted(WORD_UNITS, key=len, reverse=True)) + ")")
#: "three hundred", "two hundred and fifty", "twenty-five", "a": the number before a scale word
_WORD_NUMBER = (r"(?:(?:a|" + "|".join(k for k, v in WORD_UNITS.items() if v < 10) + r")\s+)?hundred(?:\s+(?:and\s+)?"
                + UNDER_100 + r")?|" + UNDER_100 + r"|a")


def word_number_value(words: str) -> int:
    """The value of a number written in words (``_WORD_NUMBER``): "two hundred and fifty" -> 250."""
    value, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "hundred":
            value += max(current, 1) * 100
            current = 0
        elif word != "and":
            current += WORD_UNITS.get(word) or WORD_TENS.get(word) or 1  # "a"
    return value + current



_DIGITS = (
    r"(?:\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3}){2,}|(?:[ \u00a0\u202f\u2009'’]\d{3})+)(?:[.,]\d+)?"  # grouped
    r"|\d+(?:[.,]\d+)?)"  # plain, possibly with decimals
)
NUMBER_RE = re.compile(
    r"(?<![\w.,])(?P<digits>" + _DIGITS + r")"
    r"(?:\s?(?P<scale>(?i:trillion|billions?|millions?|thousand|bln|bn|mln|mio)|mm|[kKmMbB])(?![\w]))?"
)
WORD_NUMBER_RE = re.compile(
    r"\b(?P<word>" + _WORD_NUMBER + r")[\s-]+(?P<scale>trillion|billion|million|thousand)\b",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    value: float
    start: int
    end: int
    raw: str
    has_scale: bool = False


def digits_value(digits: str, has_scale: bool) -> float | None:
    """A number as written ("1,000,000", "1.000.000", "2,5" before a scale word, "1 000 000"); whole
    numbers stay ints. Every number of the tokenomics stage is read by this one function."""
    d = digits.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if re.fullmatch(r"\d{1,3}(?:[ '’]\d{3})+(?:[.,]\d+)?", d):
        d = d.replace(" ", "").replace("'", "").replace("’", "")
        d = d.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", d):
        d = d.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", d):
        d = d.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", d):
        # "2,5 billion" is a decimal comma; "1,000" alone would have matched the grouped form.
        head, tail = d.split(",")
        d = f"{head}.{tail}" if (has_scale or len(tail) != 3) else head + tail
    try:
        # whole numbers stay exact ints: a supply written in base units has 27 digits
        return int(d) if d.isdigit() else float(d)
    except ValueError:
        return None


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its value (scale words applied), in order."""
    found: list[Quantity] = []
    for m in NUMBER_RE.finditer(text):
        scale = m.group("scale")
        if scale and scale in ("m", "b", "k", "t", "M", "B", "K") and " " in text[m.end("digits") : m.start("scale") + 1]:
            scale = None  # "5 m" is a distance or a label, not "5 million"
        if scale and scale.lower() in ("m", "mm") and text[m.end() : m.end() + 1] == "²":
            scale = None
        if scale and re.search(r"\d[,.\s]\d{3}[,.\s]\d{3}$", m.group("digits")):
            scale = None  # "65,778,844 million": the number is written out in full, the scale word is a slip
        value = digits_value(m.group("digits"), bool(scale))
        if value is None:
            continue
        if scale:
            value = value * _SCALES[scale.lower()]
            value = int(value) if float(value).is_integer() else value
        end = m.end() if scale else m.end("digits")
        found.append(Quantity(value, m.start(), end, text[m.start() : end], bool(scale)))
    for m in WORD_NUMBER_RE.finditer(text):
        value = word_number_value(m.group("word")) * _SCALES[m.group("scale").lower()]
        found.append(Quantity(float(value), m.start(), m.end(), m.group(0), True))
    found.sort(key=lambda q: q.start)
    return found


def numbers_in(text: str) -> set[float]:
    """The numeric values in ``text`` (for comparing "as written" strings such as hard caps)."""
    return {q.value for q in find_quantities(text or "")}


DURATION_RE = re.compile(
    r"(?P<n>\d+(?:[.,]5)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|"
    r"twenty-four|thirty-six|forty-eight|half(?:\s+a)?)"
    # "a 180-day lock-up" (singular before a noun), "over 8 quarters"
    r"[\s-]*(?:\(\s*\d+\s*\)\s*)?(?P<unit>years?|yrs?|months?|mos?|m|days?|weeks|quarters)\b",
    re.I,
)
_WORD_INT = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36, "forty-eight": 48,
    "half": 0.5, "half a": 0.5,
}


def duration_months(match: re.Match) -> float | None:
    n_text = match.group("n").lower().replace(",", ".")
    n = _WORD_INT.get(" ".join(n_text.split()))
    if n is None:
        try:
            n = float(n_text)
        except ValueError:
            return None
    unit = match.group("unit").lower()
    if unit.startswith("y"):
        return n * 12
    if unit.startswith("q"):
        return n * 3
    if unit.startswith("w"):
        return round(n * 7 / 30.4, 1)
    if unit.startswith("d"):
        return round(n / 30, 1)
    return n
