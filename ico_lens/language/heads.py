"""Small linear heads stored as plain JSON (never pickle), and where the shipped models live.

A head is what scikit-learn's ``LogisticRegression`` learned (coefficients, intercepts, classes) plus
the feature scaling it was trained with. Prediction is a few lines of numpy, so loading a model needs
neither scikit-learn nor a matching scikit-learn version, and a model file can be read and checked by
eye. Training still uses scikit-learn (``fit`` methods import it lazily).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ico_lens.errors import IcoLensError, InputError

#: the directory of shipped model files: ``$ICO_LENS_MODELS`` or ``models/`` at the repository root
MODELS_DIR = Path(os.environ.get("ICO_LENS_MODELS", Path(__file__).resolve().parents[2] / "models"))


class ModelFileError(InputError):
    """A model file is missing, unreadable, or not the kind of model asked for."""

    code = "bad_model_file"


@dataclass
class LinearHead:
    """A (multinomial or binary) logistic regression over standardised features.

    ``coef`` has one row per class for more than two classes; for two classes scikit-learn keeps a
    single row (the log-odds of ``classes[1]``), and so does this head.
    """

    classes: list
    coef: list[list[float]]
    intercept: list[float]
    mean: list[float] | None = None
    scale: list[float] | None = None

    @classmethod
    def from_sklearn(cls, model, *, mean=None, scale=None) -> "LinearHead":
        return cls(
            classes=[c.item() if hasattr(c, "item") else c for c in model.classes_],
            coef=model.coef_.astype(float).round(7).tolist(),
            intercept=model.intercept_.astype(float).round(7).tolist(),
            mean=None if mean is None else [round(float(v), 7) for v in mean],
            scale=None if scale is None else [round(float(v), 7) for v in scale],
        )

    def decision(self, X):
        import numpy as np

        X = np.asarray(X, dtype=np.float64)
        if self.mean is not None:
            X = (X - np.asarray(self.mean)) / np.asarray(self.scale)
        return X @ np.asarray(self.coef).T + np.asarray(self.intercept)

    def predict_proba(self, X):
        """Array ``(n, len(classes))`` of probabilities, columns in the order of :attr:`classes`."""
        import numpy as np

        scores = self.decision(X)
        if scores.shape[1] == 1:  # binary: one column of log-odds for classes[1]
            p1 = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - p1, p1])
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def to_dict(self) -> dict:
        return {"classes": self.classes, "coef": self.coef, "intercept": self.intercept, "mean": self.mean, "scale": self.scale}

    @classmethod
    def from_dict(cls, data: dict) -> "LinearHead":
        return cls(
            classes=list(data["classes"]),
            coef=[list(map(float, row)) for row in data["coef"]],
            intercept=list(map(float, data["intercept"])),
            mean=data.get("mean"),
            scale=data.get("scale"),
        )


def write_model(path: str | os.PathLike, data: dict) -> Path:
    """Write a model dictionary as JSON (creating the directory)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_model(path: str | os.PathLike, *, kind: str) -> dict:
    """Read a model file written by :func:`write_model` and check that it is a ``kind`` model."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"model file not found (train it with: python -m ico_lens.cli.train_language)", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"not a readable JSON model file ({exc.__class__.__name__})", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("kind") != kind:
        found = data.get("kind") if isinstance(data, dict) else type(data).__name__
        raise ModelFileError(f"not a {kind} model (kind: {found!r})", path=str(path))
    return data


def require_fitted(obj, what: str) -> None:
    if getattr(obj, "_fitted", False) is not True:
        raise IcoLensError(f"{what} is not fitted: call fit() or load() first")
