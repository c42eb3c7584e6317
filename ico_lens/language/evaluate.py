"""``ico-lens eval language``: how good the trained language models are, on data held apart.

Prints

1. the **disclosure detector** against the human ICOBase labels: cross-validated F1 per aspect on the
   development papers (out-of-fold: each paper is scored by heads that never saw it), then the shipped
   model on the held-apart quarter of the papers, each next to the keyword baseline and the noise
   ceiling (share of human positives whose text never mentions the aspect);
2. the detector against **presence derived from the gold labels** (cross-validated, out-of-fold), on
   all gold papers and on the half the tokenomics rules were *not* tuned on (gold slugs sorted, odd
   positions: :func:`ico_lens.evaluate.splits.paper_half`), since the detector reads those rules'
   output; next to the plain facts rule (present = the extracted field is non-empty / true);
3. the **sentence-role classifier** on its held-out papers (per-class and macro F1).

The scores are those of :mod:`ico_lens.evaluate.metrics`. The first run ingests and embeds ~90 papers
(several minutes on a CPU); evidence is cached, so later runs take seconds. Needs ``../shared`` (or
``$ICO_LENS_SHARED``). The command line (``ico-lens eval language``) is in :mod:`ico_lens.cli.eval`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ico_lens.evaluate.metrics import binary_f1, mean, per_label
from ico_lens.evaluate.splits import paper_half
from ico_lens.language.records import DISCLOSURE_ASPECTS

DESCRIPTION = """\
Measure the trained language models on data they were not trained on: disclosure detectors against the
human ICOBase labels (cross-validated, and on held-apart papers) and against presence derived from the
gold labels; the sentence-role classifier on its held-out papers."""


# --- disclosure -------------------------------------------------------------------------------------------


def cross_validated_probabilities(
    evidence, rows, detector_params: dict, *, repeats: int = 5, weight_of=None, question: str = "present"
) -> dict:
    """Out-of-fold P(yes) of ``question``'s heads: ``{aspect: {row index: probability}}``, averaged over ``repeats``.

    ``rows``: ``[{"path", "source", "labels"}]``. Folds are stratified by source and label. Aspects
    without labels (or, for "specified", outside :data:`~ico_lens.language.disclosure.SPECIFIED`) are
    left out.
    """
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from ico_lens.language.disclosure import SPECIFIED, DisclosureDetector

    out: dict = {}
    for aspect in SPECIFIED if question == "specified" else DISCLOSURE_ASPECTS:
        idx = [i for i, r in enumerate(rows) if r["labels"].get(aspect) is not None]
        y = np.array([int(rows[i]["labels"][aspect]) for i in idx], dtype=int)
        if len(set(y)) < 2:
            continue
        strata = [f"{rows[i]['source']}{rows[i]['labels'][aspect]}" for i in idx]
        n_splits = min(5, min(np.bincount(y)))
        probs = np.zeros(len(idx))
        for rep in range(repeats):
            folds = StratifiedKFold(n_splits, shuffle=True, random_state=rep)
            for train, test in folds.split(np.zeros(len(idx)), _safe_strata(strata, n_splits)):
                head_rows = [rows[idx[j]] for j in train]
                weights = [weight_of(r) if weight_of else 1.0 for r in head_rows]
                det = DisclosureDetector(**detector_params).fit_head(
                    aspect, [evidence[r["path"]] for r in head_rows], [r["labels"][aspect] for r in head_rows], weights, question=question
                )
                for j in test:
                    probs[j] += det.probability(aspect, evidence[rows[idx[j]]["path"]], question) / repeats
        out[aspect] = {i: float(p) for i, p in zip(idx, probs)}
    return out


def _safe_strata(strata: list[str], n_splits: int) -> list[str]:
    """Merge strata too small for the folds into their label's stratum."""
    from collections import Counter

    counts = Counter(strata)
    return [s if counts[s] >= n_splits else s[-1] for s in strata]


