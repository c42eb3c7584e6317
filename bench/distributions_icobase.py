"""Do allocation / use-of-funds extraction fire where annotators say a paper discloses one?

ICOBase (../shared/icobase) has 210 plain-text white papers; 51 rows of labels.csv say whether the paper
discloses "Token distributions" and "Use_of_funds" (1/0). No buckets are labelled, so this only checks
that a breakdown is found (recall on 1s) and not invented (false alarms on 0s), on papers the rules were
never tuned on.

Usage::

    .venv/bin/python bench/distributions_icobase.py [--shared ../shared] [-v]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    base = Path(args.shared) / "icobase"
    if not (base / "labels.csv").is_file():
        print(f"skipped: no ICOBase labels at {base} (../shared is absent)")
        return 0

    from ico_lens.errors import IcoLensError
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.allocation import extract_allocation
    from ico_lens.paper.tokenomics.funds import extract_use_of_funds

    rows = [r for r in csv.DictReader((base / "labels.csv").open()) if r["Token distributions"] in ("0", "1")]
    counts: Counter = Counter()
    started = time.perf_counter()
    for row in rows:
        path = base / "texts" / f"{row['slug']}.txt"
        try:
            document = open_document(path)
        except IcoLensError as exc:
            print(f"{row['slug']:25s} error: {exc}")
            continue
        allocation = extract_allocation(document)
        funds = extract_use_of_funds(document, allocation)
        found_a, found_f = bool(allocation[0].items), bool(funds[0].items)
        counts[("allocation", row["Token distributions"], found_a)] += 1
        if row["Use_of_funds"] in ("0", "1"):
            counts[("use_of_funds", row["Use_of_funds"], found_f)] += 1
        if args.verbose:
            print(f"{row['slug']:25s} distributions={row['Token distributions']} found={found_a!s:5s} "
                  f"use_of_funds={row['Use_of_funds']} found={found_f}")
    for kind in ("allocation", "use_of_funds"):
        hit, miss = counts[(kind, "1", True)], counts[(kind, "1", False)]
        false_alarm, quiet = counts[(kind, "0", True)], counts[(kind, "0", False)]
        print(f"{kind:13s} found in {hit}/{hit + miss} papers that disclose one; "
              f"in {false_alarm}/{false_alarm + quiet} that do not")
    print(f"{len(rows)} papers in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
