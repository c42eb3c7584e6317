"""``ico-lens extract``: read white papers into records."""

from __future__ import annotations

import argparse
import json
import sys

DESCRIPTION = """\
Read a white paper (PDF, or plain text) and print what ico_lens found: pages, sections, tables and
figures with their pages, the document status (ok, no_text_layer, not_english, ...), and the token
facts (allocation, use of funds, terms, claims with page evidence).

With several papers, each is read in turn; a bad file is reported and the batch goes on."""

EPILOG = """\
examples:
  ico-lens extract paper.pdf
  ico-lens extract paper.pdf --json > paper.json
  ico-lens extract paper.pdf --pages          also print each page's cleaned text
  ico-lens extract papers/*.pdf --jsonl        one JSON record per line, failures included"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("papers", nargs="+", metavar="PAPER", help="white paper: .pdf, .txt or .md")
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
    parser.add_argument("--max-pages", type=int, default=1000, help="read at most this many pages (default 1000)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per paper (default 120)")


def run(args: argparse.Namespace) -> int:
    from ico_lens.errors import IcoLensError
    from ico_lens.paper.ingest import open_document
    from ico_lens.records import Failure

    options = dict(layout=args.layout, max_pages=args.max_pages, timeout=args.timeout)
    single = len(args.papers) == 1
    failures = 0
    for index, path in enumerate(args.papers, start=1):
        if not single and not args.jsonl:
            print(f"[{index}/{len(args.papers)}] {path}", file=sys.stderr)
        try:
            document = open_document(path, **options)
            facts = None if args.no_facts else _facts(document)
        except IcoLensError as exc:
            if single:
                raise
            failures += 1
            print(f"ico-lens extract: error: {exc}", file=sys.stderr)
            if args.jsonl:
                print(json.dumps(Failure.of(path, exc).to_dict()))
            continue
        if args.json or args.jsonl:
            record = _record(document, facts, include_text=args.pages)
            print(json.dumps(record, ensure_ascii=False, indent=None if args.jsonl else 2))
        else:
            print(render_summary(document, facts, include_text=args.pages))
            if not single:
                print()
    if not single and failures:
        print(f"ico-lens extract: {failures} of {len(args.papers)} papers failed", file=sys.stderr)
    return 0


def _facts(document):
    """Token facts from the tokenomics stage, when that stage is installed."""
    try:
        from ico_lens.paper.tokenomics.facts import extract_facts
    except ImportError:
        return None
    return extract_facts(document)


def _record(document, facts, *, include_text: bool) -> dict:
    record = facts.to_dict() if facts is not None else {}
    record["path"] = document.path
    record["document"] = document.to_dict(include_text=include_text)
    return record


def render_summary(document, facts=None, *, include_text: bool = False) -> str:
    """The human-readable summary of one ingested paper (and its token facts)."""
    d = document
    lines = [
        f"{d.path}",
        f"  status     {d.status.value}" + (f"  (language: {d.language})" if d.language != "en" else ""),
        f"  pages      {d.page_count}" + (f"  (read {len(d.pages)})" if len(d.pages) < d.page_count else ""),
        f"  content id {d.content_id[:16]}…",
    ]
    if d.meta.title:
        lines.append(f"  title      {d.meta.title}")
    lines.append(f"  sections   {len(d.sections)}" + (f" (from the {d.sections[0].source})" if d.sections else ""))
    for s in d.sections[:25]:
        span = f"p.{s.page_start}" + (f"-{s.page_end}" if s.page_end != s.page_start else "")
        lines.append(f"    {'  ' * (s.level - 1)}{s.title[:70]}  [{span}]")
    if len(d.sections) > 25:
        lines.append(f"    … {len(d.sections) - 25} more")
    lines.append(f"  tables     {len(d.tables)}" + (f"  (layout analysed on pages {_pages(p.number for p in d.pages if p.layout_analyzed)})" if any(p.layout_analyzed for p in d.pages) else ""))
    for t in d.tables:
        cols = max((len(r) for r in t.rows), default=0)
        lines.append(f"    p.{t.page}: {len(t.rows)} rows x {cols} columns at {tuple(round(v) for v in t.bbox)}")
    big = [f for f in d.figures if f.area > 0.1 * (d.page(f.page).width * d.page(f.page).height or 1)]
    lines.append(f"  figures    {len(d.figures)} ({len(big)} large)" + (f" on pages {_pages(f.page for f in big)}" if big else ""))
    for w in d.warnings:
        lines.append(f"  warning    {w}")
    if facts is not None and hasattr(facts, "summary_lines"):
        lines.extend(facts.summary_lines())
    if include_text:
        for p in d.pages:
            lines.append(f"\n--- page {p.number} ---\n{p.text}")
    return "\n".join(lines)


def _pages(numbers) -> str:
    from ico_lens.paper.ingest import page_ranges

    return page_ranges(sorted(set(numbers)))
