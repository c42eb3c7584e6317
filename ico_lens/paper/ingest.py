"""Open a white paper (PDF or plain text) into a :class:`~ico_lens.paper.records.Document`.

Text comes from pypdfium2 for every page (fast: hundreds of pages a second). pdfplumber, which is
about 40x slower, runs only on *layout pages*: the few pages that look like they hold a token
allocation, a use-of-funds breakdown or a table; it adds ruled tables and words with coordinates
there. Every document is parsed in a forked child process with a time and memory budget, so a PDF
that hangs or explodes the parser costs one error, not the batch.

Example::

    >>> from ico_lens.paper.ingest import open_document
    >>> doc = open_document("corpora/sample/build/aurora.pdf")          # doctest: +SKIP
    >>> doc.status.value, doc.page_count, [s.title for s in doc.sections][:3]  # doctest: +SKIP
    ('ok', 9, ['1 Introduction', '2 The Problem', '3 Our Solution'])
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import multiprocessing
import os
import re
import resource
import signal
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from ico_lens.files import check_file
from ico_lens.errors import (
    CorruptPdf,
    EmptyFile,
    EncryptedPdf,
    IcoLensError,
    InputError,
    NoPages,
    NotAPdf,
    NotFound,
    ResourceLimit,
)
from ico_lens.paper import clean, sections
from ico_lens.paper.records import (
    Document,
    DocumentMeta,
    DocumentStatus,
    Figure,
    Page,
    Table,
    Word,
)

DEFAULT_MAX_PAGES = 1000
DEFAULT_TIMEOUT = 120.0  # seconds per document
DEFAULT_MEMORY_MB = 3072  # address space a document may add to the process
DEFAULT_LAYOUT_PAGES = 10  # pages per document whose layout is analysed in layout="auto"
LAYOUT_PAGE_BUDGET = 20  # seconds pdfplumber may spend on one page before it is skipped
MIN_VECTORS_FOR_TABLE = 4  # a ruled table needs at least this many vector paths on its page

TEXT_SUFFIXES = {".txt", ".text", ".md"}
IMAGE_ONLY_MAX_CHARS = 80  # a page with images and fewer characters than this is a picture
TEXT_PAGE_MIN_CHARS = 200  # a page with at least this many characters carries real text

_LAYOUT_KEYWORDS = re.compile(
    r"distribution|allocation|allocated|use of (?:funds|proceeds)|proceeds|budget|tokenomics|"
    r"token sale|crowdsale|pre-?sale|total supply|token supply|emission|vesting|bounty|reserve|"
    r"raised funds|funding usage|spending|expenditure",
    re.I,
)
_PERCENT_RE = re.compile(r"\d(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)", re.I)
# long numbers (token amounts) and money amounts ("$3 million", "€ 2.5M")
_BIG_NUMBER_RE = re.compile(
    r"\b\d{1,3}(?:[,. ]\d{3}){2,}\b|[$€£]\s?\d[\d,.]*\s?(?:million|billion|mln|[mkb]\b)?", re.I
)


# --------------------------------------------------------------------------------------------------
# public API


def open_document(
    path: str | os.PathLike,
    *,
    layout: str = "auto",
    max_pages: int = DEFAULT_MAX_PAGES,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    isolate: bool = True,
) -> Document:
    """Read a PDF or plain-text white paper.

    Parameters
    ----------
    path:
        A ``.pdf`` file, or a ``.txt``/``.md`` file (pages split at form feeds, else one page).
    layout:
        ``"auto"`` runs pdfplumber (tables, words with coordinates) on the pages most likely to hold
        an allocation or use-of-funds breakdown; ``"all"`` on every page (slow); ``"none"`` never.
    max_pages:
        Pages beyond this are not read; the document gets status ``truncated``.
    timeout, memory_mb:
        Budget for one document when ``isolate`` is true (the default): parsing runs in a forked
        child that is killed when it overruns; :class:`~ico_lens.errors.ResourceLimit` is raised.
    isolate:
        Parse in a child process. Turn off to parse in-process (e.g. when debugging).

    Raises
    ------
    NotFound, EmptyFile, NotAPdf, CorruptPdf, EncryptedPdf, NoPages, ResourceLimit
        Bad input, each with a one-line message naming the file.
    """
    if layout not in ("auto", "all", "none"):
        raise ValueError(f"layout must be 'auto', 'all' or 'none', not {layout!r}")
    path = str(path)
    data = _read_input(path)
    if isolate and _can_fork():
        _preload(layout)
        return _run_isolated(_ingest_bytes, (path, data, layout, max_pages), timeout=timeout, memory_mb=memory_mb, path=path)
    return _ingest_bytes(path, data, layout, max_pages)


def analyze_layout(document: Document, page_numbers: Sequence[int]) -> Document:
    """Add words with coordinates and ruled tables for more pages of an ingested PDF (in place).

    For later stages that need coordinates on a page ingestion did not pick.
    """
    import pypdfium2 as pdfium

    todo = [n for n in page_numbers if 1 <= n <= len(document.pages) and not document.page(n).layout_analyzed]
    if document.kind != "pdf" or not todo:
        return document
    data = _read_input(document.path)
    if hashlib.sha256(data).hexdigest() != document.content_id:
        raise InputError("the file changed since it was ingested", path=document.path)
    pdf = pdfium.PdfDocument(data)
    try:
        _add_words(document, pdf, todo)
    finally:
        pdf.close()
    _add_tables(document, data, todo)
    return document


# --------------------------------------------------------------------------------------------------
# input checks


def _read_input(path: str) -> bytes:
    check_file(path)  # never opens what would block (a FIFO) or what cannot be named
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise NotFound(f"cannot read file ({exc.strerror})", path=path) from None
    if not data.strip():
        raise EmptyFile("file is empty", path=path)
    return data


def _is_text_input(path: str, data: bytes) -> bool:
    return Path(path).suffix.lower() in TEXT_SUFFIXES and b"%PDF-" not in data[:1024]


# --------------------------------------------------------------------------------------------------
# the work (runs in the child process when isolated)


def _ingest_bytes(path: str, data: bytes, layout: str, max_pages: int) -> Document:
    started = time.perf_counter()
    content_id = hashlib.sha256(data).hexdigest()
    if _is_text_input(path, data):
        doc = _text_document(path, data, content_id)
    else:
        doc = _pdf_document(path, data, content_id, layout, max_pages)
    doc.elapsed = time.perf_counter() - started
    return doc


def _text_document(path: str, data: bytes, content_id: str) -> Document:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    raw_pages = text.split("\f") if "\f" in text else [text]
    cleaned = clean.remove_running_lines([clean.clean_page_text(t) for t in raw_pages])
    pages = [
        Page(number=i, width=0.0, height=0.0, text=t, raw_text=clean.normalize_raw(r), char_count=len(t))
        for i, (t, r) in enumerate(zip(cleaned, raw_pages), start=1)
    ]
    doc = Document(
        path=path,
        content_id=content_id,
        kind="text",
        status=DocumentStatus.OK,
        page_count=len(pages),
        pages=pages,
        sections=sections.sections_from_text(cleaned),
        meta=DocumentMeta(file_size=len(data)),
    )
    _set_status(doc, truncated=False)
    return doc


def _pdf_document(path: str, data: bytes, content_id: str, layout: str, max_pages: int) -> Document:
    import pypdfium2 as pdfium

    if b"%PDF-" not in data[:1024]:
        raise NotAPdf(_what_is_it(path, data), path=path)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _pdfium_error(exc, path) from None
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise NoPages("the PDF has no pages", path=path)
        n_read = min(page_count, max_pages)
        raw_texts, pages, figures, warnings, reversed_pages = [], [], [], [], []
        for index in range(n_read):
            page, page_figures, raw = _read_page(pdf, index, warnings, reversed_pages)
            pages.append(page)
            figures.extend(page_figures)
            raw_texts.append(raw)
        if reversed_pages:
            warnings.append(
                "reversed text runs (right-to-left marks on left-to-right text) rebuilt from "
                f"character positions on pages {page_ranges(reversed_pages)}"
            )
        cleaned = clean.remove_running_lines([clean.clean_page_text(t) for t in raw_texts])
        for page, text in zip(pages, cleaned):
            page.text = text
            page.char_count = len(text)
            page.image_only = page.image_count > 0 and len(text) < IMAGE_ONLY_MAX_CHARS
        outline = _outline(pdf)
        meta = _metadata(pdf, len(data))
        doc = Document(
            path=path,
            content_id=content_id,
            kind="pdf",
            status=DocumentStatus.OK,
            page_count=page_count,
            pages=pages,
            sections=(sections.sections_from_outline(outline, n_read) if outline else sections.sections_from_text(cleaned)),
            figures=figures,
            meta=meta,
            warnings=warnings,
        )
        if n_read < page_count:
            doc.warnings.append(f"only the first {n_read} of {page_count} pages were read (max_pages)")
        _set_status(doc, truncated=n_read < page_count)
        wanted = []
        if layout != "none" and doc.status is not DocumentStatus.NO_TEXT_LAYER:
            wanted = [p.number for p in doc.pages] if layout == "all" else sorted({*layout_candidates(doc), *legend_pages(doc)})
            _add_words(doc, pdf, wanted)
    finally:
        pdf.close()
    _add_tables(doc, data, wanted)
    return doc


def _read_page(pdf, index: int, warnings: list[str], reversed_pages: list[int]) -> tuple[Page, list[Figure], str]:
    import pypdfium2 as pdfium

    number = index + 1
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        warnings.append(f"page {number} could not be loaded")
        return Page(number=number, width=0.0, height=0.0, text=""), [], ""
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        raw = textpage.get_text_range()
        if clean.looks_reversed(clean.normalize_raw(raw)):
            # The PDF marks left-to-right text as right-to-left and pdfium reversed each line's
            # words: rebuild the lines from the characters' positions instead.
            raw = text_from_words(pdfium_words(textpage.raw, height))
            reversed_pages.append(number)
        textpage.close()
        boxes, vectors = _page_objects(page.raw)
        figures = [
            Figure(page=number, bbox=(left, round(height - top, 1), right, round(height - bottom, 1)), pixel_width=w, pixel_height=h)
            for left, bottom, right, top, w, h in boxes
        ]
        return (
            Page(
                number=number,
                width=round(width, 1),
                height=round(height, 1),
                text="",
                raw_text=clean.normalize_raw(raw),
                image_count=len(figures),
                vector_count=vectors,
            ),
            figures,
            raw,
        )
    finally:
        page.close()


def _page_objects(raw_page, max_depth: int = 2) -> tuple[list[tuple[float, float, float, float, int, int]], int]:
    """``(left, bottom, right, top, pixel_width, pixel_height)`` of each image on a page, and the
    number of vector paths (lines, rectangles: what tables and charts are drawn with).

    Walks the page objects through pdfium's C API: pypdfium2's ``get_objects`` wraps every object
    (designed papers have thousands of vector paths per page) in Python and costs 10x more.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    width, height = ctypes.c_uint(), ctypes.c_uint()
    get_type, image, form = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    boxes = []
    vectors = 0

    def walk(objects, depth):
        nonlocal vectors
        for obj in objects:
            kind = get_type(obj)
            if kind == path:
                vectors += 1
            elif kind == image:
                pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                if not pdfium_c.FPDFImageObj_GetImagePixelSize(obj, width, height):
                    width.value = height.value = 0
                boxes.append((round(left.value, 1), round(bottom.value, 1), round(right.value, 1), round(top.value, 1), width.value, height.value))
            elif kind == form and depth < max_depth:
                get = pdfium_c.FPDFFormObj_GetObject
                walk((get(obj, j) for j in range(pdfium_c.FPDFFormObj_CountObjects(obj))), depth + 1)

    get = pdfium_c.FPDFPage_GetObject
    walk((get(raw_page, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw_page))), 1)
    return boxes, vectors


