"""The score's weights: one table of points, documented in docs/score.md, overridable by a file.

Each entry is the most points its part of the score can add to the risk (0 = no risk). A component's
maximum is the sum of its entries (the alignment component's is ``alignment.max``, since its points
come per finding). A user file (JSON) maps some of these names to other numbers; a name not in the
table, or a negative number, is refused with the file named:

>>> w = Weights.default().updated({"language.hype": 12})
>>> w["language.hype"], w.maximum("language")
(12.0, 29.0)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ico_lens.errors import InputError

#: name -> (points, what earns them). The four components' maxima add up to 100.
WEIGHTS: dict[str, tuple[float, str]] = {
    "disclosure.allocation": (5, "no token allocation stated"),
    "disclosure.use_of_funds": (5, "no use of funds stated"),
    "disclosure.vesting": (5, "no vesting or lock-up of insiders' tokens stated"),
    "disclosure.risk": (5, "no risk disclosure"),
    "disclosure.governance": (5, "no word on token holders' rights (governance)"),
    "allocation.insider_share": (10, "team and advisors' share: none at 10% or less, all at 40% or more"),
    "allocation.sale_share": (10, "share sold to investors: none at 70% or more, all at 30% or less"),
    "allocation.insider_unvested": (5, "insiders hold tokens and no vesting of them is stated"),
    "language.hype": (8, "hype and return promises: the points times the paper's percentile"),
    "language.risk_language": (8, "risk language: the points times (100 - the paper's percentile)"),
    "language.certainty": (9, "certainty over tentativeness: the points times the paper's percentile"),
    "alignment.contradicted_high": (10, "each high-severity claim the code contradicts"),
    "alignment.contradicted_medium": (6, "each medium-severity claim the code contradicts"),
    "alignment.contradicted_low": (3, "each low-severity claim the code contradicts"),
    "alignment.undisclosed_high": (8, "each high-severity power of insiders the paper does not disclose"),
    "alignment.undisclosed_medium": (5, "each medium-severity undisclosed power"),
    "alignment.undisclosed_low": (2, "each low-severity undisclosed power"),
    "alignment.max": (25, "the most points the alignment findings add together"),
}

COMPONENTS = ("disclosure", "allocation", "language", "alignment")


@dataclass(frozen=True)
class Weights(Mapping):
    """The points table in use (:data:`WEIGHTS`, with a user's overrides)."""

    points: Mapping[str, float]
    #: where overrides came from ("" for the defaults)
    source: str = ""

    @classmethod
    def default(cls) -> "Weights":
        return cls({name: float(points) for name, (points, _) in WEIGHTS.items()})

    def updated(self, overrides: Mapping[str, object], source: str = "") -> "Weights":
        unknown = sorted(set(overrides) - set(WEIGHTS))
        if unknown:
            raise InputError(f"unknown weight(s) {', '.join(unknown)} (known: {', '.join(WEIGHTS)})", path=source or None)
        points = dict(self.points)
        for name, value in overrides.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise InputError(f"weight {name} must be a number >= 0, not {value!r}", path=source or None)
            points[name] = float(value)
        return Weights(points, source)

    def maximum(self, component: str) -> float:
        if component == "alignment":
            return self.points["alignment.max"]
        return sum(v for k, v in self.points.items() if k.startswith(component + "."))

    def __getitem__(self, name: str) -> float:
        return self.points[name]

    def __iter__(self):
        return iter(self.points)

    def __len__(self) -> int:
        return len(self.points)


def load_weights(path: str | Path | None = None) -> Weights:
    """The default weights, updated from the JSON file at ``path`` (``{"language.hype": 12, ...}``)."""
    weights = Weights.default()
    if path is None:
        return weights
    try:
        overrides = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the weights ({exc.strerror})", path=str(path)) from None
    except ValueError as exc:
        raise InputError(f"not JSON ({exc})", path=str(path)) from None
    if not isinstance(overrides, dict):
        raise InputError("the weights file must hold one JSON object of name: points", path=str(path))
    return weights.updated(overrides, str(path))
