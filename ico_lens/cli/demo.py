"""``ico-lens demo``: the main job on the bundled sample corpus (what ``make demo`` runs).

For each sample project: read the white paper (token facts with page evidence), profile its
language (dictionaries, sentence roles, disclosures), and analyse its token contract. Then measure
the extraction and the contract facts against the sample's ground truth.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ico_lens.errors import InputError

DESCRIPTION = __doc__.split("\n\n", 1)[1]


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


def run(args: argparse.Namespace) -> int:
    from ico_lens.cli import main as cli
    from ico_lens.contract import analyse
    from ico_lens.report.contract import render_contract

    index_path = args.sample / "index.json"
    if not index_path.exists():
        raise InputError("not found: generate the sample first (make sample)", path=str(index_path))
    index = json.loads(index_path.read_text())
    slugs = [p["slug"] for p in index["papers"]]
    started = time.perf_counter()

    agreement = []
    for paper in index["papers"]:
        slug, pdf = paper["slug"], args.sample / paper["pdf"]
        _banner(f"{slug}: white paper")
        cli(["extract", str(pdf)])
        _banner(f"{slug}: language")
        cli(["language", str(pdf), "--top", "3", *(["--no-models"] if args.no_models else [])])
        sol = args.sample / f"{slug}.sol"
        if sol.exists():
            _banner(f"{slug}: token contract")
            report = analyse(sol)
            print(render_contract(report))
            truth_path = args.sample / f"{slug}.contract.json"
            if truth_path.exists():
                agreement.append((slug, *_agreement(report.to_dict(), json.loads(truth_path.read_text()))))

    _banner("accuracy on the sample's ground truth")
    from ico_lens.paper.evaluate import evaluate, render

    print(render(evaluate(args.sample, args.sample, slugs=slugs), show_misses=True))
    print("\ncontract facts vs ground truth")
    for slug, right, labelled, misses in agreement:
        print(f"  {slug:<12} {right}/{labelled} facts right" + ("" if not misses else "  misses: " + "; ".join(misses)))
    print(f"\ndemo finished in {time.perf_counter() - started:.0f}s")
    return 0
