"""The contract stage: what a token contract's code can do (and, with an RPC node, its state).

:func:`analyse` is the whole stage in one call (``ico_lens.contract.pipeline``); the records are in
:mod:`ico_lens.contract.records`. Importing this package (or its records) loads no Slither: the
engine is imported when a contract is analysed.
"""

from ico_lens import lazy_exports

_EXPORTS = {
    "analyse": "ico_lens.contract.pipeline",
}

__all__ = list(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
