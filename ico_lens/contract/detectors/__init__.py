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

from ico_lens.contract.detectors.base import DETECTORS, FactDetector, Finding, register, unregister


def registered() -> list[type[FactDetector]]:
    """Every registered detector, in the order they run (this package's own are imported first)."""
    return DETECTORS.classes()


__all__ = ["DETECTORS", "FactDetector", "Finding", "register", "registered", "unregister"]
