"""Speed of the language stage on the real white papers, next to PDF parsing.

    .venv/bin/python bench/language.py [--papers DIR] [--texts DIR] [--max-sentences 1000] [--no-models]

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
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))


class Clock:
    """Wall and CPU seconds of a block (CPU: this process and its finished children, all threads).

    The CPU figure is the steadier one when other jobs share the machine.
    """

    @staticmethod
    def _cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = self._cpu() - self.cpu0

    def __str__(self) -> str:
        return f"{self.wall:.2f} s (cpu {self.cpu:.2f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=Path, default=SHARED / "corpus" / "whitepapers", help="directory of PDFs")
    parser.add_argument("--texts", type=Path, default=SHARED / "icobase" / "texts", help="directory of .txt papers")
    parser.add_argument("--max-texts", type=int, default=60, help="plain-text papers to add (default 60)")
    parser.add_argument("--max-sentences", type=int, default=1000, help="sentences through the transformer (default 1000)")
    parser.add_argument("--one-at-a-time", type=int, default=50, help="sentences predicted one by one (default 50)")
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

    # 1. PDF parsing (in forked children by default: their CPU time is counted too)
    pdf_docs = []
    with Clock() as parse:
        for path in pdfs:
            try:
                pdf_docs.append(open_document(path))
            except IcoLensError as exc:
                print(f"  skipped {path.name}: {exc}")
    pages = sum(len(d.pages) for d in pdf_docs)
    text_docs = [open_document(p) for p in texts]
    docs = pdf_docs + text_docs
    rows.append(("PDF parsing (open_document)", f"{len(pdf_docs)} PDFs, {pages} pages, {parse} = {1000 * parse.wall / pages:.1f} ms/page"))

    # 2. sentence splitting
    with Clock() as split:
        sentences = [split_sentences(d) for d in docs]
    n_sent = sum(len(s) for s in sentences)
    pdf_share = sum(len(s) for s in sentences[: len(pdf_docs)]) / n_sent
    rows.append(("sentence splitting", f"{n_sent} sentences from {len(docs)} papers, {split} = {n_sent / split.wall:,.0f} sentences/s"))

    # 3. dictionary scoring
    with Clock() as load:
        lex = lexicon(["ico_lens", "lm"])
        lex.count_text("warm up")
    words = 0
    with Clock() as score:
        for ss in sentences:
            words += lex.score(iter_units(ss)).word_count
    rows.append(("dictionary load (ico_lens + LM)", f"{load}, once per process"))
    rows.append(("dictionary scoring (ico_lens + LM)", f"{score} = {n_sent / score.wall:,.0f} sentences/s, {words / score.wall:,.0f} words/s"))
    with Clock() as load3:
        lex3 = lexicon(["ico_lens", "lm", "hiv4"])
    with Clock() as score3:
        for ss in sentences:
            lex3.score(iter_units(ss))
    rows.append(("dictionary scoring (+ Harvard IV-4)", f"{score3} = {n_sent / score3.wall:,.0f} sentences/s (load {load3.wall:.2f} s)"))

    # 4. readability and keyword disclosures
    with Clock() as ts_load:
        offline_textstat()
        readability(["Warm up the CMU dictionary."])
    with Clock() as read:
        for ss in sentences:
            readability([s.text for s in ss])
    rows.append(("readability (textstat, offline)", f"{read} = {n_sent / read.wall:,.0f} sentences/s (load {ts_load.wall:.2f} s)"))
    kd = KeywordDisclosures()
    with Clock() as kw:
        for d, ss in zip(docs, sentences):
            kd.predict(d, ss)
    rows.append(("keyword disclosures", f"{kw} = {n_sent / kw.wall:,.0f} sentences/s"))

    # 5. transformer path
    model_note = None
    tf_rate = None
    if not args.no_models:
        flat = [s.text for ss in sentences for s in ss][: args.max_sentences]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        with Clock() as tf_load:
            try:
                from ico_lens.language.classify import SentenceRoleClassifier

                model = SentenceRoleClassifier.load()
                predict, embedder = model.predict_proba, model.embedder
                what = "MiniLM sentence classifier"
            except Exception as exc:  # no trained head yet: time the embedding, which is most of the cost
                from ico_lens.language.embed import SentenceEmbedder

                model_note = f"no trained classifier ({' '.join(str(exc).split())[:90]}); timed the MiniLM embedding alone"
                embedder = SentenceEmbedder()
                predict = embedder.encode
                what = "MiniLM embedding"
            predict(["Warm-up sentence so that loading is measured apart."])
        embedder.precision = "float32"
        with Clock() as tf:
            full = [out for i in range(0, len(flat), 256) for out in predict(flat[i : i + 256])]
        tf_rate = len(flat) / tf.wall
        sample = flat[: args.one_at_a_time]
        with Clock() as one:
            for text in sample:
                predict([text])
        rows.append((f"{what}: load", f"{tf_load}, once per process"))
        rows.append((f"{what}: batches of 256", f"{len(flat)} sentences, {tf} = {tf_rate:,.0f} sentences/s"))
        rows.append((f"{what}: bfloat16", _bfloat16_row(predict, embedder, flat, full, tf_rate)))
        if sample:
            rows.append((f"{what}: one at a time", f"{len(sample)} sentences, {one} = {len(sample) / one.wall:,.0f} sentences/s"))

    # Per PDF page: wall seconds and CPU seconds (the latter is steadier on a shared machine).
    per_page = {
        "PDF parsing": (parse.wall, parse.cpu, 1.0),
        "sentence splitting": (split.wall, split.cpu, pdf_share),
        "dictionary scoring (ico_lens + LM)": (score.wall, score.cpu, pdf_share),
        "readability": (read.wall, read.cpu, pdf_share),
    }
    if tf_rate:
        per_page["transformer path (batched)"] = (tf.wall, tf.cpu, n_sent * pdf_share / len(flat))
    per_page = {k: (w * share / pages, c * share / pages) for k, (w, c, share) in per_page.items()}
    width = max(len(r[0]) for r in rows)
    print(f"language stage speed ({len(docs)} papers: {len(pdf_docs)} PDFs + {len(text_docs)} texts; {os.cpu_count()} CPUs)")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    if model_note:
        print(f"  note: {model_note}")
    print("per PDF page, next to parsing (wall | cpu):")
    wall0, cpu0 = per_page["PDF parsing"]
    for name, (wall, cpu) in per_page.items():
        print(f"  {name:<36} {1000 * wall:8.2f} ms = {wall / wall0:6.3f} x  |  cpu {1000 * cpu:8.2f} ms = {cpu / cpu0:6.3f} x")
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(load average {load_avg:.1f} on {os.cpu_count()} CPUs during the run: wall times are slower on a busy machine)")
    return 0


def _bfloat16_row(predict, embedder, texts, float32_out, float32_rate: float) -> str:
    """Speed of the same batches with bfloat16 embeddings, and how many answers change."""
    import numpy as np

    from ico_lens.language.embed import native_bfloat16

    if not native_bfloat16():
        return "skipped: this CPU has no native bfloat16 (emulated, slower)"
    embedder.precision = "bfloat16"
    try:
        predict(texts[:8])  # the first autocast call sets up kernels: not part of the figure
        with Clock() as clock:
            out = [o for i in range(0, len(texts), 256) for o in predict(texts[i : i + 256])]
    finally:
        embedder.precision = "float32"
    rate = len(texts) / clock.wall
    if isinstance(out[0], dict):  # classifier: {label: probability}
        changed = sum(max(a, key=a.get) != max(b, key=b.get) for a, b in zip(float32_out, out))
        effect = f"{changed} of {len(texts)} roles changed"
    else:
        effect = f"min cosine to float32 {float(np.min(np.sum(np.asarray(float32_out) * np.asarray(out), axis=1))):.5f}"
    return f"{clock} = {rate:,.0f} sentences/s ({rate / float32_rate:.2f}x float32; {effect})"


if __name__ == "__main__":
    sys.exit(main())
