"""Fact detectors: one small class per fact, each in its own file, registered with :func:`register`.

Adding a fact is adding one file here (or anywhere, for a plug-in) with a decorated
:class:`FactDetector` subclass::

    from ico_lens.contract.detectors import FactDetector, register

    @register
    class ApproveDetector(FactDetector):
        NAME = "has_approve"           # the fact, in CodeFacts and in the JSON
        DESCRIPTION = "..."
        IMPACT, CONFIDENCE = "low", "high"

        def _detect(self):
            return [self.finding("approve() exists", None, f) for f in self.model.entry_points if f.name == "approve"]

The modules of this package are imported (and so registered) by :func:`registered`, the first time
facts are derived; ``ORDER`` decides the order they run in and the order of the facts in the JSON.
Detectors share queries through :class:`~ico_lens.contract.analysis.TokenModel` and the public
functions of :mod:`ico_lens.contract.detectors.base`, never through each other's modules.
"""

from __future__ import annotations

import importlib
import pkgutil

from ico_lens.contract.detectors.base import FactDetector, Finding, register, registry, unregister

_discovered = False


def registered() -> list[type[FactDetector]]:
    """Every registered detector, in the order they run (this package's own are imported first)."""
    global _discovered
    if not _discovered:
        for module in pkgutil.iter_modules(__path__):
            if module.name != "base":
                importlib.import_module(f"{__name__}.{module.name}")
        _discovered = True
    return registry()


__all__ = ["FactDetector", "Finding", "register", "registered", "unregister"]
