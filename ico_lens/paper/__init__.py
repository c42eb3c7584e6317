"""The paper stage: a white paper (PDF or text) -> ``Document`` (:mod:`.ingest`) -> ``PaperFacts``
(:mod:`.tokenomics`). :func:`analyse` runs both and returns a :class:`~.pipeline.PaperReport`.

Importing the package loads nothing: ``analyse`` and ``PaperReport`` are imported when first used.
"""

from ico_lens import lazy_exports

_EXPORTS = {
    "analyse": "ico_lens.paper.pipeline",
    "PaperReport": "ico_lens.paper.pipeline",
}

__all__ = list(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
