"""Ingestion: realistic generated PDFs, every kind of bad input, and the real corpus."""

from __future__ import annotations

import json
import os
import time

import pytest

from ico_lens.errors import CorruptPdf, EmptyFile, EncryptedPdf, InputError, NoPages, NotAPdf, NotFound, ResourceLimit
from ico_lens.paper import ingest
from ico_lens.paper.ingest import open_document
from ico_lens.paper.records import DocumentStatus

from . import factory


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    path = factory.whitepaper(tmp_path_factory.mktemp("wp") / "lumen.pdf")
    return open_document(path)


def test_pages_are_numbered_from_one_with_sizes(paper):
    assert paper.status is DocumentStatus.OK
    assert paper.kind == "pdf"
    assert paper.page_count == len(paper.pages) == 6
    assert [p.number for p in paper.pages] == [1, 2, 3, 4, 5, 6]
    assert paper.pages[0].width == pytest.approx(595.3, abs=0.5)
    assert paper.pages[0].height == pytest.approx(841.9, abs=0.5)
    assert len(paper.content_id) == 64


def test_table_is_found_on_its_page_with_bbox(paper):
    assert len(paper.tables) == 1
    table = paper.tables[0]
    assert table.page == 3
    assert table.rows[0] == ["Allocation", "Share", "Tokens"]
    assert ["Team", "20%", "100,000,000"] in table.rows
    x0, top, x1, bottom = table.bbox
    assert 0 < x0 < x1 < 596 and 0 < top < bottom < 842


def test_layout_runs_only_on_candidate_pages(paper):
    analysed = [p.number for p in paper.pages if p.layout_analyzed]
    assert 3 in analysed
    assert 2 not in analysed  # prose only: no pdfplumber
    words = {w.text for w in paper.page(3).words}
    assert {"Public", "Team", "40%"} <= words


def test_image_only_page_is_flagged_and_figure_recorded(paper):
    assert paper.page(5).image_only
    assert not paper.page(3).image_only
    figure = [f for f in paper.figures if f.page == 5][0]
    assert (figure.pixel_width, figure.pixel_height) == (600, 400)
    assert figure.area > 10_000
    assert any("images without text: 5" in w for w in paper.warnings)


def test_sections_have_page_spans(paper):
    titles = {s.title: s for s in paper.sections}
    assert titles["2 Token Distribution"].page_start == 3
    assert titles["3 Use of Funds"].page_start == 4
    assert titles["1 Introduction"].page_end == 2
    assert paper.section_of(3).title == "2 Token Distribution"


def test_text_is_cleaned_but_pages_stay_exact(paper):
    page2 = paper.page(2).text
    if factory.DEJAVU.exists():  # the ligature glyphs need a font that has them
        assert "efficient market needs a final settlement" in page2
    assert "Lumen Network - Whitepaper" not in page2  # running header removed
    assert "Page 2" not in page2  # running footer removed
    assert "Lumen Network - Whitepaper" in paper.page(2).raw_text  # raw text kept for quotes
    assert "Token Distribution" in paper.page(3).text
    assert paper.language == "en"


def test_clean_page_text_units():
    from ico_lens.paper.clean import clean_page_text, guess_language, remove_running_lines

    assert clean_page_text("e\ufb03cient \ufb01nal\r\n") == "efficient final"
    assert clean_page_text("the distri-\r\nbution of ERC-\r\n20 tokens") == "the distribution\nof ERC-\n20 tokens"
    assert clean_page_text("\uf0b7  Team tokens vest\n\u25cf Advisors") == "- Team tokens vest\n- Advisors"
    body = "Body text about the tokens of ACME and what they are for, long enough to be prose."
    ends = ["Team.", "Roadmap.", "Risks.", "Sale.", "Legal."]
    pages = [f"ACME Whitepaper\n{body}\n{end}\n{i}" for i, end in enumerate(ends, start=1)]
    assert remove_running_lines(pages) == [f"{body}\n{end}" for end in ends]
    assert guess_language("Die Token werden an die Investoren verteilt und der Rest bleibt bei der Stiftung " * 12) == "other"
    assert guess_language("The tokens will be distributed to the investors and the rest is kept by the foundation " * 10) == "en"


def test_reversed_lines_are_put_back_in_reading_order():
    from ico_lens.paper.clean import clean_page_text

    # as pdfium returns a page whose left-to-right text is marked right-to-left (a real paper)
    raw = (
        "Proceeds of Use 7.3\r\n.tokens SRN of supply initial an of sale\r\n"
        "fixed a at sold be will tokens SRN .contribution of amount uncapped an with ,days 14 last will event sale The\r\n"
        ":follows as be will tokens SRN total of allocation The\r\n"
    )
    text = clean_page_text(raw)
    assert "The allocation of total SRN tokens will be as follows:" in text
    assert "sale of an initial supply of SRN tokens." in text
    assert "The sale event will last 14 days, with an uncapped" in text
    assert clean_page_text("Normal text. With .NET and ,odd spacing\nhere") == "Normal text. With .NET and ,odd spacing\nhere"


