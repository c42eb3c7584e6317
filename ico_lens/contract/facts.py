"""What a token contract's code can really do: :func:`derive_facts` makes the :class:`CodeFacts` record.

The field names are those of ``corpus/GOLD.md`` (token contract section); the boolean facts are
those of the registered detectors (:mod:`ico_lens.contract.detectors`), each with evidence whose
reason says why, or a reason in ``undetermined`` when it is null. On top of GOLD.md, ``roles`` lists
the privileged roles and the functions each can call, ``erc20`` the ERC-20 conformance and
``detectors`` the impact and confidence of each rule.

    from ico_lens.contract.source import load_source_file
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import derive_facts

    bundle = load_source_file("0xabc....sol")
    facts = derive_facts(load_slither(bundle), bundle)
    facts.can_mint_after_deploy, facts.evidence["can_mint_after_deploy"][0].reason
"""

from __future__ import annotations

import re
from typing import Any

from ico_lens.contract.records import CodeFacts, DetectorInfo, Erc20Conformance, Erc20Function, Role
from ico_lens.records import Evidence, ProjectRef, TokenAmount, confidence_value

__all__ = ["BOOLEAN_FACTS", "CodeFacts", "Erc20Conformance", "Erc20Function", "Role", "boolean_facts", "derive_facts"]

#: the token's state as prose, for readers of ``notes``
NOTES = {
    "no_token": "no ERC-20 token contract implemented in this source (only a sale, vesting or other contract)",
    "no_balances": "the token keeps no balances in this file (a proxy to an outside platform): balance facts are null",
}


def boolean_facts() -> tuple[str, ...]:
    """The boolean facts: the registered detectors' names, in the order they run (GOLD.md's order
    for the built-in ones)."""
    from ico_lens.contract.detectors import registered

    return tuple(detector.NAME for detector in registered())


def __getattr__(name: str):
    if name == "BOOLEAN_FACTS":  # computed when read: importing this module loads no Slither
        return boolean_facts()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    from ico_lens.contract.detectors import registered

    model = TokenModel(slither, getattr(bundle, "contract_name", None))
    token = model.token
    facts = CodeFacts(
        ref=ProjectRef(chain_id=getattr(bundle, "chain_id", 1), address=getattr(bundle, "address", None),
                       symbol=symbol_of(token) if token is not None else None),
        token_contract=token.name if token is not None else None,
        pragma=_pragma(bundle, token),
        status="no_token" if token is None else "ok" if model.balance_vars else "no_balances",
    )
    decided: dict[str, Any] = {}
    for detector_class in registered():
        name = detector_class.NAME
        detector = detector_class(model, decided)
        value, findings = detector.detect()
        decided[name] = facts.verdicts[name] = value
        facts.detectors[name] = DetectorInfo(
            detector_class.DESCRIPTION, detector_class.IMPACT, confidence_value(detector_class.CONFIDENCE)
        )
        shown = [f for f in findings if f.value] if value else findings
        if value is not None and shown:
            facts.evidence[name] = [f.evidence for f in shown[:3]]
        if value is None:
            facts.undetermined[name] = detector.why_null()
    facts.notes = NOTES.get(facts.status, "")
    if token is None:
        from ico_lens.contract.detectors.base import NO_TOKEN

        facts.undetermined.update(dict.fromkeys(("token_contract", "decimals", "initial_supply", "cap"), NO_TOKEN))
        _sale_cap(model, facts)
        return facts
    _values(model, facts)
    _sale_cap(model, facts)  # after _values: a cap in tokens counts in the token's decimals
    facts.roles = roles_of(model)
    facts.erc20 = erc20_of(token)
    return facts


SYMBOL_RE = re.compile(r"[A-Za-z0-9$._-]{1,12}")


def symbol_of(token: Any) -> str | None:
    """The token's ``symbol`` when the source sets it to a constant (``symbol = "AUC"``)."""
    from ico_lens.contract import values

    var = token.get_state_variable_from_name("symbol")
    if var is None:
        return None
    value = values.value_at_deployment(token, var)
    if isinstance(value, values.Symbolic) and not value.argument and SYMBOL_RE.fullmatch(value.text):
        return value.text
    return None


