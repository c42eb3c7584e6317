"""Speed of the language stage on the real white papers, next to PDF parsing.

    .venv/bin/python bench/language.py [--papers DIR] [--texts DIR] [--max-sentences 3000] [--no-models]

Measured in one run, on the same papers:

  PDF parsing            open_document() on every PDF (default settings): seconds per page
  sentence splitting     split_sentences() on every paper (PDFs and plain-text papers)
  dictionary scoring     Lexicon.score() with the default dictionaries (ico_lens + LM), then with
                         Harvard IV-4 added; dictionary loading measured apart
  readability            textstat (offline CMUdict) per paper
  transformer path       the MiniLM sentence classifier (or, when no trained head is shipped yet, the
                         MiniLM embedding that dominates its cost): load measured apart, then
                         predict in batches of 256, and one sentence at a time on a small sample

The ratios printed at the end compare the per-page cost of each step with PDF parsing.
Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=Path, default=SHARED / "corpus" / "whitepapers", help="directory of PDFs")
    parser.add_argument("--texts", type=Path, default=SHARED / "icobase" / "texts", help="directory of .txt papers")
    parser.add_argument("--max-texts", type=int, default=60, help="plain-text papers to add (default 60)")
    parser.add_argument("--max-sentences", type=int, default=3000, help="sentences through the transformer (default 3000)")
    parser.add_argument("--no-models", action="store_true", help="skip the transformer path")
    args = parser.parse_args(argv)

    pdfs = sorted(args.papers.glob("*.pdf")) if args.papers.is_dir() else []
    if not pdfs:
        print(f"bench/language.py: skipped: no PDFs at {args.papers} (the real data in ../shared is absent)")
        return 0
    texts = sorted(args.texts.glob("*.txt"))[: args.max_texts] if args.texts.is_dir() else []

    from ico_lens.errors import IcoLensError
    from ico_lens.language.dictionaries import iter_units, lexicon
    from ico_lens.language.fallback import KeywordDisclosures
    from ico_lens.language.readability import offline_textstat, readability
    from ico_lens.language.sentences import split_sentences
    from ico_lens.paper.ingest import open_document

    rows: list[tuple[str, str]] = []

    # 1. PDF parsing
    t0 = time.perf_counter()
    pdf_docs = []
    for path in pdfs:
        try:
            pdf_docs.append(open_document(path))
        except IcoLensError as exc:
            print(f"  skipped {path.name}: {exc}")
    parse_s = time.perf_counter() - t0
    pages = sum(len(d.pages) for d in pdf_docs)
    text_docs = [open_document(p) for p in texts]
    docs = pdf_docs + text_docs
    per_page_parse = parse_s / pages
    rows.append(("PDF parsing (open_document)", f"{len(pdf_docs)} PDFs, {pages} pages, {parse_s:.1f} s = {1000 * per_page_parse:.1f} ms/page"))

    # 2. sentence splitting
    t0 = time.perf_counter()
    sentences = [split_sentences(d) for d in docs]
    split_s = time.perf_counter() - t0
    n_sent = sum(len(s) for s in sentences)
    pdf_sent = sum(len(s) for s in sentences[: len(pdf_docs)])
    split_pdf_s = split_s * pdf_sent / n_sent
    rows.append(("sentence splitting", f"{n_sent} sentences from {len(docs)} papers in {split_s:.2f} s = {n_sent / split_s:,.0f} sentences/s"))

    # 3. dictionary scoring
    t0 = time.perf_counter()
    lex = lexicon(["ico_lens", "lm"])
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    words = 0
    for ss in sentences:
        words += lex.score(iter_units(ss)).word_count
    dict_s = time.perf_counter() - t0
    dict_pdf_s = dict_s * pdf_sent / n_sent
    rows.append(("dictionary load (ico_lens + LM)", f"{load_s:.2f} s, once per process"))
    rows.append((
        "dictionary scoring (ico_lens + LM)",
        f"{dict_s:.2f} s = {n_sent / dict_s:,.0f} sentences/s, {words / dict_s:,.0f} words/s",
    ))
    t0 = time.perf_counter()
    lex3 = lexicon(["ico_lens", "lm", "hiv4"])
    load3_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for ss in sentences:
        lex3.score(iter_units(ss))
    dict3_s = time.perf_counter() - t0
    rows.append(("dictionary scoring (+ Harvard IV-4)", f"{dict3_s:.2f} s = {n_sent / dict3_s:,.0f} sentences/s (load {load3_s:.2f} s)"))

    # 4. readability and keyword disclosures
    t0 = time.perf_counter()
    offline_textstat()
    readability(["Warm up the CMU dictionary."])
    ts_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for ss in sentences:
        readability([s.text for s in ss])
    read_s = time.perf_counter() - t0
    rows.append(("readability (textstat, offline)", f"{read_s:.2f} s = {n_sent / read_s:,.0f} sentences/s (load {ts_load:.2f} s)"))
    t0 = time.perf_counter()
    kd = KeywordDisclosures()
    for d, ss in zip(docs, sentences):
        kd.predict(d, ss)
    kw_s = time.perf_counter() - t0
    rows.append(("keyword disclosures", f"{kw_s:.2f} s = {n_sent / kw_s:,.0f} sentences/s"))

    # 5. transformer path
    model_note = None
    tf_rate = None
    if not args.no_models:
        flat = [s.text for ss in sentences for s in ss][: args.max_sentences]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        t0 = time.perf_counter()
        try:
            from ico_lens.language.classify import SentenceRoleClassifier

            model = SentenceRoleClassifier.load()
            predict = model.predict_proba
            what = "MiniLM sentence classifier"
        except Exception as exc:  # no trained head yet: time the embedding, which is most of the cost
            from ico_lens.language.embed import SentenceEmbedder

            model_note = f"no trained classifier ({' '.join(str(exc).split())[:90]}); timed the MiniLM embedding alone"
            embedder = SentenceEmbedder()
            predict = embedder.encode
            what = "MiniLM embedding"
        predict(["Warm-up sentence so that loading is measured apart."])
        tf_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        for i in range(0, len(flat), 256):
            predict(flat[i : i + 256])
        tf_s = time.perf_counter() - t0
        tf_rate = len(flat) / tf_s
        sample = flat[:100]
        t0 = time.perf_counter()
        for text in sample:
            predict([text])
        one_s = time.perf_counter() - t0
        rows.append((f"{what}: load", f"{tf_load:.1f} s, once per process"))
        rows.append((f"{what}: batches of 256", f"{len(flat)} sentences in {tf_s:.1f} s = {tf_rate:,.0f} sentences/s"))
        rows.append((f"{what}: one at a time", f"{len(sample)} sentences in {one_s:.1f} s = {len(sample) / one_s:,.0f} sentences/s"))

    width = max(len(r[0]) for r in rows)
    print(f"language stage speed ({len(docs)} papers: {len(pdf_docs)} PDFs + {len(text_docs)} texts; {os.cpu_count()} CPUs)")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    if model_note:
        print(f"  note: {model_note}")
    print("per PDF page, next to parsing:")
    per_page = {
        "PDF parsing": per_page_parse,
        "sentence splitting": split_pdf_s / pages,
        "dictionary scoring (ico_lens + LM)": dict_pdf_s / pages,
    }
    if tf_rate:
        per_page["transformer path (batched)"] = (pdf_sent / pages) / tf_rate
    for name, seconds in per_page.items():
        print(f"  {name:<36} {1000 * seconds:8.2f} ms/page  = {seconds / per_page_parse:6.3f} x parsing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
