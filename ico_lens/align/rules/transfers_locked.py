"""transfers_locked_until_sale_end: tokens said to be non-transferable until the sale ends against a transfer lock or pause."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class TransfersLockedRule(ClaimAgainstFacts):
    NAME = "transfers_locked_until_sale_end"
    DESCRIPTION = "Transfers said to be locked until the sale ends need a transfer lock or a pause in the code."
    SEVERITY = "low"
    CLAIM = NAME
    PROMISED = "that transfers stay locked until the sale ends"
    CODED = "transfer lock or pause"
    CLAIMS = (NAME,)
    FACTS = ("transfer_lock", "pausable")
    ORDER = 60
