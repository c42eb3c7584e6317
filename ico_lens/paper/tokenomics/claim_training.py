"""Train :class:`~ico_lens.paper.tokenomics.claim_classifier.ClaimSentenceClassifier` on the tune papers.

``python -m ico_lens.cli.train_claims`` (needs ``../shared``) writes ``models/claim_sentences.json`` and
its card ``models/claim_sentences.md``. Only the ``tune`` papers of ``splits.csv`` are read (their gold
file and the paper record the pipeline builds, :func:`ico_lens.paper.ingest.open_document`); held
papers are never opened.

Labels: a sentence is a positive of head (claim, value) when it matches one of the gold evidence
quotes ``evidence["claims.<claim>"]`` of a paper whose gold value is ``value`` (same page or the next /
previous one; most of the quote's word bigrams in the sentence, or most of a short sentence's bigrams
in a long quote). Every other sentence of the tune papers is a negative of that head - those of papers
silent on the claim, of papers stating the other value, and the unquoted sentences of papers stating
it (noisy: a paper may say it twice; such sentences are down-weighted).

Thresholds: leave-papers-out (9 folds of whole papers) predictions of every tune paper; the paper's score for a head is its
best sentence's out-of-fold probability. A one-feature logistic calibration maps that score to
P(paper states claim=value); the threshold is the lowest calibrated confidence at which the fallback,
applied to the papers where the rules were silent, is right at least ``min_precision`` of the time and
gains more right than it adds wrong (else the head is disabled, threshold > 1).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

from ico_lens.paper.tokenomics.claim_classifier import (
    CANDIDATE_HEADS,
    CUES,
    ClaimSentenceClassifier,
    Head,
    candidate_sentences,
    normalise,
    raw_features,
)

#: a head is trained only when this many tune papers state its value with a quote that matched
MIN_POSITIVE_PAPERS = 4
#: weight of the unquoted sentences of a paper that states the claim (they may state it again)
SAME_PAPER_NEGATIVE_WEIGHT = 0.3
#: a threshold is never below this calibrated confidence, and must be right on at least MIN_RIGHT
#: rule-silent tune papers (one lucky paper is no evidence)
MIN_THRESHOLD = 0.5
MIN_RIGHT = 2
#: leave-papers-out folds (whole papers; about six tune papers per fold)
FOLDS = 9

_QUOTE = re.compile(r"^\s*p\.?\s*(\d+)[^:]*:\s*['\"‘“]?(.*?)['\"’”]?\s*$", re.S)
_WORD = re.compile(r"\w+")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_quote(evidence: str) -> tuple[int | None, str]:
    """``"p.12: 'Total supply ...'"`` -> ``(12, "Total supply ...")``."""
    m = _QUOTE.match(evidence)
    return (int(m.group(1)), m.group(2)) if m else (None, evidence)


def _bigrams(text: str) -> set:
    words = _WORD.findall(normalise(text))
    return set(zip(words, words[1:])) if len(words) > 1 else set(words)


def quote_matches(sentence: str, quote: str) -> bool:
    """Whether ``sentence`` is (a part of) what ``quote`` quotes: fragments split at "..."."""
    s = _bigrams(sentence)
    if not s:
        return False
    for fragment in re.split(r"\.\.\.|…|\[\.\.\.\]", quote):
        q = _bigrams(fragment)
        if len(q) < 3:
            continue
        shared = len(q & s)
        if shared / len(q) >= 0.6 or (len(s) >= 4 and shared / len(s) >= 0.7):
            return True
    return False


def tune_papers(shared: Path) -> list[tuple[str, Path, Path]]:
    """(slug, gold file, PDF) of every tune paper of ``splits.csv``, in its order (the folds deal them
    round); held ones are left out here."""
    from ico_lens.evaluate.splits import load_splits
    from ico_lens.paper.evaluate import labelled_papers, shared_corpora

    order = {slug: rank for rank, (slug, part) in enumerate(load_splits(shared / "splits.csv").items()) if part == "tune"}
    papers = [(slug, gold, pdf) for slug, gold, pdf in labelled_papers(shared_corpora(shared))
              if slug.lower() in order and pdf is not None and pdf.suffix == ".pdf"]
    return sorted(papers, key=lambda paper: order[paper[0].lower()])


def paper_examples(document, gold: dict) -> dict:
    """The candidate sentences of one paper and, per head key, the indices of its positive sentences."""
    units = candidate_sentences(document)
    positives: dict[str, list[int]] = {}
    for claim, values in CANDIDATE_HEADS.items():
        value = gold.get("claims", {}).get(claim)
        if value not in values:
            continue
        quotes = [parse_quote(q) for q in _as_list(gold.get("evidence", {}).get(f"claims.{claim}"))]
        hits = [i for i, u in enumerate(units)
                if any(quote_matches(u.text, q) for page, q in quotes if page is None or abs(u.page - page) <= 1)]
        positives[f"{claim}={json.dumps(value)}"] = hits
    return {"units": units, "positives": positives, "claims": dict(gold.get("claims", {}))}


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def load_tune(shared: Path, progress: bool = True) -> list[dict]:
    """Every tune paper as :func:`paper_examples` plus its slug and the rules' own claims."""
    from ico_lens.errors import IcoLensError
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.claims import detect_claims

    papers = []
    for slug, gold_file, pdf in tune_papers(shared):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        try:
            document = open_document(pdf)
        except IcoLensError as exc:
            _log(f"  {slug}: {exc}")
            continue
        example = paper_examples(document, gold)
        example["slug"] = slug
        rules = detect_claims(document, fallback=False)
        example["rules"] = {name: r.value for name, r in rules.items()}
        papers.append(example)
        if progress:
            _log(f"  {slug}: {len(example['units'])} sentences, "
                 f"{sum(len(v) for v in example['positives'].values())} positive")
    return papers


