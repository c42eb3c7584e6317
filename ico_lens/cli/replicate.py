"""``ico-lens replicate --shared ../shared --db replication.db``: the replication table from raw files."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Rebuild the replication table from the raw files of the shared data directory: every white paper
(the 36 corpus projects with their contracts, the 46 labelled papers, the ICOBase texts) read into a
feature store, TORD's outcomes imported and joined, then log raised USD regressed (OLS, HC1 robust
standard errors) on the team + reserve share, the public-sale share, the paper's length, its technical
content, disclosure flags and risk-language rate, three models side by side; the signs are printed
beside the published ones, and the tool's public-sale share is checked against TORD's own
distributed_in_ico. The batch is resumable: a second run reuses the store."""

EPILOG = """\
examples:
  ico-lens replicate --shared ../shared --db replication.db --workers 2
  ico-lens replicate --shared ../shared --db replication.db -o replication.tex

exit codes: 0 done, 2 bad input (not a shared data directory, a corrupt database, too few projects)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", default="../shared", metavar="DIR", help="the shared data directory (default ../shared)")
    parser.add_argument("--db", required=True, metavar="FILE", help="the feature store to build or reuse")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes for the batch (default 1)")
    parser.add_argument("--no-models", action="store_true", help="dictionaries only (no technical-content measure)")
    parser.add_argument("-o", "--output", metavar="FILE", help="also write the table (.csv, .tex, .html, .txt)")
    parser.add_argument("--json", action="store_true", help="print the models and the agreement as JSON")


def run(args: argparse.Namespace) -> int:
    import json

    from ico_lens.report.replication import render_replication
    from ico_lens.stats.regress import write_table
    from ico_lens.stats.replicate import replicate

    say = lambda message: print(f"ico-lens replicate: {message}", file=sys.stderr)  # noqa: E731
    result = replicate(args.shared, args.db, workers=max(1, args.workers), use_models=not args.no_models, say=say)
    if args.output:
        write_table(result.table, args.output)
        say(f"wrote {args.output}")
    if args.json:
        agreement = result.agreement
        print(json.dumps({"models": dict(zip(result.names, (fit.to_dict() for fit in result.regressions))),
                          "agreement": {"n": agreement.n, "within": agreement.within, "points": agreement.points,
                                        "median_difference": agreement.median_difference}}, indent=2))
        return 0
    print(render_replication(result))
    return 0
