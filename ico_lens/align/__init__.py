"""Claim–code alignment: what a white paper promised against what its token's code and the chain do.

``align(paper_facts, contract_report)`` returns an :class:`AlignmentReport` of
:class:`Finding` s (see :mod:`ico_lens.align.records` and :mod:`ico_lens.align.rules`). The names are
imported on first use, and none of them imports anything heavy.
"""

from ico_lens import lazy_exports

_EXPORTS = {
    "align": "ico_lens.align.pipeline",
    "paper_statements": "ico_lens.align.pipeline",
    "AlignmentReport": "ico_lens.align.records",
    "Finding": "ico_lens.align.records",
}

__all__ = list(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
