"""transfer_fee: a fee on transfers is disclosed when the paper says transfers or transactions carry a fee."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class FeePowerRule(PowerRule):
    NAME = "transfer_fee"
    DESCRIPTION = "A fee on transfers is disclosed when the paper says transfers or transactions carry a fee."
    FACTS = (NAME,)
    ORDER = 150
    POWER = "take a fee on transfers"
    DISCLOSURE = re.compile(r"\b(?:transfer|transaction)\s+(?:fees?|tax)\b|\bfees?\b[^.]{0,40}\b(?:on|per|of)\s+(?:each\s+|every\s+)?(?:transfers?|transactions?)\b", re.I)
