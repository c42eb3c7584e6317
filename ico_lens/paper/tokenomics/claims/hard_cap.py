"""``hard_cap``: the sale's hard cap, as written (the token term of the same name, checked and completed).

The term (:func:`~ico_lens.paper.tokenomics.terms.find_hard_cap`) reads "Hard cap: N", "cap of N",
"raise up to N". Two kinds of statement are no sale cap although they say "cap" and are dropped here:
a market capitalisation ("a market cap of 3.1 trillion USD") and a *minimum* cap ("a minimum cap of
5,000 ETH", a soft cap), as well as a cap in the paper's own tokens that is the total supply ("saved
from the cap of 66,588,888 METAL"). When the term is missing or dropped, wordings of a hard cap the term
does not know are read (GOLD.md: the cap as written, in money or, for a sale capped in tokens, tokens):
"the sale will end once 20,000 ETH has been raised", "the maximum amount to be raised is $20 million",
"the funding ceiling of 22,000 ETH", "sell to the public up to 520 million tokens", "the crowdsale is
capped at 15,000 ETH", a "Cap: $12,000,000" row.
"""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, HEDGE, TermClaim, claim_units, evidence_at, register

_NUM = r"\d{1,3}(?:[ ,.'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"(?:\s*(?:million|billion|thousand|mln|M|k|B)\b)?"
#: an amount of money: "$20 million", "US$ 12,000,000", "15,000 ETH", "20 million USD", "€ 14,820,000"
MONEY = (r"(?:(?:US\$|\$|€|£|USD|EUR|CHF)\s*(?:" + _NUM + r")" + _SCALE
         + r"|(?:" + _NUM + r")" + _SCALE + r"\s*(?:ETH|Ether|BTC|USD|EUR|CHF|NEO|US\s+dollars|dollars|euros?)\b"
         + r"|(?:" + _NUM + r")" + _SCALE + r"\s*[$€](?!\w))")  # "7.500.000$"
#: an amount of tokens: "520 million tokens", "200M NOVA tokens"
TOKENS = r"(?:" + _NUM + r")" + _SCALE + r"\s+(?:(?-i:[A-Z][A-Za-z0-9]{1,9})\s+)?(?:tokens?|coins?)\b"
_SALE = r"(?:token\s+sale|crowd\s?sale|ico|sale|offering|pre-?sale|token\s+generation\s+event|tge|contribution\s+period)"

