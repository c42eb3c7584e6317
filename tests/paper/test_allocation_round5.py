"""Round 5: OCR of distribution charts wired into the pipeline (``extract_facts(ocr=...)``), and pie
charts whose labels are printed over their values. Rendered tests skip without Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

from ico_lens.paper.tokenomics.ocr import ocr_available, pair_labels_over_values

from .distfixtures import _prose_then_chart, legend_chart_pdf

needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="tesseract-ocr / pytesseract not installed")


def _font(size: int):
    from PIL import ImageFont

    path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default()


def _labels_over_values_pdf(path: Path, slices: list[tuple[str, str]], heading: str) -> Path:
    """A doughnut with each slice's label printed over its value, the labels of two slices on one row
    (as slide decks draw them), as pixels only."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (1400, 900), "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse([450, 200, 950, 700], fill="teal")
    draw.ellipse([580, 330, 820, 570], fill="white")
    font = _font(34)
    # label row, value row, alternating sides: the value of slice i sits on the row of label i + 1
    positions = [(40, 60), (1000, 180), (40, 300), (1000, 420), (40, 540), (1000, 660)]
    for (label, value), (x, y) in zip(slices, positions):
        draw.text((x, y), label, fill="black", font=font)
        draw.text((x, y + 60), value, fill="black", font=font)
    return _prose_then_chart(path, img, heading, (40, 300, 520, 334))


def test_values_under_their_labels_are_moved_back_to_them():
    text = "Budget\nProduct build\n50% Marketing\n30% Legal\n20%"
    assert pair_labels_over_values(text).split("\n") == ["Budget", "Product build 50%", "Marketing 30%", "Legal 20%"]


def test_legend_lines_are_left_alone_by_the_label_pairing():
    text = "Token Distribution\n60% Token sale\n25% Team and founders\n15% Reserve"
    assert pair_labels_over_values(text).split("\n") == text.split("\n")


def test_facts_without_ocr_leave_the_chart_unread(tmp_path):
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts

    facts = extract_facts(open_document(legend_chart_pdf(tmp_path / "chart.pdf"), isolate=False), ocr=False)
    assert facts.main_allocation.source == "image" and facts.main_allocation.items == []
    assert not any("OCR" in n for n in facts.notes)


@pytest.mark.slow
@needs_tesseract
def test_facts_read_the_chart_by_default_when_tesseract_is_there(tmp_path):
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts

    facts = extract_facts(open_document(legend_chart_pdf(tmp_path / "chart.pdf"), isolate=False))
    assert sorted((b.category, b.percent) for b in facts.main_allocation.items) == [
        ("public_sale", 60.0), ("reserve_treasury", 15.0), ("team_founders", 25.0)]
    assert any("read by OCR" in n for n in facts.notes)
    record = facts.to_dict()
    assert record["allocation_source"] == "image" and len(record["allocation"]) == 3


@pytest.mark.slow
@needs_tesseract
def test_pie_labels_over_their_values_are_read(tmp_path):
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.funds import extract_use_of_funds

    slices = [("Software engineering", "40,0%"), ("Marketing campaigns", "25,0%"), ("Legal and audit", "10,0%"),
              ("Exchange listings", "15,0%"), ("Operations", "10,0%")]
    doc = open_document(_labels_over_values_pdf(tmp_path / "budget.pdf", slices, "Use of Funds"), isolate=False)
    dist = extract_use_of_funds(doc, ocr=True)[0]
    assert dist.source == "image" and {i.method for i in dist.items} == {"ocr"}
    assert sorted(i.percent for i in dist.items) == [10.0, 10.0, 15.0, 25.0, 40.0]
    by_percent = {i.percent: i.category for i in dist.items}
    assert by_percent[40.0] == "development" and by_percent[25.0] == "marketing"


@pytest.mark.slow
@needs_tesseract
def test_a_chart_whose_values_do_not_add_up_stays_unread(tmp_path):
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.allocation import extract_allocation

    # a growth chart under the heading: percentages, but not shares of one whole
    slices = [("Year one", "12%"), ("Year two", "18%"), ("Year three", "25%")]
    doc = open_document(_labels_over_values_pdf(tmp_path / "growth.pdf", slices, "Token Distribution"), isolate=False)
    dist = extract_allocation(doc, ocr=True)[0]
    assert dist.source == "image" and dist.items == []
    assert "no complete breakdown" in dist.note
