"""The score of the 36 real corpus papers against their fundraising outcome (TORD's raised_usd).

    .venv/bin/python bench/score.py [--no-models] [--no-contracts] [--csv FILE]

Each paper of ../shared/corpus/whitepapers is scored as ``ico-lens score`` does: alone, and with its
verified token source (contracts/<address>.sol, projects.csv) for the alignment component. Printed: one
row per paper (score, grade, component points, raised USD), then Spearman's rank correlation of each
score with log raised USD, on all papers with an amount and on the tune and held parts of
../shared/splits.csv apart. The weights were set by hand, not fitted to outcomes: the tune part is
reported for the same reason as everywhere (it is the part rules were written looking at). TORD has
no failure column, so no failure figure is printed. A paper whose text cannot be read (scanned, not English) is listed, not scored. Skips with a
message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))


def score_project(row: dict, *, use_models: bool, with_contract: bool) -> dict:
    """Scores of one corpus project: alone and (when asked and its source is there) with its contract."""
    import ico_lens.language
    import ico_lens.paper
    from ico_lens.score import score
    from ico_lens.score.pipeline import UNSCORABLE

    paper = ico_lens.paper.analyse(SHARED / "corpus" / row["whitepaper"])
    if paper.facts.status in UNSCORABLE:  # `ico-lens score` refuses these: no text, no score
        return {"slug": row["slug"], "unscorable": paper.facts.status}
    profile = ico_lens.language.analyse(paper.document, use_models=use_models)
    alone = score(paper.facts, profile, paper=row["slug"])
    out = {"slug": row["slug"], "alone": alone, "with_contract": None}
    source = SHARED / "corpus" / row["contract_source"] if row.get("contract_source") else None
    if with_contract and source is not None and source.is_file():
        from ico_lens.align import align
        from ico_lens.contract import analyse as analyse_contract

        contract = analyse_contract(source)
        if contract.facts is not None:
            alignment = align(paper.facts, contract, profile=profile, document=paper.document)
            out["with_contract"] = score(paper.facts, profile, contract=contract, alignment=alignment, paper=row["slug"])
    return out


def spearman(pairs: list[tuple[float, float]]) -> tuple[float, float, int]:
    from scipy.stats import spearmanr

    result = spearmanr([a for a, _ in pairs], [b for _, b in pairs])
    return float(result.statistic), float(result.pvalue), len(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-models", action="store_true", help="language by dictionaries only")
    parser.add_argument("--no-contracts", action="store_true", help="score the papers alone only")
    parser.add_argument("--csv", metavar="FILE", help="also write the per-paper scores to FILE")
    args = parser.parse_args(argv)
    projects = SHARED / "corpus" / "projects.csv"
    if not projects.is_file():
        print(f"bench/score.py: skipped: {projects} not found (the real data is absent)")
        return 0
    from ico_lens.evaluate.splits import load_splits

    parts = load_splits(SHARED / "splits.csv")
    rows = list(csv.DictReader(projects.open(encoding="utf-8")))
    started = time.time()
    results = []
    for i, row in enumerate(rows, 1):
        print(f"[{i}/{len(rows)}] {row['slug']} ({time.time() - started:.0f}s)", file=sys.stderr, flush=True)
        results.append((row, score_project(row, use_models=not args.no_models, with_contract=not args.no_contracts)))

    table = []
    print(f"{'paper':<16} {'part':<5} {'alone':>5} {'+code':>5}  {'discl':>5} {'alloc':>5} {'lang':>5} {'align':>5} {'raised USD':>14}")
    unscorable = [(row["slug"], r["unscorable"]) for row, r in results if "unscorable" in r]
    results = [(row, r) for row, r in results if "unscorable" not in r]
    for row, r in results:
        alone, both = r["alone"], r["with_contract"]
        points = {c.name: c.points for c in (both or alone).components}
        raised = float(row["raised_usd"]) if row.get("raised_usd") else None
        line = {"slug": row["slug"], "part": parts.get(row["slug"], "-"), "score": alone.score, "grade": alone.grade,
                "score_with_contract": both.score if both else None, **{f"points_{k}": v for k, v in points.items()},
                "raised_usd": raised}
        table.append(line)
        print(f"{row['slug']:<16} {line['part']:<5} {alone.score:>3} {alone.grade} {both.score if both else '-':>3} "
              f"{both.grade if both else ' '}  {points['disclosure']:>5g} {points['allocation']:>5g} {points['language']:>5g} "
              f"{points['alignment']:>5g} {raised or 0:>14,.0f}")
    for slug, status in unscorable:
        print(f"{slug:<16} not scored: status {status}")
    print()
    print("Spearman rank correlation with log raised USD (negative: riskier papers raised less)")
    for key, name in (("score", "paper alone"), ("score_with_contract", "paper + contract")):
        for part in ("all", "tune", "held"):
            pairs = [(t[key], math.log(t["raised_usd"])) for t in table
                     if t[key] is not None and t["raised_usd"] and (part == "all" or t["part"] == part)]
            if len(pairs) >= 3:
                rho, p, n = spearman(pairs)
                print(f"  {name:<17} {part:<4}  rho {rho:+.3f}  p {p:.3f}  n {n}")
    print("  failure: TORD v4 has no failure column; not measured")
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(table[0]))
            writer.writeheader()
            writer.writerows(table)
    print(f"({len(results)} papers in {time.time() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
