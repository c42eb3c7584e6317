"""Build :class:`~ico_lens.paper.records.Document` records straight from page texts (no PDF).

Used by the terms/claims/facts tests: each page is a string, numbered from 1.
"""

from __future__ import annotations

from ico_lens.paper.records import Document, DocumentStatus, Page


def make_document(
    *pages: str,
    path: str = "papers/example.pdf",
    status: DocumentStatus = DocumentStatus.OK,
    language: str = "en",
) -> Document:
    return Document(
        path=path,
        content_id="0" * 64,
        kind="pdf",
        status=status,
        page_count=len(pages),
        pages=[
            Page(number=i, width=595.0, height=842.0, text=text, raw_text=text, char_count=len(text))
            for i, text in enumerate(pages, start=1)
        ],
        language=language,
    )
