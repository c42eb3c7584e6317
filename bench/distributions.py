"""Token allocation and use-of-funds extraction against the gold labels of ../shared/corpus.

Prints, per paper, what was found, then bucket precision / recall / F1 (a bucket matches a gold bucket
with the same category and a percentage within 0.5 points, one to one) on three sets of papers:

* ``tuned``: the half the rules were tuned on (gold slugs sorted, even positions);
* ``held``: the other half (odd positions), never used for tuning;
* ``all``.

"Scored papers" are those whose gold ``allocation_source`` is ``table`` or ``text`` (the issue's target
counts only papers whose allocation has a text layer); a second line also counts, as false positives,
buckets reported for papers whose gold says ``none``.

Usage::

    .venv/bin/python bench/distributions.py [--shared ../shared] [--funds] [--with-terms] [-v]

``--with-terms`` passes the total supply found by ``terms.extract_terms`` to the allocation (as
``extract_facts`` does); without it amounts-only buckets need a total stated near the list.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TOLERANCE = 0.5


def match_count(predicted, gold) -> int:
    """One-to-one matches: same category, percent within ``TOLERANCE``."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for j, p in enumerate(predicted):
            if j in used or p.percent is None:
                continue
            if p.category == g["category"] and abs(p.percent - g["percent"]) <= TOLERANCE:
                used.add(j)
                hits += 1
                break
    return hits


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--funds", action="store_true", help="score the use of funds instead of the allocation")
    parser.add_argument("--with-terms", action="store_true", help="pass the extracted total supply")
    parser.add_argument("--ocr", action="store_true", help="read image-only charts with Tesseract (stretch)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every bucket of the misses")
    args = parser.parse_args(argv)

    corpus = Path(args.shared) / "corpus"
    if not (corpus / "gold" / "whitepapers").is_dir():
        print(f"skipped: no gold labels at {corpus} (../shared is absent)")
        return 0

    from ico_lens.errors import IcoLensError
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.allocation import extract_allocation
    from ico_lens.paper.tokenomics.funds import extract_use_of_funds

    kind = "use_of_funds" if args.funds else "allocation"
    gold_files = sorted((corpus / "gold" / "whitepapers").glob("*.json"))
    # [tp, predicted, gold] for scored papers, and the same with 'none' papers' false positives
    totals = {name: [[0, 0, 0], [0, 0, 0]] for name in ("tuned", "held", "all")}
    source_hits = 0
    ocr_totals = [0, 0, 0]  # image-only papers, read with OCR (--ocr)
    started = time.perf_counter()
    extract_seconds = 0.0
    for index, gold_file in enumerate(gold_files):
        gold = json.loads(gold_file.read_text())
        half = "tuned" if index % 2 == 0 else "held"
        pdf = corpus / "whitepapers" / f"{gold['slug']}.pdf"
        try:
            document = open_document(pdf)
        except IcoLensError as exc:
            print(f"{gold['slug']:20s} {half:5s} error: {exc}")
            continue
        t0 = time.perf_counter()
        if args.funds:
            distributions = extract_use_of_funds(document, ocr=args.ocr)
        else:
            supply = None
            if args.with_terms:
                from ico_lens.paper.tokenomics.terms import extract_terms

                supply = extract_terms(document).value("total_supply")
            distributions = extract_allocation(document, total_supply=supply, ocr=args.ocr)
        extract_seconds += time.perf_counter() - t0
        main_dist = distributions[0]
        gold_source = gold[f"{kind}_source"]
        gold_items = [b for b in gold[kind] if b.get("percent") is not None]
        scored = gold_source in ("table", "text")
        predicted = main_dist.items
        if args.ocr and gold_source == "image" and gold_items:
            ocr_tp = match_count(predicted, gold_items)
            ocr_totals[0] += ocr_tp
            ocr_totals[1] += len(predicted)
            ocr_totals[2] += len(gold_items)
        tp = match_count(predicted, gold_items) if scored else 0
        source_hits += main_dist.source == gold_source
        for name in (half, "all"):
            if scored:
                for k, v in enumerate((tp, len(predicted), len(gold_items))):
                    totals[name][0][k] += v
            if scored or gold_source == "none":
                for k, v in enumerate((tp, len(predicted), len(gold_items) if scored else 0)):
                    totals[name][1][k] += v
        ok = (scored and tp == len(gold_items) == len(predicted)) or (not scored and not predicted)
        print(f"{gold['slug']:20s} {half:5s} gold={gold_source:5s} found={main_dist.source:5s} "
              f"matched={tp}/{len(gold_items)} reported={len(predicted)} sum={main_dist.sum_percent}"
              + ("" if ok else "   <- miss"))
        if args.verbose and not ok:
            for b in predicted:
                print(f"      found {b.category:20s} {b.percent!s:>6} p.{b.page} {b.label[:60]!r}")
            for b in gold_items:
                print(f"      gold  {b['category']:20s} {b['percent']!s:>6} p.{b['page']} {b['label'][:60]!r}")

    print()
    print(f"{kind} buckets (category + percent within {TOLERANCE} points), papers with a text-layer {kind}:")
    for name in ("tuned", "held", "all"):
        p, r, f = prf(*totals[name][0])
        print(f"  {name:5s}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   (tp, reported, gold) = {tuple(totals[name][0])}")
    print(f"same, also counting buckets reported for papers whose gold {kind} is 'none':")
    for name in ("tuned", "held", "all"):
        p, r, f = prf(*totals[name][1])
        print(f"  {name:5s}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   (tp, reported, gold) = {tuple(totals[name][1])}")
    print(f"{kind}_source right: {source_hits}/{len(gold_files)}")
    if args.ocr:
        p, r, f = prf(*ocr_totals)
        print(f"image-only papers read with OCR: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   "
              f"(tp, reported, gold) = {tuple(ocr_totals)}")
    print(f"extraction time: {extract_seconds:.2f}s for {len(gold_files)} papers "
          f"({extract_seconds / max(1, len(gold_files)) * 1000:.0f} ms/paper; total with ingestion "
          f"{time.perf_counter() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