def aspect_f1(rows, probabilities, threshold: float, source: str | None = None, keep=None) -> dict:
    scores = {}
    for aspect in DISCLOSURE_ASPECTS:
        pairs = [
            (rows[i]["labels"][aspect], p >= threshold)
            for i, p in probabilities.get(aspect, {}).items()
            if (source is None or rows[i]["source"] == source) and (keep is None or keep(rows[i]))
        ]
        scores[aspect] = round(binary_f1([t for t, _ in pairs], [p for _, p in pairs]), 3) if pairs else None
    return scores


#: aspect -> the fact features whose presence defines the gold label (see :mod:`.datasets`): a
#: breakdown read from the text or a table, or one the tokenomics stage saw as a chart
FACTS_RULE = {
    "token_distribution": ("allocation_found", "allocation_pictured"),
    "use_of_funds": ("use_of_funds_found", "use_of_funds_pictured"),
    "vesting": ("team_vesting",),
    "governance": ("governance_rights",),
}


def _facts_rule(evidence, aspect: str) -> bool:
    """The gold definition applied to the extracted facts: the "specified" baseline without a model."""
    return any((evidence.facts or {}).get(name) for name in FACTS_RULE[aspect])


def train_detector(evidence, rows, params: dict):
    """The detector trained on ``rows`` (human and gold, as :func:`evaluate_disclosures` builds them).

    Human rows teach the ``present`` heads; gold rows teach the ``specified`` heads and, with weight
    ``params["gold_weight"]`` (0: not at all), the ``present`` heads through their positives.
    """
    from ico_lens.language.disclosure import DisclosureDetector

    gold_weight = params.get("gold_weight", 1.0)
    head_params = {k: v for k, v in params.items() if k != "gold_weight"}
    labels = [r["labels"] if r["source"] == "human" or gold_weight else {} for r in rows]
    return DisclosureDetector(**head_params).fit(
        [evidence[r["path"]] for r in rows],
        labels,
        sample_weight=[gold_weight if r["source"] == "gold" else 1.0 for r in rows],
        specified=[r.get("specified") for r in rows],
    )


def noise_ceiling(rows, sentences_of) -> dict:
    """Per aspect, two signs of label noise in the human labels.

    ``share``: positives whose text matches none of the aspect's patterns (no text reader can find
    them); ``titled_negatives_share``: negatives with a section of their own on the aspect (a heading
    naming it: sharpe-capital's "Community and Corporate Governance" is labelled "no governance").
    """
    from ico_lens.language.disclosure import ASPECTS

    out = {}
    for aspect, rule in ASPECTS.items():
        positives = [r for r in rows if r["labels"].get(aspect) == 1]
        negatives = [r for r in rows if r["labels"].get(aspect) == 0]
        silent = [
            r["slug"]
            for r in positives
            if not any(rule.broad.search(s.text) or rule.strong.search(s.text) for s in sentences_of(r["path"]))
        ]
        titled = [r["slug"] for r in negatives if any(_is_heading(s.text) and rule.title.search(s.text) for s in sentences_of(r["path"]))]
        out[aspect] = {
            "positives": len(positives),
            "never_mentioned": len(silent),
            "share": round(len(silent) / max(1, len(positives)), 3),
            "slugs": silent,
            "negatives": len(negatives),
            "titled_negatives": len(titled),
            "titled_negatives_share": round(len(titled) / max(1, len(negatives)), 3),
            "titled_negative_slugs": titled,
        }
    return out


_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+|\s*\.*\s*\d+$")


def _is_heading(text: str) -> bool:
    """A short line in title style: a heading of the plain-text papers (which carry no section marks).

    Section numbers and a table of contents' page numbers do not count ("7 Community and Corporate
    Governance 37" is the heading "Community and Corporate Governance").

    >>> _is_heading("7 Community and Corporate Governance 37"), _is_heading("Token holders vote on proposals.")
    (True, False)
    """
    words = _NUMBERING.sub("", text.strip()).split()
    return 0 < len(words) <= 6 and not text.rstrip().endswith((".", ",", ";")) and sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)


