"""burn_mechanism: an ongoing burn (fees burned, buy-back-and-burn) against a burn function in the code."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class BurnMechanismRule(ClaimAgainstFacts):
    NAME = "burn_mechanism"
    DESCRIPTION = "An ongoing burn the paper promises needs a function that destroys tokens and lowers totalSupply."
    SEVERITY = "medium"
    CLAIM = NAME
    PROMISED = "an ongoing burn of tokens"
    CODED = "burn function"
    CLAIMS = (NAME,)
    FACTS = ("burnable",)
    ORDER = 40
