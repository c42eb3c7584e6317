"""The investor's score of one white paper (and its contract when given): 0-100 risk with a grade, from
named components, each with its points and evidence (see docs/score.md).

``score(facts, profile, alignment=..., contract=...)`` returns a :class:`ScoreReport`; the weights are
one table (:mod:`ico_lens.score.weights`), the reference percentiles a shipped JSON file
(:mod:`ico_lens.score.reference`). The names are imported on first use; none imports anything heavy.
"""

from ico_lens import lazy_exports

_EXPORTS = {
    "score": "ico_lens.score.pipeline",
    "ScoreReport": "ico_lens.score.records",
    "Weights": "ico_lens.score.weights",
    "load_weights": "ico_lens.score.weights",
    "Reference": "ico_lens.score.reference",
    "load_reference": "ico_lens.score.reference",
}

__all__ = list(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
