"""Build ingestion records directly (no PDF needed) for the language tests."""

from __future__ import annotations

from ico_lens.paper.records import Document, DocumentStatus, Page, Section


def make_document(
    pages: list[str],
    *,
    sections: list[Section] | None = None,
    status: DocumentStatus = DocumentStatus.OK,
    language: str = "en",
    path: str = "paper.pdf",
) -> Document:
    return Document(
        path=path,
        content_id="0" * 64,
        kind="pdf",
        status=status,
        page_count=len(pages),
        pages=[Page(number=i + 1, width=595.0, height=842.0, text=t, char_count=len(t)) for i, t in enumerate(pages)],
        sections=sections or [],
        language=language,
    )
