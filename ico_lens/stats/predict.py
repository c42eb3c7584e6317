"""Cross-validated prediction of an outcome from features (scikit-learn), with permutation importance.

The question a regression table does not answer: how well do these features *predict* the outcome of a
project the model has not seen? Folds are made by project (the ``group`` column, the store's ``key``),
so a project never sits in both the training and the test part of a fold, even when it has several
rows. The metric is ROC AUC for a binary (0/1) outcome and R² otherwise; each feature's permutation
importance is measured on each held-out fold (how much the fold's score drops when that feature's
values are shuffled) and averaged over the folds.

>>> from ico_lens.store import load_features                                          # doctest: +SKIP
>>> result = predict(load_features("corpus.db"), "success", ["insider_share", "word_count"])  # doctest: +SKIP
>>> result.metric, round(result.mean, 2), result.importance[0].feature              # doctest: +SKIP
('roc_auc', 0.71, 'insider_share')

Projects missing the outcome, a feature or the group are dropped listwise and counted
(:func:`ico_lens.stats.data.model_data`); ``result.dropped`` says how many and why.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Sequence

from ico_lens.errors import InputError
from ico_lens.records import Record
from ico_lens.stats.data import NotEnoughData, model_data, resolve

#: the metric of each kind of outcome
METRICS = {"binary": "roc_auc", "continuous": "r2"}
#: what a score means when the features carry no information
CHANCE = {"roc_auc": 0.5, "r2": 0.0}


@dataclass
class Importance(Record):
    """Permutation importance of one feature: the drop of the held-out score when it is shuffled."""

    feature: str
    #: mean over the folds of the mean drop (in units of the metric: AUC points, R²)
    mean: float
    #: standard deviation of the per-fold drops over the folds
    sd: float
    #: 1 = the most important
    rank: int
    per_fold: list[float] = field(default_factory=list)


@dataclass
class Fold(Record):
    """One fold of the cross-validation: its sizes and its held-out score (None when undefined)."""

    fold: int
    n_train: int
    n_test: int
    groups_test: int
    score: float | None


@dataclass
class HeldOut(Record):
    """One project's out-of-fold prediction (probability of 1 for a binary outcome)."""

    key: str
    name: str | None
    fold: int
    observed: float
    predicted: float


@dataclass
class Prediction(Record):
    """What :func:`predict` measured."""

    outcome: str
    features: list[str]
    #: ``binary`` (0/1: ROC AUC) or ``continuous`` (R²)
    kind: str
    metric: str
    #: the estimator, as fitted in each fold (``StandardScaler + LogisticRegression``)
    estimator: str
    group: str
    folds: list[Fold]
    #: mean and sample standard deviation of the defined per-fold scores
    mean: float
    sd: float
    #: the score of an uninformative model (AUC 0.5, R² 0)
    chance: float
    #: the metric over every project's out-of-fold prediction at once (steadier than the per-fold
    #: scores when the folds are small: a fold of 3 projects gives a very noisy R²)
    pooled: float | None
    importance: list[Importance]
    n: int
    n_total: int
    n_dropped: int
    #: which columns the dropped projects missed (``model_data``'s description)
    dropped: str
    missing: dict[str, int]
    n_groups: int
    #: permutation rounds per feature and fold
    repeats: int
    random_state: int | None
    #: binary outcomes: projects with outcome 1
    positives: int | None = None
    held_out: list[HeldOut] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def scores(self) -> list[float]:
        return [f.score for f in self.folds if f.score is not None]


def default_estimator(kind: str, random_state: int | None = 0):
    """The estimator used when none is given: the features standardised (``StandardScaler``), then
    ``LogisticRegression`` (L2, C=1, lbfgs) for a binary outcome or ``Ridge`` (alpha=1) otherwise.
    Linear and regularised, because the samples are small (tens to hundreds of projects)."""
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "binary":
        return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, random_state=random_state))
    return make_pipeline(StandardScaler(), Ridge(alpha=1.0))


def forest_estimator(kind: str, random_state: int | None = 0):
    """A random forest (200 trees, leaves of at least 2 projects): for relations a linear model misses."""
    from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

    forest = RandomForestClassifier if kind == "binary" else RandomForestRegressor
    return forest(n_estimators=200, min_samples_leaf=2, random_state=random_state, n_jobs=1)


