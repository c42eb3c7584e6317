"""Records of the token distributions a white paper states: allocation of tokens and use of funds.

Field names follow ``corpus/GOLD.md`` (``label``, ``category``, ``percent``, ``page`` ...), so a
serialised :class:`AllocationBucket` can be compared with a gold bucket directly.

* :class:`AllocationBucket` - one share of the token supply ("Team: 15%").
* :class:`UseOfFundsItem` - one share of the money raised ("Marketing: 20%").
* :class:`Distribution` - one complete breakdown found in the paper (a table, a list, a legend). A
  paper may state several (pre-sale vs final, revised tables): the extractor returns all of them, the
  main one first with ``is_main=True``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ico_lens.records import Evidence, Record

#: how a bucket was read: a ruled table, a layout pairing (legend / text table with coordinates),
#: a line or sentence of prose, computed (percent from an amount and the total supply), or OCR of a
#: chart picture (only when asked for; see tokenomics.ocr)
METHODS = ("table", "layout", "text", "computed", "ocr")
#: where a distribution was found, as ``allocation_source`` in GOLD.md
SOURCES = ("table", "text", "image", "none")


class _OnPage:
    """Mix-in for a share read from the paper: its ``page`` is its evidence's (GOLD.md writes ``page``
    beside each bucket, so the JSON keeps it)."""

    evidence: Evidence | None
    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("page",)

    @property
    def page(self) -> int | None:
        """1-based PDF page."""
        return self.evidence.page if self.evidence is not None else None


@dataclass
class AllocationBucket(_OnPage, Record):
    label: str  # the paper's own words
    category: str  # see taxonomy.ALLOCATION_CATEGORIES
    stage: str  # "pre_ico" | "ico" | "post_ico" | "unknown" (taxonomy.ALLOCATION_STAGE)
    percent: float | None  # of total supply; None when only an amount is given and no total is known
    amount: float | None = None  # tokens, when stated
    vesting_months: float | None = None
    cliff_months: float | None = None
    evidence: Evidence | None = None  # page and quote (<= 200 characters)
    method: str = "text"  # one of METHODS; "computed" when percent = amount / total supply; "ocr"


@dataclass
class UseOfFundsItem(_OnPage, Record):
    label: str
    category: str  # see taxonomy.FUNDS_CATEGORIES
    percent: float | None  # of the money raised
    amount: float | None = None  # money, when stated (in the paper's currency)
    evidence: Evidence | None = None  # page and quote
    method: str = "text"


@dataclass
class Distribution(Record):
    kind: str  # "allocation" | "use_of_funds"
    items: list[AllocationBucket | UseOfFundsItem] = field(default_factory=list)
    #: "table" | "text" | "image" | "none" (GOLD.md ``allocation_source``)
    source: str = "none"
    pages: list[int] = field(default_factory=list)
    #: sum of the items' percentages (None when no item has one)
    sum_percent: float | None = None
    #: 100 - sum_percent: what the stated buckets leave unexplained (negative: they exceed 100%)
    residual: float | None = None
    is_main: bool = False
    #: why this distribution was chosen / kept, computed totals, OCR, non-English text ...
    note: str = ""
    #: 0..1, how much the extractor trusts this set (sums to ~100, allocation words nearby, ...)
    confidence: float = 0.0

    @property
    def page(self) -> int | None:
        """First page of the distribution."""
        return self.pages[0] if self.pages else None

    def finish(self) -> Distribution:
        """Fill in ``pages``, ``sum_percent`` and ``residual`` from the items."""
        percents = [i.percent for i in self.items if i.percent is not None]
        self.sum_percent = round(sum(percents), 2) if percents else None
        self.residual = round(100.0 - self.sum_percent, 2) if self.sum_percent is not None else None
        if not self.pages:
            self.pages = sorted({i.page for i in self.items if i.page is not None})
        return self
