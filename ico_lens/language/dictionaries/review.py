"""Review a dictionary against real papers: the words that make each category fire.

    python -m ico_lens.cli.review_dictionary PAPERS... [--dic FILE.dic] [--dictionaries ico_lens]
        [--category risk_liquidity] [--top 30] [--examples 3]

For each category: hits, rate per 1,000 words, and the most frequent matched words with
``count/documents``. A word that fires for the wrong reason (``inventory`` for ``invent*``) shows up
near the top; ``--examples`` prints sentences where a category's top words matched, to judge them.
This is how the ico_lens word lists were reviewed (docs/language-dictionaries.md).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path


def review(paths, lex, *, categories=None, top: int = 30, examples: int = 0) -> str:
    from ico_lens.language.sentences import split_text

    words: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, Counter] = defaultdict(Counter)
    samples: dict[tuple[str, str], list[str]] = defaultdict(list)
    total = 0
    for path in paths:
        path = Path(path)
        if path.suffix.lower() == ".pdf":
            from ico_lens.paper.ingest import open_document
            from ico_lens.language.sentences import split_sentences

            sentences = split_sentences(open_document(path))
        else:
            sentences = split_text(path.read_text(errors="replace"))
        seen = set()
        for s in sentences:
            tc = lex.count_text(s.text)
            total += tc.word_count
            for key, word in tc.hits:
                words[key][word] += 1
                if (key, word) not in seen:
                    seen.add((key, word))
                    docs[key][word] += 1
                if examples and len(samples[key, word]) < examples:
                    samples[key, word].append(s.text)
    lines = [f"{len(paths)} papers, {total:,} words"]
    for cat in lex.categories:
        if categories and cat not in categories:
            continue
        n = sum(words[cat].values())
        rate = 1000 * n / total if total else 0.0
        lines.append(f"\n{cat}: {n} hits, {rate:.2f} per 1,000 words")
        lines.append("  " + ", ".join(f"{w} {c}/{docs[cat][w]}d" for w, c in words[cat].most_common(top)))
        if examples:
            for w, _ in words[cat].most_common(5):
                for text in samples[cat, w]:
                    lines.append(f"    [{w}] {text[:160]}")
    return "\n".join(lines) + "\n"
