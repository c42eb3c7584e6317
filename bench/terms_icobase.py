"""Token terms on papers the rules were never tuned on: the 209 ICOBase texts against TORD.

    .venv/bin/python bench/terms_icobase.py [--shared DIR] [--limit N]

`../shared/icobase/texts` holds 209 plain-text white papers with no gold for token terms; the Token
Offerings Research Database (`../shared/outcomes/tord_v4.csv`) has, for many of the same projects,
the ticker (`token`) and an ERC20 flag. Matching projects by name gives an independent (noisy: TORD
has its own errors and some projects changed tickers) check of the symbol and the standard, and a
count of how often each term and claim is found. It also prints the seconds per paper.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    args = parser.parse_args(argv)
    texts = args.shared / "icobase" / "texts"
    tord_csv = args.shared / "outcomes" / "tord_v4.csv"
    if not texts.is_dir() or not tord_csv.exists():
        print(f"skipped: real data not found under {args.shared} (icobase/texts, outcomes/tord_v4.csv)")
        return 0

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.claims import detect_claims
    from ico_lens.paper.tokenomics.terms import extract_terms

    names = {r["slug"]: r["Name"] for r in csv.DictReader(open(args.shared / "icobase" / "labels.csv", encoding="utf-8"))}
    tord: dict[str, list[dict]] = {}
    for row in csv.DictReader(open(tord_csv, encoding="utf-8-sig")):
        tord.setdefault(_norm(row["name"]), []).append(row)

    files = sorted(texts.glob("*.txt"))[: args.limit or None]
    found: dict[str, int] = {}
    matched = correct = missing = 0
    wrong: list[str] = []
    std_total = std_agree = 0
    started = time.perf_counter()
    for path in files:
        document = open_document(path, isolate=False)
        terms = extract_terms(document)
        claims = detect_claims(document, terms)
        for name in ("symbol", "standard", "total_supply", "token_price", "hard_cap"):
            if terms.value(name) is not None:
                found[name] = found.get(name, 0) + 1
        for name in claims:
            found[f"claims.{name}"] = found.get(f"claims.{name}", 0) + 1
        rows = tord.get(_norm(names.get(path.stem) or path.stem)) or tord.get(_norm(path.stem))
        if not rows:
            continue
        tickers = {r["token"].strip().upper() for r in rows if r["token"].strip()}
        flags = {r["ERC20"] for r in rows if r["ERC20"] in ("0", "1")}
        if flags and terms.value("standard") is not None:
            std_total += 1
            std_agree += ("1" in flags) == (terms.value("standard") in ("ERC20", "ERC223"))
        if not tickers:
            continue
        matched += 1
        symbol = terms.value("symbol")
        if symbol is None:
            missing += 1
        elif any(symbol.upper() == t or symbol.upper() in re.split(r"[\s/]+", t) for t in tickers):
            correct += 1
        else:
            wrong.append(f"{path.stem}: {symbol} (TORD {', '.join(sorted(tickers))})")
    seconds = time.perf_counter() - started

    print(f"papers: {len(files)}  ({seconds / max(1, len(files)):.2f} s per paper for ingest + terms + claims)")
    print("found in papers: " + ", ".join(f"{k} {v}" for k, v in sorted(found.items())))
    extracted = correct + len(wrong)
    if matched:
        print(f"symbol vs TORD ticker ({matched} projects matched by name): precision {correct / max(1, extracted):.3f} "
              f"({correct}/{extracted}), recall {correct / matched:.3f}, not found {missing}")
    if std_total:
        print(f"standard vs TORD ERC20 flag: agreement {std_agree / std_total:.3f} ({std_agree}/{std_total})")
    for line in wrong:
        print(f"  differs: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