def _outline(pdf) -> list[tuple[str, int, int]]:
    entries = []
    try:
        for bm in pdf.get_toc(max_depth=4):
            dest = bm.get_dest()
            index = dest.get_index() if dest is not None else None
            if index is not None:
                entries.append((bm.get_title(), bm.level, index + 1))
    except Exception:  # a broken outline is not worth failing the document
        return []
    return entries


def _metadata(pdf, size: int) -> DocumentMeta:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        info = {}
    version = pdf.get_version()
    return DocumentMeta(
        title=info.get("Title"),
        author=info.get("Author"),
        creator=info.get("Creator"),
        producer=info.get("Producer"),
        creation_date=info.get("CreationDate"),
        pdf_version=f"{version // 10}.{version % 10}" if version else None,
        file_size=size,
    )


def _set_status(doc: Document, *, truncated: bool) -> None:
    pages = doc.pages
    text_pages = sum(p.char_count >= TEXT_PAGE_MIN_CHARS for p in pages)
    total_chars = sum(p.char_count for p in pages)
    image_only = [p.number for p in pages if p.image_only]
    doc.language = clean.guess_language(doc.text)
    pictures = sum(p.image_count > 0 for p in pages if p.char_count < TEXT_PAGE_MIN_CHARS)
    textless = sum(p.char_count < TEXT_PAGE_MIN_CHARS for p in pages)
    # Scanned: few pages carry text and the others are pictures (or there is no text at all).
    if total_chars < 50 or (text_pages < 0.2 * len(pages) and pictures >= 0.5 * textless):
        doc.status = DocumentStatus.NO_TEXT_LAYER
        doc.warnings.append(
            f"no usable text layer: {text_pages} of {len(pages)} pages carry text (scanned or pictures only)"
        )
        return
    if doc.language == "other":
        doc.status = DocumentStatus.NOT_ENGLISH
        doc.warnings.append("the text does not look like English; English-only analyses will be weak")
    elif truncated:
        doc.status = DocumentStatus.TRUNCATED
    elif len(image_only) >= 0.3 * len(pages):
        doc.status = DocumentStatus.PARTIAL_TEXT
    if image_only:
        doc.warnings.append(f"{len(image_only)} page(s) are images without text: {page_ranges(image_only)}")


