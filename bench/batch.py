"""Benchmark: ico-lens batch on the real corpus with 1 and 2 workers, in the same run.

    .venv/bin/python bench/batch.py [--limit N] [--no-models] [--workers 1,1x1,2] [--keep DIR]
    .venv/bin/python bench/batch.py --write-manifest shared.csv     (the manifest only, for ico-lens batch)

The batch is a manifest of ../shared: the 36 corpus projects (white-paper PDF, contract source,
address, TORD outcomes) and the 210 ICOBase texts; ``--limit N`` takes N projects spread evenly over
it (default 24; 0: all). For each configuration (one worker using every core for its models; one
worker held to one core; two workers, one core each) a fresh feature store is filled and the script
prints papers per minute, the peak memory of a worker, and the share of time per stage; then the
speed-up of two workers over one on every core (what a user gains) and over one on one core (how
well the work parallelises: on a 2-core machine one worker's models already use both cores, so the
first ratio cannot reach 2), and the row count of every table. Targets (issue 15): 2 workers >= 1.7x
one; <= 1.5 GB per worker with the models loaded. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))

#: TORD columns kept as outcomes
OUTCOMES = ("raised_usd", "price_usd", "ico_start", "ico_end", "country", "rating", "teamsize")


def write_manifest(shared: Path, target: Path) -> int:
    """A manifest of every white paper in ``shared``: corpus projects with their contracts, then the
    ICOBase texts. Returns the number of rows."""
    rows = []
    with open(shared / "corpus" / "projects.csv", encoding="utf-8") as f:
        for project in csv.DictReader(f):
            rows.append({
                "paper": str(shared / "corpus" / project["whitepaper"]), "name": project["name"], "symbol": project["token"],
                "chain_id": "1", "address": project["contract_address"],
                "contract": str(shared / "corpus" / project["contract_source"]) if project["contract_source"] else "",
                **{name: project[name] for name in OUTCOMES},
            })
    for text in sorted((shared / "icobase" / "texts").glob("*.txt")):
        rows.append({"paper": str(text), "name": text.stem})
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["paper", "name", "symbol", "chain_id", "address", "contract", *OUTCOMES])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def spread(items: list, limit: int) -> list:
    """``limit`` items evenly spaced over ``items`` (all of them for 0)."""
    if not limit or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=24, help="projects in the batch, spread over the corpus (0: all)")
    parser.add_argument("--no-models", action="store_true", help="language stage on dictionaries only")
    parser.add_argument("--workers", default="1,1x1,2",
                        help="configurations to measure, comma-separated: N workers, or NxT (N workers of T model threads "
                             "each); default 1,1x1,2: one worker on every core, one worker on one core, two workers")
    parser.add_argument("--keep", metavar="DIR", help="keep the feature stores in DIR (default: a temporary directory)")
    parser.add_argument("--write-manifest", metavar="FILE", help="only write the manifest of all of ../shared to FILE")
    args = parser.parse_args(argv)
    if not (SHARED / "corpus" / "projects.csv").is_file():
        print(f"bench/batch.py: skipped, real data not found at {SHARED}")
        return 0
    if args.write_manifest:
        print(f"{write_manifest(SHARED, Path(args.write_manifest))} rows written to {args.write_manifest}")
        return 0
    from ico_lens.store.compute import Options, compute
    from ico_lens.store.database import open_store
    from ico_lens.store.plan import read_plan
    from ico_lens.store.runner import run
    from ico_lens.store.writer import StoreWriter

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        manifest = folder / "shared.csv"
        total = write_manifest(SHARED, manifest)
        plan = read_plan(str(manifest))
        plan.projects = spread(plan.projects, args.limit)
        print(f"{len(plan.projects)} of {total} projects ({sum(p.contract is not None for p in plan.projects)} with a contract); "
              f"models: {'no' if args.no_models else 'yes'}; {len(plan.bad)} manifest rows left out")
        for line in plan.bad:
            print(f"  left out: {line}")
        options = Options(use_models=not args.no_models)
        # warm up (dictionaries, models, compilers) before the clocks start, so that neither count pays it
        compute(plan.projects[0], options)
        rates = {}
        for config in args.workers.split(","):
            workers, _, threads = config.partition("x")
            workers, threads = int(workers), int(threads) if threads else None
            db_path = folder / f"workers{config}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            store = open_store(db_path)
            summary = run(plan, StoreWriter(store, str(db_path)), options, workers=workers, threads=threads,
                          stream=open(os.devnull, "w"))
            spent = sum(summary.stage_seconds.values()) or 1.0
            shares = ", ".join(f"{stage} {100 * s / spent:.0f}%" for stage, s in summary.stage_seconds.items())
            rates[config] = summary.per_minute
            label = f"{workers} worker(s)" + (f" x {threads} thread(s)" if threads else "")
            print(f"{label}: {summary.per_minute:.1f} papers/min ({summary.done} done, {summary.failed} failed, "
                  f"{summary.contracts_done} contracts done, {summary.contracts_failed} failed, {summary.seconds:.0f}s); "
                  f"peak memory of a worker {summary.peak_mb:.0f} MB; time per stage: {shares}")
            counts = {table: store[table].count for table in store.table_names()}
            store.close()
        for base in ("1", "1x1"):
            if base in rates and "2" in rates and rates[base]:
                what = "one worker on every core" if base == "1" else "one worker on one core (parallel efficiency)"
                print(f"speed-up 2 workers / {what}: {rates['2'] / rates[base]:.2f}x (target >= 1.7x for 2 / 1)")
        print("rows: " + ", ".join(f"{table} {n}" for table, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
