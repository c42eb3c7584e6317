"""Claims a white paper makes about its token, each with the sentence that supports it and its page.

Every claim is a small rule class (like a Slither detector): a ``name`` (the GOLD.md field under
``claims``), a one-line ``description``, a ``confidence``, the regular expressions it looks for, and a
``_detect(document)`` method returning a :class:`ClaimResult` or ``None`` when the paper is silent.
Rules are registered with :func:`register`; adding a claim means adding one class in this file.

The rules follow the labelling rules of ``corpus/GOLD.md``: a claim is only made where the paper
states it (``supply_fixed`` is true for "fixed", "capped", "maximum", "no further tokens", not for a
bare "total supply X"; ``governance_rights`` is false only where the paper denies such rights), and
statements that are hedged ("we are considering", "might") are not claims.

Library use::

    from ico_lens.paper.tokenomics.claims import detect_claims, CLAIM_RULES
    claims = detect_claims(document)
    claims["unsold_tokens"].value, claims["unsold_tokens"].evidence   # "burned", [p.43: '...']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

from ico_lens.paper.tokenomics.evidence import (
    DURATION_RE,
    Evidence,
    TextUnit,
    duration_months,
    quote_around,
    text_units,
)


@dataclass
class ClaimResult:
    """What a paper claims about one point, and where it says so."""

    name: str
    value: Any
    evidence: list[Evidence] = field(default_factory=list)
    #: the rule that found it
    rule: str = ""
    #: "low" | "medium" | "high"; empty means the rule's own confidence
    confidence: str = ""
    #: evidence that pointed the other way (e.g. a legal disclaimer denying governance rights)
    counter_evidence: list[Evidence] = field(default_factory=list)


#: rule classes, in the order of the GOLD.md ``claims`` fields
CLAIM_RULES: list[type["ClaimRule"]] = []


def register(cls: type["ClaimRule"]) -> type["ClaimRule"]:
    CLAIM_RULES.append(cls)
    return cls


#: statements that are only considered, not made
HEDGE = re.compile(r"\b(?:consider(?:ing|ed)?|might|could|would|potentially|possibly|perhaps|we\s+may\s+consider|"
                   r"if\s+we\s+decide|e\.g\.|for\s+example)\b", re.I)


def _ev(unit: TextUnit, match: re.Match | None = None) -> Evidence:
    if match is None:
        return Evidence(unit.page, quote_around(unit.text, 0, len(unit.text)))
    return Evidence(unit.page, quote_around(unit.text, match.start(), match.end()))


class ClaimRule:
    """Base class: subclasses set the class attributes and implement :meth:`_detect`."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    confidence: ClassVar[str] = "medium"
    #: the patterns the rule looks for, by role (documentation and tests read them)
    patterns: ClassVar[dict[str, re.Pattern]] = {}

    def __init__(self, terms=None):
        #: token terms (symbol, hard cap, price) when the caller has them already
        self.terms = terms

    def detect(self, document) -> ClaimResult | None:
        result = self._detect(document)
        if result is not None:
            result.name = self.name
            result.rule = type(self).__name__
            result.confidence = result.confidence or self.confidence
        return result

    def _detect(self, document) -> ClaimResult | None:  # pragma: no cover - abstract
        raise NotImplementedError

    # helpers ----------------------------------------------------------------------------------
    def _matches(self, document, role: str, *, hedged: bool = False) -> Iterator[tuple[TextUnit, re.Match]]:
        """Sentences where ``patterns[role]`` matches (hedged sentences skipped unless asked)."""
        pattern = self.patterns[role]
        for unit in text_units(document):
            m = pattern.search(unit.text)
            if m and (hedged or not HEDGE.search(unit.text)):
                yield unit, m

    def _symbol(self) -> str | None:
        return self.terms.value("symbol") if self.terms is not None else None


_OTHER_HOLDERS = re.compile(r"\b(?:investors?|advisors?|advisers?|partners?|bounty|reserve|public|crowdsale|purchasers?)\b", re.I)


