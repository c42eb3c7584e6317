"""The sale's hard cap in code: what a crowdsale of the file may raise (in wei) or sell (in tokens).

A paper's hard cap ("26,790 ETH", "520 million tokens") is checked against it by the ``hard_cap``
alignment rule. The cap is a state variable of any contract of the file

* named as a sale-wide cap (``hardCap``, ``HARD_CAP``, ``cap``, ``fundingCap``, ``weiCap``,
  ``MAX_CAP``, ``TOKENS_HARD_CAP``, ``saleCap``, ``maxRaise``; not a per-buyer limit such as
  ``maxContribution`` / ``capPerAddress``, nor a pre-sale's own cap when the main sale has one),
* read by a payable function (or what it calls): the sale checks it when money comes in,
* with a constant value once deployed (``35000 ether``, ``3e6 * 10**18``). A cap set from a
  constructor argument is known on chain only, so the fact stays null and says why.

Its unit: tokens when the name says so (``TOKENS_HARD_CAP``, ``tokenCap``, ``HARD_CAP_T``) or the
value is counted in the token's decimals (``3e6 * 10**decimals``); wei when the name or the value
says ether (``weiCap``, ``35000 ether``); otherwise wei for a sale contract (a cap compared with
``weiRaised``) and tokens for the token itself (a cap on what it sells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: sale-wide caps (matched on the variable name)
CAP_NAME = re.compile(
    r"(?:hard_?cap|max_?cap|funding_?cap|wei_?cap|eth_?cap|ether_?cap|sale_?cap|ico_?cap|crowdsale_?cap|"
    r"tokens?_?cap|cap_?tokens?|max_?(?:raise|funding|wei_?raised|ether|eth)\b|^_?cap(?:_?wei)?$)",
    re.I,
)
#: limits of one buyer or one purchase, not of the sale
PER_BUYER = re.compile(r"per|individual|user|investor|contribut|purchase|address|wallet|buyer|person|min|whitelist|tx|soft", re.I)
#: a pre-sale's own cap (kept only when no main-sale cap exists)
PRESALE = re.compile(r"pre_?(?:sale|ico|ito|tge)|private|seed|early|bonus|round_?1|stage_?1", re.I)
#: the cap counts tokens, not wei (name; value)
TOKEN_UNIT = re.compile(r"tokens?|_t$", re.I)
TOKEN_VALUE = re.compile(r"decimals", re.I)
#: the cap counts wei (name; value)
WEI_UNIT = re.compile(r"wei|eth", re.I)
WEI_VALUE = re.compile(r"\b(?:ether|wei|finney|szabo)\b")


@dataclass
class SaleCapFound:
    value: int
    #: "wei" or "tokens" (raw units of the token)
    unit: str
    variable: Any
    contract: Any
    function: Any


def sale_cap_of(model: Any) -> tuple[SaleCapFound | None, str]:
    """The sale's hard cap, or None with the reason why none could be read."""
    from ico_lens.contract import values

    candidates, symbolic = [], []
    for contract in model.contracts:
        readers = _payable_readers(contract)
        for var in contract.state_variables:
            if not CAP_NAME.search(var.name) or PER_BUYER.search(var.name) or var not in readers:
                continue
            value = values.value_at_deployment(contract, var)
            if isinstance(value, int) and value > 0:
                unit = _unit(model, contract, var)
                candidates.append(SaleCapFound(value, unit, var, contract, readers[var]))
            elif value is not None:
                symbolic.append(f"{contract.name}.{var.name} = {value}")
    main = [c for c in candidates if not PRESALE.search(c.variable.name)]
    found = main or candidates
    if found:
        # the explicitly hard cap first, then a cap in wei (what papers usually state)
        found.sort(key=lambda c: ("hard" not in c.variable.name.lower(), c.unit != "wei"))
        return found[0], ""
    if symbolic:
        return None, f"the sale's cap is set when it is deployed ({symbolic[0]}): only the chain knows it"
    if not any(f.payable for c in model.contracts for f in c.functions if f.is_implemented):
        return None, "no sale in this source (no payable function)"
    return None, "no sale-wide cap variable read by a payable function"


def _unit(model: Any, contract: Any, var: Any) -> str:
    """"tokens" or "wei" (see the module's docstring)."""
    written = str(var.expression or "")
    if TOKEN_UNIT.search(var.name):
        return "tokens"
    if WEI_UNIT.search(var.name) or WEI_VALUE.search(written):
        return "wei"
    if TOKEN_VALUE.search(written):
        return "tokens"
    token = model.token
    in_token = token is not None and (contract is token or contract in token.inheritance)
    return "tokens" if in_token else "wei"


def _payable_readers(contract: Any) -> dict:
    """State variable -> the function that reads it when money comes in: a payable entry point of
    ``contract`` or a function it calls (the one whose code reads it, for the evidence)."""
    from ico_lens.contract.detectors.base import functions_reached

    readers: dict = {}
    for function in contract.functions:
        if not (function.payable and function.is_implemented) or function.is_constructor:
            continue
        for reached in functions_reached(function):
            for var in reached.state_variables_read:
                if var not in readers or reached is function:
                    readers[var] = reached
    return readers
