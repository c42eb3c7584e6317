"""selfdestruct: the token contract can destroy itself."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding


class SelfdestructDetector(FactDetector):
    NAME = "selfdestruct"
    DESCRIPTION = "An entry point of the token contract reaches selfdestruct/suicide."
    IMPACT = "high"
    CONFIDENCE = "high"
    NEEDS_BALANCES = False

    def _detect(self) -> list[Finding]:
        for entry in self.model.entry_points:
            for e in self.model.effects(entry):
                if e.kind == "selfdestruct":
                    return [self.finding(f"{entry.name}() calls selfdestruct", e.node, e.function)]
        return []
