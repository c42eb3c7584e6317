"""pausable: an owner switch that halts all transfers is disclosed when the paper says transfers can be paused or halted."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class PausePowerRule(PowerRule):
    NAME = "pausable"
    DESCRIPTION = "An owner switch that halts all transfers is disclosed when the paper says transfers can be paused or halted."
    FACTS = (NAME,)
    ORDER = 110
    POWER = "halt everyone's transfers (pause)"
    DISCLOSURE = re.compile(r"\b(?:paus(?:e|ed|es|ing|able)|halt(?:ed|ing)?|suspend(?:ed|ing)?)\b[^.]{0,60}\b(?:transfers?|trading|tokens?|contract)\b|\b(?:transfers?|trading)\b[^.]{0,40}\b(?:paused|halted|suspended)\b", re.I)
