"""``ico-lens eval alignment``: the alignment verdicts on the real projects against those the gold labels imply.

For each project of ``corpus/projects.csv`` (slug -> contract address) the rules run twice: on what
ico_lens extracts (the paper's facts from its PDF, the contract's facts from its verified source) and
on the two gold labels (``gold/whitepapers/<slug>.json`` read as paper facts,
``gold/contracts/<address>.json`` as code facts). Agreement is the share of (project, claim) pairs
where both give the same verdict (a finding on one side only counts as a disagreement). The gold
labels do not label disclosures, so both sides search the same paper text for the sentences that
disclose a power. Without chain access, the allocation is unverifiable on both sides. The gold contract
labels have no field for some facts ico_lens decides (``voting``, ``oracle_call``): the gold side reads
those from ico_lens's detectors on the same source, so their claims' pairs (``governance_rights``,
``oracle``) measure the paper stage only, and are left out of the "where the gold decides" figure.

The headline fractions are those of the case-study literature (Cohney et al., "Coin-Operated
Capitalism", Columbia L. Rev. 2019, 50 top ICOs of 2017), computed on our corpus.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ico_lens.align.pipeline import align
from ico_lens.align.records import CONSISTENT, CONTRADICTED, UNDISCLOSED, UNVERIFIABLE, AlignmentReport
from ico_lens.records import Evidence, ProjectRef, TokenAmount

DESCRIPTION = ("Compare the claim-code alignment verdicts on the 36 real projects with those implied by the gold paper "
               "and contract labels; print the headline fractions beside Cohney et al.'s.")
TARGET = 0.95
#: the promises of each headline fraction: (claim, promised value); None = any finding of the claim
HEADLINES = {
    "vesting promises not coded": (("team_vesting", True),),
    "supply promises not coded": (("supply_fixed", True),),
    "burn promises not coded": (("unsold_tokens", "burned"), ("burn_mechanism", True)),
}
UNDISCLOSED_HEADLINE = "tokens with undisclosed insider powers"
#: Cohney et al. 2019, as they state them
PUBLISHED = {
    "vesting promises not coded": "80%",
    "supply promises not coded": "about 25%",
    "burn promises not coded": "over 33%",
    UNDISCLOSED_HEADLINE: "most (over 50%)",
}
#: gold contract keys that are not boolean facts
_VALUE_KEYS = {"address", "token_contract", "pragma", "decimals", "initial_supply", "cap", "evidence", "notes"}


@dataclass
class ProjectResult:
    slug: str
    part: str
    ours: AlignmentReport
    gold: AlignmentReport
    #: claims whose code facts the gold contract label has no field for (the gold side used ours)
    unlabelled: frozenset = frozenset()

    def pairs(self) -> list[tuple[str, str | None, str | None]]:
        """(claim, our verdict, the gold's verdict) for every claim either side judged."""
        ours, gold = self.ours.verdicts(), self.gold.verdicts()
        return [(claim, ours.get(claim), gold.get(claim)) for claim in dict.fromkeys([*gold, *ours])]


@dataclass
class AlignmentEvaluation:
    projects: list[ProjectResult] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def agreement(self, part: str | None = None, *, decided_only: bool = False) -> tuple[int, int]:
        """(pairs agreeing, pairs judged) over the projects of ``part`` (all when None); with
        ``decided_only``, only the pairs where the gold labels decide (a verdict other than unverifiable, from
        facts the gold labels have a field for)."""
        projects = [r for r in self.projects if part in (None, r.part)]
        pairs = [p for r in projects for p in r.pairs()]
        if decided_only:
            pairs = [p for r in projects for p in r.pairs() if p[2] not in (None, UNVERIFIABLE) and p[0] not in r.unlabelled]
        return sum(ours == gold for _, ours, gold in pairs), len(pairs)

    def headlines(self, side: str, part: str | None = None) -> dict[str, tuple[int, int]]:
        """Headline fraction -> (numerator, denominator) on ``side`` ("ours" or "gold")."""
        reports = [getattr(r, side) for r in self.projects if part in (None, r.part)]
        out = {}
        for name, promises in HEADLINES.items():
            decided = [f for rep in reports for claim, value in promises
                       if (f := rep.finding(claim)) is not None and f.paper_value is not None
                       and f.verdict in (CONSISTENT, CONTRADICTED)]
            out[name] = (sum(f.verdict == CONTRADICTED for f in decided), len(decided))
        with_powers = [rep for rep in reports if any(f.is_power for f in rep.findings)]
        out[UNDISCLOSED_HEADLINE] = (sum(any(f.verdict == UNDISCLOSED for f in rep.findings) for rep in with_powers), len(with_powers))
        return out


# ---------------------------------------------------------------------------------------------
# the gold labels as records


def gold_paper(data: dict):
    """A gold white-paper label (GOLD.md) as :class:`~ico_lens.paper.tokenomics.facts.PaperFacts`."""
    from ico_lens.paper.tokenomics.claims import ClaimResult
    from ico_lens.paper.tokenomics.facts import PaperFacts
    from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution
    from ico_lens.paper.tokenomics.terms import TermValue, TokenTerms

    evidence = {key: [Evidence.from_text(e) for e in items] for key, items in (data.get("evidence") or {}).items()}
    claims = {name: ClaimResult(name, value, evidence.get(f"claims.{name}", []), rule="gold")
              for name, value in (data.get("claims") or {}).items() if value is not None}
    supply = data.get("total_supply")
    terms = TokenTerms(total_supply=TermValue(supply, evidence.get("total_supply", [])) if supply is not None else None,
                       symbol=TermValue(data["token_symbol"]) if data.get("token_symbol") else None)
    buckets = [AllocationBucket(b["label"], b.get("category") or "other", "unknown", b.get("percent"),
                                evidence=Evidence.paper(b["page"], b["label"]) if b.get("page") else None)
               for b in data.get("allocation") or []]
    allocations = [Distribution("allocation", buckets, source=data.get("allocation_source") or "none", is_main=True).finish()] if buckets else []
    return PaperFacts(slug=data["slug"], text_layer=data.get("text_layer", True), pages=data.get("pages") or 0, status="ok",
                      language="en", terms=terms, claims=claims, allocations=allocations)


def gold_contract(data: dict, unlabelled_from=None):
    """A gold contract label (GOLD.md) as a :class:`~ico_lens.contract.records.ContractReport` without chain state.

    ``unlabelled_from`` (ico_lens's :class:`~ico_lens.contract.records.CodeFacts` of the same source) fills
    the boolean facts the label has no field for, with their evidence marked as not from the gold."""
    from ico_lens.contract.evaluate import gold_number
    from ico_lens.contract.records import CodeFacts, CompileSummary, ContractReport, SourceSummary

    decimals = data.get("decimals")
    verdicts = {k: v for k, v in data.items() if k not in _VALUE_KEYS and (v is None or isinstance(v, bool))}
    evidence = {fact: [Evidence.in_code(contract=data.get("token_contract"), code=str(text), reason="gold label")]
                for fact, text in (data.get("evidence") or {}).items()}

    def amount(key):
        if data.get(key) in (None, ""):
            return None
        raw = gold_number(data[key], decimals)
        return TokenAmount.from_raw(raw, decimals) if raw is not None else TokenAmount(expression=str(data[key]), decimals=decimals)

    undetermined = {k: "null in the gold label" for k, v in verdicts.items() if v is None}
    for fact in unlabelled_facts(data, unlabelled_from):
        verdicts[fact] = unlabelled_from.verdicts[fact]
        evidence[fact] = [dataclasses.replace(e, reason=f"not in the gold label; ico_lens: {e.reason}")
                          for e in unlabelled_from.evidence.get(fact, [])]
        if fact in unlabelled_from.undetermined:
            undetermined[fact] = f"not in the gold label; ico_lens: {unlabelled_from.undetermined[fact]}"
    ref = ProjectRef(address=data.get("address"))
    facts = CodeFacts(ref=ref, token_contract=data.get("token_contract"), decimals=decimals, initial_supply=amount("initial_supply"),
                      cap=amount("cap"), verdicts=verdicts, evidence=evidence, undetermined=undetermined)
    return ContractReport(ref=ref, facts=facts, source=SourceSummary(origin="file"), proxy=None,
                          compile=CompileSummary("gold", "none", 0.0))


def unlabelled_facts(data: dict, facts=None) -> list[str]:
    """The boolean facts of ``facts`` (ico_lens's) that the gold contract label ``data`` has no field for."""
    return [] if facts is None else [fact for fact in facts.verdicts if fact not in data]


def unlabelled_claims(facts: list[str]) -> frozenset:
    """The claims whose rule reads only facts in ``facts`` (none of them labelled in the gold)."""
    from ico_lens.align.rules import registered

    return frozenset(rule.NAME for rule in registered() if rule.FACTS and set(rule.FACTS) <= set(facts))


# ---------------------------------------------------------------------------------------------
# the evaluation


def project_part(slug: str, address: str, parts: dict[str, str]) -> str:
    """``tune`` only when both the paper and the contract are in the tune part of splits.csv."""
    both = (parts.get(slug.lower()), parts.get(address.lower()))
    return "tune" if both == ("tune", "tune") else "held"


def evaluate_shared(shared: str | Path, *, slugs: list[str] | None = None,
                    progress: Callable[[str], None] | None = None) -> AlignmentEvaluation:
    """Run both sides on every project of ``shared/corpus`` (only ``slugs`` when given)."""
    from ico_lens.contract import analyse as analyse_contract
    from ico_lens.errors import IcoLensError
    from ico_lens.evaluate.splits import load_splits
    from ico_lens.paper import analyse as analyse_paper

    corpus = Path(shared) / "corpus"
    parts = load_splits(Path(shared) / "splits.csv")
    with open(corpus / "projects.csv", newline="", encoding="utf-8") as handle:
        projects = [(row["slug"], row["contract_address"].lower()) for row in csv.DictReader(handle)
                    if slugs is None or row["slug"] in slugs]
    evaluation = AlignmentEvaluation()
    for i, (slug, address) in enumerate(projects, 1):
        if progress:
            progress(f"[{i}/{len(projects)}] {slug}")
        try:
            paper = analyse_paper(corpus / "whitepapers" / f"{slug}.pdf")
            contract = analyse_contract(corpus / "contracts" / f"{address}.sol")
        except IcoLensError as exc:
            evaluation.failures.append(f"{slug}: {exc}")
            continue
        gold_facts = gold_paper(json.loads((corpus / "gold/whitepapers" / f"{slug}.json").read_text(encoding="utf-8")))
        gold_data = json.loads((corpus / "gold/contracts" / f"{address}.json").read_text(encoding="utf-8"))
        gold_code = gold_contract(gold_data, contract.facts)
        evaluation.projects.append(ProjectResult(
            slug, project_part(slug, address, parts),
            ours=align(paper.facts, contract, document=paper.document),
            gold=align(gold_facts, gold_code, document=paper.document),
            unlabelled=unlabelled_claims(unlabelled_facts(gold_data, contract.facts)),
        ))
    return evaluation


# ---------------------------------------------------------------------------------------------
# rendering


def _fraction(counts: tuple[int, int]) -> str:
    right, total = counts
    return f"{right / total:.2f} ({right}/{total})" if total else "- (0/0)"


def _short(verdict: str | None) -> str:
    return (verdict or "-")[:6]


def render(evaluation: AlignmentEvaluation) -> str:
    """Per-project verdicts (ours; the gold's beside each disagreement on the tune part only), the
    agreement by part, and the headline fractions beside the published ones."""
    lines = ["verdicts per project (ours; tune rows show the gold verdict after '≠' where it differs)"]
    for result in evaluation.projects:
        cells = []
        for claim, ours, gold in result.pairs():
            if ours is None and result.part != "tune":
                continue  # a held project's misses are counted, never listed
            cell = f"{claim}={_short(ours)}"
            if result.part == "tune" and ours != gold:
                cell += f"≠{_short(gold)}"
            cells.append(cell)
        lines.append(f"  {result.slug:<18} {result.part:<5} " + (", ".join(cells) or "(no findings)"))
    for failure in evaluation.failures:
        lines.append(f"  failed: {failure}")
    lines += ["", f"agreement with the gold-implied verdicts (target {TARGET:.2f})   all pairs        where the gold decides"]
    for part in ("tune", "held", None):
        lines.append(f"  {part or 'all':<5} {'':<47} {_fraction(evaluation.agreement(part)):<16} "
                     f"{_fraction(evaluation.agreement(part, decided_only=True))}")
    lines += ["", f"headline fractions (our corpus, {len(evaluation.projects)} projects)",
              f"  {'':<40} {'ours':<14} {'gold labels':<14} Cohney et al. 2019"]
    ours, gold = evaluation.headlines("ours"), evaluation.headlines("gold")
    for name, published in PUBLISHED.items():
        lines.append(f"  {name:<40} {_fraction(ours[name]):<14} {_fraction(gold[name]):<14} {published}")
    return "\n".join(lines)


def to_dict(evaluation: AlignmentEvaluation) -> dict:
    return {
        "agreement": {part or "all": dict(zip(("agree", "pairs"), evaluation.agreement(part))) for part in ("tune", "held", None)},
        "agreement_where_gold_decides": {part or "all": dict(zip(("agree", "pairs"), evaluation.agreement(part, decided_only=True)))
                                         for part in ("tune", "held", None)},
        "headlines": {name: {"ours": evaluation.headlines("ours")[name], "gold": evaluation.headlines("gold")[name],
                             "published": published} for name, published in PUBLISHED.items()},
        "projects": [{"slug": r.slug, "part": r.part, "verdicts": r.ours.verdicts()} for r in evaluation.projects],
        "failures": evaluation.failures,
    }
