"""Profile many white papers in one process: the models and dictionaries are loaded once, and a paper
that cannot be read becomes a :class:`~ico_lens.records.Failure` while the batch goes on.

>>> from ico_lens.language.batch import profile_papers
>>> for result in profile_papers(["a.pdf", "b.txt"], use_models=False):  # doctest: +SKIP
...     print(result.path, result.status)
a.pdf ok
b.txt failed

Each result is a :class:`~ico_lens.language.records.LanguageProfile` (``status`` ok, too_short, empty,
no_text_layer or not_english) or a ``Failure`` (``status`` "failed", with the error's code and a
one-line message). :func:`feature_columns` names the columns of
:meth:`LanguageProfile.features() <ico_lens.language.records.LanguageProfile.features>` rows, known
before the first paper is read, so a table can be written as the batch goes; :func:`resume_output`
lets a batch that was stopped go on where it stopped, appending to the same file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ico_lens.errors import IcoLensError, InputError
from ico_lens.language.dictionaries import DEFAULT, Dictionary, Lexicon, lexicon
from ico_lens.language.records import DISCLOSURE_ASPECTS, Disclosure, LanguageProfile, ProfileStatus, Specified
from ico_lens.records import Failure

log = logging.getLogger(__name__)

#: what a Failure adds to a row
FAILURE_COLUMNS = ("error", "message")


def profile_papers(
    paths: Iterable[str],
    *,
    dictionaries: Sequence[str] = DEFAULT,
    extra_dictionaries: Iterable[Dictionary] = (),
    lexicon_: Lexicon | None = None,
    open_options: dict | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    **profile_options,
) -> Iterator[LanguageProfile | Failure]:
    """Open and profile each paper in turn (a generator: results come as they are ready).

    Parameters
    ----------
    paths:
        White papers (.pdf, .txt, .md).
    dictionaries, extra_dictionaries:
        As for :func:`~ico_lens.language.profile.profile_document`; the lexicon is built once.
    lexicon_:
        A ready :class:`Lexicon` (overrides the two above; :func:`batch_lexicon` builds one).
    open_options:
        Keyword arguments of :func:`~ico_lens.paper.ingest.open_document` (``timeout``, ``max_pages`` ...).
    progress:
        Called as ``progress(index, total, path)`` before each paper (1-based index).
    profile_options:
        Passed to :func:`~ico_lens.language.profile.profile_document` (``use_models``,
        ``with_readability``, ``top_sentences`` ...).
    """
    from ico_lens.language.profile import profile_document
    from ico_lens.paper.ingest import open_document

    paths = [str(p) for p in paths]
    shared_lexicon = lexicon_ or batch_lexicon(dictionaries, extra_dictionaries)
    for index, path in enumerate(paths, start=1):
        if progress:
            progress(index, len(paths), path)
        try:
            document = open_document(path, **(open_options or {}))
            yield profile_document(document, lexicon_=shared_lexicon, **profile_options)
        except IcoLensError as exc:
            yield Failure.of(path, exc)
        except Exception as exc:  # a fault of ours on one paper must not lose the rest of the batch
            log.debug("%s: internal error while profiling", path, exc_info=True)
            yield Failure.of(path, exc)


def batch_lexicon(dictionaries: Sequence[str] = DEFAULT, extra_dictionaries: Iterable[Dictionary] = ()) -> Lexicon:
    """The lexicon a batch applies to every paper (bundled ``dictionaries`` plus ``extra_dictionaries``)."""
    return lexicon(dictionaries, extra=list(extra_dictionaries) or None)


def feature_columns(categories: Iterable[str], *, with_readability: bool = True, with_failures: bool = True) -> list[str]:
    """Every column a :meth:`LanguageProfile.features` row of a batch may have, in a stable order.

    ``categories``: the lexicon's categories (:attr:`Lexicon.categories`). With ``with_failures``,
    the two columns of a failed paper (``error``, ``message``) come last.
    """
    from ico_lens.language.readability import KEYS

    # The columns are those of a profile with every field filled: derived from features() itself,
    # so the header and the rows cannot drift apart.
    full = LanguageProfile(
        path="",
        status=ProfileStatus.OK,
        categories=dict.fromkeys(categories, 0.0),
        readability=dict.fromkeys(KEYS, 0.0) if with_readability else {},
        disclosures={a: Disclosure(False, 0.0, Specified(False, 0.0)) for a in DISCLOSURE_ASPECTS},
    )
    columns = list(full.features())
    return columns + (list(FAILURE_COLUMNS) if with_failures else [])


# --- resumable output files ----------------------------------------------------------------------------


def resume_output(path: str | os.PathLike, columns: Sequence[str] | None = None) -> set[str]:
    """Prepare ``path`` to take more records of a batch, and return the papers it already holds.

    ``columns``: the CSV header the batch writes (``None``: a JSON-lines file). A last line cut
    half-way (the previous run was killed while writing it) is removed, so no half-written record
    stays. Every paper with a record, failed ones included, counts as done (delete a failure's line to
    try the paper again). Paths are compared as absolute paths. A missing or empty file holds nothing.
    Raises :class:`~ico_lens.errors.InputError` when the file is not what this batch writes (another
    CSV header, lines that are not JSON records).
    """
    import csv
    import json

    target = Path(path)
    if target.is_dir():
        raise InputError("is a directory, not a file to write records to", path=str(target))
    if not target.is_file() or target.stat().st_size == 0:
        return set()
    _cut_partial_last_line(target)
    done: set[str] = set()
    with target.open(encoding="utf-8", newline="") as f:
        if columns is not None:
            reader = csv.reader(f)
            header = next(reader, None)
            if header is not None and header != list(columns):
                raise InputError(
                    "it has other CSV columns than this batch writes (other dictionaries or options?): "
                    "write to a new file",
                    path=str(target),
                )
            done.update(os.path.abspath(row[0]) for row in reader if row)
        else:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    done.add(os.path.abspath(json.loads(line)["path"]))
                except (ValueError, KeyError, TypeError):
                    raise InputError(f"line {number} is not a record of ico-lens language --jsonl", path=str(target)) from None
    return done


def _cut_partial_last_line(path: Path) -> None:
    with path.open("rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
    data = path.read_bytes()  # rare: only after a run was killed mid-line
    with path.open("rb+") as f:
        f.truncate(data.rfind(b"\n") + 1)
