"""``ico-lens align``: what a white paper promised against what its token's code and the chain do."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from ico_lens.errors import InputError

DESCRIPTION = """\
Read a white paper's claims (supply, fixed supply, burns, vesting, transfer locks, governance, oracle,
allocation) and set each against the token contract's code facts and, with --rpc, its on-chain state:
consistent, contradicted or unverifiable (with the reason). Powers the code gives insiders (mint, pause,
freeze, balance changes, upgrades, fees, selfdestruct) are reported as disclosed or undisclosed,
depending on whether the paper tells investors."""

EPILOG = """\
examples:
  ico-lens align paper.pdf --source Token.sol
  ico-lens align paper.pdf --address 0xADDRESS                  verified source from Etherscan
  ico-lens align paper.pdf --address 0xADDRESS --rpc URL --format markdown -o review.md

exit codes: 0 nothing contradicted, 1 something is contradicted (or a failure: RPC down, compile
  error), 2 bad input (paper without claims, unknown or unverified address, missing file)"""

FORMATS = ("text", "markdown", "json", "html")
#: the text table's narrowest width: below it the quotes fold into too many lines
MIN_WIDTH = 100


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ico_lens.cli.contract import positive_int

    parser.usage = "%(prog)s PAPER.pdf (--address 0x... [--chain-id N] [--rpc URL] | --source FILE.sol) [options]"
    parser.add_argument("paper", metavar="PAPER.pdf", help="the white paper (PDF or text)")
    parser.add_argument("--address", metavar="0x...", help="the token contract's address (source from Etherscan unless --source)")
    parser.add_argument("--source", metavar="FILE.sol", help="the token contract's source (with --address: the source of that address)")
    parser.add_argument("--chain-id", type=positive_int, default=1, help="EVM chain id (default 1, Ethereum mainnet)")
    parser.add_argument("--rpc", metavar="URL", default=None,
                        help="JSON-RPC node for on-chain state (default $ICO_LENS_RPC_URL; needs --address)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text table (default), markdown, json, or a self-contained HTML page (with -o FILE)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--solc", metavar="VERSION", help="use this solc version and no other")


def run(args: argparse.Namespace) -> int:
    from ico_lens.align import align
    from ico_lens.align.pipeline import states_claims
    from ico_lens.paper import analyse as analyse_paper

    if not args.address and not args.source:
        raise InputError("give the contract: --address 0x... or --source FILE.sol", path=None)
    if args.rpc and not args.address:
        raise InputError("--rpc reads the chain at an address: give --address too", path=args.source)
    rpc = args.rpc or (os.environ.get("ICO_LENS_RPC_URL") if args.address else None)
    paper = analyse_paper(args.paper)
    if not states_claims(paper.facts):
        raise InputError(f"the paper states no claim to check (no supply, allocation, vesting, burn ... "
                         f"found; status {paper.facts.status})", path=args.paper)
    _progress(f"{args.paper}: {len(paper.facts.claims)} claims read; analysing the contract")
    contract = contract_for(args, rpc)
    report = align(paper.facts, contract, document=paper.document)
    _write(_render(report, args.format), args.output)
    return report.exit_code


def contract_for(args: argparse.Namespace, rpc: str | None):
    """The contract report of ``--address`` / ``--source`` (with ``--chain-id``, ``--solc``) and its chain
    state from ``rpc``; a source without code facts is bad input. (Any command taking these options can use it.)"""
    from ico_lens.contract import analyse as analyse_contract

    contract = analyse_contract(args.address or args.source, chain_id=args.chain_id, source=args.source if args.address else None,
                                rpc=rpc, solc=args.solc)
    if contract.facts is None:
        raise InputError(f"no code facts ({'; '.join(contract.warnings) or 'the source did not analyse'})",
                         path=args.address or args.source)
    return contract


def _render(report, fmt: str) -> str:
    from ico_lens.report.align import render_markdown, render_text

    if fmt == "json":
        return report.to_json()
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        from ico_lens.report.html import render_alignment_html

        return render_alignment_html(report)
    return render_text(report, width=max(MIN_WIDTH, shutil.get_terminal_size((140, 24)).columns))


def _write(text: str, output: str | None) -> None:
    if output is None:
        print(text)
        return
    try:
        Path(output).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: cannot write the report ({exc.strerror})", path=output) from None


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
