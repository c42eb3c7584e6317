"""governance_rights: voting rights for holders against voting logic in the code (the ``voting`` fact)."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class GovernanceRightsRule(ClaimAgainstFacts):
    NAME = "governance_rights"
    DESCRIPTION = ("Voting or governance rights for token holders need voting logic in the source: a function holders "
                   "call that records votes or proposals weighted by or gated on their balance (the 'voting' fact).")
    SEVERITY = "low"
    CLAIM = NAME
    PROMISED = "voting rights for token holders"
    CODED = "voting logic in this source (no function records holders' votes weighted by or gated on their balance)"
    CLAIMS = (NAME,)
    #: decided by ico_lens/contract/detectors/voting.py; null (unverifiable) when the token only keeps
    #: balance snapshots a voting contract elsewhere may read
    FACTS = ("voting",)
    ORDER = 70
