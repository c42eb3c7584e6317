"""Categories of token allocation and use of funds (as ``corpus/GOLD.md``), and the rules mapping a
paper's own label to them.

A label is matched against phrase rules in *tiers*. Tier 1 holds the phrases that name a recipient
outright ("team", "advisors", "pre-sale", "crowdsale", "bounty", "reserve"); tier 2 the broader ones
("community", "partners", "marketing", "users"); tier 3 verbs that only hint ("sold", "offered").
The earliest tier-1 match in the label wins, else the earliest tier-2, else tier 3, else ``other``.
Taking the *earliest* match follows how papers write labels: the recipient comes first and the
explanation after it ("Reserve held by the company for community initiatives" is a reserve;
"Reserved to incentivize community, beta testers and strategic partners" is community). At equal
position the longest phrase wins, so "pre-sale" beats "sale" and "business development" beats
"development".

Stages (research treats them as distinct signals; see the issue):

=============  ===============================================================================
``pre_ico``    team_founders, advisors, partners, presale_private: tokens given or sold before
               the public sale, to insiders and early investors
``ico``        public_sale
``post_ico``   reserve_treasury, ecosystem_community, bounty_marketing, liquidity,
               mining_staking: tokens kept or released after the sale
``unknown``    other
=============  ===============================================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ALLOCATION_CATEGORIES = (
    "public_sale",
    "presale_private",
    "team_founders",
    "advisors",
    "partners",
    "reserve_treasury",
    "ecosystem_community",
    "bounty_marketing",
    "liquidity",
    "mining_staking",
    "other",
)

FUNDS_CATEGORIES = (
    "development",
    "marketing",
    "operations",
    "legal_compliance",
    "reserve_contingency",
    "infrastructure",
    "partnerships_acquisitions",
    "other",
)

ALLOCATION_STAGE = {
    "team_founders": "pre_ico",
    "advisors": "pre_ico",
    "partners": "pre_ico",
    "presale_private": "pre_ico",
    "public_sale": "ico",
    "reserve_treasury": "post_ico",
    "ecosystem_community": "post_ico",
    "bounty_marketing": "post_ico",
    "liquidity": "post_ico",
    "mining_staking": "post_ico",
    "other": "unknown",
}


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: re.Pattern
    tier: int  # 1 names the recipient, 2 broader, 3 a hint


def _rules(table: list[tuple[str, int, str]]) -> tuple[Rule, ...]:
    return tuple(Rule(cat, re.compile(rx, re.I), tier) for cat, tier, rx in table)


_SEP = r"[\s\-–]?"  # "pre-sale", "pre sale", "presale", "pre–sale"

ALLOCATION_RULES = _rules(
    [
        # --- tier 1: the recipient named outright
        ("presale_private", 1, rf"\bpre{_SEP}(?:public\s+)?(?:ico|sale|crowd{_SEP}sale|token{_SEP}sale|tge|sales)\b"),
        ("presale_private", 1, r"\bangel\s+(?:investors?|round|sale)\b"),
        # "crowdsale partners", "ICO partners": partners, whatever the sale word before them
        ("partners", 1, rf"\b(?:crowd{_SEP}sale|token{_SEP}sale|sale|ico)\s+partners?\b"),
        ("presale_private", 1, r"\bprivate(?:\s+pre)?[\s\-]*(?:sale|round|placement|investors?|contributors?|sales|offer(?:ing)?s?)\b"),
        ("presale_private", 1, r"\bseed\s+(?:round|investors?|sale|funding)\b"),
        ("presale_private", 1, r"\bstrategic\s+(?:investors?|round|sale|backers)\b"),
        # "Partner sale", "Institutional round": tokens sold to chosen buyers before the public sale
        ("presale_private", 1, r"\b(?:partners?|institutional|whitelist(?:ed)?)\s+(?:sales?|rounds?|investors?)\b"),
        ("presale_private", 1, r"\b(?:early|initial)\s+(?!(?:coin|token|exchange)\s+offer)(?:\w+\s+){0,2}(?:investors?|purchasers|buyers|bird|participants)\b|\bsaft\b"),
        ("public_sale", 1, rf"\b(?:ico|ito|ieo|tge|token{_SEP}generation\s+event)\b"),
        ("public_sale", 1, r"\binitial\s+(?:coin|token|exchange)\s+offer(?:ing)?s?\b"),
        ("public_sale", 1, rf"\bcrowd{_SEP}sale\b|\bcrowd{_SEP}funding\b|\bcrowd{_SEP}sale\s+purchasers\b"),
        ("public_sale", 1, rf"\b(?:token|public|main|general)\s+(?:sale|offering|round)s?\b"),
        ("public_sale", 1, r"\b(?:issuing\s+tokens|token\s+issue|tokens?\s+for\s+sale|for\s+sale)\b"),
        # "public" alone is the sale, not in "public relations", "public blockchain", "public listing"
        ("public_sale", 1, r"\bpublic\b(?!\s+(?:relations|listings?|keys?|blockchains?|chains?|networks?|goods?|awareness|"
                           r"compan(?:y|ies)|sector|domain|ledgers?|exchanges?|testnet|launch))"
                           r"|\b(?:sale|ico)\s+(?:participants|contributors|purchasers)\b"),
        ("public_sale", 1, r"\bsold\s+(?:publicly|to\s+the\s+public)\b|\bpublicly\s+(?:sold|offered)\b"),
        ("bounty_marketing", 1, r"\bpublic\s+relations\b"),
        # "Future token sale (September 2019)", "Tokens for later sales": kept by the issuer to sell later
        ("reserve_treasury", 1, r"\b(?:future|later|subsequent)\s+(?:token\s+|public\s+)?(?:sales?|rounds?|offerings?)\b"),
        ("team_founders", 1, r"\b(?:co-?)?founders?\b|\bfounding\b|\bteam\b|\bemployees?\b|\bstaff\b"),
        ("team_founders", 1, r"\bmanagement\b|\bexecutives?\b|\bcore\s+(?:developers|contributors)\b"),
        # "Talent pool", "Future hires": tokens kept for the people the company will employ
        ("team_founders", 1, r"\btalent\s+pool\b|\b(?:future|new)\s+hires\b|\bhiring\s+pool\b"),
        ("advisors", 1, r"\badvis[oe]rs?\b|\badvisory\b"),
        ("bounty_marketing", 1, r"\bbount(?:y|ies)\b|\bair\s?drops?\b|\breferrals?\b"),
        ("mining_staking", 1, rf"\bmining\b|\bstaking\b|\bproof{_SEP}of{_SEP}stake\b|\bblock\s+rewards?\b"),
        ("mining_staking", 1, r"\bvalidators?\b|\bmasternodes?\b|\bminting\s+rewards\b|\bminers?\b(?!\s+fees?\b)"),
        ("reserve_treasury", 1, r"\breserves?\b(?!d)|\btreasury\b|\bfoundation\b|\bdevelopment\s+fund\b"),
        ("reserve_treasury", 1, r"\bcompany\s+(?:reserve|fund|holdings?)\b|\bkept\s+by\b"),
        # --- tier 2: broader recipients
        ("ecosystem_community", 2, r"\becosystem\b|\bcommunity\b|\busers?\b|\bgrants?\b|\bincentiv\w*"),
        ("ecosystem_community", 2, r"\brewards?\b|\brebates?\b|\bnetwork\s+growth\b|\badoption\b"),
        ("ecosystem_community", 2, r"\bearly\s+(?:contributors|adopters|backers|supporters)\b"),
        ("ecosystem_community", 2, r"\bnetwork\s+participants\b"),
        ("partners", 2, r"\bpartners?\b|\bpartnerships?\b"),
        # "Existing shareholders", "Equity investors", "Venture capital": investors in the company, served before the sale
        ("presale_private", 2, r"\b(?:share|equity|stock)\s?holders\b|\bequity\s+investors?\b|\bventure\s+capital\b|\bseries\s+[ab]\b"),
        ("ecosystem_community", 2, r"\bloyalty\s+(?:program\w*|rewards?|scheme)\b|\bcash\s?back\b"),
        ("bounty_marketing", 2, r"\bambassadors?\b|\binfluencers?\b|\bpromoters?\b"),
        ("bounty_marketing", 2, r"\bmarketing\b|\bpromotions?\b|\bpromo\b|\buser\s+acquisition\b"),
        # "Awareness fund", "Brand awareness": tokens spent making the project known (GOLD.md: promotion)
        ("bounty_marketing", 2, r"\b(?:awareness|brand(?:ing)?)\s+(?:fund|campaigns?|pool|budget|programs?)\b|\bbrand\s+awareness\b"),
        ("liquidity", 2, r"\bliquidity\b|\bmarket[\s\-]?mak\w+|\bexchange\s+listings?\b"),
        ("reserve_treasury", 2, r"\bfuture\s+(?:needs|development|use|uses|operations)\b|\bbudget\b|\bstakeholders\b"),
        # "10% is operational fund (frozen until ...)": the issuer's own running fund
        ("reserve_treasury", 2, r"\b(?:operational|operating|operations)\s+(?:fund|reserve|pool)s?\b"),
        # "will remain for the company", "Company (Flixxo Ltd)": kept by the issuer ("used by the company to
        # grow the ecosystem" is not)
        ("reserve_treasury", 2, r"\b(?:remain|kept|held|retained|stay)\s+(?:\w+\s+){0,2}?(?:the\s+)?company\b|^\W*(?:the\s+)?company\b"),
        # "Example Pte Ltd", "Example Labs GmbH": the issuing company named as the holder
        ("public_sale", 2, r"\bsale\b"),
        # "Bonus fund": tokens paid to buyers on top of their purchase
        ("public_sale", 2, r"^\W*(?:token\s+)?bonus(?:es)?\b|\bbonus(?:es)?\s+(?:fund|pool|tokens?|reserve)\b"),
        # --- tier 3: hints
        ("public_sale", 3, r"\bsold\b|\bsell(?:ing)?\b|\boffered\b|\bpurchasers?\b|\bbuyers?\b|\bcontributors?\b|\binvestors?\b"),
        # "distributed to participants of the exchange campaign", "individuals who purchase memberships"
        ("public_sale", 3, r"\bparticipants\b|\b(?:who|which|that)\s+(?:\w+\s+)?(?:purchase|purchased|buy|bought)\b"),
        # "NPXS holders", "Token holders": tokens handed to the holders of a token (an airdrop to a community)
        ("ecosystem_community", 3, r"\bholders\b"),
        # "reserved for MetaX", "kept by Example Ltd": a named holder, nothing else said of them
        ("reserve_treasury", 3, r"\breserved\s+for\b|\bretained\s+by\b"),
    ]
)

FUNDS_RULES = _rules(
    [
        ("marketing", 1, r"\bbusiness\s+development\b|\bbiz\s*dev\b|\bsales\b|\bmarketing\b|\bpr\b"),
        ("marketing", 1, r"\bpromot\w+|\badvertis\w+|\bcommunity\b|\bexpansion\b|\bevents?\b|\battract\w*"),
        ("marketing", 1, r"\bbusiness\s+growth\b|\buser\s+acquisition\b|\bgrowth\b"),
        # "Social media", "Incentive campaign", "Bounty & overhead": promotion paid from the funds
        ("marketing", 1, r"\bsocial\s+media\b|\bcampaigns?\b|\bbount(?:y|ies)\b|\bair\s?drops?\b"),
        ("development", 1, r"\bdevelop\w*|\br\s?&\s?d\b|\bresearch\b|\bproduct\b|\bplatform\b|\btechnolog\w+"),
        ("development", 1, r"\bengineering\b|\bsoftware\b|\bprotocol\b|\btechnical\b|\bprogramming\b"),
        ("development", 1, r"\bit\s+(?:systems?\s+)?development\b"),  # "IT development": building, not hardware
        ("legal_compliance", 1, r"\blegal\b|\bcompliance\b|\bregulat\w+|\blicen[cs]\w*|\bkyc\b|\baml\b"),
        ("operations", 1, r"\boperations?\b|\boperational\b|\badministrat\w+|\bsalar\w+|\boffices?\b"),
        ("operations", 1, r"\bg\s?&\s?a\b|\bgeneral\s+and\s+admin\w*|\bhr\b|\bpersonnel\b|\boverhead\b"),
        ("operations", 1, r"\bbenefits\b|\bstaff\b|\bhiring\b|\bteam\b|\bexpenses?\b|\bworking\s+capital\b"),
        ("operations", 1, r"\b(?:operating|running|operational)\s+(?:costs?|budget)\b"),
        ("reserve_contingency", 1, r"\breserves?\b|\bcontingenc\w+|\bcapital\s+requirements?\b|\bbuffer\b"),
        ("reserve_contingency", 1, r"\bstabili[sz]\w+\s+(?:fund|reserve|pool)\b"),
        ("infrastructure", 1, r"\binfrastructure\b|\bit\b|\bhardware\b|\bsecurity\b|\bservers?\b"),
        ("infrastructure", 1, r"\bdata\s+cent(?:er|re)s?\b|\bhosting\b|\bequipment\b"),
        ("partnerships_acquisitions", 1, r"\bpartnerships?\b|\bacquisitions?\b|\bm\s?&\s?a\b|\binvestments?\b"),
        ("reserve_contingency", 2, r"\bmiscellaneous\b|\bunforeseen\b"),
    ]
)


# "locked until the end of the ICO", "transferable after the token sale": the sale as a date, not as
# the recipient of the tokens
_SALE_AS_TIME = re.compile(
    r"(?:\b(?:after|until|till|before|prior\s+to|following|during|upon|since)\s+(?:the\s+)?"
    r"(?:(?:end|close|completion|conclusion|closing|start|launch|beginning)\s+of\s+(?:the\s+)?)?"
    r"|\bat\s+the\s+(?:end|close|completion|conclusion|closing|start|launch|beginning)\s+of\s+(?:the\s+)?)"
    r"(?:\w+\s+)?(?:token\s+sale|ico|crowd\s?sale|public\s+sale|main\s+sale|tge|sale)\b",
    re.I,
)


def _classify(label: str, rules: tuple[Rule, ...]) -> tuple[str, int]:
    """(category, tier) of the earliest match of the best tier; ("other", 0) when nothing matches."""
    text = " ".join(label.replace("’", "'").split())
    text = _SALE_AS_TIME.sub(" ", text)
    best: tuple[int, int, int, str] | None = None  # (tier, start, -length, category)
    for rule in rules:
        m = rule.pattern.search(text)
        if not m:
            continue
        key = (rule.tier, m.start(), -(m.end() - m.start()), rule.category)
        if best is None or key < best:
            best = key
    if best is None:
        return "other", 0
    return best[3], best[0]


def allocation_category(label: str) -> str:
    """Canonical allocation category of a paper's label, e.g. ``"Advisors & partners" -> "advisors"``."""
    return allocation_match(label)[0]


