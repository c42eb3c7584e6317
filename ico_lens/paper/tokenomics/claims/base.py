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
        for unit in text_units(document):
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
