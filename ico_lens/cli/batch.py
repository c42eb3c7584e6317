"""``ico-lens batch DIR|MANIFEST.csv --db corpus.db``: every stage of many papers into the feature store."""

from __future__ import annotations

import argparse
import os
import sys

from ico_lens.errors import InputError

DESCRIPTION = """\
Run the paper, language, contract and align stages over a folder of white papers, or over a manifest
(CSV) joining each paper to its project: name, symbol, chain_id, address and contract file (other
columns, such as raised_usd, are stored as outcomes). Every record lands in an SQLite feature store,
whole and as tables with their evidence, plus a "features" view with one row per project.

Each paper is written in its own transaction, keyed by its content hash (each contract by chain id and
address): run the same command again after a stop (even kill -9) and it goes on where it stopped,
losing and duplicating nothing. A paper that fails is recorded with its error and retried only with
--retry-failed. The align stage runs when ico_lens.align is installed."""

EPILOG = """\
examples:
  ico-lens batch papers/ --db corpus.db --no-models          every PDF and text, dictionaries only
  ico-lens batch corpus.csv --db corpus.db --workers 2       a manifest, two worker processes
  ico-lens batch corpus.csv --db corpus.db --retry-failed    try the failed papers again
  ico-lens batch corpus.csv --db corpus.db --engine dask --scheduler tcp://10.0.0.5:8786

manifest columns: paper (required; relative to the manifest), name, symbol, chain_id, address,
contract (a .sol file; or --contracts DIR holding <address>.sol); any other column is an outcome.
exit codes: 0 done (failures are recorded in the store and listed), 1 nothing could be processed (or
any failure with --strict), 2 bad input (a missing input, a corrupt database, a bad manifest)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="DIR|MANIFEST.csv", help="a directory of papers (.pdf/.txt, recursively), one paper, or a manifest (CSV)")
    parser.add_argument("--db", required=True, metavar="FILE", help="the SQLite feature store (created when missing)")
    parser.add_argument("--workers", type=_positive, default=1, metavar="N", help="worker processes on this machine (default 1)")
    parser.add_argument("--stages", default="paper,language,contract,align", metavar="LIST",
                        help="stages to run, comma-separated (default paper,language,contract,align)")
    parser.add_argument("--contracts", metavar="DIR", help="directory of <address>.sol files for manifest rows without a contract column")
    parser.add_argument("--retry-failed", action="store_true", help="process again the papers and contracts that failed before")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any paper, contract or manifest row failed")
    parser.add_argument("--no-models", action="store_true", help="language stage on dictionaries only (fast, no torch)")
    parser.add_argument("--no-ocr", action="store_true",
                        help="never OCR chart and term-sheet pictures (default: when tesseract is installed; about 2 s a paper)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help="seconds allowed to read each paper (default 120)")
    parser.add_argument("--memory-mb", type=int, default=3072, metavar="MB", help="memory a paper's reading may take, in MB (default 3072)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="local worker processes, or a Dask cluster")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="the Dask scheduler (with --engine dask)")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from ico_lens.store.compute import STAGES, Options
    from ico_lens.store.runner import build_store

    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    unknown = [s for s in stages if s not in STAGES]
    if unknown or not stages:
        raise InputError(f"unknown stage {', '.join(unknown) or '(none)'} in --stages (known: {', '.join(STAGES)})")
    if args.contracts and not os.path.isdir(args.contracts):
        raise InputError("no such directory", path=args.contracts)
    say = lambda message: print(f"ico-lens batch: {message}", file=sys.stderr)  # noqa: E731
    options = Options(stages=stages, use_models=not args.no_models, timeout=args.timeout, memory_mb=args.memory_mb,
                      ocr=False if args.no_ocr else None)
    summary = build_store(args.source, args.db, contracts=args.contracts, options=options, workers=args.workers,
                          engine=args.engine, scheduler=args.scheduler, retry_failed=args.retry_failed, say=say)
    for line in summary.lines():
        say(line)
    return summary.exit_code(strict=args.strict)
