"""Statistics over the feature store: outcomes imported and joined to projects, regressions
(statsmodels), cross-validated prediction and allocation archetypes (scikit-learn), and the
replication table. See docs/stats.md.

>>> from ico_lens.stats import features_frame, regress
>>> result = regress(features_frame("corpus.db"), "log_raised_usd", ["insider_share", "log_words"])  # doctest: +SKIP
>>> print(result.n, result.params)                                                                  # doctest: +SKIP

The modules import only the standard library at load (pandas, statsmodels and scikit-learn when a
function runs), so they are imported here: a lazy attribute would be shadowed by the submodule of the
same name (``ico_lens.stats.regress``) once anything imported it.
"""

from ico_lens.stats.archetypes import archetypes
from ico_lens.stats.data import features_frame, model_data
from ico_lens.stats.outcomes import import_outcomes, read_outcomes
from ico_lens.stats.predict import predict
from ico_lens.stats.regress import regress, regression_table
from ico_lens.stats.replicate import replicate

__all__ = ["archetypes", "features_frame", "import_outcomes", "model_data", "predict", "read_outcomes", "regress",
           "regression_table", "replicate"]
