"""Token terms and claims stated only in a term-sheet picture, read by OCR (issue 12)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ico_lens.paper.records import Figure
from ico_lens.paper.tokenomics.claims import detect_claims
from ico_lens.paper.tokenomics.figure_text import _clean_ocr, candidate_pages, fill_from_figures
from ico_lens.paper.tokenomics.ocr import ocr_available
from ico_lens.paper.tokenomics.terms import extract_terms

from .textdoc import make_document

PROSE = ("The Kelvo network lets households trade surplus solar power with their neighbours. "
         "Meters sign each reading and the exchange settles every hour.\n") * 6
SHEET_OCR = ("Token Sale Details\nStart date 1 May 2018\nSoft Cap $ 2,000,000\nHard Cap $ 12,500,000\n"
             "Maximum number of tokens generated 400,000,000 KLV\n% of tokens for the public sale 50%\n"
             "% of tokens to the team 15% Automatically locked for 12 months by smart contract")


def _with_figure(doc, page: int, share: float = 0.3):
    width, height = 595.0, 842.0
    side = (share * width * height) ** 0.5
    doc.figures.append(Figure(page=page, bbox=(50.0, 100.0, 50.0 + side, 100.0 + side), pixel_width=800, pixel_height=800))
    return doc


def test_only_pages_with_a_large_figure_and_short_or_sale_text_are_chosen():
    doc = make_document(PROSE, PROSE + "Our token sale in numbers:\n", PROSE, "Token Metrics", PROSE)
    for page in (1, 2, 4):
        _with_figure(doc, page)
    _with_figure(doc, 5, share=0.01)  # a logo
    assert candidate_pages(doc) == [4, 2]  # the least text first: the picture is the page


def test_one_page_that_is_only_a_big_picture_is_read_but_not_the_cover():
    doc = make_document("", PROSE, PROSE, "", PROSE, "", "")
    for page in (1, 4, 6, 7):
        _with_figure(doc, page, share=0.8)
    assert candidate_pages(doc) == [4]


def test_the_number_of_pages_read_is_capped():
    doc = make_document(*(["Token sale details"] * 10))
    for page in range(1, 11):
        _with_figure(doc, page)
    assert len(candidate_pages(doc, max_pages=4)) == 4


def test_a_diagram_read_as_junk_gives_no_text_and_noise_lines_are_dropped():
    diagram = "H 1\nH 1 @ a || Finalize sale @\ni 1\n' i ' Mint team ANT\n© \"ant + oi!\nH 1\nBuy tokens"
    assert _clean_ocr(diagram) == ""
    assert _clean_ocr("Hard Cap $ 12,500,000\n| @ i\nMinimum contribution 0.1 ETH\nAccepted currency ETH") == (
        "Hard Cap $ 12,500,000\nMinimum contribution 0.1 ETH\nAccepted currency ETH")


def test_figure_text_fills_only_what_the_text_layer_left_empty():
    doc = make_document(PROSE, "Token Sale\n", PROSE)
    terms = extract_terms(doc)
    claims = detect_claims(doc, terms)
    assert terms.total_supply is None and "hard_cap" not in claims
    filled = fill_from_figures(doc, terms, claims, texts={2: SHEET_OCR})
    assert terms.total_supply.value == 400_000_000
    assert "total_supply" in filled and "claims.hard_cap" in filled
    assert claims["hard_cap"].value.replace(" ", "") == "$12,500,000"
    assert claims["supply_fixed"].value is True
    for evidence in (*terms.total_supply.evidence, *claims["hard_cap"].evidence):
        assert evidence.page == 2 and evidence.quote.startswith("(figure, OCR)")
    assert claims["hard_cap"].rule.endswith("+OCR") and claims["hard_cap"].confidence < 0.7
    assert terms.total_supply.confidence < 0.7


def test_a_value_the_text_layer_states_is_never_overridden_by_the_figure():
    stated = PROSE + "A total of 250,000,000 KLV tokens will ever be created. The hard cap is $ 9,000,000.\n"
    doc = make_document(stated, "Token Sale\n", PROSE)
    terms = extract_terms(doc)
    claims = detect_claims(doc, terms)
    assert terms.total_supply.value == 250_000_000
    before_cap = claims["hard_cap"].value
    filled = fill_from_figures(doc, terms, claims, texts={2: SHEET_OCR})
    assert terms.total_supply.value == 250_000_000 and claims["hard_cap"].value == before_cap
    assert "total_supply" not in filled and "claims.hard_cap" not in filled
    assert not any("OCR" in (e.quote or "") for e in terms.total_supply.evidence)


def _term_sheet_pdf(path: Path, prose: str) -> Path:
    """Two pages: prose, then a "Token Sale" heading over a raster term sheet (the terms exist only as pixels)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = ImageFont.truetype(str(font_path), 30) if font_path.exists() else ImageFont.load_default()
    img = Image.new("RGB", (1400, 620), "white")
    draw = ImageDraw.Draw(img)
    rows = [("Soft Cap", "$ 2,000,000"), ("Hard Cap", "$ 12,500,000"), ("Token symbol", "KLV"),
            ("Maximum number of tokens generated", "400,000,000 KLV"), ("Accepted currency", "ETH")]
    for i, (label, value) in enumerate(rows):
        y = 40 + i * 110
        draw.rectangle([20, y - 20, 1380, y + 70], outline="grey", width=3)
        draw.text((50, y), label, fill="black", font=font)
        draw.text((900, y), value, fill="black", font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    y = 780
    for line in prose.strip().split("\n"):
        c.drawString(40, y, line[:110])
        y -= 16
    c.showPage()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 780, "Token Sale Details")
    c.drawImage(ImageReader(buf), 40, 420, width=520, height=230)
    c.showPage()
    c.save()
    return path


needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract-ocr / pytesseract not installed")


@pytest.mark.slow
@needs_ocr
def test_term_sheet_picture_is_read_and_marked(tmp_path):
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts

    prose = "\n".join(["The Kelvo network lets households trade surplus solar power with neighbours."] * 8)
    doc = open_document(_term_sheet_pdf(tmp_path / "sheet.pdf", prose), isolate=False)
    assert extract_facts(doc, ocr=False).total_supply is None
    facts = extract_facts(doc)
    assert facts.total_supply == 400_000_000
    assert facts.claim("hard_cap").replace(" ", "") == "$12,500,000"
    assert facts.evidence()["total_supply"][0].startswith("p.2: '(figure, OCR)")
    assert any("read by OCR from a figure" in n for n in facts.notes)
    assert type(facts).from_dict(facts.to_dict()) == facts  # the OCR marks survive the JSON record


@pytest.mark.slow
@needs_ocr
def test_term_sheet_picture_does_not_override_the_text(tmp_path):
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts

    prose = "\n".join(["The Kelvo network lets households trade surplus solar power with neighbours."] * 6
                      + ["A total of 250,000,000 KLV tokens will ever be created."])
    doc = open_document(_term_sheet_pdf(tmp_path / "sheet.pdf", prose), isolate=False)
    facts = extract_facts(doc)
    assert facts.total_supply == 250_000_000
    assert not facts.evidence()["total_supply"][0].startswith("p.2")
