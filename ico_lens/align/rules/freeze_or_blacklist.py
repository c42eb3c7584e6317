"""freeze_or_blacklist: freezing or blacklisting accounts is disclosed when the paper says accounts or tokens can be frozen or blacklisted."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class FreezePowerRule(PowerRule):
    NAME = "freeze_or_blacklist"
    DESCRIPTION = "Freezing or blacklisting accounts is disclosed when the paper says accounts or tokens can be frozen or blacklisted."
    FACTS = (NAME,)
    ORDER = 120
    POWER = "freeze or blacklist individual accounts"
    DISCLOSURE = re.compile(r"\b(?:freez(?:e|es|ing)|frozen|black-?list(?:ed|ing)?)\b", re.I)
