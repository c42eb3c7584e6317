"""The detector plug-in interface (Slither-style), its registry, and shared reasoning about flags,
writers and migrations.

A detector is one file: a :class:`FactDetector` subclass decorated with :func:`register`, with
``NAME`` (the fact it decides: a GOLD.md field, or a new one), ``DESCRIPTION``, ``IMPACT``,
``CONFIDENCE``, ``ORDER`` and a ``_detect()`` returning :class:`Finding` s with evidence. Its verdict
is ``True`` when it finds something, ``False`` otherwise, and ``None`` when the file cannot show the
fact (e.g. a proxy whose balances live on an outside platform); :meth:`FactDetector.why_null` says why.
The detectors in this package are found and registered on first use
(:func:`ico_lens.contract.detectors.registered`); a plug-in elsewhere registers itself when imported.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from ico_lens.contract import conditions as cond
from ico_lens.contract.analysis import Effect, TokenModel
from ico_lens.contract.records import CodeFacts
from ico_lens.plugins import Registry
from ico_lens.records import Evidence, confidence_value

IMPACTS = ("high", "medium", "low", "informational")
#: why a fact is null when the rule cannot be applied to the file
NO_TOKEN = "no ERC-20 token contract is implemented in this source"
NO_BALANCES = "the token keeps no balances in this file (a proxy to an outside platform)"


@dataclass
class Finding:
    """One reason a detector gives for its fact: code evidence whose ``reason`` says what was found."""

    fact: str
    evidence: Evidence
    value: Any = True

    @property
    def description(self) -> str:
        return self.evidence.reason


def evidence_at(node: Any, function: Any, reason: str = "") -> Evidence:
    """Code evidence for an IR node (or a function or state variable when ``node`` is None)."""
    mapping = node.source_mapping if node is not None else getattr(function, "source_mapping", None)
    line = mapping.lines[0] if mapping is not None and mapping.lines else None
    code = ""
    if mapping is not None:
        try:
            code = " ".join(str(mapping.content).split())
        except Exception:  # noqa: BLE001 - source text is a nicety
            code = ""
    if len(code) > 160:
        code = code[:157] + "..."
    from slither.core.declarations import Function

    owner = getattr(function, "contract_declarer", None) or getattr(function, "contract", None)
    name = getattr(function, "name", None) if isinstance(function, Function) else None  # a state variable: no function
    return Evidence.in_code(contract=getattr(owner, "name", None), function=name, line=line, code=code,
                            file=_short_file(mapping), reason=reason)


def _short_file(mapping: Any) -> str | None:
    if mapping is not None and getattr(mapping, "filename", None) is not None:
        return getattr(mapping.filename, "short", None)
    return None


class FactDetector:
    """Base class: decide one fact about the main token contract (or, for some, the whole file)."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    IMPACT: ClassVar[str] = "informational"  # what it means for a holder: "high" | "medium" | "low" | "informational"
    CONFIDENCE: ClassVar[str] = "medium"  # how sure the rule is: "high" | "medium" | "low"
    #: detectors run by increasing ORDER (the facts' order in the JSON); one that reads another's
    #: verdict through ``self.decided`` needs a higher ORDER
    ORDER: ClassVar[int] = 1000
    #: the fact cannot be judged when the token has no balances in this file (platform proxies)
    NEEDS_BALANCES: ClassVar[bool] = True
    #: the fact is about the token contract (False: about any contract of the file, e.g. a sale)
    NEEDS_TOKEN: ClassVar[bool] = True
    #: why the fact is null when the rule ran and :meth:`verdict` gave None
    NULL_REASON: ClassVar[str] = "the rule reached no verdict"

    def __init__(self, model: TokenModel, decided: dict[str, Any] | None = None):
        self.model = model
        #: verdicts of the detectors that ran before (for facts that depend on others)
        self.decided = decided if decided is not None else {}
        #: set by ``_detect`` when it found nothing but cannot say the fact is absent (the verdict is
        #: then None and this is why)
        self.undecided: str | None = None

    def applicable(self) -> bool:
        if self.model.token is None:
            return not self.NEEDS_TOKEN
        return bool(self.model.balance_vars) or not self.NEEDS_BALANCES

    def _detect(self) -> list[Finding]:
        raise NotImplementedError

    def verdict(self, findings: list[Finding]) -> Any:
        if findings:
            return True
        return None if self.undecided else False

    def detect(self) -> tuple[Any, list[Finding]]:
        """``(value, findings)``; value None when the fact is not applicable."""
        if not self.applicable():
            return None, []
        findings = self._detect()
        return self.verdict(findings), findings

    def why_null(self) -> str:
        """Why the verdict is None."""
        if self.undecided:
            return self.undecided
        if self.model.token is None and self.NEEDS_TOKEN:
            return NO_TOKEN
        if not self.applicable():
            return NO_BALANCES
        return self.NULL_REASON

    # -- helpers -------------------------------------------------------------------------------
    def finding(self, description: str, node: Any, function: Any, value: Any = True) -> Finding:
        return Finding(self.NAME, evidence_at(node, function, description), value)