#: statements of a hard cap the token term does not read, most specific first
FALLBACK = [
    re.compile(r"\b(?:the\s+)?" + _SALE + r"\s+(?:will\s+|shall\s+)?(?:end|close|stop|finish|conclude|be\s+completed)s?\s+(?:once|when|as\s+soon\s+as|after|if)\s+"
               r"(?:a\s+(?:total\s+)?(?:of\s+)?)?(?P<v>" + MONEY + r")\s+(?:has|have|is|are)\s+(?:been\s+)?(?:raised|reached|collected|contributed|received)", re.I),
    re.compile(r"\bmaximum\s+(?:amount|sum)\s+(?:of\s+(?:funds?|money|capital)\s+)?(?:to\s+be\s+raised|(?:that\s+)?(?:will|can)\s+be\s+raised|raised)\s+"
               r"(?:\w+\s+){0,5}?(?:is|will\s+be|of|:|amounts\s+to)\s*(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\b(?:funding|fundraising|sale|ico)\s+ceiling\s+(?:of\s+|is\s+|at\s+|:\s*|\(\s*)?(?P<v>" + MONEY + r")"
               r"|\bceiling\s+(?:for|of)\s+(?:the\s+)?(?:funding|fundraising|the\s+sale|contributions)\s+(?:of\s+|is\s+|at\s+|:\s*|\(\s*)?(?P<v2>" + MONEY + r")", re.I),
    re.compile(r"\b(?:sell|offer|distribute)\s+(?:to\s+the\s+public\s+|in\s+the\s+(?:token\s+)?sale\s+)?(?:up\s+(?:to\s+)?|a\s+maximum\s+of\s+|at\s+most\s+|no\s+more\s+than\s+)"
               r"(?P<v>" + TOKENS + r")", re.I),
    re.compile(r"\b" + _SALE + r"\s+(?:is|will\s+be|has\s+been)\s+(?:(?:hard[\s-]?)?capped\s+at|limited\s+to)\s+(?P<v>" + MONEY + r")", re.I),
    re.compile(r"^\s*(?:(?:maximum|max\.?)\s+)?cap\s*[:=]\s*(?P<v>" + MONEY + r")", re.I),
    # "Maximum raise: $15M", "the maximum amount of ETH that will be accepted in the crowdsale is 12,000 ETH",
    # "until the 50,000 ETH cap is reached", "Cap on contributions: 100,000 ETH", "the maximum goal of the crowdsale is"
    # sixth round: an em dash or "raised" as the label ("Maximum raise — $25m", "Maximum raised 50,000 ETH")
    re.compile(r"\bmax(?:imum)?\.?\s+(?:raise|raised|fundraise|funding|amount\s+raised)\s*[:=\-–—]?\s*(?:of\s+|is\s+)?(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\bmaximum\s+(?:amount|number|sum)\s+of\s+(?:ETH|ether|BTC|funds?|money|contributions?)\s+(?:that\s+)?(?:will|can|to)\s+be\s+"
               r"(?:accepted|raised|collected|received|contributed)\s+(?:\w+\s+){0,5}?(?:is|will\s+be|:)\s*(?P<v>" + MONEY + r")", re.I),
    re.compile(r"(?P<v>" + MONEY + r")\s+(?:hard\s+)?cap\s+(?:is|has\s+been|was)\s+(?:reached|met|hit)\b", re.I),
    re.compile(r"\bcap\s+(?:on|for)\s+(?:the\s+)?(?:contributions?|funding|fundraising|the\s+sale|token\s+sale|crowdsale)\s*[:=\-–]?\s*(?:of\s+|is\s+)?(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\bmaximum\s+(?:funding\s+)?(?:goal|target)\s+(?:of|for)\s+(?:the\s+)?" + _SALE + r"\s+(?:is|will\s+be|:)\s*(?P<v>" + MONEY + r")", re.I),
    # fifth round: "Total funds collected during Token Sale: 20 million USD", "Total amount to be raised: 40,000 ETH",
    # "Target raise: $12 million", "A maximum of 200,000,000 (two hundred million) tokens will be sold"
    re.compile(r"\btotal\s+(?:amount\s+of\s+)?(?:funds?|money|capital|contributions?)\s+(?:to\s+be\s+)?(?:raised|collected)\s+(?:during|in|through|at)\s+(?:the\s+)?"
               + _SALE + r"\s*[:=\-–]\s*(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\b(?:total\s+)?(?:amount|sum)\s+to\s+be\s+raised\s*(?:[:=\-–]|is|will\s+be)\s*(?:up\s+to\s+)?(?P<v>" + MONEY + r")"
               r"|\btarget(?:ed)?\s+raise\s*[:=\-–]\s*(?P<v2>" + MONEY + r")", re.I),
    # sixth round: the sale named between the cap and its value: "The hard cap for the token sale is set at 40,000
    # ETH", "Maximum cap of the ICO is 18,000 ETH", "the hard cap of the crowdsale amounts to $20 million"
    re.compile(r"\b(?:hard[\s-]?cap|max(?:imum)?\.?\s+cap)\s+(?:for|of)\s+(?:the\s+|our\s+|this\s+)?(?:(?:main|public)\s+)?" + _SALE
               + r"\s+(?:is\s+|will\s+be\s+|has\s+been\s+)?(?:set\s+(?:at|to)\s+|fixed\s+at\s+|equals?\s+|amounts\s+to\s+|:\s*)?(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\b(?:a\s+maximum\s+of|up\s+to|no\s+more\s+than|at\s+most)\s+(?P<v>(?:" + _NUM + r")" + _SCALE + r"\s*(?:\([^)]{1,40}\)\s*)?"
               r"(?:(?-i:[A-Z][A-Za-z0-9]{1,9})\s+)?(?:tokens?|coins?))\s+(?:will|shall|can|are\s+to|is\s+to)\s+be\s+(?:sold|offered|available\s+for\s+(?:sale|purchase))\b", re.I),
    # round 6: the amount first, the raising after ("A maximum of 30,000 ETH will be raised during the token sale", "no
    # more than $20 million will be accepted"), a ceiling that does not go above ("the total amount raised will not
    # exceed 50,000 ETH"), a cap on the funds ("the amount of funds raised is capped at $30M"), the sale named as the
    # label ("Crowdsale cap: 60,000 ETH"), the value in brackets after the ceiling ("once the ceiling for funding is
    # met (22,000)"), the fundraising as the subject that stops, and a cap after its value ("40M worth of NOVA
    # tokens cap for this ICO")
    re.compile(r"\b(?:a\s+maximum\s+of|no\s+more\s+than|at\s+most|up\s+to)\s+(?:the\s+equivalent\s+of\s+)?(?P<v>" + MONEY + r")\s+(?:will|shall|can|may|is\s+to)\s+be\s+"
               r"(?:raised|collected|accepted|contributed|received)\b", re.I),
    re.compile(r"\b(?:total\s+)?(?:amount|sum|funds?|money|contributions?)\s+(?:\w+\s+){0,3}?(?:raised|collected|contributed)\s+(?:\w+\s+){0,4}?(?:will|shall|can|may)\s+not\s+exceed\s+(?P<v>" + MONEY + r")"
               r"|\b(?:will|shall)\s+not\s+(?:raise|accept|collect)\s+more\s+than\s+(?P<v2>" + MONEY + r")", re.I),
    re.compile(r"\b(?:amount\s+of\s+)?(?:funds?|money|contributions?)\s+(?:to\s+be\s+)?(?:raised|collected)\s+(?:\w+\s+){0,4}?(?:is|are|will\s+be|shall\s+be)\s+(?:capped|limited)\s+(?:at|to)\s+(?P<v>" + MONEY + r")", re.I),
    re.compile(r"(?:^|[.;]\s|\s)(?:(?:main|public)\s+)?(?:token\s+sale|crowd\s?sale|ico|sale|fundraising)\s+cap\s*[:=\-–—]\s*(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\bceiling\s+(?:for\s+(?:the\s+)?(?:funding|fundraising|contributions)\s+)?(?:is\s+|has\s+been\s+)?(?:met|reached|hit)\s*\(\s*(?P<v>" + MONEY + r"|\d{1,3}(?:,\d{3})+)\s*\)", re.I),
    re.compile(r"\b(?:the\s+)?(?:fundraising|funding|contribution\s+period|token\s+sale|crowdsale|ico)\s+(?:will\s+|shall\s+)?(?:stop|end|close)s?\s+(?:once|when|as\s+soon\s+as)\s+"
               r"(?:a\s+total\s+of\s+)?(?P<v>" + MONEY + r")\s+(?:is|are|has\s+been|have\s+been)\s+(?:collected|raised|reached|received|contributed)\b", re.I),
    re.compile(r"(?P<v>(?:US\$|\$|€)?\s*\d+(?:[.,]\d+)?\s*(?:million|mln|M)\b\s+worth\s+of\s+(?:(?-i:[A-Z][A-Za-z0-9]{1,9})\s+)?tokens?)\s+cap\s+(?:for|of)\s+(?:this|the)\s+"
               r"(?:ico|token\s+sale|crowd\s?sale|sale)\b", re.I),
]

