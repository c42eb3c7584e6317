"""``ico-lens eval TARGET``: measure a stage against gold labels.

Each target is an evaluator module (its ``DESCRIPTION`` and library functions), registered in
:data:`EVALUATIONS`; its command line (the arguments and the call) is here, in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ico_lens.errors import InputError

HELP = "measure ico_lens against gold labels"
DESCRIPTION = "Measure a stage of ico_lens against hand-made gold labels and list the misses."

#: target -> (module, help)
EVALUATIONS: dict[str, tuple[str, str]] = {
    "extraction": ("ico_lens.paper.evaluate", "white-paper extraction (allocation, supply, claims)"),
    "contracts": ("ico_lens.contract.evaluate", "contract facts (mint, burn, pause, ...)"),
    "language": ("ico_lens.language.evaluate", "disclosure detectors against human labels"),
    "alignment": ("ico_lens.align.evaluate", "claim-code alignment verdicts against those the gold labels imply"),
}


# --- extraction -----------------------------------------------------------------------------------------


def _extraction_arguments(parser: argparse.ArgumentParser) -> None:
    from ico_lens.evaluate.splits import PAPER_HALVES

    parser.add_argument("--shared", metavar="DIR", help="all labelled papers of the shared data directory (corpus/ and papers/, parts from splits.csv)")
    parser.add_argument("--gold", action="append", default=[], metavar="DIR", help="gold labels: a directory of <slug>.json (corpus/gold/whitepapers); repeat with --papers for more corpora")
    parser.add_argument("--papers", action="append", default=[], metavar="DIR", help="the papers: <slug>.pdf (corpus/whitepapers), one per --gold")
    parser.add_argument("--splits", metavar="FILE", help="splits.csv: report its tune and held parts (default with --shared; else the fixed halves)")
    parser.add_argument("--slugs", nargs="+", metavar="SLUG", help="only these papers")
    parser.add_argument("--split", choices=("tune", *PAPER_HALVES), help="only one part: tune / held (splits.csv) or tuned / held (halves)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--no-misses", action="store_true", help="do not list the misses")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ocr = parser.add_mutually_exclusive_group()
    ocr.add_argument("--ocr", dest="ocr", action="store_const", const=True, default=None,
                     help="read chart and term-sheet pictures with Tesseract (default: when installed)")
    ocr.add_argument("--no-ocr", dest="ocr", action="store_const", const=False, help="never run OCR")


def _run_extraction(args: argparse.Namespace) -> int:
    import json

    from ico_lens.evaluate.splits import load_splits
    from ico_lens.paper.evaluate import evaluate_corpora, render, shared_corpora

    corpora = list(zip(args.gold, args.papers))
    splits = args.splits
    if args.shared:
        shared = Path(args.shared)
        if not shared.is_dir():
            raise InputError(f"shared data directory not found: {shared}", path=str(shared))
        corpora += shared_corpora(shared)
        splits = splits or shared / "splits.csv"
    if not corpora or len(args.gold) != len(args.papers):
        raise InputError("eval extraction: give --shared DIR or one --papers DIR for each --gold DIR", path=None)
    try:
        parts = load_splits(splits) if splits else None
    except OSError as exc:
        raise InputError(f"splits file not readable: {splits} ({exc.strerror})", path=str(splits)) from None
    report = evaluate_corpora(corpora, slugs=args.slugs, split=args.split, parts=parts, progress=None if args.quiet else _log,
                              ocr=args.ocr)
    print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if args.json else render(report, show_misses=not args.no_misses))
    return 0


# --- contracts ------------------------------------------------------------------------------------------


def _contracts_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", help="only this directory of gold labels <address>.json (e.g. corpus/gold/contracts), unsplit")
    parser.add_argument("--sources", help="the sources <address>.sol of --gold (e.g. corpus/contracts)")
    parser.add_argument("--shared", metavar="DIR", help="without --gold: every labelled contract of DIR by its tune/held parts (default: ../shared or $ICO_LENS_SHARED)")
    parser.add_argument("--split", choices=("tune", "held"), help="with --shared: only this part (tune prints its misses, held only its totals)")
    parser.add_argument("--jobs", type=int, default=2, help="contracts compiled in parallel (default 2)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def _run_contracts(args: argparse.Namespace) -> int:
    from ico_lens.contract.evaluate import evaluate, evaluate_shared, parts_to_json, render, render_parts, to_json
    from ico_lens.language.datasets import SHARED

    if bool(args.gold) != bool(args.sources):
        raise InputError("--gold and --sources go together", path=args.gold or args.sources)
    if args.gold:
        report = evaluate(args.gold, args.sources, jobs=max(1, args.jobs))
        print(to_json(report) if args.json else render(report))
        return 0
    reports = evaluate_shared(Path(args.shared) if args.shared else SHARED, part=args.split, jobs=max(1, args.jobs))
    print(parts_to_json(reports) if args.json else render_parts(reports))
    return 0


# --- language -------------------------------------------------------------------------------------------


def _language_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", metavar="DIR", help="the shared data directory (default: ../shared or $ICO_LENS_SHARED)")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of the 5-fold cross-validation (default 5)")
    parser.add_argument("--no-cache", action="store_true", help="recompute the document evidence (slow)")
    parser.add_argument("--skip-sentences", action="store_true", help="skip the sentence-role classifier")
    parser.add_argument("--skip-disclosures", action="store_true", help="skip the disclosure detectors")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def _run_language(args: argparse.Namespace) -> int:
    import json

    from ico_lens.language import datasets
    from ico_lens.language.evaluate import evaluate_disclosures, evaluate_sentence_roles, render

    shared = Path(args.shared) if args.shared else datasets.SHARED
    report: dict = {}
    if not args.skip_disclosures:
        if not (shared / "icobase" / "labels.csv").is_file():
            raise InputError("shared data not found (icobase/labels.csv); pass --shared DIR", path=str(shared))
        report["disclosure"] = evaluate_disclosures(shared, repeats=args.repeats, use_cache=not args.no_cache, log=_log)
    if not args.skip_sentences:
        report["sentence_roles"] = evaluate_sentence_roles()
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


# --- alignment ------------------------------------------------------------------------------------------


def _alignment_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", metavar="DIR", help="the shared data directory (default: ../shared or $ICO_LENS_SHARED)")
    parser.add_argument("--slugs", nargs="+", metavar="SLUG", help="only these projects")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _run_alignment(args: argparse.Namespace) -> int:
    import json

    from ico_lens.align.evaluate import evaluate_shared, render, to_dict
    from ico_lens.language.datasets import SHARED

    shared = Path(args.shared) if args.shared else SHARED
    if not (shared / "corpus" / "projects.csv").is_file():
        raise InputError("shared data not found (corpus/projects.csv); pass --shared DIR", path=str(shared))
    evaluation = evaluate_shared(shared, slugs=args.slugs, progress=None if args.quiet else _log)
    print(json.dumps(to_dict(evaluation), indent=2) if args.json else render(evaluation))
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


#: target -> (add its arguments, run it)
COMMANDS = {
    "extraction": (_extraction_arguments, _run_extraction),
    "contracts": (_contracts_arguments, _run_contracts),
    "language": (_language_arguments, _run_language),
    "alignment": (_alignment_arguments, _run_alignment),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, (module_name, help_text) in EVALUATIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        p = sub.add_parser(name, help=help_text, description=getattr(module, "DESCRIPTION", help_text))
        arguments, run_target = COMMANDS[name]
        arguments(p)
        p.set_defaults(_eval_run=run_target)


def run(args: argparse.Namespace) -> int:
    return args._eval_run(args)
