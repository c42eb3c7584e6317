"""Reference percentiles: where a paper's feature stands among the white papers of 2017–18 ICOs.

The shipped reference (``reference.json`` beside this module) holds summary statistics only: per
feature, how many papers had it and its value at every 5th percentile. ``ico-lens score
--build-reference`` makes it from papers (through the paper and language stages) or from a feature
store (see docs/score.md).

>>> ref = Reference.from_values({"insider_share": [10.0, 20.0, 30.0, 40.0, 50.0]})
>>> ref.percentile("insider_share", 30.0), ref.percentile("insider_share", 60.0)
(50.0, 100.0)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ico_lens.errors import InputError
from ico_lens.records import Record

#: the shipped reference
SHIPPED = Path(__file__).with_name("reference.json")
#: the percentiles stored per feature
GRID = tuple(range(0, 101, 5))


@dataclass
class FeatureReference(Record):
    """One feature over the reference papers: how many had it, and its value at each of :data:`GRID`."""

    n: int
    quantiles: list[float]

    def percentile(self, value: float) -> float:
        """The percentile rank of ``value`` (0..100), read off the stored quantiles; a value equal to
        several quantiles (many papers share it, e.g. 0) gets the middle of their ranks."""
        q = self.quantiles
        equal = [p for p, v in zip(GRID, q) if v == value]
        if equal:
            return (equal[0] + equal[-1]) / 2
        if value < q[0]:
            return 0.0
        if value > q[-1]:
            return 100.0
        i = next(i for i, v in enumerate(q) if v > value)
        lo, hi = q[i - 1], q[i]
        return round(GRID[i - 1] + (GRID[i] - GRID[i - 1]) * (value - lo) / (hi - lo), 1)


@dataclass
class Reference(Record):
    """Percentiles per feature, and where they come from."""

    features: dict[str, FeatureReference] = field(default_factory=dict)
    #: what the reference was computed from, in words ("36 corpus PDFs and 209 ICOBase texts")
    source: str = ""
    #: how many papers were read (a feature's ``n`` counts those that had it)
    papers: int = 0
    #: the command that made it
    command: str = ""

    @classmethod
    def from_values(cls, values: Mapping[str, Iterable[float | None]], **about) -> "Reference":
        """A reference from each feature's values over the papers (None: the paper lacks it)."""
        import numpy as np

        features = {}
        for name, column in values.items():
            known = [float(v) for v in column if v is not None]
            if known:
                quantiles = np.percentile(known, GRID).round(4).tolist()
                features[name] = FeatureReference(len(known), quantiles)
        return cls(features=features, **about)

    def percentile(self, name: str, value: float | None) -> float | None:
        """The percentile of ``value`` among the reference papers; None when either is unknown."""
        feature = self.features.get(name)
        return None if feature is None or value is None else feature.percentile(value)

    def median(self, name: str) -> float | None:
        feature = self.features.get(name)
        return None if feature is None else feature.quantiles[len(GRID) // 2]


def load_reference(path: str | Path | None = None) -> Reference:
    """The reference at ``path`` (default: the shipped one); a bad file is an InputError naming it."""
    path = Path(path) if path is not None else SHIPPED
    try:
        return Reference.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise InputError(f"cannot read the reference ({exc.strerror})", path=str(path)) from None
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise InputError(f"not a reference file ({exc})", path=str(path)) from None