def page_ranges(numbers: list[int]) -> str:
    """"1-3, 7" from sorted page numbers."""
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(out)


# --------------------------------------------------------------------------------------------------
# layout pages (pdfplumber)


def layout_candidates(doc: Document, limit: int = DEFAULT_LAYOUT_PAGES) -> list[int]:
    """Pages most likely to hold an allocation, use of funds or numeric table, best first.

    Score: tokenomics keywords on the page (headings count double) plus the density of percentages
    and long numbers. Pages without such a keyword or without numbers are never candidates.
    """
    scored = []
    for page in doc.pages:
        text = page.text
        keywords = len(_LAYOUT_KEYWORDS.findall(text))
        numbers = len(_PERCENT_RE.findall(text)) + len(_BIG_NUMBER_RE.findall(text))
        if keywords == 0 or numbers < 2:
            continue
        section = doc.section_of(page.number)
        if section and _LAYOUT_KEYWORDS.search(section.title):
            keywords += 2
        scored.append((keywords * 2 + min(numbers, 12), page.number))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return sorted(n for _, n in scored[:limit])


#: a line that is only a percentage: a chart legend's number, paired with its label by coordinates
LONE_PERCENT_RE = re.compile(r"^\W*(?:\d{1,3}(?:[.,]\d{1,3})?\s?%)\W*$")


