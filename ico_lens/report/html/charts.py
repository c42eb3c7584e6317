"""The HTML report's charts as Plotly figure specs (JSON), one bar or marker per item.

Labels come from the paper, so they are HTML-escaped before Plotly sees them: Plotly reads a few tags
(``<b>``, ``<a href>``) in its text and decodes entities, so an escaped ``<script>`` shows as written.
"""

from __future__ import annotations

import html
import json

#: where each chart's marks are in the rendered SVG (the browser test counts them)
MARK_SELECTORS = {"bar": "g.trace.bars g.point", "markers": "g.trace.scatter path.point"}
COLORS = {"allocation": "#3b6ea5", "use_of_funds": "#5a9e6f", "insider": "#c0504d", "percentile": "#7d5ba6"}


def _layout(title: str, rows: int) -> dict:
    return {
        "title": {"text": html.escape(title), "x": 0, "font": {"size": 15}},
        "template": "simple_white",
        "height": 80 + 28 * max(rows, 1),
        "margin": {"l": 10, "r": 20, "t": 40, "b": 30},
        "yaxis": {"automargin": True, "autorange": "reversed"},
        "font": {"family": "system-ui, sans-serif", "size": 12},
    }


def _label(text: str, limit: int = 38) -> str:
    text = " ".join((text or "").split())
    return html.escape(text if len(text) <= limit else text[: limit - 1] + "…")


def distribution_chart(distribution, insiders=()) -> dict | None:
    """A horizontal bar per item with a percentage (None when there is none); insiders' bars in red."""
    items = [i for i in (distribution.items if distribution else []) if i.percent is not None]
    if not items:
        return None
    kind = distribution.kind
    colors = [COLORS["insider"] if getattr(i, "category", "") in insiders else COLORS[kind] for i in items]
    trace = {
        "type": "bar", "orientation": "h",
        "x": [i.percent for i in items],
        "y": [f"{_label(i.label)} ({i.category})" for i in items],
        "marker": {"color": colors},
        "text": [f"{i.percent:g}%" for i in items], "textposition": "auto",
        "hovertext": [f"p.{i.page}" if i.page else "" for i in items], "hoverinfo": "x+text",
    }
    title = "Token allocation (% of supply)" if kind == "allocation" else "Use of funds (% of money raised)"
    layout = _layout(title, len(items))
    layout["xaxis"] = {"ticksuffix": "%", "rangemode": "tozero"}
    return {"data": [trace], "layout": layout, "marks": len(items), "selector": MARK_SELECTORS["bar"]}


def percentile_chart(items) -> dict | None:
    """A marker per measured feature at its percentile among the reference papers (0..100)."""
    rows = [i for i in items if i.percentile is not None]
    if not rows:
        return None
    trace = {
        "type": "scatter", "mode": "markers",
        "x": [i.percentile for i in rows],
        "y": [html.escape(i.feature) for i in rows],
        "marker": {"size": 14, "color": COLORS["percentile"]},
        "hovertext": [f"value {i.value:g}" for i in rows], "hoverinfo": "x+text",
    }
    layout = _layout("Percentile among the reference papers", len(rows))
    layout["xaxis"] = {"range": [-2, 102], "dtick": 25, "ticksuffix": "th", "showgrid": True}
    layout["shapes"] = [{"type": "line", "x0": 50, "x1": 50, "yref": "paper", "y0": 0, "y1": 1,
                         "line": {"dash": "dot", "color": "#999"}}]
    return {"data": [trace], "layout": layout, "marks": len(rows), "selector": MARK_SELECTORS["markers"]}


def script_json(value) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left to end it."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
