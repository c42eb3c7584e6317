"""Records of the score: a paper's risk score from named components, each with its points and evidence.

>>> item = Item("disclosure.risk", "no risk disclosure", 5.0, 5.0)
>>> c = Component("disclosure", "Disclosure completeness", [item])
>>> report = ScoreReport(ProjectRef(symbol="AUV"), "aurevo.pdf", [c])
>>> report.score, report.grade, [f.name for f in report.red_flags()]
(100, 'E', ['disclosure.risk'])
>>> ScoreReport.from_dict(report.to_dict()) == report
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ico_lens.align.records import AlignmentReport
from ico_lens.paper.tokenomics.records import Distribution
from ico_lens.records import Evidence, ProjectRef, Record

#: grade -> the lowest score that earns it (0 = least risk)
GRADES = (("A", 0), ("B", 20), ("C", 40), ("D", 60), ("E", 80))


def grade_of(score: float) -> str:
    """``grade_of(35)`` -> ``'B'``: A below 20, B below 40, C below 60, D below 80, E from 80."""
    return next(g for g, low in reversed(GRADES) if score >= low)


@dataclass
class Item(Record):
    """One line of a component: what was found, the points it adds (of at most ``max_points``), why."""

    #: the weight behind it (``disclosure.risk``, ``alignment.undisclosed_high`` ...)
    name: str
    #: what was found, in one line ("insider share 34%")
    label: str
    points: float
    max_points: float
    evidence: list[Evidence] = field(default_factory=list)
    #: the feature measured, its value and its percentile among the reference papers
    feature: str | None = None
    value: float | None = None
    percentile: float | None = None


@dataclass
class Component(Record):
    """A named part of the score: its items, or ``assessed=False`` with the reason in ``note``."""

    name: str
    title: str
    items: list[Item] = field(default_factory=list)
    assessed: bool = True
    note: str = ""
    #: the most points it can add (its weights); its items' maxima when not given
    max_points: float | None = None

    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("points",)

    def __post_init__(self):
        if self.max_points is None:
            self.max_points = sum(i.max_points for i in self.items)

    @property
    def points(self) -> float:
        return round(min(sum(i.points for i in self.items), self.max_points or 0.0), 2)


@dataclass
class ScoreReport(Record):
    """The score of one white paper (and its contract when given)."""

    ref: ProjectRef
    paper: str
    components: list[Component] = field(default_factory=list)
    #: the paper's status (``ok``, ``no_text_layer`` ...)
    status: str = "ok"
    allocation: Distribution | None = None
    use_of_funds: Distribution | None = None
    alignment: AlignmentReport | None = None
    #: the contract scored with the paper (address or file), None without one
    contract: str | None = None
    #: the weights used (name -> points) and where overrides came from
    weights: dict[str, float] = field(default_factory=dict)
    weights_source: str = ""
    #: what the reference percentiles were computed from
    reference: str = ""
    warnings: list[str] = field(default_factory=list)

    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("score", "grade", "max_points")

    @property
    def max_points(self) -> float:
        """The points the assessed components can add together (a paper without a contract: 75)."""
        return sum(c.max_points or 0.0 for c in self.components if c.assessed)

    @property
    def score(self) -> int:
        """0 (no risk found) to 100: the points over what the assessed components can add."""
        total = sum(c.points for c in self.components if c.assessed)
        return round(100 * total / self.max_points) if self.max_points else 0

    @property
    def grade(self) -> str:
        return grade_of(self.score)

    def component(self, name: str) -> Component | None:
        return next((c for c in self.components if c.name == name), None)

    def red_flags(self, limit: int | None = None) -> list[Item]:
        """The items that add points, the most first."""
        items = [i for c in self.components if c.assessed for i in c.items if i.points > 0]
        return sorted(items, key=lambda i: -i.points)[:limit]
