"""``ico-lens outcomes import FILE.csv --db corpus.db``: fundraising outcomes joined to the store's projects."""

from __future__ import annotations

import argparse
import sys

from ico_lens.errors import InputError

DESCRIPTION = """\
Import an outcome table into a feature store made by ico-lens batch: TORD (Token Offerings Research
Database, ../shared/outcomes/tord_v4.csv) as it is, or any CSV with --map. Amounts written as text
("$1.2M", "50 USD") are read as USD, rows of the same offering from several sources are merged, and each
project is joined by contract address, else token symbol + normalised name, else name alone; a report
says what matched how and what did not. Stored per project: raised_usd, log_raised_usd, success (raised
at least the soft cap, else --success-threshold USD), year, platform, distributed_in_ico, listed ...
(the features view shows them as outcome_<name>). Importing the same file again replaces its values."""

EPILOG = """\
examples:
  ico-lens outcomes import ../shared/outcomes/tord_v4.csv --db corpus.db
  ico-lens outcomes import raised.csv --db corpus.db --map name=Project --map raised_usd="Total raised"

fields for --map: id, name, symbol, address, raised_usd, soft_cap_usd, ico_start, ico_end,
distributed_in_ico, price_usd, platform, country, rating, teamsize, kyc, whitelist, bonus, bounty, mvp,
market_cap_usd, listed, source
exit codes: 0 imported, 1 no project matched, 2 bad input (no store, not a CSV, an unknown column)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("import",), help="what to do (import)")
    parser.add_argument("file", metavar="FILE.csv", help="the outcome table")
    parser.add_argument("--db", required=True, metavar="FILE", help="the feature store (made by ico-lens batch)")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help="read FIELD from the table's COLUMN (repeatable); default: TORD's columns or the field names")
    parser.add_argument("--success-threshold", type=float, default=None, metavar="USD",
                        help="USD raised that counts as success when the table has no soft cap (default 1,000,000)")


def parse_mapping(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        field, sep, column = item.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(f"--map {item!r}: write FIELD=COLUMN, e.g. raised_usd=\"Total raised\"")
        mapping[field.strip()] = column.strip()
    return mapping


def run(args: argparse.Namespace) -> int:
    from ico_lens.stats.outcomes import SUCCESS_THRESHOLD, import_outcomes

    threshold = SUCCESS_THRESHOLD if args.success_threshold is None else args.success_threshold
    report = import_outcomes(args.db, args.file, mapping=parse_mapping(args.map) or None, success_threshold=threshold)
    print(report.summary())
    if not report.matched:
        print(f"ico-lens outcomes: no project of {args.db} matched a row of {args.file}", file=sys.stderr)
        return 1
    return 0
