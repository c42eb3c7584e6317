"""A page as lines of text (word-reversed text layers rebuilt from word boxes or reversed back)."""

from __future__ import annotations

import re
from collections import Counter
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
    lines = _unreverse_paragraphs(lines)
    if page.layout_analyzed and page.words:
        lines = _columns_in_reading_order(page, lines)
    return lines


# --- two columns side by side that the text layer reads across ("Token sale 55%  Reserve 20%")

COLUMN_GUTTER = 2.5  # gap between two columns, in character heights of the line
COLUMN_ALIGN = 12.0  # points the left edge of the right column may move from line to line
_HAS_PERCENT = re.compile(r"\d\s?%")


def _segments(line: list[Word]) -> list[list[Word]]:
    """A visual line cut at every gap wider than a column gutter."""
    parts: list[list[Word]] = [[line[0]]]
    for w in line[1:]:
        height = max(1.0, w.bottom - w.top)
        if w.x0 - parts[-1][-1].x1 > COLUMN_GUTTER * height:
            parts.append([w])
        else:
            parts[-1].append(w)
    return parts


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _columns_in_reading_order(page: Page, lines: list[str]) -> list[str]:
    """Lines that hold two columns (a two-column legend, two charts' legends side by side, a breakdown
    beside prose with percentages of its own) read down the left column, then the right: read across,
    each line mixes one column's share with the other's label. Only a run of at least two lines with a
    percentage on BOTH sides of one aligned gutter counts, and only when the text layer holds those
    lines as they are on the page: a label and its share columns apart (one percentage a line) stay."""
    visual = words_to_lines(page.words)
    split = [_segments(line) for line in visual]
    out = list(lines)
    i = 0
    while i < len(visual):
        run = _column_run(split, i)
        if run is None:
            i += 1
            continue
        end, gutter = run
        first = i
        # the two columns' headings ("Token allocation | Use of proceeds") sit on the line above
        while first > 0 and _side_of(split[first - 1], gutter) == "both":
            first -= 1
        out = _reorder(out, split[first:end], gutter)
        i = end
    return out


def _column_run(split: list[list[list[Word]]], start: int) -> tuple[int, float] | None:
    """(end, gutter x) of a run of two-column lines starting at ``start``, or None."""
    for gutter in _gutters(split[start]):
        end, both = start, 0
        while end < len(split):
            parts = split[end]
            side = _side_of(parts, gutter)
            if side is None:
                break
            both += side == "both" and _both_sides_hold_shares(parts, gutter)
            end += 1
        if both >= 2:
            return end, gutter
    return None


def _gutters(parts: list[list[Word]]) -> list[float]:
    """Left edges of the segments that start a right column: text and a percentage on either side."""
    return [parts[k][0].x0 for k in range(1, len(parts)) if _both_sides_hold_shares(parts, parts[k][0].x0)]


def _halves(parts: list[list[Word]], gutter: float) -> tuple[str, str]:
    left = " ".join(_text(p) for p in parts if p[0].x0 < gutter - COLUMN_ALIGN)
    right = " ".join(_text(p) for p in parts if p[0].x0 >= gutter - COLUMN_ALIGN)
    return left, right


def _both_sides_hold_shares(parts: list[list[Word]], gutter: float) -> bool:
    """A label with its share on each side of the gutter ("Team 15%" | "Marketing 25%"); a bare number
    on the right is a table's second share column ("Team 15% | 20%"), not a column of its own."""
    return all(_HAS_PERCENT.search(half) and re.search(r"[A-Za-z]{3}", half) for half in _halves(parts, gutter))


def _side_of(parts: list[list[Word]], gutter: float) -> str | None:
    """"both" when the line has segments on both sides of the gutter and none across it, "left" or
    "right" when all of it is on one side, None when a segment crosses the gutter (prose over the page)."""
    if any(p[0].x0 < gutter - COLUMN_ALIGN and p[-1].x1 > gutter for p in parts):
        return None
    left, right = _halves(parts, gutter)
    return "both" if left and right else "left" if left else "right"


def _reorder(lines: list[str], run: list[list[list[Word]]], gutter: float) -> list[str]:
    """``lines`` with the text lines that hold the run's words (read across, or already down the columns
    with the two headings on one line) replaced by its left column, then its right column. Unchanged
    when no block of consecutive text lines holds exactly those words."""
    wanted = Counter(w.text for parts in run for part in parts for w in part)
    size = sum(wanted.values())
    for first in range(len(lines)):
        held: Counter = Counter()
        end = first
        while end < len(lines) and sum(held.values()) < size:
            held.update(lines[end].split())
            end += 1
        if held == wanted:
            halves = [_halves(parts, gutter) for parts in run]
            left = [l for l, _ in halves if l]
            right = [r for _, r in halves if r]
            return lines[:first] + left + right + lines[end:]
    return lines


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