def _windows(document, size: int = 3) -> Iterator[tuple[TextUnit, str]]:
    """Each sentence with up to ``size - 1`` following ones (a list after "vested as follows:").

    The window stops at a sentence about another group of holders, so that "early investors are
    locked for 6 months" does not lend its duration to the team; a page number left at the top of
    the next page is dropped.
    """
    units = list(text_units(document))
    for i, unit in enumerate(units):
        parts = [unit.text]
        for later in units[i + 1 : i + size]:
            text = later.text
            if later.page != unit.page:
                text = re.sub(r"^\d{1,3}\s+", "", text)
            if _OTHER_HOLDERS.search(text) and not TEAM.search(text):
                break
            parts.append(text)
        yield unit, " ".join(parts)


# ---------------------------------------------------------------------------------------------
@register
class SupplyFixed(ClaimRule):
    name = "supply_fixed"
    description = "The token supply is fixed/capped (true) or new tokens will be minted later (false)."
    confidence = "medium"
    patterns = {
        "fixed": re.compile(
            r"\bno\s+(?:new|further|additional|more|extra)\s+(?:\w+\s+){0,2}(?:tokens?|coins?|(?-i:[A-Z][A-Za-z0-9]{1,6})s?|issuances?)\s+"
            r"(?:will|can|shall|are\s+to|is\s+to|could|may)\s+(?:ever\s+)?(?:be\s+)?(?:created|issued|minted|generated|produced|planned)"
            r"|\bno\s+(?:additional|further|new)\s+(?:issuances?|minting|emission)\b"
            r"|\b(?:will|can|shall)\s+never\s+be\s+(?:increased|inflated|minted|created|issued)"
            r"|\bonly\s+(?:\S+\s+){1,4}(?:will|can|shall)\s+ever\s+(?:be\s+(?:created|issued|minted)|exist)"
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
            r"|\bsupply\s+(?:of\s+\S+\s+)?grows\b|\bmay\s+(?:sell|issue|mint|create)\s+additional"
            r"|\b(?:new|additional)\s+tokens?\s+(?:will|shall)\s+be\s+(?:minted|issued|created)\s+(?:as|for|to)\s+(?:rewards?|block|staking|mining)",
            re.I,
        ),
    }

    _ABOUT_FIAT = re.compile(r"\b(?:fiat|governments?|central\s+banks?|national\s+currenc\w+|dollar|euro)\b", re.I)

    def _detect(self, document):
        fixed = [_ev(u, m) for u, m in self._matches(document, "fixed")]
        minted = [_ev(u, m) for u, m in self._matches(document, "minted") if not self._ABOUT_FIAT.search(u.text)]
        if minted and len(minted) >= len(fixed):
            # A paper that says the supply grows (inflation, minting on purchase) is not fixed, even
            # when it also calls the initial issue "capped".
            return ClaimResult(self.name, False, minted[:2], counter_evidence=fixed[:2])
        if fixed:
            return ClaimResult(self.name, True, fixed[:2], counter_evidence=minted[:2])
        return None


# ---------------------------------------------------------------------------------------------
@register
class UnsoldTokens(ClaimRule):
    name = "unsold_tokens"
    description = "What happens to tokens not sold in the sale: burned, kept (reserve/company) or distributed to buyers."
    confidence = "high"
    patterns = {
        "unsold": re.compile(
            r"\bunsold\b|\bnot\s+(?:be\s+)?sold\b|\b(?:are|is|were|was)\s*n[o']t\s+sold\b|\bif\s+not\s+sold\s+out\b"
            r"|\bnot\s+(?:be\s+)?(?:distributed|purchased|claimed)\s+(?:by|in|during)\s+the\s+(?:token\s+)?(?:sale|crowdsale|ico)"
            r"|\b(?:left\s*over|leftover|unclaimed|unpurchased)\s+tokens\b"
            r"|\b(?:if|in\s+case)\b[^.]{0,80}\b(?:not|n't)\b[^.]{0,120}\bremaining\s+(?:\w+\s+)?tokens\b",
            re.I,
        ),
        "burned": re.compile(r"\b(?:burn(?:ed|t|s)?|destroy(?:ed)?|destruction)\b", re.I),
        "distributed": re.compile(
            r"\b(?:distributed|allocated|shared|credited)\s+(?:\w+\s+){0,3}(?:pro[\s-]?rata|proportionally|in\s+proportion)"
            r"|\b(?:distributed|allocated)\s+(?:\w+\s+){0,2}(?:among|to\s+all)\s+(?:the\s+)?(?:participants|contributors|buyers|purchasers|investors|token\s*holders)",
            re.I,
        ),
        "kept": re.compile(
            r"\b(?:reserve[sd]?|retain(?:ed)?|kept|keep|held\s+by|stay|remain\s+with|returned\s+to|transferred\s+to|locked|"
            r"second\s+(?:ico|sale|round|token\s+sale)|future\s+(?:sales?|use|development)|company|foundation|treasury)\b",
            re.I,
        ),
    }

    def _detect(self, document):
        votes: dict[str, list[Evidence]] = {}
        for unit, m in self._matches(document, "unsold", hedged=True):
            tail = unit.text[m.start() :]
            for fate in ("burned", "distributed", "kept"):
                if self.patterns[fate].search(tail) or (fate == "burned" and self.patterns[fate].search(unit.text)):
                    votes.setdefault(fate, []).append(_ev(unit, m))
                    break
        if not votes:
            return None
        fate = max(votes, key=lambda f: (len(votes[f]), f == "burned"))
        return ClaimResult(self.name, fate, votes[fate][:2])


