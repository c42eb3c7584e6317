"""Strategic archetypes: projects clustered by their token allocation (scikit-learn).

Each project with a main allocation is a vector of shares (``alloc_<category>``, in %), normalised to
sum to 100 (a breakdown the extraction read as 98% or 103% is made comparable). The vectors are
clustered as they are, in percentage points (the categories share one unit, so nothing is rescaled):
k-means (``method="kmeans"``, 10 starts) or Ward's agglomerative clustering (``"hierarchical"``). The
number of archetypes ``k``, unless given, is the one with the highest mean silhouette over 2..8
(bounded by n - 1, and by the number of distinct vectors).

Each archetype gets its size, its mean profile, the outcome's n, mean and median over its projects
that have the outcome, and a short name from its profile (:func:`archetype_name`): the categories whose
mean share is at least :data:`NAME_MIN_POINTS` points above the mean share of every clustered project,
e.g. ``public-sale-led`` or ``insider-heavy + treasury-heavy``; ``balanced`` when none is.

>>> from ico_lens.store import load_features                                   # doctest: +SKIP
>>> result = archetypes(load_features("corpus.db"))                           # doctest: +SKIP
>>> [(a.name, a.size) for a in result.archetypes]                             # doctest: +SKIP
[('public-sale-led', 14), ('insider-heavy', 9), ('ecosystem-led', 6)]

Projects without a main allocation (no breakdown found: NULL shares; or shares summing to 0) are left
out and counted in ``n_dropped``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from ico_lens.errors import InputError
from ico_lens.records import Record
from ico_lens.stats.data import NotEnoughData, resolve

METHODS = ("kmeans", "hierarchical")
#: the outcome shown by default (and quietly left out when the store has no outcomes yet)
DEFAULT_OUTCOME = "log_raised_usd"
#: the numbers of archetypes tried when k is not given
K_RANGE = range(2, 9)
#: a category names an archetype when its mean share is this many points above the overall mean
NAME_MIN_POINTS = 5.0
#: the second category is named too when it is at least this fraction of the first's excess
NAME_SECOND_FRACTION = 0.5
#: how each allocation category describes an archetype that holds more of it than the average project
CATEGORY_WORDS = {
    "public_sale": "public-sale-led",
    "presale_private": "private-sale-led",
    "team_founders": "insider-heavy",
    "advisors": "advisor-heavy",
    "partners": "partner-heavy",
    "reserve_treasury": "treasury-heavy",
    "ecosystem_community": "ecosystem-led",
    "bounty_marketing": "marketing-heavy",
    "liquidity": "liquidity-heavy",
    "mining_staking": "mining-led",
    "other": "other-heavy",
}


@dataclass
class Archetype(Record):
    """One cluster of allocation vectors."""

    #: 1 = the largest archetype
    id: int
    name: str
    size: int
    #: column -> mean share (%) over the archetype's projects
    profile: dict[str, float]
    #: the columns that name it -> points above the overall mean
    distinctive: dict[str, float]
    outcome_n: int = 0
    outcome_mean: float | None = None
    outcome_median: float | None = None


@dataclass
class ProjectArchetype(Record):
    key: str
    name: str | None
    archetype: int
    archetype_name: str
    #: the project's normalised shares (%)
    shares: dict[str, float] = field(default_factory=dict)
    outcome: float | None = None


@dataclass
class Archetypes(Record):
    """What :func:`archetypes` found."""

    method: str
    k: int
    #: ``silhouette`` (chosen) or ``given``
    k_from: str
    #: k -> mean silhouette of that clustering (every k tried; only the given one when k was given);
    #: None when the clustering came out as a single group
    silhouettes: dict[int, float | None]
    #: the allocation columns clustered
    columns: list[str]
    #: the mean share of each column over every clustered project
    overall: dict[str, float]
    archetypes: list[Archetype]
    projects: list[ProjectArchetype]
    #: projects clustered / in the frame / left out for having no main allocation
    n: int
    n_total: int
    n_dropped: int
    dropped: str
    outcome: str | None = None
    #: does the outcome differ between the archetypes? Kruskal-Wallis H test over the archetypes with
    #: at least 2 projects having the outcome: ``{"statistic", "p_value", "groups", "n"}``; None when fewer
    #: than 2 archetypes qualify
    outcome_test: dict[str, float] | None = None
    random_state: int | None = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def silhouette(self) -> float | None:
        # read back from JSON, the keys are text
        return self.silhouettes.get(self.k, self.silhouettes.get(str(self.k)))


def archetypes(frame, *, columns: Sequence[str] | None = None, k: int | None = None, method: str = "kmeans",
               outcome: str | None = DEFAULT_OUTCOME, random_state: int | None = 0) -> Archetypes:
    """Cluster the allocation vectors of ``frame`` (e.g. :func:`ico_lens.store.load_features`).

    Parameters
    ----------
    columns:
        The share columns (default: every ``alloc_<category>`` column of the frame).
    k:
        The number of archetypes (2 .. n - 1); None: chosen by the highest mean silhouette over 2..8.
    method:
        ``kmeans`` (``KMeans``, 10 starts, ``random_state``) or ``hierarchical`` (``AgglomerativeClustering``
        with Ward linkage).
    outcome:
        A column (or outcome name) summarised per archetype over the projects that have it; None: no
        outcome. The default, ``log_raised_usd``, is left out with a warning when the frame has no such
        column; any other name must exist.
    """
    import numpy as np
    import pandas as pd
    from sklearn.metrics import silhouette_score

    if method not in METHODS:
        raise InputError(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    columns = [resolve(frame, c) for c in columns] if columns else [c for c in frame.columns if c.startswith("alloc_")]
    if not columns:
        raise InputError("the features have no alloc_<category> column (was the store made by ico-lens batch?)")
    warnings: list[str] = []
    outcome_column = _outcome_column(frame, outcome, warnings)

    shares = frame[columns].apply(pd.to_numeric, errors="coerce")
    # a paper with a breakdown has 0 for the categories it does not name; NULL everywhere: no breakdown
    totals = shares.fillna(0.0).sum(axis=1)
    has_allocation = shares.notna().any(axis=1) & (totals > 0)
    has_allocation = has_allocation.to_numpy()  # a mask by position (the frame's index may repeat)
    n_total, n = len(frame), int(has_allocation.sum())
    dropped = (f"{n_total - n} of {n_total} projects left out: no main allocation" if n < n_total
               else f"all {n_total} projects have a main allocation")
    if n < 3:
        raise NotEnoughData(f"only {n} projects with a main allocation (need 3 to compare archetypes): {dropped}")
    vectors = shares[has_allocation].fillna(0.0)
    vectors = vectors.div(vectors.sum(axis=1), axis=0) * 100.0
    X = vectors.to_numpy(dtype=float)
    distinct = len(np.unique(X.round(6), axis=0))
    if distinct < 2:
        raise NotEnoughData(f"the {n} projects with a main allocation all have the same one: nothing to cluster")

    if k is not None:
        if not 2 <= k <= min(n - 1, distinct):
            raise InputError(f"k must be between 2 and {min(n - 1, distinct)} for {n} projects "
                             f"({distinct} distinct allocations), not {k}")
        tried = [k]
    else:
        tried = [c for c in K_RANGE if c <= min(n - 1, distinct)]
    silhouettes, labellings = {}, {}
    for candidate in tried:
        labels = _cluster(X, candidate, method, random_state)
        labellings[candidate] = labels
        silhouettes[candidate] = float(silhouette_score(X, labels)) if len(set(labels.tolist())) > 1 else None
    defined = {c: s for c, s in silhouettes.items() if s is not None}
    if not defined:
        raise NotEnoughData(f"no clustering of the {n} allocations into {', '.join(map(str, tried))} groups is defined")
    chosen = k if k is not None else max(defined, key=lambda c: (defined[c], -c))
    labels = labellings[chosen]

    overall = vectors.mean(axis=0)
    outcome_values = (pd.to_numeric(frame[outcome_column][has_allocation], errors="coerce")
                      if outcome_column else None)
    # archetypes numbered by size, the largest first (ties: by the lowest first row, for a stable order)
    sizes = {label: int((labels == label).sum()) for label in set(labels.tolist())}
    first = {label: int(np.argmax(labels == label)) for label in sizes}
    order = sorted(sizes, key=lambda label: (-sizes[label], first[label]))
    found = []
    for number, label in enumerate(order, start=1):
        members = labels == label
        profile = vectors[members].mean(axis=0)
        distinctive = _distinctive(profile, overall)
        archetype = Archetype(id=number, name=archetype_name(distinctive), size=sizes[label],
                              profile=_rounded(profile), distinctive=distinctive)
        if outcome_values is not None:
            present = outcome_values[members].dropna()
            archetype.outcome_n = int(len(present))
            if len(present):
                archetype.outcome_mean, archetype.outcome_median = float(present.mean()), float(present.median())
        found.append(archetype)
    _unique_names(found)
    outcome_test = _kruskal(outcome_values, labels, order) if outcome_values is not None else None

    by_label = dict(zip(order, found))
    kept = frame[has_allocation]
    keys = kept["key"].tolist() if "key" in kept.columns else [str(i) for i in kept.index]
    names = kept["name"].tolist() if "name" in kept.columns else [None] * n
    outcomes = outcome_values.tolist() if outcome_values is not None else [None] * n
    projects = []
    for i in range(n):
        archetype = by_label[labels[i]]
        value = outcomes[i]
        projects.append(ProjectArchetype(
            key=str(keys[i]), name=_text(names[i]), archetype=archetype.id, archetype_name=archetype.name,
            shares=_rounded(vectors.iloc[i]), outcome=None if value is None or pd.isna(value) else float(value)))
    return Archetypes(method=method, k=chosen, k_from="given" if k is not None else "silhouette", silhouettes=silhouettes,
                      columns=columns, overall=_rounded(overall), archetypes=found, projects=projects, n=n,
                      n_total=n_total, n_dropped=n_total - n, dropped=dropped, outcome=outcome_column, outcome_test=outcome_test,
                      random_state=random_state, warnings=warnings)


def archetype_name(distinctive: dict[str, float]) -> str:
    """A short name from the columns most above the overall mean (``distinctive``, largest first): the
    first one's word (:data:`CATEGORY_WORDS`; ``<category>-heavy`` for another column), and the second's
    when its excess is at least half the first's; ``balanced`` when no column is
    :data:`NAME_MIN_POINTS` points above the mean.

    >>> archetype_name({"alloc_public_sale": 22.0})
    'public-sale-led'
    >>> archetype_name({"alloc_team_founders": 12.0, "alloc_reserve_treasury": 7.0})
    'insider-heavy + treasury-heavy'
    >>> archetype_name({})
    'balanced'
    """
    if not distinctive:
        return "balanced"
    names = list(distinctive)
    picked = names[:1]
    if len(names) > 1 and distinctive[names[1]] >= NAME_SECOND_FRACTION * distinctive[names[0]]:
        picked.append(names[1])
    return " + ".join(_word(column) for column in picked)


def _word(column: str) -> str:
    category = column[len("alloc_"):] if column.startswith("alloc_") else column
    return CATEGORY_WORDS.get(category) or category.replace("_", "-") + "-heavy"


def _distinctive(profile, overall) -> dict[str, float]:
    """Columns at least :data:`NAME_MIN_POINTS` above the overall mean, largest excess first."""
    excess = (profile - overall).sort_values(ascending=False)
    return {column: round(float(value), 2) for column, value in excess.items() if value >= NAME_MIN_POINTS}


def _unique_names(found: list[Archetype]) -> None:
    """Two archetypes with the same name: the smaller ones get `` (2)``, `` (3)``."""
    seen: dict[str, int] = {}
    for archetype in found:
        seen[archetype.name] = seen.get(archetype.name, 0) + 1
        if seen[archetype.name] > 1:
            archetype.name = f"{archetype.name} ({seen[archetype.name]})"


def _kruskal(values, labels, order) -> dict[str, float] | None:
    """Kruskal-Wallis H test of the outcome across the archetypes (ranks: robust to skewed amounts)."""
    from scipy.stats import kruskal

    samples = [values[labels == label].dropna().to_numpy(dtype=float) for label in order]
    samples = [sample for sample in samples if len(sample) >= 2]
    if len(samples) < 2 or len({v for sample in samples for v in sample.tolist()}) < 2:
        return None
    statistic, p_value = kruskal(*samples)
    return {"statistic": round(float(statistic), 4), "p_value": float(p_value), "groups": len(samples),
            "n": int(sum(len(sample) for sample in samples))}


def _cluster(X, k: int, method: str, random_state):
    from sklearn.cluster import AgglomerativeClustering, KMeans

    if method == "kmeans":
        return KMeans(n_clusters=k, n_init=10, random_state=random_state).fit_predict(X)
    return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(X)


def _outcome_column(frame, outcome: str | None, warnings: list[str]) -> str | None:
    if outcome is None:
        return None
    try:
        column = resolve(frame, outcome)
    except InputError:
        if outcome != DEFAULT_OUTCOME:
            raise
        warnings.append(f"no outcome column outcome_{outcome} in the features (import outcomes first): archetypes without outcome")
        return None
    import pandas as pd

    values = frame[column]
    converted = pd.to_numeric(values, errors="coerce")
    text = values.notna() & converted.isna()
    if text.any():
        raise InputError(f"outcome {column} is not numeric ({int(text.sum())} values like {str(values[text].iloc[0])[:30]!r})")
    return column


def _rounded(series) -> dict[str, float]:
    return {str(column): round(float(value), 2) for column, value in series.items()}


def _text(value) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