def allocation_match(label: str) -> tuple[str, int]:
    """``(category, tier)`` of a label; tier 0 means no rule matched (category ``other``). A label that
    matches nothing is tried again with misspelt recipient words put right ("Adivsors", "Foundrs",
    "Bouty"), at most tier 2 then (a guess)."""
    found = _classify(label, ALLOCATION_RULES)
    head = _HEAD_RE.split(label, maxsplit=1)[0]
    if found[1] == 1 and head != label and len(head) >= 3:
        # "Community (community projects & bounties)", "Company (Example Ltd): costs of the sale, advisors":
        # the recipient named before the brackets or the colon is the bucket's holder; the words after
        # explain it, and a recipient they name in passing does not outrank it
        head_found = _classify(head, ALLOCATION_RULES)
        # (a sale in the brackets says how the tokens are handed out: "Community (Initial Coin Offering)" are sold)
        bracket = _BRACKET_RE.match(label[len(head):])
        sold = found[0] in _SALES and bracket is not None and len(bracket.group(1).split()) <= 5 and \
            _classify(bracket.group(1), ALLOCATION_RULES)[0] == found[0]
        if head_found[1] == 2 and head_found[0] != found[0] and not sold:
            found = head_found
    if found[0] == "presale_private" and _BOTH_SALES_RE.search(" ".join(label.split())):
        # "Open pre-sale and sale via ICO", "Tokens issued (pre-sale and ICO)": both sales together are the sale
        found = ("public_sale", 1)
    if found[1] == 0 or found[1] == 3:
        # "Crowdsales", "Teams", "Early adopter": the other number of a recipient word the rules name
        for inflected in (_singular(label), _plural(label)):
            if inflected != label:
                category, tier = _classify(inflected, ALLOCATION_RULES)
                if tier and (found[1] == 0 or tier < found[1]):
                    found = (category, tier)
    if found[1] == 0:
        corrected = _spelling_corrected(label)
        if corrected != label:
            category, tier = _classify(corrected, ALLOCATION_RULES)
            if tier:
                return category, max(tier, 2)
    return found