# ---------------------------------------------------------------------------------------------
@register
class BurnMechanism(ClaimRule):
    name = "burn_mechanism"
    description = "An ongoing burn: fees or spent tokens destroyed, buy-back-and-burn, deflationary supply."
    confidence = "medium"
    patterns = {
        "burn": re.compile(
            r"\b(?:burn(?:ed|t|s|ing)?|destroy(?:ed|s)?|destruction|taken\s+out\s+of\s+circulation|removed\s+from\s+circulation)\b",
            re.I,
        ),
        # what makes a burn ongoing: a recurring source of the burned tokens
        "ongoing": re.compile(
            r"\b(?:fees?|commissions?|transaction|used|spent|spend|use|usage|payments?|liquidat\w*|buy[\s-]?backs?|bought\s+back|"
            r"collected|every|each|per|periodically|quarterly|monthly|proceeds|as\s+keys?|exchanged|consumed|forever)\b",
            re.I,
        ),
        # one-off burns of what was not sold or not needed are not a mechanism
        "one_off": re.compile(
            r"\b(?:unsold|not\s+(?:be\s+)?sold|not\s+distributed|sold\s+out|hard\s+cap|end\s+of\s+the\s+(?:token\s+)?sale|"
            r"completion\s+of\s+the|after\s+the\s+(?:token\s+)?sale|unnecessary|not\s+needed|aren.t\s+needed|"
            r"after\s+reading|unused)\b",
            re.I,
        ),
        "deflation": re.compile(
            r"\bsupply\s+(?:of\s+\S+\s+)?(?:\w+\s+){0,2}(?:shall|will|would)?\s*decrease\s+over\s+time",
            re.I,
        ),
        "denied": re.compile(
            r"\bno\s+(?:direct\s+)?(?:depletion|burn(?:ing)?)\s+of\s+(?:the\s+)?tokens|\b(?:will|are|is)\s+not\s+(?:be\s+)?(?:burn(?:ed|t)|destroyed)\b"
            r"|\b(?:go|goes|return|returns|returned)\s+back\s+(?:in)?to\s+the\s+(?:\w+\s+)?(?:supply|pool)\b|\brecycled\b",
            re.I,
        ),
    }

    def _detect(self, document):
        burns, denials = [], []
        symbol = self._symbol()
        for unit in text_units(document):
            text = unit.text
            m = self.patterns["burn"].search(text)
            if m and not HEDGE.search(text) and not self.patterns["one_off"].search(text):
                # the burned thing must be the token (not ether spent as gas), close to the verb
                near = text[max(0, m.start() - 100) : m.end() + 40]
                tokenish = re.search(r"\btokens?\b|\bcoins?\b" + (r"|\b" + re.escape(symbol) + r"\b" if symbol else ""), near, re.I)
                burned_thing = text[max(0, m.start() - 30) : m.end() + 25]
                not_token = re.search(r"\b(?:ether|eth|gas|dots?|fiat)\b", burned_thing, re.I)
                if tokenish and not not_token and self.patterns["ongoing"].search(text):
                    burns.append(_ev(unit, m))
                    continue
            d = self.patterns["deflation"].search(text)
            if d and not HEDGE.search(text):
                burns.append(_ev(unit, d))
                continue
            n = self.patterns["denied"].search(text)
            if n and re.search(r"\btokens?\b", text, re.I):
                denials.append(_ev(unit, n))
        if burns:
            return ClaimResult(self.name, True, burns[:2], counter_evidence=denials[:2])
        if denials:
            return ClaimResult(self.name, False, denials[:2], confidence="low")
        return None


