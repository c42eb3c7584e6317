"""Statistics over the feature store: outcomes imported and joined to projects, regressions
(statsmodels), cross-validated prediction and allocation archetypes (scikit-learn). See docs/stats.md.

>>> from ico_lens.store import load_features
>>> from ico_lens.stats import regress
>>> result = regress(load_features("corpus.db"), "log_raised_usd", ["insider_share", "word_count"])  # doctest: +SKIP
>>> print(result.table().as_text())                                                                     # doctest: +SKIP
"""

from ico_lens import lazy_exports

__all__ = ["model_data", "import_outcomes", "read_outcomes", "regress", "predict", "archetypes"]

__getattr__ = lazy_exports(__name__, {
    "model_data": "ico_lens.stats.data",
    "import_outcomes": "ico_lens.stats.outcomes",
    "read_outcomes": "ico_lens.stats.outcomes",
    "regress": "ico_lens.stats.regress",
    "predict": "ico_lens.stats.predict",
    "archetypes": "ico_lens.stats.archetypes",
})
