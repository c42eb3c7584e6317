"""Typed errors shared by every stage.

Library code raises these; only the CLI turns them into one-line messages (and exit code 2 for bad
input). Each stage may subclass them in its own module, e.g. ``contract`` defines
``UnverifiedContract(InputError)``.
"""

from __future__ import annotations


class IcoLensError(Exception):
    """Base class of every error ico_lens raises on purpose."""

    #: short machine-readable reason, stored in batch results (e.g. ``"encrypted_pdf"``)
    code = "error"

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:  # one line, naming the file when there is one
        text = " ".join(self.message.split())
        return f"{self.path}: {text}" if self.path else text


class InputError(IcoLensError):
    """The user's input cannot be processed (the CLI exits with code 2)."""

    code = "bad_input"


class NotFound(InputError):
    code = "not_found"


class EmptyFile(InputError):
    code = "empty_file"


class NotAPdf(InputError):
    code = "not_a_pdf"


class CorruptPdf(InputError):
    code = "corrupt_pdf"


class EncryptedPdf(InputError):
    code = "encrypted_pdf"


class NoPages(InputError):
    code = "no_pages"


class ResourceLimit(InputError):
    """Parsing a document exceeded its time or memory budget."""

    code = "resource_limit"


class DependencyMissing(IcoLensError):
    """An optional dependency (extra) needed for this operation is not installed."""

    code = "dependency_missing"