# ---------------------------------------------------------------------------------------------
TEAM = re.compile(
    r"\b(?:team|founders?|founding|co-?founders?|employees|staff|management|executives?|executive\s+managers|core\s+developers|"
    r"key\s+personnel)\b",
    re.I,
)


@register
class TeamVesting(ClaimRule):
    name = "team_vesting"
    description = "Team/founder tokens vest or are locked (true), or explicitly are not (false)."
    confidence = "medium"
    patterns = {
        "team": TEAM,
        "vesting": re.compile(
            r"\bvest(?:ed|ing|s)?\b|\block(?:ed)?[\s-]?up\b|\blocked\b|\btime[\s-]?lock(?:ed)?\b|\bcliff\b|\bunlock(?:ed|s)?\b"
            r"|\bnot\s+entitled\s+to\s+(?:sell|token\s+sale|transfer)|\bsales?\s+restrictions?\b|\brestricted\s+from\s+(?:selling|transferring)"
            r"|\breleased?\s+(?:\w+\s+){0,3}(?:linearly|gradually|monthly|quarterly|proportionally)",
            re.I,
        ),
        "tokens": re.compile(r"\b\w*(?:tokens?|coins?)\b|%|\ballocat\w+|\bshares?\b", re.I),
        "denied": re.compile(
            r"\b(?:no|without(?:\s+any)?)\s+(?:vesting|lock[\s-]?up)\b|\b(?:are|is|will)\s+not\s+(?:be\s+)?(?:subject\s+to\s+(?:any\s+)?)?(?:vested|locked|vesting)",
            re.I,
        ),
        "product": re.compile(r"\b(?:retirement|employer|401k|pension|escrow|collateral|smart\s+asset|ICOs?\s+projects|"
                              r"projects\s+that\s+have|raised\s+(?:ETH|ether|funds))\b", re.I),
    }

    def _detect(self, document):
        found: list[tuple[TextUnit, re.Match, str]] = []
        denied: list[Evidence] = []
        for unit, window in _windows(document):
            text = unit.text
            t = self.patterns["team"].search(text)
            if not t:
                continue
            no = self.patterns["denied"].search(text)
            # a vesting word outside the denial: "no lock-up for sale tokens, team tokens are locked"
            v = next((m for m in self.patterns["vesting"].finditer(text)
                      if no is None or m.end() <= no.start() or m.start() >= no.end()), None)
            if v and self.patterns["tokens"].search(text) and not self.patterns["product"].search(text) and not HEDGE.search(text):
                found.append((unit, v, window))
            elif no:
                denied.append(_ev(unit, no))
        if not found:
            if denied:
                return ClaimResult(self.name, False, denied[:2])
            return None
        return ClaimResult(self.name, True, [_ev(u, m) for u, m, _ in found[:2]])

    def months(self, document) -> tuple[int | None, list[Evidence]]:
        """Total vesting/lock length for team tokens, in months (lock + vesting when sequential)."""
        for unit, window in _windows(document):
            if not self.patterns["team"].search(unit.text):
                continue
            if not self.patterns["vesting"].search(unit.text) or self.patterns["product"].search(unit.text):
                continue
            if not self.patterns["tokens"].search(unit.text) or HEDGE.search(unit.text):
                continue
            # The durations may be in the sentence or in a list right after it ("vested as follows:").
            text = unit.text if DURATION_RE.search(unit.text) or _RATE_RE.search(unit.text) else window
            months = team_vesting_months(text)
            if months is not None:
                # quote the sentence and, when the length is in the list after it, the length too
                where = DURATION_RE.search(text) or _RATE_RE.search(text)
                span = (where.start(), where.end()) if where else (0, len(text))
                return months, [Evidence(unit.page, quote_around(text, *span))]
        return None, []


