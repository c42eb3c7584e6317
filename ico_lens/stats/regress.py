"""Regressions of an outcome on features (statsmodels), with robust or clustered standard errors and
categorical controls, and several models side by side in one table, as a paper prints them.

>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(0)
>>> frame = pd.DataFrame({"x1": rng.normal(size=400), "x2": rng.normal(size=400)})
>>> frame["outcome_y"] = 1 + 2 * frame.x1 - 0.5 * frame.x2 + rng.normal(size=400)
>>> fit = regress(frame, "y", ["x1", "x2"])
>>> round(fit.params["x1"], 1), round(fit.params["x2"], 1), fit.n, fit.cov_type
(2.0, -0.5, 400, 'HC1')
>>> print(regression_table([fit]).as_text())                                  # doctest: +ELLIPSIS
<BLANKLINE>
=================...
"""

from __future__ import annotations

import math
import os
import warnings
from dataclasses import dataclass, field
from typing import Any, Sequence

from ico_lens.errors import InputError
from ico_lens.stats.data import ModelData, NotEnoughData, model_data, resolve

MODELS = ("ols", "logit")
COVARIANCES = ("HC0", "HC1", "HC2", "HC3", "nonrobust")
#: table formats by file suffix
TABLE_FORMATS = {".csv": "csv", ".tex": "latex", ".html": "html", ".htm": "html", ".txt": "text"}


@dataclass
class Regression:
    """One fitted model: its coefficients with standard errors, fit statistics, and what was dropped."""

    outcome: str
    features: list[str]
    controls: list[str]
    model: str
    #: "HC1" ..., "nonrobust", or "cluster(<column>)"
    cov_type: str
    n: int
    n_dropped: int
    dropped: str
    params: dict[str, float]
    bse: dict[str, float]
    pvalues: dict[str, float]
    #: R² (OLS) or McFadden's pseudo R² (logit)
    r2: float
    r2_adjusted: float | None = None
    warnings: list[str] = field(default_factory=list)
    #: the statsmodels results (not serialised)
    result: Any = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in (
            "outcome", "features", "controls", "model", "cov_type", "n", "n_dropped", "dropped",
            "params", "bse", "pvalues", "r2", "r2_adjusted", "warnings")}


def regress(frame, outcome: str, features: Sequence[str], *, model: str = "ols", robust: str = "HC1",
            cluster: str | None = None, controls: Sequence[str] = ()) -> Regression:
    """Fit ``outcome`` on ``features`` over the complete projects of ``frame`` (listwise: the
    dropped count is in the result).

    Parameters
    ----------
    model:
        ``"ols"`` (a continuous outcome such as log_raised_usd) or ``"logit"`` (a 0/1 one such as success).
    robust:
        Heteroskedasticity-robust standard errors (``"HC1"``, Stata's ``robust``; ``HC0/HC2/HC3``), or
        ``"nonrobust"``.
    cluster:
        A column whose groups get clustered standard errors (overrides ``robust``).
    controls:
        Columns entered as categories (fixed effects): ``year``, ``platform``, ``country`` ...
    """
    import numpy as np
    import pandas as pd
    import statsmodels.formula.api as smf

    if model not in MODELS:
        raise InputError(f"unknown model {model!r} (known: {', '.join(MODELS)})")
    if robust not in COVARIANCES:
        raise InputError(f"unknown standard errors {robust!r} (known: {', '.join(COVARIANCES)})")
    data = model_data(frame, outcome, features, controls, extra=[cluster] if cluster else (),
                      minimum=len(features) + 2)
    if model == "logit":
        _check_binary(data)
    formula = f"{data.outcome} ~ " + " + ".join([*data.features, *(f"C({c})" for c in data.controls)])
    fit_kwargs: dict[str, Any] = {"cov_type": robust}
    cov_type = robust
    if cluster:
        groups = pd.factorize(data.data[resolve(frame, cluster)])[0]
        fit_kwargs = {"cov_type": "cluster", "cov_kwds": {"groups": groups}}
        cov_type = f"cluster({cluster})"
    caught: list[str] = []
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            if model == "ols":
                result = smf.ols(formula, data.data).fit(**fit_kwargs)
            else:
                result = smf.logit(formula, data.data).fit(disp=0, **fit_kwargs)
        except np.linalg.LinAlgError as exc:
            raise NotEnoughData(f"the model cannot be estimated ({exc}): features are collinear over the {data.n} projects") from None
        except Exception as exc:  # statsmodels' PerfectSeparationError and friends
            if "separation" in type(exc).__name__.lower() or "separation" in str(exc).lower():
                raise NotEnoughData(f"a feature predicts {data.outcome} perfectly over the {data.n} projects: "
                                    "logit cannot be estimated (drop it, or use ols)") from None
            raise
        caught = sorted({_one_line(w.message) for w in seen})
    r2 = result.rsquared if model == "ols" else result.prsquared
    return Regression(
        outcome=data.outcome, features=list(data.features), controls=list(data.controls), model=model,
        cov_type=cov_type, n=int(result.nobs), n_dropped=data.n_dropped, dropped=data.describe_dropped(),
        params=_floats(result.params), bse=_floats(result.bse), pvalues=_floats(result.pvalues),
        r2=float(r2), r2_adjusted=float(result.rsquared_adj) if model == "ols" else None,
        warnings=caught, result=result,
    )


