"""Text cleaning for analysis, page by page.

pdfium returns text as laid out on the page; analysis wants words. We fix what breaks words and
counts (ligatures, hyphenation across line breaks, bullet glyphs, running headers and footers) but
never merge or split pages, so page numbers stay exact evidence.
"""

from __future__ import annotations

import re
from collections import Counter

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
# Characters pdfium emits that are not text: soft hyphens at line ends (\x02, \xad, \ufffe),
# NUL and the object replacement character.
_CHAR_MAP = {
    **dict.fromkeys(map(ord, "\x00\ufffc\u200b\ufeff"), None),
    **dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000\t"), " "),
    **{ord(k): v for k, v in LIGATURES.items()},
}

# Bullet glyphs at the start of a line, including Symbol/Wingdings private-use code points
# (U+F0B7, U+F0A7, U+F076, ...) that fonts map bullets to.
_BULLET_RE = re.compile(r"^[ ]*(?:[•●▪◦■□➢➤✓✔►▶◆◇○·∙‣⁃\-–*]|[\uf000-\uf0ff])[ ]+(?=\S)", re.M)
_LONE_BULLET_RE = re.compile(r"^[ ]*(?:[•●▪◦■□➢➤✓✔►▶◆◇○·∙‣⁃]|[\uf000-\uf0ff])[ ]*$", re.M)
# A word broken across a line: lower-case letters, hyphen (or soft hyphen) at the line end,
# lower-case continuation. "distri-\nbution" -> "distribution"; "ERC-\n20" is left alone.
_HYPHEN_BREAK_RE = re.compile(r"([a-z]{2,})[-\u00ad\x02\ufffe]\n[ ]*([a-z]{2,})")
_SOFT_HYPHEN_RE = re.compile(r"[\u00ad\x02\ufffe]")
_MULTI_SPACE_RE = re.compile(r"[ ]{2,}")
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:page\s*)?[-–(\[]?\s*\d{1,4}\s*[-–)\]]?\s*(?:(?:/|of)\s*\d{1,4})?\s*$", re.I
)
_DIGITS_RE = re.compile(r"\d+")


def normalize_raw(text: str) -> str:
    """pdfium's text with newlines normalised; nothing else changed (used for exact quotes)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A word that starts with the punctuation that should end it (".tokens", ",future"): what a line
# looks like when the PDF marks left-to-right text as right-to-left and pdfium reverses its words.
_REVERSED_WORD_RE = re.compile(r"(?:^|\s)[.,;:!?][A-Za-z]{2,}")
_LEADING_PUNCT_RE = re.compile(r"^([.,;:!?)\]]+)(.+)$")
_BULLET_END_RE = re.compile(r"[•●▪◦■➢►▶\uf0b7\uf0a7]$")


def looks_reversed(text: str) -> bool:
    """True when many lines show the tell-tale ".word" of words in reversed order."""
    lines = text.split("\n")
    flagged = sum(bool(_REVERSED_WORD_RE.search(line)) for line in lines)
    return flagged >= 3 and flagged >= 0.2 * sum(bool(line.strip()) for line in lines)


def fix_reversed_lines(text: str) -> str:
    """Put words back in reading order on a page whose lines came out reversed.

    For text without coordinates (PDF pages are rebuilt from character positions instead, which
    also fixes numbers inside words). Only when :func:`looks_reversed`, so ordinary text is never
    touched.
    """
    if not looks_reversed(text):
        return text
    lines = text.split("\n")
    fixed = []
    for line in lines:
        words = [_LEADING_PUNCT_RE.sub(r"\2\1", w) for w in line.split(" ")[::-1]]
        if words and _BULLET_END_RE.search(words[-1]):  # the bullet that led the line
            bullet = _BULLET_END_RE.search(words[-1]).group(0)
            words = [bullet, *words[:-1], words[-1][: -len(bullet)]]
        fixed.append(" ".join(w for w in words if w))
    return "\n".join(fixed)


def clean_page_text(raw: str) -> str:
    """Clean one page's text; lines are kept."""
    text = fix_reversed_lines(normalize_raw(raw).translate(_CHAR_MAP))
    text = _HYPHEN_BREAK_RE.sub(r"\1\2\n", text)
    text = _SOFT_HYPHEN_RE.sub("", text)
    text = _LONE_BULLET_RE.sub("", text)
    text = _BULLET_RE.sub("- ", text)
    text = _MULTI_SPACE_RE.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _line_key(line: str) -> str:
    # Running headers/footers differ only in their page number: compare with digits masked.
    return _DIGITS_RE.sub("#", line.strip().lower())


RUNNING_LINE_MAX_CHARS = 70  # headers and footers are short; body lines that repeat are not


def remove_running_lines(pages: list[str], *, edge_lines: int = 2, min_share: float = 0.5) -> list[str]:
    """Drop running headers/footers and bare page numbers from cleaned page texts.

    A line is running when it sits among the first or last ``edge_lines`` non-empty lines of a page
    and the same short line (digits masked) does so on at least ``min_share`` of the pages with text
    (and on at least 3 pages). Bare page numbers at a page's edge are always dropped.
    """
    split = [p.split("\n") for p in pages]
    counts: Counter[str] = Counter()
    pages_with_text = 0
    for lines in split:
        nonempty = [ln for ln in lines if ln.strip()]
        if not nonempty:
            continue
        pages_with_text += 1
        edge = nonempty[:edge_lines] + nonempty[-edge_lines:]
        counts.update({_line_key(ln) for ln in edge})
    threshold = max(3, int(min_share * pages_with_text + 0.999))
    running = {k for k, n in counts.items() if n >= threshold and 2 <= len(k) <= RUNNING_LINE_MAX_CHARS}

    cleaned = []
    for lines in split:
        idx = [i for i, ln in enumerate(lines) if ln.strip()]
        edge_idx = set(idx[:edge_lines] + idx[-edge_lines:])
        keep = []
        for i, ln in enumerate(lines):
            if i in edge_idx and (_line_key(ln) in running or _PAGE_NUMBER_RE.match(ln)):
                continue
            keep.append(ln)
        cleaned.append("\n".join(keep).strip())
    return cleaned


_EN_FUNCTION_WORDS = frozenset(
    "the of and to in is for that with will be are on as by this it from or an at which can not "
    "we our their its have has all these more such than into each also other they been who".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.U)


def guess_language(text: str, *, sample_chars: int = 200_000) -> str:
    """"en", "other" or "unknown" from the share of English function words.

    English prose runs at 30-45 % function words (of the list above); other languages using the
    Latin script share few of them ("in", "an"), and non-Latin scripts none.
    """
    words = _WORD_RE.findall(text[:sample_chars].lower())
    if len(words) < 40:
        return "unknown"
    share = sum(w in _EN_FUNCTION_WORDS for w in words) / len(words)
    if share >= 0.10:
        return "en"
    return "other" if len(words) >= 150 else "unknown"
