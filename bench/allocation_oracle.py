"""How much of the allocation error is selection, how much generation? (tune papers only)

For every `tune` paper of ../shared/splits.csv whose gold allocation has a text layer, every allocation
candidate of :func:`ico_lens.paper.tokenomics.allocation.allocation_candidates` is scored against the
gold with the eval's scorer (:func:`ico_lens.paper.evaluate.match_buckets`: category match, share within
0.5 points). It prints

* the hand scorer's pick (what `extract_allocation` reports; the same totals as `ico-lens eval extraction
  --split tune`),
* the oracle: per paper the best-F1 choice among its candidates or abstaining,
* the papers by case (right pick, a better candidate not picked, no right candidate, abstained right),
* with ``--cv``: a logistic candidate scorer (the hand scorer's terms as features) chosen by grouped
  (leave-papers-out) cross-validation, its abstain threshold fitted on the training papers' own
  inner leave-papers-out predictions, against the hand scorer on the same papers.

Held papers are never opened. ``--cache DIR`` keeps the ingested documents (pickled, words included)
so a second run takes seconds.

Usage::

    .venv/bin/python bench/allocation_oracle.py [--shared ../shared] [--cache /tmp/alloc_cache] [--cv] [-v]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: a candidate counts as right for the learned scorer when its bucket F1 against the gold reaches this
RIGHT_F1 = 0.75


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tune_papers(shared: Path, cache: Path | None):
    """(slug, gold allocation with percents, document, total supply, language) of every scored tune paper."""
    from ico_lens.evaluate.splits import load_splits
    from ico_lens.paper.evaluate import labelled_papers, shared_corpora
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.terms import extract_terms

    parts = load_splits(shared / "splits.csv")
    for slug, gold_file, pdf in labelled_papers(shared_corpora(shared)):
        if parts.get(slug.lower()) != "tune" or pdf is None:
            continue  # held papers are never opened
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if not gold.get("text_layer", True) or gold.get("allocation_source") == "image":
            continue  # not scored by the eval either
        stored = cache / f"{slug}.bench.pkl" if cache else None
        if stored is not None and stored.exists():
            document = pickle.loads(stored.read_bytes())
        else:
            document = open_document(pdf)
            if stored is not None:
                stored.write_bytes(pickle.dumps(document))
        supply = extract_terms(document).value("total_supply") if document.text_layer else None
        wanted = [g for g in gold.get("allocation") or [] if g.get("percent") is not None]
        yield slug, wanted, document, supply, getattr(document, "language", "en")


def _candidate_rows(document, supply, gold, language):
    """Per candidate: (features, F1, matched, reported, hand score, tie break), best hand score first."""
    from ico_lens.paper.evaluate import match_buckets
    from ico_lens.paper.tokenomics import allocation as alloc
    from ico_lens.paper.tokenomics import breakdown as engine

    if language == "other" or not document.text_layer:
        return []  # extract_facts reads no allocation there
    found, entries, cache = alloc.allocation_candidates(document, supply)
    rows = []
    for cand in found:
        buckets = [{"category": b.category, "percent": b.percent} for b in alloc._to_distribution(cand, 1.0, cache, entries).items]
        matched, _, _ = match_buckets(buckets, gold)
        reported = sum(1 for b in buckets if b["percent"] is not None)
        f1 = _prf(matched, reported, len(gold))[2] if gold else 0.0
        rows.append((_features(cand, document.page_count), f1, matched, reported, round(alloc._score(cand), 4),
                     engine.tie_break(cand)))
    rows.sort(key=lambda r: (r[4], r[5]), reverse=True)
    return rows


FEATURES = ["set score", "allocation heading", "funds heading", "token words", "money words", "sums to 100",
            "distance of the sum from 100", "entries", "mean label weight", "min label weight", "share of tier-1 labels",
            "sale or team bucket", "schedule rows", "computed from amounts", "position in the paper",
            "share of spending labels", "share of table rows", "share of legend entries"]


def _features(cand, page_count: int) -> list[float]:
    from ico_lens.paper.tokenomics import allocation as alloc
    from ico_lens.paper.tokenomics.taxonomy import allocation_match, funds_match

    weights = [alloc.allocation_weight(e) for e in cand.entries]
    contexts = " ".join(e.context for e in cand.entries) + " " + cand.context_line
    matches = [allocation_match(e.label) for e in cand.entries]
    n = len(cand.entries)
    return [cand.score, cand.context_kind == "allocation", cand.context_kind == "use_of_funds",
            bool(alloc._TOKEN_WORDS.search(contexts)), bool(alloc._MONEY_WORDS.search(contexts)), cand.complete,
            min(abs(cand.sum_percent - 100), 20) / 20, min(n, 8) / 8, sum(weights) / n, min(weights),
            sum(t == 1 for _, t in matches) / n,
            bool({c for c, _ in matches} & {"public_sale", "presale_private", "team_founders"}),
            alloc.is_schedule(cand.entries), cand.total_used is not None, cand.entries[0].page / max(1, page_count),
            sum(funds_match(e.label)[1] == 1 for e in cand.entries) / n,
            sum(e.method == "table" for e in cand.entries) / n, sum(e.method == "layout" for e in cand.entries) / n]


def _totals(papers, choices) -> list[int]:
    total = [0, 0, 0]
    for (_, gold, rows), choice in zip(papers, choices):
        total[2] += len(gold)
        if choice is not None:
            total[0] += rows[choice][2]
            total[1] += rows[choice][3]
    return total


def _hand_choice(rows) -> int | None:
    from ico_lens.paper.tokenomics.allocation import MIN_SCORE

    return next((i for i, r in enumerate(rows) if r[4] >= MIN_SCORE), None)


def _oracle_choice(gold, rows) -> int | None:
    best, best_f1 = None, (1.0 if not gold else 0.0)
    for i, r in enumerate(rows):
        if r[1] > best_f1 + 1e-9:
            best, best_f1 = i, r[1]
    return best


def _case(gold, rows, hand, oracle) -> str:
    if not gold:
        return "gold none, abstained" if hand is None else "gold none, reported"
    if not rows:
        return "no candidate"
    if hand is not None and rows[hand][2] == len(gold) == rows[hand][3]:
        return "right pick"
    if oracle is None and hand is not None:
        return "should have abstained"  # every candidate is worse than reporting nothing
    if oracle is not None and (hand is None or rows[oracle][1] > rows[hand][1] + 1e-9):
        return "better candidate not picked"
    return "no better candidate"


def _cross_validate(papers, C: float, folds: int = 6, inner_folds: int = 5) -> list[int]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    def fit(indices):
        X = np.array([r[0] for i in indices for r in papers[i][2]], float)
        y = np.array([r[1] >= RIGHT_F1 for i in indices for r in papers[i][2]], int)
        mean, std = X.mean(0), X.std(0) + 1e-9
        model = LogisticRegression(C=C, max_iter=2000).fit((X - mean) / std, y)
        return lambda rows: model.predict_proba((np.array([r[0] for r in rows], float) - mean) / std)[:, 1]

    def choose(probs, rows, threshold):
        if not rows:
            return None
        i = int(np.argmax(probs))
        return i if probs[i] >= threshold else None

    ids = np.arange(len(papers))
    choices: list[int | None] = [None] * len(papers)
    for train, test in GroupKFold(n_splits=folds).split(ids, groups=ids):
        inner: dict[int, object] = {}
        for itrain, itest in GroupKFold(n_splits=inner_folds).split(train, groups=train):
            predict = fit(train[itrain])
            for j in train[itest]:
                inner[j] = predict(papers[j][2]) if papers[j][2] else []
        best_threshold, best_f1 = 0.5, -1.0
        for threshold in np.arange(0.05, 0.96, 0.05):
            sub = [choose(inner[j], papers[j][2], threshold) for j in train]
            f1 = _prf(*_totals([papers[j] for j in train], sub))[2]
            if f1 > best_f1 + 1e-9:
                best_threshold, best_f1 = threshold, f1
        predict = fit(train)
        for j in test:
            choices[j] = choose(predict(papers[j][2]) if papers[j][2] else [], papers[j][2], best_threshold)
    return _totals(papers, choices)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--cache", default=None, help="keep ingested documents here (pickles; a scratch directory)")
    parser.add_argument("--cv", action="store_true", help="also cross-validate a learned candidate scorer")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the tune papers of each case")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "splits.csv").is_file():
        print(f"skipped: no splits.csv in {shared} (../shared is absent)")
        return 0
    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    papers, cases = [], {}
    for slug, gold, document, supply, language in _tune_papers(shared, cache):
        rows = _candidate_rows(document, supply, gold, language)
        papers.append((slug, gold, rows))
    hand = [_hand_choice(rows) for _, _, rows in papers]
    oracle = [_oracle_choice(gold, rows) for _, gold, rows in papers]
    for (slug, gold, rows), h, o in zip(papers, hand, oracle):
        cases.setdefault(_case(gold, rows, h, o), []).append(slug)
    print(f"tune papers scored: {len(papers)}, allocation candidates: {sum(len(r) for _, _, r in papers)}")
    for name, choices in (("hand scorer (shipped)", hand), ("oracle (best candidate or abstain)", oracle)):
        t = _totals(papers, choices)
        print(f"  {name:<36} P {_prf(*t)[0]:.3f}  R {_prf(*t)[1]:.3f}  F1 {_prf(*t)[2]:.3f}   (tp, reported, gold) = {tuple(t)}")
    for name, slugs in sorted(cases.items()):
        print(f"  {name:<30} {len(slugs):3d}" + (f"  {' '.join(slugs)}" if args.verbose else ""))
    if args.cv:
        print("grouped 6-fold cross-validation over tune papers (threshold from inner 5-fold on the training papers):")
        for C in (0.1, 1.0, 10.0):
            t = _cross_validate(papers, C)
            print(f"  logistic scorer C={C:<5} P {_prf(*t)[0]:.3f}  R {_prf(*t)[1]:.3f}  F1 {_prf(*t)[2]:.3f}   "
                  f"(tp, reported, gold) = {tuple(t)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
