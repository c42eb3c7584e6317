"""The rows a model is fitted on: the outcome, the features and the controls a user named, the
projects missing any of them dropped explicitly (listwise), with how many and why.

>>> import pandas as pd
>>> frame = pd.DataFrame({"outcome_raised_usd": [1e6, 2e6, None, 5e5],
...                       "insider_share": [20.0, None, 30.0, 15.0], "word_count": [9000, 12000, 8000, 4000]})
>>> data = model_data(frame, "raised_usd", ["insider_share", "word_count"], minimum=2)
>>> data.y.name, data.n, data.n_dropped, data.missing
('outcome_raised_usd', 2, 2, {'outcome_raised_usd': 1, 'insider_share': 1})
>>> print(data.describe_dropped())
2 of 4 projects dropped for missing values (listwise): outcome_raised_usd 1, insider_share 1
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Sequence

from ico_lens.errors import InputError

#: outcome columns of the store's features view carry this prefix; ``--outcome raised_usd`` finds it
OUTCOME_PREFIX = "outcome_"


#: dictionary categories summed into ``risk_rate`` (their rate columns start with this)
RISK_RATE_PREFIX = "rate_risk_"


def with_derived(frame):
    """``frame`` (the features view) with the columns models often want and SQL does not give:
    ``log_words`` (natural log of the paper's words) and ``risk_rate`` (risk words per 1,000 words, every
    ``rate_risk_*`` category together). A copy; the store is not changed.

    >>> import pandas as pd
    >>> with_derived(pd.DataFrame({"word_count": [1000, 0], "rate_risk_regulatory": [2.0, None],
    ...                            "rate_risk_technology": [1.5, None]}))[["log_words", "risk_rate"]].round(2).values.tolist()
    [[6.91, 3.5], [nan, nan]]
    """
    import numpy as np

    frame = frame.copy()
    if "word_count" in frame:
        words = frame["word_count"].astype(float)
        frame["log_words"] = np.log(words.where(words > 0))
    risk = [c for c in frame.columns if c.startswith(RISK_RATE_PREFIX)]
    if risk:
        frame["risk_rate"] = frame[risk].sum(axis=1, min_count=1)
    return frame


def features_frame(db):
    """The store's features view (:func:`ico_lens.store.load_features`) :func:`with_derived` columns."""
    from ico_lens.store import load_features

    return with_derived(load_features(db))


class NotEnoughData(InputError):
    code = "not_enough_data"


def resolve(frame, name: str) -> str:
    """The column of ``frame`` that ``name`` means: itself, or ``outcome_<name>`` (outcomes and the
    controls imported with them: ``year``, ``platform``)."""
    for candidate in (name, OUTCOME_PREFIX + name):
        if candidate in frame.columns:
            return candidate
    close = difflib.get_close_matches(name, list(frame.columns), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise InputError(f"no column {name!r} in the features{hint}")


def split_names(values: str | Sequence[str] | None) -> list[str]:
    """``"a,b"`` or ``["a", "b,c"]`` -> ``["a", "b", "c"]`` (command-line lists)."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@dataclass
class ModelData:
    """Complete cases for one model, and what was left out."""

    #: the complete rows: the outcome, features, controls and ``extra`` columns
    data: object
    outcome: str
    features: list[str]
    controls: list[str] = field(default_factory=list)
    #: rows before dropping
    n_total: int = 0
    #: column -> rows missing it (a row missing two columns counts in both)
    missing: dict[str, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.data)

    @property
    def n_dropped(self) -> int:
        return self.n_total - self.n

    @property
    def y(self):
        return self.data[self.outcome]

    @property
    def X(self):
        return self.data[self.features]

    def describe_dropped(self) -> str:
        if not self.n_dropped:
            return f"all {self.n_total} projects have every column"
        why = ", ".join(f"{column} {count}" for column, count in self.missing.items() if count)
        return f"{self.n_dropped} of {self.n_total} projects dropped for missing values (listwise): {why}"


def model_data(frame, outcome: str, features: Sequence[str], controls: Sequence[str] = (), *,
               extra: Sequence[str] = (), minimum: int = 3) -> ModelData:
    """The complete cases of ``frame`` (a pandas DataFrame, e.g. :func:`ico_lens.store.load_features`)
    for ``outcome`` on ``features`` and ``controls``.

    Parameters
    ----------
    outcome, features, controls:
        Column names, or outcome names without their ``outcome_`` prefix. Features must be numeric
        (booleans count as 0/1); controls may be categories (year, platform, country).
    extra:
        More columns kept with the rows and required complete (a cluster column, a project key).
    minimum:
        Fewest complete rows accepted: fewer raises :class:`NotEnoughData` saying what was dropped.
    """
    import pandas as pd

    if not features:
        raise InputError("name at least one feature")
    y = resolve(frame, outcome)
    xs = [resolve(frame, name) for name in features]
    cs = [resolve(frame, name) for name in controls]
    others = [resolve(frame, name) for name in extra]
    columns = list(dict.fromkeys([y, *xs, *cs, *others]))
    data = frame[columns].copy()
    for column in [y, *xs]:
        data[column] = _numeric(data[column], column)
    missing = {column: int(data[column].isna().sum()) for column in columns}
    complete = data.dropna()
    result = ModelData(complete.reset_index(drop=True), y, xs, cs, len(frame), {c: n for c, n in missing.items() if n})
    if result.n < minimum:
        raise NotEnoughData(f"only {result.n} complete projects for {y} (need {minimum}): {result.describe_dropped()}")
    constant = [c for c in xs if complete[c].nunique() < 2]
    if constant:
        raise NotEnoughData(f"{', '.join(constant)} takes one value over the {result.n} complete projects: nothing to estimate")
    return result


def _numeric(series, column: str):
    import pandas as pd

    if series.dtype == bool:
        return series.astype(float)
    converted = pd.to_numeric(series, errors="coerce")
    text = series.notna() & converted.isna()
    if text.any():
        sample = series[text].iloc[0]
        raise InputError(f"column {column} is not numeric ({int(text.sum())} values like {str(sample)[:30]!r})")
    return converted