def legend_pages(doc: Document) -> list[int]:
    """Pages holding a chart legend: two or more lines that are only a percentage. Their words are read
    at ingestion so that tokenomics pairs each number with its label without re-opening the PDF."""
    wanted = []
    for page in doc.pages:
        if page.image_only:
            continue
        lonely = sum(1 for line in (page.text or "").split("\n") if LONE_PERCENT_RE.match(line.strip()))
        if lonely >= 2:
            wanted.append(page.number)
    return wanted


def _add_words(doc: Document, pdf, page_numbers: Sequence[int]) -> None:
    """Words with coordinates from pdfium's characters (C speed; pdfplumber would cost ~40x)."""
    for number in page_numbers:
        page = pdf[number - 1]
        try:
            textpage = page.get_textpage()
            doc.page(number).words = pdfium_words(textpage.raw, page.get_height())
            doc.page(number).layout_analyzed = True
            textpage.close()
        finally:
            page.close()


def pdfium_words(raw_textpage, page_height: float, *, x_tolerance: float = 3.0) -> list[Word]:
    """Group a pdfium text page's characters into words with boxes (origin top-left).

    A word ends at whitespace, at a gap wider than ``x_tolerance`` points, or where the next
    character sits on another line. Boxes are pdfium's loose (font-height) boxes, so all words on a
    line share top and bottom, as with pdfplumber.
    """
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    words: list[Word] = []
    chars: list[str] = []
    x0 = top = x1 = bottom = 0.0

    def flush():
        if chars:
            words.append(Word(text="".join(chars), x0=round(x0, 1), top=round(page_height - top, 1), x1=round(x1, 1), bottom=round(page_height - bottom, 1)))
            chars.clear()

    for i in range(pdfium_c.FPDFText_CountChars(raw_textpage)):
        code = get_unicode(raw_textpage, i)
        if code in (0xFFFE, 0x02) or code < 0x21 or code in (0xA0, 0x2002, 0x2003, 0x2009, 0x202F, 0x3000):
            flush()
            continue
        get_box(raw_textpage, i, rect)
        if chars and (rect.left - x1 > x_tolerance or rect.left < x0 - x_tolerance or abs(rect.top - top) > 0.5 * (top - bottom)):
            flush()
        if not chars:
            x0, top, x1, bottom = rect.left, rect.top, rect.right, rect.bottom
        else:
            x1, top, bottom = max(x1, rect.right), max(top, rect.top), min(bottom, rect.bottom)
        chars.append(chr(code))
    flush()
    return words