# ---------------------------------------------------------------------------------------------
# the registry

#: every detector, by the fact it decides; the modules of ico_lens.contract.detectors register on first use
DETECTORS: Registry[type[FactDetector]] = Registry("detector", "ico_lens.contract.detectors")
#: names a detector cannot take: the other fields of the facts record
_RESERVED = frozenset(f.name for f in dataclasses.fields(CodeFacts))


def register(detector: type[FactDetector]) -> type[FactDetector]:
    """Class decorator: add a detector to the registry (its ``NAME`` becomes a fact of
    :class:`CodeFacts`). Raises ValueError for a name that is no identifier, is another field of
    CodeFacts, or is taken by another detector, and for an unknown impact or confidence."""
    name = getattr(detector, "NAME", "")
    where = f"{detector.__module__}.{detector.__qualname__}"
    if not (isinstance(name, str) and name.isidentifier()):
        raise ValueError(f"detector {where}: NAME {name!r} is not a fact name (an identifier)")
    if name in _RESERVED:
        raise ValueError(f"detector {where}: NAME {name!r} is a field of CodeFacts, not a boolean fact")
    if detector.IMPACT not in IMPACTS:
        raise ValueError(f"detector {where}: IMPACT {detector.IMPACT!r} is not one of {', '.join(IMPACTS)}")
    confidence_value(detector.CONFIDENCE)  # raises on an unknown level
    return DETECTORS.add(detector)


def unregister(name: str) -> None:
    """Remove the detector of fact ``name`` (a plug-in's tests clean up with it)."""
    DETECTORS.remove(name)


# ---------------------------------------------------------------------------------------------
# shared reasoning about state flags, used by several detectors


def functions_reached(entry: Any) -> list:
    """Every function ``entry`` runs: the ones it calls (transitively) and those of its modifiers."""
    from ico_lens.contract.analysis import closure_functions

    reached = list(closure_functions(entry))
    for modifier in getattr(entry, "modifiers", []):
        for f in closure_functions(modifier):
            if f not in reached:
                reached.append(f)
    return reached


def is_bool(var: Any) -> bool:
    return str(getattr(var, "type", "")) == "bool"


def is_flag_mapping(var: Any) -> bool:
    """A mapping to bool (``whitelist[account]``, ``frozen[account]``): a flag per account, where a
    date or an amount per account would be a schedule."""
    return str(getattr(getattr(var, "type", None), "type_to", "")) == "bool"


def is_scalar(var: Any) -> bool:
    from slither.core.solidity_types import ElementaryType

    return isinstance(getattr(var, "type", None), ElementaryType)


def blocking_values(guard: cond.Guard, var: Any, roles: Any = ()) -> list[bool]:
    """Values of the bool ``var`` for which ``guard`` stops an ordinary account (no role, in no
    allow-list: ``require(released || transferAgents[_from])`` stops it while not released), on
    any transfer, or on one to or from a stored counterparty (``if (to == uniswapV2Pair)``: sells)."""
    out = []
    for value in (True, False):
        for parties in counterparties(guard, roles):
            ordinary = frozenset(roles)  # neither party is a role's stored address
            stops = cond.guard_pass(guard, cond.Assumptions(state={var: value}, caller_has_role=False, lookups=False, parties=parties, ordinary_roles=ordinary)) is False
            other = cond.guard_pass(guard, cond.Assumptions(state={var: not value}, caller_has_role=False, lookups=False, parties=parties, ordinary_roles=ordinary))
            if stops and other is not False:
                out.append(value)
                break
    return out


