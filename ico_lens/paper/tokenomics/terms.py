"""Token terms of a white paper: symbol, standard, total supply, decimals, price, caps, sale dates.

Every term is found by scoring candidate statements rather than by taking the first match: a paper
mentions many token amounts (sale tranches, bonuses, hard caps in tokens), and the total supply is the
one stated near "total supply", "max supply", "total tokens", "will ever be created", not the one near
"for sale" or "bonus". Each found value keeps its evidence (page and quote).

Library use::

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.terms import extract_terms
    terms = extract_terms(open_document("auctus.pdf"))
    terms.total_supply.value, terms.total_supply.evidence[0]   # 106000000, p.43: 'Total Token Supply: ...'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ico_lens.paper.tokenomics.breakdown.labels import TOTAL_LABEL_RE
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, parse_percent
from ico_lens.paper.tokenomics.evidence import TextUnit, find_quantities, page_lines, quote_around, text_units
from ico_lens.records import Evidence, Record


@dataclass
class TermValue(Record):
    """One extracted term: its value, the evidence, and other candidates that lost."""

    value: Any
    evidence: list[Evidence] = field(default_factory=list)
    #: how sure the rule is, 0..1 (score of the winning candidate, normalised)
    confidence: float = 1.0
    #: other values stated in the paper (e.g. a pre-sale price), most likely first
    alternatives: list[Any] = field(default_factory=list)


@dataclass
class TokenTerms(Record):
    symbol: TermValue | None = None
    standard: TermValue | None = None
    total_supply: TermValue | None = None
    decimals: TermValue | None = None
    token_price: TermValue | None = None
    hard_cap: TermValue | None = None
    soft_cap: TermValue | None = None
    sale_start: TermValue | None = None
    sale_end: TermValue | None = None

    def value(self, name: str) -> Any:
        term = getattr(self, name)
        return None if term is None else term.value


def _evidence(unit: TextUnit, start: int = 0, end: int | None = None) -> Evidence:
    return Evidence.paper(unit.page, quote_around(unit.text, start, len(unit.text) if end is None else end))


# ---------------------------------------------------------------------------------------------
# Symbol

#: upper-case words that look like tickers but are not the paper's token
NOT_SYMBOLS = {
    "ICO", "ETH", "BTC", "LTC", "USD", "EUR", "GBP", "CHF", "CNY", "JPY", "SGD", "USDT", "ERC", "EIP",
    "API", "SDK", "KYC", "AML", "CEO", "CTO", "COO", "CFO", "CMO", "DAO", "DAPP", "DAPPS", "P2P", "IPFS",
    "USA", "EU", "UK", "AI", "IOT", "VR", "AR", "PDF", "FAQ", "TBD", "TBA", "NFT", "ID", "IP", "PR",
    "QR", "UI", "UX", "OK", "ROI", "GDP", "SEC", "EVM", "POS", "POW", "DPOS", "PBFT", "BFT", "DAG",
    "HTTP", "JSON", "SQL", "CPU", "GPU", "GB", "TB", "MB", "KB", "SMS", "CRM", "ERP", "B2B", "B2C",
    "THE", "AND", "FOR", "OUR", "ALL", "NEW", "TOKEN", "TOKENS", "COIN", "COINS", "ICOS", "CRR",
    "LLC", "LTD", "GMBH", "AG", "INC", "SA", "NO", "PAYMENT", "TOTAL", "SALE", "BONUS", "PRE", "US",
    "ETC", "XRP", "EOS", "BCH", "ETHER", "FIAT", "WEI", "GAS", "UTC", "GMT", "CET",
    "EMAIL", "FIG", "NOTE", "TABLE", "STEP", "PHASE", "ERC20", "ERC223", "ERC721", "QRC20", "NEP5",
    "IPHONE", "IPAD", "IOS", "EBAY", "ITUNES", "LINKEDIN", "TWITTER", "GITHUB", "FACEBOOK", "YOUTUBE",
    # units an amount is counted in ("10,000 TPS", "5,000 KWH") and sale acronyms ("Security Token, STO")
    "TPS", "KWH", "MWH", "GWH", "KW", "MW", "GW", "MHZ", "GHZ", "KM", "KG", "STO", "IEO", "TGE", "ITO", "SAFT",
    # currencies written "$CAD", and words of all-capitals tables ("TOTAL SUPPLY 1,000,000,000 UTILITY TOKENS")
    "CAD", "AUD", "HKD", "NZD", "KRW", "RMB", "RUB", "INR", "MXN", "ZAR", "HARD", "SOFT", "CAP", "MAX", "MIN",
    "UTILITY", "SECURITY", "SUPPLY", "AMOUNT", "PRICE", "RATE", "UNITS", "TYPE", "NAME", "TICKER", "SYMBOL",
    "STAGE", "ROUND", "PUBLIC", "PRIVATE", "SEED", "TEAM", "RESERVE", "FUND", "ISSUED",
}
_SYMBOL = r"(?:[A-Z0-9]{0,2}[A-Z][A-Z0-9]{1,5}|[a-z][A-Z][A-Za-z]{2,5})"
#: "our own UTRUST token (UTK)": the word before "token" is the name when the ticker follows in brackets
_NO_TICKER_AFTER = r"(?!\s*[(（]\s*[\"“']?[A-Z])"
SYMBOL_PATTERNS: list[tuple[re.Pattern, float]] = [
    # "Ticker PRIX", "ticker symbol “PAY”", "Symbol DAT", "Currency Code RFR", "Code RKT"
    (re.compile(r"\b(?i:ticker(?:\s+symbol)?|token\s+symbol|symbol|currency\s+code|token\s+code|code)"
                r"\s*(?i:is|of|:|-|–|=)?\s*[\"“”']?\s*(?P<s>" + _SYMBOL + r")\b(?![\"”']?\s*\w+ing\b)"),
     4.0),
    # "MEE（digital asset issued by CoinMeet）"
    (re.compile(r"\b(?P<s>" + _SYMBOL + r")\s*[（(]\s*(?i:the\s+)?(?i:digital\s+asset|token|coin|cryptocurrency)"), 3.0),
    # "Primas Token (PST)", "Dentacoin (DCN)", "Nectar (“NCT”) tokens"
    (re.compile(r"(?:[Tt]okens?|[Cc]oins?|[Cc]urrency|[A-Za-z]+coin)\s*[(（]\s*[\"“”']?(?P<s>" + _SYMBOL + r")[\"“”']?\s*[)）]"), 3.0),
    (re.compile(r"[A-Z][a-z]+\s*[(（]\s*[\"“”']?(?P<s>" + _SYMBOL + r")[\"“”']?\s*[)）]\s*(?:[Tt]okens?|coins?)"), 3.0),
    (re.compile(r"[A-Z][a-z]+\s*[(（]\s*[\"“”']?(?P<s>" + _SYMBOL + r")[\"“”']?\s*[)）]"), 1.5),
    # "1 ETH = 500 PXS", "2000 AUC / ETH", "44 LUN per Ether"
    (re.compile(r"\b1\s*(?:ETH|Ether|BTC)\s*=\s*[\d.,' ]+\s*(?P<s>" + _SYMBOL + r")\b"), 2.0),
    (re.compile(r"\d\s*(?P<s>" + _SYMBOL + r")\s*(?:/|per|for)\s*(?:1\s*)?(?:ETH|Ether)\b"), 2.0),
    # "150,000,000 AUC", "10 billion nCash tokens", "SNOV tokens"
    (re.compile(r"\d(?:\s*(?:million|billion))?\s+(?P<s>" + _SYMBOL + r")\s+(?:[Tt]okens?|coins?)\b"), 1.5),
    (re.compile(r"\b(?P<s>" + _SYMBOL + r")\s+(?:[Tt]okens?|coins?)\b"), 0.5),
    (re.compile(r"[\d,]\d{3}\s+(?P<s>[A-Z][A-Z0-9]{1,5})\b"), 0.5),
    # the token named beside its ticker: "ANT, The Aragon Network Token", "The Elastos Token, or ELA,"
    (re.compile(r"\b(?P<s>" + _SYMBOL + r"),\s+(?i:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?:Token|Coin)\b"), 3.0),
    (re.compile(r"\b[A-Z][\w.-]*\s+(?:[A-Z][\w.-]*\s+){0,2}(?:Token|Coin),\s+(?:or\s+|i\.e\.\s+)?[\"“']?(?P<s>" + _SYMBOL + r")\b"
                r"(?![\"”']?\s+(?:[Tt]oken|[Cc]oin|[a-z]+ing)\b)"), 3.0),
    # the unit the supply is counted in: "Total tokens issued: 20 billion BANCA", "The total number of INK is"
    (re.compile(r"\b(?i:total\s+(?:token\s+)?supply|max(?:imum)?\s+supply|total\s+(?:number|amount)\s+of\s+tokens|tokens?\s+issued"
                r"|total\s+tokens(?:\s+(?:issued|created|minted))?|supply\s+cap|a\s+total\s+of|capped\s+at)\b"
                r"[^.\n]{0,40}?(?<![\d,.'])(?:\d{1,3}(?:[,.' ]\d{3}){2,}|\d+(?:[.,]\d+)?\s*(?i:million|billion))\s+(?P<s>" + _SYMBOL + r")\b"
                r"(?:\s+(?i:tokens?|coins?))?" + _NO_TICKER_AFTER), 3.0),
    (re.compile(r"\b(?i:total\s+(?:number|amount|supply|quantity)\s+of)\s+(?P<s>" + _SYMBOL + r")\s+(?:(?i:tokens?|coins?)\s+)?"
                r"(?i:is|will|shall|are|amounts?)\b"), 3.0),
    # the paper issues it: "Ink will issue INK tokens", "100,001 ALQO were created in the genesis block"
    (re.compile(r"\b(?i:issue[sd]?|issuing|create[sd]?|mint(?:s|ed)?|launch(?:es|ed)?|introduce[sd]?)\s+(?:(?i:its|our|the|a|an)\s+)?"
                r"(?:(?i:own|native|new)\s+)?(?P<s>" + _SYMBOL + r")\s+(?i:tokens?|coins?)\b" + _NO_TICKER_AFTER), 2.5),
    (re.compile(r"\d(?:\s*(?i:million|billion))?\s+(?P<s>" + _SYMBOL + r")\s+(?:(?i:tokens?|coins?)\s+)?(?i:were|was|will\s+be|shall\s+be"
                r"|have\s+been|are)\s+(?i:created|issued|minted|generated|pre-?mined)\b"), 2.5),
    # "$ABC": the ticker as traders write it; a mention alone is weak (another project's ticker is written so too)
    # (not a part of a web address: "http://host/vwLUAssets/$FILE/Guide.pdf")
    (re.compile(r"(?<![\w$/%=])\$(?P<s>[A-Z][A-Z0-9]{1,5})\b(?![/\\%=])"), 1.5),
]
#: a ticker in a list of tickers: "NPXS / NPXSXEM tokens", "BTC, ETH or XYZ tokens"
_TICKER_LIST_BEFORE = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\s*(?:/|,|\bor\b|\band\b|&)\s*$")
#: a two-column table flattened: "Token ticker" on its own line, the ticker alone a few lines below
_TICKER_LABEL_LINE = re.compile(r"^(?i:(?:token\s+|coin\s+)?(?:ticker(?:\s+symbol)?|symbol)|(?:token|currency|coin)\s+code)\s*:?\s*$")
_LONE_TICKER_LINE = re.compile(r"^[\"“”']?(?P<s>" + _SYMBOL + r")[\"“”']?$")
TICKER_LABEL_REACH = 4  # lines
TICKER_LABEL_WEIGHT = 4.0
#: a long paper names its own ticker more than once; one mention is another project's, cited
MIN_MENTIONS = 2
AS_TOKEN_MENTIONS = 3
MENTION_CHECK_PAGES = 5
MENTION_CHECK_CHARS = 15_000
#: a ticker named this many times more often (as a token) than the strongly stated one is the paper's own
DOMINANT_MENTIONS_RATIO = 10


def _initials(word: str) -> str:
    """ "adChain" -> "AC", "In-App" -> "IA": first letters and inner capitals."""
    return "".join(
        part[0] + ("" if part.isupper() else "".join(c for c in part[1:] if c.isupper()))
        for part in word.split("-")
        if part
    ).upper()


def _is_abbreviation(sym: str, before: str) -> bool:
    """ "Engine Control Unit (ECU)": the letters are the initials of the words before it.

    "Credit Protocol Token (CPT)" is an abbreviation too, but of the token's name: kept.
    """
    words = re.findall(r"[A-Za-z][\w'-]*", before[-80:])
    letters = "".join(c for c in sym.upper() if c.isalpha())
    if not words or len(letters) < 2:
        return False
    if words[-1].lower() in ("token", "tokens", "coin", "coins"):
        return False
    initials = "".join(_initials(w) for w in words[-len(letters) :])
    # "Initial Smart Asset Offering (ISAO)": one word may give two letters
    two_letters = "".join(w[:2].upper() for w in words[-len(letters) :])
    return initials.endswith(letters) or two_letters.endswith(letters) or letters in two_letters


_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")


#: weak patterns that still name the token: "SNOV tokens", "10 billion nCash tokens"
_TOKEN_ADJACENT = re.compile(r"\s+(?:[Tt]okens?|coins?)\b")


def _stacked_tickers(document):
    """ "Token ticker" alone on a line, the ticker alone on one of the next lines (a flattened table)."""
    for page in document.pages:
        lines = [line.strip() for line in (page.text or "").split("\n") if line.strip()]
        for i, line in enumerate(lines):
            if not _TICKER_LABEL_LINE.match(line):
                continue
            for later in lines[i + 1 : i + 1 + TICKER_LABEL_REACH]:
                m = _LONE_TICKER_LINE.match(later)
                if m and m.group("s").upper() not in NOT_SYMBOLS and not _ROMAN.match(m.group("s")):
                    yield page.number, m.group("s"), f"{line} … {later}"
                    break


def _mentions(document, sym: str) -> int:
    word = re.compile(r"(?<![\w$])\$?" + re.escape(sym) + r"(?!\w)")
    return sum(len(word.findall(page.text or "")) for page in document.pages)


def find_symbol(document) -> TermValue | None:
    """The ticker: one strong statement (ticker row, "Token (SYM)", a price in SYM) or the token
    named as "SYM tokens" and often enough (score >= 3); strong candidates rank first."""
    scores: dict[str, float] = defaultdict(float)
    strong: Counter = Counter()
    as_token: Counter = Counter()
    first_evidence: dict[str, Evidence] = {}
    for unit in text_units(document, keep_toc=True):
        for pattern, weight in SYMBOL_PATTERNS:
            for m in pattern.finditer(unit.text):
                sym = m.group("s")
                if sym.upper() in NOT_SYMBOLS or sym.isdigit() or len(sym) < 2:
                    continue
                if re.fullmatch(r"\d+[A-Z]", sym) or re.fullmatch(r"[A-Z]\d+", sym):
                    continue  # "2B", "Q3", "P2": amounts and labels
                if _ROMAN.match(sym) or _is_abbreviation(sym, unit.text[: m.start("s")]):
                    continue
                if weight < 2 and _TICKER_LIST_BEFORE.search(unit.text[: m.start("s")]):
                    continue  # "converting their NPXS / NPXSXEM tokens": tokens listed are other projects'
                scores[sym] += weight
                if weight >= 2:
                    strong[sym] += 1
                elif _TOKEN_ADJACENT.match(unit.text, m.end("s")) or m.group(0).startswith("$"):
                    as_token[sym] += 1  # "SYM tokens", "$SYM": the token named as such
                if sym not in first_evidence or weight >= 3 and strong[sym] == 1:
                    first_evidence[sym] = _evidence(unit, m.start(), m.end())
    for page_number, sym, text in _stacked_tickers(document):
        scores[sym] += TICKER_LABEL_WEIGHT
        strong[sym] += 1
        if strong[sym] == 1:
            first_evidence[sym] = Evidence.paper(page_number, text)
    # "NVA token" three times names the paper's token as plainly as one strong statement
    eligible = {s: v for s, v in scores.items() if strong[s] or (as_token[s] and v >= 3) or as_token[s] >= AS_TOKEN_MENTIONS}
    # (a plain text has one page: its length tells a long paper)
    if len(document.pages) >= MENTION_CHECK_PAGES or sum(len(p.text or "") for p in document.pages) >= MENTION_CHECK_CHARS:
        eligible = {s: v for s, v in eligible.items() if _mentions(document, s) >= MIN_MENTIONS}
    if not eligible:
        return None
    best, score = max(eligible.items(), key=lambda kv: (strong[kv[0]] > 0, kv[1]))
    # "the district0x Network Token (DNT)" stated once beside SPANK named sixty times: the strong statement
    # is another project's token, cited; the paper's own is the one it keeps naming as a token
    mentions = {s: _mentions(document, s) for s in eligible}
    dominant = [s for s in eligible if s != best and as_token[s] >= AS_TOKEN_MENTIONS
                and mentions[s] >= DOMINANT_MENTIONS_RATIO * max(1, mentions[best])]
    if dominant:
        best = max(dominant, key=lambda s: mentions[s])
        score = eligible[best]
    others = [s for s, _ in sorted(scores.items(), key=lambda kv: -kv[1]) if s != best][:3]
    return TermValue(best, [first_evidence[best]], confidence=min(1.0, score / 8), alternatives=others)


# ---------------------------------------------------------------------------------------------
# Standard

#: chains whose tokens are no ERC standard (the token standard is then "other")
_OTHER_CHAINS = r"Stellar|NEO|Waves|WAVES|EOS|TRON|Tron|NEM|BitShares|Cardano|Tezos|Komodo"
STANDARD_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ERC223", re.compile(r"\bERC[\s-]?223\b", re.I)),
    ("ERC20", re.compile(r"\b(?:ERC|EIP)[\s-]?20(?:\d(?=\s*[,.;]))?(?![\d])", re.I)),
    ("other", re.compile(r"\b(?:QRC[\s-]?20|NEP[\s-]?5|TRC[\s-]?20|BEP[\s-]?2|ERC[\s-]?777|ERC[\s-]?827|"
                         r"ERC[\s-]?621|ERC[\s-]?1400)\b"
                         # a token issued on another chain: "a universal Stellar-based token", "a utility token based on
                         # the Stellar blockchain" (the chain's consensus or technology alone is no token type)
                         r"|\b(?-i:" + _OTHER_CHAINS + r")[\s-]*based\s+(?:\w+\s+){0,2}tokens?\b"
                         r"|\btokens?\s+(?:\w+\s+){0,3}?based\s+on\s+(?:the\s+)?(?-i:" + _OTHER_CHAINS + r")\s+(?:blockchain|platform|network)\b",
                         re.I)),
]
#: the sentence talks about the paper's own token (not about ERC-20 tokens in general)
_OWN_TOKEN = re.compile(
    r"\b(?:our|the|its|this)\s+(?:\w+\s+){0,2}tokens?\b|\btokens?\s+(?:is|are|will be|shall be|was)\b|"
    r"\b(?:issue|issuing|issued|implement(?:s|ed)?|deploy(?:ed)?|based on|compliant|conform|adhere)|"
    r"\bis\s+an?\s+(?:\w+\s+)?(?:ERC|EIP)",
    re.I,
)
_GENERIC = re.compile(r"\b(?:any|all|other|existing|third[- ]party|supports?|supporting|compatible wallets?)\b"
                      r"(?:\s+\w+){0,3}\s+(?:ERC|EIP)|\b(?:assets?|wallets?|exchanges?)\b", re.I)


#: other projects' tokens named by their standard: "a portfolio of the most popular ERC20 tokens"
_OTHER_TOKENS_BEFORE = re.compile(r"\b(?:portfolio|basket|popular|various|many|several|multiple|other|existing|listed|"
                                  r"thousands|hundreds|dozens)\b(?:\s+\w+){0,3}\s*$", re.I)


def find_standard(document, symbol: str | None = None) -> TermValue | None:
    """ERC223 wins over ERC20 when both are claimed (a superset); "other" for non-Ethereum standards."""
    hits: dict[str, list[Evidence]] = defaultdict(list)
    for unit in text_units(document):
        for name, pattern in STANDARD_PATTERNS:
            m = pattern.search(unit.text)
            if not m:
                continue
            own = (symbol and re.search(r"\b" + re.escape(symbol) + r"\b", unit.text)) or _OWN_TOKEN.search(unit.text)
            if not own or (_GENERIC.search(unit.text) and not (symbol and symbol in unit.text)):
                continue
            if _OTHER_TOKENS_BEFORE.search(unit.text[max(0, m.start() - 50) : m.start()]) and \
                    re.match(r"[\s-]*(?:compliant\s+|compatible\s+|standard\s+)?tokens\b", unit.text[m.end() :], re.I):
                continue  # "NVA will be backed by a portfolio of the most popular ERC20 tokens": others' tokens
            hits[name].append(_evidence(unit, m.start(), m.end()))
    if not any(hits.values()):
        return None
    # ERC-223 papers usually say "compatible with ERC-20 and ERC-223": ERC223 wins ties and
    # sentences naming both; a paper that mostly says ERC20 and mentions ERC223 once is ERC20.
    both = any(STANDARD_PATTERNS[1][1].search(e.quote) for e in hits["ERC223"])
    if hits["ERC223"] and (both or len(hits["ERC223"]) >= len(hits["ERC20"])):
        name = "ERC223"
    elif hits["ERC20"]:
        name = "ERC20"
    elif hits["ERC223"]:
        name = "ERC223"
    else:
        name = "other"
    alternatives = [n for n in ("ERC223", "ERC20", "other") if n != name and hits[n]]
    return TermValue(name, hits[name][:2], confidence=min(1.0, len(hits[name]) / 2), alternatives=alternatives)


# ---------------------------------------------------------------------------------------------
# Total supply

#: phrases that introduce the total supply, with their weight
SUPPLY_CUES: list[tuple[re.Pattern, float]] = [
    # "Total and maximal number of tokens is N", "the total and maximum supply": two words of the whole at once
    (re.compile(r"\b(?:total|overall|max(?:imum|imal)?)\s+(?:and|&|/)\s+(?:total|overall|max(?:imum|imal)?|fixed)\s+"
                r"(?:(?:token|coin)\s+)?(?:number|amount|quantity|supply)\b", re.I), 5.0),
    (re.compile(r"\b(?:total|max(?:imum|\.)?|fixed|finite|limited|capped|overall|entire|all[- ]time|hard[- ]capped)\s*"
                r"(?<=\s)(?:\w+\s+)?(?:token\s+|coin\s+)?(?:supply|emission|issuance|issue)\b", re.I), 5.0),
    # the supply named by its noun phrase, however it is qualified: "The token supply is N", "XYZ Token
    # Supply N", "Token emission: N", "Token Issuance N XYZ", "the token count is N", "Token amount: N"
    (re.compile(r"\b(?:(?:token|coin)s?|(?-i:[A-Z][A-Z0-9]{1,6}))\s+(?:total\s+)?(?:supply|emission|issuance)\b(?!\s+(?:chain|side))"
                r"|\b(?:total|overall|max(?:imum|\.)?)\s*(?<=\s)(?:token|coin)s?\s+(?:amount|count|quantity|cap)\b"
                r"|\b(?:total|overall)\s+(?:count|quantity|cap)\b|^\W*total\s+amount\s*[:=–-]"
                r"|\b(?:token|coin)s?\s+(?:amount|count|quantity|cap)\b"
                # "NOVA's supply is N", "The supply of NVA tokens will be N"
                r"|\b(?-i:[A-Z])[\w-]+(?:'s|’s)\s+(?:total\s+|token\s+)?supply\b"
                r"|\bsupply\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:tokens?|coins?)\s+(?:is|will\s+be|shall\s+be|amounts?\s+to|equals?)\b",
     re.I), 4.5),
    # "Max cap: N tokens", "total amount N XYZ": the cap or amount of what is not said (the sale's or the
    # supply's); weaker, and never of money ("total amount of $10,000,000")
    (re.compile(r"\b(?:total|overall|max(?:imum|\.)?)\s*(?<=\s)(?:amount|cap)\b"
                r"(?!\s+(?:raised|of\s+(?:the\s+)?(?:funds|money|capital|contributions|investments?)|(?:of\s+)?(?:US)?[$€£]|of\s+(?:USD|EUR|ETH|BTC)))",
                re.I), 3.0),
    # "Issued tokens: N"
    (re.compile(r"^\W*(?:issued|minted|created|generated)\s+(?:tokens|coins)\b", re.I), 4.0),
    # a limit put on the number of tokens, however the number is named: "The number of (issued) tokens is
    # limited to N", "the amount of issued tokens will be limited to N", "Maximum number of XYZ generated N",
    # "N XYZ out of N maximum possible XYZ", "Maximum sum of the issued tokens = N"
    (re.compile(r"\b(?:number|amount|quantity|sum|count)\s+of\s+(?:the\s+)?(?:issued\s+|created\s+|minted\s+)?(?:tokens?|coins?|units)"
                r"\s+(?:\w+\s+){0,2}?(?:(?:is|are|will\s+be|shall\s+be|was|to\s+be)\s+)?(?:strictly\s+)?(?:limited|capped|fixed|restricted)"
                r"\s+(?:to|at|by)\b", re.I), 5.0),
    (re.compile(r"\bmax(?:imum|imal)?\s+(?:number|amount|quantity|sum)\s+of\s+(?:the\s+)?(?:issued\s+)?(?:[\w-]+\s+)?"
                r"(?:tokens?|coins?|(?-i:[A-Z][A-Z0-9]{1,6}))\b(?:\s+(?:generated|created|issued|minted))?"
                r"|\bmax(?:imum)?\s+possible\b|\b(?:cannot|can\s*not|will\s+never|shall\s+never|may\s+not|will\s+not)\s+exceed\b",
                re.I), 4.5),
    # "N XYZ Tokens may be minted in total", "In total, N XYZ are created of which ...", "tokens issued: ~N"
    (re.compile(r"\b(?:may|can|will|shall)\s+be\s+(?:minted|created|issued|generated)\s+in\s+total\b|"
                r"^\W*in\s+total\b(?=.{0,60}\b(?:are|is|were|will\s+be)\s+(?:created|issued|minted|generated)\b)|"
                r"(?:(?<=[A-Z0-9])|\b)(?-i:Total)\s+(?:Tokens|Coins)\b", re.I), 4.5),
    (re.compile(r"\bsupply\s+(?:cap|limit|is\s+(?:fixed|capped|limited))\b|\b(?:supply|issuance)\s+of\s+\S+\s+"
                r"(?:\w+\s+)?is\s+(?:capped|fixed|limited)", re.I), 5.0),
    (re.compile(r"\btotal\s+(?:number|amount|quantity|volume|count)\s+of\s+(?:[\w,.]+\s+){0,3}?"
                r"(?:tokens?|coins?|(?-i:[A-Z][A-Z0-9]{1,6}|[A-Z][a-z]+coin))\b", re.I), 4.5),
    # "Number of tokens: N", "Amount of tokens to be created: N", "There will only ever be N", "Total coins: N"
    (re.compile(r"^\W*(?:total\s+|final\s+)?(?:number|amount|quantity)\s+of\s+(?:tokens|coins)\s*:|"
                r"\b(?:tokens|coins)\s+to\s+be\s+(?:created|issued|minted|generated)\b|\bonly\s+ever\s+be\b|"
                r"\btotal\s+coins?\b", re.I), 4.0),
    # "Initial supply: N": the supply at launch, weaker than a total
    (re.compile(r"\binitial\s+(?:token\s+|coin\s+)?supply\b", re.I), 3.5),
    (re.compile(r"\b(?:token\s+issue\s+volume|lifetime\s+cap|premine(?:d)?(?:\s+amount)?|total\s+tokens?"
                r"(?:\s+(?:created|issued|minted|generated|available))?|tokens?\s+in\s+total)\b", re.I), 4.0),
    # a limit for ever: "will ever be created", "in perpetuity", "a strict limit of N, never to be increased"
    (re.compile(r"\b(?:will|shall|can)\s+ever\s+(?:be\s+)?(?:created|issued|minted|generated|exist)\b|\bin\s+perpetuity\b"
                r"|\bnever\s+(?:to\s+)?be\s+increased\b|\bstrict\s+limit\b|\bhard[- ]?capped\s+at\b"
                r"|\bmax(?:imum)?\s+(?:number|amount)\s+of\s+tokens\b", re.I), 4.5),
    # "N ARK tokens are seeded into the genesis block", "genesis supply": the whole supply at launch;
    # "we issued a total of N": the issue, not a tranche
    (re.compile(r"\b(?:seeded|created|issued|minted|allocated)\s+(?:in|into|at)\s+(?:the\s+)?genesis\b|"
                r"\bgenesis\s+(?:block\s+)?(?:supply|allocation|issuance)\b|\b(?:issued|created|minted)\s+a\s+total\s+of\b",
                re.I), 4.5),
    # the total row of an allocation table: "Total 100% 378,604,524"
    (re.compile(r"^\W*total\s*:?\s*100(?:[.,]0+)?\s?%", re.I), 4.0),
    # "42,120,000 Token Minted", "Tokens issued: ~N"
    (re.compile(r"\btokens?\s+(?:minted|issued|created|generated)\b", re.I), 4.0),
    (re.compile(r"\b(?:will|shall)\s+(?:ever\s+)?(?:be\s+)?(?:created|issued|minted|generated)\b"
                r"|\bcapped\s+at\b|\b(?:a|the)\s+total\s+of\b|\ba\s+maximum\s+of\b|\bwill\s+ever\s+exist\b|\bin\s+existence\b"
                r"|\b(?:will|shall)\s+(?:initially\s+)?(?:issue|generate|create|mint)\b|\binitially\b", re.I), 2.5),
    (re.compile(r"\b(?:issue[sd]?|generate[sd]?|create[sd]?|mint(?:ed|s)?)\b", re.I), 1.0),
    (re.compile(r"^\s*(?:token\s+)?supply\s*:?\s*(?=\d)", re.I), 4.0),
    (re.compile(r"^\s*(?:token\s+)?supply\b|\bthere\s+(?:are|will\s+be)\b", re.I), 2.5),
]
#: phrases that say the number is a sale tranche, a bonus, money, not the whole supply
SUPPLY_PENALTIES: list[tuple[re.Pattern, float]] = [
    (re.compile(r"\b(?:for\s+sale|sold|to\s+sell|offered|available\s+(?:for|in|during)|purchase[ds]?|"
                r"crowdsale|pre-?sale|pre-?ico|presale|token\s+sales?|public\s+sales?|bonus(?:es)?|bount(?:y|ies)|"
                r"airdrop|reserved?\s+for|allocated|circulating|in\s+circulation|per\s+(?:day|year|block|month)|"
                r"annual(?:ly)?|every\s+year|remaining|unsold|raised?|contribution|each\s+(?:tier|round|stage|phase|batch)|"
                r"per\s+(?:tier|round|stage|phase)|promotional|fund|current(?:ly)?|at\s+present|today)\b", re.I), 2.0),
    # "if we have created 35,000,000 tokens ...": an example, not the supply
    (re.compile(r"\b(?:if|for\s+example|e\.g\.|suppose)\b", re.I), 3.0),
    # a condition on how many tokens the sale creates, not the whole: "34M tokens created within 4 weeks",
    # "less than 5M tokens created", "4 weeks passed OR 500M tokens created" (a state machine's transitions)
    (re.compile(r"\b(?:less|more|fewer)\s+than\b|\bwithin\s+(?:\d+|an?|one|two|three|four|six)\s+(?:hours?|days?|weeks?|months?)\b"
                r"|\b(?:passed|elapsed|reached)\s+(?:OR|AND|or|and)\b", re.I), 3.0),
    # "a one-week sale round with a 15M tokens cap", "each tranche": one round's amount; "the activation threshold
    # is at least N tokens created": a minimum, not the whole
    (re.compile(r"\b(?:rounds?|tranches?|tiers?|batch(?:es)?)\b|\bat\s+least\b|\bthreshold\b|\bminimum\b", re.I), 2.0),
    # "The token sale will offer 600,000,000 NVA": a tranche
    (re.compile(r"\b(?:will|shall|to)\s+offer\b", re.I), 2.0),
    # a limit per buyer: "the maximum number of tokens one participant can buy", "per investor"
    (re.compile(r"\b(?:per|each|one|a\s+single|any)\s+(?:participant|person|user|investor|contributor|buyer|purchaser|address|"
                r"wallet|account|individual)s?\b|\bcan\s+(?:buy|purchase)\b|\bminimum\s+(?:purchase|contribution|investment)\b",
                re.I), 3.0),
    # tokens destroyed or traded, not created: "we will burn a total of N", "daily trading volume"
    (re.compile(r"\b(?:burn(?:s|ed|t|ing)?|buy[\s-]?backs?|destroy(?:s|ed)?)\b|\b(?:trading|daily|transaction)\s+volume\b", re.I), 2.0),
]
#: a hypothetical figure: "For example, if a user holds N tokens out of a total supply of M", "Assume the total
#: supply is N", "If the total supply were N": anywhere in the sentence before the number, it is never the supply
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:for\s+(?:example|instance)|e\.\s?g\.|suppos(?:e|ing)|assum(?:e|ing)|imagine|hypothetical(?:ly)?|let(?:'s|’s|\s+us)\s+say"
    r"|as\s+an\s+(?:example|illustration)|in\s+this\s+example|to\s+illustrate|consider\s+(?:a|an|the)\s+(?:case|scenario|example|situation)"
    r"|if\b[^.;]{0,60}\bwere)\b", re.I)
#: another coin's figure: "Bitcoin's supply is capped at 21 million", "the total supply of ETH is about 100 million";
#: not the platform the token is built on ("our Ethereum-based token", "on the Ethereum blockchain")
_OTHER_COIN = re.compile(
    r"\b(?:bitcoins?|btc|ethereum|ether|eth|litecoins?|ltc|ripple|xrp|dogecoin|doge|monero|xmr|zcash|zec|dash|eos|tether|usdt"
    r"|cardano|ada|stellar|xlm|tron|trx|binance\s+coin|bnb)(?:'s|’s)?\b(?![\s-]*(?:based|blockchain|network|platform|smart|"
    r"compatible|standard|erc|virtual|mainnet|chain|ecosystem|protocol|wallet|address|like|style))", re.I)
#: a coin named as the platform or as the unit of an amount, not as the subject of the figure
_COIN_NOT_SUBJECT = re.compile(r"(?:\b(?:on|in|using|via|over|into|with|from|for|to|accept(?:s|ing)?)\s+(?:the\s+)?|\d\s*)$", re.I)


def _other_coin_figure(text: str, q, symbol: str | None) -> bool:
    """The figure is another coin's: "Bitcoin's supply is capped at 21 million", "21 million bitcoins"."""
    own = (symbol or "").upper()
    unit = re.match(r"^\s*(?:million\s+|billion\s+)?(\w+)", text[q.end : q.end + 30])
    if unit and _OTHER_COIN.fullmatch(unit.group(1)) and unit.group(1).upper() != own:
        return True
    clause = _clause_before(text, q.start)
    for m in _OTHER_COIN.finditer(clause):
        name = re.sub(r"(?:'s|’s)$", "", m.group(0)).upper()
        if name != own and not _COIN_NOT_SUBJECT.search(clause[: m.start()]):
            return True
    return False
