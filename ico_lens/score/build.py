"""Building the reference percentiles (what ``ico-lens score --build-reference`` runs).

From papers: each goes through the paper and language stages (dictionaries only: the features the
reference keeps are dictionary rates and allocation shares, which the models do not change), and a
paper that cannot be read is left out and counted. From a feature store: the ``features`` view of
``ico-lens batch``'s SQLite store, one row per project.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ico_lens.score.features import FEATURES, derive, paper_features
from ico_lens.score.reference import Reference


def reference_from_rows(rows: Iterable[dict], *, source: str, command: str) -> Reference:
    """A reference from the score's features of each paper (:func:`~ico_lens.score.features.derive`)."""
    rows = list(rows)
    values = {name: [row.get(name) for row in rows] for name in FEATURES}
    return Reference.from_values(values, source=source, papers=len(rows), command=command)


def features_of_papers(paths: Sequence[str], *, progress: Callable[[int, int, str], None] | None = None,
                       failed: list[str] | None = None) -> list[dict]:
    """The score's features of every paper that reads; the paths of the others go to ``failed``."""
    from ico_lens.batch import each_record
    from ico_lens.records import Failure

    rows = []
    for index, record in enumerate(each_record(paths, _features_of_paper, progress=progress)):
        if isinstance(record, Failure):
            if failed is not None:
                failed.append(paths[index])
        else:
            rows.append(record)
    return rows


def _features_of_paper(path: str) -> dict:
    import ico_lens.language
    import ico_lens.paper

    paper = ico_lens.paper.analyse(path)
    profile = ico_lens.language.analyse(paper.document, use_models=False)
    return paper_features(paper.facts, profile)


def features_of_store(db) -> list[dict]:
    """The score's features of every project in a feature store (``ico_lens.store.load_features``)."""
    from ico_lens.store.load import load_features

    frame = load_features(db)
    return [derive(row) for row in frame.to_dict(orient="records")]
