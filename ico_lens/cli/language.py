"""``ico-lens language PAPER...``: risk, hype and entrepreneurial language of white papers."""

from __future__ import annotations

import argparse
import csv
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
cannot be read is reported (a "failed" record in --jsonl / --csv) while the batch goes on."""

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

#: categories shown in the text summary, in this order (all are in --json)
SUMMARY_GROUPS = (
    ("entrepreneurial orientation", ("eo_innovativeness", "eo_proactiveness", "eo_risk_taking", "eo_autonomy", "eo_competitive_aggressiveness")),
    ("crypto risk", ("risk_regulatory", "risk_security_hack", "risk_market_volatility", "risk_technology", "risk_liquidity", "risk_team_execution", "risk_legal_disclaimer")),
    ("tone", ("hype_return_promises", "certainty", "tentativeness", "future_focus", "money")),
    ("Loughran-McDonald", ("lm.negative", "lm.positive", "lm.uncertainty", "lm.litigious", "lm.constraining", "lm.strong_modal", "lm.moderate_modal", "lm.weak_modal")),
)
LABEL_TITLES = {
    "risk_disclosure": "risk sentences",
    "return_promise": "hype / return promises",
    "legal_disclaimer": "legal disclaimers",
    "forward_looking": "forward-looking promises",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("papers", nargs="+", metavar="PAPER", help="white paper: a .pdf or a plain-text (.txt) file")
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
    from ico_lens.language.batch import batch_lexicon, feature_columns, resume_output
    from ico_lens.language.dictionaries import BUNDLED, read_dic

    names = [n.strip() for n in args.dictionaries.split(",") if n.strip()]
    unknown = [n for n in names if n not in BUNDLED]
    if unknown:
        raise InputError(f"unknown dictionary {', '.join(unknown)}; bundled: {', '.join(BUNDLED)}")
    if args.top < 0:
        raise InputError("--top must be 0 or more")
    if args.timeout <= 0:
        raise InputError("--timeout must be more than 0 seconds")
    if args.precision:
        # read by the embedder when the models load (lazily, deep inside the profile)
        os.environ["ICO_LENS_PRECISION"] = args.precision
    elif not args.no_models:
        from ico_lens.language.embed import default_precision

        default_precision()  # a bad $ICO_LENS_PRECISION is bad input, not a silent fallback later
    extra = [read_dic(path) for path in args.dic]  # a bad .dic is bad input: checked before the papers
    lexicon = batch_lexicon(names, extra)
    options = dict(
        use_models=not args.no_models,
        lexicon_=lexicon,
        with_readability=not args.no_readability,
        top_sentences=max(args.top, 10) if args.json or args.jsonl else args.top,
    )
    if args.out and not (args.jsonl or args.csv):
        raise InputError("--out writes --jsonl or --csv records: add one of them")
    if len(args.papers) == 1 and not (args.jsonl or args.csv):
        return _single(args, options)

    columns = feature_columns(lexicon.categories, with_readability=not args.no_readability) if args.csv else None
    if not args.out:
        return _batch(args, args.papers, options, sys.stdout, columns)
    done = resume_output(args.out, columns)
    papers = [p for p in args.papers if os.path.abspath(p) not in done]
    if done:
        print(f"ico-lens language: {args.out} already holds {len(args.papers) - len(papers)} of these papers; {len(papers)} to go", file=sys.stderr)
    try:
        sink = open(args.out, "a", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot write to it ({exc.strerror or exc})", path=args.out) from None
    with sink:
        return _batch(args, papers, options, sink, columns)


def _batch(args: argparse.Namespace, papers: list[str], options: dict, sink, columns) -> int:
    """Several papers (or --jsonl/--csv): one record each, written as soon as it is ready."""
    from ico_lens.language.batch import profile_papers

    writer = None
    if columns is not None:
        writer = csv.DictWriter(sink, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        if sink is sys.stdout or sink.tell() == 0:
            writer.writeheader()
    total, failures = len(papers), 0
    progress = (lambda i, n, path: print(f"[{i}/{n}] {path}", file=sys.stderr, flush=True)) if total > 1 else None
    for result in profile_papers(papers, open_options={"timeout": args.timeout}, progress=progress, **options):
        failed = getattr(result, "status", None) == "failed"
        if failed:
            failures += 1
            print(f"ico-lens language: error: {result.message}", file=sys.stderr)
        if writer is not None:
            writer.writerow(result.to_dict() if failed else result.features())
        elif args.jsonl:
            sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif not failed:
            sink.write(_json(result) if args.json else render(result, top=args.top) + "\n")
        sink.flush()  # a batch stopped half-way keeps every paper finished so far
    if failures:
        print(f"ico-lens language: {failures} of {total} papers failed", file=sys.stderr)
    return 0


def _single(args: argparse.Namespace, options: dict) -> int:
    """One paper: its errors are the command's errors (one line, exit code 2 for bad input)."""
    from ico_lens.language.profile import profile_document
    from ico_lens.paper.ingest import open_document

    profile = profile_document(open_document(args.papers[0], timeout=args.timeout), **options)
    sys.stdout.write(_json(profile) if args.json else render(profile, top=args.top))
    return 0


