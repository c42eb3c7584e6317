"""The terminal and HTML renderings: what they show, and that a paper's text stays text."""

from __future__ import annotations

import json
import re

import pytest

from ico_lens.score import score


@pytest.fixture(scope="module")
def hostile_report(hostile_paper):
    import ico_lens.language
    import ico_lens.paper

    paper = ico_lens.paper.analyse(hostile_paper)
    return score(paper.facts, ico_lens.language.analyse(paper.document, use_models=False), paper=str(hostile_paper))


def test_terminal_shows_score_flags_with_pages_and_the_allocation(meridia):
    from ico_lens.report.score import render_text

    paper, profile = meridia
    text = render_text(score(paper.facts, profile, paper="meridia.pdf"))
    report = score(paper.facts, profile)
    assert f"risk score {report.score}/100  grade {report.grade}" in text
    assert "top red flags" in text and re.search(r"p\.\d+: '", text)
    assert "token allocation (p." in text and "team_founders" in text and "15.0%" in text
    assert len(text.splitlines()) < 45  # one screen


def test_terminal_prints_markup_in_a_paper_as_written(hostile_report):
    from ico_lens.report.score import render_text

    text = render_text(hostile_report, width=200)
    assert "<script>window.__pwned = 2</script>" in text


def test_html_escapes_every_text_of_the_paper(hostile_report):
    from ico_lens.report.html import render_html

    page = render_html(hostile_report)
    # the paper's markup appears only escaped: no live tag, no javascript: attribute
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;window.__pwned = 2&lt;/script&gt;" in page
    # the chart data cannot end its <script> element: '<' is written as \u003c
    specs = re.findall(r'<script type="application/json" id="chart-(\w+)">(.*?)</script>', page, re.S)
    assert {name for name, _ in specs} == {"allocation", "percentiles"}
    allocation = json.loads(dict(specs)["allocation"])
    assert allocation["marks"] == 3
    assert any("&lt;/script&gt;" in label for label in allocation["data"][0]["y"])  # Plotly shows entities as text


def test_html_is_self_contained(meridia):
    from ico_lens.report.html import render_html

    paper, profile = meridia
    import plotly.offline

    page = render_html(score(paper.facts, profile))
    ours = page.replace(plotly.offline.get_plotlyjs(), "")  # plotly.js itself mentions URLs it never loads
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', ours)  # no external script, style or image
    assert "default-src 'none'" in page  # and the browser is told to fetch nothing
    assert ours.count("Plotly.newPlot") == 1 and len(page) - len(ours) > 1_000_000  # plotly.js inlined
    assert '<meta name="viewport"' in page and "@media print" in page
