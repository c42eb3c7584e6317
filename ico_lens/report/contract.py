"""Text rendering of the contract stage: what ``ico-lens contract`` prints for a :class:`ContractReport`.

Amounts show in whole tokens with the symbol (``1,000,000 DICO``); the JSON keeps raw units.
"""

from __future__ import annotations

import json
from typing import Any

from ico_lens.contract.records import CodeFacts, ContractReport
from ico_lens.records import Evidence, TokenAmount

#: the non-boolean facts, in GOLD.md's order
VALUE_FACTS = ("token_contract", "pragma", "decimals", "initial_supply", "cap", "sale_cap")
CHAIN_LINES = ("name", "symbol", "decimals", "total_supply", "owner", "paused", "minting_finished")


def render_contract(report: ContractReport) -> str:
    src, comp = report.source, report.compile
    symbol = report.symbol or "tokens"
    lines = [f"{report.address or src.path or src.files[0]}  (chain {report.chain_id})"]
    lines.append(
        f"  source:   {src.origin} ({src.path or 'Etherscan'}); {len(src.files)} file(s)"
        + (f"; verified as {src.contract_name}" if src.contract_name else "")
    )
    if report.proxy:
        lines.append(f"  proxy:    implementation {report.proxy.implementation} (analysed: {report.proxy.analysed})")
    lines.append(f"  compiled: solc {comp.solc_version} ({comp.compiler}) in {comp.seconds:.1f} s; {len(comp.contracts)} contracts")
    lines.append("code facts:")
    lines += _fact_lines(report.facts, symbol)
    if report.chain:
        lines += _chain_lines(report.chain, symbol)
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)


def _fact_lines(facts: CodeFacts, symbol: str) -> list[str]:
    """Aligned lines: the value, the first reason and where (``Contract.function:line`` and how many more)."""
    names = [*VALUE_FACTS, *facts.verdicts]
    width = max(len(name) for name in names)
    lines = []
    for name in names:
        value = getattr(facts, name)
        unit = "ETH" if name == "sale_cap" and facts.sale_cap_unit == "ETH" else symbol
        line = f"  {name:<{width}}  {_amount(value, unit) if isinstance(value, TokenAmount) else _short(value)}"
        evidence = facts.evidence.get(name) or []
        if evidence and evidence[0].reason:
            line += f"  - {_short(evidence[0].reason, 70)}"
        elif value is None and facts.status == "ok" and name in facts.undetermined:
            line += f"  - {_short(facts.undetermined[name], 70)}"  # else the notes say why for all
        where = _where(evidence)
        if where:
            line += f"  [{where}]"
        lines.append(line)
    if facts.roles:
        shown = "; ".join(f"{r.name}: {', '.join(r.functions)}" for r in facts.roles)
        lines.append(f"  {'roles':<{width}}  {_short(shown, 160)}")
    if facts.erc20 is not None:
        bad = [f.signature + (f" returns {f.returns or 'nothing'}" if f.present else " missing")
               for f in facts.erc20.functions if not f.conforms]
        bad += [f"event {name} missing" for name, ok in facts.erc20.events.items() if not ok]
        lines.append(f"  {'erc20':<{width}}  " + ("conforms" if not bad else "does not conform: " + _short("; ".join(bad), 140)))
    if facts.notes:
        lines.append(f"  notes: {_short(facts.notes, 200)}")
    return lines


def _chain_lines(chain: Any, symbol: str) -> list[str]:
    lines = [f"on-chain (block {chain.block_number}):"]
    if not chain.code_present:
        return lines + ["  no contract code at this address"]
    for key in CHAIN_LINES:
        value = getattr(chain, key)
        lines.append(f"  {key:<16} {_amount(value, symbol) if key == 'total_supply' else _short(value)}")
    g = chain.genesis
    if g and g.creation_block is not None:
        lines.append(
            f"  genesis: created in block {g.creation_block} by {g.deployer or 'a contract'}; "
            f"{g.transfers} transfers in blocks {g.creation_block}-{g.window_end_block}"
        )
        for r in g.recipients[:10]:
            lines.append(f"    {r.address}  {r.percent:6.2f}%  {_amount(r.amount, symbol)}")
        if len(g.recipients) > 10:
            lines.append(f"    ... {len(g.recipients) - 10} more")
    return lines


def _amount(amount: TokenAmount | None, symbol: str) -> str:
    return amount.format(symbol) if amount is not None else "-"


def _where(evidence: list[Evidence]) -> str:
    """``SmartToken.issue:355`` (and how many more places) from a fact's evidence."""
    places = [e.where for e in evidence if e.line is not None]
    if not places:
        return ""
    return places[0] + (f" +{len(places) - 1}" if len(places) > 1 else "")


def _short(value: Any, limit: int = 100) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