def _head_keys(papers: list[dict]) -> list[tuple[str, Any]]:
    keys = []
    for claim, values in CANDIDATE_HEADS.items():
        for value in values:
            key = f"{claim}={json.dumps(value)}"
            n = sum(1 for p in papers if p["positives"].get(key))
            if n >= MIN_POSITIVE_PAPERS:
                keys.append((claim, value))
    return keys


def _labels(papers: list[dict], key: str):
    """Targets and sample weights of one head over the concatenated sentences of ``papers``; sentences
    without the claim's cue (:data:`CUES`) weigh 0 (the head never sees them)."""
    import numpy as np

    cue = CUES.get(key.split("=")[0])
    y, w = [], []
    for p in papers:
        hits = set(p["positives"].get(key, []))
        stated = key in p["positives"]
        for i, unit in enumerate(p["units"]):
            y.append(1 if i in hits else 0)
            weight = 1.0 if i in hits or not stated else SAME_PAPER_NEGATIVE_WEIGHT
            w.append(weight if cue is None or cue.search(unit.text) else 0.0)
    return np.asarray(y), np.asarray(w)


def _fit_head(clf: ClaimSentenceClassifier, X, y, w, claim, value) -> Head:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=clf.C, class_weight="balanced", max_iter=3000)
    model.fit(X, y, sample_weight=w)
    weights = {int(j): round(float(c), 5) for j, c in enumerate(model.coef_[0]) if abs(c) >= 1e-3}
    return Head(claim, value, weights, round(float(model.intercept_[0]), 5))


