"""What a token contract's code can really do: :class:`CodeFacts` and :func:`derive_facts`.

The field names are those of ``corpus/GOLD.md`` (token contract section); every non-null fact
carries evidence (contract, function, source line, code). On top of GOLD.md, ``roles`` lists the
privileged roles and the functions each can call, and ``erc20`` the ERC-20 conformance.

    from ico_lens.contract.source import load_source_file
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import derive_facts

    bundle = load_source_file("0xabc....sol")
    facts = derive_facts(load_slither(bundle), bundle)
    facts.can_mint_after_deploy, facts.evidence["can_mint_after_deploy"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Slither is heavy: imported only when facts are derived
    from ico_lens.contract.detectors.base import Evidence

#: the boolean facts, in GOLD.md order
BOOLEAN_FACTS = (
    "can_mint_after_deploy",
    "mint_can_be_finished",
    "burnable",
    "pausable",
    "transfer_lock",
    "freeze_or_blacklist",
    "owner_can_change_balances",
    "upgradeable_or_migratable",
    "vesting_or_timelock",
    "transfer_fee",
    "selfdestruct",
    "crowdsale_in_file",
)


@dataclass
class Role:
    """A privileged role (an address or mapping checked against ``msg.sender``) and what it can call."""

    name: str
    functions: list[str] = field(default_factory=list)


@dataclass
class Erc20Function:
    signature: str
    present: bool
    returns: str | None  # the declared return type, e.g. "bool"; None when absent/none
    conforms: bool


@dataclass
class Erc20Conformance:
    """ERC-20 functions (with their return types), events and optional getters of the token."""

    functions: list[Erc20Function] = field(default_factory=list)
    events: dict[str, bool] = field(default_factory=dict)
    optional: dict[str, bool] = field(default_factory=dict)  # name, symbol, decimals

    @property
    def conforms(self) -> bool:
        return all(f.conforms for f in self.functions) and all(self.events.values())


@dataclass
class CodeFacts:
    """Facts about one token contract source, with GOLD.md's field names."""

    address: str | None = None
    token_contract: str | None = None
    pragma: str | None = None
    decimals: int | None = None
    initial_supply: str | None = None
    cap: str | None = None
    can_mint_after_deploy: bool | None = None
    mint_can_be_finished: bool | None = None
    burnable: bool | None = None
    pausable: bool | None = None
    transfer_lock: bool | None = None
    freeze_or_blacklist: bool | None = None
    owner_can_change_balances: bool | None = None
    upgradeable_or_migratable: bool | None = None
    vesting_or_timelock: bool | None = None
    transfer_fee: bool | None = None
    selfdestruct: bool | None = None
    crowdsale_in_file: bool | None = None
    #: fact -> evidence (contract, function, line, code), one entry per reason found
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: fact -> one-line explanations, parallel to ``evidence``
    reasons: dict[str, list[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    erc20: Erc20Conformance | None = None
    notes: str = ""


PRAGMA_RE = re.compile(r"pragma\s+solidity\s*([^;]+);")


def _pragma(bundle: Any, token: Any) -> str | None:
    text = None
    if token is not None:
        try:
            text = token.source_mapping.filename.absolute and open(token.source_mapping.filename.absolute, encoding="utf-8", errors="replace").read()
        except OSError:
            text = None
    if text is None and bundle is not None:
        text = getattr(bundle, "text", None)
    if not text:
        return None
    match = PRAGMA_RE.search(text)
    return " ".join(match.group(1).split()) if match else None


def derive_facts(slither: Any, bundle: Any = None) -> CodeFacts:
    """Run every registered detector on the main token contract of ``slither``."""
    from ico_lens.contract.analysis import TokenModel
    from ico_lens.contract.detectors import DETECTORS

    model = TokenModel(slither, getattr(bundle, "contract_name", None))
    facts = CodeFacts(address=getattr(bundle, "address", None))
    token = model.token
    facts.token_contract = token.name if token is not None else None
    facts.pragma = _pragma(bundle, token)
    decided: dict[str, Any] = {}
    for detector_class in DETECTORS:
        detector = detector_class(model, decided)
        value, findings = detector.detect()
        decided[detector_class.NAME] = value
        setattr(facts, detector_class.NAME, value)
        shown = [f for f in findings if f.value] if value else findings
        if value is not None and shown:
            facts.evidence[detector_class.NAME] = [f.evidence for f in shown[:3]]
            facts.reasons[detector_class.NAME] = [f.description for f in shown[:3]]
    if token is None:
        facts.notes = "no ERC-20 token contract implemented in this source (only a sale, vesting or other contract)"
        return facts
    _values(model, facts)
    facts.roles = roles_of(model)
    facts.erc20 = erc20_of(token)
    if not model.balance_vars:
        facts.notes = "the token keeps no balances in this file (a proxy to an outside platform): balance facts are null"
    return facts


def _values(model: Any, facts: CodeFacts) -> None:
    from ico_lens.contract import values
    from ico_lens.contract.detectors.base import evidence_at

    token = model.token
    decimals = values.decimals_of(token)
    facts.decimals = decimals if isinstance(decimals, int) else None
    if facts.decimals is not None:
        var = token.get_state_variable_from_name("decimals")
        if var is not None:
            _add(facts, "decimals", evidence_at(None, var), f"decimals = {facts.decimals}")
    supply = _main_supply_var(model)
    if supply is not None:
        initial = values.value_at_deployment(token, supply)
        if initial is not None and initial != 0:
            facts.initial_supply = str(initial)
            _add(facts, "initial_supply", evidence_at(None, token.constructor or supply), f"{supply.name} at deployment: {initial}")
    cap = cap_of(model)
    if cap is not None:
        value, guard = cap
        facts.cap = str(value)
        _add(facts, "cap", evidence_at(guard.node, guard.function), f"minting is bounded: {value}")


def _add(facts: CodeFacts, name: str, evidence: "Evidence", reason: str) -> None:
    facts.evidence.setdefault(name, []).append(evidence)
    facts.reasons.setdefault(name, []).append(reason)


def _main_supply_var(model: Any):
    if not model.supply_vars:
        return None
    ranked = sorted(model.supply_vars, key=lambda v: ("supply" not in v.name.lower(), v.name))
    return ranked[0]


def cap_of(model: Any):
    """A hard maximum on minting: a guard of a minting function comparing the supply with a constant."""
    from slither.core.expressions import BinaryOperation, BinaryOperationType

    from ico_lens.contract import conditions as cond
    from ico_lens.contract import values
    from ico_lens.contract.detectors.mint import minting_entries

    relations = {BinaryOperationType.LESS, BinaryOperationType.LESS_EQUAL, BinaryOperationType.GREATER, BinaryOperationType.GREATER_EQUAL}
    for entry, _effect in minting_entries(model):
        for guard in model.guards(entry):
            found = []

            def visit(e, subst):
                if isinstance(e, BinaryOperation) and e.type in relations:
                    for side, other in ((e.expression_left, e.expression_right), (e.expression_right, e.expression_left)):
                        if _mentions(side, model.supply_vars, subst):
                            value = values.evaluate(other)
                            if isinstance(value, int) and value > 0:
                                found.append(value)

            cond.walk_expression(guard.expression, guard.subst, visit, inline=False)
            if found:
                return found[0], guard
    return None


def _mentions(expr, variables, subst) -> bool:
    from ico_lens.contract import conditions as cond

    hit = False

    def visit(e, s):
        nonlocal hit
        term = cond.resolve(e, s)
        if term is not None and term.kind == "state" and term.value in variables:
            hit = True

    cond.walk_expression(expr, subst, visit, inline=False)
    return hit


def roles_of(model: Any) -> list[Role]:
    by_role: dict[str, list[str]] = {}
    for entry in model.entry_points:
        for role in sorted(model.role_only(entry)):
            by_role.setdefault(role, []).append(entry.name)
    return [Role(name, sorted(set(functions))) for name, functions in sorted(by_role.items())]


def erc20_of(token: Any) -> Erc20Conformance:
    from ico_lens.contract.analysis import ERC20_EVENTS, ERC20_FUNCTIONS

    functions = []
    for signature, expected in ERC20_FUNCTIONS.items():
        fn = token.get_function_from_signature(signature)
        returns = None
        present = fn is not None and (fn.is_implemented or fn.visibility in ("public", "external"))
        if fn is not None and fn.return_type:
            returns = ",".join(str(t) for t in fn.return_type)
        elif fn is None:
            var = token.get_state_variable_from_name(signature.split("(")[0])
            if var is not None and var.visibility == "public":
                present, returns = True, expected
        expected_ok = returns is not None and returns.startswith("uint") if expected == "uint256" else returns == expected
        functions.append(Erc20Function(signature, present, returns, bool(present and expected_ok)))
    events = {sig: any(e.full_name == sig for e in token.events) for sig in sorted(ERC20_EVENTS)}
    optional = {}
    for name in ("name", "symbol", "decimals"):
        optional[name] = token.get_state_variable_from_name(name) is not None or token.get_function_from_signature(f"{name}()") is not None
    return Erc20Conformance(functions, events, optional)