#: what ends the clause a cue belongs to, looking back from the cue: "..., while NOVA has a total supply of N"
_CLAUSE_START = re.compile(r"[,;.!?](?=\s)|\b(?:while|whereas|but|unlike|compared\s+to)\b", re.I)


def _clause_before(text: str, position: int) -> str:
    """The text of the clause (or sentence) that ends at ``position``."""
    starts = [m.start() for m in _CLAUSE_START.finditer(text, 0, position)]
    return text[starts[-1] if starts else 0 : position]


#: a sentence that carries on the example before it: "Later, ... a request might burn 0.1 REQ out of a total
#: supply of N", "The purchaser will then receive ... for a total of N"
_EXAMPLE_GOES_ON = re.compile(r"\b(?:then|later|afterwards|after\s+that|in\s+(?:this|that|such\s+a)\s+case|thus)\b", re.I)


def _hypothetical(text: str, position: int) -> bool:
    """The number at ``position`` is stated in a worked example (its sentence, or the one it carries on)."""
    sentence = _sentence_before(text, position)
    if _HYPOTHETICAL_BEFORE.search(sentence):
        return True
    start = position - len(sentence)
    if start <= 0 or not _EXAMPLE_GOES_ON.search(text[start : position + 80].split(". ")[0]):
        return False
    return bool(_HYPOTHETICAL_BEFORE.search(_sentence_before(text, start - 1)))