def _json(profile) -> str:
    return json.dumps(profile.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render(profile, *, top: int = 5) -> str:
    """The text summary of a :class:`~ico_lens.language.records.LanguageProfile`."""
    lines = [f"{profile.path}"]
    status = getattr(profile.status, "value", profile.status)
    lines.append(
        f"  status {status} · {profile.word_count:,} words · {profile.sentence_count:,} sentences · "
        f"language {profile.language} · dictionaries {', '.join(profile.dictionaries) or '-'}"
    )
    backends = profile.backends
    lines.append(f"  sentence roles: {backends.get('sentences')} · disclosures: {backends.get('disclosures')}")
    for w in profile.warnings:
        lines.append(f"  warning: {w}")
    if status in ("empty", "no_text_layer", "not_english"):
        return "\n".join(lines) + "\n"

    lines.append("")
    lines.append("categories (per 1,000 words; top words)")
    shown = set()
    for group, cats in SUMMARY_GROUPS:
        present = [c for c in cats if c in profile.categories]
        if not present:
            continue
        lines.append(f"  {group}")
        for c in present:
            shown.add(c)
            lines.append(_category_line(profile, c))
    others = [
        c for c in profile.categories if c not in shown and not c.startswith("lm.") and profile.categories[c] > 0
    ]
    if others:
        # Extra dictionaries (--dic, hiv4): the ten strongest categories.
        lines.append("  other dictionaries (strongest 10)")
        for c in sorted(others, key=lambda c: -profile.categories[c])[:10]:
            lines.append(_category_line(profile, c))

    if profile.readability:
        r = profile.readability
        lines.append("")
        lines.append(
            "readability  "
            + " · ".join(
                f"{label} {r[key]:g}"
                for key, label in (
                    ("flesch_reading_ease", "Flesch ease"),
                    ("flesch_kincaid_grade", "FK grade"),
                    ("gunning_fog", "Fog"),
                    ("words_per_sentence", "words/sentence"),
                )
                if key in r
            )
        )

    lines.append("")
    lines.append("disclosures")
    for aspect, d in profile.disclosures.items():
        mark = "yes" if d.present else "no "
        ev = profile.disclosure_evidence.get(aspect) or []
        where = f"  p.{ev[0]['page']}: {_clip(ev[0]['quote'], 70)}" if ev else ""
        spec = ""
        if d.specified is not None:
            spec = f"  terms stated: {'yes' if d.specified.present else 'no '} ({d.specified.confidence:.2f})"
        lines.append(f"  {aspect:<20} {mark}  confidence {d.confidence:.2f}{spec}{where}")

    for label in ("risk_disclosure", "return_promise", "legal_disclaimer", "forward_looking"):
        these = [s for s in profile.sentences if s.label == label][:top]
        if not these:
            continue
        lines.append("")
        lines.append(LABEL_TITLES[label])
        for s in these:
            lines.append(f"  p.{s.page:<3} {s.score:.2f}  {_clip(s.text, 110)}")
    return "\n".join(lines) + "\n"


def _category_line(profile, category: str) -> str:
    rate = profile.categories.get(category, 0.0)
    ev = profile.evidence.get(category)
    words = ", ".join(f"{w} {n}" for w, n in (ev.top_words[:4] if ev else []))
    return f"    {category:<32} {rate:7.2f}  {words}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
