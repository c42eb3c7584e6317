"""Allocation and use of funds on the PDF layouts white papers really use (issue 12): each layout drawn
as a small PDF with reportlab (vector pie charts, legends as text, ruled tables, two-column pages), read
back through ingestion and the facts pipeline, with its known answer. Layouts the tune papers do not show
are the point: the held papers' breakdowns live in them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from ico_lens.paper.records import Page, Word  # noqa: E402
from ico_lens.paper.tokenomics.breakdown import lines as lines_module  # noqa: E402

PROSE = "Our network settles trades between producers and buyers of renewable energy."
ALLOC = [("Token sale", 55), ("Team and founders", 15), ("Advisors", 5), ("Ecosystem fund", 20), ("Bounty program", 5)]
ALLOC_ANSWER = [("public_sale", 55.0), ("team_founders", 15.0), ("advisors", 5.0), ("ecosystem_community", 20.0),
                ("bounty_marketing", 5.0)]
FUNDS = [("Development", 50), ("Marketing", 25), ("Operations", 15), ("Legal", 10)]
FUNDS_ANSWER = [("development", 50.0), ("marketing", 25.0), ("operations", 15.0), ("legal_compliance", 10.0)]
COLOURS = [(0.1, 0.2, 0.6), (0.9, 0.5, 0.1), (0.2, 0.6, 0.3), (0.7, 0.1, 0.3), (0.4, 0.4, 0.4)]


# --- drawing helpers


def _intro(c: canvas.Canvas) -> None:
    """A first page of prose, as every paper has before its tokenomics."""
    c.setFont("Helvetica", 11)
    for i in range(8):
        c.drawString(60, 780 - 16 * i, PROSE)
    c.showPage()


def _heading(c: canvas.Canvas, text: str, x: float = 60, y: float = 780) -> None:
    c.setFont("Helvetica-Bold", 14)
    c.drawString(x, y, text)
    c.setFont("Helvetica", 10)


def _pie(c: canvas.Canvas, cx: float, cy: float, r: float, rows, *, inside: bool = False) -> None:
    """A pie chart as vector wedges, clockwise from the top; ``inside`` writes each share in its slice."""
    start = 90.0
    for i, (_, share) in enumerate(rows):
        extent = -360.0 * share / 100
        c.setFillColorRGB(*COLOURS[i % len(COLOURS)])
        c.wedge(cx - r, cy - r, cx + r, cy + r, start, extent, stroke=0, fill=1)
        if inside:
            mid = math.radians(start + extent / 2)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("Helvetica-Bold", 10)
            c.drawCentredString(cx + 0.62 * r * math.cos(mid), cy + 0.62 * r * math.sin(mid) - 3, f"{share}%")
            c.setFont("Helvetica", 10)
        start += extent
    c.setFillColorRGB(0, 0, 0)


def _swatch(c: canvas.Canvas, x: float, y: float, i: int) -> None:
    c.setFillColorRGB(*COLOURS[i % len(COLOURS)])
    c.rect(x, y - 1, 9, 9, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)


def _ruled_table(c: canvas.Canvas, x: float, y: float, rows: list[tuple[str, ...]], widths: tuple[float, ...]) -> None:
    """A table with a rule under every row and between every column; the first row is the header."""
    cols = [x]
    for w in widths:
        cols.append(cols[-1] + w)
    h = 20
    for r, row in enumerate(rows):
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
        for k, cell in enumerate(row):
            c.drawString(cols[k] + 4, y - h * r - 14, cell)
    for r in range(len(rows) + 1):
        c.line(cols[0], y - h * r, cols[-1], y - h * r)
    for cx in cols:
        c.line(cx, y, cx, y - h * len(rows))


def _two_columns(c: canvas.Canvas, heads: tuple[str, str], left: list[str], right: list[str]) -> None:
    """A two-column page: the columns' lines side by side at the same heights."""
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 780, heads[0])
    c.drawString(310, 780, heads[1])
    c.setFont("Helvetica", 10)
    for i in range(max(len(left), len(right))):
        if i < len(left):
            c.drawString(50, 750 - 18 * i, left[i])
        if i < len(right):
            c.drawString(310, 750 - 18 * i, right[i])


def _pdf(path: Path, draw) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    _intro(c)
    draw(c)
    c.showPage()
    c.save()
    return path


# --- the layouts