def _carries_on_example(previous: str, sentence: str) -> bool:
    """ "For example, if a buyer holds N ... . The buyer will then receive ... a total of M": the sentence after
    a worked example that carries it on."""
    return bool(_EXAMPLE_GOES_ON.search(sentence[:80]) and _HYPOTHETICAL_BEFORE.search(previous))


def _sentence_before(text: str, position: int) -> str:
    starts = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[:position])]
    return text[starts[-1] if starts else 0 : position]
_MONEY_AFTER = re.compile(r"^\s*(?:ETH|ether|BTC|USD|US\s*dollars|dollars|EUR|euros?|CHF|SGD|GBP|JPY|CNY|RMB|KRW|AUD|CAD|HKD|"
                          r"RUB|yuan|yen|%|percent|x\b|"
                          r"times|users|people|transactions|members|downloads|years|months|days|hours)", re.I)
_SHARE_AFTER = re.compile(r"^\s*(?:[A-Za-z]{2,8}\s*)?(?:tokens?\s*)?[(\[,–-]?\s*(?:i\.e\.\s*|or\s+)?(?!100(?:[.,]0+)?\s*%)\d+(?:[.,]\d+)?\s*%"
                          # ", 40% of which are for sale", ", 40% will be sold": a share of N, not N a share
                          r"(?!\s*(?:of\s+(?:which|these|them|those|this|that|it)|will|shall|are|is|go|goes|to\s+be)\b)"
                          # "600,000,000 NVA, which is 60% of the total supply", "N tokens, representing 40% of"
                          r"|^\s*(?:[A-Za-z]{2,8}\s*)?(?:tokens?\s*)?,?\s*(?:which\s+(?:is|are|represents?|equals?|amounts?\s+to|makes?\s+up|"
                          r"constitutes?)|representing|equal\s+to|amounting\s+to|i\.e\.|or)\s+(?:about\s+|approximately\s+|roughly\s+)?"
                          r"(?!100(?:[.,]0+)?\s*%)\d+(?:[.,]\d+)?\s*%\s+of\b")