def _check_binary(data: ModelData) -> None:
    values = set(data.y.unique())
    if not values <= {0, 1, 0.0, 1.0, True, False}:
        raise InputError(f"logit needs a 0/1 outcome; {data.outcome} takes values like {sorted(values)[:3]}")
    if len(values) < 2:
        raise NotEnoughData(f"{data.outcome} is {next(iter(values))} for all {data.n} complete projects: logit cannot be estimated")


def _floats(series) -> dict[str, float]:
    return {str(k): float(v) for k, v in series.items()}


def _one_line(message) -> str:
    return " ".join(str(message).split())[:200]


def regression_table(regressions: Sequence[Regression], *, names: Sequence[str] | None = None, stars: bool = True):
    """The models side by side (statsmodels ``summary_col``): coefficients with their standard errors
    in brackets; N, R², the projects dropped, the standard errors used and the fixed effects at the
    foot (the fixed effects' own coefficients are not shown). ``.as_text()``,
    ``.as_latex()``, ``.as_html()``; :func:`table_frame` gives a DataFrame."""
    from statsmodels.iolib.summary2 import summary_col

    if not regressions:
        raise InputError("no regression to tabulate")
    names = list(names or [f"({i})" for i in range(1, len(regressions) + 1)])
    by_result = {id(r.result): r for r in regressions}
    info = {
        "N": lambda res: f"{int(res.nobs)}",
        "R2 / pseudo R2": lambda res: f"{getattr(res, 'rsquared', getattr(res, 'prsquared', math.nan)):.3f}",
        "Dropped (missing)": lambda res: f"{by_result[id(res)].n_dropped}",
        "Std. errors": lambda res: by_result[id(res)].cov_type,
        "Fixed effects": lambda res: ", ".join(_short(c) for c in by_result[id(res)].controls) or "none",
    }
    return summary_col([r.result for r in regressions], model_names=names, stars=stars, float_format="%.3f",
                       info_dict=info, include_r2=False, drop_omitted=True, regressor_order=_order(regressions))


def table_notes(regressions: Sequence[Regression], *, names: Sequence[str] | None = None) -> list[str]:
    """One line per model: what it is and which projects it left out."""
    names = list(names or [f"({i})" for i in range(1, len(regressions) + 1)])
    return [f"{name} {r.model.upper()} of {r.outcome}; {r.dropped}" for name, r in zip(names, regressions)]


def _short(column: str) -> str:
    return column.removeprefix("outcome_")


def _order(regressions: Sequence[Regression]) -> list[str]:
    seen: dict[str, None] = {}
    for r in regressions:
        for name in r.params:
            if not name.startswith("C("):
                seen.setdefault(name, None)
    intercept = [n for n in seen if n == "Intercept"]
    return [n for n in seen if n != "Intercept"] + intercept


def table_frame(table):
    """The coefficient table as a pandas DataFrame (rows: coefficients and statistics; columns: models)."""
    return table.tables[0]


def write_table(table, path: str) -> str:
    """Write the table to ``path`` as CSV, LaTeX, HTML or text, by its suffix; returns the format."""
    fmt = TABLE_FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        raise InputError(f"cannot tell the table format from the file name (use {', '.join(TABLE_FORMATS)})", path=path)
    if fmt == "csv":
        table_frame(table).to_csv(path)
        return fmt
    text = {"latex": table.as_latex, "html": table.as_html, "text": table.as_text}[fmt]()
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return fmt
