"""The paper stage: a white paper (PDF or text) -> ``Document`` (:mod:`.ingest`) -> ``PaperFacts``
(:mod:`.tokenomics`). :func:`analyse` runs both and returns a :class:`~.pipeline.PaperReport`.

Importing the package loads nothing: ``analyse`` and ``PaperReport`` are imported when first used.
"""

__all__ = ["analyse", "PaperReport"]


def __getattr__(name: str):
    if name in __all__:
        from ico_lens.paper import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
