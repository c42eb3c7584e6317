"""One definition of the scores every evaluation reports.

Counts-based scores (:class:`Counts`) are ``None`` when undefined (nothing predicted, nothing expected):
an empty cell in a table, not a zero. Label-vector scores (:func:`binary_f1`, :func:`macro_f1`) are
scikit-learn's, with ``zero_division=0`` as scikit-learn reports them.

>>> c = Counts(tp=8, fp=2, fn=2)
>>> c.precision, c.recall, round(c.f1, 3)
(0.8, 0.8, 0.8)
>>> Counts().precision is None
True
>>> binary_f1([1, 1, 0, 0], [1, 0, 0, 1])
0.5
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when the denominator is 0 (nothing counted)."""
    return numerator / denominator if denominator else None


def f1_of(precision: float | None, recall: float | None) -> float | None:
    """The harmonic mean of precision and recall; None when either is undefined."""
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Counts:
    """True positives, false positives, false negatives (and true negatives) of one question."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return f1_of(self.precision, self.recall)

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    def add(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn
        return self

    @classmethod
    def of(cls, y_true: Iterable, y_pred: Iterable) -> "Counts":
        counts = cls()
        for truth, guess in zip(y_true, y_pred):
            if truth and guess:
                counts.tp += 1
            elif guess:
                counts.fp += 1
            elif truth:
                counts.fn += 1
            else:
                counts.tn += 1
        return counts


def binary_f1(y_true: Sequence, y_pred: Sequence) -> float:
    """F1 of the positive class (scikit-learn's ``f1_score``; 0.0 when there are no positives at all)."""
    from sklearn.metrics import f1_score

    return float(f1_score([bool(v) for v in y_true], [bool(v) for v in y_pred], zero_division=0))


def macro_f1(y_true: Sequence, y_pred: Sequence, labels: Sequence | None = None) -> float:
    """Macro-averaged F1 over ``labels`` (scikit-learn's ``f1_score(average="macro")``)."""
    from sklearn.metrics import f1_score

    return float(f1_score(list(y_true), list(y_pred), labels=labels, average="macro", zero_division=0))


def per_label(y_true: Sequence, y_pred: Sequence, labels: Sequence) -> dict[str, dict]:
    """Precision, recall, F1 and support per label (scikit-learn's ``precision_recall_fscore_support``)."""
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, n = precision_recall_fscore_support(list(y_true), list(y_pred), labels=list(labels), zero_division=0)
    return {
        label: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3), "f1": round(float(f[i]), 3), "support": int(n[i])}
        for i, label in enumerate(labels)
    }


def mean(values: Iterable[float | None]) -> float:
    """The mean of the defined values (NaN when none is): a macro average over aspects or facts."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else float("nan")
