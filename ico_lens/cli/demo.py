"""``ico-lens demo``: the main job on the bundled sample corpus (what ``make demo`` runs).

For each sample project: read the white paper (token facts with page evidence), profile its
language (dictionaries, sentence roles, disclosures), and analyse its token contract. Then give the
headline accuracy figures against the sample's answer key, and end with one alignment story: what a
paper promised against what its token's code does.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ico_lens.errors import InputError

DESCRIPTION = __doc__.split("\n\n", 1)[1]
#: the sample project whose alignment ends the demo: a paper promising a fixed supply beside a token
#: with a reachable mint
STORY = "meridia"
#: whether a verdict says the paper and the code agree (the answer key's ``agrees``)
AGREES = {"consistent": True, "disclosed": True, "contradicted": False, "undisclosed": False}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sample", type=Path, nargs="?", default=Path("corpora/sample/build"),
                        help="the generated sample corpus (default corpora/sample/build; `make sample` makes it)")
    parser.add_argument("--no-models", action="store_true", help="dictionary-only language profile (no torch)")


def _banner(title: str) -> None:
    print(f"\n{'=' * 100}\n{title}\n{'=' * 100}", flush=True)


def _agreement(facts: dict, truth: dict) -> tuple[int, int, list[str]]:
    """Facts the analysis got right, facts labelled, and the misses."""
    from ico_lens.contract.facts import BOOLEAN_FACTS

    labelled = [f for f in BOOLEAN_FACTS if truth.get(f) is not None]
    misses = [f"{f}: got {facts.get(f)}, truth {truth[f]}" for f in labelled if facts.get(f) != truth[f]]
    return len(labelled) - len(misses), len(labelled), misses


def _headline_figures(sample: Path, slugs: list[str], agreement: list, alignments: dict, expected: dict) -> None:
    """Extraction, contract facts and alignment, one line each (and a line per contract)."""
    from ico_lens.paper.evaluate import evaluate

    fields = evaluate(sample, sample, slugs=slugs).fields_for(None)
    claims, supply, allocation = fields["claims (all fields)"], fields["total_supply"], fields["allocation"]
    print(f"white papers ({len(slugs)}): claims {claims.correct}/{claims.total} right, total supply {supply.correct}/{supply.total}, "
          f"allocation buckets F1 {allocation.f1:.2f}")
    print("contract facts vs ground truth")
    for slug, right, labelled, misses in agreement:
        print(f"  {slug:<12} {right}/{labelled} facts right" + ("" if not misses else f"  ({len(misses)} missed)"))
    found, built_in = _alignment_key(alignments, expected)
    print(f"alignment: {found}/{built_in} of the paper-vs-code agreements and disagreements built into the sample found")


def _alignment_key(alignments: dict, expected: dict) -> tuple[int, int]:
    """How many of the answer key's (claim or power, agrees) entries the alignment reports got right:
    an agreement is a consistent claim or a disclosed power, a disagreement a contradicted claim or an
    undisclosed power."""
    found = total = 0
    for slug, entries in expected.items():
        report = alignments.get(slug)
        for entry in entries:
            total += 1
            # the claim's finding, else the code side's (the power a silent paper does not disclose)
            names = [side.removeprefix("claims.").split(" = ")[0] for side in (entry["claim"], entry["code"]) if " = " in side]
            finding = next((f for f in map(report.finding, names) if f is not None), None) if report is not None else None
            found += finding is not None and AGREES.get(finding.verdict) == entry["agrees"]
    return found, total


def _story(report) -> None:
    """The report's table, then its first contradiction told in words: claim, page, code line, verdict."""
    from ico_lens.report.align import render_text

    print(render_text(report, width=140))
    broken = next((f for f in report.findings if f.verdict == "contradicted"), None)
    if broken is None:
        return
    said, code = broken.paper_evidence[0], broken.code_evidence[0] if broken.code_evidence else None
    print(f"\nThe white paper says on page {said.page}: \"{said.quote}\"")
    if code is not None:
        print(f"The token's code says otherwise at {code.where} ({code.code}): {code.reason}.")
    print(f"Verdict on {broken.claim}: {broken.verdict.upper()} - {broken.explanation}.")
    print("(ico-lens align PAPER.pdf --source FILE.sol prints this report; --rpc adds what the chain shows.)")


def run(args: argparse.Namespace) -> int:
    from ico_lens.align import align
    from ico_lens.cli import main as cli
    from ico_lens.contract import analyse
    from ico_lens.paper import analyse as analyse_paper
    from ico_lens.report.contract import render_contract
    from ico_lens.report.document import render_report

    index_path = args.sample / "index.json"
    if not index_path.exists():
        raise InputError("not found: generate the sample first (make sample)", path=str(index_path))
    index = json.loads(index_path.read_text())
    slugs = [p["slug"] for p in index["papers"]]
    started = time.perf_counter()

    agreement, alignments = [], {}
    for paper in index["papers"]:
        slug, pdf = paper["slug"], args.sample / paper["pdf"]
        _banner(f"{slug}: white paper")
        paper_report = analyse_paper(pdf)
        print(render_report(paper_report))
        _banner(f"{slug}: language")
        cli(["language", str(pdf), "--top", "3", *(["--no-models"] if args.no_models else [])])
        sol = args.sample / f"{slug}.sol"
        if sol.exists():
            _banner(f"{slug}: token contract")
            report = analyse(sol)
            print(render_contract(report))
            alignments[slug] = align(paper_report.facts, report, document=paper_report.document)
            truth_path = args.sample / f"{slug}.contract.json"
            if truth_path.exists():
                agreement.append((slug, *_agreement(report.to_dict(), json.loads(truth_path.read_text()))))

    _banner("accuracy, measured against the sample's answer key")
    _headline_figures(args.sample, slugs, agreement, alignments, index.get("expected_alignment", {}))
    if STORY in alignments:
        _banner(f"what {STORY}'s paper promised, against what its token's code does")
        _story(alignments[STORY])
    print(f"\ndemo finished in {time.perf_counter() - started:.0f}s")
    return 0