#: a limit of one buyer's contribution, not of the sale: "a maximum of 500 ETH per contributor can be contributed"
_INDIVIDUAL_LIMIT = re.compile(r"\bper\s+(?:person|contributor|participant|investor|purchaser|buyer|address|wallet|account|user|transaction)\b"
                               r"|\bindividual\b|\b(?:each|any|one|a)\s+(?:single\s+)?(?:contributor|participant|investor|purchaser|buyer|person|address|wallet)\b", re.I)

#: "market cap of", "minimum cap of", "soft cap": a word before "cap" that makes it no sale's hard cap
_NOT_A_HARD_CAP = re.compile(r"\b(?:market|minimum|min\.?|soft|supply|circulating)\s+(?:cap(?:italisation|italization)?|capitali[sz]ation)\b", re.I)
_SALE_WORDS = re.compile(r"\b(?:sale|sell|sold|offer\w*|ico|crowd\s?sale|offering|raise[sd]?|contribut\w+|purchas\w+|fund(?:ing|raising)?)\b", re.I)
_MONEY_RE = re.compile(MONEY, re.I)
_PRESALE = re.compile(r"\bpre-?(?:sale|ico)|presale|private\s+sale|early\s+bird|seed\b", re.I)
#: the pre-sale named right after the statement: "up to 10 million tokens will be sold in the pre-sale"
_PRESALE_AFTER = re.compile(r"[^.;]{0,25}?\b(?:in|during|for|of|at)\s+(?:the\s+)?(?:pre-?(?:sale|ico)|presale|private\s+sale|early\s+bird|seed)", re.I)


