"""The paper stage as one call: a white paper's file in, a :class:`PaperReport` out.

>>> from ico_lens.paper import analyse
>>> report = analyse("corpora/sample/build/aurora.pdf")               # doctest: +SKIP
>>> report.document.status.value, report.facts.token_symbol            # doctest: +SKIP
('ok', 'AUR')

``ico-lens extract`` prints :meth:`PaperReport.to_dict` (``--json``) or its text rendering
(:func:`ico_lens.report.document.render_report`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ico_lens.paper.ingest import open_document
from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics.facts import PaperFacts, extract_facts
from ico_lens.records import from_dict

#: the files taken from a directory given as input
DIRECTORY_SUFFIXES = (".pdf",)


@dataclass
class PaperReport:
    """One white paper read: the ingested document and the token facts found in it."""

    document: Document
    #: ``None`` when facts were not asked for (``analyse(..., facts=False)``)
    facts: PaperFacts | None = None

    @property
    def path(self) -> str:
        return self.document.path

    def to_dict(self, *, include_text: bool = False) -> dict:
        """The facts' GOLD.md record with ``path`` and the ``document`` (pages' text with ``include_text``)."""
        record = self.facts.to_dict() if self.facts is not None else {}
        record["path"] = self.document.path
        record["document"] = self.document.to_dict(include_text=include_text)
        return record

    @classmethod
    def from_dict(cls, data: dict) -> "PaperReport":
        facts = {k: v for k, v in data.items() if k not in ("path", "document")}
        return cls(
            document=from_dict(Document, data["document"]),
            facts=PaperFacts.from_dict(facts) if facts else None,
        )


def analyse(path: str | os.PathLike, *, facts: bool = True, ocr: bool | None = None, **open_options) -> PaperReport:
    """Read the white paper at ``path`` (PDF or plain text) and extract its token facts.

    ``open_options``: keywords of :func:`~ico_lens.paper.ingest.open_document` (``layout``,
    ``max_pages``, ``timeout`` ...). ``facts=False`` only ingests. ``ocr``: read distributions that exist
    only as chart pictures with Tesseract (``None``: when installed; ``False``: never). Bad input raises the typed errors of
    ``open_document`` (:class:`~ico_lens.errors.InputError` subclasses), each one line naming the file.
    """
    document = open_document(path, **open_options)
    return PaperReport(document, extract_facts(document, ocr=ocr) if facts else None)