def test_hyphenation_and_bullets(tmp_path):
    doc = open_document(factory.hyphenated(tmp_path / "h.pdf"))
    text = doc.page(1).text
    assert "distribution" in text and "distri-" not in text
    assert "- First bullet point" in text and "\u2022" not in text


def test_json_record_round_trips(paper):
    data = json.loads(paper.to_json())
    assert data["status"] == "ok" and data["text_layer"] is True
    assert data["pages"][0]["number"] == 1 and "text" not in data["pages"][0]
    assert data["tables"][0]["page"] == 3
    assert "text" in json.loads(paper.to_json(include_text=True))["pages"][0]


def test_plain_text_paper(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(factory.BODY + "\n\nTOKEN SALE\n" + factory.BODY + "\f" + factory.BODY, encoding="utf-8")
    doc = open_document(path)
    assert doc.kind == "text" and doc.page_count == 2
    assert doc.page(2).text.startswith("The Lumen platform")


def test_scanned_paper_is_a_status_not_a_crash(tmp_path):
    doc = open_document(factory.scanned(tmp_path / "scan.pdf"))
    assert doc.status is DocumentStatus.NO_TEXT_LAYER
    assert doc.text_layer is False
    assert all(p.image_only for p in doc.pages)
    assert not any(p.layout_analyzed for p in doc.pages)


def test_page_limit_truncates(tmp_path):
    doc = open_document(factory.many_pages(tmp_path / "long.pdf", 12), max_pages=5)
    assert doc.status is DocumentStatus.TRUNCATED
    assert doc.page_count == 12 and len(doc.pages) == 5
    assert any("first 5 of 12" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda p: p.write_bytes(b""), EmptyFile),
        (lambda p: p.write_text("just some text, not a pdf"), NotAPdf),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 100), NotAPdf),
        (lambda p: p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20), CorruptPdf),
        (lambda p: factory.encrypted(p), EncryptedPdf),
        (lambda p: factory.empty_page_tree(p), NoPages),
    ],
    ids=["empty", "text", "zip", "garbage", "encrypted", "zero-pages"],
)
def test_bad_input_gets_a_typed_one_line_error(tmp_path, make, error):
    path = tmp_path / "bad.pdf"
    make(path)
    with pytest.raises(error) as info:
        open_document(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message


def test_what_cannot_be_a_paper_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"not a regular file \(a FIFO\)"):
        open_document(fifo)  # reading it would block until a writer comes
    with pytest.raises(InputError, match="file name is too long"):
        open_document(tmp_path / ("z" * 256 + ".pdf"))
    sol = tmp_path / "Token.sol"
    sol.write_text("pragma solidity ^0.4.24;\ncontract Token {}\n")
    with pytest.raises(NotAPdf, match=f"Solidity source code, not a white paper .*ico-lens contract {sol}"):
        open_document(sol)


def test_truncated_pdf(tmp_path):
    good = factory.whitepaper(tmp_path / "good.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 3])
    with pytest.raises(CorruptPdf):
        open_document(cut)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(NotFound):
        open_document(tmp_path / "nope.pdf")
    with pytest.raises(NotFound):
        open_document(tmp_path)


def _hang(path):
    time.sleep(60)


def _eat_memory(path):
    blocks = []
    while True:
        blocks.append(bytearray(50 * 1024 * 1024))


def test_a_parser_that_hangs_is_stopped(tmp_path):
    started = time.monotonic()
    with pytest.raises(ResourceLimit, match="longer than 1s"):
        ingest._run_isolated(_hang, ("x.pdf",), timeout=1, memory_mb=512, path="x.pdf")
    assert time.monotonic() - started < 30


def test_a_parser_that_eats_memory_is_stopped():
    with pytest.raises(ResourceLimit, match="more than 200 MB"):
        ingest._run_isolated(_eat_memory, ("x.pdf",), timeout=60, memory_mb=200, path="x.pdf")


@pytest.mark.shared
def test_every_real_paper_ingests(shared_dir):
    papers = sorted((shared_dir / "corpus" / "whitepapers").glob("*.pdf"))
    gold_dir = shared_dir / "corpus" / "gold" / "whitepapers"
    assert len(papers) >= 30
    for pdf in papers:
        doc = open_document(pdf, layout="none")
        gold = json.loads((gold_dir / f"{pdf.stem}.json").read_text())
        assert doc.page_count == gold["pages"], pdf.name
        assert doc.text_layer == gold["text_layer"], pdf.name


@pytest.mark.shared
def test_reversed_text_runs_are_rebuilt_from_positions(shared_dir):
    # a real paper whose left-to-right text is marked right-to-left: pdfium reverses its words
    doc = open_document(shared_dir / "corpus" / "whitepapers" / "sirin-labs.pdf", layout="none")
    text = doc.page(29).text
    assert "The allocation of total SRN tokens will be as follows:" in text
    assert "vested over\na 12-months period" in text or "a 12-months period" in text
    assert any("reversed text runs" in w for w in doc.warnings)
