"""Stretch: read an allocation / use-of-funds chart that exists only as a picture, with OCR.

Used when asked (``extract_allocation(doc, ocr=True)``, ``extract_use_of_funds(doc, ocr=True)``; the
pipeline, ``extract_facts(doc, ocr=None)``, asks whenever Tesseract is installed) and only for a
distribution whose ``source`` is ``"image"``. The chart's page is rendered with pypdfium2 (the
one place in tokenomics that reads the PDF again: ingestion keeps no pixels), cropped to the large
figures on it, and read by Tesseract (``pytesseract`` + Debian's ``tesseract-ocr``). The OCR text goes
through the same engine as the text layer; a result is kept only when its shares sum to ~100%.
Everything found this way is marked: ``method="ocr"`` on each item, ``source`` stays ``"image"`` and the
note says "OCR-derived". Without Tesseract the distribution is returned unchanged, with a note.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
from typing import Callable

from ico_lens.paper.records import Document, DocumentStatus, Page
from ico_lens.paper.tokenomics import breakdown as engine
from ico_lens.paper.tokenomics.records import Distribution

RENDER_SCALE = 2.5  # 180 dpi: legends' small print stays readable
MIN_FIGURE_SHARE = 0.04


@functools.cache
def ocr_available() -> bool:
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return shutil.which("tesseract") is not None


def figure_crops(document: Document, page_number: int, min_share: float = MIN_FIGURE_SHARE) -> list:
    """The large pictures of a page as images (the whole page when it has none), rendered once.

    ``min_share``: the smallest share of the page a picture must cover."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(document.path)
    try:
        page = pdf[page_number - 1]
        width, height = page.get_size()
        image = page.render(scale=RENDER_SCALE).to_pil()
    finally:
        pdf.close()
    figures = [f for f in document.figures if f.page == page_number and f.area / max(1.0, width * height) >= min_share]
    boxes = [f.bbox for f in figures] or [(0, 0, width, height)]
    return [image.crop((int(max(0, x0) * RENDER_SCALE), int(max(0, top) * RENDER_SCALE),
                        int(min(width, x1) * RENDER_SCALE), int(min(height, bottom) * RENDER_SCALE)))
            for x0, top, x1, bottom in boxes]


def read_crops(crops: list, psm: int = 6) -> list[str]:
    """Tesseract's text of each image; ``psm``: its page segmentation mode (6: one block of text)."""
    import pytesseract

    return [pytesseract.image_to_string(crop, config=f"--psm {psm}") for crop in crops]


def chart_texts(document: Document, page_number: int, min_share: float = MIN_FIGURE_SHARE, psm: int = 6) -> list[str]:
    """OCR text of each large picture on a page (of the whole page when it has none)."""
    return read_crops(figure_crops(document, page_number, min_share), psm)


_SWATCH_RE = re.compile(r"^(?:\S{1,3}\s+){1,2}(?=\d{1,3}(?:[.,]\d+)?\s?%)")


def join_legend_lines(text: str) -> str:
    """Legend labels wrapped under their percentage ("10% Bug/Adoption" / "Bounty Program") are joined."""
    out: list[str] = []
    for line in (" ".join(l.split()) for l in text.split("\n")):
        # colour swatches come out as one or two short junk "words" before the percentage ("BB 15% Reserve")
        line = _SWATCH_RE.sub("", line)
        if not line:
            continue
        if out and engine.PCT_RE.search(out[-1]) and not re.search(r"\d", line) and len(line) <= 40:
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _lines(text: str) -> list[str]:
    """The non-empty lines of an OCR text, spaces collapsed."""
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


_LEADING_PCT_RE = re.compile(r"^(?P<pct>\d{1,3}(?:[.,]\d{1,3})?\s?%)\s*(?P<rest>.*)$")