_RATE_RE = re.compile(r"\b(\d+(?:\.\d+)?)\s*%\s+(?:each|every|per|a)\s+(month|quarter)\b", re.I)
_THEN = re.compile(r"\b(?:then|after\s+(?:that|which|the\s+lock(?:ing|[\s-]?up)?(?:\s+period)?(?:\s+ends)?)|thereafter|followed\s+by|subsequently)\b", re.I)


def team_vesting_months(text: str) -> int | None:
    """Months of a vesting/lock statement.

    "2-year vesting period, 6 month cliff" -> 24 (the cliff is part of the vesting);
    "locked for 1 year ... then released linearly over 2 years" -> 36 (lock then vesting);
    "10% each month" -> 10.
    """
    lock = vest = cliff = None
    for m in DURATION_RE.finditer(text):
        months = duration_months(m)
        if months is None or months <= 0 or months > 120:
            continue
        before = text[max(0, m.start() - 45) : m.start()].lower()
        after = text[m.end() : m.end() + 25].lower()
        if "cliff" in after[:12] or "cliff" in before[-15:]:
            cliff = cliff or months
        elif re.search(r"\b(?:over|during|within|spread|linearly|gradually|period\s+of|vest\w*\s+(?:for|over)?|on)\s*(?:a\s+|the\s+)?(?:period\s+of\s+)?(?:next\s+)?$", before) or re.match(r"^\s*(?:vesting|linear|schedule|release)", after):
            vest = vest or months
        elif re.search(r"\b(?:lock\w*|for|after|prohibits?|restrict\w*|not\s+entitled|first)\b[^.]{0,30}$", before):
            lock = lock or months
    if vest is None and lock is None:
        rate = _RATE_RE.search(text)
        if rate and float(rate.group(1)) > 0:
            per = 100 / float(rate.group(1))
            return int(round(per * (3 if rate.group(2).lower() == "quarter" else 1)))
        return int(cliff) if cliff else None
    if vest is not None and lock is not None:
        return int(round(lock + vest)) if _THEN.search(text) else int(round(max(lock, vest)))
    return int(round(vest if vest is not None else lock))


# ---------------------------------------------------------------------------------------------
@register
class TransfersLockedUntilSaleEnd(ClaimRule):
    name = "transfers_locked_until_sale_end"
    description = "Bought tokens cannot be transferred until the sale ends (or a stated date after it)."
    confidence = "high"
    _SALE = r"(?:the\s+)?(?:token\s+sale|crowd\s?sale|ico|sale|contribution\s+period|offering|distribution\s+period|tge)"
    patterns = {
        "locked": re.compile(
            r"\bnon-?transferr?able\s+(?:\w+\s+){0,6}until\b|\b(?:cannot|can\s*not|can.t|will\s+not|won.t|shall\s+not)\s+be\s+transferr?ed\s+"
            r"(?:during|until|before|prior\s+to)\b|\bnot\s+(?:be\s+)?transferr?able\s+(?:during|until|before|prior\s+to)\b"
            r"|\btransferr?able\s+(?:\w+\s+){0,3}(?:after|following|upon)\s+(?:\d+\s+days\s+after\s+)?(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\btransferr?able\s+(?:\d+|seven|ten|fourteen)\s+days\s+after\b"
            r"|\b(?:immediately\s+)?transferr?able\s+after\s+(?:the\s+)?(?:token\s+sale|crowdsale|ico|sale)\s+(?:ends|is\s+over|closes)"
            r"|\b(?:locked|frozen)\s+(?:\w+\s+){0,4}until\s+(?:the\s+)?(?:end|close|completion)\s+of\s+" + _SALE
            + r"|\btransfers?\s+(?:\w+\s+){0,3}(?:disabled|blocked|frozen|paused)\s+(?:during|until)\b",
            re.I,
        ),
        "free": re.compile(
            r"\bnot\s+designed\s+with\s+(?:any\s+)?restrictions\s+on\s+transfer|\bno\s+(?:transfer\s+)?restrictions\s+on\s+(?:the\s+)?transfer"
            r"|\bwithout\s+(?:any\s+)?transfer\s+restrictions\b",
            re.I,
        ),
        # a team lock is team vesting, not a lock of bought tokens
        "not_buyers": re.compile(r"\b(?:team|founders?|advisors?|advisers?|staff|employees|reserve|bounty)\b", re.I),
    }

    def _detect(self, document):
        locked = [_ev(u, m) for u, m in self._matches(document, "locked", hedged=True)
                  if not self.patterns["not_buyers"].search(u.text) or re.search(r"pre-?sale|purchas|contributor|buyer", u.text, re.I)]
        if locked:
            return ClaimResult(self.name, True, locked[:2])
        free = [_ev(u, m) for u, m in self._matches(document, "free")]
        if free:
            return ClaimResult(self.name, False, free[:2])
        return None