#: another part added to the figure right after it: "80,000,000 NVA + 20% reserve", "N tokens plus 10,000,000 for the team"
#: (the whole is the sum, which the paper does not state; "N (+/- 1%)" is a tolerance, not a part)
_MORE_AFTER = re.compile(r"^\s*(?:million\s+|billion\s+)?(?:[A-Za-z]{2,8}\s*)?(?:tokens?\s*)?(?:\+(?!\s*/)|\bplus\b|\band\s+an?\s+additional\b)\s*"
                         r"(?:an?\s+)?(?:additional\s+|extra\s+|further\s+)?\d", re.I)
#: the number is the whole a share is taken of: "60% of the N tokens", "600,000,000 out of N", "out of the total of N"
_BASE_BEFORE = re.compile(r"(?:\d\s?%\s+of\s+(?:the\s+|all\s+|our\s+|its\s+)?(?:total\s+|entire\s+)?|\bout\s+of\s+(?:a\s+|the\s+)?"
                          r"(?:total\s+(?:of\s+)?)?"
                          # "Of the 500,000,000 NVA created, 200,000,000 are offered ...": the whole before its parts
                          r"|(?:^|[.;:]\s+)of\s+(?:the|all|our)\s+)$", re.I)
#: superscripts and footnote marks glued to words ("Total Supply¹"), blanked one for one before matching
_FOOTNOTE_MARKS = str.maketrans({c: " " for c in "¹²³⁴⁵⁶⁷⁸⁹⁰*†‡"})
_SHARE_BEFORE = re.compile(r"\d\s*%\s*of\s+(?:the\s+)?(?:total\s+)?(?:token\s+|coin\s+)?supply\s*(?:\(|or\b|,|=|:|-|–)?\s*$|"
                           r"(?<!\b100)(?<!\b100\.0)\s?%\s*[(\[]\s*$", re.I)  # "24.08% (15,839,549 IXT)": a part's amount
_MONEY_BEFORE = re.compile(r"(?:\$|€|£|USD|US\$|EUR|CHF)\s*$", re.I)


_SHARE_IN = re.compile(r"\d\s?%|\bpercent\b", re.I)


def engine_share(text: str) -> bool:
    """A percentage stands in ``text`` (between a number and a word about it)."""
    return bool(_SHARE_IN.search(text))


#: a cue narrowed to a tranche right after it: "Total tokens for sale: N", "total supply of tokens in the pre-sale"
_CUE_QUALIFIED = re.compile(r"\s*(?:of\s+(?:the\s+)?(?:tokens?|coins?)\s+)?(?:\w+\s+){0,2}?(?:for\s+sale|sold|offered|to\s+be\s+sold|"
                            r"available\s+(?:for|in|during)|in\s+the\s+(?:pre-?sale|presale|crowdsale|ico|token\s+sale|public\s+sale|pre-?ico))\b"
                            # "Total token sale cap: N", "Total tokens ICO: N": the cue's noun is a sale's
                            r"|\s*(?:sales?|ico|ito|ieo|sto|crowdsale|pre-?sale|presale|pre-?ico)\b(?!\s+(?:ends?|is\s+over|closes?)\b)",
                            re.I)
#: what may stand between a label and its figure: "Maximum supply: N", "Total supply is N", "Max cap of up to N"
_LABEL_TO_FIGURE = re.compile(r"^\s*(?:\(.{0,25}?\)\s*)?(?:[:=–—-]|is|of|will\s+be|amounts?\s+to|equals?)?\s*(?:up\s+to\s+|~\s*|approx(?:imately|\.)?\s+)?$",
                              re.I)


def _labels_next_figure(text: str, cue_end: int, q, quantities, before: int | None = None) -> bool:
    """The cue is the label of another figure, the one right after it (of another value than ``q``; with
    ``before``, one that stands before that position): "Initial supply: N Maximum supply: M" (the cue after N
    is M's), "Max cap: N Soft cap: M" (the cue before M is N's)."""
    return any(o is not q and o.value != q.value and o.start >= cue_end and (before is None or o.end <= before)
               and _LABEL_TO_FIGURE.match(text[cue_end : o.start])
               # (a figure restated in brackets, "N (7 Billion)", is the label's too: two readings of one figure)
               and not (before is not None and _RESTATED.match(text[o.end : before]))
               for o in quantities)


_RESTATED = re.compile(r"^\s*(?:[A-Za-z]{2,8}\s*)?(?:tokens?\s*)?[(\[/]\s*(?:or\s+|approx(?:imately|\.)?\s+|~\s*)?$", re.I)
#: a sale or availability word inside a cue or just before it: "Max Sale Issuance: N", "Total Available Supply: N",
#: "ICO token issuance: N", "ITO Total Quantity N", "Total on Issue: up to N" (the tokens sold, not the supply)
_PART_IN_CUE = re.compile(r"\b(?:sale|sales|ico|ito|sto|ieo|pre-?sale|presale|pre-?ico|crowdsale|public|private|available|"
                          r"circulating|offered|offering|sold|on|for|in|during|per)\b", re.I)
_PART_BEFORE_CUE = re.compile(r"\b(?:(?:token\s+)?sales?|ico|ito|sto|ieo|pre-?sale|presale|pre-?ico|crowdsale|public|private|"
                              r"available|circulating|offered|offering|sold)[\s:-]*$", re.I)


def _cue_of_a_part(text: str, cue: re.Match, symbol: str | None) -> bool:
    """The cue names a tranche or another token: "Max Sale Issuance", "ICO token issuance", "SP Emission" in a
    paper whose token is SCR."""
    words = cue.group(0)
    if _PART_IN_CUE.search(words) and re.search(r"(?i:supply|emission|issuance|issue|quantity|count|cap|amount)\b", words):
        return True
    if _PART_BEFORE_CUE.search(text[max(0, cue.start() - 20) : cue.start()]):
        return True
    ticker = re.match(r"(?-i:([A-Z][A-Z0-9]{1,6}))\s+(?i:total\s+)?(?i:supply|emission|issuance)\b", words)
    if ticker and symbol and ticker.group(1) not in NOT_SYMBOLS:
        own, word = symbol.upper(), ticker.group(1).upper()
        if not (word.startswith(own) or own.startswith(word) or own in word):
            return True
    return False


_SALE_AS_TIME = re.compile(r"\b(?:once|when|after|until|before|following|upon|during|(?:at\s+)?the\s+(?:end|close|completion)\s+of)"
                           r"\s+(?:the\s+|our\s+)?(?:\w+\s+)?$", re.I)
_SALE_WORDS = re.compile(r"crowdsale|pre-?sale|presale|pre-?ico|token\s+sale|public\s+sale", re.I)


@dataclass
class _SupplyCandidate:
    value: int
    score: float
    unit: TextUnit
    start: int
    end: int
    #: the figure stated as the outcome, after the sale ("the final total supply is N", "N were minted after
    #: finalization"): GOLD.md's total is the number of tokens that exist, so it wins over a stated maximum
    final: bool = False
    in_example: bool = False  # stated inside a worked example (never corroborated by its rows)


#: a figure changed: "decreasing the total token pool from 1 billion to 500 million" (the new one holds)
_CHANGE_RE = re.compile(r"\b(?:decreas|reduc|lower|cut|increas|rais|chang|adjust|revis|amend|updat)\w*\b[^.;]{0,80}?\bfrom\s+"
                        r"(?P<old>\d[^.;]{0,30}?|\d[\d.,]*)\s+to\s+(?P<new>\d)", re.I)
#: a figure stated as final: the supply after the sale, not the cap announced before it
_FINAL_RE = re.compile(
    r"\b(?i:final|resulting|actual|definitive)\s+(?i:total\s+)?(?i:token\s+|coin\s+)?(?i:supply|amount|number|issuance)\b"
    r"|\b(?i:total\s+)?(?i:supply)\s+(?i:is|stands\s+at)\s+now\b"
    r"|\bUPDATE\b.{0,60}\b(?i:minted|created|issued|generated)\b"
    r"|\b(?i:were|was|have\s+been|has\s+been)\s+(?i:minted|created|issued|generated)\s+(?i:in\s+total\s+)?"
    r"(?i:after|upon|following|at\s+the\s+(?:end|close|completion)\s+of)\b"
    # "After the token sale, 611,000,000 tokens were minted in total"
    r"|\b(?i:after|upon|following|at\s+the\s+(?:end|close|completion)\s+of)\s+(?i:the\s+)?(?:\w+\s+){0,2}?"
    r"(?i:sale|crowdsale|ico|tge|token\s+generation\s+event)\b[^.;]{0,60}?\b(?i:were|was|have\s+been|has\s+been)\s+"
    r"(?i:minted|created|issued|generated)\b"
    # the supply left after unsold tokens were burned: "Total supply after burn: N", "After the burn of unsold
    # tokens, the total supply amounts to N" (no figure between the burn and the supply words)
    r"|\b(?i:total\s+)?(?i:supply)\s+(?i:after)\s+(?i:the\s+)?(?i:burn(?:ing)?|destruction|sale|crowdsale|ico|token\s+sale)\b"
    r"|\b(?i:after|following|upon|once)\s+(?i:the\s+)?(?i:burn(?:ing)?|destruction)\b[^.;\d]{0,80}?(?i:supply|tokens?)\b"
    r"(?:\s+(?i:amounts?\s+to|is|will\s+be|stands\s+at|equals?))?"
)


MIN_BASE_UNIT_DECIMALS = 6


def _decimals_fix(value: float, decimals: int | None, raw: str = "") -> float:
    """A supply written in base units ("1000000000000000000000000000") is divided by 10**decimals.

    Only bare digit runs are base units: "125,000,000" is written for people, whatever the decimals.
    """
    if isinstance(value, int) and (not raw or raw.isdigit()):
        # (a paper writes base units of tokens with many decimals; "1000000000" beside "2 decimals" is whole tokens)
        if decimals and decimals >= MIN_BASE_UNIT_DECIMALS and value >= 10 ** (decimals + 3) and value % 10**decimals == 0:
            return value // 10**decimals
        if value >= 10**21 and value % 10**18 == 0:
            return value // 10**18
    return value