_PRE = rf"\b(?:pre{_SEP}(?:ico|sale|crowd{_SEP}sale|token{_SEP}sale|tge)|private\s+sale|presale)\b"
_MAIN = rf"(?:\b(?:the\s+)?(?:(?:public|main|token|general)\s+)?(?:sale|ico|crowd{_SEP}sale|ito|ieo)\b)"
_BOTH_SALES_RE = re.compile(rf"{_PRE}s?\s*(?:and|&|\+|/|,)\s*(?:\w+\s+){{0,1}}?{_MAIN}(?!\s+(?:bonus|partners))", re.I)
# a sale named in brackets refines a sale named before them ("Sale (pre-sale)")
_SALES = {"public_sale", "presale_private"}
_BRACKET_RE = re.compile(r"\s*[(\[]([^)\]]*)[)\]]")
# where a label's name ends and its explanation starts: an opening bracket or a colon
_HEAD_RE = re.compile(r"\s*[(\[]|:\s")
_PLURAL_RE = re.compile(r"\b([A-Za-z]{3,}[^sS\W])s\b")
_SINGULAR_RE = re.compile(r"\b([A-Za-z]{3,}(?:er|or|ant|ent|ist|ee))\b")


def _inflect(label: str, pattern: re.Pattern, form: str) -> str:
    """``label`` with the words ``pattern`` finds put in the other number (``form``), each only where the
    new form, alone or after the word before it, names a recipient ("after" never becomes "afters")."""
    def swap(m: re.Match) -> str:
        new = m.expand(form)
        before = label[: m.start()].split()[-1:] or [""]
        if _classify(new, ALLOCATION_RULES)[1] or _classify(before[0] + " " + new, ALLOCATION_RULES)[1]:
            return new
        return m.group(0)
    return pattern.sub(swap, label)


