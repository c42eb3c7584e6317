"""``ico-lens language PAPER...``: risk, hype and entrepreneurial language of white papers."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ico_lens.errors import InputError

DESCRIPTION = """\
Profile the language of a white paper (PDF or plain text): LIWC-style dictionary categories per
1,000 words (entrepreneurial orientation, crypto risk families, hype, certainty, Loughran-McDonald),
readability, the strongest risk / disclaimer / hype / forward-looking sentences with their pages, and
whether the paper discloses token distribution, use of funds, lock-up, vesting, risks and governance.

With several papers (a batch), the models are loaded once, progress goes to stderr, and a paper that
cannot be read is reported (a "failed" record in --jsonl / --csv) while the batch goes on. A directory
stands for the .pdf and .txt files in it (searched recursively)."""

EPILOG = """\
examples:
  ico-lens language paper.pdf                      summary
  ico-lens language paper.txt --json               the full profile as JSON
  ico-lens language paper.pdf --no-models          dictionaries only (fast, no torch)
  ico-lens language paper.pdf --dic LIWC22.dic     add your own LIWC dictionary
  ico-lens language paper.pdf --dictionaries ico_lens,lm,hiv4
  ico-lens language papers/*.pdf --jsonl > profiles.jsonl   a batch: one JSON profile per line
  ico-lens language papers/*.pdf --csv > features.csv       a batch: one row of features per paper
  ico-lens language papers/*.pdf --csv --precision auto      faster embeddings where the CPU has bfloat16
  ico-lens language papers/*.pdf --csv --out language.csv    resumable: run again after a stop to go on

JSON: "categories" (category -> rate per 1,000 words), "sentences" (text, page, label, score),
"disclosures" (token_distribution, use_of_funds, lockup, vesting, risk, governance ->
{"present", "confidence", "specified"}: "present" = the paper discusses it; "specified" =
{"present", "confidence"}: it states the concrete terms (a percentage breakdown, a team vesting
term, token-holder voting rights), null for lockup and risk), plus sections, readability,
evidence, warnings.
CSV: path, status, language, word_count, sentence_count, backends, rate.<category>,
readability.<measure>, disclosure.<aspect>.present/confidence/specified/specified_confidence (0/1),
and error, message for failed papers.
exit codes: 0 ok (also for empty / not-English / scanned papers: see "status"; and for a batch whose
failures are reported in its output), 2 bad input (a single paper, a bad option or .dic file)"""

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("papers", nargs="+", metavar="PAPER", help="white paper: a .pdf or a plain-text (.txt) file, or a directory of them")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the full profile as JSON")
    out.add_argument("--jsonl", action="store_true", help="one compact JSON profile per paper and line (batches)")
    out.add_argument("--csv", action="store_true", help="one row of features per paper (batches; see CSV below)")
    parser.add_argument(
        "--no-models",
        action="store_true",
        help="dictionaries and keyword rules only: skip the MiniLM sentence classifier and disclosure detector",
    )
    parser.add_argument(
        "--dic",
        action="append",
        default=[],
        metavar="FILE",
        help="also apply this LIWC dictionary (.dic or LIWC-22 .dicx); repeatable; categories get the file name as prefix",
    )
    parser.add_argument(
        "--dictionaries",
        default="ico_lens,lm",
        metavar="NAMES",
        help="bundled dictionaries, comma-separated: ico_lens, lm, hiv4 (default: ico_lens,lm)",
    )
    parser.add_argument("--top", type=int, default=5, metavar="N", help="sentences shown per label (default 5; --json keeps 10)")
    parser.add_argument("--no-readability", action="store_true", help="skip the textstat readability measures")
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write the --jsonl/--csv records to FILE; when FILE exists the batch resumes: papers it "
        "already holds are skipped and new records appended",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed to read each paper (default 120)")
    parser.add_argument(
        "--precision",
        choices=("float32", "bfloat16", "auto"),
        help="precision of the MiniLM embeddings: float32 (default; what the models were trained on), "
        "bfloat16 (1.7x faster on CPUs with native bfloat16; ~1 sentence role in 100-400 may change) "
        "or auto (bfloat16 where native); also $ICO_LENS_PRECISION",
    )


def run(args: argparse.Namespace) -> int:
    from ico_lens.batch import csv_writer, expand_inputs, jsonl_writer, run_batch, text_writer
    from ico_lens.language.batch import batch_lexicon, feature_columns
    from ico_lens.language.dictionaries import BUNDLED
    from ico_lens.language.pipeline import DIRECTORY_SUFFIXES, analyse

    names = [n.strip() for n in args.dictionaries.split(",") if n.strip()]
    unknown = [n for n in names if n not in BUNDLED]
    if unknown:
        raise InputError(f"unknown dictionary {', '.join(unknown)}; bundled: {', '.join(BUNDLED)}")
    if args.top < 0:
        raise InputError("--top must be 0 or more")
    if args.timeout <= 0:
        raise InputError("--timeout must be more than 0 seconds")
    if args.out and not (args.jsonl or args.csv):
        raise InputError("--out writes --jsonl or --csv records: add one of them")
    if args.precision:
        # read by the embedder when the models load (lazily, deep inside the profile)
        os.environ["ICO_LENS_PRECISION"] = args.precision
    elif not args.no_models:
        from ico_lens.language.embed import default_precision

        default_precision()  # a bad $ICO_LENS_PRECISION is bad input, not a silent fallback later
    extra = [_dictionary(path) for path in args.dic]  # a bad .dic is bad input: checked before the papers
    lexicon = batch_lexicon(names, extra)
    inputs = expand_inputs(args.papers, DIRECTORY_SUFFIXES, command="language")
    options = dict(
        open_options={"timeout": args.timeout},
        use_models=not args.no_models,
        lexicon_=lexicon,
        with_readability=not args.no_readability,
        top_sentences=max(args.top, 10) if args.json or args.jsonl else args.top,
    )
    if inputs.single and not (args.jsonl or args.csv):
        # one paper: its errors are the command's errors (one line, exit code 2 for bad input)
        sys.stdout.write(_text(args, analyse(inputs.paths[0], on_step=_say, **options)))
        return 0

    columns = feature_columns(lexicon.categories, with_readability=not args.no_readability) if args.csv else None

    def writer(sink, fresh: bool):
        if columns is not None:
            return csv_writer(sink, columns, lambda profile: profile.features(), header=fresh)
        if args.jsonl:
            return jsonl_writer(sink)
        # in text, a blank line between papers
        return text_writer(sink, lambda profile: _text(args, profile) + ("" if args.json else "\n"))

    run_batch(
        inputs.paths,
        lambda path: analyse(path, **options),
        writer,
        command="language",
        out=args.out,
        columns=columns,
        record_key="categories",
        suffixes=DIRECTORY_SUFFIXES,
    )
    return 0


def _dictionary(path: str):
    from ico_lens.files import check_file
    from ico_lens.language.dictionaries import read_dic

    check_file(path)  # a name too long, a FIFO: one line, never a traceback or a hang
    return read_dic(path)


def _say(message: str) -> None:
    print(f"ico-lens language: {message}", file=sys.stderr, flush=True)


def _text(args: argparse.Namespace, profile) -> str:
    """One profile as --json or as the text summary."""
    from ico_lens.report.language import render_profile

    if args.json:
        return json.dumps(profile.to_dict(), indent=2, ensure_ascii=False) + "\n"
    return render_profile(profile, top=args.top)