def counterparties(guard: cond.Guard, roles: Any = ()) -> list[frozenset]:
    """Ways to read a transfer guard: any transfer (no assumption), then a transfer to or from each
    stored address the guard compares an argument with that is no role (the DEX pair of a BSC
    token: ``if (to == uniswapV2Pair) require(tradingOpen)`` restricts sells)."""
    options = [frozenset()]
    for v in cond.state_vars_in(guard):
        if str(getattr(v, "type", "")) in ("address", "address payable") and v.name not in roles:
            options.append(frozenset({v}))
    return options


def written_value(effect: Effect) -> str:
    """How a write sets a flag: "true"/"false" (a constant), "any" (from an argument), "other"."""
    term = effect.value
    if term is None:
        return "other"
    if term.kind == "const":
        text = str(term.value).lower()
        if text in ("true", "false"):
            return text
        return "const"
    if term.kind in ("param", "unknown"):
        return "any"
    return "other"


def can_write(effect: Effect, value: bool) -> bool:
    w = written_value(effect)
    return w == "any" or w == str(value).lower()


def writers(model: TokenModel, var: Any) -> list[tuple[Any, Effect]]:
    return [(entry, e) for entry, e in model.state_writes(var) if e.kind == "state"]


def is_one_shot(model: TokenModel, function: Any) -> bool:
    """``function`` can run only once: a guard needs a variable in its initial state, the function
    moves it out of it, and nothing else after deployment moves it back
    (``require(!finalized); ... finalized = true`` or ``require(sale == address(0)); sale = _sale``)."""
    own = [e for e in model.effects(function) if e.kind == "state"]
    for guard in model.guards(function):
        if cond.reads_time(guard):
            continue
        for var in cond.state_vars_in(guard):
            writes = [e for e in own if e.variable is var]
            if not writes:
                continue
            others = [entry for entry, _ in writers(model, var) if entry is not function]
            if others:
                continue
            if is_bool(var):
                value = written_value(writes[0])
                if value in ("true", "false"):
                    stop = cond.guard_pass(guard, cond.Assumptions(state={var: value == "true"}))
                    if stop is False:
                        return True
            elif cond.compares_with_zero(guard, var):
                return True
    return False


def only_brings_forward(model: TokenModel, function: Any, effect: Effect, var: Any) -> bool:
    """``function`` writes ``var`` only with a value below its current one (``require(_start <
    tradingStart); tradingStart = _start``): a time that can only move earlier."""
    from slither.core.expressions import BinaryOperation, BinaryOperationType

    written = effect.value
    if written is None or written.kind != "param":
        return False
    less = {BinaryOperationType.LESS, BinaryOperationType.LESS_EQUAL}
    greater = {BinaryOperationType.GREATER, BinaryOperationType.GREATER_EQUAL}
    for guard in model.guards(function):
        expr = cond._strip(guard.expression)
        if not isinstance(expr, BinaryOperation) or expr.type not in less | greater:
            continue
        left, right = cond.resolve(expr.expression_left, guard.subst), cond.resolve(expr.expression_right, guard.subst)
        below = expr.type in less
        if guard.negated:
            below = not below
        if left == written and right is not None and right.kind == "state" and right.value is var:
            return below
        if right == written and left is not None and left.kind == "state" and left.value is var:
            return not below
    return False


def sets_latch(model: TokenModel, function: Any) -> bool:
    """``function`` also sets a one-way latch (``mintingFinished = true``): a finalisation step."""
    for e in model.effects(function):
        if e.kind == "state" and is_bool(e.variable) and latch_value(model, e.variable) is not None:
            if written_value(e) in ("true", "false"):
                return True
    return False


def latch_value(model: TokenModel, var: Any) -> bool | None:
    """For a bool set after deployment only to one constant (a one-way latch), that constant."""
    values = {written_value(e) for _, e in writers(model, var)}
    if values == {"true"}:
        return True
    if values == {"false"}:
        return False
    return None


def initial_bool(model: TokenModel, var: Any) -> bool | None:
    term = model.initial_value(var)
    if term is not None and term.kind == "const" and str(term.value).lower() in ("true", "false"):
        return str(term.value).lower() == "true"
    return None


