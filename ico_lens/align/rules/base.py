"""The alignment-rule plug-in interface (the convention of the contract detectors and claim rules),
its registry, and the comparisons several rules share.

A rule is one file: an :class:`AlignmentRule` subclass decorated with :func:`register`, with ``NAME``
(the claim it checks, as in GOLD.md, or the power, as the contract facts name it), ``DESCRIPTION``,
``SEVERITY`` (what a contradiction or an undisclosed power means for an investor), ``CLAIMS`` and
``FACTS`` (what it reads), ``ORDER`` and one method, :meth:`AlignmentRule.check`, returning
:class:`~ico_lens.align.records.Finding` s (none when the paper is silent on the claim). Rules read
records only (:class:`AlignmentInputs`): never Slither, never the PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from ico_lens.align.records import (
    CONSISTENT, CONTRADICTED, DISCLOSED, FACT_UNDETERMINED, NO_SOURCE, SEVERITIES, UNDISCLOSED, UNVERIFIABLE, Finding,
)
from ico_lens.plugins import Registry
from ico_lens.records import Evidence, TokenAmount

#: a negation near a statement: "no further tokens will be created" denies a power, it does not disclose it
NEGATION = re.compile(r"\b(?:no|not|never|cannot|can't|won't|neither|nor|without|impossible)\b", re.I)
#: characters before a match a negation still governs
NEGATION_WINDOW = 15


@dataclass
class AlignmentInputs:
    """What the rules compare: the paper's facts (and language profile), the code facts, the chain."""

    #: :class:`~ico_lens.paper.tokenomics.facts.PaperFacts`
    paper: Any
    #: :class:`~ico_lens.contract.records.CodeFacts`, None without a contract source
    facts: Any = None
    #: :class:`~ico_lens.chain.records.ChainState`, None without chain access
    chain: Any = None
    #: :class:`~ico_lens.language.records.LanguageProfile`, when the language stage ran
    profile: Any = None
    #: the paper's sentences (page + quote) the disclosure rules search
    statements: list[Evidence] = field(default_factory=list)

    def claim(self, name: str) -> Any:
        return self.paper.claim(name)

    def claim_evidence(self, name: str) -> list[Evidence]:
        result = self.paper.claims.get(name)
        return list(result.evidence) if result is not None else []

    def fact(self, name: str) -> Any:
        """A boolean code fact (None when undetermined or without a source)."""
        return None if self.facts is None else self.facts.verdicts.get(name)

    def fact_evidence(self, *names: str) -> list[Evidence]:
        if self.facts is None:
            return []
        return [e for name in names for e in self.facts.evidence.get(name, [])]

    def why_undetermined(self, name: str) -> str:
        if self.facts is None:
            return "no contract source"
        if name not in self.facts.verdicts:
            return f"no contract detector decides {name!r}"
        return self.facts.undetermined.get(name, f"{name} is undetermined")


