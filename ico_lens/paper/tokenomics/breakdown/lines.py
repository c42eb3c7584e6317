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
    return lines
