"""oracle: an oracle or off-chain data feed against an oracle call in the code (the ``oracle_call`` fact)."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class OracleRule(ClaimAgainstFacts):
    NAME = "oracle"
    DESCRIPTION = ("An oracle or off-chain data feed the paper describes needs an oracle call in the source: Chainlink, "
                   "Oraclize/Provable or a MakerDAO medianizer (the 'oracle_call' fact; an owner-set price is none).")
    SEVERITY = "low"
    CLAIM = NAME
    PROMISED = "an oracle feeding the contracts"
    CODED = "oracle call in this source (no Chainlink, Oraclize/Provable or medianizer read)"
    CLAIMS = (NAME,)
    #: decided by ico_lens/contract/detectors/oracle.py; null (unverifiable) when a role the code calls an
    #: oracle pushes the data
    FACTS = ("oracle_call",)
    ORDER = 80