def text_from_words(words: Sequence[Word], *, line_tolerance: float = 2.0) -> str:
    """Text in reading order from positioned words: lines top to bottom, words left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= line_tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for line in lines:
        parts, previous = [], None
        for word in sorted(line, key=lambda w: w.x0):
            # touching boxes are one word split by pdfium (e.g. "future" + ","): no space
            if previous is not None and word.x0 - previous.x1 > 0.8:
                parts.append(" ")
            parts.append(word.text)
            previous = word
        out.append("".join(parts))
    return "\n".join(out)


def _add_tables(doc: Document, data: bytes, page_numbers: Sequence[int]) -> None:
    """Ruled tables by pdfplumber, each page under a time budget.

    pdfplumber is slow: it only looks at pages with enough vector paths to draw a ruled table.
    """
    wanted = sorted({n for n in page_numbers if doc.page(n).vector_count >= MIN_VECTORS_FOR_TABLE})
    if not wanted:
        return
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data), pages=wanted)
    except Exception as exc:  # pdfminer disagrees with pdfium about this file
        doc.warnings.append(f"table analysis skipped: {type(exc).__name__}: {exc}"[:200])
        return
    with pdf:
        for plumber_page in pdf.pages:
            number = plumber_page.page_number
            try:
                with _time_budget(LAYOUT_PAGE_BUDGET):
                    tables = [
                        Table(page=number, bbox=tuple(round(v, 1) for v in t.bbox), rows=t.extract())
                        for t in plumber_page.find_tables()
                    ]
            except _PageTimeout:
                doc.warnings.append(f"table analysis of page {number} took over {LAYOUT_PAGE_BUDGET}s: skipped")
                continue
            except Exception as exc:
                doc.warnings.append(f"table analysis of page {number} failed: {type(exc).__name__}")
                continue
            doc.tables.extend(t for t in tables if _is_real_table(t))
            plumber_page.flush_cache()
    doc.tables.sort(key=lambda t: (t.page, t.bbox[1]))


def _is_real_table(table: Table) -> bool:
    """A ruled table with at least two rows and two non-empty cells in some row."""
    rows = [r for r in table.rows if any(c and c.strip() for c in r)]
    return len(rows) >= 2 and any(sum(bool(c and c.strip()) for c in r) >= 2 for r in rows)


class _PageTimeout(Exception):
    pass


@contextlib.contextmanager
def _time_budget(seconds: int):
    """SIGALRM-based budget; pdfplumber is pure Python, so the alarm interrupts it.

    Only possible in the main thread; elsewhere the document-level timeout still applies.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise _PageTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------------------------------
