"""oracle: an oracle or off-chain data feed against an oracle call in the code."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class OracleRule(ClaimAgainstFacts):
    NAME = "oracle"
    DESCRIPTION = "An oracle or off-chain data feed the paper describes needs an oracle call in the code (an 'oracle_call' fact)."
    SEVERITY = "low"
    CLAIM = NAME
    PROMISED = "an oracle feeding the contracts"
    CODED = "oracle call"
    CLAIMS = (NAME,)
    #: no contract detector decides it yet: the claim stays unverifiable until one registers this fact
    FACTS = ("oracle_call",)
    ORDER = 80
