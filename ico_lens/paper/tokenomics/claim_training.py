"""Train :class:`~ico_lens.paper.tokenomics.claim_classifier.ClaimSentenceClassifier` on the tune papers.

``python -m ico_lens.cli.train_claims`` (needs ``../shared``) writes ``models/claim_sentences.json`` and
its card ``models/claim_sentences.md``. Only the ``tune`` papers of ``splits.csv`` are read (their gold
file and the paper record the pipeline builds, :func:`ico_lens.paper.ingest.open_document`); held
papers are never opened.

Units are windows (:class:`~ico_lens.paper.tokenomics.claim_classifier.Window`: a sentence with its
neighbours on the page). Labels, one class per value of a claim plus "neither": a window is of class
``value`` when its central sentence matches one of the gold evidence quotes ``evidence["claims.<claim>"]``
of a paper whose gold value is ``value`` (page +-1, leniently: most of the quote's word bigrams in the
sentence, or a quote spanning two sentences found in the window with a part of it in the centre); the
windows next to such a window are of that class too, with a lower weight (their neighbour states it).
Every other window is "neither" - those of papers silent on the claim, and, down-weighted, the unquoted
ones of papers that state it (a paper may say it twice). So a denial ("no voting or governance rights",
gold ``false``) is its own class, not a negative lumped with the silent windows.

Thresholds: leave-papers-out (9 folds of whole papers) predictions of every tune paper; the paper's
score for a head is its best window's out-of-fold probability. A one-feature logistic calibration maps
that score to P(paper states claim=value); the threshold is the lowest calibrated confidence at which
the fallback, applied to the papers where the rules were silent, is right at least ``min_precision`` of
the time and gains more right than it adds wrong (else the head is disabled, threshold > 1).
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
    normalise,
    window_features,
    windows_of,
)

#: a head is trained only when this many tune papers state its value with a quote that matched
MIN_POSITIVE_PAPERS = 4
#: weight of the unquoted windows of a paper that states the claim (they may state it again)
SAME_PAPER_NEGATIVE_WEIGHT = 0.3
#: weight of a window next to a quoted one, as a positive (its neighbour states the claim)
NEAR_POSITIVE_WEIGHT = 0.5
#: share of a quote's word bigrams a sentence must hold to be what the quote quotes (lenient: PDFs
#: hyphenate, drop ligatures and reflow columns, so a quote and its sentence rarely agree word for word)
QUOTE_SHARE = 0.5
#: a threshold is never below this calibrated confidence, and must be right on at least MIN_RIGHT
#: tune papers out of fold (a lucky paper or two is no evidence)
MIN_THRESHOLD = 0.5
MIN_RIGHT = 3
#: weights smaller than this are dropped (they move no score by more than a rounding error; the
#: shipped file stays small)
MIN_WEIGHT = 0.01
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
        if shared / len(q) >= QUOTE_SHARE or (len(s) >= 4 and shared / len(s) >= 0.7):
            return True
    return False


def quote_spans_window(window, quote: str) -> bool:
    """A quote that runs over two sentences: most of it is in the window's text and at least three of
    its bigrams are in the centre."""
    centre = _bigrams(window.center.text)
    for fragment in re.split(r"\.\.\.|…|\[\.\.\.\]", quote):
        q = _bigrams(fragment)
        if len(q) >= 6 and len(q & centre) >= 3 and len(q & _bigrams(window.text)) / len(q) >= 0.6:
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
    """The candidate windows of one paper and, per head key, its positive windows (see
    :func:`examples_from_units`)."""
    from ico_lens.paper.tokenomics.claims.base import claim_units

    return examples_from_units(list(claim_units(document)), gold)


def examples_from_units(units: list, gold: dict) -> dict:
    """``windows`` of the paper's units; per head key ``positives`` (windows whose centre is quoted) and
    ``near`` (the windows next to those); the gold ``claims``."""
    windows = windows_of(units)
    positives: dict[str, list[int]] = {}
    near: dict[str, list[int]] = {}
    for claim, values in CANDIDATE_HEADS.items():
        value = gold.get("claims", {}).get(claim)
        if value not in values:
            continue
        quotes = [parse_quote(q) for q in _as_list(gold.get("evidence", {}).get(f"claims.{claim}"))]
        hits = [i for i, w in enumerate(windows)
                if any(quote_matches(w.center.text, q) or quote_spans_window(w, q)
                       for page, q in quotes if page is None or abs(w.page - page) <= 1)]
        key = f"{claim}={json.dumps(value)}"
        positives[key] = hits
        near[key] = sorted({j for i in hits for j in (i - 1, i + 1)
                            if 0 <= j < len(windows) and j not in hits and windows[j].page == windows[i].page})
    return {"windows": windows, "positives": positives, "near": near, "claims": dict(gold.get("claims", {}))}


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def read_tune(shared: Path, progress: bool = True) -> list[dict]:
    """Every tune paper as its slug, claim units (the paper record's sentences), gold file and the
    rules' own claims (what the fallback would add to). Held papers are never opened."""
    from ico_lens.errors import IcoLensError
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.claims import detect_claims
    from ico_lens.paper.tokenomics.claims.base import claim_units

    records = []
    for slug, gold_file, pdf in tune_papers(shared):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        try:
            document = open_document(pdf)
        except IcoLensError as exc:
            _log(f"  {slug}: {exc}")
            continue
        rules = {name: r.value for name, r in detect_claims(document, fallback=False).items()}
        records.append({"slug": slug, "units": list(claim_units(document)), "gold": gold, "rules": rules})
        if progress:
            _log(f"  {slug}: {len(records[-1]['units'])} units")
    return records


def load_tune(shared: Path, progress: bool = True, records: list[dict] | None = None) -> list[dict]:
    """Every tune paper as :func:`examples_from_units` plus its slug and the rules' own claims."""
    papers = []
    for record in records if records is not None else read_tune(shared, progress):
        example = examples_from_units(record["units"], record["gold"])
        example["slug"], example["rules"] = record["slug"], record["rules"]
        papers.append(example)
    return papers


def _head_keys(papers: list[dict]) -> list[tuple[str, Any]]:
    """(claim, value) of every head with positives in at least :data:`MIN_POSITIVE_PAPERS` papers."""
    keys = []
    for claim, values in CANDIDATE_HEADS.items():
        for value in values:
            key = f"{claim}={json.dumps(value)}"
            n = sum(1 for p in papers if p["positives"].get(key))
            if n >= MIN_POSITIVE_PAPERS:
                keys.append((claim, value))
    return keys


def _claims_of(keys) -> dict[str, list]:
    """claim -> its trained values, in head order (the classes 1..k of the claim's model)."""
    out: dict[str, list] = {}
    for claim, value in keys:
        out.setdefault(claim, []).append(value)
    return out


def _labels(papers: list[dict], claim: str, values: list):
    """Classes (0 "neither", ``1 + values.index(v)`` for a window stating ``v``) and sample weights of
    one claim over the concatenated windows of ``papers``; windows whose centre has no cue word of the
    claim (:data:`CUES`) weigh 0 (the model never sees them)."""
    import numpy as np

    cue = CUES.get(claim)
    y, w = [], []
    for p in papers:
        label = [0] * len(p["windows"])
        weight = [1.0] * len(p["windows"])
        for k, value in enumerate(values, start=1):
            key = f"{claim}={json.dumps(value)}"
            if key not in p["positives"]:
                continue
            weight = [SAME_PAPER_NEGATIVE_WEIGHT] * len(p["windows"])  # the paper states the claim
            for i in p["near"].get(key, []):
                label[i], weight[i] = k, NEAR_POSITIVE_WEIGHT
            for i in p["positives"][key]:
                label[i], weight[i] = k, 1.0
        for i, window in enumerate(p["windows"]):
            y.append(label[i])
            w.append(weight[i] if cue is None or cue.search(window.center.text) else 0.0)
    return np.asarray(y), np.asarray(w)


def _fit_claim(clf: ClaimSentenceClassifier, X, y, w, claim: str, values: list) -> list[Head]:
    """One (multinomial) logistic regression over "neither" and the claim's values; one :class:`Head` per
    value holding its weights relative to "neither" (whose logit is then 0). A value with no positive
    window in ``y`` gets an empty head (never wins)."""
    from sklearn.linear_model import LogisticRegression

    present = sorted(set(int(c) for c in y))
    heads = [Head(claim, value, {}, -30.0) for value in values]
    if len(present) < 2 or present[0] != 0:
        return heads
    model = LogisticRegression(C=clf.C, class_weight="balanced", max_iter=3000)
    model.fit(X, y, sample_weight=w)
    coef, intercept = model.coef_, model.intercept_
    if len(present) == 2:  # binary: one row, class present[1] against "neither"
        rows = {present[1]: (coef[0], intercept[0])}
    else:
        rows = {c: (coef[r] - coef[0], intercept[r] - intercept[0]) for r, c in enumerate(model.classes_) if c}
    for c, (weights, b) in rows.items():
        heads[c - 1] = Head(claim, values[c - 1], {int(j): round(float(x), 4) for j, x in enumerate(weights) if abs(x) >= MIN_WEIGHT},
                            round(float(b), 5))
    return heads


def _fit_head(clf: ClaimSentenceClassifier, X, y, w, claim, value) -> Head:
    """A single binary head (``y`` 1 / 0): :func:`_fit_claim` with one value."""
    return _fit_claim(clf, X, y, w, claim, [value])[0]


def out_of_fold_scores(papers: list[dict], keys, clf: ClaimSentenceClassifier, X, folds: int = FOLDS,
                       progress: bool = True) -> dict[str, list[tuple[float, int]]]:
    """Leave-papers-out: ``folds`` groups of whole papers (a paper's windows are never split); per head
    key, each paper's (best out-of-fold window score, index of that window). ``X``: the windows of
    ``papers`` in order, featurised with ``clf``'s vocabulary (which is unsupervised: fitted on the
    windows of all tune papers, no labels)."""
    import numpy as np

    sizes = [len(p["windows"]) for p in papers]
    starts = np.cumsum([0] + sizes)
    paper_of_row = np.repeat(np.arange(len(papers)), sizes)
    fold_of_paper = [k % folds for k in range(len(papers))]  # papers in splits.csv order, dealt round
    out: dict[str, list[tuple[float, int]]] = {f"{c}={json.dumps(v)}": [(0.0, -1)] * len(papers) for c, v in keys}
    labels = {claim: _labels(papers, claim, values) for claim, values in _claims_of(keys).items()}
    for f in range(folds):
        test_papers = [k for k in range(len(papers)) if fold_of_paper[k] == f]
        train_rows = np.flatnonzero([fold_of_paper[k] != f for k in paper_of_row])
        for claim, values in _claims_of(keys).items():
            y, w = labels[claim]
            rows = train_rows[w[train_rows] > 0]
            heads = _fit_claim(clf, X[rows], y[rows], w[rows], claim, values)
            scorer = ClaimSentenceClassifier(C=clf.C)
            scorer.vocabulary, scorer.idf, scorer.heads = clf.vocabulary, clf.idf, heads
            for k in test_papers:
                if not sizes[k]:
                    continue
                cued = w[starts[k]:starts[k + 1]] > 0
                probs = scorer.scores_of(X[starts[k]:starts[k + 1]])
                for h, head in enumerate(heads):
                    col = probs[:, h] * cued
                    i = int(np.argmax(col))
                    out[f"{claim}={json.dumps(head.value)}"][k] = (float(col[i]), i)
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
    """The threshold at which the head, out of fold, is precise both where it would act and on every
    paper, and gains most (right - 2 x wrong on all papers; the lowest such); returns (threshold, the
    figures at it). 1.01 disables the head.

    At the threshold: (1) on the papers where the rules were silent (where the fallback acts), the fires
    are right at least ``min_precision`` of the time and right - 2 x wrong >= 0 (a false "stated" costs
    more than an abstention; firing on none of them is allowed); (2) on all tune papers - the head
    alone, as if no rule had read them - the fires are right at least ``min_precision`` of the time on
    at least :data:`MIN_RIGHT` papers. (2) is the evidence that the head reads the claim: the rules
    were written on the tune papers, so the tune papers they leave silent hardly ever state the claim
    (one or two per claim) and cannot show it alone; on unseen papers they miss it far more often."""
    papers = list(zip(confidences, gold_values, rule_values))
    silent_count = sum(1 for _, _, r in papers if r is None)
    best = (1.01, _fires_at(papers, 1.01, value) | {"silent_papers": silent_count})
    best_gain = 0
    for t in sorted({c for c, _, _ in papers if c >= MIN_THRESHOLD}):
        figures = _fires_at(papers, t, value)
        silent_ok = figures["fires"] == 0 or (figures["right"] / figures["fires"] >= min_precision
                                               and figures["right"] - 2 * figures["wrong"] >= 0)
        all_ok = figures["all_right"] >= MIN_RIGHT and figures["all_right"] / figures["all_fires"] >= min_precision
        gain = figures["all_right"] - 2 * figures["all_wrong"]  # of the thresholds that qualify, the best trade
        if silent_ok and all_ok and gain > best_gain:
            best_gain = gain
            # halfway down to the next lower confidence: a little margin, still below every fired paper
            lower = [c for c, _, _ in papers if c < t]
            cut = (t + max(lower)) / 2 if lower else t
            best = (math.floor(max(cut, MIN_THRESHOLD) * 1000) / 1000, figures | {"silent_papers": silent_count})
    return best


def _fires_at(papers: list[tuple], threshold: float, value) -> dict:
    """Fires / right / wrong at ``threshold`` on the rule-silent papers and (``all_``) on all papers."""
    fired = [(g, r) for c, g, r in papers if c >= threshold]
    silent = [g for g, r in fired if r is None]
    return {"fires": len(silent), "right": sum(1 for g in silent if g == value),
            "wrong": sum(1 for g in silent if g != value),
            "all_fires": len(fired), "all_right": sum(1 for g, _ in fired if g == value),
            "all_wrong": sum(1 for g, _ in fired if g != value)}


def paper_level_figures(confidences: list[float], truth: list[int], threshold: float) -> dict:
    tp = sum(1 for c, t in zip(confidences, truth) if c >= threshold and t)
    fp = sum(1 for c, t in zip(confidences, truth) if c >= threshold and not t)
    pos = sum(truth)
    return {"papers": len(truth), "positive_papers": pos, "tp": tp, "fp": fp,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / pos, 3) if pos else None}


