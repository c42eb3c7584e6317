"""Entries from word coordinates (chart legends, text tables): a number alone in its box paired with
the nearest label box."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ico_lens.paper.ingest import LONE_PERCENT_RE
from ico_lens.paper.records import Page, Word
from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.labels import has_letters, clean_label
from ico_lens.paper.tokenomics.breakdown.lines import words_to_lines
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, parse_percent


# --- layout: numbers alone in their box, paired with the nearest label box


@dataclass
class _Box:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    words: tuple = ()

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def _boxes(words: Sequence[Word]) -> list[_Box]:
    """Words grouped into boxes: same line, horizontal gap smaller than ~1.5 character heights."""
    boxes: list[_Box] = []
    for line in words_to_lines(words):
        current: list[Word] = []
        for w in line:
            height = max(1.0, w.bottom - w.top)
            if current and w.x0 - current[-1].x1 > 1.5 * height:
                boxes.append(_merge(current))
                current = []
            current.append(w)
        if current:
            boxes.append(_merge(current))
    return boxes


def _merge(words: list[Word]) -> _Box:
    return _Box(" ".join(w.text for w in words), min(w.x0 for w in words), min(w.top for w in words),
                max(w.x1 for w in words), max(w.bottom for w in words), tuple(words))


_SEVERAL_PERCENTS_RE = re.compile(r"^(?:\s*\d{1,3}(?:[.,]\d{1,3})?\s?%){2,}\s*$")


def _split_percents(box: _Box) -> list[_Box]:
    """A box that holds only shares ("2 % 2 %": legend numbers set close on one row) is one box per
    share, so each can meet the label under or beside it."""
    if not _SEVERAL_PERCENTS_RE.match(box.text) or len(box.words) < 2:
        return [box]
    parts, current = [], []
    for w in box.words:
        current.append(w)
        if w.text.endswith("%"):
            parts.append(_merge(current))
            current = []
    if current:
        if not parts:
            return [box]
        parts[-1] = _merge(list(parts[-1].words) + current)
    return parts


def _split_under_numbers(box: _Box, numbers: list[_Box]) -> list[_Box]:
    """A label box that two legend numbers stand right above (or below) holds two labels set close on
    one line ("7 %  2 %" over "Partnerships Bounty"): cut it between the numbers' centres."""
    height = max(4.0, box.bottom - box.top)
    slack = 0.25 * height  # tight legends: the boxes overlap by a little (see _legend_pairs)
    near = [n for n in numbers if box.x0 - 1 <= n.cx <= box.x1 + 1
            and (-slack <= box.top - n.bottom <= 1.5 * height or -slack <= n.top - box.bottom <= 1.5 * height)]
    if len(near) < 2 or len(box.words) < 2:
        return [box]
    centres = sorted(n.cx for n in near)
    cuts = [(a + b) / 2 for a, b in zip(centres, centres[1:])]
    groups: list[list] = [[] for _ in centres]
    for w in box.words:
        cx = (w.x0 + w.x1) / 2
        groups[sum(1 for c in cuts if cx > c)].append(w)
    if sum(1 for g in groups if g) < 2:
        return [box]
    return [_merge(g) for g in groups if g]


#: a box set in type this many times taller than the legend numbers is a heading, not a label
HEADING_HEIGHT_RATIO = 2.0


MAX_LEGEND_LABEL = 50  # characters in one box of a legend label
MAX_ROW_GAP = 360.0  # points between a label and its number on the same row


