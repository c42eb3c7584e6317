"""owner_can_change_balances: moving or destroying others' tokens is disclosed when the paper says the issuer can seize, revoke, reclaim or burn holders' tokens."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class BalancePowerRule(PowerRule):
    NAME = "owner_can_change_balances"
    DESCRIPTION = "Moving or destroying others' tokens is disclosed when the paper says the issuer can seize, revoke, reclaim or burn holders' tokens."
    FACTS = (NAME,)
    ORDER = 130
    POWER = "move or destroy other holders' tokens"
    DISCLOSURE = re.compile(r"\b(?:confiscat(?:e|ed|ion)|seiz(?:e|ed|ure)|revok(?:e|ed)|reclaim(?:ed)?|claw\s*back|forcibly)\b", re.I)
