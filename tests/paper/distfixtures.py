"""Documents for the allocation / use-of-funds tests: built from records (pages, words with coordinates,
ruled tables, figures) or as small PDFs with reportlab, each shaped like a part of a real paper."""

from __future__ import annotations

import io
from pathlib import Path

from ico_lens.paper.records import Document, DocumentStatus, Figure, Page, Table, Word

PAGE_W, PAGE_H = 595.0, 842.0


def page(number: int, text: str, *, words: list[Word] | None = None, image_count: int = 0) -> Page:
    return Page(number=number, width=PAGE_W, height=PAGE_H, text=text, raw_text=text, char_count=len(text),
                image_count=image_count, layout_analyzed=words is not None, words=words or [])


def document(*pages: Page, tables: list[Table] | None = None, figures: list[Figure] | None = None,
             path: str = "in-memory/example.pdf", language: str = "en",
             status: DocumentStatus = DocumentStatus.OK) -> Document:
    return Document(path=path, content_id="0" * 64, kind="pdf", status=status, page_count=len(pages),
                    pages=list(pages), tables=tables or [], figures=figures or [], language=language)


def text_document(*texts: str, **kw) -> Document:
    return document(*(page(i, t) for i, t in enumerate(texts, start=1)), **kw)


def words_of(rows: list[list[tuple[float, str]]], *, top: float = 100.0, line_height: float = 18.0,
             char_width: float = 5.5, size: float = 10.0) -> list[Word]:
    """Words laid out in rows: each row is a list of (x, text) boxes; the text is split into words."""
    out: list[Word] = []
    for r, row in enumerate(rows):
        y = top + r * line_height
        for x, text in row:
            for word in text.split():
                out.append(Word(word, x, y, x + char_width * len(word), y + size))
                x += char_width * (len(word) + 1)
    return out


def boxes_to_words(boxes: list[tuple[str, float, float, float]]) -> list[Word]:
    """(text, x0, top, font size) boxes as words, 5.5 points a character and a space between words."""
    words = []
    for text, x, top, size in boxes:
        for word in text.split():
            words.append(Word(word, x, top, x + 5.5 * len(word), top + size))
            x += 5.5 * (len(word) + 1)
    return words


def filler(n: int = 6) -> str:
    return "\n".join(
        "The platform settles every trade on chain and keeps the records open to everyone who asks." for _ in range(n)
    )


# --- small real PDFs (reportlab), read back through ingestion


LEGEND_ROWS = [("Token sale", "55%"), ("Team and founders", "15%"), ("Advisors", "5%"), ("Ecosystem fund", "20%"),
               ("Bounty program", "5%")]


def legend_pdf(path: Path, *, heading: str = "Token Distribution", rows: list[tuple[str, str]] = LEGEND_ROWS,
               numbers_after_labels: bool = False) -> Path:
    """A page with an allocation heading and a chart legend: labels in one column, the percentages
    far to the right (columns apart), no other numbers on the page. ``numbers_after_labels`` draws all
    the labels first, as chart tools do, so the text layer holds the percentages as lines of their own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Introduction")
    y = 760
    for _ in range(8):
        c.drawString(60, y, "Our network settles trades between producers and buyers of renewable energy.")
        y -= 16
    c.showPage()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 780, heading)
    c.setFont("Helvetica", 11)
    y = 700
    for label, pct in rows:
        c.rect(60, y - 2, 10, 10, fill=1)
        c.drawString(80, y, label)
        if not numbers_after_labels:
            c.drawString(420, y, pct)  # columns apart from the label
        y -= 28
    if numbers_after_labels:
        for i, (_, pct) in enumerate(rows):
            c.drawString(420, 700 - 28 * i, pct)
    c.showPage()
    c.save()
    return path


def chart_only_pdf(path: Path) -> Path:
    """An allocation heading over a raster pie chart: the numbers exist only as pixels."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(img)
    for start, end, colour in [(0, 144, "navy"), (144, 216, "orange"), (216, 360, "green")]:
        draw.pieslice([50, 50, 350, 350], start, end, fill=colour)
    draw.text((400, 100), "Sale 40%  Team 20%  Reserve 40%", fill="black")
    return _prose_then_chart(path, img, "Token Allocation", (60, 380, 450, 300))


def legend_chart_pdf(path: Path) -> Path:
    """An allocation heading over a raster chart whose legend ("Token sale 60%" ...) exists only as
    pixels, in a font large enough for OCR."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = ImageFont.truetype(str(font_path), 34) if font_path.exists() else ImageFont.load_default()
    img = Image.new("RGB", (1400, 700), "white")
    draw = ImageDraw.Draw(img)
    slices = [("60% Token sale", 0, 216, "navy"), ("25% Team and founders", 216, 306, "orange"),
              ("15% Reserve", 306, 360, "green")]
    for i, (text, start, end, colour) in enumerate(slices):
        draw.pieslice([40, 60, 620, 640], start, end, fill=colour)
        draw.rectangle([700, 150 + i * 110, 740, 190 + i * 110], fill=colour)
        draw.text((760, 150 + i * 110), text, fill="black", font=font)
    return _prose_then_chart(path, img, "Token Distribution", (40, 420, 520, 260))


def _prose_then_chart(path: Path, image, heading: str, box: tuple[float, float, float, float]) -> Path:
    """Two pages: ten lines of prose, then ``heading`` over ``image`` (a PIL image) drawn at ``box``
    (x, y, width, height in points)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    y = 780
    for _ in range(10):
        c.drawString(60, y, "Our network settles trades between producers and buyers of renewable energy.")
        y -= 16
    c.showPage()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 780, heading)
    x, y, width, height = box
    c.drawImage(ImageReader(buf), x, y, width=width, height=height)
    c.showPage()
    c.save()
    return path