def _values(model: Any, facts: CodeFacts) -> None:
    """decimals, initial_supply and cap, each with evidence, or a reason why it is null."""
    from ico_lens.contract import values
    from ico_lens.contract.detectors.base import NO_BALANCES, evidence_at

    token = model.token
    decimals = values.decimals_of(token)
    facts.decimals = decimals if isinstance(decimals, int) else None
    if facts.decimals is not None:
        var = token.get_state_variable_from_name("decimals")
        if var is not None:
            _add(facts, "decimals", evidence_at(None, var, f"decimals = {facts.decimals}"))
    else:
        facts.undetermined["decimals"] = "no constant decimals variable or decimals() function"
    supply = _main_supply_var(model)
    initial = values.value_at_deployment(token, supply) if supply is not None else None
    if initial is not None and initial != 0:
        if isinstance(initial, int):
            facts.initial_supply = TokenAmount.from_raw(initial, facts.decimals)
        else:
            facts.initial_supply = TokenAmount(raw=None, decimals=facts.decimals, expression=str(initial))
        _add(facts, "initial_supply", evidence_at(None, token.constructor or supply, f"{supply.name} at deployment: {initial}"))
    else:
        facts.undetermined["initial_supply"] = (
            "no supply variable found" if supply is None else f"{supply.name} is 0 at deployment"
        )
    cap = cap_of(model)
    if cap is not None:
        value, guard = cap
        facts.cap = TokenAmount.from_raw(value, facts.decimals)
        _add(facts, "cap", evidence_at(guard.node, guard.function, f"minting is bounded: {value}"))
    elif not model.balance_vars:
        facts.undetermined["cap"] = NO_BALANCES
    else:
        facts.undetermined["cap"] = (
            "no minting function compares the supply with a constant" if model.minting_entries
            else "nothing can be minted after deployment"
        )


def _sale_cap(model: Any, facts: CodeFacts) -> None:
    """The hard cap of a sale of the file, with evidence, or why there is none."""
    from ico_lens.contract.detectors.base import evidence_at
    from ico_lens.contract.sale import sale_cap_of

    found, why = sale_cap_of(model)
    if found is None:
        facts.undetermined["sale_cap"] = why
        return
    if found.unit == "wei":
        facts.sale_cap, facts.sale_cap_unit = TokenAmount.from_raw(found.value, 18), "ETH"
    else:
        facts.sale_cap, facts.sale_cap_unit = TokenAmount.from_raw(found.value, facts.decimals), "tokens"
    _add(facts, "sale_cap", evidence_at(None, found.variable,
                                        f"{found.contract.name}.{found.variable.name} = {found.value}, read by {found.function.name}()"))


def _add(facts: CodeFacts, name: str, evidence: Evidence) -> None:
    facts.evidence.setdefault(name, []).append(evidence)


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

    relations = {BinaryOperationType.LESS, BinaryOperationType.LESS_EQUAL, BinaryOperationType.GREATER, BinaryOperationType.GREATER_EQUAL}
    for entry, _effect in model.minting_entries:
        for guard in model.guards(entry):
            found = []

            def visit(e, subst):
                if isinstance(e, BinaryOperation) and e.type in relations:
                    for side, other in ((e.expression_left, e.expression_right), (e.expression_right, e.expression_left)):
                        if _mentions(side, model.supply_vars, subst):
                            value = values.evaluate(other)
                            if not isinstance(value, int):
                                value = _fixed_at_deployment(model, cond.resolve(other, subst))
                            if isinstance(value, int) and value > 0:
                                found.append(value)

            cond.walk_expression(guard.expression, guard.subst, visit, inline=False)
            if found:
                return found[0], guard
    return None


def _fixed_at_deployment(model: Any, term: Any):
    """The number a state variable holds once deployed, when nothing changes it afterwards: the
    cap OpenZeppelin's ``ERC20Capped`` keeps in ``uint256 private immutable _cap`` (set by its
    constructor from the derived one's argument) and reads through ``cap()``."""
    from ico_lens.contract import values

    if term is None or term.kind != "state" or model.token is None or model.state_writes(term.value):
        return None
    if term.value in model.supply_vars:
        return None
    return values.value_at_deployment(model.token, term.value)


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
