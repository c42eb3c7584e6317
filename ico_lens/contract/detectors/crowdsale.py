"""crowdsale_in_file: a sale (tokens for ether) is implemented in this source."""

from __future__ import annotations

import re

from ico_lens.contract.analysis import entry_points_of
from ico_lens.contract.detectors.base import FactDetector, Finding, reads_msg_value, register

#: calls that hand out tokens when made on a stored address cast to a contract (``Token(token).mint(...)``)
TOKEN_CALLS = {"mint", "mintTokens", "issue", "issueTokens", "generateTokens", "createTokens"}
SALE_NAME = re.compile(r"(?i)(crowd)?sale|crowdfund|fundrais|offering|\bico\b|^ico|ico$")


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
                if not entry.payable or not reads_msg_value(entry) or _priced_at_zero(model, entry):
                    continue
                effects = model.effects(entry)
                resale = _between_holders(effects)
                for e in effects:
                    credited = e.kind in ("balance", "supply") and e.direction in ("inc", "set") and not resale
                    token_call = e.kind == "call" and e.key is not None and e.key.kind == "state" and (
                        _is_contract_var(e.key.value) or (e.name or "") in TOKEN_CALLS
                    )
                    if credited or token_call or _asks_to_credit_buyer(e) or _sells_own_stock(model, contract, e):
                        return [self.finding(f"{contract.name}.{entry.name}() is payable and hands out tokens", e.node, e.function)]
        for contract in model.contracts:
            # secondary cue: a sale contract that sells off-chain (owner-driven rounds) shows only by
            # its declared name; it must at least implement something that writes state
            if contract.is_library or not SALE_NAME.search(contract.name):
                continue
            if any(f.is_implemented and f.all_state_variables_written() for f in contract.functions_declared):
                return [self.finding(f"{contract.name} is a sale contract declared in this file", None, contract.constructor or contract.functions_declared[0])]
        return []


def _sells_own_stock(model, contract, effect) -> bool:
    """``this.transfer(msg.sender, tokens)`` in a token's payable function: the token sells from
    the stock it holds itself, through an external call to its own ERC-20 ``transfer``."""
    if effect.kind != "call" or effect.key is None or effect.key.kind != "this" or effect.name not in ("transfer", "transferFrom"):
        return False
    return any(v in model.balance_vars for v in contract.state_variables)


def _asks_to_credit_buyer(effect) -> bool:
    """``Ledger(owner).buyFor(msg.sender, msg.value, price)``: a stored address cast to a token-like
    contract (the token's controller, which keeps the balances) is handed the buyer and what they
    paid: it credits the buyer, so the sale is in this file even though no balance here moves."""
    if effect.kind != "call" or effect.key is None or effect.key.kind != "state":
        return False
    if not _is_contract_var(effect.variable):  # the cast's result: its type is the contract called
        return False
    return any(a.kind == "sender" for a in effect.arguments) and any(_is_msg_value(a) for a in effect.arguments)


def _is_msg_value(term) -> bool:
    return getattr(term.value, "name", None) == "msg.value"


def _between_holders(effects) -> bool:
    """The buyer's credit is a debit of a holder the function looks up (``oldOwner =
    tokenOwners[_tokenId]; balances[oldOwner] -= 1``), not of the issuer's stock (a stored wallet,
    the contract itself) nor new tokens: a market between holders, paid to the seller, is no sale."""
    debits = [e for e in effects if e.kind == "balance" and e.direction == "dec"]
    if not debits or any(e.kind == "supply" and e.direction in ("inc", "set") for e in effects):
        return False
    return all(e.key is not None and e.key.kind not in ("state", "this", "const", "sender") for e in debits)


def _is_contract_var(var) -> bool:
    """A stored fungible-token contract (it declares ERC-20's allowance, or a mint)."""
    from slither.core.declarations import Contract
    from slither.core.solidity_types import UserDefinedType

    t = getattr(var, "type", None)
    if not (isinstance(t, UserDefinedType) and isinstance(t.type, Contract)):
        return False
    declared = {f.solidity_signature for f in t.type.functions}
    # OpenZeppelin's ERC20Basic (no allowance) is still a token: it has transfer and balanceOf; so is
    # the ethereum.org tutorial's `interface token { function transfer(address, uint) }`, which the
    # sale's fallback pays out of (`tokenReward.transfer(msg.sender, amount / price)`)
    token_like = "transfer(address,uint256)" in declared and "ownerOf(uint256)" not in declared  # not an ERC-721
    return token_like or "allowance(address,address)" in declared or "mint(address,uint256)" in declared


def _priced_at_zero(model, entry) -> bool:
    """The tokens are ``msg.value * rate`` for a rate that is 0 after deployment and that nothing
    writes afterwards (the template's ``unitsOneEthCanBuy`` never set): buyers get nothing."""
    from slither.core.declarations import SolidityVariableComposed
    from slither.core.variables.state_variable import StateVariable
    from slither.slithir.operations import Binary, BinaryType

    from ico_lens.contract.analysis import closure_functions

    for function in closure_functions(entry):
        for node in function.nodes:
            for ir in node.irs:
                if not isinstance(ir, Binary) or ir.type != BinaryType.MULTIPLICATION:
                    continue
                operands = (ir.variable_left, ir.variable_right)
                if not any(isinstance(v, SolidityVariableComposed) and v.name == "msg.value" for v in operands):
                    continue
                for v in operands:
                    if isinstance(v, StateVariable) and not v.is_constant and _zero_forever(model, v):
                        return True
    return False


def _zero_forever(model, var) -> bool:
    if var.expression is not None:
        return False
    contract = var.contract
    for f in contract.functions:  # constructors and every function may write it
        if var in f.state_variables_written:
            return False
    for m in contract.modifiers:
        if var in m.state_variables_written:
            return False
    return True
