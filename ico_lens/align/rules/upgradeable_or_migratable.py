"""upgradeable_or_migratable: upgrades or migrations by an admin are disclosed when the paper says the contract can be upgraded or tokens migrated to a new contract."""

from __future__ import annotations

import re

from ico_lens.align.rules.base import PowerRule, register


@register
class UpgradePowerRule(PowerRule):
    NAME = "upgradeable_or_migratable"
    DESCRIPTION = "Upgrades or migrations by an admin are disclosed when the paper says the contract can be upgraded or tokens migrated to a new contract."
    FACTS = (NAME,)
    ORDER = 140
    POWER = "replace the token logic or migrate the tokens"
    DISCLOSURE = re.compile(r"\b(?:upgrad(?:e|ed|es|eable|able|ing)|migrat(?:e|ed|es|ion|ing))\b[^.]{0,60}\b(?:contracts?|tokens?|logic)\b|\b(?:contracts?|tokens?|balances)\b[^.]{0,40}\b(?:upgraded|migrated|replaced)\b|\bnew\s+(?:token|smart)\s+contract\b", re.I)
