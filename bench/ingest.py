"""Ingestion speed and memory on the real white papers, against a naive baseline and the floor.

    .venv/bin/python bench/ingest.py [--papers DIR] [--modes raw text ...]

Five ways over the same PDFs, each in a fresh Python process so that peak memory is its own:

  pypdfium2 raw     page text only, nothing else: the floor
  ico_lens text     open_document(layout="none", isolate=False): text, cleaning, sections,
                    figures, status
  ... isolated      the same, each paper in a forked child with a time/memory budget (the default)
  ico_lens full     open_document(layout="auto"): plus words with coordinates on candidate pages
                    and pdfplumber ruled tables where those pages have vector lines
  naive pdfplumber  pdfplumber extract_text() + find_tables() on every page

Targets (issue 2): full ingestion >= 5x faster than naive; text path within 2x of raw pypdfium2.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAPERS = REPO.parent / "shared" / "corpus" / "whitepapers"
MODES = ("raw", "text", "text-isolated", "full", "naive")
LABELS = {
    "raw": "pypdfium2 raw (floor)",
    "text": "ico_lens text path",
    "text-isolated": "ico_lens text path, isolated",
    "full": "ico_lens full ingestion",
    "naive": "naive pdfplumber, every page",
}


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_mode(mode: str, papers: list[Path]) -> dict:
    pages = 0
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    if mode == "raw":
        import pypdfium2 as pdfium

        for path in papers:
            pdf = pdfium.PdfDocument(str(path))
            for i in range(len(pdf)):
                page = pdf[i]
                page.get_textpage().get_text_range()
                pages += 1
            pdf.close()
    elif mode in ("text", "text-isolated", "full"):
        sys.path.insert(0, str(REPO))
        from ico_lens.paper.ingest import open_document

        for path in papers:
            if mode == "full":
                doc = open_document(path, layout="auto")
            else:
                doc = open_document(path, layout="none", isolate=mode == "text-isolated")
            pages += len(doc.pages)
    elif mode == "naive":
        import pdfplumber

        for path in papers:
            with pdfplumber.open(str(path)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.find_tables()
                    page.flush_cache()
                    pages += 1
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"mode": mode, "pages": pages, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": max(own, children) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=Path, default=DEFAULT_PAPERS)
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # internal: one mode, JSON out
    args = parser.parse_args()
    if not args.papers.is_dir():
        print(f"bench/ingest.py: skipped: no papers at {args.papers} (../shared is absent)")
        return 0
    papers = sorted(args.papers.glob("*.pdf"))
    if args.mode:
        print(json.dumps(run_mode(args.mode, papers)))
        return 0

    print(f"ingestion benchmark: {len(papers)} PDFs from {args.papers}")
    results = {}
    for mode in args.modes:
        out = subprocess.run(
            [sys.executable, __file__, "--papers", str(args.papers), "--mode", mode],
            capture_output=True, text=True, check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results[mode] = r
        print(f"  {LABELS[mode]:<30} {r['pages']:>5} pages  wall {r['seconds']:7.2f} s  cpu {r['cpu_seconds']:7.2f} s  "
              f"{r['pages'] / r['cpu_seconds']:7.1f} pages/cpu-s  peak {r['peak_rss_mb']:5.0f} MB", flush=True)

    # Ratios use CPU time (own + child processes): wall time swings with whatever else runs on the
    # machine, CPU time much less.
    def rate(m):
        return results[m]["pages"] / results[m]["cpu_seconds"]

    if {"full", "naive"} <= results.keys():
        ratio = rate("full") / rate("naive")
        print(f"full ingestion vs naive pdfplumber: {ratio:.1f}x faster (target >= 5x) "
              f"{'OK' if ratio >= 5 else 'BELOW TARGET'}")
    for text_mode in ("text", "text-isolated"):
        if {text_mode, "raw"} <= results.keys():
            ratio = rate("raw") / rate(text_mode)
            print(f"{LABELS[text_mode]} vs raw pypdfium2: {ratio:.2f}x the time (target <= 2x) "
                  f"{'OK' if ratio <= 2 else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
