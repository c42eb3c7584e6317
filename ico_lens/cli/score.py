"""``ico-lens score``: an investor's risk score of one white paper (and its token contract), with evidence."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ico_lens.errors import InputError

DESCRIPTION = """\
Score one white paper from 0 (no risk found) to 100, with a grade A-E, from named components: disclosure
completeness, allocation (insiders and concentration), language (promises against risks), and with a
contract (--address or --source) the alignment of claims with code and the powers the paper does not
disclose. Every point comes with its evidence (page and quote, contract line, chain read); measures stand
next to their percentile among 2017-18 ICO white papers (the shipped reference). See docs/score.md.

--build-reference OUT.json computes that reference from papers (PAPER and DIR arguments, through the
paper and language stages) or from a feature store (--store DB): summary statistics only."""

EPILOG = """\
examples:
  ico-lens score paper.pdf                                  one screen: score, red flags, allocation
  ico-lens score paper.pdf --source Token.sol --html report.html
  ico-lens score paper.pdf --address 0xADDRESS --rpc URL --json
  ico-lens score paper.pdf --weights my-weights.json        {"language.hype": 12, ...}
  ico-lens score --build-reference ico_lens/score/reference.json ../shared/corpus/whitepapers ../shared/icobase/texts

exit codes: 0 scored, 1 failure (RPC down, compile error), 2 bad input"""

SUFFIXES = (".pdf", ".txt")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ico_lens.cli.contract import positive_int

    parser.usage = ("%(prog)s PAPER.pdf [--address 0x... | --source FILE.sol] [--rpc URL] [--html FILE] [--json]\n"
                    "       %(prog)s --build-reference OUT.json (PAPER|DIR ... | --store DB)")
    parser.add_argument("papers", nargs="*", metavar="PAPER.pdf", help="the white paper (PDF or text)")
    parser.add_argument("--address", metavar="0x...", help="the token contract's address (verified source from Etherscan unless --source)")
    parser.add_argument("--source", metavar="FILE.sol", help="the token contract's source (with --address: the source of that address)")
    parser.add_argument("--chain-id", type=positive_int, default=1, help="EVM chain id (default 1, Ethereum mainnet)")
    parser.add_argument("--rpc", metavar="URL", default=None, help="JSON-RPC node for on-chain state (default $ICO_LENS_RPC_URL; needs --address)")
    parser.add_argument("--solc", metavar="VERSION", help="use this solc version and no other")
    parser.add_argument("--html", metavar="FILE", help="also write the self-contained HTML report to FILE")
    parser.add_argument("--json", action="store_true", help="print the whole score record as JSON")
    parser.add_argument("--weights", metavar="FILE", help="a JSON file overriding some weights (see docs/score.md)")
    parser.add_argument("--reference", metavar="FILE", help="reference percentiles to use instead of the shipped ones")
    parser.add_argument("--no-models", action="store_true", help="language by dictionaries only (fast, no torch)")
    parser.add_argument("--build-reference", metavar="OUT.json", help="compute reference percentiles from the papers given, or --store")
    parser.add_argument("--store", metavar="DB", help="with --build-reference: read the features of an ico-lens batch store")


def run(args: argparse.Namespace) -> int:
    if args.build_reference:
        return _build_reference(args)
    if len(args.papers) != 1:
        raise InputError("give one white paper to score (PAPER.pdf)" if not args.papers else
                         f"one paper at a time ({len(args.papers)} given)", path=None)
    if args.store:
        raise InputError("--store is for --build-reference", path=args.store)
    return _score(args, args.papers[0])


def _score(args: argparse.Namespace, path: str) -> int:
    import ico_lens.language
    import ico_lens.paper
    from ico_lens.report.score import render_text
    from ico_lens.score import load_reference, load_weights, score
    from ico_lens.score.pipeline import UNSCORABLE

    weights, reference = load_weights(args.weights), load_reference(args.reference)
    rpc = args.rpc or (os.environ.get("ICO_LENS_RPC_URL") if args.address else None)
    if rpc and not args.address:
        raise InputError("--rpc reads the chain at an address: give --address too", path=args.source)
    paper = ico_lens.paper.analyse(path)
    if paper.facts.status in UNSCORABLE:
        raise InputError(f"nothing to score: the paper's text cannot be read (status {paper.facts.status})", path=path)
    _progress(f"{path}: {paper.document.page_count} pages read; language")
    profile = ico_lens.language.analyse(paper.document, use_models=not args.no_models, on_step=_progress)
    contract, alignment = _contract(args, paper, profile, rpc)
    report = score(paper.facts, profile, contract=contract, alignment=alignment, weights=weights, reference=reference, paper=path)
    if args.html:
        from ico_lens.report.html import render_html

        _write(args.html, render_html(report))
        _progress(f"{args.html}: HTML report written")
    print(report.to_json() if args.json else render_text(report, color=sys.stdout.isatty()))
    return 0


def _contract(args, paper, profile, rpc):
    """(contract report, alignment report), or (None, None) without --address / --source."""
    if not args.address and not args.source:
        return None, None
    from ico_lens.align import align
    from ico_lens.cli.align import contract_for

    _progress(f"{args.address or args.source}: analysing the contract")
    contract = contract_for(args, rpc)
    return contract, align(paper.facts, contract, profile=profile, document=paper.document)


def _build_reference(args: argparse.Namespace) -> int:
    from ico_lens.score.build import features_of_papers, features_of_store, reference_from_rows

    command = "ico-lens score --build-reference " + " ".join([Path(args.build_reference).name] +
                                                             (["--store", args.store] if args.store else args.papers))
    if args.store:
        if args.papers:
            raise InputError("give papers or --store, not both", path=args.store)
        if not os.path.isfile(args.store):
            raise InputError("no such store", path=args.store)
        rows = features_of_store(args.store)
        source = f"{len(rows)} projects of the store {Path(args.store).name}"
    else:
        from ico_lens.batch import expand_inputs

        if not args.papers:
            raise InputError("--build-reference needs papers (PAPER or DIR ...) or --store DB", path=None)
        paths = expand_inputs(args.papers, SUFFIXES, command="score").paths
        failed: list[str] = []
        rows = features_of_papers(paths, progress=lambda i, n, p: _progress(f"[{i}/{n}] {p}"), failed=failed)
        kinds = {s: sum(p.lower().endswith(s) for p in paths) - sum(p.lower().endswith(s) for p in failed) for s in SUFFIXES}
        source = " and ".join(f"{n} white papers ({s[1:].upper()})" for s, n in kinds.items() if n)
        if failed:
            _progress(f"ico-lens score: {len(failed)} of {len(paths)} papers could not be read and are left out")
    if not rows:
        raise InputError("no paper to compute a reference from", path=None)
    reference = reference_from_rows(rows, source=source, command=command)
    _write(args.build_reference, reference.to_json() + "\n")
    _progress(f"{args.build_reference}: reference of {len(rows)} papers, {len(reference.features)} features")
    return 0


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write it ({exc.strerror})", path=path) from None


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
