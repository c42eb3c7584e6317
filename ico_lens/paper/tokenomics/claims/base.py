"""The claim-rule plug-in interface (the convention of the contract detectors) and shared text helpers.

A claim rule is a small class with ``NAME`` (the GOLD.md field under ``claims``), ``DESCRIPTION``,
``CONFIDENCE`` (how sure the rule is when it fires: ``"high"``, ``"medium"``, ``"low"``), the regular
expressions it looks for under ``PATTERNS``, and a ``_detect(document)`` returning a
:class:`ClaimResult` or ``None`` when the paper is silent. A rule that depends on another claim reads
its result in ``self.decided`` (the results of the rules that ran before it, by name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

from ico_lens.paper.tokenomics.evidence import TextUnit, quote_around, text_units
from ico_lens.plugins import Registry
from ico_lens.records import Evidence, Record, confidence_value


@dataclass
class ClaimResult(Record):
    """What a paper claims about one point, and where it says so."""

    name: str
    value: Any
    evidence: list[Evidence] = field(default_factory=list)
    #: the rule that found it
    rule: str = ""
    #: how sure the rule is, in [0, 1]; None (before :meth:`ClaimRule.detect`) means the rule's own
    confidence: float | None = None
    #: evidence that pointed the other way (e.g. a legal disclaimer denying governance rights)
    counter_evidence: list[Evidence] = field(default_factory=list)


#: statements that are only considered, not made
HEDGE = re.compile(r"\b(?:consider(?:ing|ed)?|might|could|would|potentially|possibly|perhaps|we\s+may\s+consider|"
                   r"if\s+we\s+decide|e\.g\.|for\s+example)\b", re.I)


# ---------------------------------------------------------------------------------------------
# lost ligatures: some PDFs drop the glyphs "ti", "tt", "ft", "fi", "fl", "ff" (their font maps them to
# nothing or to U+FFFD), so a paper reads "no right to parcipate", "restricons on transfer", "a\ufffder
# the sale". The words the claim patterns need are restored, only in a document that shows the damage.

#: words of the claim patterns that contain a ligature, with their common inflections
_LIGATURE_WORDS = (
    "participate participates participated participating participation participant participants "
    "restriction restrictions distribution distributions transaction transactions after thereafter afterwards "
    "fixed first final finally finalized finalised finish finished infinite inflation inflationary deflation "
    "deflationary entitle entitled entitles entity utility liquidation foundation creation allocation "
    "allocations additional initial initially potential specific specified profit profits effective offer "
    "offered offering offerings transition conditions attached identity quantity flexible certificate "
    "notification circulation emission issuance definitive").split()
_LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "tt", "ti")


def _broken_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for word in _LIGATURE_WORDS:
        for lig in _LIGATURES:
            if lig in word:
                for broken in (word.replace(lig, ""), word.replace(lig, "\ufffd")):
                    # a broken form that is itself a word ("so" from "soft") or too short is left alone
                    if len(broken) >= 3 and broken != word:
                        forms.setdefault(broken, word)
    return forms


_BROKEN = _broken_forms()
_BROKEN_RE = re.compile(r"(?<![\w\ufffd])(?:" + "|".join(sorted(map(re.escape, _BROKEN), key=len, reverse=True)) + r")(?![\w\ufffd])", re.I)
#: how many broken words a document needs before it counts as damaged (a stray "aer" is a typo or a name)
_DAMAGE_MIN = 3


def _restore(match: re.Match) -> str:
    word = _BROKEN[match.group(0).lower()]
    return word.capitalize() if match.group(0)[0].isupper() else word


def repair_ligatures(text: str) -> str:
    """``text`` with the claim words whose ligature glyphs were lost written out again."""
    return _BROKEN_RE.sub(_restore, text) if ("\ufffd" in text or _BROKEN_RE.search(text)) else text


#: the last document's claim units: every rule reads them, some once per candidate sentence, and judging
#: the damage scans the whole text (a cache of one: documents come one after another)
_LAST_UNITS: list = [None, []]


def claim_units(document) -> Iterator[TextUnit]:
    """The sentences of ``document`` (:func:`text_units`), ligature-repaired when the document lost them."""
    if _LAST_UNITS[0] is not document:
        units = list(text_units(document))
        damaged = len(_BROKEN_RE.findall(" ".join(u.text for u in units))) >= _DAMAGE_MIN
        if damaged:
            units = [TextUnit(u.page, repair_ligatures(u.text), u.kind) for u in units]
        _LAST_UNITS[:] = [document, units]
    return iter(_LAST_UNITS[1])


def evidence_at(unit: TextUnit, match: re.Match | None = None) -> Evidence:
    """The page of ``unit`` and a quote around ``match`` (the whole unit without one)."""
    if match is None:
        return Evidence.paper(unit.page, quote_around(unit.text, 0, len(unit.text)))
    return Evidence.paper(unit.page, quote_around(unit.text, match.start(), match.end()))


class ClaimRule:
    """Base class: subclasses set the class attributes and implement :meth:`_detect`."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    CONFIDENCE: ClassVar[str] = "medium"
    #: rules run by increasing ORDER (the claims' order in the JSON: GOLD.md's); one that reads another
    #: claim through ``self.decided`` needs a higher ORDER
    ORDER: ClassVar[int] = 1000
    #: the patterns the rule looks for, by role (documentation and tests read them)
    PATTERNS: ClassVar[dict[str, re.Pattern]] = {}

    def __init__(self, terms=None, decided: dict[str, ClaimResult | None] | None = None):
        #: token terms (symbol, hard cap, price) when the caller has them already
        self.terms = terms
        #: answers of the rules that ran before, by name (None: silent), for claims that depend on others
        self.decided = decided if decided is not None else {}

    def detect(self, document) -> ClaimResult | None:
        """The claim ``document`` makes, named and with a confidence; None when the paper is silent."""
        result = self._detect(document)
        if result is not None:
            result.name = self.NAME
            result.rule = type(self).__name__
            result.confidence = confidence_value(self.CONFIDENCE if result.confidence is None else result.confidence)
        return result

    def _detect(self, document) -> ClaimResult | None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------------------------
    def matches(self, document, role: str, *, hedged: bool = False) -> Iterator[tuple[TextUnit, re.Match]]:
        """Sentences where ``PATTERNS[role]`` matches (hedged sentences skipped unless asked)."""
        pattern = self.PATTERNS[role]
        for unit in claim_units(document):
            m = pattern.search(unit.text)
            if m and (hedged or not HEDGE.search(unit.text)):
                yield unit, m

    def symbol(self) -> str | None:
        """The paper's token symbol, when the caller passed the terms."""
        return self.terms.value("symbol") if self.terms is not None else None


