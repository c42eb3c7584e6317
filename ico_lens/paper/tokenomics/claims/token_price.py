"""``token_price``: the token price in the main sale, as written (the token term of the same name).

When the term finds no price, a few more wordings are read (third round): "the average token sale price of
METAL at $0.18", "each NOVA token costs $0.10", "priced at $0.05 per token", "$0.10 per token in the
public sale"."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, HEDGE, TermClaim, claim_units, evidence_at, register
from ico_lens.paper.tokenomics.claims.hard_cap import _NUM, MONEY
from ico_lens.paper.tokenomics.terms import superseded

_PRESALE = re.compile(r"\bpre-?(?:sale|ico)|presale|private\s+sale|early\s+bird|seed\b|\bbonus", re.I)
#: a capitalised function word after a price that ends in a number: the start of the next sentence
_TRAILING_WORD = re.compile(r"(?<=\d)\s+(?-i:The|This|These|That|A|An|Our|We|In|It|All|Each|Tokens?)$")
#: a caption label right before a statement: a list of figures or a table of contents, not a price
_CAPTION_BEFORE = re.compile(r"\b(?:figure|fig\.|table|chart|chapter|section)\s+\d+(?:\.\d+)*\s*[:.]?\s*$", re.I)
FALLBACK = [
    re.compile(r"\b(?:average\s+)?(?:token\s+)?(?:sale|ico|offering|crowdsale)\s+price\s+(?:of\s+(?:[\w-]+\s+){1,2}?)?(?:is\s+|will\s+be\s+|at\s+|of\s+|:\s*|=\s*)"
               r"(?:set\s+(?:at|to)\s+)?(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\b(?:each|one|1|a\s+single)\s+(?:\w+\s+)?tokens?\s+(?:will\s+)?(?:costs?|is\s+(?:priced|sold|offered)\s+at|sells?\s+for)\s+(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\b(?:priced|sold|offered)\s+at\s+(?P<v>" + MONEY + r")\s+(?:per|each|a|for\s+(?:one|each|1))\s+(?:\w+\s+)?(?:token|coin)\b", re.I),
    re.compile(r"(?P<v>" + MONEY + r")\s+per\s+(?:\w+\s+)?(?:token|coin)\b(?=[^.]{0,60}\b(?:public\s+sale|token\s+sale|crowdsale|ico)\b)", re.I),
    # fifth round: "tokens will be sold at a price of $13 per token", "sold at the price of $150 for one token",
    # "sold at 0.0001 ETH each", "one NOVA token will be sold for $0.10", "each NOVA costs 0.0005 ETH",
    # "1 ETH will buy 4,000 NOVA", "tokens cost $1 each"
    re.compile(r"\b(?:tokens?|coins?|(?-i:[A-Z][A-Z0-9]{1,6}))\s+(?:\w+\s+){0,3}?(?:sold|offered|issued|available)\s+(?:at\s+(?:a|the)\s+(?:fixed\s+)?price\s+of|at|for)\s+"
               r"(?P<v>" + MONEY + r")\s*(?:per|for\s+(?:one|each|1|a)|each|a)\b"
               r"|\b(?:sold|offered|issued|available)\s+(?:at\s+(?:a|the)\s+(?:fixed\s+)?price\s+of|at|for)\s+(?P<v2>" + MONEY + r")\s*(?:per|for\s+(?:one|each|1|a)|a)\s+"
               r"(?:\w+\s+)?(?:token|coin)\b", re.I),
    re.compile(r"\b(?:each|one|1|a\s+single)\s+(?:(?!(?:ETH|BTC)\b)(?-i:[A-Z][A-Z0-9]{1,6})\s+(?:(?:token|coin)\s+)?|(?:(?-i:[A-Z][A-Za-z0-9]{1,6})\s+)?(?:token|coin)\s+)"
               r"(?:(?:will\s+be|is|shall\s+be)\s+(?:sold|offered|priced)\s+(?:at|for)|(?:will\s+)?costs?)\s+(?P<v>" + MONEY + r")", re.I),
    re.compile(r"(?P<v>\b(?:1|one)\s+(?:ETH|ether|BTC)\s+(?:will\s+)?(?:buys?|gets?|purchases?|is\s+exchanged\s+for)\s+(?:" + _NUM + r")\s+(?-i:[A-Z][A-Za-z0-9]{1,6})\b)", re.I),
    re.compile(r"\b(?:tokens?|coins?)\s+(?:will\s+)?cost\s+(?P<v>" + MONEY + r")\s+(?:each|apiece|per\s+(?:token|coin))\b", re.I),
    # sixth round: an exchange rate with a dash or "for" between the coins ("Exchange rate for token sale 1 ETH - 8000
    # NOVA", "the exchange rate is 1 ETH for 1,500 NOVA") and a rate row whose label holds the units ("NOVA tokens
    # per ETH 1,000", "Tokens per ETH: 1,500")
    re.compile(r"\b(?:exchange\s+)?rate\b(?:\s+(?:for|of|during|in)\s+(?:the\s+)?(?:(?:main|public)\s+)?(?:token\s+sale|crowd\s?sale|ico|sale|offering))?\s*(?:is\s+|will\s+be\s+|:\s*|=\s*)?"
               r"(?P<v>(?:1|one)\s+(?:ETH|BTC|ether)\s*(?:-|–|—|for|to|:|=)\s*(?:" + _NUM + r")\s+(?:(?!(?:USD|BTC|ETH|EUR)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})\b|tokens\b))", re.I),
    re.compile(r"(?P<v>(?:\b(?-i:[A-Z][A-Za-z0-9]{1,6})\s+)?\b(?:tokens?|(?-i:[A-Z][A-Z0-9]{1,6}))\s+per\s+(?:1\s+)?(?:ETH|BTC|ether)\s*[:=\-–—]?\s*(?:" + _NUM + r"))(?![\d.,’']*\d)(?![\d.,’']*\s*(?:%|ETH|BTC|USD|\$))", re.I),
    # the coins the other way round ("Token exchange rate: 6 000 NOVA = 1 ETH") and a price pegged to a value ("Token
    # price is locked to $1 per 1 NOVA")
    re.compile(r"(?<![\d.,])(?P<v>(?:" + _NUM + r")\s+(?!(?:USD|BTC|ETH|EUR)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})(?:\s+tokens?)?\s*=\s*(?:1|one)\s+(?:ETH|BTC|ether)\b)", re.I),
    re.compile(r"\btoken\s+price\s+(?:is|will\s+be|shall\s+be)\s+(?:locked|pegged|set|fixed)\s+(?:to|at)\s+(?P<v>" + MONEY + r")", re.I),
    # "for every 1 ETH contributed, buyers receive 2,000 NOVA"
    re.compile(r"\bfor\s+(?:every|each)\s+(?:1\s+|one\s+)?(?:ETH|ether)(?:\s+(?:contributed|sent|paid|invested))?,?\s+(?:\w+\s+){0,3}?(?:receives?|gets?|will\s+receive|will\s+get)\s+"
               r"(?P<v>(?:" + _NUM + r")\s+(?:(?!(?:USD|BTC|ETH)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})\b|tokens\b))", re.I),
    # round 6: the sale between the token and the price ("the price of the token during the crowdsale will be $0.10")
    # and a fixed price with no unit after it ("the tokens will be sold at a fixed price of 0.0005 ETH")
    re.compile(r"\bprice\s+(?:of|for|per)\s+(?:the|one|each|a|1)\s+(?:(?-i:[A-Z][A-Za-z0-9]{1,6})\s+)?(?:token|coin)\s+(?:during|in|at|for)\s+(?:the\s+)?(?:(?:main|public)\s+)?"
               r"(?:token\s+sale|crowd\s?sale|ico|sale|offering)\s+(?:is|will\s+be|shall\s+be|amounts\s+to|:)\s*(?:set\s+(?:at|to)\s+)?(?P<v>" + MONEY + r")", re.I),
    re.compile(r"\b(?:tokens?|coins?|(?-i:[A-Z][A-Z0-9]{1,6}))\s+(?:will\s+be|are|shall\s+be|is)\s+(?:sold|offered|issued)\s+at\s+(?:a|the)\s+(?:fixed\s+|flat\s+|single\s+)?price\s+of\s+(?P<v>" + MONEY + r")", re.I),
]


@register
class TokenPrice(TermClaim):
    NAME = "token_price"
    ORDER = 100
    DESCRIPTION = "The token price in the main sale, as written."
    TERM = "token_price"
    PATTERNS = {f"fallback_{i}": p for i, p in enumerate(FALLBACK, start=1)}

    def _detect(self, document):
        found = super()._detect(document)
        if found is not None:
            # a price row followed by the next line's first word ("Token sale price: 1 NOVA = $1" then "The ..."):
            # the word is no part of the price
            found.value = _TRAILING_WORD.sub("", str(found.value)) if isinstance(found.value, str) else found.value
            return found
        for pattern in FALLBACK:
            for unit in claim_units(document):
                m = pattern.search(unit.text)
                if not m or HEDGE.search(unit.text) or _PRESALE.search(unit.text[max(0, m.start() - 80) : m.end()]):
                    continue
                if re.search(r"\b(?:suppose|for\s+instance|assume|assuming|example)\b", unit.text, re.I):
                    continue
                if superseded(unit.text[: m.start("v")]):
                    continue  # "Before redenomination, tokens were sold at the price of $150": replaced since
                if _CAPTION_BEFORE.search(unit.text[max(0, m.start() - 20) : m.start()]):
                    continue  # a list of figures or contents: "Figure 5: NOVA per ETH 14" (a page number)
                value = m.group("v") or m.groupdict().get("v2") or ""
                return ClaimResult(self.NAME, " ".join(value.split()), [evidence_at(unit, m)], confidence="medium")
        return None