def _small_count(value: str) -> bool:
    """A number under 1,000 with no money unit: a page of a table of contents ("HARD CAP 41", "ICO GOAL 19 WHY
    CONTRIBUTE"), never a sale capped in tokens."""
    from ico_lens.paper.tokenomics.evidence import numbers_in

    numbers = numbers_in(value)
    return bool(numbers) and max(numbers) < 1000 and not _MONEY_RE.search(value)


def _cap_statement_kept(quote: str, value: str) -> bool:
    """Whether the sentence ``quote`` stating cap ``value`` is about the sale's maximum."""
    if _small_count(value):
        return False
    if re.match(r"\s*\(\s*hard[\s-]?cap\s*\)", quote[quote.rfind(value) + len(value) :] if value in quote else "", re.I):
        # "from USD 2M (Soft Cap) to USD 20M (Hard Cap)": the cap named right after the value (in a flattened table,
        # "SOFT CAP 21 000 ETH 4 000 ETH HARD CAP", the label after a value is not its own)
        return True
    first = value.split()[0] if value.split() else ""
    # the last place the value is written (the quote ends at the statement; "Min Cap: ~USD 1,000,000 ... Max
    # Cap: ~USD 9,600,000": the first "USD" belongs to the soft cap)
    at = quote.rfind(value) if value else -1
    if at < 0:
        at = quote.rfind(first) if first else -1
    if at < 0:
        return not _NOT_A_HARD_CAP.search(quote)
    # the word before the "cap" nearest to the value ("Soft Cap — $5M Hard Cap — $25M": the hard one)
    caps = list(re.finditer(r"\bcap(?:italisation|italization)?\b", quote[:at], re.I))
    if caps and _NOT_A_HARD_CAP.search(quote[max(0, caps[-1].start() - 14) : caps[-1].end()]):
        return False
    if caps and re.search(r"hard[\s-]?$", quote[max(0, caps[-1].start() - 6) : caps[-1].start()], re.I):
        return True  # "Hard cap: 30,000,000 NOVA tokens": named a hard cap, in money or tokens
    if not _MONEY_RE.search(value) and not _SALE_WORDS.search(quote):
        return False  # "the cap of 66,588,888 METAL" with no sale in sight: the total supply
    return True


