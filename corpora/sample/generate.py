#!/usr/bin/env python3
"""Generate the synthetic sample corpus: six ICO white papers (PDF) with their ground truth.

    .venv/bin/python corpora/sample/generate.py --out corpora/sample/build

Every project here is invented. The papers imitate the register and the layouts of 2017-2018 ICO
white papers (title page, contents, running header, page numbers, ruled tables, chart legends, a
scanned page) so that ingestion and extraction can be tested on something realistic without copying
anybody's document.

The ground truth is defined right next to the sentence that states it: `Paper.para(text, evidence=...)`
checks that each evidence quote really is part of the text it is attached to, and the page of every
fact is the page reportlab actually placed the flowable on (recorded in `afterFlowable`), so the JSON
cannot drift away from the PDF.

Outputs in --out:
    <slug>.pdf             the white paper
    <slug>.json            its ground truth, schema of ../shared/corpus/GOLD.md (white paper)
    <slug>.sol             a small Solidity token source (five of the six projects)
    <slug>.contract.json   its ground truth, schema of GOLD.md (token contract); address is null
    index.json             what was generated, plus the paper-vs-code agreements built in on purpose

Deterministic: the same bytes on every run (reportlab invariant mode, seeded raster noise).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # no timestamps or random document ids: identical bytes on every run

import reportlab  # noqa: E402
from reportlab.graphics.charts.piecharts import Pie  # noqa: E402
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4, letter  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents  # noqa: E402

FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"

# Bitstream Vera ships with reportlab (so it exists on every machine that can run this script) and has
# the U+FB01 "fi" ligature glyph, which the standard Type-1 fonts cannot show through WinAnsi.
pdfmetrics.registerFont(TTFont("Vera", str(FONT_DIR / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONT_DIR / "VeraBd.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Italic", str(FONT_DIR / "VeraIt.ttf")))

LIGATURE_FI = "\ufb01"
CLAIM_KEYS = (
    "supply_fixed", "unsold_tokens", "burn_mechanism", "team_vesting", "team_vesting_months",
    "transfers_locked_until_sale_end", "governance_rights", "oracle", "hard_cap", "token_price",
)


# ----------------------------------------------------------------------------------------------------
# Layout machinery
# ----------------------------------------------------------------------------------------------------

@dataclass
class Look:
    """The visual identity of one paper: page size, fonts, margins, colours, header and footer text."""

    pagesize: tuple
    font: str
    bold: str
    italic: str
    size: float
    leading: float
    margin: float
    accent: colors.Color
    running_header: str
    footer_left: str
    printed_offset: int = 1          # printed page number = PDF page index - printed_offset
    page_label: str = "{n}"          # how the footer prints the number
    justify: bool = True
    ligatures: bool = False          # typeset "fi" as U+FB01 in body text


@dataclass
class Mark:
    """A fact whose page is only known after layout: evidence quote or table/legend anchor."""

    key: str
    quote: str
    anchor: int
    image: bool = False


class _Doc(BaseDocTemplate):
    """Records the page every anchored flowable lands on and feeds the table of contents."""

    def __init__(self, filename, paper: "Paper", **kw):
        super().__init__(filename, **kw)
        self.paper = paper

    def afterFlowable(self, flowable):
        anchor = getattr(flowable, "_anchor", None)
        if anchor is not None:
            self.paper.placed[anchor] = self.page
        level = getattr(flowable, "_toc_level", None)
        if level is not None:
            printed = self.page - self.paper.look.printed_offset
            self.notify("TOCEntry", (level, flowable._toc_text, printed))


def _plain(markup: str) -> str:
    """Text of a paragraph as a reader sees it: forced hyphen breaks joined, tags dropped."""
    text = markup.replace("-<br/>", "")
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


class LegendChart(Flowable):
    """A pie chart with a two-column legend: labels and their percentages set apart, as in most
    ICO papers' "token distribution" figures. Everything is vector text, so the numbers are in the
    text layer but a reader has to pair label and percent by position."""

    def __init__(self, entries, font, bold, width, title):
        super().__init__()
        self.entries = entries
        self.font, self.bold = font, bold
        self.width, self.title = width, title
        self.rows = (len(entries) + 1) // 2
        self.height = 190 + self.rows * 22

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        c = self.canv
        palette = [colors.HexColor(h) for h in
                   ("#1f4e79", "#2e86c1", "#5dade2", "#f5b041", "#dc7633", "#58d68d", "#aab7b8", "#884ea0")]
        d = Drawing(self.width, 170)
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = self.width / 2 - 75, 10, 150, 150
        pie.data = [e[1] for e in self.entries]
        pie.labels = None
        pie.strokeColor = colors.white
        for i in range(len(self.entries)):
            pie.slices[i].fillColor = palette[i % len(palette)]
        d.add(pie)
        d.drawOn(c, 0, self.rows * 22 + 10)
        c.setFont(self.bold, 11)
        c.drawCentredString(self.width / 2, self.height - 8, self.title)
        col_w = self.width / 2

        def slot(i):
            col, row = divmod(i, self.rows)
            return col * col_w + 10, (self.rows - row - 1) * 22 + 6

        # Chart tools write swatches and labels first and the numbers in a later pass, so in the text
        # layer the percentages come out as a block apart from their labels, as in many real papers.
        for i, (label, _) in enumerate(self.entries):
            x, y = slot(i)
            c.setFillColor(palette[i % len(palette)])
            c.rect(x, y, 9, 9, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(self.font, 9.5)
            c.drawString(x + 15, y + 1, label)
        c.setFont(self.bold, 10)
        for i, (_, pct) in enumerate(self.entries):
            x, y = slot(i)
            c.drawRightString(x + col_w - 30, y + 1, f"{pct:g}%")


class Logo(Flowable):
    """A small geometric mark for the title page."""

    def __init__(self, accent, shape="rings"):
        super().__init__()
        self.accent, self.shape = accent, shape
        self.width = self.height = 90

    def draw(self):
        d = Drawing(90, 90)
        if self.shape == "rings":
            for r, w in ((40, 6), (27, 4), (14, 3)):
                d.add(Circle(45, 45, r, strokeColor=self.accent, strokeWidth=w, fillColor=None))
        elif self.shape == "blocks":
            for i in range(3):
                for j in range(3):
                    if (i + j) % 2 == 0:
                        d.add(Rect(8 + i * 26, 8 + j * 26, 22, 22, fillColor=self.accent, strokeColor=None))
        else:
            d.add(Line(5, 5, 85, 85, strokeColor=self.accent, strokeWidth=8))
            d.add(Line(5, 85, 85, 5, strokeColor=self.accent, strokeWidth=8))
            d.add(Circle(45, 45, 16, fillColor=colors.white, strokeColor=self.accent, strokeWidth=5))
        d.drawOn(self.canv, 0, 0)


class Paper:
    """One white paper: its story (flowables) and its ground truth, built side by side."""

    def __init__(self, slug: str, look: Look, *, symbol, standard, total_supply, notes=""):
        self.slug, self.look = slug, look
        self.story: list = []
        self.marks: list[Mark] = []
        self.placed: dict[int, int] = {}
        self._next_anchor = 0
        self.allocation: list[tuple[dict, int]] = []
        self.use_of_funds: list[tuple[dict, int]] = []
        self.allocation_source = "none"
        self.use_of_funds_source = "none"
        self.claims: dict = {k: None for k in CLAIM_KEYS}
        self.token_symbol, self.token_standard, self.total_supply = symbol, standard, total_supply
        self.notes = notes
        self.image_pages: set[int] = set()
        self._styles()

    # -- styles ------------------------------------------------------------------------------------
    def _styles(self):
        lk = self.look
        self.s_body = ParagraphStyle("body", fontName=lk.font, fontSize=lk.size, leading=lk.leading,
                                     alignment=TA_JUSTIFY if lk.justify else TA_LEFT, spaceAfter=lk.size * 0.6)
        self.s_bullet = ParagraphStyle("bullet", parent=self.s_body, leftIndent=16, bulletIndent=4,
                                       spaceAfter=lk.size * 0.3, alignment=TA_LEFT)
        self.s_h1 = ParagraphStyle("h1", fontName=lk.bold, fontSize=lk.size + 7, leading=lk.size + 11,
                                   textColor=lk.accent, spaceBefore=4, spaceAfter=10)
        self.s_h2 = ParagraphStyle("h2", fontName=lk.bold, fontSize=lk.size + 2.5, leading=lk.size + 6,
                                   textColor=lk.accent, spaceBefore=8, spaceAfter=5)
        self.s_cell = ParagraphStyle("cell", fontName=lk.font, fontSize=lk.size - 1, leading=lk.size + 1.5)
        self.s_note = ParagraphStyle("note", parent=self.s_body, fontName=lk.italic, fontSize=lk.size - 1.5,
                                     leading=lk.leading - 2)

    # -- anchors and evidence ----------------------------------------------------------------------
    def _anchor(self, flowable) -> int:
        if getattr(flowable, "_anchor", None) is None:
            flowable._anchor = self._next_anchor
            self._next_anchor += 1
        return flowable._anchor

    def _typeset(self, text: str) -> str:
        markup = html.escape(text, quote=False).replace("-&lt;br/&gt;", "-<br/>")
        if self.look.ligatures:
            markup = markup.replace("fi", LIGATURE_FI)
        return markup

    def _attach(self, flowable, text: str, evidence):
        for key, quote in (evidence or {}).items():
            quotes = quote if isinstance(quote, list) else [quote]
            for q in quotes:
                if q not in _plain(text):
                    raise ValueError(f"{self.slug}: evidence for {key} not in its text: {q!r}")
                if "'" in q:
                    raise ValueError(f"{self.slug}: evidence quotes must not contain apostrophes: {q!r}")
                self.marks.append(Mark(key, q, self._anchor(flowable)))

    # -- content -----------------------------------------------------------------------------------
    def heading(self, text: str, level: int = 1):
        p = Paragraph(html.escape(text), self.s_h1 if level == 1 else self.s_h2)
        p._toc_level, p._toc_text = level - 1, text
        self.story.append(p)
        return p

    def para(self, text: str, evidence: dict | None = None, style=None):
        p = Paragraph(self._typeset(text), style or self.s_body)
        self._attach(p, text, evidence)
        # Keep evidenced paragraphs whole so a quote never straddles two pages.
        self.story.append(KeepTogether([p]) if evidence else p)
        return p

    def bullets(self, items: list[str], evidence: dict | None = None, glyph="\u2022"):
        """A bullet list; `evidence` maps key -> quote found in one of the items."""
        made = []
        for item in items:
            p = Paragraph(self._typeset(item), self.s_bullet, bulletText=glyph)
            made.append(p)
        for key, quote in (evidence or {}).items():
            for q in quote if isinstance(quote, list) else [quote]:
                owner = next((p for p, t in zip(made, items) if q in _plain(t)), None)
                if owner is None:
                    raise ValueError(f"{self.slug}: evidence for {key} not in the list: {q!r}")
                self.marks.append(Mark(key, q, self._anchor(owner)))
        self.story.append(KeepTogether(made))
        return made

    def table(self, rows, widths, *, ruled=True, header=True, evidence=None, align_right_from=1):
        lk = self.look
        t = Table(rows, colWidths=widths, hAlign="CENTER")
        style = [
            ("FONTNAME", (0, 0), (-1, -1), lk.font),
            ("FONTSIZE", (0, 0), (-1, -1), lk.size - 0.5),
            ("ALIGN", (align_right_from, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            style += [("FONTNAME", (0, 0), (-1, 0), lk.bold), ("BACKGROUND", (0, 0), (-1, 0), lk.accent),
                      ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
        if ruled:
            style += [("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555"))]
        else:
            style += [("LINEBELOW", (0, 0), (-1, 0), 0.8, lk.accent)]
        t.setStyle(TableStyle(style))
        cells_text = " ".join(str(c) for row in rows for c in row)
        for key, quote in (evidence or {}).items():
            for q in quote if isinstance(quote, list) else [quote]:
                if not any(q == str(c) or q in str(c) for row in rows for c in row):
                    raise ValueError(f"{self.slug}: table evidence for {key} is not a cell: {q!r} in {cells_text}")
                self.marks.append(Mark(key, q, self._anchor(t)))
        self.story.append(Spacer(1, 4))
        self.story.append(t)
        self.story.append(Spacer(1, 8))
        return t

    def legend_chart(self, entries, title, evidence=None):
        chart = LegendChart(entries, self.look.font, self.look.bold,
                            self.look.pagesize[0] - 2 * self.look.margin - 20, title)
        labels = {lab for lab, _ in entries} | {f"{p:g}%" for _, p in entries} | {title}
        for key, quote in (evidence or {}).items():
            for q in quote if isinstance(quote, list) else [quote]:
                if q not in labels:
                    raise ValueError(f"{self.slug}: legend evidence is not a legend string: {q!r}")
                self.marks.append(Mark(key, q, self._anchor(chart)))
        self.story.append(chart)
        return chart

    def scanned_page(self, png: bytes, evidence_note: dict):
        """A page that is only a raster image (no text layer), e.g. a scanned chart."""
        w, h = self.look.pagesize
        img = Image(io.BytesIO(png), width=w * 0.995, height=h * 0.995)
        self.story += [NextPageTemplate("scan"), PageBreak(), img, NextPageTemplate("body"), PageBreak()]
        anchor = self._anchor(img)
        for key, quote in evidence_note.items():
            self.marks.append(Mark(key, quote, anchor, image=True))
        self._scan_anchor = anchor
        return img

    def spacer(self, h=8):
        self.story.append(Spacer(1, h))

    def page_break(self):
        self.story.append(PageBreak())

    # -- ground truth ------------------------------------------------------------------------------
    def alloc(self, at, label, category, percent, vesting=None, cliff=None):
        self.allocation.append(({"label": label, "category": category, "percent": percent,
                                 "vesting_months": vesting, "cliff_months": cliff}, self._anchor(at)))

    def fund(self, at, label, category, percent):
        self.use_of_funds.append(({"label": label, "category": category, "percent": percent}, self._anchor(at)))

    def claim(self, **values):
        for k, v in values.items():
            if k not in CLAIM_KEYS:
                raise KeyError(k)
            self.claims[k] = v

    # -- cover, contents, page decoration ---------------------------------------------------------
    def cover(self, title, subtitle, version_line, logo="rings"):
        lk = self.look
        s_title = ParagraphStyle("title", fontName=lk.bold, fontSize=30, leading=36, alignment=TA_CENTER,
                                 textColor=lk.accent)
        s_sub = ParagraphStyle("sub", fontName=lk.font, fontSize=14, leading=19, alignment=TA_CENTER)
        s_ver = ParagraphStyle("ver", fontName=lk.italic, fontSize=10.5, leading=14, alignment=TA_CENTER,
                               textColor=colors.HexColor("#555555"))
        logo_flow = Logo(lk.accent, logo)
        logo_flow.hAlign = "CENTER"
        self.story += [Spacer(1, lk.pagesize[1] * 0.16), logo_flow, Spacer(1, 28),
                       Paragraph(html.escape(title), s_title), Spacer(1, 14),
                       Paragraph(html.escape(subtitle), s_sub), Spacer(1, 40),
                       Paragraph(html.escape(version_line), s_ver),
                       NextPageTemplate("body"), PageBreak()]

    def contents(self, heading="Table of Contents"):
        lk = self.look
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [
            ParagraphStyle("toc0", fontName=lk.bold, fontSize=lk.size, leading=lk.size + 7, leftIndent=0),
            ParagraphStyle("toc1", fontName=lk.font, fontSize=lk.size - 1, leading=lk.size + 4, leftIndent=18),
        ]
        self.story += [Paragraph(html.escape(heading), self.s_h1), Spacer(1, 6), toc, PageBreak()]

    def _decorate(self, canv, doc):
        lk = self.look
        w, h = lk.pagesize
        canv.saveState()
        canv.setStrokeColor(lk.accent)
        canv.setLineWidth(0.6)
        canv.setFont(lk.italic, 8.5)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(lk.margin, h - lk.margin * 0.55, lk.running_header)
        canv.line(lk.margin, h - lk.margin * 0.55 - 4, w - lk.margin, h - lk.margin * 0.55 - 4)
        canv.setFont(lk.font, 8.5)
        canv.drawString(lk.margin, lk.margin * 0.45, lk.footer_left)
        label = lk.page_label.format(n=doc.page - lk.printed_offset)
        canv.drawRightString(w - lk.margin, lk.margin * 0.45, label)
        canv.restoreState()

    # -- build -------------------------------------------------------------------------------------
    def build(self, out_dir: Path) -> dict:
        lk = self.look
        w, h = lk.pagesize
        path = out_dir / f"{self.slug}.pdf"
        doc = _Doc(str(path), self, pagesize=lk.pagesize, leftMargin=lk.margin, rightMargin=lk.margin,
                   topMargin=lk.margin, bottomMargin=lk.margin, title=self.running_title,
                   author=lk.footer_left, invariant=1)
        body = Frame(lk.margin, lk.margin, w - 2 * lk.margin, h - 2 * lk.margin, id="body")
        full = Frame(0, 0, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="full")
        doc.addPageTemplates([
            PageTemplate("cover", [body]),
            PageTemplate("body", [body], onPage=self._decorate),
            PageTemplate("scan", [full]),  # no header/footer: the page is nothing but a picture
        ])
        doc.multiBuild(list(self.story))
        pages = doc.page
        return self._gold(pages)

    def _page(self, anchor: int) -> int:
        if anchor not in self.placed:
            raise RuntimeError(f"{self.slug}: an anchored flowable was split or not placed")
        return self.placed[anchor]

    def _gold(self, pages: int) -> dict:
        scan = getattr(self, "_scan_anchor", None)
        self.image_pages = {self._page(scan)} if scan is not None else set()
        evidence: dict[str, list[str]] = {}
        grouped: dict[tuple[str, int, bool], list[str]] = {}
        for m in self.marks:
            grouped.setdefault((m.key, self._page(m.anchor), m.image), []).append(m.quote)
        for (key, page, image), quotes in grouped.items():
            where = f"p.{page} (image)" if image else f"p.{page}"
            evidence.setdefault(key, []).append(f"{where}: " + " ... ".join(f"'{q}'" for q in quotes))
        return {
            "slug": self.slug,
            "text_layer": True,
            "pages": pages,
            "token_symbol": self.token_symbol,
            "token_standard": self.token_standard,
            "total_supply": self.total_supply,
            "allocation_source": self.allocation_source,
            "allocation": [dict(e, page=self._page(a)) for e, a in self.allocation],
            "use_of_funds_source": self.use_of_funds_source,
            "use_of_funds": [dict(e, page=self._page(a)) for e, a in self.use_of_funds],
            "claims": dict(self.claims),
            "evidence": evidence,
            "notes": self.notes,
        }

    @property
    def running_title(self):
        return self.look.running_header


def _order_gold(g: dict) -> dict:
    """Field order as in GOLD.md (allocation rows: label, category, percent, page, vesting, cliff)."""
    g["allocation"] = [{k: e[k] for k in ("label", "category", "percent", "page", "vesting_months",
                                           "cliff_months")} for e in g["allocation"]]
    g["use_of_funds"] = [{k: e[k] for k in ("label", "category", "percent", "page")} for e in g["use_of_funds"]]
    return g


# ----------------------------------------------------------------------------------------------------
# Raster "scan" of a pie chart (Pillow), for the image-only page
# ----------------------------------------------------------------------------------------------------

def scanned_pie_png(pagesize, heading, title, entries, seed) -> bytes:
    """A grey-scale page picture with a heading, a pie chart and its legend, slightly skewed and
    speckled like a scan. Text exists only as pixels."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    dpi = 100
    W, H = int(pagesize[0] / 72 * dpi), int(pagesize[1] / 72 * dpi)
    img = PILImage.new("L", (W, H), 247)
    draw = ImageDraw.Draw(img)
    f_head = ImageFont.truetype(str(FONT_DIR / "VeraBd.ttf"), 30)
    f_title = ImageFont.truetype(str(FONT_DIR / "VeraBd.ttf"), 20)
    f_text = ImageFont.truetype(str(FONT_DIR / "Vera.ttf"), 17)
    draw.text((80, 90), heading, fill=30, font=f_head)
    draw.line((80, 135, W - 80, 135), fill=90, width=2)
    draw.text((W // 2, 200), title, fill=25, font=f_title, anchor="mm")
    cx, cy, r = W // 2, 470, 230
    shades = [40, 95, 140, 175, 205, 120, 70, 160]
    start = -90.0
    for i, (_, pct) in enumerate(entries):
        end = start + pct * 3.6
        draw.pieslice((cx - r, cy - r, cx + r, cy + r), start, end, fill=shades[i % len(shades)], outline=247,
                      width=3)
        start = end
    y = cy + r + 70
    for i, (label, pct) in enumerate(entries):
        col, row = divmod(i, (len(entries) + 1) // 2)
        x = 110 + col * (W - 220) // 2
        yy = y + row * 38
        draw.rectangle((x, yy, x + 22, yy + 22), fill=shades[i % len(shades)], outline=30)
        draw.text((x + 34, yy), f"{label}  {pct:g}%", fill=20, font=f_text)
    rng = random.Random(seed)
    for _ in range(900):  # scanner dust
        x, y2 = rng.randrange(W), rng.randrange(H)
        draw.point((x, y2), fill=rng.choice((60, 90, 120)))
    img = img.rotate(0.7, resample=PILImage.BICUBIC, fillcolor=247)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


# ----------------------------------------------------------------------------------------------------
# The papers
# ----------------------------------------------------------------------------------------------------

def paper_meridia() -> Paper:
    """A4, Helvetica. Allocation as a ruled table, use of funds as a table, fixed supply, vesting,
    unsold tokens kept, no governance rights. Its contract can still mint (contradiction)."""
    look = Look(A4, "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", 10.5, 15, 2.2 * cm,
                colors.HexColor("#12507a"), "Meridia Network \u2013 Whitepaper v1.3",
                "\u00a9 2018 Meridia Foundation Ltd.", printed_offset=1)
    p = Paper("meridia", look, symbol="MRD", standard="ERC20", total_supply=500_000_000,
              notes="Synthetic sample paper. Allocation given as a ruled table (label | share | tokens); use of funds "
                    "as a table. Printed page numbers are PDF index - 1 (cover unnumbered). Unsold sale tokens "
                    "go to the company reserve.")
    p.cover("Meridia Network", "A decentralised marketplace for cold-chain logistics data",
            "Whitepaper v1.3 \u2013 February 2018", logo="rings")
    p.contents()

    p.heading("1. Executive Summary")
    p.para("Every year roughly one third of all food produced for human consumption is lost or wasted, and a "
           "significant share of that loss happens in transit, when refrigerated goods leave the temperature "
           "range they require. Shippers, carriers and insurers each keep their own records of what happened "
           "inside a container, and those records rarely agree. Disputes take months and the data that could "
           "settle them is locked inside proprietary telematics platforms.")
    p.para("Meridia Network is a decentralised marketplace where sensor data from refrigerated containers is "
           "recorded, verified and sold. Carriers that fit certified sensors earn MRD tokens for every "
           "verified reading they publish; insurers, retailers and regulators spend MRD to query the data. "
           "Because every reading is anchored on the Ethereum blockchain, a claim can be settled by looking at "
           "a single, shared record instead of three conflicting spreadsheets.")
    p.para("The MRD token is an ERC20 utility token. It is the only means of payment for data queries on the "
           "Meridia marketplace and the unit in which data providers are rewarded.",
           evidence={"token_standard": "The MRD token is an ERC20 utility token."})
    p.heading("1.1 Key figures", 2)
    p.bullets(["Token: Meridia Network Token (MRD), ERC20",
               "Total supply: 500,000,000 MRD",
               "Token price: 1 ETH = 5,000 MRD",
               "Hard cap: 36,000 ETH",
               "Sale period: 15 March 2018 \u2013 15 April 2018"],
              evidence={"total_supply": "Total supply: 500,000,000 MRD",
                        "token_symbol": "Token: Meridia Network Token (MRD), ERC20",
                        "claims.token_price": "Token price: 1 ETH = 5,000 MRD",
                        "claims.hard_cap": "Hard cap: 36,000 ETH"})
    p.claim(token_price="1 ETH = 5,000 MRD", hard_cap="36,000 ETH")
    p.page_break()

    p.heading("2. The Problem")
    p.para("The global cold-chain market moved goods worth more than 200 billion US dollars in 2017. Most of "
           "these goods travel through several hands: a packer, a trucking company, a port operator, an "
           "ocean carrier and finally a distributor. Each party is responsible for a segment of the journey, "
           "but the temperature history of the cargo is fragmented across as many systems.")
    p.para("When a retailer rejects a shipment of spoiled fruit, the question of who is liable is answered by "
           "negotiation rather than by evidence. Insurers price this uncertainty into their premiums. Small "
           "carriers, who cannot afford their own telematics platforms, are excluded from premium contracts "
           "because they cannot prove the quality of their service.")
    p.heading("2.1 Why existing solutions fall short", 2)
    p.para("Centralised tracking platforms solve part of the problem for large shippers, but they create new "
           "data silos. A carrier that works for five customers must install five different devices or "
           "export its data into five portals. None of these platforms lets the carrier own the data it "
           "produces, and none of them lets third parties verify that a record has not been edited after the "
           "fact.")
    p.heading("3. The Meridia Solution")
    p.para("Meridia combines low-cost certified sensors, a light client that runs on the gateway inside each "
           "container and a set of smart contracts on Ethereum. Readings are signed on the device, batched "
           "every fifteen minutes and their hash is written to the Meridia registry contract. The raw data "
           "stays in an encrypted distributed store and is released to a buyer only after payment in MRD.")
    p.heading("3.1 Architecture", 2)
    p.bullets(["Sensor layer: tamper-evident temperature and humidity loggers with a hardware key.",
               "Gateway layer: an open-source client that batches, signs and uploads readings.",
               "Registry layer: Ethereum smart contracts that store hashes and data licences.",
               "Market layer: a web application where buyers search, license and download data."])
    p.para("Data buyers never interact with the carrier directly. The marketplace contract escrows the MRD "
           "payment, releases the decryption key and pays the data provider once the buyer has confirmed "
           "receipt. Disputes about data quality are handled by a panel of certified auditors.")
    p.page_break()

    p.heading("4. Token Economics")
    p.para("MRD is required to buy data licences on the Meridia marketplace. Carriers and sensor operators "
           "earn MRD for each verified reading, and auditors stake MRD as a bond that is forfeited if they "
           "certify manipulated data.")
    p.para("The total supply of MRD is fixed at 500,000,000 tokens. No further tokens will ever be created "
           "after the token generation event.",
           evidence={"claims.supply_fixed": "No further tokens will ever be created after the token generation event."})
    p.claim(supply_fixed=True)
    p.heading("4.1 Token allocation", 2)
    rows = [["Allocation", "Share", "Tokens (MRD)"],
            ["Token sale", "50%", "250,000,000"],
            ["Company reserve", "20%", "100,000,000"],
            ["Team and founders", "15%", "75,000,000"],
            ["Advisors", "5%", "25,000,000"],
            ["Ecosystem grants", "5%", "25,000,000"],
            ["Bounty and marketing", "5%", "25,000,000"],
            ["Total", "100%", "500,000,000"]]
    t = p.table(rows, [7.5 * cm, 2.8 * cm, 4.2 * cm],
                evidence={"allocation": ["Company reserve", "100,000,000", "Team and founders", "75,000,000"]})
    p.allocation_source = "table"
    p.alloc(t, "Token sale", "public_sale", 50.0)
    p.alloc(t, "Company reserve", "reserve_treasury", 20.0)
    p.alloc(t, "Team and founders", "team_founders", 15.0, vesting=24, cliff=6)
    p.alloc(t, "Advisors", "advisors", 5.0, vesting=12, cliff=3)
    p.alloc(t, "Ecosystem grants", "ecosystem_community", 5.0)
    p.alloc(t, "Bounty and marketing", "bounty_marketing", 5.0)
    p.para("Tokens allocated to the team and founders vest over 24 months with a 6-month cliff. Advisor "
           "tokens vest over 12 months with a 3-month cliff.",
           evidence={"claims.team_vesting": "Tokens allocated to the team and founders vest over 24 months with a 6-month cliff."})
    p.claim(team_vesting=True, team_vesting_months=24)
    p.para("Any tokens that remain unsold at the end of the token sale will be transferred to the company "
           "reserve and used to fund future growth of the network.",
           evidence={"claims.unsold_tokens": "Any tokens that remain unsold at the end of the token sale will be transferred to the company reserve"})
    p.claim(unsold_tokens="kept")
    p.page_break()

    p.heading("5. Use of Proceeds")
    p.para("The funds raised in the token sale will be spent over a period of 36 months according to the "
           "following budget. The figures are targets; the foundation board may reallocate up to 10% "
           "between categories if market conditions require it.")
    rows = [["Category", "Share of proceeds"],
            ["Platform and sensor development", "45%"],
            ["Marketing and business development", "25%"],
            ["Operations and administration", "15%"],
            ["Legal and compliance", "10%"],
            ["Contingency reserve", "5%"]]
    t = p.table(rows, [9.5 * cm, 4 * cm],
                evidence={"use_of_funds": ["Platform and sensor development", "45%"]})
    p.use_of_funds_source = "table"
    p.fund(t, "Platform and sensor development", "development", 45.0)
    p.fund(t, "Marketing and business development", "marketing", 25.0)
    p.fund(t, "Operations and administration", "operations", 15.0)
    p.fund(t, "Legal and compliance", "legal_compliance", 10.0)
    p.fund(t, "Contingency reserve", "reserve_contingency", 5.0)
    p.heading("5.1 Roadmap", 2)
    p.table([["Quarter", "Milestone"],
             ["Q2 2018", "Token sale; pilot with two reefer carriers in Rotterdam"],
             ["Q3 2018", "Sensor certification programme; auditor staking"],
             ["Q1 2019", "Public marketplace launch; insurer API"],
             ["Q4 2019", "Integration with port community systems"]],
            [3 * cm, 11.5 * cm], ruled=False, align_right_from=5)
    p.page_break()

    p.heading("6. Governance")
    p.para("Meridia Foundation Ltd., a company limited by guarantee, maintains the protocol and the "
           "marketplace contracts. MRD tokens do not confer any voting rights, ownership or equity in the "
           "foundation or in any other entity.",
           evidence={"claims.governance_rights": "MRD tokens do not confer any voting rights"})
    p.claim(governance_rights=False)
    p.heading("7. Team")
    p.bullets(["Hanna Lindqvist, CEO \u2013 twelve years in reefer logistics, formerly head of operations at a "
               "Scandinavian shipping line.",
               "Dario Menconi, CTO \u2013 embedded systems engineer, built fleet telematics for 40,000 trucks.",
               "Priya Raman, Head of Data \u2013 PhD in sensor fusion, previously at a food safety laboratory.",
               "Tomasz Wr\u00f3bel, Lead Blockchain Developer \u2013 Solidity developer since 2016."])
    p.page_break()

    p.heading("8. Risk Factors")
    p.para("Participation in the token sale involves a high degree of risk. Prospective purchasers should "
           "carefully consider the following risks before acquiring MRD.")
    p.bullets(["Regulatory risk: the legal status of tokens is unclear in many jurisdictions and may change.",
               "Technical risk: smart contracts may contain bugs that lead to a loss of tokens.",
               "Market risk: there may be no secondary market for MRD and its value may fall to zero.",
               "Adoption risk: carriers and data buyers may not use the marketplace as expected.",
               "Key risk: tokens sent to a wallet whose private key is lost cannot be recovered."])
    p.heading("9. Legal Disclaimer")
    p.para("This whitepaper is for information purposes only and does not constitute an offer or "
           "solicitation to sell shares or securities in Meridia Foundation Ltd. or any related company. "
           "Nothing in this document shall be deemed to constitute a prospectus of any sort. MRD tokens are "
           "not intended to constitute securities in any jurisdiction. Citizens and residents of the United "
           "States of America and the People\u2019s Republic of China are not permitted to participate in the "
           "token sale.", style=p.s_note)
    return p


def paper_harvestly() -> Paper:
    """US Letter, Times. Allocation only in prose, use of funds in prose, inflation (staking rewards
    minted), governance rights, weather oracle, unsold tokens distributed pro rata."""
    look = Look(letter, "Times-Roman", "Times-Bold", "Times-Italic", 11.5, 15.5, 1 * 72,
                colors.HexColor("#3b6e22"), "HARVESTLY \u2013 Parametric Crop Insurance on the Blockchain",
                "harvestly.io", printed_offset=0, page_label="Page {n}")
    p = Paper("harvestly", look, symbol="HRV", standard="ERC20", total_supply=1_000_000_000,
              notes="Synthetic sample paper. Allocation and use of funds are stated only in running prose. "
                    "total_supply is the initial supply at the token generation event; the paper says new HRV "
                    "are minted afterwards (2% a year staking rewards), so supply_fixed is false. Printed page "
                    "number = PDF page index.")
    p.cover("HARVESTLY", "Parametric crop insurance for smallholder farmers, settled by smart contracts",
            "White Paper \u2013 Version 2.0 \u2013 May 2018", logo="blocks")
    p.contents("Contents")

    p.heading("Introduction")
    p.para("Five hundred million smallholder farms produce a third of the world\u2019s food, yet fewer than one in "
           "five of these farmers has any form of crop insurance. Traditional indemnity insurance requires a "
           "loss adjuster to visit the field after a drought or a flood. For a farmer who grows two hectares "
           "of maize, the cost of that visit is larger than the premium itself.")
    p.para("Parametric insurance removes the visit. A policy pays out automatically when an objective "
           "index, such as rainfall measured at the nearest weather station, crosses a threshold that was "
           "agreed in advance. The concept is proven, but distribution and payment remain expensive, and "
           "farmers have little reason to trust an insurer they have never met.")
    p.para("Harvestly brings parametric policies onto the Ethereum blockchain. Policies are smart contracts, "
           "premiums and payouts are settled in stable value within minutes, and the data that triggers a "
           "payout is public. HRV, the Harvestly token, is the ERC20 token that secures the network, pays "
           "for data and gives its holders a voice in how the protocol evolves.",
           evidence={"token_standard": "HRV, the Harvestly token, is the ERC20 token"})
    p.page_break()

    p.heading("How Harvestly Works")
    p.heading("Weather oracles", 2)
    p.para("The heart of the platform is a network of weather oracles. Independent station operators and "
           "satellite data providers submit rainfall and temperature readings to the Harvestly oracle "
           "contract, which aggregates them and feeds the result into every active policy. Operators stake "
           "HRV as collateral and lose part of their stake if their readings deviate from the consensus of "
           "neighbouring stations.",
           evidence={"claims.oracle": "Independent station operators and satellite data providers submit rainfall "
                                      "and temperature readings to the Harvestly oracle contract"})
    p.claim(oracle=True)
    p.heading("Policies and risk pools", 2)
    p.para("Farmers buy policies through local agents or a mobile application. Each policy references a "
           "risk pool that is funded by liquidity providers who earn the premiums in exchange for bearing "
           "the risk. The pricing model is published on-chain, so anyone can audit how a premium was "
           "calculated.")
    p.para("When a policy matures, the policy contract reads the aggregated index from the oracle contract. "
           "If the trigger is met, the payout is released from the risk pool to the farmer\u2019s wallet "
           "without any claim form, adjuster or waiting period.")
    p.heading("Staking and validators", 2)
    p.para("Validators who run oracle aggregation nodes and liquidity providers who lock HRV earn staking "
           "rewards. These rewards are not taken from a pre-allocated pool: new HRV will be minted at a rate "
           "of 2% of the outstanding supply per year and distributed to stakers.",
           evidence={"claims.supply_fixed": "new HRV will be minted at a rate of 2% of the outstanding supply per "
                                            "year and distributed to stakers"})
    p.claim(supply_fixed=False)
    p.page_break()

    p.heading("Governance")
    p.para("Harvestly is governed by its token holders. Each HRV gives one vote on protocol proposals, "
           "including changes to the pricing model, the admission of new oracle operators and the size of "
           "staking rewards. Proposals pass with a simple majority of the tokens voting, subject to a "
           "quorum of 10% of the circulating supply.",
           evidence={"claims.governance_rights": "Each HRV gives one vote on protocol proposals"})
    p.claim(governance_rights=True)
    p.para("During the first two years the Harvestly Foundation keeps a veto over proposals that would "
           "endanger the solvency of existing risk pools. The veto expires automatically after that period.")
    p.page_break()

    p.heading("The HRV Token Sale")
    p.para("At the token generation event an initial supply of 1,000,000,000 HRV will be created. The price "
           "during the crowdsale is 1 HRV = 0.06 USD, payable in ETH at the exchange rate fixed 24 hours "
           "before the sale opens. The sale ends when the hard cap of 24,000,000 USD is reached or after "
           "30 days, whichever comes first.",
           evidence={"total_supply": "an initial supply of 1,000,000,000 HRV will be created",
                     "claims.token_price": "1 HRV = 0.06 USD",
                     "claims.hard_cap": "hard cap of 24,000,000 USD"})
    p.claim(token_price="1 HRV = 0.06 USD", hard_cap="24,000,000 USD")
    a1 = p.para("40% of tokens will be sold in the crowdsale and a further 10% were sold to early supporters "
                "in the private pre-sale, which closed in March 2018 with a 20% bonus.",
                evidence={"allocation": "40% of tokens will be sold in the crowdsale"})
    a2 = p.para("The rest of the supply is allocated as follows. Team: 150,000,000 (15%), vesting over 36 "
                "months with a one-year cliff. Advisors: 50,000,000 (5%), vesting over 12 months. Risk pool "
                "reserve held by the foundation to seed the first insurance pools: 200,000,000 (20%). "
                "Community grants for agents and cooperatives: 70,000,000 (7%). Bounty programme: "
                "30,000,000 (3%).",
                evidence={"allocation": ["Team: 150,000,000 (15%)", "Bounty programme: 30,000,000 (3%)"],
                          "claims.team_vesting": "Team: 150,000,000 (15%), vesting over 36 months with a one-year cliff."})
    p.allocation_source = "text"
    p.alloc(a1, "Crowdsale", "public_sale", 40.0)
    p.alloc(a1, "Private pre-sale", "presale_private", 10.0)
    p.alloc(a2, "Team", "team_founders", 15.0, vesting=36, cliff=12)
    p.alloc(a2, "Advisors", "advisors", 5.0, vesting=12)
    p.alloc(a2, "Risk pool reserve", "reserve_treasury", 20.0)
    p.alloc(a2, "Community grants", "ecosystem_community", 7.0)
    p.alloc(a2, "Bounty programme", "bounty_marketing", 3.0)
    p.claim(team_vesting=True, team_vesting_months=36)
    p.para("Tokens not sold in the crowdsale will not be kept by the foundation. Any unsold tokens will be "
           "distributed pro rata to all crowdsale participants after the sale closes.",
           evidence={"claims.unsold_tokens": "Any unsold tokens will be distributed pro rata to all crowdsale participants"})
    p.claim(unsold_tokens="distributed")
    p.page_break()

    p.heading("Use of Funds")
    u = p.para("We intend to spend the proceeds of the sale carefully. Roughly 35% will go to platform "
               "development and actuarial modelling, and 25% to marketing, agent recruitment and farmer "
               "education in our first three markets. Operations, including field offices in Kenya and "
               "Ghana, will take 15%. We reserve 10% for legal and regulatory work, since every country "
               "regulates insurance differently, and 10% for oracle infrastructure and weather station "
               "hardware. The remaining 5% is a contingency reserve.",
               evidence={"use_of_funds": ["Roughly 35% will go to platform development and actuarial modelling",
                                          "The remaining 5% is a contingency reserve."]})
    p.use_of_funds_source = "text"
    p.fund(u, "Platform development and actuarial modelling", "development", 35.0)
    p.fund(u, "Marketing, agent recruitment and farmer education", "marketing", 25.0)
    p.fund(u, "Operations", "operations", 15.0)
    p.fund(u, "Legal and regulatory work", "legal_compliance", 10.0)
    p.fund(u, "Oracle infrastructure and weather station hardware", "infrastructure", 10.0)
    p.fund(u, "Contingency reserve", "reserve_contingency", 5.0)
    p.heading("Roadmap", 2)
    p.bullets(["Q3 2018: pilot policies for 2,000 maize farmers in western Kenya.",
               "Q1 2019: oracle staking and the first community-funded risk pool.",
               "Q3 2019: launch in Ghana; governance portal opens to token holders.",
               "2020: reinsurance partnership and expansion to South-East Asia."], glyph="\u25aa")
    p.page_break()

    p.heading("Risks")
    p.para("Buying HRV is risky. Insurance is a regulated activity, and regulators may decide that "
           "parametric policies sold through Harvestly require a licence we do not yet hold. Weather data "
           "can be wrong or manipulated despite the staking mechanism. Smart contracts may contain "
           "vulnerabilities. The value of HRV may fluctuate strongly and you may lose all of the money you "
           "spend on it.")
    p.heading("Disclaimer")
    p.para("This document is not a prospectus and does not constitute an offer of securities or an "
           "invitation to invest. HRV is a utility token that gives access to the Harvestly protocol. "
           "Nothing in this white paper is financial, legal or tax advice. Please consult your own "
           "advisors before participating in the token sale.", style=p.s_note)
    return p


def paper_lodestar() -> Paper:
    """A4, Bitstream Vera with U+FB01 ligatures and a hyphenated line break; allocation given only
    as token amounts (percent computed from the stated total), transfers locked until the sale ends,
    no use-of-funds breakdown."""
    look = Look(A4, "Vera", "Vera-Bold", "Vera-Italic", 9.8, 14.5, 2.5 * cm,
                colors.HexColor("#6c2a72"), "LODESTAR \u00b7 Veri\ufb01ed credit pro\ufb01les for freelancers",
                "Lodestar Labs O\u00dc \u00b7 Tallinn", printed_offset=1, page_label="\u2013 {n} \u2013",
                ligatures=True)
    p = Paper("lodestar", look, symbol="LDX", standard="ERC20", total_supply=800_000_000,
              notes="Synthetic sample paper. Allocation stated only as token amounts with a stated total supply "
                    "of 800,000,000 LDX; percentages computed as amount / total_supply * 100. Body text uses the "
                    "U+FB01 fi ligature and one word is hyphenated across a line break (distri-/bution): quotes "
                    "are given in clean text. No use-of-funds breakdown.")
    p.cover("Lodestar", "Portable, veri\ufb01ed credit pro\ufb01les for the independent workforce",
            "Technical white paper \u00b7 version 1.0 \u00b7 January 2018", logo="cross")
    p.contents("Contents")

    p.heading("1 Abstract")
    p.para("Freelancers make up more than a third of the workforce in the United States and a growing share "
           "in Europe, yet the financial system still treats them as a risk it cannot measure. A designer "
           "who has delivered two hundred projects on three different platforms cannot show a bank a single, "
           "verified history of her income. Lodestar fixes this by letting workers collect certified "
           "income attestations from the platforms they work on and present them to lenders as one "
           "portable profile.")
    p.para("LDX is the ERC20 token that pays for attestations and profile checks on the Lodestar network.",
           evidence={"token_standard": "LDX is the ERC20 token that pays for attestations and profile checks"})
    p.heading("2 Background", 2)
    p.para("Identity and reputation are fragmented by design: each marketplace keeps its ratings to itself "
           "because they are what keeps workers from leaving. Financial institutions, meanwhile, rely on "
           "payslips and tax returns that arrive once a year, if at all. The result is that the most "
           "flexible part of the workforce pays the highest interest rates and is first to be refused a "
           "mortgage.")
    p.para("Previous attempts to build a reputation layer relied on self-declared information or on a single "
           "aggregator that would become the new gatekeeper. Lodestar takes a different approach: it never "
           "stores personal data on-chain and it lets the worker decide who sees which attestation.")
    p.page_break()

    p.heading("3 The Lodestar protocol")
    p.heading("3.1 Attestations", 2)
    p.para("An attestation is a signed statement by a platform that a worker earned a given amount in a given "
           "month. Platforms sign attestations with a key registered in the Lodestar registry contract. The "
           "attestation itself is stored in the worker\u2019s wallet; only its fingerprint is published, so the "
           "blockchain proves that the document existed and was signed without revealing its contents.")
    p.heading("3.2 Profiles and lenders", 2)
    p.para("A profile is a bundle of attestations that the worker shares with a lender through a one-time "
           "link. The lender\u2019s software checks each signature against the registry and computes a "
           "verified income figure. Lenders pay a fee in LDX for each profile check; platforms earn LDX for "
           "each attestation they issue, which gives them a reason to join the network.")
    p.heading("3.3 Privacy", 2)
    p.para("Lodestar is designed for the General Data Protection Regulation. No personal data is written to "
           "the blockchain, attestations can be revoked by the issuing platform, and a worker can delete "
           "a profile at any time. Zero-knowledge proofs for income ranges are planned for the second "
           "version of the protocol.")
    p.page_break()

    p.heading("4 Token distribution")
    p.para("The total supply of LDX is 800,000,000 tokens, created in full at the token generation event.",
           evidence={"total_supply": "The total supply of LDX is 800,000,000 tokens"})
    b = p.bullets(["Token sale participants: 440,000,000 LDX",
                   "Founding team: 120,000,000 LDX",
                   "Advisors and early contributors: 40,000,000 LDX",
                   "Lodestar Foundation reserve: 160,000,000 LDX",
                   "Bounty and community campaigns: 40,000,000 LDX"],
                  evidence={"allocation": ["Token sale participants: 440,000,000 LDX",
                                           "Founding team: 120,000,000 LDX"]})
    p.allocation_source = "text"
    p.alloc(b[0], "Token sale participants", "public_sale", 55.0)
    p.alloc(b[1], "Founding team", "team_founders", 15.0, vesting=12)
    p.alloc(b[2], "Advisors and early contributors", "advisors", 5.0)
    p.alloc(b[3], "Lodestar Foundation reserve", "reserve_treasury", 20.0)
    p.alloc(b[4], "Bounty and community campaigns", "bounty_marketing", 5.0)
    p.para("Tokens of the founding team are locked in a time-lock contract for 12 months after the end of the "
           "token sale. The reserve is held by the foundation and will be used for partnerships and the "
           "operating costs of the network after the initial distri-<br/>bution has been completed.",
           evidence={"claims.team_vesting": "Tokens of the founding team are locked in a time-lock contract for 12 months",
                     "allocation": "after the initial distribution has been completed"})
    p.claim(team_vesting=True, team_vesting_months=12)
    p.heading("4.1 Sale terms", 2)
    p.para("The token price during the sale is 1 LDX = 0.0002 ETH. LDX tokens will not be transferable until "
           "the token sale has ended; the token contract enables transfers automatically once the sale "
           "contract is finalised.",
           evidence={"claims.token_price": "1 LDX = 0.0002 ETH",
                     "claims.transfers_locked_until_sale_end": "LDX tokens will not be transferable until the token sale has ended"})
    p.claim(token_price="1 LDX = 0.0002 ETH", transfers_locked_until_sale_end=True)
    p.page_break()

    p.heading("4.2 Use cases", 2)
    p.bullets(["A freelance developer applies for a car loan with twelve months of attested platform income.",
               "A landlord checks that a translator earns at least three times the monthly rent.",
               "A microfinance lender offers working capital to drivers with a verified delivery history."])
    p.page_break()

    p.heading("5 Team")
    p.para("Kristjan Saar (CEO) previously led the credit risk team of a Nordic consumer lender. Amelia "
           "Fitzgerald (COO) built the payments infrastructure of a freelance marketplace with 1.2 million "
           "users. Jonas Pfeiffer (CTO) is a cryptography engineer who has contributed to several open-source "
           "identity projects.")
    p.heading("6 Risks and limitations")
    p.para("Lodestar depends on freelance platforms agreeing to sign attestations; if few platforms join, "
           "profiles will be of limited value to lenders. Regulation of credit information differs from "
           "country to country and may restrict how profiles can be used. The LDX token may lose all of "
           "its value, and its price may be influenced by factors outside our control.")
    p.heading("7 Important notice", 2)
    p.para("This white paper does not constitute financial advice or an offer of securities. LDX is a "
           "utility token for the Lodestar network and confers no rights of ownership in Lodestar Labs "
           "O\u00dc. The sale is not open to residents of the United States, Canada or Singapore.",
           style=p.s_note)
    return p


def paper_aurevo() -> Paper:
    """US Letter, Helvetica. Two distributions (pre-sale table superseded by a final chart legend),
    hype and return promises, buy-back-and-burn, unsold tokens burned, hard-capped supply."""
    look = Look(letter, "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", 10.5, 14.5, 0.85 * 72,
                colors.HexColor("#b9770e"), "AUREVO  |  The loyalty token for independent hotels",
                "www.aurevo.io", printed_offset=0)
    p = Paper("aurevo", look, symbol="AUV", standard="ERC20", total_supply=300_000_000,
              notes="Synthetic sample paper. Two distributions: a pre-sale table (superseded, October 2017) and the "
                    "final distribution shown as a pie chart whose two-column legend is in the text layer "
                    "(labels and percentages set apart). The final one is labelled here. Contains return "
                    "promises (10x, guaranteed bonus). Printed page number = PDF page index.")
    p.cover("AUREVO", "Rewarding guests, not booking platforms: a loyalty token for independent hotels",
            "Whitepaper \u2013 revised edition, March 2018", logo="rings")
    p.contents()

    p.heading("Executive Summary")
    p.para("Independent hotels pay online travel agencies commissions of 15% to 25% on every booking. Their "
           "guests collect loyalty points with the booking platform, not with the hotel, so the hotel pays "
           "twice: once to acquire the guest and again to win the guest back. Aurevo is a loyalty token "
           "shared by thousands of independent hotels, which turns every stay into a reason to book directly "
           "next time.")
    p.para("AUV is an ERC20 token. Guests earn AUV for direct bookings and spend it at any hotel in the "
           "Aurevo alliance. Hotels buy AUV to fund their rewards, and 20% of all platform fees are used to "
           "buy back AUV on the open market and burn it, permanently reducing the supply.",
           evidence={"token_standard": "AUV is an ERC20 token.",
                     "claims.burn_mechanism": "20% of all platform fees are used to buy back AUV on the open "
                                              "market and burn it"})
    p.claim(burn_mechanism=True)
    p.para("This is a once-in-a-generation opportunity. The travel industry is worth 7.6 trillion dollars and "
           "Aurevo is the first token that gives hotels a way to take it back. Early contributors can "
           "realistically expect returns of 10x or more as the alliance grows, and every contributor in the "
           "first week receives a guaranteed 25% bonus.")
    p.page_break()

    p.heading("The Market Opportunity")
    p.para("There are more than 700,000 hotels worldwide, and roughly half of them are independent. Together "
           "they account for more rooms than the ten largest hotel chains combined, but they have no "
           "shared loyalty programme. Chain hotels keep their guests with points; independent hotels lose "
           "theirs to booking platforms.")
    p.para("Loyalty programmes are among the most profitable businesses in travel. Airline miles programmes "
           "are routinely valued at more than the airlines that run them. Aurevo brings the same economics "
           "to independent hotels, with one difference: the rewards belong to the guest and can be traded "
           "freely.")
    p.heading("How guests earn and spend", 2)
    p.bullets(["Book directly on a partner hotel website and earn 5% of the room rate in AUV.",
               "Leave a verified review after checkout and earn a bonus.",
               "Spend AUV on rooms, upgrades, spa treatments and late checkout at any partner hotel.",
               "Hold AUV to reach Silver, Gold and Platinum status across the whole alliance."], glyph="\u27a2")
    p.heading("How hotels benefit", 2)
    p.para("Hotels join for a monthly fee and a small transaction charge on redeemed rewards. They receive a "
           "booking widget, a guest wallet and analytics about where their guests travel. In our pilot with "
           "fourteen boutique hotels in Lisbon and Porto, direct bookings rose by 31% within six months.")
    p.page_break()

    p.heading("Pre-sale (October 2017)")
    p.para("The pre-sale took place from 2 to 16 October 2017. At that time the following distribution was "
           "published. It has since been revised (see the next section) after the advisory board recommended "
           "a larger allocation for partner hotels.")
    p.table([["Pool", "Share"],
             ["Token sale", "60%"],
             ["Team", "20%"],
             ["Advisors", "5%"],
             ["Reserve", "15%"]], [8 * cm, 3 * cm])
    p.para("Pre-sale participants received AUV at 1 ETH = 4,000 AUV. All pre-sale tokens count towards the "
           "public sale pool of the final distribution.")
    p.page_break()

    p.heading("Token Distribution")
    p.para("The supply of AUV is hard-capped at 300,000,000 tokens; no additional tokens can ever be minted.",
           evidence={"total_supply": "The supply of AUV is hard-capped at 300,000,000 tokens",
                     "claims.supply_fixed": "no additional tokens can ever be minted"})
    p.claim(supply_fixed=True)
    entries = [("Public token sale", 45), ("Pre-sale", 10), ("Partner hotel rewards", 15), ("Team", 14),
               ("Company reserve", 8), ("Advisors", 4), ("Bounty and airdrop", 4)]
    chart = p.legend_chart(entries, "Final AUV distribution",
                           evidence={"allocation": ["Public token sale", "45%", "Partner hotel rewards", "15%"]})
    p.allocation_source = "text"
    p.alloc(chart, "Public token sale", "public_sale", 45.0)
    p.alloc(chart, "Pre-sale", "presale_private", 10.0)
    p.alloc(chart, "Partner hotel rewards", "ecosystem_community", 15.0)
    p.alloc(chart, "Team", "team_founders", 14.0, vesting=24, cliff=12)
    p.alloc(chart, "Company reserve", "reserve_treasury", 8.0)
    p.alloc(chart, "Advisors", "advisors", 4.0, vesting=12)
    p.alloc(chart, "Bounty and airdrop", "bounty_marketing", 4.0)
    p.spacer(10)
    p.para("Team tokens are released in equal monthly instalments over 24 months, starting after a 12-month "
           "cliff. Advisor tokens vest over 12 months.",
           evidence={"claims.team_vesting": "Team tokens are released in equal monthly instalments over 24 months"})
    p.claim(team_vesting=True, team_vesting_months=24)
    p.para("Sale price: 1 ETH = 3,000 AUV. Hard cap: 45,000 ETH. All tokens that are not sold by the end of "
           "the crowdsale will be burned.",
           evidence={"claims.token_price": "1 ETH = 3,000 AUV", "claims.hard_cap": "Hard cap: 45,000 ETH.",
                     "claims.unsold_tokens": "All tokens that are not sold by the end of the crowdsale will be burned."})
    p.claim(token_price="1 ETH = 3,000 AUV", hard_cap="45,000 ETH", unsold_tokens="burned")
    p.page_break()

    p.heading("Roadmap")
    p.table([["When", "What"],
             ["Q4 2017", "Pre-sale; Lisbon and Porto pilot"],
             ["Q2 2018", "Crowdsale; guest wallet for iOS and Android"],
             ["Q4 2018", "500 partner hotels in Portugal, Spain and Italy"],
             ["2019", "Open alliance API for property management systems"]],
            [3.5 * cm, 12 * cm], ruled=False, align_right_from=5)
    p.heading("Risk Factors", 2)
    p.para("Despite the opportunity, purchasers of AUV should understand the risks. Hotels may not join the "
           "alliance in the numbers we expect. Booking platforms may respond with their own loyalty schemes. "
           "Regulators may classify AUV as a security or as electronic money. The smart contracts could "
           "contain errors. Past results of the pilot are no guarantee of future performance.")
    p.heading("Disclaimer", 2)
    p.para("This document is provided for information only and is not an offer to sell or a solicitation of an "
           "offer to buy any security. Aurevo Travel Technologies S.L. makes no representation or warranty "
           "as to the accuracy of any forward-looking statements.", style=p.s_note)
    return p


def paper_pixora() -> Paper:
    """A4, Times. The token distribution exists only as a scanned raster page (no text layer);
    mining-style render rewards, unsold tokens burned, team vesting."""
    look = Look(A4, "Times-Roman", "Times-Bold", "Times-Italic", 11, 15, 2.6 * cm,
                colors.HexColor("#1b2631"), "Pixora \u2014 Decentralised GPU Rendering",
                "Pixora Foundation, Zug", printed_offset=1)
    entries = [("Token sale", 50), ("Render node rewards", 20), ("Team", 15), ("Reserve", 7),
               ("Advisors", 5), ("Bounty", 3)]
    p = Paper("pixora", look, symbol="PXR", standard="ERC20", total_supply=2_000_000_000,
              notes="Synthetic sample paper. The token distribution appears only on a scanned page (a raster pie "
                    "chart with its legend, no text layer); percentages read by eye from the picture, so "
                    "allocation_source is 'image'. Render node rewards come from a pre-allocated pool (not "
                    "minted later). Printed page numbers = PDF index - 1.")
    p.cover("PIXORA", "A peer-to-peer network for GPU rendering", "White Paper v1.1, April 2018", logo="blocks")
    p.contents("Contents")

    p.heading("1. Introduction")
    p.para("Rendering a single frame of a modern animated film can take hours of GPU time. Studios either "
           "build render farms that sit idle between projects or rent cloud capacity at prices that make "
           "independent productions impossible. At the same time, millions of gaming computers and former "
           "mining rigs spend most of the day switched off or idle.")
    p.para("Pixora connects the two. Artists submit rendering jobs, node operators contribute GPU time, and "
           "the Pixora protocol verifies the work and settles payment in PXR, an ERC20 token.",
           evidence={"token_standard": "settles payment in PXR, an ERC20 token"})
    p.heading("2. Network design", 2)
    p.para("A job is split into tiles that are rendered independently. Each tile is sent to three randomly "
           "chosen nodes; results are compared by perceptual hashing and the majority result is accepted. "
           "Nodes that return diverging results lose reputation and, after repeated failures, part of "
           "their stake.")
    p.para("Scene files are encrypted and split so that no single node ever holds a complete frame. Studios "
           "can restrict their jobs to nodes that have passed a security audit, at a higher price.")
    p.page_break()

    p.heading("2.1 Market", 2)
    p.para("The market for rendering services was estimated at 1.8 billion US dollars in 2017 and is growing "
           "with the demand for visual effects, architectural visualisation and virtual reality content. "
           "Existing render farms charge between 0.5 and 3 US cents per GHz-hour. Pixora node operators have "
           "no hardware costs to recover, because their machines have already been paid for, and can offer "
           "the same capacity at a fraction of the price.")
    p.para("Our first users will be independent animation studios and freelance 3D artists, who today wait "
           "overnight for previews that a distributed network can deliver within minutes.")
    p.page_break()

    p.heading("3. The PXR token")
    p.para("PXR is used to pay for rendering, to stake as a node operator and to reward nodes for the work they "
           "perform. A total of 2,000,000,000 PXR will be issued.",
           evidence={"total_supply": "A total of 2,000,000,000 PXR will be issued."})
    p.para("Node operators receive the fee paid by the artist and, during the first four years, an "
           "additional reward from the render node rewards pool. This pool is part of the initial supply; "
           "the distribution is shown on the following page.")
    p.para("Team tokens vest over 24 months with a 6-month cliff. Unsold tokens from the crowdsale will be "
           "burned within 30 days of the end of the sale.",
           evidence={"claims.team_vesting": "Team tokens vest over 24 months with a 6-month cliff.",
                     "claims.unsold_tokens": "Unsold tokens from the crowdsale will be burned"})
    p.claim(team_vesting=True, team_vesting_months=24, unsold_tokens="burned")
    p.para("Crowdsale price: 1 PXR = 0.01 USD. Hard cap: 15,000,000 USD.",
           evidence={"claims.token_price": "1 PXR = 0.01 USD", "claims.hard_cap": "Hard cap: 15,000,000 USD."})
    p.claim(token_price="1 PXR = 0.01 USD", hard_cap="15,000,000 USD")

    png = scanned_pie_png(look.pagesize, "3.1 Token Distribution", "PXR allocation (2,000,000,000 PXR)",
                          entries, seed=7)
    img = p.scanned_page(png, {"allocation": "pie chart, legend "
                                             + ", ".join(f"{lab} {pct}%" for lab, pct in entries)})
    p.allocation_source = "image"
    cats = {"Token sale": "public_sale", "Render node rewards": "mining_staking", "Team": "team_founders",
            "Reserve": "reserve_treasury", "Advisors": "advisors", "Bounty": "bounty_marketing"}
    for lab, pct in entries:
        p.alloc(img, lab, cats[lab], float(pct), vesting=24 if lab == "Team" else None,
                cliff=6 if lab == "Team" else None)

    p.heading("4. Roadmap")
    p.bullets(["Q2 2018 \u2013 token sale and public testnet with Blender support.",
               "Q4 2018 \u2013 mainnet launch, node staking, reputation system.",
               "Q2 2019 \u2013 plug-ins for commercial renderers; studio security tiers.",
               "Q4 2019 \u2013 real-time preview rendering."])
    p.heading("5. Risks", 2)
    p.para("The network may not attract enough node operators or artists. Verification by redundancy "
           "triples the cost of rendering for some jobs and may make Pixora uncompetitive. GPU prices and "
           "electricity costs may change. Tokens may be classified as securities in some jurisdictions. "
           "You may lose the entire amount you contribute.")
    p.heading("6. Legal notice", 2)
    p.para("This white paper describes a project under development. It is not a solicitation for investment "
           "and does not constitute an offer of securities in any jurisdiction. Pixora Foundation does not "
           "guarantee that the network will be launched as described.", style=p.s_note)
    return p


def paper_sonnwerk() -> Paper:
    """German, A4, short: allocation in prose (German number format), use of funds in prose, vesting."""
    look = Look(A4, "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", 10.5, 15, 2.4 * cm,
                colors.HexColor("#c0392b"), "Sonnwerk \u2013 Whitepaper (deutsche Fassung)",
                "Sonnwerk GmbH, Freiburg im Breisgau", printed_offset=0, page_label="Seite {n}")
    p = Paper("sonnwerk", look, symbol="SWK", standard="ERC20", total_supply=200_000_000,
              notes="Synthetische Beispielarbeit auf Deutsch (synthetic sample paper in German). Allocation and "
                    "use of funds in German prose with German number format (200.000.000, 15 %).")
    p.cover("Sonnwerk", "B\u00fcrgerenergie auf der Blockchain: Solarstrom direkt vom Nachbarn",
            "Whitepaper \u2013 Version 1.0 \u2013 Juni 2018", logo="rings")
    p.contents("Inhalt")

    p.heading("1. Einleitung")
    p.para("Immer mehr Haushalte in Deutschland erzeugen ihren eigenen Solarstrom. Was sie nicht selbst "
           "verbrauchen, speisen sie zu einer Verg\u00fctung ins Netz ein, die seit Jahren sinkt. Gleichzeitig "
           "zahlen ihre Nachbarn f\u00fcr denselben Strom den vollen Haushaltstarif. Sonnwerk verbindet "
           "Erzeuger und Verbraucher in einem Quartier direkt miteinander.")
    p.para("Der SWK-Token ist ein ERC20-Token auf der Ethereum-Blockchain. Mit ihm werden lokale "
           "Stromlieferungen abgerechnet, und er dient als Pfand f\u00fcr die Betreiber der Messger\u00e4te.",
           evidence={"token_standard": "Der SWK-Token ist ein ERC20-Token auf der Ethereum-Blockchain."})
    p.heading("2. Funktionsweise", 2)
    p.para("Ein zertifiziertes Messger\u00e4t erfasst alle f\u00fcnfzehn Minuten, wie viel Strom eine Anlage "
           "erzeugt und wie viel ein Haushalt verbraucht. Ein Smart Contract gleicht Angebot und Nachfrage "
           "im Quartier ab und rechnet die gelieferten Kilowattstunden in SWK ab. Der Netzbetreiber erh\u00e4lt "
           "weiterhin die gesetzlichen Entgelte; Sonnwerk ersetzt nicht das Stromnetz, sondern den Zwischenhandel.")
    p.page_break()

    p.heading("3. Der SWK-Token")
    p.para("Insgesamt werden 200.000.000 SWK ausgegeben. Die Menge ist fest begrenzt; weitere Token werden "
           "zu keinem Zeitpunkt erzeugt.",
           evidence={"total_supply": "Insgesamt werden 200.000.000 SWK ausgegeben.",
                     "claims.supply_fixed": "weitere Token werden zu keinem Zeitpunkt erzeugt"})
    p.claim(supply_fixed=True)
    a = p.para("60 % der Token werden im \u00f6ffentlichen Token-Verkauf angeboten. Das Gr\u00fcnderteam erh\u00e4lt "
               "15 % der Token mit einer Haltefrist von 24 Monaten, davon 6 Monate Cliff. 5 % gehen an unsere "
               "Berater, 15 % bilden die R\u00fccklage der Sonnwerk GmbH, und 5 % sind f\u00fcr Bounty und "
               "Marketing vorgesehen.",
               evidence={"allocation": ["60 % der Token werden im \u00f6ffentlichen Token-Verkauf angeboten.",
                                        "5 % sind f\u00fcr Bounty und Marketing vorgesehen"],
                         "claims.team_vesting": "Das Gr\u00fcnderteam erh\u00e4lt 15 % der Token mit einer Haltefrist von 24 Monaten"})
    p.allocation_source = "text"
    p.alloc(a, "\u00d6ffentlicher Token-Verkauf", "public_sale", 60.0)
    p.alloc(a, "Gr\u00fcnderteam", "team_founders", 15.0, vesting=24, cliff=6)
    p.alloc(a, "Berater", "advisors", 5.0)
    p.alloc(a, "R\u00fccklage der Sonnwerk GmbH", "reserve_treasury", 15.0)
    p.alloc(a, "Bounty und Marketing", "bounty_marketing", 5.0)
    p.claim(team_vesting=True, team_vesting_months=24)
    p.para("Der Preis betr\u00e4gt 1 SWK = 0,05 EUR. Die Obergrenze des Verkaufs liegt bei 6.000.000 EUR.",
           evidence={"claims.token_price": "1 SWK = 0,05 EUR", "claims.hard_cap": "6.000.000 EUR"})
    p.claim(token_price="1 SWK = 0,05 EUR", hard_cap="6.000.000 EUR")
    p.heading("3.1 Mittelverwendung", 2)
    u = p.para("Die Einnahmen verwenden wir zu 50 % f\u00fcr die Entwicklung der Plattform und der Messger\u00e4te, "
               "zu 20 % f\u00fcr Marketing und den Aufbau von Partnerschaften mit Stadtwerken, zu 15 % f\u00fcr den "
               "laufenden Betrieb, zu 10 % f\u00fcr Rechts- und Regulierungsfragen und zu 5 % als Reserve.",
               evidence={"use_of_funds": "zu 50 % f\u00fcr die Entwicklung der Plattform und der Messger\u00e4te"})
    p.use_of_funds_source = "text"
    p.fund(u, "Entwicklung der Plattform und der Messger\u00e4te", "development", 50.0)
    p.fund(u, "Marketing und Partnerschaften mit Stadtwerken", "marketing", 20.0)
    p.fund(u, "Laufender Betrieb", "operations", 15.0)
    p.fund(u, "Rechts- und Regulierungsfragen", "legal_compliance", 10.0)
    p.fund(u, "Reserve", "reserve_contingency", 5.0)
    p.page_break()

    p.heading("4. Team und Fahrplan")
    p.para("Sonnwerk wurde 2017 von drei Ingenieurinnen und Ingenieuren aus der Energiewirtschaft gegr\u00fcndet. "
           "Dr. Katrin Albrecht leitete zuvor die Netzplanung eines s\u00fcddeutschen Stadtwerks, Jonas Weber "
           "entwickelte Software f\u00fcr intelligente Messsysteme, und Mehmet Yilmaz betreute als Jurist "
           "Mieterstromprojekte in Baden-W\u00fcrttemberg.")
    p.bullets(["Herbst 2018: Pilotprojekt mit 40 Haushalten in Freiburg-Vauban.",
               "Fr\u00fchjahr 2019: Zertifizierung der Messger\u00e4te nach dem Messstellenbetriebsgesetz.",
               "Ende 2019: Ausweitung auf zehn Quartiere in Baden-W\u00fcrttemberg.",
               "2020: Anbindung von Batteriespeichern und Ladestationen f\u00fcr Elektroautos."], glyph="\u2013")
    p.para("Wir arbeiten eng mit Energiegenossenschaften zusammen, weil sie die Menschen vor Ort bereits "
           "kennen und ihr Vertrauen genie\u00dfen. Jede Genossenschaft kann eigene Quartiere auf der "
           "Plattform er\u00f6ffnen und die Geb\u00fchren selbst festlegen.")
    p.page_break()

    p.heading("5. Risiken")
    p.para("Der Erwerb von SWK ist mit erheblichen Risiken verbunden. Die Regulierung des Stromhandels kann "
           "sich \u00e4ndern und den direkten Verkauf zwischen Nachbarn erschweren. Smart Contracts k\u00f6nnen "
           "Fehler enthalten. Der Wert des Tokens kann stark schwanken und bis auf null fallen.")
    p.heading("6. Rechtliche Hinweise", 2)
    p.para("Dieses Whitepaper dient ausschlie\u00dflich der Information und stellt kein Angebot zum Erwerb von "
           "Wertpapieren dar. Es handelt sich nicht um einen Wertpapierprospekt. Der SWK-Token gew\u00e4hrt "
           "keine Beteiligung an der Sonnwerk GmbH.", style=p.s_note)
    return p


PAPERS = (paper_meridia, paper_harvestly, paper_lodestar, paper_aurevo, paper_pixora, paper_sonnwerk)

# What each paper is there to exercise (documentation for index.json and corpora/README.md).
FEATURES = {
    "meridia": ["A4, Helvetica", "allocation as a ruled table (label | share | tokens)", "use of funds as a table",
                "fixed supply", "team and advisor vesting with cliffs", "unsold tokens kept in reserve",
                "governance rights denied", "risk factors", "legal disclaimer", "printed page = PDF page - 1"],
    "harvestly": ["US Letter, Times", "allocation only in prose (40% ... crowdsale; Team: 150,000,000 (15%))",
                  "use of funds in prose", "inflation: staking rewards minted", "governance: token voting",
                  "weather oracle", "unsold tokens distributed pro rata", "printed page = PDF page"],
    "lodestar": ["A4, Bitstream Vera with U+FB01 ligatures", "hyphenation across a line break (distri-/bution)",
                 "allocation as token amounts only (percent computed from total supply)",
                 "transfers locked until sale end", "no use-of-funds breakdown"],
    "aurevo": ["US Letter", "two distributions: superseded pre-sale table and final chart",
               "chart legend in two columns, percentages apart from labels in the text layer",
               "hype and return promises (10x, guaranteed bonus)", "buy-back-and-burn", "unsold tokens burned",
               "hard-capped supply"],
    "pixora": ["A4, Times", "one scanned-like image-only page (raster pie chart, no text layer)",
               "allocation_source image", "unsold tokens burned", "team vesting"],
    "sonnwerk": ["German, short", "German number format (200.000.000, 15 %)", "allocation and use of funds in prose",
                 "fixed supply"],
}


# ----------------------------------------------------------------------------------------------------
# Token contracts (Solidity ^0.4.24, OpenZeppelin-2018 style) and their ground truth
# ----------------------------------------------------------------------------------------------------

_LIB = """
library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256 c) {
        if (a == 0) {
            return 0;
        }
        c = a * b;
        assert(c / a == b);
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        return a / b;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        assert(b <= a);
        return a - b;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256 c) {
        c = a + b;
        assert(c >= a);
        return c;
    }
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0));
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract ERC20Basic {
    function totalSupply() public view returns (uint256);
    function balanceOf(address who) public view returns (uint256);
    function transfer(address to, uint256 value) public returns (bool);
    event Transfer(address indexed from, address indexed to, uint256 value);
}

contract ERC20 is ERC20Basic {
    function allowance(address owner, address spender) public view returns (uint256);
    function transferFrom(address from, address to, uint256 value) public returns (bool);
    function approve(address spender, uint256 value) public returns (bool);
    event Approval(address indexed owner, address indexed spender, uint256 value);
}

contract BasicToken is ERC20Basic {
    using SafeMath for uint256;

    mapping(address => uint256) balances;
    uint256 totalSupply_;

    function totalSupply() public view returns (uint256) {
        return totalSupply_;
    }

    function transfer(address _to, uint256 _value) public returns (bool) {
        require(_to != address(0));
        require(_value <= balances[msg.sender]);
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        emit Transfer(msg.sender, _to, _value);
        return true;
    }

    function balanceOf(address _owner) public view returns (uint256) {
        return balances[_owner];
    }
}

contract StandardToken is ERC20, BasicToken {
    mapping (address => mapping (address => uint256)) internal allowed;

    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        require(_to != address(0));
        require(_value <= balances[_from]);
        require(_value <= allowed[_from][msg.sender]);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        emit Transfer(_from, _to, _value);
        return true;
    }

    function approve(address _spender, uint256 _value) public returns (bool) {
        allowed[msg.sender][_spender] = _value;
        emit Approval(msg.sender, _spender, _value);
        return true;
    }

    function allowance(address _owner, address _spender) public view returns (uint256) {
        return allowed[_owner][_spender];
    }
}
"""

_MINTABLE = """
contract MintableToken is StandardToken, Ownable {
    event Mint(address indexed to, uint256 amount);
    event MintFinished();

    bool public mintingFinished = false;

    modifier canMint() {
        require(!mintingFinished);
        _;
    }

    function mint(address _to, uint256 _amount) public onlyOwner canMint returns (bool) {
        totalSupply_ = totalSupply_.add(_amount);
        balances[_to] = balances[_to].add(_amount);
        emit Mint(_to, _amount);
        emit Transfer(address(0), _to, _amount);
        return true;
    }

    function finishMinting() public onlyOwner canMint returns (bool) {
        mintingFinished = true;
        emit MintFinished();
        return true;
    }
}
"""

_BURNABLE = """
contract BurnableToken is BasicToken {
    event Burn(address indexed burner, uint256 value);

    function burn(uint256 _value) public {
        require(_value <= balances[msg.sender]);
        balances[msg.sender] = balances[msg.sender].sub(_value);
        totalSupply_ = totalSupply_.sub(_value);
        emit Burn(msg.sender, _value);
        emit Transfer(msg.sender, address(0), _value);
    }
}
"""

_PAUSABLE = """
contract Pausable is Ownable {
    event Pause();
    event Unpause();

    bool public paused = false;

    modifier whenNotPaused() {
        require(!paused);
        _;
    }

    modifier whenPaused() {
        require(paused);
        _;
    }

    function pause() public onlyOwner whenNotPaused {
        paused = true;
        emit Pause();
    }

    function unpause() public onlyOwner whenPaused {
        paused = false;
        emit Unpause();
    }
}
"""


def _contract_gold(**facts) -> dict:
    base = {"address": None, "token_contract": None, "pragma": "^0.4.24", "decimals": 18,
            "initial_supply": None, "cap": None, "can_mint_after_deploy": False, "mint_can_be_finished": None,
            "burnable": False, "pausable": False, "transfer_lock": False, "freeze_or_blacklist": False,
            "owner_can_change_balances": False, "upgradeable_or_migratable": False,
            "vesting_or_timelock": False, "transfer_fee": False, "selfdestruct": False,
            "crowdsale_in_file": False, "evidence": {}, "notes": ""}
    unknown = set(facts) - set(base)
    if unknown:
        raise KeyError(unknown)
    base.update(facts)
    return base


def contract_meridia():
    src = "pragma solidity ^0.4.24;\n" + _LIB + _MINTABLE + """
contract MeridiaToken is MintableToken {
    string public constant name = "Meridia Network Token";
    string public constant symbol = "MRD";
    uint8 public constant decimals = 18;
}
"""
    gold = _contract_gold(
        token_contract="MeridiaToken", can_mint_after_deploy=True, mint_can_be_finished=True,
        evidence={"can_mint_after_deploy": "function mint(address _to, uint256 _amount) public onlyOwner canMint returns (bool)",
                  "mint_can_be_finished": "function finishMinting() public onlyOwner canMint returns (bool)"},
        notes="Synthetic. No supply at deployment and no cap: the owner mints until finishMinting is called. "
              "The paper calls the supply fixed at 500,000,000 MRD.")
    return src, gold


def contract_harvestly():
    src = "pragma solidity ^0.4.24;\n" + _LIB + """
contract HarvestlyToken is StandardToken, Ownable {
    string public constant name = "Harvestly";
    string public constant symbol = "HRV";
    uint8 public constant decimals = 18;

    address public stakingPool;

    event Mint(address indexed to, uint256 amount);

    constructor(address _wallet) public {
        totalSupply_ = 1000000000 * 10**uint256(decimals);
        balances[_wallet] = totalSupply_;
        emit Transfer(address(0), _wallet, totalSupply_);
    }

    function setStakingPool(address _pool) public onlyOwner {
        stakingPool = _pool;
    }

    // Staking rewards are minted by the staking pool contract (2% a year in the white paper).
    function mintReward(address _to, uint256 _amount) public returns (bool) {
        require(msg.sender == stakingPool || msg.sender == owner);
        totalSupply_ = totalSupply_.add(_amount);
        balances[_to] = balances[_to].add(_amount);
        emit Mint(_to, _amount);
        emit Transfer(address(0), _to, _amount);
        return true;
    }
}
"""
    gold = _contract_gold(
        token_contract="HarvestlyToken", initial_supply="1000000000 * 10**uint256(decimals)",
        can_mint_after_deploy=True, mint_can_be_finished=False,
        evidence={"can_mint_after_deploy": "function mintReward(address _to, uint256 _amount) public returns (bool) { require(msg.sender == stakingPool || msg.sender == owner); totalSupply_ = totalSupply_.add(_amount);"},
        notes="Synthetic. Unlimited minting by owner or staking pool, no rate limit in code (the paper promises "
              "2% a year). Agrees with the paper on inflation.")
    return src, gold


def contract_lodestar():
    src = "pragma solidity ^0.4.24;\n" + _LIB + _PAUSABLE + """
contract LodestarToken is StandardToken, Pausable {
    string public constant name = "Lodestar";
    string public constant symbol = "LDX";
    uint8 public constant decimals = 18;

    address public saleAgent;
    bool public transfersEnabled = false;

    constructor(address _saleAgent) public {
        saleAgent = _saleAgent;
        totalSupply_ = 800000000 * 10**uint256(decimals);
        balances[_saleAgent] = totalSupply_;
        emit Transfer(address(0), _saleAgent, totalSupply_);
    }

    modifier canTransfer(address _from) {
        require(transfersEnabled || _from == saleAgent);
        _;
    }

    // Called by the sale contract when it is finalised.
    function enableTransfers() public {
        require(msg.sender == saleAgent);
        transfersEnabled = true;
    }

    function transfer(address _to, uint256 _value) public whenNotPaused canTransfer(msg.sender) returns (bool) {
        return super.transfer(_to, _value);
    }

    function transferFrom(address _from, address _to, uint256 _value) public whenNotPaused canTransfer(_from) returns (bool) {
        return super.transferFrom(_from, _to, _value);
    }
}
"""
    gold = _contract_gold(
        token_contract="LodestarToken", initial_supply="800000000 * 10**uint256(decimals)",
        pausable=True, transfer_lock=True,
        evidence={"pausable": "function transfer(address _to, uint256 _value) public whenNotPaused canTransfer(msg.sender)",
                  "transfer_lock": "require(transfersEnabled || _from == saleAgent); enableTransfers() only by saleAgent"},
        notes="Synthetic. Transfers locked until the sale agent enables them (agrees with the paper). The owner "
              "can also pause all transfers at any time, which the paper does not mention.")
    return src, gold


def contract_aurevo():
    src = "pragma solidity ^0.4.24;\n" + _LIB + _BURNABLE + """
contract AurevoToken is StandardToken, BurnableToken {
    string public constant name = "Aurevo";
    string public constant symbol = "AUV";
    uint8 public constant decimals = 18;
    uint256 public constant INITIAL_SUPPLY = 300000000 * (10 ** uint256(decimals));

    constructor() public {
        totalSupply_ = INITIAL_SUPPLY;
        balances[msg.sender] = INITIAL_SUPPLY;
        emit Transfer(address(0), msg.sender, INITIAL_SUPPLY);
    }
}
"""
    gold = _contract_gold(
        token_contract="AurevoToken", initial_supply="300000000 * (10 ** uint256(decimals))", burnable=True,
        evidence={"burnable": "function burn(uint256 _value) public { ... totalSupply_ = totalSupply_.sub(_value);"},
        notes="Synthetic. Fixed supply minted in the constructor, holders can burn their own tokens. Agrees with "
              "the paper (hard-capped supply, buy-back-and-burn, unsold tokens burned).")
    return src, gold


def contract_pixora():
    src = "pragma solidity ^0.4.24;\n" + _LIB + """
contract PixoraToken is StandardToken {
    string public constant name = "Pixora";
    string public constant symbol = "PXR";
    uint8 public constant decimals = 18;

    constructor(address _sale, address _rewardsPool, address _team, address _reserve) public {
        totalSupply_ = 2000000000 * 10**uint256(decimals);
        balances[_sale] = totalSupply_.mul(50).div(100);
        balances[_rewardsPool] = totalSupply_.mul(20).div(100);
        balances[_team] = totalSupply_.mul(15).div(100);
        balances[_reserve] = totalSupply_.sub(balances[_sale]).sub(balances[_rewardsPool]).sub(balances[_team]);
        emit Transfer(address(0), _sale, balances[_sale]);
        emit Transfer(address(0), _rewardsPool, balances[_rewardsPool]);
        emit Transfer(address(0), _team, balances[_team]);
        emit Transfer(address(0), _reserve, balances[_reserve]);
    }
}
"""
    gold = _contract_gold(
        token_contract="PixoraToken", initial_supply="2000000000 * 10**uint256(decimals)",
        evidence={},
        notes="Synthetic. Fixed supply split in the constructor; no mint, no burn, no admin powers. The paper says "
              "unsold tokens will be burned, but the token has no burn function (tokens could only be sent to "
              "an unspendable address), and team vesting is not enforced in this file.")
    return src, gold


CONTRACTS = {"meridia": contract_meridia, "harvestly": contract_harvestly, "lodestar": contract_lodestar,
             "aurevo": contract_aurevo, "pixora": contract_pixora}

# What the demo's alignment stage should find: the paper claim, the code fact and whether they agree.
EXPECTED_ALIGNMENT = {
    "meridia": [{"claim": "claims.supply_fixed = true", "code": "can_mint_after_deploy = true", "agrees": False}],
    "harvestly": [{"claim": "claims.supply_fixed = false", "code": "can_mint_after_deploy = true", "agrees": True}],
    "lodestar": [{"claim": "claims.transfers_locked_until_sale_end = true", "code": "transfer_lock = true", "agrees": True},
                 {"claim": "(silent on pausing)", "code": "pausable = true", "agrees": False}],
    "aurevo": [{"claim": "claims.supply_fixed = true", "code": "can_mint_after_deploy = false", "agrees": True},
               {"claim": "claims.burn_mechanism = true", "code": "burnable = true", "agrees": True}],
    "pixora": [{"claim": "claims.unsold_tokens = burned", "code": "burnable = false", "agrees": False},
               {"claim": "claims.team_vesting = true", "code": "vesting_or_timelock = false", "agrees": False}],
}


# ----------------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------------

def generate(out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    index = {"papers": [], "contracts": [], "expected_alignment": EXPECTED_ALIGNMENT}
    for make in PAPERS:
        paper = make()
        gold = _order_gold(paper.build(out))
        (out / f"{paper.slug}.json").write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
        index["papers"].append({"slug": paper.slug, "pdf": f"{paper.slug}.pdf", "gold": f"{paper.slug}.json",
                                "pages": gold["pages"], "image_only_pages": sorted(paper.image_pages),
                                "language": "de" if paper.slug == "sonnwerk" else "en",
                                "page_size": "A4" if paper.look.pagesize == A4 else "Letter",
                                "features": FEATURES[paper.slug]})
    for slug, make in CONTRACTS.items():
        src, gold = make()
        (out / f"{slug}.sol").write_text(src, encoding="utf-8")
        (out / f"{slug}.contract.json").write_text(json.dumps(gold, indent=2) + "\n", encoding="utf-8")
        index["contracts"].append({"slug": slug, "source": f"{slug}.sol", "gold": f"{slug}.contract.json",
                                   "token_contract": gold["token_contract"]})
    (out / "index.json").write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "build",
                        help="output directory (default: corpora/sample/build)")
    args = parser.parse_args(argv)
    index = generate(args.out)
    print(f"sample corpus: {len(index['papers'])} papers, {len(index['contracts'])} contracts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
