"""Records of the paper stage: what ingestion makes of a white paper.

``Document`` is the contract between ingestion and every later stage (tokenomics, language): they read
it and never re-open the PDF. Page numbers are 1-based indices into the PDF file (not the number
printed on the page), as in ``corpus/GOLD.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import ClassVar

from ico_lens.records import ProjectRef, Record, to_dict

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


class DocumentStatus(str, Enum):
    OK = "ok"
    #: the PDF has (almost) no extractable text: scanned or pictures only
    NO_TEXT_LAYER = "no_text_layer"
    #: some pages are image-only (e.g. a scanned allocation chart) but most have text
    PARTIAL_TEXT = "partial_text"
    #: more pages than ``max_pages``: only the first ``max_pages`` were read
    TRUNCATED = "truncated"
    #: text is there but not in English; English-only analyses report it as such
    NOT_ENGLISH = "not_english"


@dataclass
class Word:
    """A word with its box on a layout page (used to pair labels with numbers); PDF points,
    origin at the top-left corner like pdfplumber's."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Page:
    number: int  # 1-based PDF page index
    width: float  # points
    height: float
    #: cleaned text for analysis: ligatures expanded, hyphenation across lines joined, bullet glyphs
    #: normalised, running headers/footers removed. Lines are kept (``\n``).
    text: str = ""
    #: text as pdfium returned it (normalised newlines only); kept for exact quotes. Like ``words`` it is
    #: not serialised, so it is no part of what makes two read-back pages equal
    raw_text: str = field(default="", metadata={"json": False}, compare=False)
    char_count: int = 0
    image_count: int = 0
    #: vector paths on the page (lines, rectangles): ruled tables and vector charts are drawn with them
    vector_count: int = 0
    #: True when the page has images but (almost) no text: a scanned page or a picture-only slide
    image_only: bool = False
    #: True when this page's layout was analysed: ``words`` filled in, ruled tables looked for
    layout_analyzed: bool = False
    #: words with coordinates (from pdfium's characters), only on layout-analysed pages
    words: list[Word] = field(default_factory=list, metadata={"json": False}, compare=False)


@dataclass
class Section:
    title: str
    level: int  # 1 = top level
    page_start: int
    page_end: int
    #: "outline" (the PDF's bookmarks) or "heuristic" (short heading-like lines)
    source: str = "heuristic"


@dataclass
class Table:
    page: int
    bbox: BBox
    rows: list[list[str | None]]
    #: "lines" (ruled table found by pdfplumber)
    method: str = "lines"


@dataclass
class Figure:
    """An embedded image: lets later stages say "allocation shown only as a chart"."""

    page: int
    bbox: BBox
    pixel_width: int
    pixel_height: int

    @property
    def area(self) -> float:
        x0, top, x1, bottom = self.bbox
        return max(0.0, x1 - x0) * max(0.0, bottom - top)


@dataclass
class DocumentMeta:
    title: str | None = None
    author: str | None = None
    creator: str | None = None
    producer: str | None = None
    creation_date: str | None = None
    pdf_version: str | None = None
    file_size: int = 0


@dataclass
class Document(Record):
    """An ingested white paper. ``to_dict(include_text=True)`` is the whole record (but the raw text and
    the words of layout pages): ``Document.from_dict(document.to_dict(include_text=True)) == document``."""

    path: str
    #: SHA-256 of the file's bytes: the document's identity in caches and the store
    content_id: str
    kind: str  # "pdf" | "text"
    status: DocumentStatus
    page_count: int  # pages in the file (may exceed len(pages) when truncated)
    pages: list[Page]
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    #: "en", "other" (text present but not English) or "unknown" (too little text)
    language: str = "unknown"
    warnings: list[str] = field(default_factory=list)
    #: seconds spent ingesting, for progress reports and benchmarks
    elapsed: float = 0.0

    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("ref",)

    @property
    def ref(self) -> ProjectRef:
        """The paper as a join key: its content id (a paper knows no chain)."""
        return ProjectRef(content_id=self.content_id, chain_id=None)

    @property
    def text_layer(self) -> bool:
        return self.status not in (DocumentStatus.NO_TEXT_LAYER,)

    @property
    def text(self) -> str:
        """Cleaned text of all pages, separated by form feeds (``\\f``)."""
        return "\f".join(p.text for p in self.pages)

    def page(self, number: int) -> Page:
        """The page with this 1-based number."""
        return self.pages[number - 1]

    def section_of(self, page_number: int) -> Section | None:
        """The innermost section that spans ``page_number``."""
        best = None
        for s in self.sections:
            if s.page_start <= page_number <= s.page_end and (best is None or s.level >= best.level):
                best = s
        return best

    def to_dict(self, *, include_text: bool = False) -> dict:
        data = to_dict(self)
        data["text_layer"] = self.text_layer
        if not include_text:
            for p in data["pages"]:
                p.pop("text", None)
        return data

    def to_json(self, *, include_text: bool = False, indent: int | None = 2) -> str:
        import json

        return json.dumps(self.to_dict(include_text=include_text), indent=indent, ensure_ascii=False)
