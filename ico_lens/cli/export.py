"""``ico-lens export --db corpus.db --format csv|parquet``: the feature store's tables as files."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Write tables of a feature store (made by ico-lens batch) as CSV or Parquet files, one per table: by
default the "features" view, one row per project ready for regression."""

EPILOG = """\
examples:
  ico-lens export --db corpus.db --format csv                        features.csv here
  ico-lens export --db corpus.db --format parquet --out out/ --table features --table findings

exit codes: 0 written, 2 bad input (no such store or table, a corrupt database)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE", help="the feature store")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default csv)")
    parser.add_argument("--out", default=".", metavar="DIR", help="directory to write to (default: here)")
    parser.add_argument("--table", action="append", metavar="NAME", help="a table or view to write (repeatable; default features)")


def run(args: argparse.Namespace) -> int:
    from ico_lens.store.export import export_tables

    for path in export_tables(args.db, args.out, args.format, args.table or ("features",)):
        print(f"ico-lens export: wrote {path}", file=sys.stderr)
    return 0
