"""The self-contained HTML reports (a score, an alignment): one file, no network request when opened.

Plotly's JavaScript is inlined (``plotly.offline.get_plotlyjs``), the styles are in the page, and every
text from the paper or the source goes through Jinja's autoescaping (chart labels are escaped for
Plotly, chart data sits in ``application/json`` scripts with ``<`` written as ``\\u003c``), so a paper
holding ``<script>`` or a ``javascript:`` link renders as text. Readable on a phone (one column,
tables scroll sideways) and printable (``@media print``).
"""

from __future__ import annotations

from pathlib import Path

from ico_lens.report.html.charts import distribution_chart, percentile_chart, script_json

TEMPLATE = "report.html.j2"
#: the alignment page: the same page and the same alignment section as the score report's
ALIGN_TEMPLATE = "align.html.j2"


def _environment():
    import jinja2

    from ico_lens.report.score import where

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["where"] = where
    return env


def render_alignment_html(report) -> str:
    """The page of an :class:`~ico_lens.align.records.AlignmentReport` (``ico-lens align --format html``)."""
    from ico_lens.report.align import summary_line

    return _environment().get_template(ALIGN_TEMPLATE).render(report=report, summary_line=summary_line(report))


def render_html(report) -> str:
    """The report page of a :class:`~ico_lens.score.records.ScoreReport`."""
    import plotly.offline

    from ico_lens.score.features import FEATURES, INSIDER_CATEGORIES
    from ico_lens.score.weights import WEIGHTS

    env = _environment()
    measured = [i for c in report.components if c.assessed for i in c.items if i.feature]
    charts = {name: chart for name, chart in (
        ("allocation", distribution_chart(report.allocation, INSIDER_CATEGORIES)),
        ("use_of_funds", distribution_chart(report.use_of_funds)),
        ("percentiles", percentile_chart(measured)),
    ) if chart is not None}
    return env.get_template(TEMPLATE).render(
        report=report,
        flags=report.red_flags(),
        measured=measured,
        features=FEATURES,
        weights=[(name, report.weights.get(name, points), meaning) for name, (points, meaning) in WEIGHTS.items()],
        charts={name: script_json(chart) for name, chart in charts.items()},
        plotly_js=plotly.offline.get_plotlyjs(),
    )