def _singular(label: str) -> str:
    """``label`` with plural nouns in the singular ("Crowdsales" -> "Crowdsale"; "ss" endings kept)."""
    return _inflect(label, _PLURAL_RE, r"\1")


def _plural(label: str) -> str:
    """``label`` with person nouns in the plural ("Early adopter" -> "Early adopters")."""
    return _inflect(label, _SINGULAR_RE, r"\1s")


#: recipient words whose misspellings are put right (words of five letters or more: shorter ones
#: are too close to other words)
RECIPIENT_WORDS = ("advisors", "advisers", "advisory", "bounty", "bounties", "airdrop", "reserve", "treasury",
                   "foundation", "ecosystem", "community", "marketing", "partners", "liquidity", "employees",
                   "crowdsale", "investors", "contributors", "incentives", "referral", "management")
# left out on purpose: words one edit away from common other words ("presale"/"resale",
# "founders"/"funders", "staking"/"stating", "mining"/"mixing")
_WORD_RE = re.compile(r"[A-Za-z]{5,}")


@lru_cache(maxsize=4096)
def _spelling_corrected(label: str) -> str:
    """``label`` with each word one edit away from a recipient word replaced by it (a typo: one letter
    dropped, added, changed or two swapped)."""
    def fix(m: re.Match) -> str:
        word = m.group(0).lower()
        if word in RECIPIENT_WORDS:
            return m.group(0)
        for target in RECIPIENT_WORDS:
            # "reserved", "partner": inflections, which the rules judge themselves, are no typos
            if word.startswith(target) or target.startswith(word):
                continue
            if abs(len(target) - len(word)) <= 1 and _one_edit(word, target):
                return target
        return m.group(0)

    return _WORD_RE.sub(fix, label)


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def funds_category(label: str) -> str:
    """Canonical use-of-funds category of a label, e.g. ``"Business Development" -> "marketing"``."""
    return _classify(label, FUNDS_RULES)[0]


def funds_match(label: str) -> tuple[str, int]:
    return _classify(label, FUNDS_RULES)


def allocation_stage(category: str) -> str:
    """``pre_ico`` | ``ico`` | ``post_ico`` | ``unknown`` for an allocation category."""
    return ALLOCATION_STAGE.get(category, "unknown")