def keyword_baseline(rows, documents_of) -> dict:
    """The plain keyword search (:class:`~ico_lens.language.fallback.KeywordDisclosures`) per row."""
    from ico_lens.language.fallback import KeywordDisclosures

    baseline = KeywordDisclosures()
    out = {}
    for i, r in enumerate(rows):
        document, sentences = documents_of(r["path"])
        predicted, _ = baseline.predict(document, sentences)
        out[i] = {a: bool(predicted[a]["present"]) for a in DISCLOSURE_ASPECTS}
    return out


def evaluate_disclosures(shared: Path, *, repeats: int = 5, use_cache: bool = True, log=None, detector_params: dict | None = None) -> dict:
    """All disclosure figures (see the module docstring) as a dictionary."""
    from functools import lru_cache

    from ico_lens.language import datasets
    from ico_lens.language.disclosure import DisclosureDetector, discussed
    from ico_lens.language.sentences import split_sentences
    from ico_lens.paper.ingest import open_document

    params = detector_params or DisclosureDetector.default_params()
    dev, held = datasets.disclosure_rows(shared)
    gold = [r for r in dev if r["source"] == "gold"]
    human = [r for r in dev if r["source"] == "human"] + held

    probe = DisclosureDetector(**{k: v for k, v in params.items() if k in ("model", "max_candidates", "use_facts")})
    paths = sorted({r["path"] for r in dev + held})
    if log:
        log(f"reading {len(paths)} papers (ingest, split, embed candidate sentences; cached after the first run) ...")
    evidence = datasets.document_evidence(
        paths, probe, use_cache=use_cache, progress=(lambda i, n, p: log(f"  {i}/{n} {Path(p).name}")) if log else None
    )

    @lru_cache(maxsize=None)
    def documents_of(path):
        document = open_document(path)
        return document, split_sentences(document)

    # "present" (is the aspect discussed?) learns from the human labels and the gold positives;
    # "specified" (are the concrete terms stated?) from the gold presence. See disclosure.py.
    gold_weight = params.get("gold_weight", 1.0)
    weight_of = lambda r: gold_weight if r["source"] == "gold" else 1.0  # noqa: E731
    head_params = {k: v for k, v in params.items() if k != "gold_weight"}
    dev_human = [r for r in dev if r["source"] == "human"]
    present_rows = dev_human + ([r for r in dev if r["source"] == "gold"] if gold_weight else [])
    specified_rows = [dict(r, labels=r["specified"]) for r in gold]
    if log:
        log(f"cross-validating ({repeats} x 5 folds) ...")
    oof = cross_validated_probabilities(evidence, present_rows, head_params, repeats=repeats, weight_of=weight_of)
    oof_specified = cross_validated_probabilities(evidence, specified_rows, head_params, repeats=repeats, question="specified")
    threshold = head_params.get("threshold", 0.5)
    base_dev = keyword_baseline(dev_human, documents_of)

    # The held-apart papers: the detector trained on all development papers (what ships).
    final = train_detector(evidence, dev, params)
    held_pred = {i: final.predict(evidence[r["path"]]) for i, r in enumerate(held)}
    base_held = keyword_baseline(held, documents_of)

    def f1_rows(rows, predicted):
        return {
            a: round(binary_f1([r["labels"][a] for r in rows], [predicted[i][a] for i in range(len(rows))]), 3) for a in DISCLOSURE_ASPECTS
        }

    # The shipped answer: P(discussed) is at least P(terms stated). The "specified" heads learn from
    # gold papers only, never from the human-labelled ones, so applying them here leaks nothing.
    for aspect in final.specified_heads:
        for i, p in oof.get(aspect, {}).items():
            if present_rows[i]["source"] == "human":
                oof[aspect][i] = discussed(p, final.probability(aspect, evidence[present_rows[i]["path"]], "specified"))
    cv_human = aspect_f1(present_rows, oof, threshold, "human")
    # The tokenomics rules were tuned on the even positions of the sorted gold slugs: the odd half is
    # the honest figure for a detector that reads their output.
    gold_slugs = [p.stem for p in (shared / "corpus" / "gold" / "whitepapers").glob("*.json")]
    in_half = lambda half: (lambda r: paper_half(r["slug"], gold_slugs) == half)  # noqa: E731
    facts_rule = {
        a: {i: float(_facts_rule(evidence[r["path"]], a)) for i, r in enumerate(specified_rows) if r["labels"].get(a) is not None}
        for a in FACTS_RULE
    }

    def gold_block(probabilities, half=None):
        keep = in_half(half) if half else None
        scores = {a: v for a, v in aspect_f1(specified_rows, probabilities, threshold, "gold", keep).items() if a in FACTS_RULE}
        pairs = [
            (specified_rows[i]["labels"][a], p >= threshold)
            for a in FACTS_RULE
            for i, p in probabilities.get(a, {}).items()
            if (keep is None or keep(specified_rows[i])) and scores[a] is not None
        ]
        papers = sum(1 for r in specified_rows if keep is None or keep(r))
        micro = binary_f1([t for t, _ in pairs], [p for _, p in pairs]) if pairs else 0.0
        return {"f1": scores, "macro_f1": round(mean(scores.values()), 3), "micro_f1": round(micro, 3), "papers": papers}

    has_facts = all(evidence[r["path"]].facts is not None for r in dev)
    held_f1 = f1_rows(held, {i: {a: v["present"] for a, v in p.items()} for i, p in held_pred.items()})
    baseline_dev = f1_rows(dev_human, base_dev)
    baseline_held = f1_rows(held, base_held)
    return {
        "papers": {"human_dev": len(dev_human), "human_held_out": len(held), "gold": len(gold)},
        "params": params,
        "cv_repeats": repeats,
        "human_cv": {"f1": cv_human, "macro_f1": round(mean(cv_human.values()), 3)},
        "human_cv_keyword_baseline": {"f1": baseline_dev, "macro_f1": round(mean(baseline_dev.values()), 3)},
        "human_held_out": {"f1": held_f1, "macro_f1": round(mean(held_f1.values()), 3), "slugs": [r["slug"] for r in held]},
        "human_held_out_keyword_baseline": {"f1": baseline_held, "macro_f1": round(mean(baseline_held.values()), 3)},
        "gold_cv": gold_block(oof_specified),
        "gold_cv_held_half": gold_block(oof_specified, "held"),
        "gold_cv_tuned_half": gold_block(oof_specified, "tuned"),
        "gold_facts_rule": gold_block(facts_rule) if has_facts else None,
        "gold_facts_rule_held_half": gold_block(facts_rule, "held") if has_facts else None,
        "noise_ceiling": noise_ceiling(human, lambda p: documents_of(p)[1]),
    }