#: a pre-sale that is counted in, not named as the sale: "Maximum Cap (including pre-sale)", "(Pre-sale + ICO)"
_PRESALE_INCLUDED = re.compile(r"\((?:[^()]*\b(?:including|incl\.?|plus|with)\b[^()]*|[^()]*\+[^()]*)\)"
                               r"|\b(?:including|incl\.?)\s+(?:the\s+)?(?:pre-?\s?(?:sale|ico)|presale)", re.I)


def _presale_label(before: str) -> bool:
    """Whether the label of a value (the words since the previous number or sentence, ``before`` ending at the
    value) names the pre-sale: "Pre-ICO Hard Cap: 14,000 ETH ICO Hard Cap: 100,000 ETH" -> the second is the sale's."""
    label = re.split(r"[.;!?]\s|\d", before[-80:])[-1]
    return bool(_PRESALE.search(_PRESALE_INCLUDED.sub(" ", label)))


def _presale_statement(quote: str, value: str) -> bool:
    """Whether the term's statement is the pre-sale's (the term falls back to one when no main-sale cap is
    stated: "we will raise up to $5 million in the pre-sale" is no cap of the sale)."""
    at = quote.rfind(value)
    if at < 0:
        return bool(_PRESALE.search(_PRESALE_INCLUDED.sub(" ", quote)))
    # the label before the value ("Pre-sale hard cap: 5,000 ETH. Main sale hard cap: 30,000 ETH": the main one)
    return _presale_label(quote[:at]) or bool(_PRESALE_AFTER.match(quote[at + len(value) :]))


def _term_statements(document):
    """The term's own hard-cap statements, one by one (when its first pick was no sale cap)."""
    from ico_lens.paper.tokenomics.terms import HARD_CAP_AFTER_RE, HARD_CAP_RE

    for pattern in (HARD_CAP_RE, HARD_CAP_AFTER_RE):
        for unit in claim_units(document):
            for m in pattern.finditer(unit.text):
                value = " ".join(m.group("v").split()).strip(" ,.;:-–")
                if not re.search(r"\d", value) or _presale_label(unit.text[: m.start("v")]) or _PRESALE_AFTER.match(unit.text[m.end() :]):
                    continue
                if _cap_statement_kept(unit.text[max(0, m.start() - 60) : m.end()], value):
                    yield unit, m, value


@register
class HardCap(TermClaim):
    NAME = "hard_cap"
    ORDER = 90
    DESCRIPTION = "The sale's hard cap, as written."
    TERM = "hard_cap"
    PATTERNS = {f"fallback_{i}": p for i, p in enumerate(FALLBACK, start=1)}

    def _detect(self, document):
        found = super()._detect(document)
        if found is not None and all(_cap_statement_kept(ev.quote or "", str(found.value)) and not _presale_statement(ev.quote or "", str(found.value))
                                     for ev in found.evidence[:1]):
            return found
        return self._fallback(document)

    def _fallback(self, document) -> ClaimResult | None:
        for unit, m, value in _term_statements(document):
            if not HEDGE.search(unit.text):
                return ClaimResult(self.NAME, value, [evidence_at(unit, m)])
        for pattern in FALLBACK:
            for unit in claim_units(document):
                if HEDGE.search(unit.text) or re.search(r"\b(?:suppose|for\s+instance|assume)\b", unit.text, re.I):
                    continue
                if _INDIVIDUAL_LIMIT.search(unit.text):
                    continue  # a buyer's own maximum, not the sale's
                m = pattern.search(unit.text)
                if not m:
                    continue
                value = " ".join((m.groupdict().get("v") or m.groupdict().get("v2") or "").split())
                # the pre-sale's cap is no cap of the sale, named before or right after ("... will be sold in the pre-sale")
                if value and not _PRESALE.search(unit.text[: m.end()]) and not _PRESALE_AFTER.match(unit.text[m.end() :]):
                    return ClaimResult(self.NAME, value, [evidence_at(unit, m)], confidence="medium")
        return None