def _supply_candidates(unit: TextUnit, symbol: str | None, decimals: int | None) -> list[_SupplyCandidate]:
    text = unit.text.translate(_FOOTNOTE_MARKS)
    quantities = [q for q in find_quantities(text) if q.value >= 10_000 or q.has_scale and q.value >= 1000]
    if not quantities:
        return []
    cues = [(m.start(), m.end(), w) for p, w in SUPPLY_CUES for m in p.finditer(text)
            if not _CUE_QUALIFIED.match(text[m.end() : m.end() + 40]) and not _cue_of_a_part(text, m, symbol)]
    if not cues and not any(_BASE_BEFORE.search(text[max(0, q.start - 40) : q.start]) for q in quantities):
        return []
    penalties = [(m.start(), m.end(), w) for p, w in SUPPLY_PENALTIES for m in p.finditer(text)]
    token_word = re.compile(
        r"^\s*(?:\(.{0,30}?\)\s*)?(?:(?:[\w()-]+\s+){0,2}\w*(?:tokens?|coins?)\b|units\b|"
        + (re.escape(symbol) + r"s?\b|" if symbol else "")
        + r"(?-i:[A-Z][A-Z0-9]{1,6})s?\b)",
        re.I,
    )
    out = []
    changes = list(_CHANGE_RE.finditer(text))
    for q in quantities:
        after = text[q.end : q.end + 40]
        before = text[max(0, q.start - 6) : q.start]
        if _MONEY_AFTER.match(after) or _MONEY_BEFORE.search(before):
            continue
        if re.match(r"^\s*(?:\d{4}|[A-Z][a-z]{2,8}\s+\d{4})\b", after) and q.value < 1e6:
            continue
        if 1900 <= q.value <= 2100 and not q.has_scale:
            continue  # a year
        if re.match(r"^\s*(?:[A-Z][A-Za-z0-9]{1,6}\s*)?(?:tokens?\s*)?(?::|/|per|=|for)\s*1?\s*(?:ETH|Ether|BTC|USD|\$)", after):
            continue  # "12,000 LNC : 1 ETH": a price
        if _SHARE_AFTER.match(after):
            continue  # "80 000 000 000 DCN (1% of the total supply)": a part, not the whole
        if _MORE_AFTER.match(after):
            continue  # "Tokens issued: 80,000,000 NVA + 20% team reserve": the total is more than N
        if _SHARE_BEFORE.search(text[max(0, q.start - 60) : q.start]):
            continue  # "2% of total token supply (200,000,000 WXT)": a part, not the whole
        has_token_word = bool(token_word.match(after)) or bool(symbol and symbol in text[max(0, q.start - 30) : q.end + 30])
        if _other_coin_figure(text, q, symbol):
            continue  # "unlike Bitcoin's fixed supply of 21 million coins": not the paper's token
        bucket_subject = bool(_BUCKET_SUBJECT.search(_clause_before(text, q.start)))
        score = 0.0
        if _BASE_BEFORE.search(text[max(0, q.start - 40) : q.start]) and (
                has_token_word or re.search(r"\b(?:tokens?|coins?)\b", text[max(0, q.start - 40) : q.start], re.I)):
            score = 2.5  # "60% of the 1,000,000,000 XYZ tokens will be sold": the whole, not the part
        for start, end, weight in cues:
            distance = q.start - end if end <= q.start else start - q.end
            if distance < 0:
                distance = 0
            if re.search(r"[.!?]\s+(?=[A-Z\d])", text[end : q.start + 1] if end <= q.start else text[q.end : start + 1]):
                continue  # "... during the ICO is 500,000,000. The maximum total supply ...": another sentence's cue
            if end <= q.start and _labels_next_figure(text, end, q, quantities, before=q.start):
                continue  # "Max cap: 600,000,000 NOVA Soft cap: 100,000,000 NOVA": the cue is the first figure's
            if start >= q.end and _labels_next_figure(text, end, q, quantities):
                continue  # "Initial supply: 300,000,000 NOVA Maximum supply: 900,000,000 NOVA": the next figure's label
            if distance <= 80:
                score = max(score, weight * (1.0 if distance <= 30 else 0.6))
        if score == 0 or (score <= 2.5 and not has_token_word):
            continue  # "there are 2 billion Android users": weak cues need the token named
        for start, end, weight in penalties:
            if _SALE_AS_TIME.search(text[max(0, start - 25) : start]) and _SALE_WORDS.fullmatch(text[start:end]):
                continue  # "... will be issued once the crowdsale ends": the sale as a date, not a tranche
            if start >= q.end and any(q.end <= o.start and o.end <= start for o in quantities if o is not q):
                continue  # "Of the N created, M are offered in the sale": the sale words are M's, the nearer number
            distance = q.start - end if end <= q.start else start - q.end
            between = text[end : q.start] if end <= q.start else text[q.end : start]
            if engine_share(between):
                continue  # "N tokens, 40% of which are for sale": the sale words describe the share, not N
            # Penalties close to the number (the same clause) count fully, further ones half.
            if -5 <= distance <= 25:
                score -= weight
            elif distance <= 60:
                score -= weight / 2
        if has_token_word:
            score += 1.0
        if re.search(r"\bof\s+(?:which|these|them|those)\s+(?:about\s+|approximately\s+|up\s+to\s+)?$", text[max(0, q.start - 30) : q.start], re.I):
            score -= PART_OF_WHOLE_PENALTY  # "100 million PSTs, of which 51 million will go to ...": the part
        elif re.match(r"^\s*(?:million\s+|billion\s+)?(?:[A-Za-z]{2,8}\s+)?(?:tokens?\s+)?(?:of|from)\s+(?:the\s+|our\s+|its\s+)?"
                      r"(?:total|entire|whole)\s+(?:token\s+|coin\s+)?supply\b", after, re.I):
            score -= PART_OF_WHOLE_PENALTY  # "15%, or 15 million of the total supply is reserved": the part
        if bucket_subject:
            score -= BUCKET_SUBJECT_PENALTY  # "Team tokens: a total of 150,000,000 NVA": one holder's part
        if _counted_in_other_ticker(after, symbol):
            score -= OTHER_TICKER_PENALTY  # "Partner token XYZ has a total supply of 2,000,000,000 XYZ"
        value = _decimals_fix(q.value, decimals, q.raw)
        if value != int(value):
            value = int(value)  # "1,275,455.31 PRIX": the whole tokens
        # the final figure is the number the wording states, not another one of the same line
        # (a wording after the number states it only as a verb: "N were minted after the sale", while "Final
        # supply: N" or "Total supply after burn: N" names the number that follows it)
        final = any(-80 <= q.start - m.end() and m.start() - q.end <= 80 and _nearest(m, q, quantities)
                    and (m.start() < q.end or re.match(r"(?i:were|was|have|has)\b", m.group(0)))
                    for m in _FINAL_RE.finditer(text))
        hypothetical = _hypothetical(text, q.start)
        for m in changes:
            if m.start("old") <= q.start < m.end("old"):
                score -= 2.0  # "reduced the supply from 1 billion to 500 million": the figure before the change
            elif abs(q.start - m.start("new")) <= 1:
                final = True
        if final and not hypothetical:
            score = max(score, 5.0)
        if hypothetical:
            score -= EXAMPLE_PENALTY  # "For example, if a user holds N tokens out of a total supply of M"
        out.append(_SupplyCandidate(int(value), score, unit, q.start, q.end, final and not hypothetical,
                                    in_example=hypothetical))
    return out


#: one holder's part named as the subject of the figure: "Team tokens: a total of N", "The advisors' pool holds"
_BUCKET_SUBJECT = re.compile(r"\b(?:team|founders?|founding\s+team|advisors?|advisers?|employees?|partners?|bounty|marketing|"
                             r"reserve|foundation|airdrop)(?:'s?|’s?)?\s+"
                             r"(?:tokens?|coins?|allocation|pool|share|fund|reward|rewards|program(?:me)?|wallet)\b", re.I)
BUCKET_SUBJECT_PENALTY = 2.0
PART_OF_WHOLE_PENALTY = 2.0
#: an amount counted in another ticker than the paper's own loses about one clear cue
OTHER_TICKER_PENALTY = 3.0


def _counted_in_other_ticker(after: str, symbol: str | None) -> bool:
    """ "2,000,000,000 XYZ" in a paper whose token is NVA: the figure of another token."""
    if not symbol:
        return False
    # (a word of an all-capitals line, "1,000,000,000 HARD CAP", is no ticker)
    unit = re.match(r"^\s*(?:million\s+|billion\s+)?(?-i:([A-Z][A-Z0-9]{1,6}))(?:s|-?tokens?|\b)(?!\s*[A-Z]{2,}\b)", after)
    if not unit:
        return False
    word, own = unit.group(1).upper(), symbol.upper()
    if word in NOT_SYMBOLS or word.startswith(own) or own.startswith(word) or own in word:
        return False
    return True


def _nearest(match: re.Match, q, quantities) -> bool:
    """No other amount and no sentence end stands between the wording ``match`` and the amount ``q``."""
    lo, hi = (match.end(), q.start) if match.end() <= q.start else (q.end, match.start())
    if any(lo <= o.start and o.end <= hi for o in quantities if o is not q):
        return False
    return not re.search(r"[.!?;]\s", match.string[lo:hi]) if lo < hi else True


#: a label line whose value sits elsewhere (a two-column table flattened into a list of labels then values)
_SUPPLY_LABEL_LINE = re.compile(r"^(?:total\s+(?:token\s+)?(?:supply|premine(?:\s+amount)?|tokens?|amount\s+of\s+tokens)|"
                                r"(?:max(?:imum|\.)?|token|coin)\s*(?<=\s)supply|supply|"
                                r"(?:total\s+)?(?:number|amount|quantity)\s+of\s+(?:tokens|coins)|(?:total\s+)?(?:token\s+|coin\s+)?(?:emission|issuance)|"
                                r"(?:total\s+)?(?:token|coin)\s+(?:amount|count)|(?:issued|minted|created|generated)\s+(?:tokens|coins)|"
                                r"(?:tokens|coins)\s+(?:issued|minted|created|generated))\s*:?\s*$", re.I)


def _stacked_label_candidates(document, decimals: int | None) -> list[_SupplyCandidate]:
    """"Total supply" alone on a line, its number a few lines below (label and value columns)."""
    out = []
    for page in document.pages:
        lines = [line.strip() for line in (page.text or "").split("\n") if line.strip()]
        for i, line in enumerate(lines):
            if not _SUPPLY_LABEL_LINE.match(line):
                continue
            if i + 1 < len(lines) and re.match(r"^(?:[a-z]|(?i:for|sold|to\s+be|available|in\s+the|at\s+a|including)\b)", lines[i + 1]):
                continue  # "Total tokens / for sale": a column header broken over lines, a tranche
            aligned = _aligned_value_line(lines, i)
            if aligned is not None:
                # a column of labels, then a column of values: the label's value is at the label's rank
                # ("Tokens for Sale / Total Supply / Hard Cap" then "400,000,000 / 1,000,000,000 / 20,000 ETH")
                candidate = _label_value_candidate(page.number, line, aligned, decimals)
                out.extend([candidate] if candidate else [])
                continue
            for later in lines[i + 1 : i + 12]:  # else the first figure below the label
                candidate = _label_value_candidate(page.number, line, later, decimals)
                if candidate:
                    out.append(candidate)
                    break
                if any(q.value >= 10_000 for q in find_quantities(later)):
                    # the first figure below was the label's and is no supply ("80,000,000 NVA + 20% reserve"):
                    # a figure further down belongs to another label ("Tokens available for ICO 60,000,000")
                    break
    return out


def _label_value_candidate(page_number: int, label: str, later: str, decimals: int | None) -> _SupplyCandidate | None:
    """The supply ``later``'s first figure gives under the label line ``label``: a token count (no share,
    no money), or None."""
    qs = [q for q in find_quantities(later) if q.value >= 10_000 and "%" not in later]
    if not qs or _MONEY_BEFORE.search(later[: qs[0].start]) or _MONEY_AFTER.match(later[qs[0].end :]):
        return None
    if _MORE_AFTER.match(later[qs[0].end :]):
        return None  # "50,000,000 NVA plus 5,000,000 for the team": a part of a whole the paper does not state
    unit = TextUnit(page_number, f"{label} … {later}", "line")
    return _SupplyCandidate(int(_decimals_fix(qs[0].value, decimals, qs[0].raw)), 4.0, unit, 0, len(unit.text))