# ---------------------------------------------------------------------------------------------
@register
class GovernanceRights(ClaimRule):
    name = "governance_rights"
    description = "Token holders get voting/governance rights (true) or the paper denies them (false)."
    confidence = "medium"
    _HOLDERS = r"(?:token\s*-?\s*holders?|holders\s+of\s+(?:\w+\s+)?tokens|(?-i:[A-Z][A-Za-z0-9]{1,6})\s+(?:token\s+)?holders|tokenholders|stakeholders\s+holding)"
    patterns = {
        "granted": re.compile(
            _HOLDERS + r"\s+(?:\w+\s+){0,4}(?:vote|govern|elect)\w*"
            r"|\bvot(?:e|ing)\s+(?:\w+\s+){0,4}(?:by|among|of|from)\s+(?:the\s+)?" + _HOLDERS
            + r"|\b(?:quorum|majority)\s+of\s+(?:the\s+)?" + _HOLDERS
            + r"|\bvoting\s+rights\b|\bright\s+to\s+vote\b|\bsuffrage\b|\bvoting\s+(?:power|weight)\s+(?:\w+\s+){0,4}(?:tokens?|stake|holdings?)"
            r"|\b(?:weight(?:ed|ing)?|proportional|proportion)\s+(?:\w+\s+){0,4}(?:of\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\s+(?:amount|held|holdings?|balance|and)\b[^.]{0,40}\bvot"
            r"|\bvot\w*[^.]{0,60}\b(?:weight(?:ed|ing)?|proportional)\s+(?:\w+\s+){0,3}(?:to|on|of|by)\s+(?:the\s+)?(?:number\s+of\s+)?(?:tokens?|(?-i:[A-Z]{2,6}))\b"
            r"|\b(?:contributors|token\s+buyers|investors)\s+(?:\w+\s+){0,3}(?:ballot|vote)\b",
            re.I,
        ),
        "denied": re.compile(
            r"\bno\s+(?:\w+\s+){0,5}(?:governance|voting)\s+rights?\b"
            r"|\b(?:do(?:es)?|shall|will|is|are)\s+not\s+(?:\w+\s+){0,2}(?:grant|give|confer|provide|entitle|represent|carry)\w*\s+"
            r"[^.;]{0,120}\b(?:vot\w+|governance|decision[\s-]making|control|management|say)\b"
            r"|\bno\s+right\s+to\s+(?:participate|vote|any\s+say)|\bnot\s+have\s+any\s+(?:say|governance|voting)\b|\bno\s+(?:say|influence)\s+(?:in|over)\b"
            r"|\bnot\s+(?:be\s+)?entitled\s+to\s+[^.;]{0,120}\b(?:vot\w+|governance)"
            r"|\b(?:hold|have|has|confer|grant|give)s?\s+no\s+(?:\w+\s+){0,3}(?:governance|voting|votes?)\b"
            r"|\bwithout\s+(?:any\s+)?(?:voting|governance)\s+rights",
            re.I,
        ),
    }

    def _detect(self, document):
        denied = [_ev(u, m) for u, m in self._matches(document, "denied", hedged=True)]
        granted = []
        for u, m in self._matches(document, "granted"):
            if self.patterns["denied"].search(u.text):
                continue
            granted.append(_ev(u, m))
        if granted:
            # Legal disclaimers often deny rights "over the company" while the protocol lets holders
            # vote: a stated voting mechanism wins (GOLD.md: false only where rights are denied).
            return ClaimResult(self.name, True, granted[:2], counter_evidence=denied[:2])
        if denied:
            return ClaimResult(self.name, False, denied[:2])
        return None


