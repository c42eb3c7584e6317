"""``governance_rights``: Token holders get voting/governance rights (true) or the paper denies them (false)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, evidence_at, register


@register
class GovernanceRights(ClaimRule):
    NAME = "governance_rights"
    ORDER = 70
    DESCRIPTION = "Token holders get voting/governance rights (true) or the paper denies them (false)."
    CONFIDENCE = "medium"
    _HOLDERS = (r"(?:token\s*-?\s*holders?|holders\s+of\s+(?:\w+\s+)?tokens|(?-i:[A-Z][A-Za-z0-9]{1,6})\s+(?:token\s+)?holders"
                r"|tokenholders|stakeholders\s+holding|masternode\s+(?:holders|owners))")
    PATTERNS = {
        "granted": re.compile(
            _HOLDERS + r"\s+(?:\w+\s+){0,6}(?:vote|govern|elect)\w*"
            # "one vote per token", "every 1 ALQO is given 1 vote", "participate in the community governance",
            # "voting privileges on major decisions", "governance turned over to holders", "the voting weight of each wallet"
            r"|\b(?:one|1)\s+vote\s+per\s+(?:token|coin|(?-i:[A-Z]{2,6}))\b|\bevery\s+1\s+\S+\s+(?:is\s+)?(?:given|gets|has)\s+1\s+vote"
            r"|\bparticipat\w*\s+in\s+(?:the\s+)?(?:\w+\s+){0,2}governance\b|\bvoting\s+privileges?\s+(?:on|over|in|regarding)\b|\bprivilege\s+to\s+vote\b"
            r"|\bgovernance\s+(?:\w+\s+){0,3}(?:turned|handed|transferred)\s+over\s+to\b"
            r"|\bvoting\s+(?:power|weight)\s+of\s+(?:each|every)\s+(?:wallet|holder|account)"
            r"|\bvot(?:e|ing)\s+(?:\w+\s+){0,4}(?:by|among|of|from)\s+(?:the\s+)?" + _HOLDERS
            + r"|\b(?:quorum|majority)\s+of\s+(?:the\s+)?" + _HOLDERS
            + r"|\bvoting\s+rights\b|\bright\s+to\s+vote\b|\bsuffrage\b|\bvoting\s+(?:power|weight)\s+(?:\w+\s+){0,4}(?:tokens?|stake|holdings?)"
            r"|\b(?:weight(?:ed|ing)?|proportional|proportion)\s+(?:\w+\s+){0,4}(?:of\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\s+(?:amount|held|holdings?|balance|and)\b[^.]{0,40}\bvot"
            r"|\bvot\w*[^.]{0,60}\b(?:weight(?:ed|ing)?|proportional)\s+(?:\w+\s+){0,3}(?:to|on|of|by)\s+(?:the\s+)?(?:number\s+of\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\b"
            r"|\b(?:contributors|token\s+buyers|investors)\s+(?:\w+\s+){0,3}(?:ballot|vote)\b",
            re.I,
        ),
        "denied": re.compile(
            r"\bno\s+(?:[\w,]+\s+){0,5}(?:governance|voting)(?:\s+or\s+other)?\s+rights?\b"
            r"|\b(?:do(?:es)?|shall|will|is|are)\s+not\s+(?:\w+\s+){0,2}(?:grant|give|confer|provide|entitle|represent|carry)\w*\s+"
            r"[^.;]{0,250}\b(?:vot\w+|governance|decision[\s-]making|control|management|say)\b"
            r"|\bno\s+right\s+to\s+(?:participate|vote|any\s+say)|\bnot\s+have\s+any\s+(?:say|governance|voting)\b|\bno\s+(?:say|influence)\s+(?:in|over)\b"
            r"|\bnot\s+(?:be\s+)?entitled\s+to\s+[^.;]{0,120}\b(?:vot\w+|governance)"
            r"|\b(?:hold|have|has|confer|grant|give)s?\s+no\s+(?:[\w,]+\s+){0,4}(?:governance|voting|votes?)\b"
            r"|\bwithout\s+(?:any\s+)?(?:voting|governance)\s+rights",
            re.I,
        ),
    }

    def _detect(self, document):
        denied = [evidence_at(u, m) for u, m in self.matches(document, "denied", hedged=True)]
        granted = []
        for u, m in self.matches(document, "granted"):
            if self.PATTERNS["denied"].search(u.text):
                continue
            granted.append(evidence_at(u, m))
        if granted:
            # Legal disclaimers often deny rights "over the company" while the protocol lets holders
            # vote: a stated voting mechanism wins (GOLD.md: false only where rights are denied).
            return ClaimResult(self.NAME, True, granted[:2], counter_evidence=denied[:2])
        if denied:
            return ClaimResult(self.NAME, False, denied[:2])
        return None