#: a short line with no figure (a table's label) and one that holds a figure (its value)
_LABEL_CELL = re.compile(r"^[^\d.!?]{2,40}:?$")
_VALUE_CELL = re.compile(r"^(?=.*\d).{1,60}$")


def _label_run(lines: list[str], i: int) -> tuple[int, int]:
    """The lines around ``i`` that are all short labels: (first, last + 1)."""
    first, last = i, i + 1
    while first > 0 and _LABEL_CELL.match(lines[first - 1]):
        first -= 1
    while last < len(lines) and _LABEL_CELL.match(lines[last]):
        last += 1
    return first, last


def _aligned_value_line(lines: list[str], i: int) -> str | None:
    """The value of label ``i`` of a flattened two-column table, or None when there is no such column.

    The labels run first, then as many values (a title over the labels makes one label more than values:
    the pairing is then counted from the end)."""
    first, last = _label_run(lines, i)
    if last - first < 2:
        return None
    values = []
    for line in lines[last:]:
        if not _VALUE_CELL.match(line):
            break
        values.append(line)
    labels = last - first
    if len(values) < 2 or len(values) > labels or labels - len(values) > 1:
        return None
    k = (i - first) - (labels - len(values))
    return values[k] if 0 <= k < len(values) else None


# ---------------------------------------------------------------------------------------------
# The allocation's amounts: "Team 150,000,000 15%" implies a supply of 1,000,000,000, and a list of
# amounts adds up to the total row under it. A stated candidate that agrees with them is corroborated;
# a table whose header gives the unit ("Tokens (m)", "in millions") is read in that unit.

#: "(m)", "(in millions)", "(million tokens)", "in millions of tokens", "Tokens (mln)": the unit of a table
_UNIT_HEADER = re.compile(
    r"\(\s*(?:in\s+)?(?P<a>m|mm|mn|mln|mio|millions?|bn|bln|billions?|k|thousands?)\.?(?:\s+(?:of\s+)?(?:tokens?|coins?|units))?\s*\)"
    r"|\bin\s+(?P<b>millions|thousands|billions)\b(?:\s+of\s+(?:tokens?|coins?|units))?",
    re.I,
)
_UNIT_FACTOR = {"m": 10**6, "mm": 10**6, "mn": 10**6, "mln": 10**6, "mio": 10**6, "million": 10**6, "millions": 10**6,
                "bn": 10**9, "bln": 10**9, "billion": 10**9, "billions": 10**9, "k": 10**3, "thousand": 10**3,
                "thousands": 10**3}
_MONEY_WORDS_RE = re.compile(r"[$€£]|\b(?:USD|EUR|CHF|GBP|ETH|BTC|dollars?|euros?|ether|price|raised?|funds|budget)\b", re.I)
#: how many lines a unit stated in a header goes on applying
UNIT_REACH = 25


@dataclass
class _AmountLine:
    """A line that holds exactly one token amount (and maybe one share): an allocation row or its total."""

    page: int
    index: int
    value: float
    share: float | None
    label: str
    text: str
    is_total: bool


def _amount_lines(page_number: int, lines: list[str], decimals: int | None) -> list[_AmountLine]:
    out: list[_AmountLine] = []
    factor, left = 1, 0
    for i, line in enumerate(lines):
        header = _UNIT_HEADER.search(line)
        if header and not _MONEY_WORDS_RE.search(line):
            factor, left = _UNIT_FACTOR[(header.group("a") or header.group("b")).lower()], UNIT_REACH
            continue
        left -= 1
        if left <= 0:
            factor = 1
        if _MONEY_WORDS_RE.search(line):
            continue
        shares = [parse_percent(m.group("num")) for m in PCT_RE.finditer(line)]
        quantities = [q for q in find_quantities(line) if not re.match(r"\s?%", line[q.end : q.end + 2])]
        scaled = [(q.value * factor if factor > 1 and not q.has_scale else q.value, q) for q in quantities]
        amounts = [(v, q) for v, q in scaled if v >= 1000 and not (1900 <= q.value <= 2100 and not q.has_scale and factor == 1)]
        if len(amounts) != 1 or len(shares) > 1:
            continue
        value, q = amounts[0]
        value = _decimals_fix(value, decimals, q.raw) if factor == 1 else value
        label = re.sub(r"[\d.,%()\s:–-]+$", "", line[: q.start]).strip(" :-–•*")
        if not re.search(r"[A-Za-z]{3}", label):  # "- 60% (600,000,000 XYZ) will be sold ...": the label follows
            label = re.sub(r"^[\s)\]A-Z]*?\)?\s*", "", line[q.end :]).strip(" :-–•*)")
        out.append(_AmountLine(page_number, i, float(value), shares[0] if shares else None, label, line,
                               bool(TOTAL_LABEL_RE.match(line))))
    return out


def _runs_of_amounts(rows: list[_AmountLine], max_gap: int = 3) -> list[list[_AmountLine]]:
    """Rows of one page a few lines apart at most: the rows of one table or list."""
    runs: list[list[_AmountLine]] = []
    for row in rows:
        if runs and runs[-1][-1].page == row.page and row.index - runs[-1][-1].index <= max_gap:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _names_recipients(rows: list[_AmountLine]) -> bool:
    """The rows name holders of tokens of at least two kinds, one of them no sale: an allocation, not the
    tranches of a sale ("Pre-sale / Round 1 / Round 2 / Total")."""
    from ico_lens.paper.tokenomics.taxonomy import allocation_match

    categories = {allocation_match(r.label)[0] for r in rows if r.label and not r.is_total}
    categories.discard("other")
    return len(categories) >= 2 and bool(categories - {"public_sale", "presale_private"})


@dataclass
class _AllocationEvidence:
    """What the paper's allocation amounts say about the supply."""

    implied: list[float]  # amount / share, one per row with both
    sums: list[float]  # sums of consecutive rows of a list that names recipients
    totals: list[_SupplyCandidate]  # total rows that agree with their rows (or say 100%)

    def agrees(self, value: float) -> bool:
        """Two rows imply ``value`` (within rounding of the shares), or rows of a list add up to it."""
        implied = sum(1 for v in self.implied if abs(v - value) <= 0.015 * value)
        return implied >= 2 or any(abs(v - value) <= 0.002 * value for v in self.sums)


def _allocation_evidence(document, decimals: int | None) -> _AllocationEvidence:
    implied: list[float] = []
    sums: list[float] = []
    totals: list[_SupplyCandidate] = []
    for page in document.pages:
        if not (page.text or "").strip():
            continue
        lines = page_lines(page.text)
        for run in _runs_of_amounts(_amount_lines(page.number, lines, decimals)):
            implied += [r.value * 100 / r.share for r in run if r.share and 0 < r.share < 100 and r.label]
            if len(run) < 2 or not _names_recipients(run):
                continue
            values = [r.value for r in run]
            for a in range(len(run)):
                acc = 0.0
                for b in range(a, len(run)):
                    acc += values[b]
                    if b > a and not any(r.is_total for r in run[a : b + 1]):
                        sums.append(acc)
            for k, row in enumerate(run):
                if not row.is_total or row.value < 100_000:
                    continue
                parts = [r.value for r in run[:k] if not r.is_total]
                adds_up = any(abs(sum(parts[j:]) - row.value) <= 0.002 * row.value for j in range(max(0, len(parts) - 1)))
                if adds_up or row.share == 100:
                    unit = TextUnit(page.number, row.text, "line")
                    totals.append(_SupplyCandidate(int(row.value), 4.5 if adds_up else 4.0, unit, 0, len(row.text)))
    return _AllocationEvidence(implied, sums, totals)


#: a candidate the allocation's amounts agree with gains this much (about one more clear statement)
CORROBORATION_BONUS = 2.5


#: a worked example: "8.3 Example – total XYZ issued", "we imagine that exactly 1,000,000 XYZ are created"
_EXAMPLE_START = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:an?\s+)?(?:worked\s+|illustrative\s+)?examples?\b|"
                            r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?=.{0,60}$)[^.!?]*\bexamples?\W*$|"
                            r"\b(?:we|let\s+us|let's)\s+(?:imagine|assume|suppose)\b|\bhypothetical(?:ly)?\b|\bfor\s+illustration\b",
                            re.I)
EXAMPLE_REACH = 15  # lines
EXAMPLE_PENALTY = 5.0  # a figure of a worked example is never the supply


def _example_regions(document) -> dict[int, list[str]]:
    """Per page, the text of the lines that follow an example's heading or its opening words."""
    regions: dict[int, list[str]] = {}
    for page in document.pages:
        lines = page_lines(page.text or "")
        for i, line in enumerate(lines):
            if _EXAMPLE_START.search(line):
                regions.setdefault(page.number, []).append(" ".join(lines[i : i + EXAMPLE_REACH]))
    return regions


def _in_example(unit: TextUnit, regions: dict[int, list[str]]) -> bool:
    head = " ".join(unit.text.split())[:60]
    return any(head in region for region in regions.get(unit.page, ()))


MIN_SUPPLY_SCORE = 3.0
#: the least score of a stated figure the allocation's amounts can corroborate (a weak cue and the token named)
MIN_AGREED_SCORE = 2.0


def find_total_supply(document, symbol: str | None = None, decimals: int | None = None) -> TermValue | None:
    """The total number of tokens that will ever exist, as stated (see the module docstring)."""
    if decimals is None:
        stated = find_decimals(document)
        decimals = stated.value if stated else None
    candidates: list[_SupplyCandidate] = []
    examples = _example_regions(document)
    for kind in ("line", "sentence"):
        previous = ""
        for unit in text_units(document, kind):
            if kind == "line" and re.match(r"^\W*[a-z]", unit.text):
                continue  # a sentence carried over from the line before: read whole, as a sentence
            found = _supply_candidates(unit, symbol, decimals)
            carried_on = kind == "sentence" and _carries_on_example(previous, unit.text)
            previous = unit.text
            if found and (carried_on or _in_example(unit, examples)):
                for c in found:
                    c.score -= EXAMPLE_PENALTY
                    c.in_example = True
            candidates.extend(found)
    _mark_examples_read_as_lines(candidates)
    _mark_sale_caps(document, candidates)
    candidates.extend(_stacked_label_candidates(document, decimals))
    allocation = _allocation_evidence(document, decimals)
    candidates.extend(allocation.totals)
    if not candidates:
        return None
    # Sum the evidence for each value: a supply repeated in the summary table and the prose is surer.
    by_value: dict[int, list[_SupplyCandidate]] = defaultdict(list)
    for c in candidates:
        by_value[c.value].append(c)
    # The allocation's amounts vote: a stated figure they agree with is corroborated (a paper stating a
    # maximum of 1 billion and "900,000,000 will be issued", whose rows add up to 900 million).
    # (only a figure stated as a supply, however weakly: a tranche the rows happen to add up to is no supply)
    agreed = {v for v in by_value if any(c.score >= MIN_AGREED_SCORE and not c.in_example for c in by_value[v])
              and allocation.agrees(v)}

    def top_score(value: int) -> float:
        return max(c.score for c in by_value[value]) + (CORROBORATION_BONUS if value in agreed else 0.0)

    def strength(value: int) -> float:
        scores = sorted((c.score for c in by_value[value]), reverse=True)
        return top_score(value) + 0.5 * sum(s for s in scores[1:4] if s > 0)

    eligible = [v for v in by_value if top_score(v) >= MIN_SUPPLY_SCORE]
    if not eligible:
        return None
    # A figure stated as the outcome of the sale ("the final total supply is N") wins over the cap
    # announced before it.
    finals = [v for v in eligible if any(c.final and c.score >= MIN_SUPPLY_SCORE for c in by_value[v])]
    # and one the allocation's amounts agree with over one they do not
    ranked = sorted(finals or eligible, key=lambda v: (v in agreed, strength(v), top_score(v)), reverse=True)
    ranked += sorted((v for v in by_value if v not in ranked), key=lambda v: (strength(v), top_score(v)), reverse=True)
    best = ranked[0]
    if _undecided(best, ranked, finals, agreed, top_score, strength):
        return None
    seen_pages: set[tuple[int, str]] = set()
    evidence = []
    for c in sorted(by_value[best], key=lambda c: -c.score):
        ev = Evidence.paper(c.unit.page, quote_around(c.unit.text, c.start, c.end))
        if (ev.page, ev.quote) not in seen_pages:
            seen_pages.add((ev.page, ev.quote))
            evidence.append(ev)
    alternatives = [v for v in ranked[1:] if top_score(v) >= MIN_SUPPLY_SCORE][:3]
    return TermValue(best, evidence[:3], confidence=min(1.0, strength(best) / 10), alternatives=alternatives)


