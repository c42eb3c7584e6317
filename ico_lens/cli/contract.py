"""``ico-lens contract``: what a token contract's code can do, and (with --rpc) its on-chain state."""

from __future__ import annotations

import argparse
import os

from ico_lens.errors import InputError

DESCRIPTION = """\
Fetch (Etherscan API v2) or load (.sol file, DIR/<address>.sol) a token contract's verified source,
compile it offline with the right solc (0.4.11-0.8, solc-js or py-solc-x), analyse it with Slither and
report what the code can do: mint after deployment, burn, pause, freeze, upgrade, vesting, fees...
With --rpc, also read its on-chain state (supply, owner, paused, genesis distribution)."""

EPILOG = """\
examples:
  ico-lens contract 0xADDRESS                      fetch from Etherscan (needs ETHERSCAN_API_KEY)
  ico-lens contract 0xADDRESS --chain-id 137       another chain (Polygon)
  ico-lens contract Token.sol --json               a local flattened source, as JSON
  ico-lens contract ../shared/corpus/contracts/0xADDRESS   DIR/ADDRESS: DIR/<address>.sol
  ico-lens contract 0xADDRESS --source Token.sol --rpc http://127.0.0.1:8545

environment: ETHERSCAN_API_KEY (never stored), ICO_LENS_ETHERSCAN_URL, ICO_LENS_RPC_URL,
  ICO_LENS_CACHE_DIR (Etherscan cache), ICO_LENS_SOLC_TIMEOUT (s per compile), ICO_LENS_SOLC_MAX_MB

exit codes: 0 ok, 1 failure (compile error, network), 2 bad input (missing file, not Solidity,
  unverified address, bad address)"""


def positive_int(text: str) -> int:
    """An argparse type: a whole number above 0 (a chain id)."""
    value = _number(text, int)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def non_negative_int(text: str) -> int:
    """An argparse type: a whole number, 0 or more (a count of blocks)."""
    value = _number(text, int)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value


def positive_seconds(text: str) -> float:
    """An argparse type: a duration in seconds above 0."""
    value = _number(text, float)
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return value


def _number(text: str, kind: type):
    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a {'whole ' if kind is int else ''}number") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # nargs="+": a second target gets this command's own message, not the top-level usage
    parser.usage = "%(prog)s ADDRESS|FILE.sol|DIR/ADDRESS [options]"
    parser.add_argument("target", metavar="ADDRESS|FILE.sol|DIR/ADDRESS", nargs="+",
                        help="a contract address (0x + 40 hex), a .sol (or standard-JSON .json) file, or DIR/ADDRESS")
    parser.add_argument("--chain-id", type=positive_int, default=1, help="EVM chain id (default 1, Ethereum mainnet)")
    parser.add_argument("--source", metavar="FILE.sol", help="use this local source for ADDRESS instead of Etherscan")
    parser.add_argument("--rpc", metavar="URL", default=None,
                        help="JSON-RPC node to read on-chain state from (default $ICO_LENS_RPC_URL)")
    parser.add_argument("--json", action="store_true", help="print the full record as JSON")
    parser.add_argument("--solc", metavar="VERSION",
                        help="use this solc version and no other (default: Etherscan's, else the pragma decides)")
    parser.add_argument("--no-proxy", action="store_true", help="analyse a proxy itself, not its implementation")
    parser.add_argument("--no-cache", action="store_true", help="do not use the Etherscan response cache")
    parser.add_argument("--genesis-blocks", type=non_negative_int, default=6500, metavar="N",
                        help="genesis window: the creation block and the next N blocks (default 6500, about a day)")
    parser.add_argument("--timeout", type=positive_seconds, default=None, metavar="S", help="seconds per compile (default 120)")


def run(args: argparse.Namespace) -> int:
    from ico_lens.contract import analyse
    from ico_lens.report.contract import render_contract

    if len(args.target) > 1:
        raise InputError(f"one contract at a time: got {len(args.target)} targets ({', '.join(args.target[:3])}"
                         f"{', ...' if len(args.target) > 3 else ''}); run the command once per contract")
    report = analyse(
        args.target[0], chain_id=args.chain_id, source=args.source, rpc=args.rpc or os.environ.get("ICO_LENS_RPC_URL"),
        solc=args.solc, follow_proxy=not args.no_proxy, use_cache=not args.no_cache,
        genesis_blocks=args.genesis_blocks, timeout=args.timeout,
    )
    print(report.to_json() if args.json else render_contract(report))
    return 0
