"""A page as lines of text (word-reversed text layers rebuilt from word boxes or reversed back)."""

from __future__ import annotations

import re
from typing import Sequence

from ico_lens.paper.records import Page, Word


_REVERSED_HINT = re.compile(r"\b(?:the of|be will|to allocated|of number)\b")
_FORWARD_HINT = re.compile(r"\b(?:of the|will be|allocated to|number of)\b")
# "n" and "!" are bullet glyphs of symbol fonts read through the wrong encoding
BULLET_RE = re.compile(r"^\s*(?:[•●○◦▪■□➢➤►‣∙·>\-–—*✓✔]|[n!](?=\s)|\(?[a-z0-9ivx]{1,3}[.)](?=\s))\s*", re.I)


def words_to_lines(words: Sequence[Word], tolerance: float = 3.0) -> list[list[Word]]:
    """Group words into visual lines (by their top coordinate), left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def page_lines(page: Page) -> list[str]:
    """Lines of a page's text; word-reversed text layers are put right."""
    text = page.text or ""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    reversed_hits = len(_REVERSED_HINT.findall(text))
    if reversed_hits >= 3 and reversed_hits > 2 * len(_FORWARD_HINT.findall(text)):
        if page.words:
            return [" ".join(w.text for w in line) for line in words_to_lines(page.words)]
        return [" ".join(reversed(line.split())) for line in lines]
    return _unreverse_paragraphs(lines)


_ENDS_SENTENCE = re.compile(r"[.!?]\W{0,2}$")
_ENDS_MID_SENTENCE = re.compile(r"[A-Za-z0-9,%]$")


def _prose_line(line: str) -> bool:
    """A full line of running text (not a bullet, a label or a heading)."""
    return len(line.split()) >= 6 and not BULLET_RE.match(line)


def _unreverse_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs that the text layer lists from the bottom up (seen in some generated PDFs) put back
    in reading order. Such a block starts (at its top) with the end of a sentence in lower case
    ("reserved for future development."), every line below it stops mid-sentence, and the bottom line
    starts in upper case (the paragraph's first line): read bottom-up, every line runs on into the one
    above it."""
    out = list(lines)
    i = 0
    while i < len(out):
        top = out[i]
        if not (top[:1].islower() and _ENDS_SENTENCE.search(top)):
            i += 1
            continue
        j = i + 1
        while j < len(out) and _ENDS_MID_SENTENCE.search(out[j]) and out[j][:1].islower() and _prose_line(out[j]):
            j += 1
        if j < len(out) and j - i >= 2 and out[j][:1].isupper() and _ENDS_MID_SENTENCE.search(out[j]) \
                and _prose_line(out[j]):
            out[i:j + 1] = out[i:j + 1][::-1]
            i = j + 1
        else:
            i += 1
    return out
