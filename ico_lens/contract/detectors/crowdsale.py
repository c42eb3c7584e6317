"""crowdsale_in_file: a sale (tokens for ether) is implemented in this source."""

from __future__ import annotations

import re

from ico_lens.contract.analysis import entry_points_of
from ico_lens.contract.detectors.base import FactDetector, Finding, reads_msg_value, register

SALE_NAME = re.compile(r"(?i)(crowd)?sale|crowdfund|\bico\b|^ico|ico$")


@register
class CrowdsaleDetector(FactDetector):
    NAME = "crowdsale_in_file"
    DESCRIPTION = "A payable function of some contract in the file hands out tokens (credits a balance, mints, or calls the token)."
    IMPACT = "informational"
    CONFIDENCE = "medium"
    ORDER = 120
    NEEDS_BALANCES = False
    NEEDS_TOKEN = False

    def _detect(self) -> list[Finding]:
        model = self.model
        for contract in model.contracts:
            if contract.is_library:
                continue
            for entry in entry_points_of(contract):
                if not entry.payable or not reads_msg_value(entry):
                    continue
                for e in model.effects(entry):
                    credited = e.kind in ("balance", "supply") and e.direction in ("inc", "set")
                    token_call = e.kind == "call" and e.key is not None and e.key.kind == "state" and _is_contract_var(e.key.value)
                    if credited or token_call:
                        return [self.finding(f"{contract.name}.{entry.name}() is payable and hands out tokens", e.node, e.function)]
        for contract in model.contracts:
            # secondary cue: a sale contract that sells off-chain (owner-driven rounds) shows only by
            # its declared name; it must at least implement something that writes state
            if contract.is_library or not SALE_NAME.search(contract.name):
                continue
            if any(f.is_implemented and f.all_state_variables_written() for f in contract.functions_declared):
                return [self.finding(f"{contract.name} is a sale contract declared in this file", None, contract.constructor or contract.functions_declared[0])]
        return []


def _is_contract_var(var) -> bool:
    """A stored fungible-token contract (it declares ERC-20's allowance, or a mint)."""
    from slither.core.declarations import Contract
    from slither.core.solidity_types import UserDefinedType

    t = getattr(var, "type", None)
    if not (isinstance(t, UserDefinedType) and isinstance(t.type, Contract)):
        return False
    declared = {f.solidity_signature for f in t.type.functions}
    return "allowance(address,address)" in declared or "mint(address,uint256)" in declared
