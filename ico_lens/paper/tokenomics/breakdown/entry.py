"""An :class:`Entry`: one number of a breakdown with its label, at a :class:`LinePos` (page, line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ico_lens.paper.tokenomics.evidence import MAX_QUOTE
from ico_lens.records import Evidence


class LinePos(NamedTuple):
    """Where an entry sits in the reading order of the whole document: its page, then its line on the
    page. Fractional lines place table rows and legend entries between text lines. Sorts in reading
    order."""

    page: int
    line: float

    def shift(self, lines: float) -> "LinePos":
        """The position ``lines`` further down the same page."""
        return LinePos(self.page, self.line + lines)


@dataclass
class Entry:
    """One number found in the paper with the label it belongs to."""

    page: int
    order: LinePos  # position in reading order over the whole document
    label: str
    context: str  # the sentence or row around the number (for vesting, kind, quotes)
    percent: float | None = None
    amount: float | None = None
    method: str = "text"  # "table" | "layout" | "text"
    flags: set[str] = field(default_factory=set)
    shape: str = "row"  # "row" | "lead" | "prose" | "cell" | "legend"
    line_count: int = 1  # lines spanned (for locality)
    money: bool = False  # the amount is money ("$3 million"), not tokens
    group: str | None = None  # entries of different groups never share a run (rows of a matrix table)
    _table: int | None = None  # index in document.tables, for table rows
    _row: int = 0

    @property
    def last(self) -> LinePos:
        return self.order.shift(self.line_count - 1)

    @property
    def evidence(self) -> Evidence:
        """The entry's page and its context as the quote (at most ``MAX_QUOTE`` characters, cut at a word)."""
        text = " ".join(self.context.split())
        quote = text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"
        return Evidence.paper(self.page, quote)