#: estimators by name (``ico-lens predict --model``): each a function of the outcome's kind and the seed
ESTIMATORS = {"linear": default_estimator, "forest": forest_estimator}


def predict(frame, outcome: str, features: Sequence[str], *, estimator=None, folds: int = 5, group: str | None = "key",
            repeats: int = 10, random_state: int | None = 0) -> Prediction:
    """Cross-validate ``estimator`` predicting ``outcome`` from ``features`` over the rows of ``frame``.

    Parameters
    ----------
    frame:
        A pandas DataFrame, e.g. :func:`ico_lens.store.load_features`.
    outcome, features:
        Column names (outcomes with or without their ``outcome_`` prefix). An outcome whose values are
        all 0 or 1 is binary (scored by ROC AUC, folds stratified by class); any other is continuous (R²).
    estimator:
        Any scikit-learn estimator (cloned for each fold); a classifier for a binary outcome needs
        ``predict_proba`` or ``decision_function``. Or a name of :data:`ESTIMATORS`: ``linear`` (the
        default, :func:`default_estimator`) or ``forest`` (:func:`forest_estimator`).
    folds:
        Number of folds (``GroupKFold`` over the groups in a random order; ``StratifiedGroupKFold``,
        shuffled, for a binary outcome: both seeded by ``random_state``). At most the number of projects.
    group:
        The column whose equal values always stay in one fold (default ``key``: the project); None:
        every row on its own.
    repeats:
        Shuffles per feature and fold of the permutation importance.

    Raises :class:`~ico_lens.errors.InputError` for an unknown column, fewer projects than folds, or a
    binary outcome with one class only (or a class in fewer projects than folds).
    """
    import numpy as np
    from sklearn.base import clone
    from sklearn.inspection import permutation_importance
    from sklearn.metrics import r2_score, roc_auc_score
    from sklearn.model_selection import GroupKFold, StratifiedGroupKFold

    if folds < 2:
        raise InputError(f"folds must be at least 2, not {folds}")
    if repeats < 1:
        raise InputError(f"repeats must be at least 1, not {repeats}")
    group_column = resolve(frame, group) if group else None
    key_column = "key" if "key" in frame.columns else None
    # names are looked up, not required: a project without one is not dropped
    names = dict(zip(frame[key_column], frame["name"])) if key_column and "name" in frame.columns else {}
    extra = [c for c in dict.fromkeys([group_column, key_column]) if c]
    data = model_data(frame, outcome, features, extra=extra, minimum=2)
    rows = data.data
    X = rows[data.features].to_numpy(dtype=float)
    y = rows[data.outcome].to_numpy(dtype=float)
    groups = rows[group_column].to_numpy() if group_column else np.arange(len(rows))
    n_groups = len(set(groups.tolist()))
    if folds > n_groups:
        raise NotEnoughData(f"{folds} folds need at least {folds} projects (distinct {group_column or 'rows'}); "
                            f"{n_groups} have every column ({data.describe_dropped()}): use fewer folds")
    kind = "binary" if set(np.unique(y).tolist()) <= {0.0, 1.0} else "continuous"
    metric = METRICS[kind]
    positives = None
    if kind == "binary":
        positives = int(y.sum())
        if positives in (0, len(y)):
            raise NotEnoughData(f"{data.outcome} is {int(y[0])} for all {len(y)} complete projects: one class, nothing to predict")
        # a class in fewer groups than folds leaves a test fold without it, where AUC is undefined
        per_class = {c: len(set(groups[y == c].tolist())) for c in (0.0, 1.0)}
        fewest = min(per_class, key=per_class.get)
        if per_class[fewest] < folds:
            raise NotEnoughData(f"{data.outcome} is {int(fewest)} for only {per_class[fewest]} projects, fewer than the "
                                f"{folds} folds (each fold needs both classes): use at most {max(2, per_class[fewest])} folds")
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=random_state)
    else:
        splitter = GroupKFold(n_splits=folds)
    # GroupKFold deals the groups out in a fixed order (by size, then label); relabelling them in a random
    # order (random_state) makes the folds a random partition of the projects, in any scikit-learn version
    labels, codes = np.unique(groups.astype(str), return_inverse=True)
    split_groups = np.random.default_rng(random_state).permutation(len(labels))[codes]
    if estimator is None or isinstance(estimator, str):
        if (estimator or "linear") not in ESTIMATORS:
            raise InputError(f"unknown estimator {estimator!r} (known: {', '.join(ESTIMATORS)}, or a scikit-learn estimator)")
        model = ESTIMATORS[estimator or "linear"](kind, random_state)
    else:
        model = estimator

    fold_records, drops, held_out, warnings = [], [], [], []
    for index, (train, test) in enumerate(splitter.split(X, y, split_groups), start=1):
        fitted = clone(model).fit(X[train], y[train])
        predicted = _predicted(fitted, X[test], kind)
        score = None
        if kind == "binary" and len(set(y[test].tolist())) < 2:
            warnings.append(f"fold {index}: one class in its {len(test)} held-out projects: no AUC")
        elif kind == "continuous" and len(test) < 2:
            warnings.append(f"fold {index}: one held-out project: no R²")
        else:
            score = float(roc_auc_score(y[test], predicted) if kind == "binary" else r2_score(y[test], predicted))
            result = permutation_importance(fitted, X[test], y[test], scoring=metric, n_repeats=repeats,
                                            random_state=random_state)
            drops.append(result.importances_mean)
        fold_records.append(Fold(index, len(train), len(test), len(set(groups[test].tolist())), score))
        for row, value in zip(test, predicted):
            key = rows[key_column].iat[row] if key_column else row
            held_out.append(HeldOut(key=str(key), name=_name(names.get(key)), fold=index,
                                    observed=float(y[row]), predicted=float(value)))
    scores = [f.score for f in fold_records if f.score is not None]
    if not scores:
        raise NotEnoughData(f"no fold could be scored by {metric} ({'; '.join(warnings)})")
    importance = _ranked(data.features, np.array(drops))
    observed = np.array([h.observed for h in held_out])
    scored = np.array([h.predicted for h in held_out])
    pooled = float(roc_auc_score(observed, scored) if kind == "binary" else r2_score(observed, scored))
    held_out.sort(key=lambda h: (h.fold, h.key))
    return Prediction(
        outcome=data.outcome, features=list(data.features), kind=kind, metric=metric, estimator=describe_estimator(model),
        group=group_column or "(rows)", folds=fold_records, mean=float(np.mean(scores)),
        sd=float(statistics.stdev(scores)) if len(scores) > 1 else 0.0, chance=CHANCE[metric], pooled=pooled,
        importance=importance,
        n=data.n, n_total=data.n_total, n_dropped=data.n_dropped, dropped=data.describe_dropped(), missing=dict(data.missing),
        n_groups=n_groups, repeats=repeats, random_state=random_state, positives=positives, held_out=held_out,
        warnings=warnings)