#: "Max cap: N NOVA": a cap of what, the paper does not say; beside a soft cap it is the sale's
_BARE_CAP_BEFORE = re.compile(r"\b(?:max(?:imum|\.)?|total|overall)\s+cap\b[^\d]{0,12}$", re.I)
_SALE_CAP_WORDS = re.compile(r"\bsoft[\s-]?cap\b|\bmin(?:imum|\.)?\s+cap\b|\bminimum\s+goal\b", re.I)
#: a bare cap on a page of sale caps loses about one clear cue ("Total cap" is one of 4.5, + 1 for the token named)
SALE_CAP_PENALTY = 3.0


def _mark_sale_caps(document, candidates: list[_SupplyCandidate]) -> None:
    """A figure labelled only "Max cap" / "Total cap" on a page that states a soft cap is the sale's hard cap
    counted in tokens ("Max cap: 600,000,000 NOVA / Soft cap: 100,000,000 NOVA"), not the supply."""
    sale_pages = {p.number for p in document.pages if _SALE_CAP_WORDS.search(p.text or "")}
    for c in candidates:
        if c.unit.page in sale_pages and not c.final and _BARE_CAP_BEFORE.search(c.unit.text[max(0, c.start - 30) : c.start]):
            c.score -= SALE_CAP_PENALTY


def _mark_examples_read_as_lines(candidates: list[_SupplyCandidate]) -> None:
    """A figure of a worked example is one too when a line of it is read alone.

    "For example, a buyer purchasing 500,000 NOVA will receive a bonus of 200,000 NOVA for a total of 700,000
    NOVA" wraps, and the line "200,000 NOVA for a total of 700,000 NOVA." has lost the "For example": the
    sentence reading knows it is an example, so the same figure on the same page from a line loses as much."""
    examples = {(c.unit.page, c.value) for c in candidates if c.in_example and c.unit.kind == "sentence"}
    for c in candidates:
        if c.unit.kind == "line" and not c.in_example and not c.final and (c.unit.page, c.value) in examples:
            c.score -= EXAMPLE_PENALTY
            c.in_example = True


def _undecided(best, ranked, finals, agreed, top_score, strength) -> bool:
    """Two figures stated as plainly, neither corroborated nor stated as final ("Total Token Supply: 9,000,000
    (9 Billion)", two columns of one row): the paper does not say which holds, so no supply is given."""
    if len(ranked) < 2 or best in agreed or best in finals:
        return False
    runner = ranked[1]
    if runner in agreed or runner in finals:
        return False
    return (top_score(best) >= CONFLICT_MIN_SCORE and top_score(runner) >= top_score(best)
            and strength(best) - strength(runner) < CONFLICT_MARGIN)


#: how much more evidence (summed, see ``strength``) the winner needs over a figure stated as strongly
CONFLICT_MARGIN = 1.0
#: only plain statements conflict ("Total supply: N"); weaker ties are left to the ranking
CONFLICT_MIN_SCORE = 4.5


# ---------------------------------------------------------------------------------------------
# Decimals

DECIMALS_RE = re.compile(
    r"\bdecimals?(?:\s+places)?\s*(?:[:=\-–]|is|are|of|set\s+to)?\s*(?P<a>\d{1,2})\b|\b(?P<b>\d{1,2})\s+decimal(?:s|\s+places)\b",
    re.I,
)


#: decimals of money, not of the token: "prices are shown with 2 decimal places", "rounded to 2 decimals"
_MONEY_DECIMALS = re.compile(r"\b(?:prices?|rounded|rounding|USD|EUR|fiat|cents?|exchange\s+rates?|percent(?:age)?s?)\b|[$€£%]", re.I)


def find_decimals(document) -> TermValue | None:
    for unit in text_units(document, "line"):
        m = DECIMALS_RE.search(unit.text)
        if m and _MONEY_DECIMALS.search(unit.text):
            continue
        if m:
            n = int(m.group("a") or m.group("b"))
            if 0 <= n <= 36:
                return TermValue(n, [_evidence(unit, m.start(), m.end())])
    return None


# ---------------------------------------------------------------------------------------------
# Money terms: hard cap, soft cap, price

#: a number as papers write it: "1 000", "26,790", "25'000", "0.003"
_NUM = r"(?:\d{1,3}(?:[ ,.'’\u00a0]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_AMOUNT = (
    r"(?:(?:up\s+to|approximately|about|of|at|is|will\s+be|(?:set|fixed|limited)\s+(?:at|to)|equals?(?:\s+to)?|:|-|–|—|=|~)\s*)*"
    r"(?P<v>(?:US\$|\$|€|USD|EUR|CHF)?\s*" + _NUM + r"(?:\s*(?:million|billion|thousand|mln|M|k|B)\b)?"
    r"(?:\s*(?:(?:ETH|Ethereum(?![\s-]+(?:ERC|(?:based|blockchain|network|platform|tokens?|smart)\b))|Ether|BTC|USD|US\s+dollars|dollars|EUR|euros?|CHF)\b|[$€](?!\w)|(?-i:[A-Z]{2,6})\b(?:\s+tokens)?))?"
    r"(?:\s*\([^)]{1,60}\))?)"
)
HARD_CAP_RE = re.compile(
    r"\b(?:hard[\s-]?cap(?:ped)?(?:\s+(?:ICO|sale|presale|pre-sale|crowdsale|token\s+sale))?(?:\s+(?:volume|amount|limit))?"
    r"|maximum\s+(?:ether\s*\(cap\)|goal|cap(?:\s+(?:limit|level))?(?:\s*\((?:including|incl\.?)?[^()]{1,25}\))?|funding\s+goal|contribution\s+cap|amount\s+raised)|max\.?\s+cap"
    # "Fundraising goal: USD 72 million", "the funding goal of the crowdsale is 20,000 ETH" (a minimum goal is the soft cap)
    r"|(?<!minimum\s)(?<!min\s)(?<!min\.\s)(?<!soft\s)(?:funding|fundraising|ico|crowdsale|token\s+sale)\s+(?:goal|target)"
    r"(?:\s+(?:of|for)\s+the\s+(?:token\s+sale|crowdsale|ico|sale))?"
    # "Maximum goal to sell XYZ tokens: N", "Maximum XYZ Coin for Sale: N": a cap in tokens
    r"|maximum\s+(?:goal\s+|number\s+of\s+tokens\s+|amount\s+of\s+tokens\s+)?(?:to\s+(?:be\s+)?(?:sell|sold|offer)|"
    r"(?:\w+\s+){0,2}(?:tokens?|coins?)\s+(?:for\s+sale|to\s+(?:be\s+)?(?:sell|sold|offered)))(?:\s+(?:\w+\s+){0,2}?(?:tokens?|coins?))?"
    r"|(?:funding|sale|ico|fundraising)\s+cap|(?<!soft\s)(?<!soft-)(?<!minimum\s)(?<!min\s)(?<!min\.\s)(?<!market\s)cap\s+of)(?!\w)"
    # "(hardcap): N", "hard cap i.e. the maximum token offered is N"
    + r"\s*\)?\s*(?:\(\s*cap\s*\))?\s*(?:,?\s*i\.\s?e\.?,?\s+(?:the\s+)?(?:[a-z]+\s+){1,4}?(?=is\b|of\b|:))?\s*" + _AMOUNT,
    re.I,
)
#: the amount before the words: "stop accepting commitments at 888,888 ETH hard cap", "a 30,000 ETH hard cap"
HARD_CAP_AFTER_RE = re.compile(
    r"(?P<v>(?:US\$|\$|€|USD\s|EUR\s)?\s*" + _NUM + r"(?:\s*(?:million|billion|M)\b)?\s*(?:ETH|Ethereum|Ether|BTC|USD|EUR)?)\s+\(?\s*hard[\s-]?cap\b", re.I)
#: weaker wording of a hard cap, used only when no "hard cap" statement exists
RAISE_UP_TO_RE = re.compile(
    r"\b(?:rais(?:e|ing)|attract(?:ing)?|collect(?:ing)?|accept(?:ing)?)\s+(?:contributions\s+|funds\s+)?(?:a\s+maximum\s+of|up\s+to|no\s+more\s+than|at\s+most)\s+"
    r"(?:the\s+equivalent\s+of\s+)?"
    # "raising up to $ 5 000 000": a number in spaced groups too
    r"(?P<v>(?:US\$|\$|€|USD|EUR|CHF)\s*" + _NUM + r"(?:\s*(?:million|billion|M|mln)\b)?|" + _NUM + r"(?:\s*(?:million|billion))?\s*(?:ETH|ether|BTC|USD|EUR|US\s+dollars))",
    re.I,
)
SOFT_CAP_RE = re.compile(
    r"\b(?:soft[\s-]?cap|minimum\s+(?:goal|cap|funding\s+goal|target|amount|ether)|(?:total\s+)?min(?:imum)?\.?\s+cap)\b"
    r"\s*" + _AMOUNT,
    re.I,
)
PRICE_RES: list[re.Pattern] = [
    re.compile(r"\b(?:(?:token|ico|sale|issue|base|unit|first|initial|starting)\s+price(?:\s+(?:at\s+issue|per\s+token))?"
               r"|price\s+(?:per|of\s+(?:a|one|1|the)|for\s+(?:a|one|1))\s+(?:\w+\s+)?token|price(?=\s*:)|price\s+at\s+issue"
               # "the price for 1 NOVA is 0.2 USD"
               r"|price\s+(?:of|for)\s+(?:a|one|1)\s+(?!(?:ETH|BTC|Ether|USD)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})\b(?=\s+(?:is|will\s+be)\b)"
               # "Price per NOVA: $0.10", "the price of NOVA during the crowdsale will be 0.5 USD"
               r"|price\s+per\s+(?!(?:ETH|BTC|Ether|USD)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})\b(?=\s*:)"
               r"|price\s+of\s+(?:the\s+)?(?!(?:ETH|BTC|Ether|USD)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})(?:\s+tokens?)?\s+(?:during|in|at)\s+the\s+(?:token\s+sale|crowdsale|ico|public\s+sale|main\s+sale)"
               r"(?=\s+(?:is|will\s+be)\b))"
               r"(?:\s+of\s+[A-Z]\w+)?\s*(?:is|was|will\s+be|of|:|-|–|—|=)?\s*(?:(?:set|fixed)\s+(?:to|at)\s+)?"
               r"(?:(?:start(?:ing)?|from)\s+(?:at\s+|from\s+)?)?"  # "Initial token price: START $0.1 USD"
               r"(?P<v>(?:US\$|\$|€|USD|EUR)\s*\d[\d,.]*(?:\s*(?:USD|EUR|cents?))?(?:\s*(?:per|/|for)\s+(?:1\s+)?\w+)?"
               # "ICO Price: 0.00000015 ETH - 0.00000025 ETH": a price in a currency, maybe a range
               r"|" + _NUM + r"\s*(?:ETH|BTC|USD|EUR)\b(?:\s*[-–]\s*" + _NUM + r"\s*(?:ETH|BTC|USD|EUR)\b)?(?!\s*(?:/|per|for|=))"
               r"|" + _NUM + r"\s*[$€](?!\w)"  # "Price per token: 0.1$"
               r"|" + _NUM + r"\s*[A-Za-z]{2,6}\s*(?:/|per|for|=)\s*(?:1\s+)?(?:(?:ETH|Ether|BTC|USD)\b|(?-i:[A-Z]{2,6})\b|tokens?\b)"
               r"|1\s*(?:ETH|Ether|BTC|(?-i:[A-Z]{2,6}))\s*=\s*(?:\$\s*)?" + _NUM + r"\s*(?:\$|(?:USD|ETH)\b|[A-Za-z]{2,6}\b)?)", re.I),
    # not "800.1 ETH = 200,025 MCD" (a one inside a number) nor "1 ETH = 300 USD" (the price of ether)
    re.compile(r"(?P<v>(?<![\d.,])\b1\s*(?:ETH|Ether)\s*=\s*" + _NUM + r"\s*(?!(?:USD|US|EUR|USDT|BTC|CHF|GBP)\b)[A-Z][A-Za-z0-9]{1,6}\b)"),
    # "1 ETH = 1,000 tokens", "1 BTC = 25,000 NOVA", "1 ETH : 1,000 NOVA", "1 ETH -> 1000 NOVA"
    re.compile(r"(?P<v>(?<![\d.,])\b1\s*(?:ETH|Ether|BTC)\s*(?:=|:|->|→)\s*" + _NUM
               + r"\s*(?:(?!(?:USD|US|EUR|USDT|BTC|ETH|CHF|GBP)\b)[A-Z][A-Za-z0-9]{1,6}\b|tokens\b))"),
    # the token first: "1 EZW = 0.00000005 ETH", "1 WXT = 0.01 USD", "1 KBC for USD 0.01"
    re.compile(r"(?P<v>\b1\s*(?:(?!(?:ETH|BTC|Ether|USD|EUR|USDT)\b)(?-i:[A-Z][A-Za-z0-9]{1,6})(?:\s+[Tt]okens?)?|[Tt]oken)\s*(?:=|for)\s*(?:(?:US\$|\$|€|USD|EUR)\s*" + _NUM + r"|"
               + _NUM + r"\s*(?:ETH|BTC|USD|EUR)\b))"),
    re.compile(r"(?P<v>(?:USD\s*)?(?:US\$|\$|€)\s*\d[\d,.]*\s*=\s*1\s+[A-Z][A-Za-z0-9]{1,6}\b)"),
    re.compile(r"(?P<v>(?<![\d,.])" + _NUM + r"\s*[A-Z][A-Za-z0-9]{1,6}\s*(?:tokens?\s+)?(?:/|per|for)\s*(?:1\s+)?(?:ETH|Ether)\b)"),
    # "1,000 tokens per ETH", "500 tokens for 1 ETH"
    re.compile(r"(?P<v>(?<![\d,.])" + _NUM + r"\s+tokens\s+(?:per|for)\s+(?:1\s+|one\s+|each\s+)?(?:ETH|Ether)\b)"),
    re.compile(r"(?P<v>\b[A-Z]{2,6}\s*/\s*ETH\s*:?\s*\d[\d,.]*)"),
    re.compile(r"\brate\s+of\s+(?P<v>" + _NUM + r"\s*[A-Z][A-Za-z0-9]{1,6}\s*(?:per|for|/)\s*(?:1\s+)?(?:ETH|Ether)\b)", re.I),
]
_PRESALE = re.compile(r"\bpre-?(?:sale|ico)|presale|private\s+(?:sale|placement|round)|early\s+bird|seed\b", re.I)


