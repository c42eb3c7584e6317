"""unsold_tokens: "unsold tokens will be burned" against a burn in the token, or a sale that mints only what it sells."""

from __future__ import annotations

from ico_lens.align.records import CONSISTENT
from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class UnsoldTokensRule(ClaimAgainstFacts):
    NAME = "unsold_tokens"
    DESCRIPTION = ("Unsold tokens promised to be burned need a burn function (in the token or its crowdsale in "
                   "the same source), or a sale that mints only the tokens sold and then stops minting for good.")
    SEVERITY = "medium"
    CLAIM = NAME
    PROMISE = "burned"
    PROMISED = "to burn the unsold tokens"
    CODED = "burn function"
    CLAIMS = (NAME,)
    FACTS = ("burnable",)
    ORDER = 30

    def check(self):
        findings = super().check()
        if findings and findings[0].verdict != CONSISTENT and self._minted_only_when_sold():
            inputs = self.inputs
            evidence = inputs.fact_evidence("can_mint_after_deploy", "mint_can_be_finished")
            return [self.finding(CONSISTENT, "the paper promises to burn the unsold tokens; the code mints only what is "
                                 "sold and minting can be finished, so unsold tokens never exist",
                                 paper_value=self.PROMISE, paper_evidence=inputs.claim_evidence(self.CLAIM),
                                 code_value="minted_when_sold", code_evidence=evidence)]
        return findings

    def _minted_only_when_sold(self) -> bool:
        inputs = self.inputs
        initial = inputs.facts.initial_supply if inputs.facts is not None else None
        nothing_at_deployment = initial is None or initial.raw == 0
        return (inputs.fact("can_mint_after_deploy") is True and inputs.fact("mint_can_be_finished") is True
                and nothing_at_deployment)
