"""can_mint_after_deploy: an entry point callable after deployment raises the total supply."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, register


@register
class MintDetector(FactDetector):
    NAME = "can_mint_after_deploy"
    DESCRIPTION = "A function callable after deployment increases totalSupply (mint, issue, generateTokens, sale purchases)."
    IMPACT = "high"
    CONFIDENCE = "high"
    ORDER = 10

    def _detect(self) -> list[Finding]:
        return [
            self.finding(f"{entry.name}() raises the supply ({effect.variable.name})", effect.node, effect.function)
            for entry, effect in self.model.minting_entries
        ]
