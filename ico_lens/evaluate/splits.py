"""The fixed splits of the labelled data, defined once.

* :func:`paper_half` - the half of the 36 gold papers a score belongs to (slugs sorted: even positions
  ``tuned``, odd ``held``), the split the paper rules and the disclosure detectors have been reported on;
* :func:`load_splits` - ``../shared/splits.csv``: every labelled paper and contract as ``tune`` or
  ``held``, fixed before tuning (the split new accuracy work reports on).

>>> paper_half("bancor", ["auctus", "bancor", "civic"])
'held'
"""

from __future__ import annotations

import csv
from pathlib import Path

#: the two halves of the gold papers, in the order positions alternate
PAPER_HALVES = ("tuned", "held")


def paper_half(slug: str, all_slugs: list[str]) -> str:
    """The fixed half a gold paper belongs to: slugs sorted, even positions "tuned", odd "held"."""
    return PAPER_HALVES[sorted(all_slugs).index(slug) % 2]


def load_splits(path: str | Path) -> dict[str, str]:
    """``splits.csv`` as ``{label file stem: "tune" | "held"}`` (a paper slug or a contract address).

    Raises ``FileNotFoundError`` when the file is absent (callers that can do without it skip).
    """
    out: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[Path(row["label_file"]).stem.lower()] = row["part"]
    return out