# ---------------------------------------------------------------------------------------------
# the registry

#: every claim rule, by claim; the modules of this package register on first use
CLAIM_REGISTRY: Registry[type[ClaimRule]] = Registry("claim rule", "ico_lens.paper.tokenomics.claims")


def register(rule: type[ClaimRule]) -> type[ClaimRule]:
    """Class decorator: add a claim rule to the registry (its ``NAME`` becomes a field of ``claims``).

    Raises ValueError for a class that is no ClaimRule with a NAME, a name another rule decides, and an
    unknown confidence level."""
    if not (isinstance(rule, type) and issubclass(rule, ClaimRule)) or not rule.NAME:
        raise ValueError(f"{rule!r} is not a ClaimRule subclass with a NAME")
    confidence_value(rule.CONFIDENCE)  # raises on an unknown level
    return CLAIM_REGISTRY.add(rule)


def unregister(name: str) -> None:
    """Remove the rule of claim ``name`` (a plug-in's tests clean up with it)."""
    CLAIM_REGISTRY.remove(name)


class TermClaim(ClaimRule):
    """A claim whose value is a token term (as written): reuses :mod:`~ico_lens.paper.tokenomics.terms`."""

    #: the ``TokenTerms`` field (and ``terms.find_<TERM>``) the claim repeats
    TERM: ClassVar[str] = ""
    CONFIDENCE = "high"

    def _detect(self, document):
        from ico_lens.paper.tokenomics import terms as terms_module

        if self.terms is not None:
            value = getattr(self.terms, self.TERM)
        else:
            value = getattr(terms_module, f"find_{self.TERM}")(document)
        if value is None:
            return None
        return ClaimResult(self.NAME, value.value, list(value.evidence))