def _predicted(fitted, X, kind: str):
    """A continuous prediction, or a binary classifier's score for class 1 (its probability when it has one)."""
    if kind == "continuous":
        return fitted.predict(X)
    if hasattr(fitted, "predict_proba"):
        classes = list(getattr(fitted, "classes_", [0.0, 1.0]))
        return fitted.predict_proba(X)[:, classes.index(1.0)]
    if hasattr(fitted, "decision_function"):
        return fitted.decision_function(X)
    raise InputError(f"{describe_estimator(fitted)} has neither predict_proba nor decision_function: no ROC AUC")


def _ranked(features: list[str], drops) -> list[Importance]:
    """Features by mean drop over the folds, largest first (``drops``: folds x features)."""
    import numpy as np

    means = drops.mean(axis=0)
    sds = drops.std(axis=0, ddof=1) if len(drops) > 1 else np.zeros(len(features))
    order = sorted(range(len(features)), key=lambda i: -means[i])
    return [Importance(features[i], float(means[i]), float(sds[i]), rank, [float(v) for v in drops[:, i]])
            for rank, i in enumerate(order, start=1)]


def _name(value) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def describe_estimator(estimator) -> str:
    """``StandardScaler + LogisticRegression`` for a pipeline, the class name otherwise."""
    steps = getattr(estimator, "steps", None)
    if steps:
        return " + ".join(type(step).__name__ for _, step in steps)
    return type(estimator).__name__
