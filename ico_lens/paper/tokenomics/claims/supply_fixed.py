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
            r"|\bno\s+(?:additional|further|new)\s+(?:token\s+)?(?:issuances?|minting|emission)\b"
            # sixth round: "the number of tokens is fixed and will not change", "no minting of new tokens will be possible"
            r"|\b(?:number|amount|quantity)\s+of\s+(?:\w+\s+)?(?:tokens|coins)\s+(?:is|will\s+be|shall\s+be)\s+(?:permanently\s+|forever\s+)?fixed\s+(?:and\s+(?:will|can|shall)\s+(?:not|never)\b|forever\b|permanently\b)"
            r"|\bno\s+(?:further\s+|more\s+|additional\s+)?(?:minting|issuance|issuing|creation)\s+of\s+(?:any\s+)?(?:new|more|additional|further)\s+(?:\w+\s+)?(?:tokens?|coins?)\b"
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
            r"|\bfixed\s+at\s+issuance\b|\bminting\s+(?:will\s+be|is)\s+(?:permanently\s+)?(?:disabled|finished|closed)"
            # round 6: "minting will be stopped at the end of the crowdsale", "the token supply will be permanently locked",
            # "the total number of tokens will never change"
            r"|\bminting\s+(?:function\s+)?(?:will\s+be|is|gets)\s+(?:permanently\s+|forever\s+)?(?:stopped|ended|halted|locked|switched\s+off|turned\s+off)\b"
            r"|\b(?:token\s+)?supply\s+(?:of\s+\S+\s+)?(?:will\s+be|is|gets)\s+(?:permanently|forever)\s+(?:locked|frozen|fixed)\b"
            r"|\b(?:total\s+)?(?:number|amount|quantity)\s+of\s+(?:\w+\s+)?(?:tokens|coins)\s+(?:in\s+existence\s+)?(?:will|can|shall)\s+(?:not|never)\s+(?:change|increase|grow)\b"
            # third round: "the total supply cannot be increased", "will never exceed 500 million tokens", "the
            # maximum number of tokens that will ever exist", "there will never be more than N", "a hard cap of N
            # tokens on its total supply", "does not allow the creation of new tokens", "no minting function"
            r"|\b(?:supply|tokens|coins)\b[^.;]{0,60}\b(?:can\s*not|cannot|can.t|will\s+not|won.t|shall\s+not|may\s+not|will\s+never|can\s+never)"
            r"\s+(?:ever\s+)?be\s+(?:increased|inflated|expanded)\b"
            r"|\b(?:total\s+supply|supply\s+of\s+\S+|total\s+(?:number|amount)\s+of\s+(?:\w+\s+)?(?:tokens|coins))\s+(?:will|shall|can)\s*(?:never|not)\s+(?:ever\s+)?(?:exceed|grow\s+beyond)\b"
            r"|\b(?:that|which)\s+(?:will|can|shall)\s+ever\s+(?:exist|be\s+(?:created|issued|minted|generated))\b"
            r"|\b(?:will|shall)\s+never\s+be\s+more\s+than\s+\S+"
            r"|\bhard[\s-]?cap\b[^.;]{0,60}\b(?:on|of)\s+(?:its|the)\s+(?:total\s+)?(?:token\s+)?supply\b"
            r"|\b(?:does|do|will|shall)\s+not\s+(?:allow|permit|support)\s+(?:the\s+|any\s+)?(?:creation|minting|issuance|issuing|generation)\s+of\s+(?:any\s+)?(?:new|more|additional|further)\b"
            r"|\b(?:no|not\s+have\s+(?:a|any))\s+(?:mint(?:ing)?|issu(?:e|ing|ance))\s+function"
            r"|\b(?:amount|number|supply|quantity)\s+of\s+(?:\w+\s+)?(?:tokens?|coins?|(?-i:[A-Z][A-Za-z0-9]{1,9}))\s+(?:tokens\s+|coins\s+)?(?:is|will\s+be|shall\s+be)\s+(?:strictly\s+)?(?:limited|capped|fixed)\s+(?:to|at)\b"
            r"|\bsupply\s+(?:can|will|shall)\s+never\s+(?:increase|grow|change)\b|\bnon-?inflationary\b"
            # "saved from the cap of 66,588,888 METAL": a cap in the paper's tokens, no sale in the sentence (checked below)
            r"|(?<!hard\s)(?<!soft\s)(?<!market\s)\b(?:the|a)\s+cap\s+of\s+\d[\d,.]*\s*(?:million|billion)?\s+(?:tokens|coins|(?-i:[A-Z]{2,6}))\b"
            # fifth round: "there will only ever be 100 million NOVA", "the token supply is finite", "token creation
            # will be disabled after the crowdsale", "it will not be possible to create new tokens", "the supply of NOVA
            # will remain constant", "the total amount of NOVA tokens will never change", "Total supply: 100,000,000
            # NOVA (fixed)", "no more will ever be created"
            r"|\bonly\s+ever\s+be\s+\d[\d,.]*\s*(?:million|billion|thousand)?\s+(?:\w+\s+)?(?:tokens?|coins?|(?-i:[A-Z]{2,6}))\b"
            r"|\bsupply\s+(?:of\s+\S+\s+)?(?:is|will\s+be)\s+finite\b|\bfinite\s+(?:total\s+)?(?:token\s+)?supply\b"
            r"|\b(?:token\s+(?:creation|minting|issuance)|the\s+mint(?:ing)?\s+function|(?:creation|minting|issuance)\s+of\s+(?:new\s+)?tokens)\s+(?:will\s+be|is|shall\s+be)\s+"
            r"(?:permanently\s+|forever\s+)?(?:disabled|stopped|closed|locked|finished|frozen)\b"
            r"|\b(?:will\s+not|won.t|shall\s+not)\s+be\s+possible\s+to\s+(?:create|mint|issue)\s+(?:any\s+)?(?:new|more|additional|further)\b|\bimpossible\s+to\s+(?:create|mint|issue)\s+(?:any\s+)?(?:new|more|additional|further)\b"
            r"|\b(?:supply|total\s+(?:amount|number)\s+of\s+(?:\w+\s+)?(?:tokens|coins))\s+(?:of\s+\S+\s+)?(?:will|shall)\s+(?:never\s+change|remain\s+(?:constant|fixed|unchanged|the\s+same))\b"
            r"|\bsupply\s*:?\s*\d[\d,.]*\s*(?:million|billion)?\s*(?:\w+\s+)?(?:tokens\s+)?\(\s*fixed\s*\)"
            r"|\bno\s+more\s+(?:\w+\s+){0,2}?(?:will|can|shall)\s+ever\s+be\s+(?:created|issued|minted)\b"
            # "No future emission", "a one-time emission", "issued only once", "Reissuance: Never", "there will not be
            # any further token issuance"
            r"|\bno\s+future\s+(?:token\s+)?(?:emissions?|issuances?|minting)\b|\b(?:one-?time|single)\s+(?:token\s+)?(?:emission|issuance)\b"
            r"|\b(?:issued|created|minted|generated)\s+only\s+once\b|\breissuance\s*:?\s*never\b"
            r"|\bnot\s+be\s+any\s+(?:further|additional|new|more)\s+(?:token\s+)?(?:emission|issuance|minting|tokens)\b",
            re.I,
        ),
        "minted": re.compile(
            r"(?<!non-)(?<!non)\binflationary\s+(?:system|model|token|supply|mechanism)|\b(?:token|supply)\s+inflation\b"
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
            r"|(?<!\bno\s)\b(?:new|additional)\s+(?:(?-i:[A-Z][A-Za-z0-9]{1,6})\s+)?(?:tokens?|coins?|(?-i:[A-Z]{2,6}))\s+(?:will|shall)\s+be\s+(?:minted|issued|created)\s+"
            r"(?:as|for|to)\s+(?:\w+\s+)?(?:rewards?|block|staking|mining|validators?)"
            # third round: "new NOVA tokens will be minted with every block", "the network mints 2 NOVA per block",
            # "the supply is inflationary: 3% new tokens are issued each year"
            r"|(?<!\bno\s)\b(?:new|additional)\s+(?:\w+\s+)?(?:tokens?|coins?)\s+(?:will\s+be|are|is|shall\s+be|get)\s+(?:minted|issued|created|generated)\s+"
            r"(?:with\s+|in\s+)?(?:every|each|per)\s+(?:new\s+)?(?:block|year|epoch|day|month)\b"
            r"|\bmints?\s+(?:\d[\d.,]*\s+)?(?:new\s+)?\S+\s+(?:tokens?\s+|coins?\s+)?(?:per|every|each|with\s+every|with\s+each)\s+block\b"
            r"|(?<!non-)(?<!non)(?<!not\s)(?<!never\s)\b(?:is|be|remains)\s+inflationary\b"
            # "the total supply will increase over time as new tokens are mined", "new tokens are created through mining"
            r"|\b(?:total\s+)?supply\s+(?:will|is\s+going\s+to|is\s+expected\s+to)\s+(?:increase|grow)\b"
            r"|\bnew\s+(?:\w+\s+)?(?:tokens?|coins?)\s+(?:are|will\s+be|shall\s+be)\s+(?:created|minted|generated|issued)\s+(?:through|by|via)\s+(?:\w+\s+)?(?:mining|staking|minting|block\s+rewards?|forging)\b"
            r"|\b(?:new\s+)?(?:tokens?|coins?|(?-i:[A-Z]{2,6}))\s+(?:are|will\s+be|can\s+be)\s+mined\b"
            r"|\b\d+(?:\.\d+)?\s*%\s+(?:new|additional)\s+(?:\w+\s+)?(?:tokens?|coins?)\s+(?:are|will\s+be)\s+(?:issued|minted|created)"
            # fifth round: "NOVA has no maximum supply", "there is no cap on the total supply", "the total supply is not
            # fixed", "additional tokens may be issued in the future"
            r"|\bno\s+(?:maximum|max\.?|hard|fixed)\s+(?:total\s+)?(?:token\s+)?supply\b|\bno\s+(?:hard\s+)?cap\s+on\s+(?:the\s+)?(?:total\s+)?(?:token\s+)?supply\b"
            r"|\bsupply\s+(?:of\s+\S+\s+)?(?:is|will\s+be)\s+not\s+(?:fixed|capped|limited)\b"
            r"|(?<!\bno\s)\b(?:additional|new|more)\s+(?:\w+\s+)?tokens?\s+(?:may|will|can)\s+be\s+(?:issued|minted|created)\s+(?:in\s+the\s+future|later|at\s+a\s+later\s+(?:date|stage|time))"
            # sixth round: the chain creates coins at a rate ("the blockchain will generate 3.5 NOVA per second", "the network
            # will generate a certain amount of NOVA per block") and a rate before the word ("4.02% the 10th year inflation")
            r"|\b(?:network|blockchain|protocol|chain|system)\s+(?:will\s+)?(?:generates?|mints?|issues?|creates?|produces?)\s+(?:a\s+(?:certain|fixed|set)\s+amount\s+of\s+|\d[\d.,]*\s+)"
            r"(?:[\w()]+\s+){0,2}?(?:tokens?|coins?|(?-i:[A-Z][A-Za-z0-9]{1,6}))\b[^.;]{0,30}?\b(?:per|every|each)\s+(?:second|block|minute|hour|day|year|epoch)\b"
            r"|\b(?:[1-9]\d*|0\.\d*[1-9])(?:\.\d+)?\s*%\s+(?:in\s+)?(?:the\s+)?(?:\w+\s+)?years?\s+inflation\b"
            # "an ever-decreasing emission rate, which ensures it remains a disinflationary currency", "rewarded in the form of new coins"
            r"|\bdisinflationary\b|\bin\s+the\s+form\s+of\s+new(?:ly\s+(?:minted|created|issued))?\s+(?:coins|tokens)\b",
            re.I,
        ),
    }

    _ABOUT_FIAT = re.compile(r"\b(?:fiat|governments?|central\s+banks?|national\s+currenc\w+|dollar|euro)\b", re.I)
    #: a sentence about the market's tokens, not the paper's own ("alternative coins and newly issued tokens")
    _ABOUT_OTHERS = re.compile(r"\b(?:alternative|other|existing|many|most)\s+(?:\w+\s+)?(?:coins|tokens|cryptocurrencies|projects|blockchains|ICOs)\b"
                               r"|\baltcoins\b", re.I)
    #: a limit that is itself moved: "supply will be limited and expanded conservatively with demand"
    _MOVING_LIMIT = re.compile(r"\b(?:limited|capped|fixed)\s+(?:and|but)\s+(?:\w+\s+)?(?:expanded|increased|adjusted|raised)\b", re.I)

    #: "a fixed amount of tokens for a predetermined price": a trade, not the supply
    _TRADE = re.compile(r"\b(?:swaps?|exchanges?|price|pays?|paid|trades?|purchases?|buys?|sells?)\b", re.I)
    _SUPPLY_WORDS = re.compile(r"\b(?:creat\w+|issu\w+|mint\w+|generat\w+|supply|exist\w*|total|ever)\b", re.I)
    _SALE = re.compile(r"\b(?:sale|sell|sold|ico|crowd\s?sale|raise[sd]?|contribut\w+|hard[\s-]?cap)\b", re.I)
    #: "newly issued tokens" is new supply only about rewards (else: "newly issued tokens cannot be traded")
    _REWARD = re.compile(r"\b(?:rewards?|stak\w+|mining|mined|blocks?|validators?|inflation\w*|receiv\w*|gets?|buyers?|purchas\w*|(?:distributed|issued|given|paid)\s+to)\b", re.I)

    _OTHER_ASSET = re.compile(r"\b(?:bitcoins?|btc|gold|ether(?:eum)?|litecoin|fiat)\b", re.I)
    _OWN_TOKEN = re.compile(r"\b(?:our|this|the)\s+(?:\w+\s+)?(?:token|coin)s?\b", re.I)

    #: money right after a cap: "Crowdfunding hard capped at 15,000 ETH", "Max supply $10 million USD" (a sale's cap)
    _MONEY_AFTER = re.compile(r"\s*[:=\-–]?\s*(?:of\s+|is\s+|at\s+)?(?:(?:US\$|\$|€|£|USD|EUR)\s*\d|\d[\d.,\s]*(?:million|billion|mln|M|k)?\s*(?:ETH|ether|BTC|USD|EUR|dollars)\b)", re.I)
    #: a bare "limited supply" needs the paper's token beside it ("in conditions of limited supply": markets in general)
    _BARE_LIMIT = re.compile(r"(?:limited|capped|finite)\s+(?:token\s+)?supply", re.I)
    _TOKEN_NEAR = re.compile(r"\b\w*(?:token|coin)\w*|\b(?:its|their|our)\b|\d|\b(?-i:[A-Z]{2,6})\b", re.I)

    def _fixed_kept(self, text: str, m: re.Match) -> bool:
        cue = m.group(0).lower()
        if self._MONEY_AFTER.match(text, m.end()):
            return False
        if re.search(r"\bunless\b", text[m.end() : m.end() + 60], re.I):
            return False  # "will not change unless holders vote to mint more": a condition, not a fixed supply
        if self._BARE_LIMIT.fullmatch(m.group(0)) and not self._TOKEN_NEAR.search(text):
            return False
        if re.search(r"\b(?:no|not|without|never)\s+(?:a\s+|any\s+)?$", text[max(0, m.start() - 12) : m.start()], re.I):
            return False  # "NOVA has no maximum supply", "without a supply cap": the opposite of a fixed supply
        if self._MOVING_LIMIT.search(text):
            return False
        if re.match(r"a\s+fixed\s+", cue) and (self._TRADE.search(text) or not self._SUPPLY_WORDS.search(text)):
            return False  # "distribute a fixed amount of tokens daily": an amount, not the supply
        if re.match(r"(?:the|a)\s+cap\s+of\b", cue) and self._SALE.search(text):
            return False
        if re.search(r"\bfinite\b|\bonly\s+ever\b", cue) and self._OTHER_ASSET.search(text) and not self._OWN_TOKEN.search(text):
            return False  # "Bitcoin has a finite supply of 21 million coins": another asset's supply
        return True

    def _minted_kept(self, text: str, m: re.Match) -> bool:
        if self._ABOUT_FIAT.search(text) or self._ABOUT_OTHERS.search(text):
            return False
        if m.group(0).lower().startswith("newly") and not self._REWARD.search(text):
            return False
        return True

    def _detect(self, document):
        fixed = [evidence_at(u, m) for u, m in self.matches(document, "fixed") if self._fixed_kept(u.text, m)]
        minted = [evidence_at(u, m) for u, m in self.matches(document, "minted") if self._minted_kept(u.text, m)]
        if minted and len(minted) >= len(fixed):
            # A paper that says the supply grows (inflation, minting on purchase) is not fixed, even
            # when it also calls the initial issue "capped".
            return ClaimResult(self.NAME, False, minted[:2], counter_evidence=fixed[:2])
        if fixed:
            return ClaimResult(self.NAME, True, fixed[:2], counter_evidence=minted[:2])
        return None