# ---------------------------------------------------------------------------------------------
@register
class Oracle(ClaimRule):
    name = "oracle"
    description = "The design uses an oracle / off-chain data feed into the contracts."
    confidence = "medium"
    patterns = {
        "oracle": re.compile(r"\boracles?\b|\boraclize\b", re.I),
        "company": re.compile(r"\b(?:at|from|by|with|joined|ex-?)\s+Oracle\b|\bOracle\s+(?:Corporation|Corp|Database|DB|Cloud|America)\b|\bOracle,", re.I),
        "data": re.compile(r"\b(?:data|feeds?|information|external|off-?chain|real[\s-]world|trigger\w*|events?|prices?|"
                           r"rates?|sensors?|ground\s+truth|results?)\b", re.I),
        "feed": re.compile(
            r"\bfeeds?\s+(?:\w+\s+){0,4}(?:to|into)\s+(?:the\s+)?(?:\w+\s+)?(?:smart\s+)?contracts?\b"
            r"|\b(?:updated|pushed|submitted|written|posted)\s+(?:\w+\s+){0,3}to\s+the\s+(?:\w+\s+)?(?:smart\s+)?contracts?\s+by\b"
            r"|\b(?:third[\s-]party|external|off-?chain)\s+data\s+(?:sources?|feeds?|providers?)\b"
            r"|\bblockchain\s+(?:\w+\s+){0,3}(?:has\s+no|have\s+no|lacks?)\s+knowledge\s+of\s+the\s+real\s+world"
            r"|\b(?:data|information)\s+(?:on|about|from)\s+real[\s-]world\s+events\b",
            re.I,
        ),
    }

    def _detect(self, document):
        strong, weak = [], []
        for unit in text_units(document):
            text = unit.text
            m = self.patterns["oracle"].search(text)
            if m and not self.patterns["company"].search(text):
                if HEDGE.search(text) or not self.patterns["data"].search(text):
                    weak.append(_ev(unit, m))
                else:
                    strong.append(_ev(unit, m))
                continue
            f = self.patterns["feed"].search(text)
            if f and not HEDGE.search(text):
                strong.append(_ev(unit, f))
        # A single passing mention ("cross-chain oracle" in a list of use cases) is not a design:
        # ask for one mention about data flowing into contracts and at least one more.
        if strong and len(strong) * 2 + len(weak) >= 3:
            return ClaimResult(self.name, True, (strong + weak)[:2])
        return None


# ---------------------------------------------------------------------------------------------
class _TermClaim(ClaimRule):
    """A claim whose value is a token term (as written): reuses :mod:`terms`."""

    term = ""
    confidence = "high"

    def _detect(self, document):
        from ico_lens.paper.tokenomics import terms as terms_module

        if self.terms is not None:
            value = getattr(self.terms, self.term)
        else:
            value = getattr(terms_module, f"find_{self.term}")(document)
        if value is None:
            return None
        return ClaimResult(self.name, value.value, list(value.evidence))


@register
class HardCap(_TermClaim):
    name = "hard_cap"
    description = "The sale's hard cap, as written."
    term = "hard_cap"


@register
class TokenPrice(_TermClaim):
    name = "token_price"
    description = "The token price in the main sale, as written."
    term = "token_price"


# ---------------------------------------------------------------------------------------------

#: claim fields in GOLD.md order (team_vesting_months is filled by the TeamVesting rule)
CLAIM_FIELDS = [
    "supply_fixed", "unsold_tokens", "burn_mechanism", "team_vesting", "team_vesting_months",
    "transfers_locked_until_sale_end", "governance_rights", "oracle", "hard_cap", "token_price",
]


def detect_claims(document, terms=None) -> dict[str, ClaimResult]:
    """Run every registered rule; returns only the claims the paper makes (silent ones are absent)."""
    results: dict[str, ClaimResult] = {}
    for rule_class in CLAIM_RULES:
        rule = rule_class(terms)
        result = rule.detect(document)
        if result is not None:
            results[rule.name] = result
        if isinstance(rule, TeamVesting) and result is not None and result.value is True:
            months, evidence = rule.months(document)
            if months is not None:
                results["team_vesting_months"] = ClaimResult(
                    "team_vesting_months", months, evidence, rule="TeamVesting", confidence="medium"
                )
    return results
