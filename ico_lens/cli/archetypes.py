"""``ico-lens archetypes --db corpus.db``: token allocations clustered into strategic archetypes."""

from __future__ import annotations

import argparse
import csv
import sys

DESCRIPTION = """\
Cluster the projects' main token allocations (the share of each category: public sale, team, reserve,
ecosystem ...) into strategic archetypes, by k-means or Ward's hierarchical clustering, with the number
of archetypes chosen by silhouette (2..8) unless given. Each archetype shows its size, its mean profile,
a name from the categories it holds most above the average project, and the outcome (mean, median, n)
over its projects that have one. Projects without a main allocation are left out and counted."""

EPILOG = """\
examples:
  ico-lens archetypes --db corpus.db
  ico-lens archetypes --db corpus.db --k 4 --method hierarchical --outcome success
  ico-lens archetypes --db corpus.db --json --csv archetypes.csv

--outcome: default log_raised_usd when the store has it (left out otherwise); "none" for no outcome.
--csv writes each project's archetype: key, name, archetype, archetype_name, outcome and its shares.
exit codes: 0 done, 2 bad input (no such store or column, too few projects with an allocation)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE", help="the feature store (made by ico-lens batch)")
    parser.add_argument("--k", type=_at_least_two, metavar="N", help="number of archetypes (default: chosen by silhouette over 2..8)")
    parser.add_argument("--method", choices=("kmeans", "hierarchical"), default="kmeans", help="clustering (default kmeans; hierarchical: Ward)")
    parser.add_argument("--outcome", metavar="NAME", help="outcome summarised per archetype (default log_raised_usd when present; none: no outcome)")
    parser.add_argument("--columns", action="append", metavar="A,B", help="share columns to cluster (default every alloc_<category>)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="random seed of k-means (default 0)")
    parser.add_argument("--json", action="store_true", help="the full result as JSON")
    parser.add_argument("--csv", metavar="FILE", help="write each project's archetype to FILE")


def _at_least_two(text: str) -> int:
    if not text.isdigit() or int(text) < 2:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 2, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from ico_lens.report.stats import render_archetypes
    from ico_lens.stats.archetypes import DEFAULT_OUTCOME, archetypes
    from ico_lens.stats.data import split_names
    from ico_lens.store import load_features

    outcome = DEFAULT_OUTCOME if args.outcome is None else (None if args.outcome.lower() == "none" else args.outcome)
    frame = load_features(args.db)
    result = archetypes(frame, columns=split_names(args.columns) or None, k=args.k, method=args.method,
                        outcome=outcome, random_state=args.seed)
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["key", "name", "archetype", "archetype_name", result.outcome or "outcome", *result.columns])
            for p in result.projects:
                writer.writerow([p.key, p.name or "", p.archetype, p.archetype_name, "" if p.outcome is None else p.outcome,
                                 *(p.shares.get(c, "") for c in result.columns)])
        print(f"ico-lens archetypes: wrote {args.csv} ({len(result.projects)} projects)", file=sys.stderr)
    print(result.to_json() if args.json else render_archetypes(result))
    return 0
