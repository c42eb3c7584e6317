"""``supply_fixed``: The token supply is fixed/capped (true) or new tokens will be minted later (false)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, evidence_at, register


@register
class SupplyFixed(ClaimRule):
    NAME = "supply_fixed"
    ORDER = 10
    DESCRIPTION = "The token supply is fixed/capped (true) or new tokens will be minted later (false)."
    CONFIDENCE = "medium"
    PATTERNS = {
        "fixed": re.compile(
            r"\bno\s+(?:new|further|additional|more|extra)\s+(?:\w+\s+){0,2}(?:tokens?|coins?|(?-i:[A-Z][A-Za-z0-9]{1,6})s?|issuances?)\s+"
            r"(?:will|can|shall|are\s+to|is\s+to|could|may)\s+(?:ever\s+)?(?:be\s+)?(?:created|issued|minted|generated|produced|planned|added)"
            r"|\bno\s+(?:additional|further|new)\s+(?:issuances?|minting|emission)\b"
            r"|\b(?:will|can|shall)\s+never\s+be\s+(?:increased|inflated|minted|created|issued)"
            r"|\b(?:only|no\s+more\s+than)\s+(?:\S+\s+){1,8}?(?:will|can|shall)\s+ever\s+(?:be\s+(?:created|issued|minted)|exist)"
            # "can be neither minted nor destroyed", "will not create any new tokens after the sale"
            r"|\b(?:can|will|shall)\s+(?:be\s+)?neither\s+(?:be\s+)?(?:minted|created|issued)\b"
            r"|\b(?:will|shall|can)\s+not\s+(?:create|issue|mint)\s+(?:any\s+)?(?:new|more|additional|further)\b"
            # "a strict limit of N, never to be increased", "creation hard-capped at N", "maximum number of
            # EDG generated", "(technical limit)"
            r"|\bnever\s+to\s+be\s+increased\b|\bhard[- ]?capped\s+at\b|\bstrict\s+limit\b|\btechnical\s+limit\b"
            r"|\bmaximum\s+(?:number|amount)\s+of\s+(?:\S+\s+){0,2}?(?:generated|produced|created|issued)\b"
            r"|\bfixed\s+(?:total\s+)?(?:token\s+)?(?:supply|emission)|\b(?:the|a)\s+fixed\s+(?:total\s+)?(?:amount|number)\s+of\s+tokens"
            r"|\b(?:supply|emission|issuance)\s+(?:of\s+\S+\s+)?(?:\w+\s+)?(?:is|will\s+be|remains|stays)\s+(?:fixed|capped|limited)\b"
            r"|\bsupply\s*:?\s*fixed|\b(?:supply|issuance)\s+(?:of\s+\S+\s+)?(?:\w+\s+)?(?:is\s+)?capped\s+at"
            r"|\bsupply\s+cap\b|\bmaximum\s+(?:total\s+)?(?:token\s+)?supply|\bmax\.?\s+supply"
            r"|\bmaximum\s+(?:number|amount)\s+of\s+tokens\s+(?:is\s+)?(?:capped|limited|fixed)"
            r"|\b(?:limited|capped)\s+(?:token\s+)?supply\b|\bnon-?mineable\b|\bnot\s+mineable\b|\bno\s+mining\b"
            r"|\bno\s+(?:token\s+)?dilution\b|\bonly\s+time\s+(?:that\s+)?(?:these\s+)?tokens\s+(?:can|will)\s+be\s+created"
            r"|\bno\s+(?:future|more|other)\s+tokens\s+can\s+be\s+(?:issued|created|minted)"
            r"|\bfixed\s+at\s+issuance\b|\bminting\s+(?:will\s+be|is)\s+(?:permanently\s+)?(?:disabled|finished|closed)",
            re.I,
        ),
        "minted": re.compile(
            r"\binflationary\s+(?:system|model|token|supply|mechanism)|\b(?:token|supply)\s+inflation\b"
            r"|\binflation\s+(?:rate\s+)?of\s+\d|\b\d+(?:\.\d+)?\s*%\s+(?:annual\s+|yearly\s+)?inflation"
            r"|\bannual\s+inflation\b|\b\d+(?:\.\d+)?\s*(?:%|percent)\s+additional\s+(?:token\s+)?issuance"
            r"|\badditional\s+(?:\w+\s+){0,2}(?:will\s+be\s+)?(?:issued|minted|created)\s+(?:annually|every\s+year|each\s+year|yearly|per\s+year)"
            r"|\bnewly\s+(?:minted|issued)\s+(?:\w+\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\b|\bissued\s+when\s+purchased"
            # "an uncapped number of ANT", "will continue to be minted", "Inflation Rate ... 6.31%",
            # "the amount in circulation will increase annually"
            r"|\buncapped\s+(?:\w+\s+)?(?:supply|number|amount)\b|\bwill\s+continue\s+to\s+be\s+(?:minted|issued|created)\b"
            r"|\binflation\s+rate\b[^.%]{0,40}\d+(?:\.\d+)?\s*%"
            r"|\b(?:in\s+circulation|supply)\s+will\s+increase\s+(?:annually|every\s+year|each\s+year|yearly)\b"
            r"|\bsupply\s+(?:of\s+\S+\s+)?grows\b|\bmay\s+(?:sell|issue|mint|create)\s+additional"
            r"|(?<!\bno\s)\b(?:new|additional)\s+(?:tokens?|coins?|(?-i:[A-Z]{2,6}))\s+(?:will|shall)\s+be\s+(?:minted|issued|created)\s+"
            r"(?:as|for|to)\s+(?:\w+\s+)?(?:rewards?|block|staking|mining|validators?)",
            re.I,
        ),
    }

    _ABOUT_FIAT = re.compile(r"\b(?:fiat|governments?|central\s+banks?|national\s+currenc\w+|dollar|euro)\b", re.I)

    def _detect(self, document):
        fixed = [evidence_at(u, m) for u, m in self.matches(document, "fixed")]
        minted = [evidence_at(u, m) for u, m in self.matches(document, "minted") if not self._ABOUT_FIAT.search(u.text)]
        if minted and len(minted) >= len(fixed):
            # A paper that says the supply grows (inflation, minting on purchase) is not fixed, even
            # when it also calls the initial issue "capped".
            return ClaimResult(self.NAME, False, minted[:2], counter_evidence=fixed[:2])
        if fixed:
            return ClaimResult(self.NAME, True, fixed[:2], counter_evidence=minted[:2])
        return None