def out_of_fold_scores(papers: list[dict], keys, clf: ClaimSentenceClassifier, X, folds: int = FOLDS,
                       progress: bool = True) -> dict[str, list[tuple[float, int]]]:
    """Leave-papers-out: ``folds`` groups of whole papers (a paper's sentences are never split); per
    head key, each paper's (best out-of-fold sentence score, index of that sentence). ``X``: the
    sentences of ``papers`` in order, featurised with ``clf``'s vocabulary (which is unsupervised: fitted
    on the sentences of all tune papers, no labels)."""
    import numpy as np

    sizes = [len(p["units"]) for p in papers]
    starts = np.cumsum([0] + sizes)
    paper_of_row = np.repeat(np.arange(len(papers)), sizes)
    fold_of_paper = [k % folds for k in range(len(papers))]  # papers in splits.csv order, dealt round
    out: dict[str, list[tuple[float, int]]] = {f"{c}={json.dumps(v)}": [(0.0, -1)] * len(papers) for c, v in keys}
    for f in range(folds):
        test_papers = [k for k in range(len(papers)) if fold_of_paper[k] == f]
        train_rows = np.flatnonzero([fold_of_paper[k] != f for k in paper_of_row])
        for claim, value in keys:
            key = f"{claim}={json.dumps(value)}"
            y, w = _labels(papers, key)
            if y[train_rows].sum() == 0:
                continue
            rows = train_rows[w[train_rows] > 0]
            head = _fit_head(clf, X[rows], y[rows], w[rows], claim, value)
            scorer = ClaimSentenceClassifier(C=clf.C)
            scorer.vocabulary, scorer.idf, scorer.heads = clf.vocabulary, clf.idf, [head]
            for k in test_papers:
                if sizes[k]:
                    col = scorer.scores_of(X[starts[k]:starts[k + 1]])[:, 0] * (w[starts[k]:starts[k + 1]] > 0)
                    i = int(np.argmax(col))
                    out[key][k] = (float(col[i]), i)
        if progress:
            _log(f"  fold {f + 1}/{folds}")
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def calibrate(scores: list[float], truth: list[int]) -> tuple[float, float]:
    """(a, b) of P(paper states it) = sigmoid(a * logit(score) + b), fitted on out-of-fold scores."""
    from sklearn.linear_model import LogisticRegression

    if len(set(truth)) < 2:
        return (1.0, 0.0)
    model = LogisticRegression(C=1.0).fit([[_logit(s)] for s in scores], truth)
    return (round(float(model.coef_[0][0]), 5), round(float(model.intercept_[0]), 5))


def choose_threshold(confidences: list[float], gold_values: list, rule_values: list, value, min_precision: float) -> tuple[float, dict]:
    """The lowest threshold at which filling the rule-silent papers is right >= ``min_precision`` and
    gains more than it loses; returns (threshold, the figures at it). 1.01 disables the head."""
    silent = [(c, g) for c, g, r in zip(confidences, gold_values, rule_values) if r is None]
    best = (1.01, {"fires": 0, "right": 0, "wrong": 0, "silent_papers": len(silent)})
    best_gain = 0
    for t in sorted({c for c, _ in silent if c >= MIN_THRESHOLD}, reverse=True):
        fired = [g for c, g in silent if c >= t]
        right = sum(1 for g in fired if g == value)
        wrong = len(fired) - right
        gain = right - 2 * wrong  # a false "stated" costs more than an abstention
        if right >= MIN_RIGHT and right / len(fired) >= min_precision and gain > best_gain:
            best_gain = gain
            # halfway down to the next lower confidence: a little margin, still below every fired paper
            lower = [c for c, _ in silent if c < t]
            cut = (t + max(lower)) / 2 if lower else t
            best = (math.floor(max(cut, MIN_THRESHOLD) * 1000) / 1000,
                    {"fires": len(fired), "right": right, "wrong": wrong, "silent_papers": len(silent)})
    return best


def paper_level_figures(confidences: list[float], truth: list[int], threshold: float) -> dict:
    tp = sum(1 for c, t in zip(confidences, truth) if c >= threshold and t)
    fp = sum(1 for c, t in zip(confidences, truth) if c >= threshold and not t)
    pos = sum(truth)
    return {"papers": len(truth), "positive_papers": pos, "tp": tp, "fp": fp,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / pos, 3) if pos else None}


