"""``ico-lens eval contracts``: contract facts against the hand-made gold labels.

For every ``GOLD/<address>.json`` it compiles ``SOURCES/<address>.sol``, derives the facts and
compares: precision and recall per boolean fact (gold null is not scored; a null prediction for a
gold ``true`` is a miss), accuracy for ``token_contract``, ``decimals``, ``initial_supply`` and
``cap`` (numbers compared as numbers; a gold value that is an expression of constructor arguments
matches any non-null prediction). Facts with at least 3 positives are held to the targets.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ico_lens.errors import InputError
from ico_lens.evaluate.metrics import Counts

DESCRIPTION = "Compare the contract facts (mint, burn, pause, ...) with gold labels: precision/recall per fact and the misses."
TARGET = 0.95
MIN_POSITIVES = 3
VALUE_FACTS = ("token_contract", "decimals", "initial_supply", "cap")
#: the labelled contracts of the shared data: (gold directory, sources directory) under it
SHARED_SETS = (("corpus/gold/contracts", "corpus/contracts"), ("tokens/gold", "tokens"))


@dataclass
class FactScore(Counts):
    """The counts of one boolean fact (precision and recall None when undefined)."""

    fact: str = ""

    @property
    def scored(self) -> bool:
        return self.positives >= MIN_POSITIVES

    @property
    def meets_target(self) -> bool:
        return (self.precision or 0) >= TARGET and (self.recall or 0) >= TARGET


@dataclass
class Miss:
    address: str
    fact: str
    gold: Any
    predicted: Any
    why: str = ""


@dataclass
class EvalReport:
    contracts: int = 0
    analysed: int = 0
    scores: dict[str, FactScore] = field(default_factory=dict)
    values: dict[str, list[int]] = field(default_factory=dict)  # fact -> [right, total]
    misses: list[Miss] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def _analyse(path: str) -> dict:
    """Compile one source and derive its facts (runs in a worker process)."""
    import logging

    logging.disable(logging.CRITICAL)
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import derive_facts
    from ico_lens.contract.source import load_source_file
    from ico_lens.errors import IcoLensError
    from ico_lens.records import to_dict

    try:
        bundle = load_source_file(path)
        facts = derive_facts(load_slither(bundle), bundle)
        return {"facts": to_dict(facts)}
    except IcoLensError as exc:
        return {"error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one bad contract must not stop the evaluation
        return {"error": f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"}


def analyse_all(paths: list[str], jobs: int = 2) -> list[dict]:
    if jobs <= 1 or len(paths) <= 1:
        return [_analyse(p) for p in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_analyse, paths))


_NUMBER_RE = re.compile(r"^[0-9eE.*+()\s_x]+$")


def gold_number(text: Any, decimals: int | None) -> int | None:
    """A gold expression such as ``"7200000000 * (10 ** uint256(decimals))"`` as a number."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return int(text)
    expr = re.split(r"\s\((?=[A-Za-z~])", str(text))[0].strip()  # drop a trailing "(comment ...)"
    expr = re.sub(r"uint\d*\((\w+(?:\(\))?)\)", r"\1", expr)
    if decimals is not None:
        expr = expr.replace("decimals()", str(decimals)).replace("decimals", str(decimals))
    expr = re.sub(r"(\d+(?:\.\d+)?)[eE](\d+)", r"(\1*10**\2)", expr)
    expr = expr.replace(" wei", "").replace(" ether", "*10**18")
    if not expr or not _NUMBER_RE.match(expr.replace("*", "")) or re.search(r"[A-Za-df-z_]", expr):
        return None
    try:
        value = eval(expr, {"__builtins__": {}}, {})  # noqa: S307 - digits, operators and parentheses only
    except Exception:  # noqa: BLE001
        return None
    return int(value) if isinstance(value, (int, float)) else None


def predicted_value(facts: dict, fact: str) -> Any:
    """A fact of the facts' JSON as the gold writes it: an amount as its raw units in text (or its
    expression when it depends on constructor arguments)."""
    value = facts.get(fact)
    if isinstance(value, dict):  # a TokenAmount
        return str(value["raw"]) if value.get("raw") is not None else value.get("expression")
    return value


