"""Text rendering of the statistics: what ``ico-lens predict`` and ``ico-lens archetypes`` print (rich
tables). The JSON is the records' own (``Prediction.to_json``, ``Archetypes.to_json``)."""

from __future__ import annotations

import io
import math

METRIC_NAMES = {"roc_auc": "ROC AUC", "r2": "R²"}


def _console(width: int):
    from rich.console import Console

    buffer = io.StringIO()
    return buffer, Console(file=buffer, width=width, color_system=None, highlight=False)


def _text(buffer) -> str:
    # rich pads every table row to its width: trailing spaces only get in the way of a pasted report
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip("\n").splitlines())


def _number(value, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def render_prediction(prediction, *, width: int = 110) -> str:
    """The cross-validated score (per fold, mean, sd), the data used and the features by importance."""
    from rich.table import Table

    p = prediction
    metric = METRIC_NAMES.get(p.metric, p.metric)
    buffer, console = _console(width)
    balance = f"; {p.positives} of {p.n} are 1" if p.positives is not None else ""
    say = lambda text: console.print(text, markup=False, soft_wrap=True)  # noqa: E731
    say(f"{p.outcome} ({p.kind}{balance}) from {len(p.features)} feature(s): {p.estimator}")
    say(f"{len(p.folds)}-fold cross-validation by {p.group} over {p.n} projects ({p.n_groups} groups); {p.dropped}")
    say(f"{metric}: {p.mean:.3f} (sd {p.sd:.3f} over {len(p.scores)} folds; chance {p.chance:g}); "
        f"pooled over the held-out predictions: {_number(p.pooled)}")

    folds = Table(box=None, padding=(0, 2), header_style="bold")
    for column in ("fold", "train", "test", metric):
        folds.add_column(column, justify="right")
    for f in p.folds:
        folds.add_row(str(f.fold), str(f.n_train), str(f.n_test), _number(f.score))
    console.print(folds)

    say(f"permutation importance: the drop in held-out {metric} when a feature is shuffled ({p.repeats} shuffles "
        f"per fold), mean and sd over the folds")
    table = Table(box=None, padding=(0, 2), header_style="bold")
    for column, justify in (("rank", "right"), ("feature", "left"), ("importance", "right"), ("sd", "right")):
        table.add_column(column, justify=justify, no_wrap=column == "feature")
    for item in p.importance:
        table.add_row(str(item.rank), item.feature, _number(item.mean, 4), _number(item.sd, 4))
    console.print(table)
    for warning in p.warnings:
        say(f"warning: {warning}")
    return _text(buffer)


def _short_column(column: str) -> str:
    return column[len("alloc_"):] if column.startswith("alloc_") else column


def render_archetypes(result, *, width: int = 400) -> str:
    """The silhouettes tried, then one row per archetype: size, name, outcome and mean profile.

    ``width``: the most the table may take; it takes only what its columns need (no row is cut, a
    terminal narrower than the table wraps it)."""
    from rich.table import Table

    r = result
    buffer, console = _console(width)
    how = "chosen by silhouette" if r.k_from == "silhouette" else "given"
    say = lambda text: console.print(text, markup=False, soft_wrap=True)  # noqa: E731
    say(f"{r.k} archetypes ({r.method}, k {how}; silhouette {r.silhouette:.3f}) over {r.n} projects; {r.dropped}")
    if len(r.silhouettes) > 1:
        say("silhouette by k: " + ", ".join(f"{k}: {_number(s)}" for k, s in r.silhouettes.items()))

    # the columns some archetype holds; a category nobody uses would only take room
    shown = [c for c in r.columns if any(a.profile.get(c, 0.0) >= 0.5 for a in r.archetypes)]
    table = Table(title="mean allocation profile (% of tokens)", title_justify="left", box=None, padding=(0, 1),
                  header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("archetype", no_wrap=True)
    table.add_column("n", justify="right")
    if r.outcome:
        for column in ("outcome n", "mean", "median"):
            table.add_column(column, justify="right")
    for column in shown:
        table.add_column(_short_column(column).replace("_", "\n"), justify="right")
    for a in r.archetypes:
        cells = [str(a.id), a.name, str(a.size)]
        if r.outcome:
            cells += [str(a.outcome_n), _compact(a.outcome_mean), _compact(a.outcome_median)]
        cells += [_share(a.profile.get(c), c in a.distinctive) for c in shown]
        table.add_row(*cells)
    overall = ["", "all projects", str(r.n)]
    if r.outcome:
        overall += [str(sum(a.outcome_n for a in r.archetypes)), "", ""]
    table.add_row(*overall, *(_share(r.overall.get(c), False) for c in shown))
    console.print(table)
    if r.outcome:
        test = r.outcome_test
        versus = (f"; Kruskal-Wallis across {test['groups']} archetypes: H = {test['statistic']:.2f}, p = {test['p_value']:.3g} "
                  f"(n = {test['n']})" if test else "")
        say(f"outcome: {r.outcome} (over the projects of each archetype that have it){versus}")
    from ico_lens.stats.archetypes import NAME_MIN_POINTS

    say(f"names: from the categories at least {NAME_MIN_POINTS:g} points above the mean of all projects (marked *)")
    for warning in r.warnings:
        say(f"warning: {warning}")
    return _text(buffer)


def _compact(value) -> str:
    """2 decimals, or millions / thousands for amounts (raised USD): ``26.3M``, ``13.8k``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.1f}M"
    if abs(value) >= 1e4:
        return f"{value / 1e3:,.1f}k"
    return f"{value:.2f}"


def _share(value, distinctive: bool) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" + ("*" if distinctive else "")


__all__ = ["render_archetypes", "render_prediction"]
