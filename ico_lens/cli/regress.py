"""``ico-lens regress --db corpus.db --outcome log_raised_usd --features a,b``: a paper-style table."""

from __future__ import annotations

import argparse
import json
import sys

DESCRIPTION = """\
Regress an outcome of the feature store (imported with ico-lens outcomes import) on features of its
features view, with statsmodels: OLS or logit, robust (HC1 by default) or clustered standard errors,
categorical controls. Repeat --features for several models printed side by side, as a paper's table.
Projects missing the outcome, a feature or a control are dropped (listwise) and counted in the table."""

EPILOG = """\
examples:
  ico-lens regress --db corpus.db --outcome log_raised_usd --features retained_share,alloc_public_sale
  ico-lens regress --db corpus.db --outcome log_raised_usd --features retained_share \\
      --features retained_share,word_count,disclosed_risk --controls year -o table.tex
  ico-lens regress --db corpus.db --outcome success --model logit --features insider_share --cluster country

features: any numeric column of the features view (ico-lens export --db corpus.db lists them), and
log_words and risk_rate (every risk dictionary's rate together);
outcomes and controls by their name without outcome_ (log_raised_usd, success, year, platform).
-o FILE writes the table as .csv, .tex (LaTeX), .html or .txt.
exit codes: 0 fitted, 2 bad input (no store, an unknown column, too few complete projects)"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE", help="the feature store")
    parser.add_argument("--outcome", required=True, metavar="NAME", help="the outcome: log_raised_usd, success, ...")
    parser.add_argument("--features", action="append", required=True, metavar="A,B,...",
                        help="regressors of one model, comma-separated (repeat for models side by side)")
    parser.add_argument("--model", choices=("ols", "logit"), default="ols", help="ols (default) or logit for a 0/1 outcome")
    parser.add_argument("--robust", default="HC1", choices=("HC0", "HC1", "HC2", "HC3", "nonrobust"),
                        help="heteroskedasticity-robust standard errors (default HC1)")
    parser.add_argument("--cluster", metavar="COLUMN", help="cluster standard errors by this column")
    parser.add_argument("--controls", default="", metavar="A,B", help="categorical controls (fixed effects): year, platform, country")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the table (.csv, .tex, .html, .txt)")
    parser.add_argument("--json", action="store_true", help="print the models as JSON instead of the table")


def run(args: argparse.Namespace) -> int:
    from ico_lens.stats.data import features_frame, split_names
    from ico_lens.stats.regress import regress, regression_table, table_notes, write_table

    frame = features_frame(args.db)
    controls = split_names(args.controls)
    fits = [regress(frame, args.outcome, split_names(features), model=args.model, robust=args.robust,
                    cluster=args.cluster, controls=controls) for features in args.features]
    table = regression_table(fits)
    if args.output:
        write_table(table, args.output)
        print(f"ico-lens regress: wrote {args.output}", file=sys.stderr)
    if args.json:
        print(json.dumps([fit.to_dict() for fit in fits], indent=2))
        return 0
    print(table.as_text())
    for line in table_notes(fits):
        print(line)
    for fit in fits:
        for warning in fit.warnings:
            print(f"ico-lens regress: warning: {warning}", file=sys.stderr)
    return 0