def pair_labels_over_values(text: str) -> str:
    """Pie labels printed over their value ("Legal" / "5% Growth" / "20%"): Tesseract reads each row
    across the chart, so a value comes out at the start of the line after its label, followed by the
    next slice's label. Each value is moved back behind the label line just before it ("Legal 5%",
    "Growth 20%"). A line that does not start with a value is a label; only the last such line before a
    value is its label (a heading above stays a line of its own).

    Only a text in that layout is changed: its last value stands alone on its line (a legend's last
    line is "15% Reserve", whose label follows its value) and a label line comes before its first value.
    """
    lines = _lines(text)
    valued = [i for i, line in enumerate(lines) if engine.PCT_RE.search(line)]
    if (not valued or valued[0] == 0 or engine.PCT_RE.search(lines[valued[0] - 1])
            or not re.fullmatch(r"\d{1,3}(?:[.,]\d{1,3})?\s?%", lines[valued[-1]])):
        return "\n".join(lines)
    out: list[str] = []
    pending: str | None = None
    for line in lines:
        match = _LEADING_PCT_RE.match(line)
        if match and pending is not None:
            out.append(f"{pending} {match['pct']}")
            pending = match["rest"] or None
        elif match or engine.PCT_RE.search(line):
            if pending is not None:
                out.append(pending)
            out.append(line)
            pending = None
        else:
            if pending is not None:
                out.append(pending)
            pending = line
    if pending is not None:
        out.append(pending)
    return "\n".join(out)


def _readings(text: str) -> list[str]:
    """The ways one chart's OCR text is read: labels printed over their values when the text has that
    layout (joining its lines as a legend's would pair each value with the next slice's label), then
    legend lines ("15% Reserve", wrapped labels joined)."""
    paired = pair_labels_over_values(text)
    return ([paired] if paired != "\n".join(_lines(text)) else []) + [join_legend_lines(text)]


def ocr_distribution(
    document: Document,
    distribution: Distribution,
    extract: Callable[[Document], list[Distribution]],
) -> Distribution:
    """``distribution`` (source "image") filled from OCR of its chart, when the chart can be read.

    ``extract`` is the text extractor of the same kind (``extract_allocation`` or
    ``extract_use_of_funds``), run on a document made of the OCR text.
    """
    if distribution.source != "image" or not distribution.pages or document.kind != "pdf":
        return distribution
    if not ocr_available():
        distribution.note += "; OCR not available (install tesseract-ocr and pytesseract to read the chart)"
        return distribution
    number = distribution.pages[0]
    try:
        texts = [reading for t in chart_texts(document, number) for reading in _readings(t)]
    except Exception as exc:  # a PDF pdfium cannot render again, Tesseract failing: keep the image result
        distribution.note += f"; OCR failed: {type(exc).__name__}"
        return distribution
    original = document.page(number)
    heading = "\n".join(engine.page_lines(original)[:3])
    found = None
    for text in texts:  # one chart at a time: a page may hold the allocation and the budget side by side
        pages = [Page(number=p.number, width=p.width, height=p.height, text="") for p in document.pages]
        pages[number - 1] = Page(number=number, width=original.width, height=original.height, text=heading + "\n" + text)
        ocr_doc = Document(path=document.path, content_id=document.content_id, kind="ocr", status=DocumentStatus.OK,
                           page_count=document.page_count, pages=pages, language=document.language)
        candidate = extract(ocr_doc)[0]
        if candidate.items and candidate.residual is not None and abs(candidate.residual) <= 1.0:
            found = candidate
            break
    if found is None:
        distribution.note += "; OCR of the chart gave no complete breakdown"
        return distribution
    for item in found.items:
        item.method = "ocr"
        item.evidence = dataclasses.replace(item.evidence, quote=f"OCR of the chart on p.{number}: {item.evidence.quote}"[:200])
    result = Distribution(distribution.kind, found.items, "image", pages=[number], is_main=distribution.is_main,
                          note=f"OCR-derived from the chart picture on p.{number} (tesseract); check against the paper",
                          confidence=round(found.confidence * 0.7, 2))
    return result.finish()
