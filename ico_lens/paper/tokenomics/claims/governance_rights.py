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
    _HOLDERS = (r"(?:(?:token|coin)\s*-?\s*(?:holders?|owners)|holders\s+of\s+(?:\w+\s+)?tokens|owners?\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}?(?:tokens?|coins?)\b"
                r"|(?-i:[A-Z][A-Za-z0-9]{1,6})\s+(?:token\s+)?holders|holders\s+of\s+(?-i:[A-Z][A-Z0-9]{1,6})\b"
                r"|tokenholders|stakeholders\s+holding|masternode\s+(?:holders|owners))")
    PATTERNS = {
        "granted": re.compile(
            _HOLDERS + r"\s+(?:[\w,]+\s+){0,7}(?:vot(?:e|es|ed|ing)\b|govern\w*|decid\w*\s+(?:on|upon|over|about|whether)\b|elect(?:s|ed|ing)?\b(?!\s+to\b))"
            # "token votes", "a stake-weighted vote", "voting and profit participation rights"
            r"|\b(?:token|stake)[\s-](?:weighted\s+)?vot(?:e|es|ing)\b|\bvoting\s+(?:and|&)\s+(?:\w+\s+){0,2}rights\b"
            # "proposals are voted on by token holders", "grants its holders governance rights"
            r"|\bvoted\s+(?:on|upon)\s+by\s+(?:the\s+)?(?:\w+\s+)?" + _HOLDERS
            + r"|\b(?:grants?|gives?|provides?|confers?|offers?)\s+(?:its\s+|their\s+|the\s+)?(?:token\s*)?holders\s+(?:\w+\s+){0,2}(?:governance|voting)\s+(?:rights|power)"
            # "one vote per token", "every 1 ALQO is given 1 vote", "participate in the community governance",
            # "voting privileges on major decisions", "governance turned over to holders", "the voting weight of each wallet"
            r"|\b(?:one|1)\s+vote\s+per\s+(?:token|coin|(?-i:[A-Z]{2,6}))\b|\bevery\s+1\s+\S+\s+(?:is\s+)?(?:given|gets|has)\s+1\s+vote"
            r"|\bparticipat\w*\s+in\s+(?:the\s+)?(?:\w+\s+){0,2}governance\b|\bvoting\s+privileges?\s+(?:on|over|in|regarding)\b|\bprivilege\s+to\s+vote\b"
            r"|\bgovernance\s+(?:\w+\s+){0,5}(?:turned|handed|transferred|passed)\s+over\s+to\b|\b(?:hand|turn|pass)(?:s|ed|ing)?\s+(?:over\s+)?governance\s+(?:\w+\s+){0,3}(?:over\s+)?to\b"
            # "holders use their NOVA tokens to vote", "is a governance token", "each token gives one vote"
            r"|\b(?:use|using|stake|staking|lock|locking|spend|spending)\s+(?:their\s+|the\s+|your\s+|its\s+)?(?:\w+\s+)?(?:tokens?|coins?|(?-i:[A-Z]{2,6}))\s+(?:to|for)\s+vot"
            r"|\b(?:is|as|serves\s+as)\s+(?:a|the)\s+governance\s+token\b"
            r"|\b(?:each|every|one|1)\s+(?:\w+\s+)?(?:token|coin)\s+(?:gives|grants|equals|represents|carries|confers|is\s+worth)\s+(?:\w+\s+)?(?:one|1)\s+vote"
            r"|\bvoting\s+(?:power|weight)\s+of\s+(?:each|every)\s+(?:wallet|holder|account)"
            r"|\bvot(?:e|ing)\s+(?:\w+\s+){0,4}(?:by|among|of|from)\s+(?:the\s+)?" + _HOLDERS
            + r"|\b(?:quorum|majority)\s+of\s+(?:the\s+)?" + _HOLDERS
            + r"|\bvoting\s+rights\b|\bright\s+to\s+vote\b|\bsuffrage\b|\bvoting\s+(?:power|weight)\s+(?:\w+\s+){0,4}(?:tokens?|stake|holdings?)"
            r"|\b(?:weight(?:ed|ing)?|proportional|proportion)\s+(?:\w+\s+){0,4}(?:of\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\s+(?:amount|held|holdings?|balance|and)\b[^.]{0,40}\bvot"
            r"|\bvot\w*[^.]{0,60}\b(?:weight(?:ed|ing)?|proportional)\s+(?:\w+\s+){0,3}(?:to|on|of|by)\s+(?:the\s+)?(?:number\s+of\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\b"
            r"|\b(?:contributors|token\s+buyers|investors)\s+(?:\w+\s+){0,3}(?:ballot|vote)\b"
            # fifth round: "NOVA tokens give holders the ability to vote", "holders of NOVA tokens have the right to
            # participate in the decision-making process", "token holders will have a say in", "NOVA is used to vote on",
            # "users can vote with their NOVA tokens"
            r"|\b(?:tokens?|coins?)\s+(?:\w+\s+){0,2}?(?:give|gives|grant|grants|allow|allows|enable|enables|entitle|entitles)\s+(?:its\s+|their\s+|the\s+)?(?:\w+\s+)?"
            r"(?:holders?|owners?)\s+(?:the\s+)?(?:(?:ability|right|power|opportunity|possibility)\s+)?(?:to\s+)?vot(?:e|ing)\b"
            r"|" + _HOLDERS + r"\s+(?:\w+\s+){0,4}(?:right|ability|power|opportunity)\s+to\s+(?:participate|take\s+part)\s+in\s+(?:the\s+)?(?:\w+\s+){0,2}?decision[\s-]making\b"
            r"|" + _HOLDERS + r"\s+(?:will\s+|would\s+|shall\s+|also\s+)*(?:have|get|gain|hold)\s+a\s+(?:\w+\s+)?say\s+(?:in|on|over)\b"
            r"|\b(?:tokens?|coins?|(?-i:[A-Z]{2,6}))\s+(?:is|are|will\s+be|can\s+be)\s+(?:also\s+)?used\s+(?:\w+\s+){0,2}?(?:to|for)\s+vot(?:e|ing)\b"
            # (tokens, not "voting with their CPU power": Bitcoin's miners)
            r"|\bvot(?:e|ing)\s+(?:with|using)\s+(?:their|its|your|the)\s+(?:\w+\s+)?(?:tokens?|coins?)\b"
            # sixth round: "NOVA tokens provide governance rights", "users who hold NOVA can vote for new features"
            r"|\b(?:tokens?|coins?)\s+(?:will\s+|also\s+)*(?:provide|grant|give|confer|carry|offer)s?\s+(?:(?:its|their|the)\s+)?(?:(?:token\s*)?holders?\s+)?(?:\w+\s+)?(?:governance|voting)\s+(?:rights|power)\b"
            r"|\b(?:users|anyone|those|everyone|people|members|participants)\s+(?:who|that)\s+(?:hold|own|stake)s?\s+(?:\w+\s+)?(?:tokens?|coins?|(?-i:[A-Z][A-Z0-9]{1,6}))\s+(?:\w+\s+){0,3}?vot(?:e|ing)\b"
            # "the governance power stems from the token holders"
            r"|\bgovernance\s+(?:power|rights?|authority)\s+(?:\w+\s+){0,3}?(?:from|with|to)\s+(?:the\s+)?" + _HOLDERS,
            re.I,
        ),
        "denied": re.compile(
            r"\bno\s+(?:[\w,]+\s+){0,5}(?:governance|voting)(?:\s+or\s+other)?\s+rights?\b"
            r"|\b(?:do(?:es)?|shall|will|is|are)\s+not\s+(?:\w+\s+){0,2}(?:grant|give|confer|provide|entitle|represent|carry)\w*\s+"
            r"[^.;]{0,250}\b(?:vot\w+|governance|decision[\s-]making|control|management|say)\b"
            r"|\bno\s+rights?\s+to\s+(?:participate|vote|any\s+say)|\bnot\s+have\s+any\s+(?:say|governance|voting|rights?\s+to\s+(?:vote|participate))\b|\bno\s+(?:say|influence)\s+(?:in|over)\b"
            r"|\bnot\s+(?:be\s+)?entitled\s+to\s+[^.;]{0,120}\b(?:vot\w+|governance)"
            r"|\b(?:hold|have|has|confer|grant|give)s?\s+no\s+(?:[\w,]+\s+){0,4}(?:governance|voting|votes?)\b"
            r"|\bwithout\s+(?:any\s+)?(?:voting|governance)\s+rights"
            # fifth round: "token holders will not have the right to vote", "holders do not get a vote"
            r"|\b(?:not|never)\s+(?:have|get|obtain|receive|hold|be\s+(?:granted|given))\s+(?:the|a|any)\s+(?:right\s+to\s+vote|vote|say|voting\s+rights?)\b"
            r"|\b(?:not|never)\s+(?:\w+\s+){0,3}any\s+(?:[\w,]+\s+){0,4}?(?:voting|governance)\b"
            # third round: a blanket denial ("confers no other rights in any form", "carries no rights, express
            # or implied, other than the right to use the platform") denies governance too (GOLD.md)
            r"|\b(?:confer|carr(?:y|ies)|grant|give|provide|entitle|represent)s?\s+(?:(?:its\s+)?holders?\s+)?no\s+(?:other\s+)?rights?\b"
            r"[^.;]{0,80}?\b(?:other\s+than|except|in\s+any\s+form|whatsoever|of\s+any\s+kind|express\s+or\s+implied)"
            r"|\b(?:do(?:es)?|shall|will)\s+not\s+(?:confer|carry|grant|give|provide|entitle)\s+(?:\w+\s+){0,2}any\s+(?:other\s+)?rights?\s+"
            r"(?:\w+\s+){0,6}?(?:other\s+than|except|whatsoever|of\s+any\s+kind)",
            re.I,
        ),
    }

    #: cues that name a right but not whose it is: kept only in a sentence about tokens or their holders
    _BARE_RIGHT = re.compile(r"voting\s+rights|right\s+to\s+vote", re.I)
    _ABOUT_TOKENS = re.compile(r"\b(?:tokens?|coins?|holders?|tokenholders|stakes?|stakers?|(?-i:[A-Z]{2,6}))\b", re.I)

    def _detect(self, document):
        denied = [evidence_at(u, m) for u, m in self.matches(document, "denied", hedged=True)]
        granted = []
        for u, m in self.matches(document, "granted"):
            if self.PATTERNS["denied"].search(u.text):
                continue
            if self._BARE_RIGHT.fullmatch(m.group(0)) and not self._ABOUT_TOKENS.search(u.text):
                continue  # "Right to vote is at first acquired by a selection of 51 individuals": not holders
            granted.append(evidence_at(u, m))
        if granted:
            # Legal disclaimers often deny rights "over the company" while the protocol lets holders
            # vote: a stated voting mechanism wins (GOLD.md: false only where rights are denied).
            return ClaimResult(self.NAME, True, granted[:2], counter_evidence=denied[:2])
        if denied:
            return ClaimResult(self.NAME, False, denied[:2])
        return None
