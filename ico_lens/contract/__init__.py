"""The contract stage: what a token contract's code can do (and, with an RPC node, its state).

:func:`analyse` is the whole stage in one call (``ico_lens.contract.pipeline``); the records are in
:mod:`ico_lens.contract.records`. Importing this package (or its records) loads no Slither: the
engine is imported when a contract is analysed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ico_lens.contract.pipeline import analyse

__all__ = ["analyse"]


def __getattr__(name: str):
    if name == "analyse":
        from ico_lens.contract.pipeline import analyse

        return analyse
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