def value_matches(fact: str, gold: dict, predicted: Any) -> bool:
    g = gold.get(fact)
    if fact in ("token_contract", "decimals"):
        return g == predicted
    if g is None or predicted is None:
        return g is None and predicted is None
    gold_value = gold_number(g, gold.get("decimals"))
    if gold_value is None:
        return True  # an expression of constructor arguments: any value found counts
    try:
        return int(str(predicted)) == gold_value
    except ValueError:
        return False


def _labelled(gold_dir: Path, sources_dir: Path) -> list[tuple[dict, str]]:
    """The gold labels of one directory with the path of each one's source."""
    if not gold_dir.is_dir():
        raise InputError("gold directory not found", path=str(gold_dir))
    if not sources_dir.is_dir():
        raise InputError("sources directory not found", path=str(sources_dir))
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    if not golds:
        raise InputError("no gold labels (*.json) found", path=str(gold_dir))
    out = []
    for gold in golds:
        address = str(gold.get("address", "")).lower()
        candidates = [sources_dir / f"{address}.sol"] + list(sources_dir.glob(f"{address}*.sol"))
        out.append((gold, str(next((c for c in candidates if c.exists()), candidates[0]))))
    return out


def evaluate(gold_dir: str | Path, sources_dir: str | Path, *, jobs: int = 2) -> EvalReport:
    """Score the contracts of one gold directory."""
    return evaluate_sets([(gold_dir, sources_dir)], jobs=jobs)["all"]


def evaluate_sets(
    sets: list[tuple[str | Path, str | Path]],
    *,
    splits: dict[str, str] | None = None,
    only_part: str | None = None,
    jobs: int = 2,
) -> dict[str, EvalReport]:
    """Score every labelled contract of several (gold directory, sources directory) pairs, once.

    Returns ``{"all": report}`` plus one report per part of ``splits`` (address -> part) when
    given; each contract is compiled and analysed once whatever the parts. ``only_part`` keeps the
    contracts of that part alone, so tuning can run without ever printing the held part.
    """
    labelled = [item for gold_dir, sources_dir in sets for item in _labelled(Path(gold_dir), Path(sources_dir))]
    if only_part is not None:
        labelled = [
            (gold, path) for gold, path in labelled
            if (splits or {}).get(str(gold.get("address", "?")).lower()) == only_part
        ]
    results = analyse_all([path for _, path in labelled], jobs)
    reports = {"all": EvalReport()}
    for (gold, _), result in zip(labelled, results):
        address = str(gold.get("address", "?")).lower()
        parts = ["all"] + ([splits[address]] if splits and address in splits else [])
        for part in parts:
            _add_contract(reports.setdefault(part, EvalReport()), gold, result)
    return reports


def evaluate_shared(shared: str | Path, *, part: str | None = None, jobs: int = 2) -> dict[str, EvalReport]:
    """All labelled contracts of the shared data, with its fixed ``tune``/``held`` parts (splits.csv);
    ``part`` scores that part only."""
    from ico_lens.evaluate.splits import load_splits

    shared = Path(shared)
    splits_path = shared / "splits.csv"
    if not splits_path.is_file():
        raise InputError("splits.csv not found in the shared data", path=str(shared))
    sets = [(shared / gold, shared / sources) for gold, sources in SHARED_SETS]
    return evaluate_sets(sets, splits=load_splits(splits_path), only_part=part, jobs=jobs)


def _add_contract(report: EvalReport, gold: dict, result: dict) -> None:
    from ico_lens.contract.facts import BOOLEAN_FACTS

    if not report.scores:
        # a fact the gold labels have no field for (voting, oracle_call) is not scored
        report.scores = {fact: FactScore(fact=fact) for fact in BOOLEAN_FACTS if fact in gold}
        report.values = {fact: [0, 0] for fact in VALUE_FACTS}
    report.contracts += 1
    address = gold.get("address", "?")
    facts = result.get("facts")
    if facts is None:
        report.failures.append((address, result.get("error", "unknown error")))
        facts = {}
    else:
        report.analysed += 1
    for fact in BOOLEAN_FACTS:
        if fact in gold:
            _score(report, address, fact, gold[fact], facts.get(fact), facts)
    for fact in VALUE_FACTS:
        predicted = predicted_value(facts, fact)
        right = value_matches(fact, gold, predicted)
        report.values[fact][1] += 1
        report.values[fact][0] += int(right)
        if not right:
            report.misses.append(Miss(address, fact, gold.get(fact), predicted))


