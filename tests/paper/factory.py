"""Small PDFs made by the tests themselves (reportlab), each shaped like a part of a real paper."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Image as RLImage
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

BODY = (
    "The Lumen platform connects independent energy producers with buyers through a transparent "
    "marketplace. Smart contracts settle every trade, and the LUM token is the unit of account "
    "for fees, staking and rewards. Our team has spent three years building the settlement engine."
)


def _header_footer(c: canvas.Canvas, doc) -> None:
    c.saveState()
    c.setFont("Helvetica", 8)
    c.drawString(40, A4[1] - 30, "Lumen Network - Whitepaper v1.2")
    c.drawRightString(A4[0] - 40, 30, f"Page {doc.page}")
    c.restoreState()


def chart_png(width: int = 600, height: int = 400) -> bytes:
    """A pie-chart-like raster with no text layer (labels drawn as pixels)."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    for i, (start, end, colour) in enumerate([(0, 144, "navy"), (144, 216, "orange"), (216, 360, "green")]):
        draw.pieslice([50, 50, 350, 350], start, end, fill=colour)
        draw.rectangle([400, 80 + i * 40, 420, 100 + i * 40], fill=colour)
        draw.text((430, 85 + i * 40), ["Sale 40%", "Team 20%", "Reserve 40%"][i], fill="black")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _ligature_style(styles):
    """A paragraph style whose font has the fi/ffi ligature glyphs (DejaVu), when installed."""
    if not DEJAVU.exists():
        return None
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    return ParagraphStyle("ligatures", parent=styles["BodyText"], fontName="DejaVuSans")


def whitepaper(path: Path, *, with_image_page: bool = True) -> Path:
    """A 6-page paper: headings, prose, a ruled allocation table, running header/footer,
    a ligature and a word hyphenated across lines, and (optionally) an image-only page."""
    styles = getSampleStyleSheet()
    story = [Paragraph("Lumen Network", styles["Title"]), Paragraph(BODY, styles["BodyText"]), PageBreak()]
    story += [Paragraph("1 Introduction", styles["Heading1"])]
    story += [Paragraph(BODY, styles["BodyText"]) for _ in range(4)]
    ligature_style = _ligature_style(styles)
    if ligature_style is not None:
        story += [Paragraph("The e\ufb03cient market needs a \ufb01nal settlement layer.", ligature_style)]
    story += [PageBreak()]
    story += [Paragraph("2 Token Distribution", styles["Heading1"])]
    story += [Paragraph("The total supply of LUM is 500,000,000 tokens, allocated as follows:", styles["BodyText"])]
    table = Table(
        [["Allocation", "Share", "Tokens"], ["Public sale", "40%", "200,000,000"], ["Team", "20%", "100,000,000"],
         ["Reserve", "30%", "150,000,000"], ["Advisors", "10%", "50,000,000"]]
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story += [Spacer(1, 12), table, PageBreak()]
    story += [Paragraph("3 Use of Funds", styles["Heading1"])]
    story += [Paragraph("Development 50%, marketing 30%, operations 20% of the funds raised.", styles["BodyText"]), PageBreak()]
    if with_image_page:
        story += [RLImage(io.BytesIO(chart_png()), width=400, height=267), PageBreak()]
    story += [Paragraph("4 Risks", styles["Heading1"]), Paragraph(BODY, styles["BodyText"])]
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build(story, onFirstPage=_header_footer, onLaterPages=_header_footer)
    return path


def hyphenated(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for line_no, text in enumerate(["The token distri-", "bution is fixed by the smart contract.", "\u2022 First bullet point here"]):
        c.drawString(72, 700 - 14 * line_no, text)
    c.drawString(72, 600, BODY[:90])
    c.drawString(72, 586, BODY[90:180])
    c.drawString(72, 572, BODY[180:])
    c.showPage()
    c.save()
    return path


def scanned(path: Path, pages: int = 3) -> Path:
    """Pages that are only pictures: what a scanner produces."""
    c = canvas.Canvas(str(path), pagesize=A4)
    reader = ImageReader(io.BytesIO(chart_png(800, 1100)))
    for _ in range(pages):
        c.drawImage(reader, 20, 20, width=A4[0] - 40, height=A4[1] - 40)
        c.showPage()
    c.save()
    return path


def many_pages(path: Path, pages: int) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        c.drawString(72, 700, f"Section {i}: " + BODY[:80])
        c.drawString(72, 686, BODY[80:160])
        c.drawString(72, 672, BODY[160:])
        c.showPage()
    c.save()
    return path


def encrypted(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt="s3cret")
    c.drawString(72, 700, BODY[:80])
    c.showPage()
    c.save()
    return path


def empty_page_tree(path: Path) -> Path:
    import pypdfium2 as pdfium

    pdfium.PdfDocument.new().save(str(path))
    return path
