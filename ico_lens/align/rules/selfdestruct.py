"""selfdestruct: a selfdestruct is disclosed when the paper says the contract can be destroyed or killed."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class SelfdestructPowerRule(PowerRule):
    NAME = "selfdestruct"
    DESCRIPTION = "A selfdestruct is disclosed when the paper says the contract can be destroyed or killed."
    FACTS = (NAME,)
    ORDER = 160
    POWER = "destroy the contract (selfdestruct)"
    DISCLOSURE = re.compile(r"\bself-?destruct\w*|\bkill\s+switch\b|\bdestroy(?:ed)?\s+the\s+(?:smart\s+)?contract\b", re.I)
