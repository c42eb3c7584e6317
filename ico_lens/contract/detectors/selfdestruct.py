"""selfdestruct: the token contract can destroy itself."""

from __future__ import annotations

from ico_lens.contract.analysis import entry_points_of
from ico_lens.contract.detectors.base import FactDetector, Finding, register


@register
class SelfdestructDetector(FactDetector):
    NAME = "selfdestruct"
    DESCRIPTION = "An entry point of the token contract reaches selfdestruct/suicide."
    IMPACT = "high"
    CONFIDENCE = "high"
    ORDER = 110
    NEEDS_BALANCES = False
    #: without a token, the contracts the file deploys (nothing inherits from them) are judged
    NEEDS_TOKEN = False

    def _detect(self) -> list[Finding]:
        model = self.model
        entries = model.entry_points if model.token is not None else [e for c in _deployed(model) for e in entry_points_of(c)]
        for entry in entries:
            for e in model.effects(entry):
                if e.kind == "selfdestruct":
                    return [self.finding(f"{entry.name}() calls selfdestruct", e.node, e.function)]
        return []


def _deployed(model):
    inherited = {base for c in model.contracts for base in c.inheritance}
    return [c for c in model.contracts if c not in inherited and not c.is_library]
