"""Records of the alignment stage: what a paper promised, set against what its contract and the chain do.

A :class:`Finding` is one claim of the paper (a GOLD.md claim name: ``supply_fixed``, ``team_vesting``
...) or one power the code gives insiders (a contract fact name: ``pausable``, ``freeze_or_blacklist``
...) with its verdict and the evidence of every side. An :class:`AlignmentReport` is all findings for
one project. Both round-trip through JSON and import nothing heavy:

>>> f = Finding("supply_fixed", CONTRADICTED, "high", paper_value=True, code_value=True,
...             paper_evidence=[Evidence.paper(3, "The supply is fixed.")])
>>> report = AlignmentReport(ProjectRef(symbol="MRD"), [f])
>>> report.summary["contradicted"], report.exit_code
(1, 1)
>>> AlignmentReport.from_dict(report.to_dict()) == report
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ico_lens.records import Evidence, ProjectRef, Record

# the verdicts on a claim of the paper
CONSISTENT = "consistent"
CONTRADICTED = "contradicted"
UNVERIFIABLE = "unverifiable"
# the verdicts on a power the code gives insiders
UNDISCLOSED = "undisclosed"
DISCLOSED = "disclosed"
VERDICTS = (CONSISTENT, CONTRADICTED, UNVERIFIABLE, UNDISCLOSED, DISCLOSED)

# why a claim is unverifiable
NO_SOURCE = "no source"
CLAIM_TOO_VAGUE = "claim too vague"
FACT_UNDETERMINED = "fact undetermined"
NO_CHAIN_ACCESS = "no chain access"
REASONS = (NO_SOURCE, CLAIM_TOO_VAGUE, FACT_UNDETERMINED, NO_CHAIN_ACCESS)

SEVERITIES = ("high", "medium", "low", "informational")

#: report status: findings were made; the paper states nothing a rule can check; no contract source
#: (every claim unverifiable); the source has no token (or no balances) to check against
STATUSES = ("ok", "no_claims", "no_source", "no_token")


@dataclass
class Finding(Record):
    """One claim (or power) with its verdict and the evidence on each side."""

    #: the GOLD.md claim name (``total_supply``, ``supply_fixed`` ...) or the power's fact name
    claim: str
    #: one of :data:`VERDICTS`
    verdict: str
    #: what a contradiction or an undisclosed power means for an investor (one of :data:`SEVERITIES`)
    severity: str
    #: what the paper says (the claim's value), None for an undisclosed power
    paper_value: Any = None
    #: what the code (or the chain) shows, in the contract facts' terms
    code_value: Any = None
    paper_evidence: list[Evidence] = field(default_factory=list)
    code_evidence: list[Evidence] = field(default_factory=list)
    chain_evidence: list[Evidence] = field(default_factory=list)
    #: for ``unverifiable``: one of :data:`REASONS`
    reason: str | None = None
    #: one line: why this verdict
    explanation: str = ""
    #: the rule that decided it (its class name)
    rule: str = ""

    @property
    def is_power(self) -> bool:
        return self.verdict in (UNDISCLOSED, DISCLOSED)


@dataclass
class AlignmentReport(Record):
    """Every finding on one project: its paper (ref merged with the contract's) against its code."""

    ref: ProjectRef
    findings: list[Finding] = field(default_factory=list)
    #: one of :data:`STATUSES`
    status: str = "ok"
    #: the paper (its path or slug) and the contract (address or file) compared
    paper: str | None = None
    contract: str | None = None
    #: whether chain state was read (``--rpc``)
    chain_read: bool = False
    warnings: list[str] = field(default_factory=list)

    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("summary",)

    @property
    def summary(self) -> dict[str, int]:
        """How many findings have each verdict (every verdict listed, zeros included)."""
        counts = dict.fromkeys(VERDICTS, 0)
        for finding in self.findings:
            counts[finding.verdict] += 1
        return counts

    @property
    def exit_code(self) -> int:
        """0 when nothing is contradicted, 1 when something is (``ico-lens align``'s exit code)."""
        return 1 if self.summary[CONTRADICTED] else 0

    def finding(self, claim: str) -> Finding | None:
        return next((f for f in self.findings if f.claim == claim), None)

    def verdicts(self) -> dict[str, str]:
        """claim -> verdict."""
        return {f.claim: f.verdict for f in self.findings}
