"""The language stage as one call: a white paper (its file, or its ingested ``Document``) in, a
:class:`~ico_lens.language.records.LanguageProfile` out.

>>> from ico_lens.language import analyse
>>> profile = analyse("paper.pdf", use_models=False)                       # doctest: +SKIP
>>> profile.categories["risk_regulatory"], profile.disclosures["vesting"].present  # doctest: +SKIP
"""

from __future__ import annotations

import os
from typing import Callable

from ico_lens.language import profile
from ico_lens.language.records import LanguageProfile
from ico_lens.paper.ingest import open_document
from ico_lens.paper.records import Document

#: the files taken from a directory given as input
DIRECTORY_SUFFIXES = (".pdf", ".txt")


def analyse(
    source: str | os.PathLike | Document,
    *,
    open_options: dict | None = None,
    on_step: Callable[[str], None] | None = None,
    **profile_options,
) -> LanguageProfile:
    """Profile the language of ``source``: a path (read first) or an ingested ``Document``.

    ``open_options``: keywords of :func:`~ico_lens.paper.ingest.open_document` (``timeout`` ...);
    ``profile_options``: those of :func:`~ico_lens.language.profile.profile_document` (``use_models``,
    ``lexicon_``, ``top_sentences`` ...). ``on_step(message)`` hears what is being done once the paper
    is read, when the slow part (the models) comes; bad input raises before it is called.
    """
    document = source if isinstance(source, Document) else open_document(source, **(open_options or {}))
    if on_step and profile_options.get("use_models", True):
        on_step(
            f"{document.path}: {len(document.pages)} pages read; profiling their language with the MiniLM "
            "models (loading them and reading every sentence takes up to a minute)"
        )
    return profile.profile_document(document, **profile_options)
