"""Claim–code alignment: what a white paper promised against what its token's code and the chain do.

``align(paper_facts, contract_report)`` returns an :class:`AlignmentReport` of
:class:`Finding` s (see :mod:`ico_lens.align.records` and :mod:`ico_lens.align.rules`). The names are
imported on first use, and none of them imports anything heavy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "align": "ico_lens.align.pipeline",
    "paper_statements": "ico_lens.align.pipeline",
    "AlignmentReport": "ico_lens.align.records",
    "Finding": "ico_lens.align.records",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'ico_lens.align' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
