"""selfdestruct: the token contract can destroy itself."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, register


@register
class SelfdestructDetector(FactDetector):
    NAME = "selfdestruct"
    DESCRIPTION = "An entry point of the token contract reaches selfdestruct/suicide."
    IMPACT = "high"
    CONFIDENCE = "high"
    ORDER = 110
    NEEDS_BALANCES = False

    def _detect(self) -> list[Finding]:
        for entry in self.model.entry_points:
            for e in self.model.effects(entry):
                if e.kind == "selfdestruct":
                    return [self.finding(f"{entry.name}() calls selfdestruct", e.node, e.function)]
        return []
