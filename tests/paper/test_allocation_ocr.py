"""Stretch: allocation charts without a text layer read with OCR (skipped without Tesseract)."""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.ocr import join_legend_lines, ocr_available

from .distfixtures import legend_chart_pdf


def test_legend_lines_wrapped_under_their_percentage_are_joined():
    text = "10% Bug/Adoption\nBounty Program\n10% Team/Founders\n47% Long Term Budget"
    assert join_legend_lines(text).split("\n") == ["10% Bug/Adoption Bounty Program", "10% Team/Founders",
                                                   "47% Long Term Budget"]


def test_without_ocr_the_chart_stays_an_image(tmp_path):
    from ico_lens.paper.ingest import open_document

    doc = open_document(legend_chart_pdf(tmp_path / "chart.pdf"), isolate=False)
    dist = extract_allocation(doc)[0]
    assert dist.source == "image" and dist.items == []


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="tesseract-ocr / pytesseract not installed")
def test_chart_read_with_ocr_is_marked(tmp_path):
    from ico_lens.paper.ingest import open_document

    doc = open_document(legend_chart_pdf(tmp_path / "chart.pdf"), isolate=False)
    dist = extract_allocation(doc, ocr=True)[0]
    assert dist.source == "image" and "OCR-derived" in dist.note
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("public_sale", 60.0), ("reserve_treasury", 15.0), ("team_founders", 25.0)]
    assert {b.method for b in dist.items} == {"ocr"} and dist.residual == 0.0