def pie_legend_right(c):
    _heading(c, "Token Allocation")
    _pie(c, 180, 560, 110, ALLOC)
    for i, (label, share) in enumerate(ALLOC):
        _swatch(c, 340, 640 - 22 * i, i)
        c.drawString(356, 640 - 22 * i, f"{label} {share}%")


def pie_legend_below_two_columns(c):
    """legend under the chart in two columns, share first: the text layer reads "55% Token sale 15% Team"."""
    _heading(c, "Token Distribution")
    _pie(c, 297, 600, 110, ALLOC)
    for i, (label, share) in enumerate(ALLOC):
        x, y = (120 if i % 2 == 0 else 330), 440 - 22 * (i // 2)
        _swatch(c, x, y, i)
        c.drawString(x + 16, y, f"{share}% {label}")


def pie_labels_and_shares_apart(c):
    """labels in one text object, the shares in another, drawn one after the other."""
    _heading(c, "Token Allocation")
    _pie(c, 180, 560, 110, ALLOC)
    for x, texts in ((340, [label for label, _ in ALLOC]), (500, [f"{share}%" for _, share in ALLOC])):
        t = c.beginText(x, 640)
        t.setLeading(22)
        for text in texts:
            t.textLine(text)
        c.drawText(t)


def pie_shares_inside(c):
    """the shares only inside the slices, the legend names without numbers: which share is whose is in
    the colours alone."""
    _heading(c, "Token Allocation")
    _pie(c, 200, 560, 130, ALLOC, inside=True)
    for i, (label, _) in enumerate(ALLOC):
        _swatch(c, 380, 640 - 22 * i, i)
        c.drawString(396, 640 - 22 * i, label)


def two_charts_one_page(c):
    """token allocation and use of proceeds side by side; their legend rows share the lines."""
    _heading(c, "Token Allocation", 60, 780)
    _heading(c, "Use of Proceeds", 320, 780)
    _pie(c, 170, 640, 90, ALLOC)
    _pie(c, 430, 640, 90, FUNDS)
    for i, (label, share) in enumerate(ALLOC):
        c.drawString(70, 500 - 20 * i, f"{label} {share}%")
    for i, (label, share) in enumerate(FUNDS):
        c.drawString(330, 500 - 20 * i, f"{label} {share}%")


def two_charts_label_share_columns(c):
    """two legends side by side, each with its shares right-aligned columns apart from the names."""
    _heading(c, "Token Allocation", 50, 780)
    _heading(c, "Use of Funds", 310, 780)
    _pie(c, 150, 650, 80, ALLOC)
    _pie(c, 410, 650, 80, FUNDS)
    for x, rows in ((50, ALLOC), (310, FUNDS)):
        for i, (label, share) in enumerate(rows):
            c.drawString(x, 530 - 20 * i, label)
            c.drawRightString(x + 210, 530 - 20 * i, f"{share}%")


def _supply_page(c, sentence: str) -> None:
    """the total supply stated on the page before the table (replaces the intro page)."""
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Token Overview")
    c.drawString(60, 760, sentence)
    for i in range(6):
        c.drawString(60, 740 - 16 * i, PROSE)


def table_tokens_in_m(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    _supply_page(c, "A total supply of 200,000,000 GRID tokens will be created at launch.")
    c.showPage()
    _heading(c, "Token Allocation")
    _ruled_table(c, 60, 740, [("Recipient", "Tokens (m)"), ("Token sale", "110"), ("Team and founders", "30"),
                              ("Advisors", "10"), ("Ecosystem fund", "40"), ("Bounty program", "10")], (200, 120))
    c.showPage()
    c.save()
    return path


def table_amount_in_millions(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    _supply_page(c, "The total supply is fixed at 500,000,000 tokens.")
    c.showPage()
    _heading(c, "Token Distribution")
    _ruled_table(c, 60, 740, [("Group", "Amount, in millions"), ("Public sale", "250"), ("Team", "75"),
                              ("Reserve", "100"), ("Partners and advisors", "50"), ("Community", "25")], (200, 140))
    c.showPage()
    c.save()
    return path


def table_share_plus_text(c):
    _heading(c, "Token Allocation")
    _ruled_table(c, 60, 740, [("Recipient", "Share and terms"), ("Token sale", "55%. Unlocked at listing"),
                              ("Team and founders", "15%. Locked for 12 months"), ("Advisors", "5%. Locked for 6 months"),
                              ("Ecosystem fund", "20%. Released over 3 years"), ("Bounty program", "5%. Paid after the sale")],
                 (180, 260))


def table_tokens_with_share(c):
    _heading(c, "Token Allocation")
    _ruled_table(c, 60, 740, [("Recipient", "Allocation"), ("Token sale", "60,000,000 tokens (60%)"),
                              ("Team", "20,000,000 tokens (20%)"), ("Advisors", "5,000,000 tokens (5%)"),
                              ("Reserve", "15,000,000 tokens (15%)")], (180, 220))


def breakdown_left_prose_right(c):
    _two_columns(c, ("Token Allocation", "Market"), [f"{label}: {share}%" for label, share in ALLOC],
                 ["The market for green power grew by 12% last", "year and a further 30% rise is expected by",
                  "analysts. Around 8% of households already buy", "certified power, and 45% say they would pay",
                  "more for it if the source were verified."])


def breakdown_right_prose_left(c):
    _two_columns(c, ("Why now", "Token Distribution"),
                 ["Prices for green power fell by 40% over", "the last five years, and 65% of new plants",
                  "built in 2017 were solar or wind. We think", "at least 10% of them will trade on a",
                  "shared ledger within the next three years."], [f"{share}% - {label}" for label, share in ALLOC])


WRAPPED = [("Public token", "sale"), ("Team and", "founders"), ("Strategic", "advisors"),
           ("Ecosystem and", "partnerships fund"), ("Bounty and", "airdrop program")]


def wrapped_label_under_share(c):
    _heading(c, "Token Allocation")
    _pie(c, 180, 560, 100, ALLOC)
    for i, ((a, b), (_, share)) in enumerate(zip(WRAPPED, ALLOC)):
        y = 680 - 50 * i
        c.setFont("Helvetica-Bold", 12)
        c.drawString(340, y, f"{share}%")
        c.setFont("Helvetica", 9)
        c.drawString(340, y - 13, a)
        c.drawString(340, y - 24, b)


def wrapped_label_beside_share(c):
    _heading(c, "Token Allocation")
    _pie(c, 180, 560, 100, ALLOC)
    for i, ((a, b), (_, share)) in enumerate(zip(WRAPPED, ALLOC)):
        y = 680 - 40 * i
        c.setFont("Helvetica-Bold", 12)
        c.drawString(340, y - 6, f"{share}%")
        c.setFont("Helvetica", 9)
        c.drawString(390, y, a)
        c.drawString(390, y - 11, b)


# pages with no breakdown: they must get none


def market_chart(c):
    _heading(c, "Market Overview")
    _pie(c, 180, 560, 110, ALLOC)
    for i, (label, share) in enumerate([("Solar", 55), ("Wind", 15), ("Hydro", 5), ("Gas", 20), ("Coal", 5)]):
        c.drawString(356, 640 - 22 * i, f"{label} {share}%")


def market_chart_two_column_legend(c):
    _heading(c, "Energy Mix in 2017")
    _pie(c, 297, 600, 110, ALLOC)
    for i, (label, share) in enumerate([("Solar", 55), ("Wind", 15), ("Hydro", 5), ("Gas", 20), ("Coal", 5)]):
        c.drawString((136 if i % 2 == 0 else 346), 440 - 22 * (i // 2), f"{share}% {label}")


def two_column_prose(c):
    _two_columns(c, ("Market", "Adoption"),
                 ["Prices for green power fell by 40% over", "the last five years, and 65% of new plants",
                  "built in 2017 were solar or wind, so 12%", "of homes now buy it at a 5% premium."],
                 ["Surveys show 30% of buyers would switch", "and 20% already compare tariffs online;",
                  "only 8% trust their supplier, while 45%", "want to see where the power comes from."])


# --- running the pipeline


def _facts(path: Path):
    from ico_lens.paper import analyse

    facts = analyse(path).facts
    allocation = [(b.category, b.percent) for d in facts.allocations if d.is_main for b in d.items]
    funds = [(b.category, b.percent) for d in facts.use_of_funds if d.is_main for b in d.items]
    return allocation, funds


LAYOUTS = [pie_legend_right, pie_legend_below_two_columns, pie_labels_and_shares_apart, two_charts_one_page,
           two_charts_label_share_columns, table_share_plus_text, breakdown_left_prose_right,
           breakdown_right_prose_left, wrapped_label_under_share, wrapped_label_beside_share]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: f.__name__)
def test_token_allocation_in_layout(tmp_path, layout):
    allocation, _ = _facts(_pdf(tmp_path / f"{layout.__name__}.pdf", layout))
    assert sorted(allocation) == sorted(ALLOC_ANSWER)


@pytest.mark.parametrize("layout", [two_charts_one_page, two_charts_label_share_columns], ids=lambda f: f.__name__)
def test_use_of_proceeds_beside_the_allocation_chart(tmp_path, layout):
    allocation, funds = _facts(_pdf(tmp_path / f"{layout.__name__}.pdf", layout))
    assert funds == FUNDS_ANSWER
    assert not {c for c, _ in allocation} & {"development", "marketing", "operations", "legal_compliance"}


def test_table_in_millions_with_the_supply_on_another_page(tmp_path):
    allocation, _ = _facts(table_tokens_in_m(tmp_path / "m.pdf"))
    assert allocation == ALLOC_ANSWER
    allocation, _ = _facts(table_amount_in_millions(tmp_path / "millions.pdf"))
    assert sorted(allocation) == sorted([("public_sale", 50.0), ("team_founders", 15.0), ("reserve_treasury", 20.0),
                                         ("advisors", 10.0), ("ecosystem_community", 5.0)])


def test_table_cell_with_tokens_and_share(tmp_path):
    allocation, _ = _facts(_pdf(tmp_path / "cells.pdf", table_tokens_with_share))
    assert allocation == [("public_sale", 60.0), ("team_founders", 20.0), ("advisors", 5.0), ("reserve_treasury", 15.0)]


@pytest.mark.parametrize("layout", [market_chart, market_chart_two_column_legend, two_column_prose, pie_shares_inside],
                         ids=lambda f: f.__name__)
def test_no_breakdown_gets_none(tmp_path, layout):
    # shares inside the slices pair with the legend only by colour: no guess
    allocation, funds = _facts(_pdf(tmp_path / f"{layout.__name__}.pdf", layout))
    assert allocation == [] and funds == []


# --- the column mechanism on its own (word boxes, no PDF)


def _page(rows: list[list[tuple[float, str]]]) -> Page:
    words, lines = [], []
    for r, row in enumerate(rows):
        top = 100.0 + 16 * r
        for x, text in row:
            for word in text.split():
                words.append(Word(word, x, top, x + 5.0 * len(word), top + 10.0))
                x += 5.0 * (len(word) + 1)
        lines.append(" ".join(" ".join(t.split()) for _, t in row))
    text = "\n".join(lines)
    return Page(number=2, width=595.0, height=842.0, text=text, raw_text=text, char_count=len(text), image_count=0,
                layout_analyzed=True, words=words)


def test_two_column_legend_reads_down_each_column():
    page = _page([[(60, "Token Sale"), (300, "Use of Proceeds")],
                  [(60, "Crowdsale 60%"), (300, "Engineering 45%")],
                  [(60, "Founders 25%"), (300, "Sales 35%")],
                  [(60, "Treasury 15%"), (300, "Legal 20%")]])
    assert lines_module.page_lines(page) == ["Token Sale", "Crowdsale 60%", "Founders 25%", "Treasury 15%",
                                             "Use of Proceeds", "Engineering 45%", "Sales 35%", "Legal 20%"]


def test_label_and_share_columns_apart_stay_one_line():
    # one share a line, far right of its label: a legend, not two columns
    rows = [[(60, "Crowdsale"), (420, "60%")], [(60, "Founders"), (420, "25%")], [(60, "Treasury"), (420, "15%")]]
    assert lines_module.page_lines(_page(rows)) == ["Crowdsale 60%", "Founders 25%", "Treasury 15%"]


def test_second_share_column_of_a_table_stays_on_its_row():
    # "Team 15% | 20%": a bare share on the right is a table column (unlocked at listing), not a column of text
    rows = [[(60, "Recipient"), (250, "Share"), (400, "At listing")],
            [(60, "Crowdsale"), (250, "60%"), (400, "100%")],
            [(60, "Founders"), (250, "25%"), (400, "10%")]]
    assert lines_module.page_lines(_page(rows)) == ["Recipient Share At listing", "Crowdsale 60% 100%", "Founders 25% 10%"]


def test_one_line_with_both_columns_is_no_run():
    rows = [[(60, "Crowdsale 60%"), (300, "Engineering 45%")], [(60, "The team will publish a report every quarter.")]]
    page = _page(rows)
    assert lines_module.page_lines(page) == page.text.split("\n")
