"""``hard_cap``: the sale's hard cap, as written (the token term of the same name)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.claims.base import TermClaim, register


@register
class HardCap(TermClaim):
    NAME = "hard_cap"
    ORDER = 90
    DESCRIPTION = "The sale's hard cap, as written."
    TERM = "hard_cap"
