"""can_mint_after_deploy: an entry point callable after deployment raises the total supply."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding


def minting_entries(model) -> list[tuple]:
    """(entry point, effect) for every post-deployment write that can raise the supply: an
    addition to it, or setting it to a value that does not come from a subtraction."""
    found = []
    for entry in model.entry_points:
        for effect in model.effects(entry):
            if effect.kind == "supply" and effect.direction in ("inc", "set"):
                if effect.direction == "set" and effect.value is not None and effect.value.kind in ("time", "const"):
                    continue
                found.append((entry, effect))
                break
    return found


class MintDetector(FactDetector):
    NAME = "can_mint_after_deploy"
    DESCRIPTION = "A function callable after deployment increases totalSupply (mint, issue, generateTokens, sale purchases)."
    IMPACT = "high"
    CONFIDENCE = "high"

    def _detect(self) -> list[Finding]:
        return [
            self.finding(f"{entry.name}() raises the supply ({effect.variable.name})", effect.node, effect.function)
            for entry, effect in minting_entries(self.model)
        ]