class AlignmentRule:
    """Base class: subclasses set the class attributes and implement :meth:`check`."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    SEVERITY: ClassVar[str] = "medium"
    #: the paper claims (GOLD.md names) and the code facts the rule reads (documentation and tests read them)
    CLAIMS: ClassVar[tuple[str, ...]] = ()
    FACTS: ClassVar[tuple[str, ...]] = ()
    ORDER: ClassVar[int] = 1000

    def __init__(self, inputs: AlignmentInputs):
        self.inputs = inputs

    def check(self) -> list[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------------------------
    def finding(self, verdict: str, explanation: str, *, paper_value: Any = None, code_value: Any = None,
                paper_evidence=(), code_evidence=(), chain_evidence=(), reason: str | None = None) -> Finding:
        return Finding(
            claim=self.NAME, verdict=verdict, severity=self.SEVERITY if verdict in (CONTRADICTED, UNDISCLOSED) else "informational",
            paper_value=paper_value, code_value=code_value, paper_evidence=list(paper_evidence)[:3],
            code_evidence=list(code_evidence)[:3], chain_evidence=list(chain_evidence)[:6], reason=reason,
            explanation=explanation, rule=type(self).__name__,
        )

    def no_source(self, paper_value: Any, paper_evidence=()) -> Finding:
        return self.finding(UNVERIFIABLE, "no contract source to check the claim against", paper_value=paper_value,
                            paper_evidence=paper_evidence, reason=NO_SOURCE)


class ClaimAgainstFacts(AlignmentRule):
    """A boolean promise of the paper (``CLAIM`` is ``PROMISE``) kept when any of ``FACTS`` is true in
    the code: consistent when one is, contradicted when all are false, unverifiable when undetermined."""

    CLAIM: ClassVar[str] = ""
    PROMISE: ClassVar[Any] = True
    #: what the paper promised and what the facts stand for, for the explanations
    PROMISED: ClassVar[str] = ""
    CODED: ClassVar[str] = ""

    def check(self) -> list[Finding]:
        inputs = self.inputs
        value = inputs.claim(self.CLAIM)
        if value != self.PROMISE:
            return []
        paper_evidence = inputs.claim_evidence(self.CLAIM)
        if inputs.facts is None:
            return [self.no_source(value, paper_evidence)]
        verdicts = {name: inputs.fact(name) for name in self.FACTS}
        found = [name for name, v in verdicts.items() if v is True]
        common = {"paper_value": self.paper_value(value), "paper_evidence": paper_evidence}
        if found:
            return [self.finding(CONSISTENT, f"the paper promises {self.PROMISED}; the code has it ({', '.join(found)})",
                                 code_value=found[0], code_evidence=inputs.fact_evidence(*found), **common)]
        undetermined = [name for name, v in verdicts.items() if v is None]
        if undetermined:
            why = "; ".join(inputs.why_undetermined(name) for name in undetermined)
            return [self.finding(UNVERIFIABLE, f"the paper promises {self.PROMISED}; the code cannot show it: {why}",
                                 reason=FACT_UNDETERMINED, **common)]
        return [self.finding(CONTRADICTED, f"the paper promises {self.PROMISED}; the code has no {self.CODED}",
                             code_value=False, code_evidence=inputs.fact_evidence(*self.FACTS), **common)]

    def paper_value(self, value: Any) -> Any:
        return value


class PowerRule(AlignmentRule):
    """A power the code gives insiders (the fact ``NAME`` is true): ``disclosed`` when a sentence of the
    paper matching ``DISCLOSURE`` (and not denying it) tells investors, else ``undisclosed``."""

    SEVERITY = "high"
    #: how a paper tells investors about the power
    DISCLOSURE: ClassVar[re.Pattern] = re.compile(r"$^")
    #: what the power is, for the explanations
    POWER: ClassVar[str] = ""

    def check(self) -> list[Finding]:
        inputs = self.inputs
        if inputs.fact(self.NAME) is not True:
            return []
        code_evidence = inputs.fact_evidence(self.NAME)
        said = self.disclosure()
        if said:
            return [self.finding(DISCLOSED, f"the code lets insiders {self.POWER}, and the paper says so",
                                 code_value=True, code_evidence=code_evidence, paper_evidence=said)]
        return [self.finding(UNDISCLOSED, f"the code lets insiders {self.POWER}; the paper never says so",
                             code_value=True, code_evidence=code_evidence)]

    def disclosure(self) -> list[Evidence]:
        """The paper's sentences telling investors about the power."""
        return [s.with_reason(f"discloses: {self.POWER}") for s in self.inputs.statements
                if (m := self.DISCLOSURE.search(s.quote or "")) and not denied(s.quote, m)]


def denied(text: str, match: re.Match) -> bool:
    """The statement denies what it matched: a negation inside it or just before ("no further tokens
    will be created", "tokens cannot be frozen")."""
    return bool(NEGATION.search(text[max(0, match.start() - NEGATION_WINDOW):match.end()]))


# ---------------------------------------------------------------------------------------------
# amounts


def rounding_tolerance(stated: Decimal) -> Decimal:
    """How far a stated amount may be from the exact one and still be the same number: half the unit of
    its last non-zero digit ("106 million" allows 0.5 million), at most 1% of it."""
    if stated <= 0:
        return Decimal(0)
    digits = str(int(stated)).rstrip("0")
    unit = Decimal(10) ** (len(str(int(stated))) - len(digits)) if digits else Decimal(1)
    return min(unit / 2, stated / 100)


def same_amount(stated: int | Decimal, amount: TokenAmount | None) -> bool | None:
    """Whether a token amount is the paper's stated whole-token amount, within its rounding; None when
    the amount is unknown (no number, unknown decimals)."""
    whole = amount.whole if amount is not None else None
    if whole is None:
        return None
    stated = Decimal(stated)
    return abs(whole - stated) <= rounding_tolerance(stated)


# ---------------------------------------------------------------------------------------------
# the registry

#: every alignment rule, by the claim or power it checks; the modules of this package register on first use
ALIGNMENT_RULES: Registry[type[AlignmentRule]] = Registry("alignment rule", "ico_lens.align.rules")


def register(rule: type[AlignmentRule]) -> type[AlignmentRule]:
    """Class decorator: add an alignment rule to the registry. Raises ValueError for a class that is no
    AlignmentRule with a NAME, an unknown severity, and a NAME another rule checks."""
    if not (isinstance(rule, type) and issubclass(rule, AlignmentRule)) or not rule.NAME:
        raise ValueError(f"{rule!r} is not an AlignmentRule subclass with a NAME")
    if rule.SEVERITY not in SEVERITIES:
        raise ValueError(f"alignment rule {rule.__module__}.{rule.__qualname__}: SEVERITY {rule.SEVERITY!r} is not one of {', '.join(SEVERITIES)}")
    return ALIGNMENT_RULES.add(rule)


def unregister(name: str) -> None:
    """Remove the rule called ``name`` (a plug-in's tests clean up with it)."""
    ALIGNMENT_RULES.remove(name)