# errors


def _pdfium_error(exc, path: str) -> InputError:
    import pypdfium2.raw as pdfium_c

    code = getattr(exc, "err_code", None)
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return EncryptedPdf("the PDF is encrypted and needs a password", path=path)
    if code == pdfium_c.FPDF_ERR_SUCCESS:
        # pdfium refuses a well-formed document whose page tree is empty without an error code
        return NoPages("the PDF has no pages", path=path)
    return CorruptPdf("the PDF is damaged or truncated and cannot be parsed", path=path)


def _what_is_it(path: str, data: bytes) -> str:
    head = data[:16]
    if Path(path).suffix.lower() == ".sol" or b"pragma solidity" in data[:4096]:
        return f"Solidity source code, not a white paper (for a token contract: ico-lens contract {path})"
    if head.startswith(b"PK\x03\x04"):
        return "not a PDF (a ZIP/Office file)"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "not a PDF (an HTML page)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "not a PDF (an image)"
    return "not a PDF (no %PDF- header)"


# --------------------------------------------------------------------------------------------------
# isolation: a forked child with a time and memory budget


def _preload(layout: str) -> None:
    """Import the parsers in the parent once, so that each forked child does not pay for it."""
    import pypdfium2  # noqa: F401

    if layout != "none":
        import pdfplumber  # noqa: F401


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run_isolated(fn, args: tuple, *, timeout: float, memory_mb: int, path: str):
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_main, args=(sender, fn, args, memory_mb), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ResourceLimit(f"parsing took longer than {timeout:g}s and was stopped", path=path)
        try:
            ok, payload = receiver.recv()
        except EOFError:
            child.join(5)
            signal_no = -child.exitcode if child.exitcode and child.exitcode < 0 else None
            reason = f"killed by signal {signal_no}" if signal_no else f"exit code {child.exitcode}"
            raise ResourceLimit(f"the PDF parser crashed ({reason}); the file is probably malformed", path=path) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    if ok:
        return payload
    raise payload


def _child_main(sender, fn, args, memory_mb: int) -> None:
    _limit_memory(memory_mb)
    try:
        result = (True, fn(*args))
    except IcoLensError as exc:
        result = (False, exc)
    except MemoryError:
        result = (False, ResourceLimit(f"parsing needed more than {memory_mb} MB and was stopped", path=args[0]))
    except RecursionError:
        result = (False, CorruptPdf("the PDF's structure is too deeply nested to parse", path=args[0]))
    except Exception as exc:  # a parser bug on a strange file: one line, not a traceback
        result = (False, CorruptPdf(f"the PDF could not be parsed ({type(exc).__name__}: {exc})"[:300], path=args[0]))
    try:
        sender.send(result)
    except Exception as exc:  # e.g. the result cannot be pickled
        sender.send((False, ResourceLimit(f"result could not be returned ({type(exc).__name__})", path=args[0])))
    finally:
        sender.close()


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's address space at its current size plus ``memory_mb``."""
    try:
        with open("/proc/self/statm") as f:
            current = int(f.read().split()[0]) * resource.getpagesize()
        limit = current + memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        pass  # not Linux, or not allowed: the timeout still bounds the work
