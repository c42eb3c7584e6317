#!/usr/bin/env python3
"""Build corpora/manifests/shared.json: a manifest of the public corpora in ../shared.

    .venv/bin/python corpora/manifests/build_shared.py [--shared ../shared] [--out corpora/manifests/shared.json]
    .venv/bin/python corpora/manifests/build_shared.py --check     # exit 1 if shared.json is out of date

Derived facts only (file names, SHA-256, page counts, row counts, origins), never content, so that the
repository can say exactly which copy of the real data a result was measured on without copying it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))
DEFAULT_OUT = Path(__file__).resolve().parent / "shared.json"

# The projects.csv columns that say where each file came from (the TORD facts stay in projects.csv).
ORIGIN_COLUMNS = ("name", "token", "link_white_paper", "contract_address", "whitepaper_origin", "icobase_text")

DISCLOSURE_COLUMNS = ("Token distributions", "Use_of_funds", "Lockup", "Vesting", "Risk", "Governance")

# Origins as stated in ../shared/README.md.
ORIGINS = {
    "corpus_whitepapers": "GitHub Cryptorating/whitepapers and markedphillips/all-crypto-whitepapers",
    "corpus_contracts": "GitHub smartbugs/smartbugs-wild (Etherscan-verified sources; each keeps its own licence)",
    "corpus_projects": "Token Offerings Research Database v4 (Momtaz), paulmomtaz.github.io",
    "corpus_gold": "hand-made for ico_lens (GOLD.md defines every field)",
    "icobase": "GitHub duanyiqun/ICOBase-whitepaper (no licence stated: research use)",
    "tokens": "GitHub smartbugs/smartbugs-wild (Etherscan-verified sources)",
    "outcomes": "Token Offerings Research Database v4 (Momtaz), paulmomtaz.github.io",
}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def page_count(pdf: Path) -> int | None:
    """Pages of a PDF, or None when pdfium cannot open it (the manifest must not crash on bad files)."""
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(doc)
    finally:
        doc.close()


def _file(shared: Path, rel: str, *, pages: bool = False) -> dict | None:
    path = shared / "corpus" / rel
    if not rel or not path.is_file():
        return None
    entry = {"file": rel, "sha256": sha256(path), "bytes": path.stat().st_size}
    if pages:
        entry["pages"] = page_count(path)
    return entry


def _listing_digest(files: list[Path]) -> str:
    """One hash over the sorted names and contents of a folder: changes when any file changes."""
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.name.encode() + b"\0" + sha256(f).encode() + b"\n")
    return h.hexdigest()


def _csv_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build(shared: Path) -> dict:
    corpus = shared / "corpus"
    projects = []
    for row in _csv_rows(corpus / "projects.csv"):
        slug, address = row["slug"], row.get("contract_address", "")
        projects.append({
            "slug": slug,
            "whitepaper": _file(shared, row.get("whitepaper", ""), pages=True),
            "contract": _file(shared, row.get("contract_source", "")),
            "gold_whitepaper": _file(shared, f"gold/whitepapers/{slug}.json"),
            "gold_contract": _file(shared, f"gold/contracts/{address}.json") if address else None,
            "origin": {c: row.get(c) or None for c in ORIGIN_COLUMNS},
        })

    icobase_texts = sorted((shared / "icobase" / "texts").glob("*.txt"))
    labels = _csv_rows(shared / "icobase" / "labels.csv")
    label_columns = [c for c in labels[0] if c not in ("slug", "Name")] if labels else []
    # The disclosure annotations (README: "only 51 rows carry labels"); other columns are filled more widely.
    disclosure = [c for c in DISCLOSURE_COLUMNS if c in label_columns]
    labelled = [r for r in labels if any((r.get(c) or "").strip() for c in disclosure)]
    filled = {c: sum(1 for r in labels if (r.get(c) or "").strip()) for c in label_columns}
    tokens = sorted((shared / "tokens").glob("*.sol"))
    outcomes = _csv_rows(shared / "outcomes" / "tord_v4.csv")

    return {
        "description": "Manifest of ../shared (derived facts only: names, hashes, counts, origins). "
                       "Rebuild: .venv/bin/python corpora/manifests/build_shared.py",
        "corpus": {
            "projects": len(projects),
            "whitepapers_with_pages": sum(1 for p in projects if p["whitepaper"] and p["whitepaper"]["pages"]),
            "total_pages": sum((p["whitepaper"] or {}).get("pages") or 0 for p in projects),
            "origins": {k: ORIGINS[k] for k in ("corpus_whitepapers", "corpus_contracts", "corpus_projects",
                                                 "corpus_gold")},
            "projects_csv_sha256": sha256(corpus / "projects.csv"),
            "gold_md_sha256": sha256(corpus / "GOLD.md"),
            "items": projects,
        },
        "icobase": {
            "texts": len(icobase_texts),
            "label_rows": len(labels),
            "labelled_rows": len(labelled),
            "filled_per_column": filled,
            "texts_digest": _listing_digest(icobase_texts),
            "labels_sha256": sha256(shared / "icobase" / "labels.csv"),
            "origin": ORIGINS["icobase"],
        },
        "tokens": {
            "sources": len(tokens),
            "bytes": sum(f.stat().st_size for f in tokens),
            "digest": _listing_digest(tokens),
            "origin": ORIGINS["tokens"],
        },
        "outcomes": {
            "tord_v4_rows": len(outcomes),
            "tord_v4_sha256": sha256(shared / "outcomes" / "tord_v4.csv"),
            "origin": ORIGINS["outcomes"],
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the manifest")
    parser.add_argument("--check", action="store_true", help="only compare with --out; exit 1 if it differs")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus" / "projects.csv").is_file():
        print(f"build_shared: no shared data at {args.shared}", file=sys.stderr)
        return 2
    text = json.dumps(build(args.shared), indent=1, ensure_ascii=False) + "\n"
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"build_shared: {args.out} is out of date; rebuild it", file=sys.stderr)
            return 1
        print(f"build_shared: {args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    m = json.loads(text)
    print(f"build_shared: {m['corpus']['projects']} projects ({m['corpus']['total_pages']} pages), "
          f"{m['icobase']['texts']} icobase texts, {m['tokens']['sources']} token sources -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
