"""governance_rights: voting rights for holders against voting logic in the code."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class GovernanceRightsRule(ClaimAgainstFacts):
    NAME = "governance_rights"
    DESCRIPTION = "Voting or governance rights for token holders need voting logic in the code (a 'voting' fact)."
    SEVERITY = "low"
    CLAIM = NAME
    PROMISED = "voting rights for token holders"
    CODED = "voting logic"
    CLAIMS = (NAME,)
    #: no contract detector decides it yet: the claim stays unverifiable until one registers this fact
    FACTS = ("voting",)
    ORDER = 70
