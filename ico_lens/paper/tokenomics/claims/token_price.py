"""``token_price``: the token price in the main sale, as written (the token term of the same name)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.claims.base import TermClaim, register


@register
class TokenPrice(TermClaim):
    NAME = "token_price"
    ORDER = 100
    DESCRIPTION = "The token price in the main sale, as written."
    TERM = "token_price"
