"""Speed of the trained language models on real white papers (model load measured apart).

Prints: MiniLM load seconds; sentences/second of the sentence-role classifier (embedding included)
on the sentences of real papers; seconds per paper of the disclosure detector (ingestion excluded);
and, with --llm, SmolLM2 load seconds and zero-shot sentences/second.
Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))
PAPERS = ["auctus.pdf", "polyswarm.pdf", "lunyr.pdf", "storiqa.pdf"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm", action="store_true", help="also time SmolLM2 zero-shot labelling (slow)")
    args = parser.parse_args()
    if not (SHARED / "corpus" / "whitepapers").is_dir():
        print(f"skipped: real data not found at {SHARED}")
        return 0
    from ico_lens.language.classify import SentenceRoleClassifier
    from ico_lens.language.disclosure import DisclosureDetector
    from ico_lens.language.embed import load_sentence_model
    from ico_lens.language.sentences import split_sentences
    from ico_lens.paper.ingest import open_document

    started = time.perf_counter()
    load_sentence_model()
    print(f"MiniLM load: {time.perf_counter() - started:.1f} s")
    clf, detector = SentenceRoleClassifier.load(), DisclosureDetector.load()
    documents = [open_document(SHARED / "corpus" / "whitepapers" / name) for name in PAPERS]
    sentences = [s.text for d in documents for s in split_sentences(d)]
    started = time.perf_counter()
    clf.predict(sentences)
    seconds = time.perf_counter() - started
    print(f"sentence roles: {len(sentences)} sentences of {len(documents)} papers, {len(sentences) / seconds:.1f} sentences/s")
    started = time.perf_counter()
    for d in documents:
        detector.predict(d)
    print(f"disclosure detector: {(time.perf_counter() - started) / len(documents):.2f} s per paper (ingestion excluded)")
    if args.llm:
        from ico_lens.language.llm import HFCausalLM, ZeroShotSentenceLabeler

        started = time.perf_counter()
        lm = HFCausalLM()
        lm._load()
        print(f"SmolLM2-135M load (GGUF de-quantisation): {time.perf_counter() - started:.1f} s")
        sample = sentences[:20]
        started = time.perf_counter()
        ZeroShotSentenceLabeler(lm).predict(sample)
        print(f"SmolLM2 zero-shot (score): {len(sample) / (time.perf_counter() - started):.2f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
