"""``ico-lens predict --db corpus.db --outcome success --features a,b``: cross-validated prediction."""

from __future__ import annotations

import argparse
import csv
import sys

DESCRIPTION = """\
How well do features of the white papers predict an outcome of projects the model has not seen?
Cross-validation with folds by project (a project never sits in both the training and the test part of
a fold): ROC AUC for a binary (0/1) outcome, R² for any other, per fold and averaged. The default model
is a logistic regression (binary) or a ridge regression, on standardised features; --model forest takes
a random forest. Each feature's permutation importance (the drop of the held-out score when its values
are shuffled) is measured on each held-out fold and averaged. Projects missing the outcome or a feature
are left out (listwise) and counted."""

EPILOG = """\
examples:
  ico-lens predict --db corpus.db --outcome success --features insider_share,word_count,disclosed_risk
  ico-lens predict --db corpus.db --outcome log_raised_usd --features hhi,pages --folds 3 --json
  ico-lens predict --db corpus.db --outcome success --features insider_share --csv held_out.csv
  ico-lens predict --db corpus.db --outcome log_raised_usd --features hhi,pages,rate_money --model forest

--csv writes each project's out-of-fold prediction: key, name, fold, observed, predicted.
exit codes: 0 done, 2 bad input (no such store or column, too few projects, one class only)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE", help="the feature store (made by ico-lens batch)")
    parser.add_argument("--outcome", required=True, metavar="NAME", help="the outcome (log_raised_usd, success, ... or any column)")
    parser.add_argument("--features", required=True, action="append", metavar="A,B,C", help="feature columns, comma-separated (repeatable)")
    parser.add_argument("--model", choices=("linear", "forest"), default="linear",
                        help="linear: logistic / ridge regression on standardised features (default); forest: random forest")
    parser.add_argument("--folds", type=_at_least_two, default=5, metavar="N", help="cross-validation folds (default 5)")
    parser.add_argument("--repeats", type=_positive, default=10, metavar="N", help="shuffles per feature and fold for the importance (default 10)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="random seed of the folds and the shuffles (default 0)")
    parser.add_argument("--json", action="store_true", help="the full result as JSON")
    parser.add_argument("--csv", metavar="FILE", help="write each project's out-of-fold prediction to FILE")


def _at_least_two(text: str) -> int:
    if not text.isdigit() or int(text) < 2:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 2, not {text!r}")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from ico_lens.report.stats import render_prediction
    from ico_lens.stats.data import split_names
    from ico_lens.stats.predict import predict
    from ico_lens.store import load_features

    frame = load_features(args.db)
    result = predict(frame, args.outcome, split_names(args.features), estimator=args.model, folds=args.folds, repeats=args.repeats,
                     random_state=args.seed)
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["key", "name", "fold", "observed", "predicted"])
            for h in result.held_out:
                writer.writerow([h.key, h.name or "", h.fold, h.observed, h.predicted])
        print(f"ico-lens predict: wrote {args.csv} ({len(result.held_out)} projects)", file=sys.stderr)
    print(result.to_json() if args.json else render_prediction(result))
    return 0