def train(shared: str | Path, out_dir: str | Path, *, C: float = 4.0, min_df: int = 3, min_precision: float = 0.8,
          progress: bool = True, papers: list[dict] | None = None, records: list[dict] | None = None) -> ClaimSentenceClassifier:
    """Train on the tune papers of ``shared``, choose thresholds by leave-papers-out CV, and write
    ``claim_sentences.json`` and ``claim_sentences.md`` into ``out_dir``."""
    import numpy as np

    shared, out_dir = Path(shared), Path(out_dir)
    started = time.perf_counter()
    if papers is None:
        _log("reading the tune papers ...")
        papers = load_tune(shared, progress, records)
    keys = _head_keys(papers)
    params = {"C": C, "min_df": min_df, "min_precision": min_precision}
    clf = ClaimSentenceClassifier(**params)
    features = [[window_features(w) for w in p["windows"]] for p in papers]
    clf.fit_vocabulary(features)
    X = clf.transform([c for paper in features for c in paper])
    _log(f"{len(papers)} papers, {X.shape[0]} windows, {X.shape[1]} features; heads: "
         f"{', '.join(f'{c}={v}' for c, v in keys)}; {FOLDS}-fold leave-papers-out ...")
    oof = out_of_fold_scores(papers, keys, clf, X, FOLDS, progress)
    for claim, values in _claims_of(keys).items():
        y, w = _labels(papers, claim, values)
        rows = np.flatnonzero(w > 0)
        for k, head in enumerate(_fit_claim(clf, X[rows], y[rows], w[rows], claim, values), start=1):
            value = head.value
            key = f"{claim}={json.dumps(value)}"
            scores = [s for s, _ in oof[key]]
            truth = [int(p["claims"].get(claim) == value) for p in papers]
            head.calibration = calibrate(scores, truth)
            confidences = [head.confidence(s) for s in scores]
            gold_values = [p["claims"].get(claim) for p in papers]
            rule_values = [p["rules"].get(claim) for p in papers]
            head.threshold, fallback = choose_threshold(confidences, gold_values, rule_values, value, min_precision)
            head.metrics = {
                "positive_windows": int((y == k).sum()),
                "positive_papers": sum(1 for p in papers if p["positives"].get(key)),
                "stated_papers": sum(truth),
                "lopo_all_papers_at_threshold": paper_level_figures(confidences, truth, head.threshold),
                "lopo_all_papers_at_0.5": paper_level_figures(confidences, truth, 0.5),
                "lopo_fallback_on_rule_silent_papers": fallback,
                "lopo_best_window_is_gold": _best_is_gold(papers, oof[key], key, confidences, head.threshold),
            }
            clf.heads.append(head)
            _log(f"  {key}: threshold {head.threshold}, fallback {fallback}")
    clf.metadata = {
        "trained": _dt.date.today().isoformat(),
        "data": "tune papers of ../shared/splits.csv (corpus/gold/whitepapers + papers/gold), gold evidence quotes",
        "papers": len(papers),
        "windows": sum(len(p["windows"]) for p in papers),
        "window": "a sentence with its previous and next statement unit on the same page",
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
    """Of the papers where the head fires and is right, how often its best window's centre is quoted."""
    fired = [(p, i) for p, (s, i), c in zip(papers, oof_key, confidences) if c >= threshold and p["positives"].get(key) is not None]
    return {"right_papers": len(fired), "best_window_quoted": sum(1 for p, i in fired if i in p["positives"][key])}


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
        "left unset, every *window* of the paper record (a sentence of the ligature-repaired `claim_units`,",
        "5+ words, <= 600 characters, with its previous and next such unit on the same page) whose central",
        "sentence has a cue word of the claim is scored by the claim's model; when the best window's calibrated",
        "confidence for a value reaches that head's threshold, the claim is set to the value with the window's",
        "central sentence as page evidence and the calibrated confidence. It never overrides a rule.",
        "",
        "## Data",
        f"- {meta.get('papers')} tune papers of `../shared/splits.csv` only ({meta.get('windows')} windows); held papers are never read.",
        "- classes per claim: \"neither\" and each value (supply_fixed true / false, governance_rights grants /",
        "  denies, unsold_tokens burned / kept, ...): a window is of class `value` when its central sentence matches",
        "  a gold evidence quote `evidence[\"claims.<claim>\"]` of a paper whose gold value is `value` (page +-1,",
        f"  >= {QUOTE_SHARE:.0%} of the quote's word bigrams, or a quote over two sentences found in the window);",
        f"  the windows next to it are of that class with weight {NEAR_POSITIVE_WEIGHT};",
        f"- \"neither\": every other window (those of papers stating the claim but not quoted weigh {SAME_PAPER_NEGATIVE_WEIGHT}).",
        f"- a value gets a head when >= {MIN_POSITIVE_PAPERS} tune papers give a matching window.",
        "",
        "## Features and model",
        "TF-IDF (sublinear tf, idf by window, l2) of: the central sentence's word 1-2-grams and within-word",
        "character 3-5-grams (lower case, digits as 0); the neighbours' words (`x:`); the words within six",
        "words after a negator (`n:`, \"no governance rights\" -> `n:governance`, `n:rights`); which claim rules'",
        "own `PATTERNS` fire in the window (`p:governance_rights.denied`) and in the centre (`q:...`); a hedge",
        f"in the centre (`h:hedged`). Features in >= {clf.min_df} papers ({meta.get('features')} features).",
        f"One L2 logistic regression per claim (multinomial over \"neither\" and the values), C={clf.C}, classes",
        "balanced; each head stores its value's weights relative to \"neither\". Paper score = best window's",
        "probability; confidence = sigmoid(a * logit(score) + b) fitted on leave-papers-out scores.",
        "",
        "## Threshold choice (9-fold leave-papers-out on the tune papers)",
        "Per head: of the confidences at which, out of fold, (1) filling the papers where the *rules were",
        f"silent* is right >= {clf.min_precision:.0%} of its fires with right - 2 x wrong >= 0 (no fire allowed), and (2) on *all*",
        f"tune papers (the head alone) it is right >= {clf.min_precision:.0%} of its fires on >= {MIN_RIGHT} papers; a head with no",
        "such threshold is disabled (threshold 1.01); else the one with the best right - 2 x wrong on all papers. (2) is needed because the rules were written on the tune",
        "papers: the ones they leave silent state a claim once or twice at most, too few to show a head works.",
        "",
        "| head | stated papers | threshold | LOPO all papers P / R at threshold | LOPO P / R at 0.5 | rule-silent papers: fires / right / wrong (of n) | all papers: fires / right / wrong |",
        "|---|---:|---:|---|---|---|---|",
    ]
    for h in clf.heads:
        m = h.metrics
        a, b, f = m["lopo_all_papers_at_threshold"], m["lopo_all_papers_at_0.5"], m["lopo_fallback_on_rule_silent_papers"]
        lines.append(f"| {h.key} | {m['stated_papers']} | {h.threshold} | {a['precision']} / {a['recall']} | "
                     f"{b['precision']} / {b['recall']} | {f['fires']} / {f['right']} / {f['wrong']} (of {f['silent_papers']}) | "
                     f"{f.get('all_fires')} / {f.get('all_right')} / {f.get('all_wrong')} |")
    lines += [
        "",
        "## Limits",
        "- Tiny training data (a few to twenty positive papers per head): the thresholds rest on a handful of",
        "  papers and the figures above are noisy; the held part is the real test (`ico-lens eval extraction`).",
        "- Negation is a six-word scope after a negator, not a parse: \"not only fixed but also\" reads as denied,",
        "  a denial far from its subject is missed; the denial classes rest on 6-8 tune papers each.",
        "- A window is three units of one page: a subject on the previous page or in a table cell is not seen.",
        "- Trained against the rules of its day: when the rules improve, the rule-silent papers change and",
        "  the thresholds should be re-chosen (re-run the command).",
        "- English only; papers without a text layer give no sentences and so no claims.",
        "",
        f"Trained {meta.get('trained')}.",
        "",
    ]
    return "\n".join(lines)