# --- sentence roles ---------------------------------------------------------------------------------------


def sentence_role_scores(y_true, y_pred) -> dict:
    """Precision, recall, F1 and support per role, their macro F1, the accuracy and the count."""
    from ico_lens.language.records import SENTENCE_LABELS

    per_class = per_label(y_true, y_pred, SENTENCE_LABELS)
    accuracy = sum(1 for t, p in zip(y_true, y_pred) if t == p) / max(1, len(y_true))
    macro_f1 = mean(m["f1"] for m in per_class.values())
    return {"per_class": per_class, "macro_f1": round(macro_f1, 3), "accuracy": round(accuracy, 3), "n": len(y_true)}


def evaluate_sentence_roles(classifier=None) -> dict:
    """The shipped (or given) classifier on the held-out papers of ``sentence_roles.jsonl``."""
    from ico_lens.language import datasets
    from ico_lens.language.classify import SentenceRoleClassifier

    rows = [r for r in datasets.load_sentence_roles() if r["split"] == "test"]
    clf = classifier or SentenceRoleClassifier.load()
    predicted = clf.predict([r["text"] for r in rows])
    scores = sentence_role_scores([r["label"] for r in rows], predicted)
    scores["papers"] = len({r["source"] for r in rows})
    return scores


# --- rendering --------------------------------------------------------------------------------------------