_EXAMPLE_CUE = re.compile(r"\b(?:suppose|supposing|for\s+example|for\s+instance|e\.\s?g\.|assume|assuming|imagine)\b", re.I)
#: a term that no longer holds, stated in its sentence before the value: "Before redenomination, tokens were sold
#: at the price of $150", "The hard cap was previously set at 40,000 ETH" (the paper states the new one elsewhere)
SUPERSEDED_BEFORE = re.compile(
    r"\b(?:before|prior\s+to|until)\s+(?:the\s+)?(?:token\s+)?(?:re-?denomination|(?:token\s+)?split|swap|migration|conversion|"
    r"rebranding|re-?pricing)\b|\b(?:previously|formerly|originally|initially\s+planned)\b"
    r"|\b(?:old|former|previous)\s+(?:token\s+)?(?:price|rate|(?:hard\s+)?cap)\b",
    re.I)


def superseded(before: str) -> bool:
    """The value whose text ``before`` ends at it is labelled as replaced (in the words since the previous number
    or sentence end, so "Old price: $0.50 New price: $0.25" drops only the first)."""
    return bool(SUPERSEDED_BEFORE.search(re.split(r"[.;!?]\s|\d", before)[-1]))


#: an average of what buyers got, not a term set before the sale
_AVERAGE_BEFORE = re.compile(r"\b(?:on\s+)?average(?:d)?\b(?![^.;]*\bprice\s*(?:of|:|is|will))", re.I)
#: a bonus or discount share in a tier's row, right before its price ("Days 1-7 40% 1 ETH = 1,400 NOVA"), or named
#: right after it ("1 NOVA = 0.5 USD ... 50% discount"); "0%" is the tier without one
_SHARE_BEFORE_PRICE = re.compile(r"(?<![\d.,])(?!0+(?:[.,]0+)?\s?%)\d{1,2}(?:[.,]\d+)?\s?%")
_DISCOUNT_AFTER = re.compile(r"^[^%]{0,80}?(?<![\d.,])(?!0+\s?%)\d{1,2}(?:[.,]\d+)?\s?%\s*(?:bonus|discount)\b"
                             r"|^\s*\(?\s*(?:incl(?:uding|\.)?\s+|with\s+(?:an?\s+)?|\+\s*)?(?:bonus|discount)", re.I)
#: how far back a tier's share may stand before its price (its own row of a flattened table)
TIER_SHARE_REACH = 40


def _discounted(text: str, match: re.Match, previous_end: int) -> bool:
    """The price ``match`` is a tier's with a bonus or discount (the row since the previous price of the unit)."""
    row = text[max(previous_end, match.start() - TIER_SHARE_REACH) : match.start()]
    row = re.split(r"[.;!?]\s", row)[-1]  # (a share of another sentence is not the tier's)
    return bool(_SHARE_BEFORE_PRICE.search(row) or _DISCOUNT_AFTER.match(text[match.end() : match.end() + 100]))


class _MoneyStatement(NamedTuple):
    """One statement of a money term: the value as written, its evidence, whether it is a tier's with a
    bonus or discount, and whether its own label names a pre-sale."""

    value: str
    evidence: Evidence
    discounted: bool
    presale_label: bool


def _plain_first(statements: list[_MoneyStatement], reorder: bool = True) -> list[_MoneyStatement]:
    """The statements without a bonus or discount first, in their order, then the others (all in their
    order unless ``reorder``)."""
    if not reorder:
        return statements
    return [st for st in statements if not st.discounted] + [st for st in statements if st.discounted]


#: a pre-sale counted in, not named as the round: "Maximum Cap (including pre-sale)", "(Pre-sale + ICO)"
_PRESALE_INCLUDED = re.compile(r"\((?:[^()]*\b(?:including|incl\.?|plus|with)\b[^()]*|[^()]*\+[^()]*)\)"
                               r"|\b(?:including|incl\.?)\s+(?:the\s+)?(?:pre-?\s?(?:sale|ico)|presale)", re.I)


def _presale_label(before: str) -> bool:
    """The label of a value (the words since the previous number or sentence end; ``before`` ends at the value)
    names a pre-sale: "Pre-ICO Hard Cap: 14,000 ETH" (but not "ICO Hard Cap:" after it)."""
    label = re.split(r"[.;!?]\s|\d", before[-80:])[-1]
    return bool(_PRESALE.search(_PRESALE_INCLUDED.sub(" ", label)))


def _money_term(document, patterns: list[re.Pattern], minimum_value: float = 0.0,
                early_alone: bool = True, plain_first: bool = False) -> TermValue | None:
    """The first statement matched by the most specific pattern, main sale before pre-sale.

    With ``early_alone`` False, a pre-sale's statement is no answer on its own (only an alternative of the
    main sale's): a pre-sale's hard cap is not the sale's. With ``plain_first`` (prices), a statement
    without a bonus or discount wins over a tier's with one."""
    main: list[_MoneyStatement] = []
    early: list[_MoneyStatement] = []
    for pattern in patterns:
        for unit in text_units(document, "sentence"):
            previous_end = 0
            for m in pattern.finditer(unit.text):
                value = " ".join(m.group("v").split()).strip(" ,.;:-–")
                if not re.search(r"\d", value):
                    continue
                if max((q.value for q in find_quantities(value)), default=0) <= minimum_value:
                    continue
                if re.match(r"\s*(?:%|percent\b)", unit.text[m.end() :], re.I):
                    continue  # "a minimum interest cap of 2%", "hard-cap 25% bonus": a share, no amount
                if _EXAMPLE_CUE.search(unit.text[: m.start()]):
                    continue  # "Suppose the rate is 1 KNC for 0.1 ETH, ...": a worked example
                if superseded(unit.text[: m.start("v")]):
                    continue  # "Before redenomination, tokens were sold at $150": a term replaced since
                if re.search(r"\bsupply\s*$", unit.text[max(0, m.start() - 12) : m.start()], re.I):
                    continue  # "supply cap of 10 billion tokens" is the total supply, not a sale cap
                if _AVERAGE_BEFORE.search(unit.text[max(0, m.start() - 80) : m.start()]):
                    continue  # "buyers received on average 2,150 NOVA/ETH": an outcome, not a stated term
                ev = _evidence(unit, m.start(), m.end())
                context = unit.text[max(0, m.start() - 150) : m.end() + 10]
                statement = _MoneyStatement(value, ev, _discounted(unit.text, m, previous_end),
                                            _presale_label(unit.text[: m.start()]))
                previous_end = m.end()
                (early if _PRESALE.search(context) else main).append(statement)
        if main:
            break  # a more specific pattern found the main sale's value: weaker ones are not needed
    # a tier with a bonus or discount is no base term when a tier without one is stated
    # ("Days 1-7 40% 1 ETH = 1,400 NOVA ... Days 15-21 0% 1 ETH = 1,000 NOVA": the base rate is 1,000)
    if not early_alone:
        # a pre-sale named only near the statement (not as its own label) still leaves it the sale's
        early = [st for st in early if not st.presale_label]
    main = _plain_first(main, plain_first)
    early = _plain_first(early, plain_first)
    ranked = main or early
    if not ranked:
        return None
    values = Counter(st.value for st in ranked)
    best = ranked[0].value
    evidence = [st.evidence for st in ranked if st.value == best][:2]
    alternatives = [v for v in values if v != best][:3] + [st.value for st in early if st.value != best and st.value not in values][:2]
    return TermValue(best, evidence, alternatives=alternatives)


def find_hard_cap(document) -> TermValue | None:
    # ("once the presale round reaches its hard cap of 40M tokens ...": the round's cap, not the sale's;
    # a price, by contrast, is still given when only the pre-sale's is stated: GOLD.md labels do so)
    return _money_term(document, [HARD_CAP_RE, HARD_CAP_AFTER_RE], minimum_value=1, early_alone=False) or \
        _money_term(document, [RAISE_UP_TO_RE], minimum_value=1, early_alone=False)


def find_soft_cap(document) -> TermValue | None:
    return _money_term(document, [SOFT_CAP_RE], minimum_value=1)


def find_token_price(document) -> TermValue | None:
    return _money_term(document, PRICE_RES, plain_first=True)


# ---------------------------------------------------------------------------------------------
# Sale dates

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})")
SALE_START_RE = re.compile(
    r"\b(?:(?:token\s+sale|crowdsale|ico|main\s+sale|public\s+sale|contribution\s+period)\s+(?:will\s+)?(?:start|begin|launch|open)s?"
    r"(?:\s+on)?|launch\s+date|start\s+date|sale\s+start)\s*:?\s*(?:on\s+)?(?P<d>" + DATE + r")",
    re.I,
)
SALE_END_RE = re.compile(
    r"\b(?:(?:token\s+sale|crowdsale|ico|main\s+sale|public\s+sale|contribution\s+period)\s+(?:will\s+)?(?:end|close|finish)s?"
    r"(?:\s+on)?|end\s+date|sale\s+end)\s*:?\s*(?:on\s+)?(?P<d>" + DATE + r")",
    re.I,
)


def _find_date(document, pattern: re.Pattern) -> TermValue | None:
    for unit in text_units(document, "sentence"):
        m = pattern.search(unit.text)
        if m:
            return TermValue(" ".join(m.group("d").split()), [_evidence(unit, m.start(), m.end())])
    return None


# ---------------------------------------------------------------------------------------------


def extract_terms(document) -> TokenTerms:
    """All token terms of ``document``; terms the paper does not state are ``None``."""
    symbol = find_symbol(document)
    decimals = find_decimals(document)
    symbol_value = symbol.value if symbol else None
    return TokenTerms(
        symbol=symbol,
        standard=find_standard(document, symbol_value),
        total_supply=find_total_supply(document, symbol_value, decimals.value if decimals else None),
        decimals=decimals,
        token_price=find_token_price(document),
        hard_cap=find_hard_cap(document),
        soft_cap=find_soft_cap(document),
        sale_start=_find_date(document, SALE_START_RE),
        sale_end=_find_date(document, SALE_END_RE),
    )