def train(shared: str | Path, out_dir: str | Path, *, C: float = 4.0, min_df: int = 3, min_precision: float = 0.8,
          progress: bool = True, papers: list[dict] | None = None) -> ClaimSentenceClassifier:
    """Train on the tune papers of ``shared``, choose thresholds by leave-papers-out CV, and write
    ``claim_sentences.json`` and ``claim_sentences.md`` into ``out_dir``."""
    import numpy as np

    shared, out_dir = Path(shared), Path(out_dir)
    started = time.perf_counter()
    if papers is None:
        _log("reading the tune papers ...")
        papers = load_tune(shared, progress)
    keys = _head_keys(papers)
    params = {"C": C, "min_df": min_df, "min_precision": min_precision}
    clf = ClaimSentenceClassifier(**params)
    features = [[raw_features(u.text) for u in p["units"]] for p in papers]
    clf.fit_vocabulary(features)
    X = clf.transform([c for paper in features for c in paper])
    _log(f"{len(papers)} papers, {X.shape[0]} sentences, {X.shape[1]} features; heads: "
         f"{', '.join(f'{c}={v}' for c, v in keys)}; {FOLDS}-fold leave-papers-out ...")
    oof = out_of_fold_scores(papers, keys, clf, X, FOLDS, progress)
    for claim, value in keys:
        key = f"{claim}={json.dumps(value)}"
        y, w = _labels(papers, key)
        rows = np.flatnonzero(w > 0)
        head = _fit_head(clf, X[rows], y[rows], w[rows], claim, value)
        scores = [s for s, _ in oof[key]]
        truth = [int(p["claims"].get(claim) == value) for p in papers]
        head.calibration = calibrate(scores, truth)
        confidences = [head.confidence(s) for s in scores]
        gold_values = [p["claims"].get(claim) for p in papers]
        rule_values = [p["rules"].get(claim) for p in papers]
        head.threshold, fallback = choose_threshold(confidences, gold_values, rule_values, value, min_precision)
        head.metrics = {
            "positive_sentences": int(y.sum()),
            "positive_papers": sum(1 for p in papers if p["positives"].get(key)),
            "stated_papers": sum(truth),
            "lopo_all_papers_at_threshold": paper_level_figures(confidences, truth, head.threshold),
            "lopo_all_papers_at_0.5": paper_level_figures(confidences, truth, 0.5),
            "lopo_fallback_on_rule_silent_papers": fallback,
            "lopo_best_sentence_is_gold": _best_is_gold(papers, oof[key], key, confidences, head.threshold),
        }
        clf.heads.append(head)
        _log(f"  {key}: threshold {head.threshold}, fallback {fallback}")
    clf.metadata = {
        "trained": _dt.date.today().isoformat(),
        "data": "tune papers of ../shared/splits.csv (corpus/gold/whitepapers + papers/gold), gold evidence quotes",
        "papers": len(papers),
        "sentences": sum(len(p["units"]) for p in papers),
        "features": len(clf.vocabulary),
        "folds": FOLDS,
        "cues": {claim: pattern.pattern for claim, pattern in CUES.items()},
        "train_seconds": round(time.perf_counter() - started, 1),
        "command": "python -m ico_lens.cli.train_claims",
    }
    card = model_card(clf)  # every head's figures, the disabled ones too
    clf.prune()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = clf.save(out_dir / "claim_sentences.json")
    (out_dir / "claim_sentences.md").write_text(card, encoding="utf-8")
    _log(f"wrote {path} ({len(clf.heads)} heads, {len(clf.vocabulary)} features)")
    return clf


def _best_is_gold(papers, oof_key, key, confidences, threshold) -> dict:
    """Of the papers where the head fires and is right, how often its best sentence is a gold one."""
    fired = [(p, i) for p, (s, i), c in zip(papers, oof_key, confidences) if c >= threshold and p["positives"].get(key) is not None]
    return {"right_papers": len(fired), "best_sentence_quoted": sum(1 for p, i in fired if i in p["positives"][key])}


