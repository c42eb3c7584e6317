"""The main job on the bundled sample corpus (what ``make demo`` runs).

    python -m ico_lens.demo corpora/sample/build [--no-models]

For each sample project: read the white paper (token facts with page evidence), profile its
language (dictionaries, sentence roles, disclosures), and analyse its token contract. Then measure
the extraction and the contract facts against the sample's ground truth.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ico_lens.cli import main as cli



def _banner(title: str) -> None:
    print(f"\n{'=' * 100}\n{title}\n{'=' * 100}", flush=True)


def _contract_agreement(sample: Path, slugs: list[str]) -> list[tuple[str, int, int, list[str]]]:
    """Per sample contract: facts the analysis got right, facts labelled, and the misses."""
    from ico_lens.contract.engine import load
    from ico_lens.contract.facts import BOOLEAN_FACTS, derive_facts
    from ico_lens.contract.source import load_source_file
    from ico_lens.records import to_dict

    rows = []
    for slug in slugs:
        truth_path = sample / f"{slug}.contract.json"
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text())
        bundle = load_source_file(sample / f"{slug}.sol")
        facts = to_dict(derive_facts(load(bundle).slither, bundle))
        labelled = [f for f in BOOLEAN_FACTS if truth.get(f) is not None]
        misses = [f"{f}: got {facts.get(f)}, truth {truth[f]}" for f in labelled if facts.get(f) != truth[f]]
        rows.append((slug, len(labelled) - len(misses), len(labelled), misses))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ico_lens.demo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sample", type=Path, nargs="?", default=Path("corpora/sample/build"))
    parser.add_argument("--no-models", action="store_true", help="dictionary-only language profile (no torch)")
    args = parser.parse_args(argv)
    index_path = args.sample / "index.json"
    if not index_path.exists():
        print(f"demo: {index_path} not found: generate the sample first (make sample)", file=sys.stderr)
        return 2
    index = json.loads(index_path.read_text())
    slugs = [p["slug"] for p in index["papers"]]
    started = time.perf_counter()

    for paper in index["papers"]:
        slug, pdf = paper["slug"], args.sample / paper["pdf"]
        _banner(f"{slug}: white paper")
        cli(["extract", str(pdf)])
        _banner(f"{slug}: language")
        cli(["language", str(pdf), "--top", "3", *(["--no-models"] if args.no_models else [])])
        sol = args.sample / f"{slug}.sol"
        if sol.exists():
            _banner(f"{slug}: token contract")
            cli(["contract", str(sol)])

    _banner("accuracy on the sample's ground truth")
    from ico_lens.paper.evaluate import evaluate, render

    report = evaluate(args.sample, args.sample, slugs=slugs)
    print(render(report, show_misses=True))
    print("\ncontract facts vs ground truth")
    for slug, right, labelled, misses in _contract_agreement(args.sample, slugs):
        print(f"  {slug:<12} {right}/{labelled} facts right" + ("" if not misses else "  misses: " + "; ".join(misses)))
    print(f"\ndemo finished in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
