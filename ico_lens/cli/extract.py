"""``ico-lens extract``: read white papers into records."""

from __future__ import annotations

import argparse
import json
import sys

from ico_lens.errors import InputError

DESCRIPTION = """\
Read a white paper (PDF, or plain text) and print what ico_lens found: pages, sections, tables and
figures with their pages, the document status (ok, no_text_layer, not_english, ...), and the token
facts (allocation, use of funds, terms, claims with page evidence).

A directory stands for the PDFs in it (searched recursively). With several papers, each is read in
turn; a bad file is reported (a "failed" record with --jsonl) and the batch goes on."""

EPILOG = """\
examples:
  ico-lens extract paper.pdf
  ico-lens extract paper.pdf --json > paper.json
  ico-lens extract paper.pdf --pages          also print each page's cleaned text
  ico-lens extract papers/*.pdf --jsonl        one JSON record per line, failures included
  ico-lens extract papers/ --jsonl --out papers.jsonl   every PDF under papers/; run again after a stop to go on

exit codes: 0 ok (also for a scanned or not-English paper: see "status"; and for a batch whose failures
are reported in its output), 2 bad input (a single paper, a bad option)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("papers", nargs="+", metavar="PAPER", help="white paper: .pdf, .txt or .md, or a directory of PDFs")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the full record as JSON")
    out.add_argument("--jsonl", action="store_true", help="one compact JSON record per paper and line (batches)")
    parser.add_argument("--pages", action="store_true", help="include each page's cleaned text")
    parser.add_argument(
        "--layout",
        choices=("auto", "all", "none"),
        default="auto",
        help="where pdfplumber looks for tables and word positions: candidate pages (auto, default), "
        "every page (all, slow) or nowhere (none, fastest)",
    )
    parser.add_argument("--no-facts", action="store_true", help="only ingest; skip token facts extraction")
    ocr = parser.add_mutually_exclusive_group()
    ocr.add_argument("--ocr", dest="ocr", action="store_const", const=True, default=None,
                     help="read with Tesseract what exists only as a picture: allocation / use-of-funds charts, "
                     "term sheets (default: when tesseract is installed)")
    ocr.add_argument("--no-ocr", dest="ocr", action="store_const", const=False, help="never run OCR")
    parser.add_argument("--max-pages", type=int, default=1000, help="read at most this many pages (default 1000)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per paper (default 120)")
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write the --jsonl records to FILE; when FILE exists the batch resumes: papers it already "
        "holds are skipped and new records appended",
    )


def run(args: argparse.Namespace) -> int:
    from ico_lens.batch import expand_inputs, jsonl_writer, run_batch, text_writer
    from ico_lens.paper.pipeline import DIRECTORY_SUFFIXES, analyse

    if args.out and not args.jsonl:
        raise InputError("--out writes --jsonl records: add --jsonl")
    if args.timeout <= 0:
        raise InputError("--timeout must be more than 0 seconds")
    if args.max_pages < 1:
        raise InputError("--max-pages must be 1 or more")
    inputs = expand_inputs(args.papers, DIRECTORY_SUFFIXES, command="extract")

    def process(path: str):
        return analyse(path, facts=not args.no_facts, ocr=args.ocr, layout=args.layout, max_pages=args.max_pages,
                       timeout=args.timeout)

    if inputs.single and not args.jsonl:
        sys.stdout.write(_text(args, process(inputs.paths[0])))
        return 0

    def writer(sink, fresh: bool):
        if args.jsonl:
            return jsonl_writer(sink, lambda report: report.to_dict(include_text=args.pages))
        # in text, a blank line between papers
        return text_writer(sink, lambda report: _text(args, report) + ("" if args.json else "\n"))

    run_batch(
        inputs.paths, process, writer, command="extract", out=args.out, record_key="document", suffixes=DIRECTORY_SUFFIXES
    )
    return 0


def _text(args: argparse.Namespace, report) -> str:
    """One paper's report as --json or as the text summary."""
    from ico_lens.report.document import render_report

    if args.json:
        return json.dumps(report.to_dict(include_text=args.pages), ensure_ascii=False, indent=2) + "\n"
    return render_report(report, include_text=args.pages) + "\n"
