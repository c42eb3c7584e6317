"""The language stage: a white paper -> ``LanguageProfile`` (dictionary rates, readability, sentence
roles, disclosures). :func:`analyse` profiles one paper (:mod:`.pipeline`); :mod:`.batch` many.

Importing the package loads nothing: ``analyse`` is imported when first used.
"""

from ico_lens import lazy_exports

_EXPORTS = {
    "analyse": "ico_lens.language.pipeline",
}

__all__ = list(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