def render(report: dict) -> str:
    lines = []
    d = report.get("disclosure")
    if d:
        short = {"token_distribution": "token_dist", "use_of_funds": "use_funds", "lockup": "lockup", "vesting": "vesting", "risk": "risk", "governance": "governance"}
        head = f"{'':34s}" + "".join(f"{short[a]:>11s}" for a in DISCLOSURE_ASPECTS) + f"{'macro':>8s}"
        lines.append(f"Disclosure detectors (papers: {d['papers']['human_dev']} human-labelled dev, {d['papers']['human_held_out']} held apart, {d['papers']['gold']} gold)")
        lines.append("\"present\" heads (is the aspect discussed?) against the human ICOBase labels")
        lines.append(head)

        def row(name, block):
            vals = "".join(f"{block['f1'][a]:>11.2f}" if block["f1"].get(a) is not None else f"{'-':>11s}" for a in DISCLOSURE_ASPECTS)
            return f"{name:34s}{vals}{block['macro_f1']:>8.2f}"

        lines.append(row(f"human labels, CV ({d['cv_repeats']}x5-fold) F1", d["human_cv"]))
        lines.append(row("  keyword baseline, same papers", d["human_cv_keyword_baseline"]))
        lines.append(row("human labels, held-apart F1", d["human_held_out"]))
        lines.append(row("  keyword baseline, same papers", d["human_held_out_keyword_baseline"]))
        lines.append("")
        lines.append("\"specified\" heads (are the concrete terms stated?) against presence derived from the gold labels")
        lines.append(row(f"gold presence, CV F1 (all {d['gold_cv']['papers']})", d["gold_cv"]) + f"   (micro {d['gold_cv']['micro_f1']:.2f})")
        held = d.get("gold_cv_held_half")
        if held:
            lines.append(row(f"  held half ({held['papers']}, not tuned)", held) + f"   (micro {held['micro_f1']:.2f})")
            tuned = d["gold_cv_tuned_half"]
            lines.append(row(f"  tuned half ({tuned['papers']})", tuned) + f"   (micro {tuned['micro_f1']:.2f})")
        rule = d.get("gold_facts_rule_held_half")
        if rule:
            lines.append(row("  facts rule alone, held half", rule) + f"   (micro {rule['micro_f1']:.2f})")
        ceiling = d["noise_ceiling"]
        vals = "".join(f"{ceiling[a]['share']:>11.0%}" for a in DISCLOSURE_ASPECTS)
        lines.append("")
        lines.append(f"{'human positives never mentioned':34s}{vals}")
        lines.append("  (a detector that reads the text cannot find those: the noise ceiling of the human labels)")
        vals = "".join(f"{ceiling[a]['titled_negatives_share']:>11.0%}" for a in DISCLOSURE_ASPECTS)
        lines.append(f"{'human negatives with a heading on it':34s}{vals}")
    s = report.get("sentence_roles")
    if s:
        if lines:
            lines.append("")
        lines.append(f"Sentence roles, held-out papers ({s['n']} sentences from {s['papers']} papers)")
        lines.append(f"{'':18s}{'precision':>10s}{'recall':>8s}{'f1':>7s}{'n':>5s}")
        for label, m in s["per_class"].items():
            lines.append(f"{label:18s}{m['precision']:>10.2f}{m['recall']:>8.2f}{m['f1']:>7.2f}{m['support']:>5d}")
        lines.append(f"{'macro F1':18s}{s['macro_f1']:>25.2f}   accuracy {s['accuracy']:.2f}")
    return "\n".join(lines)