# ---------------------------------------------------------------------------------------------
# per-account guards, sales and migrations, used by several detectors

#: whose entry a per-account lookup reads when it concerns the sender or a given account
ACCOUNT_KEYS = ("sender", "param")


def is_global(guard: cond.Guard) -> bool:
    """The guard does not look anything up per account (not a freeze, not a vesting lock)."""
    return not cond.mapping_lookups(guard)


def reads_msg_value(function: Any) -> bool:
    """The function (or what it calls) looks at the ether sent: it prices something."""
    from ico_lens.contract.analysis import closure_functions

    for f in closure_functions(function):
        if any(v.name == "msg.value" for v in f.solidity_variables_read):
            return True
    return False


def forwarding_calls(model: TokenModel):
    """(entry, call) where a transfer, or a holder's own burn, calls a stored address an admin can change."""
    for entry in model.entry_points:
        effects = model.effects(entry)
        own_burn = any(e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind in ("sender", "param") for e in effects)
        credits = any(e.kind == "balance" and e.direction in ("inc", "set") for e in effects)
        own_burn = own_burn and (any(e.kind == "supply" and e.direction == "dec" for e in effects) or not credits)
        is_transfer = entry in model.transfer_functions
        if not is_transfer and not own_burn:
            continue
        for e in effects:
            if e.kind != "call" or e.key is None or e.key.kind != "state":
                continue
            if (is_transfer and _in_guard(e.node)) or _answers_a_check(entry, e):
                continue  # require(controller.onTransfer(...)), DSAuth's authority.canCall(): a check, not the logic
            if is_transfer and _beside_own_bookkeeping(model, entry, e):
                continue  # the token moved the balances itself and then told a companion: a hook
            if _admin_set_address(model, e.key.value):
                yield entry, e
                break


def _answers_a_check(entry: Any, effect: Effect) -> bool:
    """The call is made by a modifier of ``entry`` or what it runs (DSAuth's ``auth`` ->
    ``isAuthorized()`` -> ``return authority.canCall(...)``): a permission check, not the logic."""
    from ico_lens.contract.analysis import closure_functions

    checks = {f for modifier in getattr(entry, "modifiers", []) or [] for f in closure_functions(modifier)}
    return effect.function is not entry and effect.function in checks


def _beside_own_bookkeeping(model: TokenModel, entry: Any, effect: Effect) -> bool:
    """The transfer moves balances itself and makes the call on the same path (under no ``if``):
    a notification of a companion (Tether's ``if (deprecated) return upgraded.transferByLegacy(...)``
    stays an upgrade: the call replaces the bookkeeping on its branch)."""
    moves = any(e.kind == "balance" for e in model.effects(entry))
    return moves and not cond.branch_conditions(effect.node)


def _admin_set_address(model: TokenModel, var: Any) -> bool:
    return any(
        effect.value is not None and effect.value.kind in ("param", "unknown", "state") and model.role_only(entry)
        for entry, effect in model.state_writes(var)
    )


def _in_guard(node: Any) -> bool:
    from slither.core.cfg.node import NodeType

    return node.type == NodeType.IF or bool(cond.node_guards(node, node.function, {}))


#: words for an opt-in exchange to a new contract; used only together with the behaviour below
MIGRATION_WORDS = re.compile(r"migrat|upgrad|exchange|swap", re.I)


def migration_entries(model: TokenModel) -> list[tuple[Any, Effect]]:
    """(entry, effect) for holder-initiated migrations: the caller's tokens leave the supply and are
    handed to an agent contract, or are exchanged in a phase an admin opens."""
    found = {entry: e for entry, e in forwarding_calls(model) if entry not in model.transfer_functions}
    for entry in model.entry_points:
        if entry in found:
            continue
        effects = model.effects(entry)
        own_down = [e for e in effects if e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind == "sender"]
        supply_down = [e for e in effects if e.kind == "supply" and e.direction == "dec"]
        if not (own_down and supply_down) or entry in model.transfer_functions:
            continue
        for guard in model.guards(entry):
            for var in cond.state_vars_in(guard):
                if is_bool(var) and MIGRATION_WORDS.search(var.name + " " + entry.name):
                    if any(model.role_only(w) for w, _ in model.state_writes(var)):
                        found[entry] = supply_down[0]
    return list(found.items())
