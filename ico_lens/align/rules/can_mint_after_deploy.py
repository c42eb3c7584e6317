"""can_mint_after_deploy: insiders can mint after deployment; disclosed when the paper says new tokens will be minted."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class MintPowerRule(PowerRule):
    NAME = "can_mint_after_deploy"
    DESCRIPTION = ("A mint reachable after deployment is disclosed when the paper says further tokens will be "
                   "minted or issued (supply_fixed false, inflation, rewards minted), unless minting finished on chain.")
    CLAIMS = ("supply_fixed",)
    FACTS = (NAME,)
    ORDER = 100
    POWER = "mint new tokens after deployment"
    DISCLOSURE = re.compile(
        r"\b(?:mint(?:ed|ing)?|issu(?:ed|ing|ance)|creat(?:ed|ing|ion))\b[^.]{0,60}\b(?:new|additional|more|further)\s+tokens\b"
        r"|\b(?:new|additional|further)\s+(?:\w+\s+){0,2}(?:will\s+be|are|is|get|gets)\s+(?:minted|issued|created)\b"
        r"|\binflation(?:ary)?\b", re.I)

    def check(self):
        chain = self.inputs.chain
        if chain is not None and chain.minting_finished is True:
            return []  # the power is gone: nothing left to disclose
        return super().check()

    def disclosure(self):
        if self.inputs.claim("supply_fixed") is False:
            return [e.with_reason("the paper says new tokens will be minted") for e in self.inputs.claim_evidence("supply_fixed")]
        return super().disclosure()