def model_card(clf: ClaimSentenceClassifier) -> str:
    meta = clf.metadata
    lines = [
        "# Model card: claim_sentences (ClaimSentenceClassifier)",
        "",
        "File: `models/claim_sentences.json` (plain JSON: vocabulary, idf, sparse logistic-regression weights,",
        "calibration and threshold per head; no pickle). Loaded by",
        "`ico_lens.paper.tokenomics.claim_classifier.ClaimSentenceClassifier.load()`; prediction needs numpy",
        "and scipy only. Reproduce with `python -m ico_lens.cli.train_claims` (needs `../shared`, about",
        f"{max(1, round(meta.get('train_seconds', 0) / 60))} min); measure with",
        "`ico-lens eval extraction --shared ../shared --split tune` (set `ICO_LENS_CLAIM_FALLBACK=0` for the rules alone).",
        "",
        "## What it does",
        "A fallback for the boolean claims (and `unsold_tokens`) of `extract_facts`: for a claim the rules",
        "left unset, every sentence of the paper record (the ligature-repaired `claim_units`, 5+ words,",
        "<= 600 characters) is scored by the heads of that claim; when the best sentence's calibrated",
        "confidence reaches the head's threshold, the claim is set to the head's value with that sentence as",
        "page evidence (reason: the classifier) and the calibrated confidence. It never overrides a rule.",
        "",
        "## Data",
        f"- {meta.get('papers')} tune papers of `../shared/splits.csv` only ({meta.get('sentences')} candidate sentences); held papers are never read.",
        "- positives of head (claim, value): sentences matching a gold evidence quote `evidence[\"claims.<claim>\"]`",
        "  of a paper whose gold value is `value` (page +-1, >= 60% of the quote's word bigrams);",
        "- negatives: every other sentence (those of papers stating the claim but not quoted weigh 0.3).",
        f"- a head is trained when >= {MIN_POSITIVE_PAPERS} tune papers give a matching positive.",
        "",
        "## Features and model",
        f"TF-IDF (sublinear tf, idf by sentence, l2) of word 1-2-grams and within-word character 3-5-grams of",
        f"the lower-cased sentence with digits as 0; features in >= {clf.min_df} papers ({meta.get('features')} features).",
        f"One L2 logistic regression per head, C={clf.C}, classes balanced. Paper score = best sentence's",
        "probability; confidence = sigmoid(a * logit(score) + b) fitted on leave-papers-out scores.",
        "",
        "## Threshold choice (9-fold leave-papers-out on the tune papers)",
        f"Per head: the lowest confidence at which filling the papers where the *rules were silent* is right",
        f">= {clf.min_precision:.0%} of the time and gains right - 2 x wrong > 0; a head with no such threshold",
        "is disabled (threshold 1.01). Precision first: a false \"stated\" is worse than abstaining.",
        "",
        "| head | stated papers | threshold | LOPO all papers P / R at threshold | LOPO P / R at 0.5 | fallback on rule-silent papers: fires / right / wrong (of n) |",
        "|---|---:|---:|---|---|---|",
    ]
    for h in clf.heads:
        m = h.metrics
        a, b, f = m["lopo_all_papers_at_threshold"], m["lopo_all_papers_at_0.5"], m["lopo_fallback_on_rule_silent_papers"]
        lines.append(f"| {h.key} | {m['stated_papers']} | {h.threshold} | {a['precision']} / {a['recall']} | "
                     f"{b['precision']} / {b['recall']} | {f['fires']} / {f['right']} / {f['wrong']} (of {f['silent_papers']}) |")
    lines += [
        "",
        "## Limits",
        "- Tiny training data (a few to twenty positive papers per head): the thresholds rest on a handful of",
        "  papers and the figures above are noisy; the held part is the real test (`ico-lens eval extraction`).",
        "- Bag-of-n-grams: no real negation or scope handling; a hedged or denied wording with the same words",
        "  can score high (the thresholds are set high for this reason).",
        "- Trained against the rules of its day: when the rules improve, the rule-silent papers change and",
        "  the thresholds should be re-chosen (re-run the command).",
        "- English only; papers without a text layer give no sentences and so no claims.",
        "",
        f"Trained {meta.get('trained')}.",
        "",
    ]
    return "\n".join(lines)
