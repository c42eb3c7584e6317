"""``ico-lens contract``: what a token contract's code can do, and (with --rpc) its on-chain state."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from ico_lens.errors import IcoLensError, NotFound

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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="ADDRESS|FILE.sol|DIR/ADDRESS",
                        help="a contract address (0x + 40 hex), a .sol (or standard-JSON .json) file, or DIR/ADDRESS")
    parser.add_argument("--chain-id", type=int, default=1, help="EVM chain id (default 1, Ethereum mainnet)")
    parser.add_argument("--source", metavar="FILE.sol", help="use this local source for ADDRESS instead of Etherscan")
    parser.add_argument("--rpc", metavar="URL", default=None,
                        help="JSON-RPC node to read on-chain state from (default $ICO_LENS_RPC_URL)")
    parser.add_argument("--json", action="store_true", help="print the full record as JSON")
    parser.add_argument("--solc", metavar="VERSION", help="force a solc version (default: Etherscan's, else the pragma)")
    parser.add_argument("--no-proxy", action="store_true", help="analyse a proxy itself, not its implementation")
    parser.add_argument("--no-cache", action="store_true", help="do not use the Etherscan response cache")
    parser.add_argument("--genesis-blocks", type=int, default=6500, metavar="N",
                        help="genesis window: the creation block and the next N blocks (default 6500, about a day)")
    parser.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds per compile (default 120)")


def run(args: argparse.Namespace) -> int:
    from ico_lens.contract.source import check_address, is_address, load_from_directory, load_source_file

    bundle, client = _load_bundle(args, check_address, is_address, load_from_directory, load_source_file)
    analysed = bundle.implementation if (bundle.implementation is not None and not args.no_proxy) else bundle

    from ico_lens.contract.engine import load

    loaded = load(analysed, version=args.solc, timeout=args.timeout)
    facts, facts_note = _derive_facts(loaded.slither, analysed)

    chain = None
    rpc = args.rpc or os.environ.get("ICO_LENS_RPC_URL")
    if rpc and bundle.address:
        from ico_lens.chain.state import read_state

        # the proxy's address: that is where the token's storage (and its users' balances) live
        chain = read_state(
            bundle.address, rpc_url=rpc, chain_id=args.chain_id, genesis_blocks=args.genesis_blocks,
            creation_block=_creation_block(client, bundle.address, args.chain_id),
        )
    elif rpc:
        facts_note = (facts_note + "; " if facts_note else "") + "no address known: on-chain state not read"

    report = build_report(bundle, analysed, loaded, facts, chain, facts_note)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(render_text(report))
    return 0


def _load_bundle(args, check_address, is_address, load_from_directory, load_source_file):
    target = args.target.strip()
    path = Path(target)
    if args.source:
        address = check_address(target)
        return load_source_file(args.source, address=address, chain_id=args.chain_id), None
    if is_address(target):
        from ico_lens.contract.etherscan import EtherscanClient

        client = EtherscanClient(use_cache=not args.no_cache)
        return client.fetch_bundle(target, args.chain_id, follow_proxy=not args.no_proxy), client
    if path.is_file():
        return load_source_file(path, chain_id=args.chain_id), None
    if is_address(path.name) and path.parent.is_dir():
        return load_from_directory(path.parent, path.name, chain_id=args.chain_id), None
    if path.is_dir():
        raise NotFound("is a directory: give DIR/ADDRESS to pick <ADDRESS>.sol in it", path=target)
    if target.startswith("0x") and "/" not in target and not target.endswith((".sol", ".json")):
        check_address(target)  # raises BadAddress with the reason
    raise NotFound("no such file", path=target)


def _creation_block(client, address: str, chain_id: int) -> int | None:
    """The creation block from Etherscan when the source came from there (saves the eth_getCode
    bisection, which needs an archive node); None to let the chain stage find it."""
    if client is None:
        return None
    try:
        return client.get_contract_creation(address, chain_id).get("block_number")
    except IcoLensError:
        return None


def _derive_facts(slither: Any, bundle) -> tuple[Any, str]:
    """The other half of the contract stage (``ico_lens.contract.facts``), imported lazily: when it
    is not there yet the command still reports the compile result."""
    try:
        facts_module = importlib.import_module("ico_lens.contract.facts")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("ico_lens.contract.facts"):
            return None, "code facts not available in this version (ico_lens.contract.facts missing)"
        raise
    derive = getattr(facts_module, "derive_facts", None)
    if derive is None:
        return None, "code facts not available (ico_lens.contract.facts has no derive_facts)"
    try:
        return derive(slither, bundle), ""
    except IcoLensError:
        raise
    except Exception as exc:
        if os.environ.get("ICO_LENS_DEBUG"):
            raise
        raise IcoLensError(f"code facts failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
                           path=bundle.label) from None


def build_report(bundle, analysed, loaded, facts, chain, note: str = "") -> dict:
    """The JSON record: the code facts with GOLD.md's field names at the top level, then how the
    source was obtained and compiled, the proxy, and the on-chain state."""
    from ico_lens.records import to_dict

    report: dict[str, Any] = {"address": bundle.address, "chain_id": bundle.chain_id}
    if facts is not None:
        fact_dict = to_dict(facts)
        if isinstance(fact_dict, dict):
            for key, value in fact_dict.items():
                # the requested address stays on top (for a proxy the facts are the implementation's)
                if key in ("address", "chain_id"):
                    continue
                report[key] = value
    report["source"] = {
        "origin": bundle.origin,
        "path": bundle.path,
        "contract_name": analysed.contract_name,
        "compiler_version": analysed.compiler_version,
        "optimizer": analysed.optimizer_enabled,
        "runs": analysed.optimizer_runs,
        "license": analysed.license,
        "files": list(analysed.sources),
    }
    report["proxy"] = (
        {"address": bundle.address, "implementation": bundle.proxy,
         "analysed": analysed.address if analysed is not bundle else bundle.address}
        if bundle.proxy else None
    )
    report["compile"] = {
        "solc_version": loaded.solc_version,
        "compiler": loaded.compiler,
        "seconds": round(loaded.seconds, 2),
        "contracts": sorted({c.name for c in loaded.slither.contracts}),
    }
    report["chain"] = to_dict(chain) if chain is not None else None
    warnings = list(dict.fromkeys([*bundle.warnings, *(analysed.warnings if analysed is not bundle else []), *loaded.warnings]))
    if chain is not None:
        warnings += chain.warnings + (chain.genesis.warnings if chain.genesis else [])
    if note:
        warnings.append(note)
    report["warnings"] = warnings
    return report


_SECTION_KEYS = {"address", "chain_id", "source", "proxy", "compile", "chain", "warnings"}


def render_text(report: dict) -> str:
    lines: list[str] = []
    src, comp = report["source"], report["compile"]
    title = report["address"] or (src["path"] or src["files"][0])
    lines.append(f"{title}  (chain {report['chain_id']})")
    where = src["path"] or "Etherscan"
    lines.append(
        f"  source:   {src['origin']} ({where}); {len(src['files'])} file(s)"
        + (f"; verified as {src['contract_name']}" if src["contract_name"] else "")
    )
    if report["proxy"]:
        p = report["proxy"]
        lines.append(f"  proxy:    implementation {p['implementation']} (analysed: {p['analysed']})")
    lines.append(
        f"  compiled: solc {comp['solc_version']} ({comp['compiler']}) in {comp['seconds']:.1f} s; "
        f"{len(comp['contracts'])} contracts"
    )
    facts = {k: v for k, v in report.items() if k not in _SECTION_KEYS}
    if facts:
        lines.append("code facts:")
        lines += _render_facts(facts)
    else:
        lines.append("  contracts: " + ", ".join(comp["contracts"]))
    chain = report.get("chain")
    if chain:
        lines.append(f"on-chain (block {chain['block_number']}):")
        if not chain["code_present"]:
            lines.append("  no contract code at this address")
        else:
            decimals, symbol = chain.get("decimals"), chain.get("symbol") or "tokens"
            for key in ("name", "symbol", "decimals", "total_supply", "owner", "paused", "minting_finished"):
                value = _tokens(chain[key], decimals, symbol) if key == "total_supply" else _short_value(chain[key])
                lines.append(f"  {key:<16} {value}")
            g = chain.get("genesis")
            if g and g.get("creation_block") is not None:
                lines.append(
                    f"  genesis: created in block {g['creation_block']} by {g['deployer'] or 'a contract'}; "
                    f"{g['transfers']} transfers in blocks {g['creation_block']}-{g['window_end_block']}"
                )
                for r in g["recipients"][:10]:
                    lines.append(f"    {r['address']}  {r['percent']:6.2f}%  {_tokens(r['amount'], decimals, symbol)}")
                if len(g["recipients"]) > 10:
                    lines.append(f"    ... {len(g['recipients']) - 10} more")
    for w in report["warnings"]:
        lines.append(f"warning: {w}")
    return "\n".join(lines)


def _render_facts(facts: dict) -> list[str]:
    """The facts record as aligned lines: value, first reason and where (Contract.function:line)."""
    facts = dict(facts)
    evidence = facts.pop("evidence", None) or {}
    reasons = facts.pop("reasons", None) or {}
    notes = facts.pop("notes", None)
    roles = facts.pop("roles", None)
    erc20 = facts.pop("erc20", None)
    lines = []
    width = max((len(k) for k in facts), default=0)
    for key, value in facts.items():
        line = f"  {key:<{width}}  {_short_value(value)}"
        why = reasons.get(key) if isinstance(reasons, dict) else None
        where = _where(evidence.get(key)) if isinstance(evidence, dict) else ""
        if why:
            line += f"  - {_short_value(why[0] if isinstance(why, list) else why, 70)}"
        if where:
            line += f"  [{where}]"
        lines.append(line)
    if roles:
        shown = "; ".join(
            f"{r.get('name')}: {', '.join(r.get('functions') or [])}" if isinstance(r, dict) else str(r) for r in roles
        )
        lines.append(f"  {'roles':<{width}}  {_short_value(shown, 160)}")
    if isinstance(erc20, dict):
        bad = [f["signature"] + (f" returns {f.get('returns') or 'nothing'}" if f.get("present") else " missing")
               for f in erc20.get("functions", []) if not f.get("conforms")]
        bad += [f"event {name} missing" for name, ok in (erc20.get("events") or {}).items() if not ok]
        lines.append(f"  {'erc20':<{width}}  " + ("conforms" if not bad else "does not conform: " + _short_value("; ".join(bad), 140)))
    if notes:
        lines.append(f"  notes: {_short_value(notes, 200)}")
    return lines


def _where(evidence: Any) -> str:
    """``SmartToken.issue:355`` (and how many more) from a list of evidence records."""
    items = evidence if isinstance(evidence, list) else [evidence] if evidence else []
    places = []
    for item in items:
        if isinstance(item, dict) and item.get("line") is not None:
            name = ".".join(x for x in (item.get("contract"), item.get("function")) if x)
            places.append(f"{name}:{item['line']}" if name else f"line {item['line']}")
        elif isinstance(item, str):
            places.append(_short_value(item, 60))
    if not places:
        return ""
    return places[0] + (f" +{len(places) - 1}" if len(places) > 1 else "")


def _tokens(raw: int | None, decimals: int | None, symbol: str) -> str:
    """``1,300,000 DICO`` for raw units when decimals are known, else the raw integer."""
    if raw is None:
        return "-"
    if decimals is None:
        return f"{raw} (raw units)"
    whole, frac = divmod(raw, 10**decimals)
    text = f"{whole:,}"
    if frac:
        text += ("." + str(frac).rjust(decimals, "0")).rstrip("0")[:7]
    return f"{text} {symbol}"


def _short_value(value: Any, limit: int = 100) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run as: ico-lens contract ...")
