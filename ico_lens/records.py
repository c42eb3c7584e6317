"""Helpers shared by the typed records of every stage.

Records are plain dataclasses. Each stage defines its own in ``<stage>/records.py``; they serialise to
JSON with the field names of ``corpus/GOLD.md`` through :func:`to_dict`.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import Any


def to_dict(record: Any) -> Any:
    """Convert a record (dataclass, list, dict, enum) to JSON-ready Python values.

    Fields whose name starts with ``_`` are internal and left out.
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: to_dict(getattr(record, f.name))
            for f in dataclasses.fields(record)
            if not f.name.startswith("_") and f.metadata.get("json", True)
        }
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, dict):
        return {str(k): to_dict(v) for k, v in record.items()}
    if isinstance(record, (list, tuple)):
        return [to_dict(v) for v in record]
    return record


def to_json(record: Any, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(record), indent=indent, ensure_ascii=False)


@dataclasses.dataclass
class Failure:
    """An input a batch could not process: recorded in the batch's output, and the batch goes on.

    >>> from ico_lens.errors import EncryptedPdf
    >>> Failure.of("a.pdf", EncryptedPdf("the PDF is encrypted", path="a.pdf")).to_dict()
    {'path': 'a.pdf', 'status': 'failed', 'error': 'encrypted_pdf', 'message': 'a.pdf: the PDF is encrypted'}
    """

    path: str
    status: str = "failed"
    #: machine-readable reason: the error's ``code`` (``encrypted_pdf``, ``resource_limit`` ...), or
    #: ``internal_error`` for a fault of ico_lens itself
    error: str = "error"
    #: one line for the user
    message: str = ""

    @classmethod
    def of(cls, path: str, exc: BaseException) -> "Failure":
        code = getattr(exc, "code", None) or "internal_error"
        message = " ".join(str(exc).split()) or type(exc).__name__
        return cls(path=str(path), error=code, message=message if len(message) <= 300 else message[:297] + "...")

    def to_dict(self) -> dict:
        return to_dict(self)