def entries_from_layout(page: Page) -> list[Entry]:
    """Legend pairing: a percentage alone in its box gets the nearest unused text box as label."""
    if not page.words:
        return []
    boxes = [part for b in _boxes(page.words) for part in _split_percents(b)]
    numbers = [b for b in boxes if LONE_PERCENT_RE.match(b.text)]
    # legend labels are short boxes; a line of body text is not a label
    number_height = sorted(b.bottom - b.top for b in numbers)[len(numbers) // 2] if numbers else 0.0
    texts = [b for b in boxes if not PCT_RE.search(b.text) and has_letters(b.text) and len(b.text) <= MAX_LEGEND_LABEL
             and not (number_height and b.bottom - b.top > HEADING_HEIGHT_RATIO * number_height)]
    labels = _label_blocks([part for b in texts for part in _split_under_numbers(b, numbers)])
    if not numbers or not labels:
        return []
    # A legend reads one way: "Label ... NN%" or "NN% Label". Pairing each number with its nearest
    # box in either direction crosses columns in a two-column legend ("Public sale 45% | Reserve 8%"
    # gives 45% to "Reserve"), so pair in each reading direction and keep the one that pairs more.
    best: list[Entry] = []
    best_key = None
    for label_side in ("left", "right"):
        pairs = _legend_pairs(numbers, labels, label_side)
        entries = _paired_entries(page, numbers, labels, pairs)
        key = (len(entries), -sum(d for d, _, _ in pairs[: len(entries)]))
        if best_key is None or key > best_key:
            best, best_key = entries, key
    _group_by_chart(page, best, numbers, boxes)
    return best


#: characters of a box that is a line of body text, not a legend label
BODY_LINE = 60


def _group_by_chart(page: Page, entries: list[Entry], numbers: list[_Box], boxes: list[_Box]) -> None:
    """Two charts on one page, one above the other with a line of body text between them (a footnote,
    a caption sentence), are two breakdowns: their legend entries get different groups, so no run
    mixes them. Only when each chart keeps at least two numbers (a legend whose items carry long
    descriptions between them stays one)."""
    body = [b for b in boxes if len(b.text) >= BODY_LINE]
    if not body or len(entries) < 4:
        return
    tops = sorted({round(n.top, 1) for n in numbers})
    cuts = []
    for upper, lower in zip(tops, tops[1:]):
        if any(upper < b.top and b.bottom < lower for b in body):
            cuts.append(lower)
    if not cuts:
        return
    def chart(entry: Entry) -> int:
        top = (entry.order.line - 0.7) * 10000.0
        return sum(1 for c in cuts if top >= c - 0.05)
    sizes = [sum(1 for e in entries if chart(e) == k) for k in range(len(cuts) + 1)]
    if min(sizes) < 2:
        return
    for e in entries:
        e.group = f"chart {page.number}.{chart(e)}"


def _legend_pairs(numbers: list[_Box], labels: list[_Box], label_side: str) -> list[tuple[float, int, int]]:
    """(distance, number index, label index) of every plausible pair, nearest first: same-row labels
    on ``label_side`` of the number, or a label just above or below it in the same column."""
    pairs = []
    for ni, nb in enumerate(numbers):
        height = max(4.0, nb.bottom - nb.top)
        for li, lb in enumerate(labels):
            same_row = abs((lb.top + lb.bottom) / 2 - (nb.top + nb.bottom) / 2) <= height * 0.6
            if same_row:
                # legends often put the number columns apart from its label: allow up to ~half a page
                gap = nb.x0 - lb.x1 if label_side == "left" else lb.x0 - nb.x1
                if gap < -1 or gap > MAX_ROW_GAP:
                    continue
                distance = gap * 0.3
            else:
                overlap = min(lb.x1, nb.x1) - max(lb.x0, nb.x0)
                if overlap < -height:  # not in the same column
                    continue
                # tight chart legends let the boxes of a label and its number overlap by a little (the
                # number's box includes its font's ascent): allow a quarter of a line
                slack = max(1.0, 0.25 * height)
                vertical = nb.top - lb.bottom if lb.bottom <= nb.top + slack else lb.top - nb.bottom
                if vertical < -slack or vertical > 2.2 * height:
                    continue
                distance = vertical * 1.5 + abs(lb.cx - nb.cx) * 0.2 + 5
            pairs.append((distance, ni, li))
    pairs.sort()
    return pairs


def _paired_entries(page: Page, numbers: list[_Box], labels: list[_Box],
                    pairs: list[tuple[float, int, int]]) -> list[Entry]:
    """Greedy one-to-one assignment, nearest pair first."""
    used_n, used_l = set(), set()
    entries = []
    for distance, ni, li in pairs:
        if ni in used_n or li in used_l:
            continue
        used_n.add(ni)
        used_l.add(li)
        nb, lb = numbers[ni], labels[li]
        label = lb.text
        value = parse_percent(PCT_RE.search(nb.text).group("num"))
        if not 0 < value <= 100:
            continue
        order = LinePos(page.number, 0.7 + nb.top / 10000.0)
        entries.append(Entry(page.number, order, clean_label(label), f"{label} {nb.text}", value, None,
                             "layout", set(), "legend"))
    return entries


def _label_blocks(boxes: list[_Box]) -> list[_Box]:
    """Join label boxes wrapped over several lines ("Founding Team and / Early / Contributors"): a box
    starting right under another one (gap under half a line) and overlapping it horizontally."""
    blocks: list[_Box] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        height = max(4.0, box.bottom - box.top)
        for block in blocks:
            gap = box.top - block.bottom
            overlap = min(block.x1, box.x1) - max(block.x0, box.x0)
            if -max(1.0, 0.25 * height) <= gap <= 0.5 * height and overlap > 0 and len(block.text) < 80:
                block.text += " " + box.text
                block.x0, block.x1 = min(block.x0, box.x0), max(block.x1, box.x1)
                block.bottom = box.bottom
                break
        else:
            blocks.append(_Box(box.text, box.x0, box.top, box.x1, box.bottom))
    return blocks
