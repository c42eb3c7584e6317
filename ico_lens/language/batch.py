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
before the first paper is read, so a table can be written as the batch goes. Running, writing and
resuming batches is :mod:`ico_lens.batch`'s work.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence

from ico_lens.batch import each_record
from ico_lens.language.dictionaries import DEFAULT, Dictionary, Lexicon, lexicon
from ico_lens.language.pipeline import DIRECTORY_SUFFIXES, analyse
from ico_lens.language.records import DISCLOSURE_ASPECTS, SENTENCE_LABELS, Disclosure, LanguageProfile, ProfileStatus, Specified
from ico_lens.records import Failure

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
    shared_lexicon = lexicon_ or batch_lexicon(dictionaries, extra_dictionaries)

    def profile(path: str) -> LanguageProfile:
        return analyse(path, open_options=open_options, lexicon_=shared_lexicon, **profile_options)

    return each_record(paths, profile, progress=progress, suffixes=DIRECTORY_SUFFIXES)


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
        sentence_count=1,
        role_counts=dict.fromkeys(SENTENCE_LABELS, 0),
        disclosures={a: Disclosure(False, 0.0, Specified(False, 0.0)) for a in DISCLOSURE_ASPECTS},
    )
    columns = list(full.features())
    return columns + (list(FAILURE_COLUMNS) if with_failures else [])