def _score(report: EvalReport, address: str, fact: str, gold: Any, predicted: Any, facts: dict) -> None:
    if gold is None:
        return
    score = report.scores.setdefault(fact, FactScore(fact=fact))
    why = "; ".join(e.get("reason", "") for e in facts.get("evidence", {}).get(fact, []))[:200]
    if gold is True and predicted is True:
        score.tp += 1
    elif gold is True:
        score.fn += 1
        report.misses.append(Miss(address, fact, gold, predicted, why))
    elif predicted is True:
        score.fp += 1
        report.misses.append(Miss(address, fact, gold, predicted, why))
    else:
        score.tn += 1
        if predicted is None:
            report.misses.append(Miss(address, fact, gold, predicted, "no verdict"))


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def render(report: EvalReport, *, show_misses: bool = True) -> str:
    """The table of one report; ``show_misses=False`` keeps only aggregate figures (a held part)."""
    lines = [f"contracts: {report.contracts}, compiled and analysed: {report.analysed}", ""]
    lines.append(f"{'fact':28s} {'pos':>4s} {'tp':>4s} {'fp':>4s} {'fn':>4s} {'prec':>6s} {'recall':>6s}  target")
    for score in report.scores.values():
        target = ("ok" if score.meets_target else "BELOW") if score.scored else "(< 3 positives)"
        lines.append(
            f"{score.fact:28s} {score.positives:4d} {score.tp:4d} {score.fp:4d} {score.fn:4d} "
            f"{_pct(score.precision):>6s} {_pct(score.recall):>6s}  {target}"
        )
    lines.append("")
    for fact, (right, total) in report.values.items():
        lines.append(f"{fact:28s} accuracy {right}/{total} = {right / total:.2f}" if total else f"{fact}: -")
    if report.failures and show_misses:
        lines += ["", "not analysed:"]
        lines += [f"  {address}: {error}" for address, error in report.failures]
    if report.misses and show_misses:
        lines += ["", "misses:"]
        for miss in report.misses:
            why = f"  [{miss.why}]" if miss.why else ""
            lines.append(f"  {miss.address} {miss.fact}: gold={miss.gold!r} predicted={miss.predicted!r}{why}")
    return "\n".join(lines)


def render_parts(reports: dict[str, EvalReport]) -> str:
    """Every part's table: misses listed for the tune part (or all when unsplit), aggregates only for held."""
    if set(reports) == {"all"}:
        return render(reports["all"])
    sections = []
    for part in ("tune", "held"):
        if part in reports:
            sections.append(f"== {part} part ==\n" + render(reports[part], show_misses=part == "tune"))
    return "\n\n".join(sections)


def to_json(report: EvalReport, *, show_misses: bool = True) -> str:
    return json.dumps(_json_dict(report, show_misses), indent=2, default=str)


def parts_to_json(reports: dict[str, EvalReport]) -> str:
    return json.dumps({part: _json_dict(r, part != "held") for part, r in reports.items()}, indent=2, default=str)


def _json_dict(report: EvalReport, show_misses: bool) -> dict:
    return {
        "contracts": report.contracts,
        "analysed": report.analysed,
        "facts": {
            s.fact: {"positives": s.positives, "tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall}
            for s in report.scores.values()
        },
        "values": {fact: {"right": r, "total": t} for fact, (r, t) in report.values.items()},
        "failures": [{"address": a, "error": e} for a, e in report.failures] if show_misses else len(report.failures),
        "misses": [m.__dict__ for m in report.misses] if show_misses else len(report.misses),
    }
