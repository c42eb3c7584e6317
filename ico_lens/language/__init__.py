"""The language stage: a white paper -> ``LanguageProfile`` (dictionary rates, readability, sentence
roles, disclosures). :func:`analyse` profiles one paper (:mod:`.pipeline`); :mod:`.batch` many.

Importing the package loads nothing: ``analyse`` is imported when first used.
"""

__all__ = ["analyse"]


def __getattr__(name: str):
    if name in __all__:
        from ico_lens.language import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
