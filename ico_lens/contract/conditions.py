"""Guards and three-valued reasoning over the conditions that protect a function.

A *guard* is a condition a function needs to hold to go on: ``require(c)``/``assert(c)``, an
``if (c) throw;``/``revert()``/``return false;`` (the guard is ``!c``), or a modifier's
``if (c) _;``. Guards are collected over a function's *closure* (its modifiers and the internal
functions it calls), with the callee's parameters bound to the caller's arguments, so that
``require(isOwner(msg.sender))`` and ``modifier whenAllocation(false)`` can be reasoned about.

:func:`truth` evaluates a guard under assumptions (a state variable's value, "the caller holds no
role") in three-valued logic: True, False or None (unknown). "The guard is False whatever the
unknowns are" is what tells that a value of a flag blocks a function, or that only a role can pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from slither.core.cfg.node import NodeType
from slither.core.declarations import Function, SolidityFunction, SolidityVariable, SolidityVariableComposed
from slither.core.expressions import (
    AssignmentOperation,
    ConditionalExpression,
    BinaryOperation,
    BinaryOperationType,
    CallExpression,
    Identifier,
    IndexAccess,
    Literal,
    MemberAccess,
    TupleExpression,
    TypeConversion,
    UnaryOperation,
    UnaryOperationType,
)
from slither.core.variables.local_variable import LocalVariable
from slither.core.variables.state_variable import StateVariable
from slither.slithir.variables import TemporaryVariable

TIME_SOURCES = {"now", "block.timestamp", "block.number"}
CALLER = "msg.sender"
MAX_DEPTH = 6


@dataclass(frozen=True)
class Term:
    """What a parameter is bound to at a call site: the caller, a constant, a state variable, ..."""

    kind: str  # "sender" | "const" | "state" | "expr" | "unknown"
    value: Any = None
    subst: Any = None  # for "expr": the caller's substitution (tuple of pairs)


@dataclass
class Guard:
    """A condition ``expression`` (under ``subst``) that must be true for ``function`` to go on."""

    expression: Any
    negated: bool
    node: Any
    function: Function
    subst: dict = field(default_factory=dict)

    @property
    def line(self) -> int | None:
        lines = self.node.source_mapping.lines if self.node is not None else None
        return lines[0] if lines else None


def _is_call_to(expr: Any, names: Iterable[str]) -> bool:
    if isinstance(expr, CallExpression) and isinstance(expr.called, Identifier):
        value = expr.called.value
        return isinstance(value, SolidityFunction) and value.name.split("(")[0] in names
    return False


def _stops(node: Any) -> bool:
    """True if ``node`` ends the function without effect (throw, revert, bare return / return false)."""
    if node is None:
        return False
    if node.type == NodeType.THROW:
        return True
    if node.type == NodeType.EXPRESSION and _is_call_to(node.expression, {"revert"}):
        return True
    if node.type == NodeType.RETURN:
        expr = node.expression
        if expr is None:
            return True
        if isinstance(expr, Literal) and str(expr.value).lower() == "false":
            return True
    if node.type == NodeType.IF:  # the branch starts with its own if: do not guess
        return False
    return False


def branch_conditions(node: Any) -> list[tuple[Any, bool]]:
    """``(if-node, branch)`` for the ``if`` statements whose branch ``node`` sits in."""
    out = []
    for dom in getattr(node, "dominators", []) or []:
        if dom is node or dom.type != NodeType.IF or dom.expression is None:
            continue
        true_son, false_son = dom.son_true, dom.son_false
        doms = node.dominators
        if true_son is not None and (true_son is node or true_son in doms):
            out.append((dom, True))
        elif false_son is not None and false_son.type != NodeType.ENDIF and (false_son is node or false_son in doms):
            out.append((dom, False))
    return out


def _under_branches(node: Any, expr: Any) -> Any:
    """``require(r)`` inside ``if (c) { ... }`` only binds when c holds: the guard is ``!c || r``."""
    for dom, branch in branch_conditions(node):
        cond_expr = dom.expression if not branch else UnaryOperation(dom.expression, UnaryOperationType.BANG)
        expr = BinaryOperation(cond_expr, expr, BinaryOperationType.OROR)
    return expr


def _stop_under_branches(node: Any, expr: Any) -> Any:
    """``if (s) throw;`` inside ``if (c) { ... }`` stops only when c holds too: it stops on ``c && s``
    (TokenMarket's ``if (!released) { if (!transferAgents[a]) throw; }``)."""
    for dom, branch in branch_conditions(node):
        cond_expr = dom.expression if branch else UnaryOperation(dom.expression, UnaryOperationType.BANG)
        expr = BinaryOperation(cond_expr, expr, BinaryOperationType.ANDAND)
    return expr


def node_guards(node: Any, function: Function, subst: dict) -> list[Guard]:
    """The guards a single node imposes (empty for ordinary statements)."""
    expr = node.expression
    if node.type == NodeType.EXPRESSION and _is_call_to(expr, {"require", "assert"}) and expr.arguments:
        return [Guard(_under_branches(node, expr.arguments[0]), False, node, function, subst)]
    if node.type == NodeType.IF and expr is not None:
        if _stops(node.son_true):
            return [Guard(_stop_under_branches(node, expr), True, node, function, subst)]
        if _stops(node.son_false) and node.son_false is not None and node.son_false.type != NodeType.ENDIF:
            return [Guard(expr, False, node, function, subst)]
        if function.contract_declarer is not None and function in getattr(function.contract_declarer, "modifiers", []):
            if node.son_true is not None and node.son_true.type == NodeType.PLACEHOLDER:
                return [Guard(expr, False, node, function, subst)]
    return []


# ---------------------------------------------------------------------------------------------
# binding parameters to call-site arguments


def term_of(ir_var: Any, subst: dict) -> Term:
    """The :class:`Term` an IR argument stands for, resolving the caller's own parameters."""
    from slither.slithir.variables import Constant

    if isinstance(ir_var, SolidityVariableComposed) and ir_var.name == CALLER:
        return Term("sender")
    if isinstance(ir_var, TemporaryVariable) and ir_var in subst:  # a getter's result: _msgSender(), owner()
        return subst[ir_var]
    if isinstance(ir_var, SolidityVariable) and ir_var.name == "this":
        return Term("this")
    if isinstance(ir_var, Constant):
        return Term("const", ir_var.value)
    if isinstance(ir_var, StateVariable):
        return Term("state", ir_var)
    if isinstance(ir_var, LocalVariable) and ir_var in subst:
        return subst[ir_var]
    if isinstance(ir_var, LocalVariable) and isinstance(ir_var.function, Function) and ir_var in ir_var.function.parameters:
        return Term("param", ir_var)
    return Term("unknown", ir_var)


def call_subst(call: Any, subst: dict) -> dict:
    """Bind the callee's parameters of an InternalCall/LibraryCall IR to the caller's arguments."""
    callee = call.function
    params = list(getattr(callee, "parameters", []) or [])
    new = {}
    for param, arg in zip(params, call.arguments or []):
        new[param] = term_of(arg, subst)
    return new


def closure_guards(function: Function, *, subst: dict | None = None, depth: int = 0, seen: set | None = None) -> list[Guard]:
    """Guards of ``function``, its modifiers and the internal functions it calls (recursively)."""
    from slither.slithir.operations import InternalCall, LibraryCall

    subst = subst or {}
    seen = set() if seen is None else seen
    key = (function, tuple(sorted((id(k), v.kind) for k, v in subst.items())))
    if key in seen or depth > MAX_DEPTH:
        return []
    seen.add(key)
    guards: list[Guard] = []
    local = dict(subst)  # plus what the getters called here return
    for node in function.nodes:
        guards.extend(node_guards(node, function, subst))
        for ir in node.irs:
            if isinstance(ir, (InternalCall, LibraryCall)) and isinstance(ir.function, Function) and ir.function.nodes:
                getter = getter_term(ir.function)
                if getter is not None and ir.lvalue is not None:
                    local[ir.lvalue] = getter
                    continue
                guards.extend(closure_guards(ir.function, subst=call_subst(ir, local), depth=depth + 1, seen=seen))
    return guards


def getter_term(function: Function, depth: int = 0) -> Term | None:
    """What a getter without parameters returns when it is the caller, a state variable or ``this``:
    ``_msgSender()`` (OpenZeppelin 3/4's Context) is the caller, ``owner()`` reads ``_owner``."""
    if function.parameters or depth > MAX_DEPTH or not function.nodes:
        return None
    returns = _returned_expressions(function)
    if len(returns) != 1:
        return None
    term = _resolve(returns[0], {}, depth + 1)
    return term if term is not None and term.kind in ("sender", "state", "this") else None


# ---------------------------------------------------------------------------------------------
# three-valued evaluation


@dataclass
class Assumptions:
    """What :func:`truth` may assume: values of state variables and whether the caller holds a role."""

    state: dict = field(default_factory=dict)  # StateVariable -> bool
    caller_has_role: bool | None = None
    #: the value of a lookup by another account than the caller (``isException[_from]``): an
    #: ordinary account is in no list
    lookups: bool | None = None
    #: collects the names of the roles met while evaluating
    roles_seen: set = field(default_factory=set)


def _not(v):
    return None if v is None else not v


def _and(a, b):
    if a is False or b is False:
        return False
    if a is True and b is True:
        return True
    return None


def _or(a, b):
    if a is True or b is True:
        return True
    if a is False and b is False:
        return False
    return None


def _literal_bool(expr: Any) -> bool | None:
    if isinstance(expr, Literal) and str(expr.value).lower() in ("true", "false"):
        return str(expr.value).lower() == "true"
    return None


def _strip(expr: Any) -> Any:
    while isinstance(expr, TupleExpression) and len(expr.expressions) == 1:
        expr = expr.expressions[0]
    return expr


def resolve(expr: Any, subst: dict) -> Term | None:
    """What an identifier/member stands for: the caller, a state variable, a constant, ..."""
    return _resolve(expr, subst, 0)


def _resolve(expr: Any, subst: dict, depth: int) -> Term | None:
    expr = _strip(expr)
    if isinstance(expr, TypeConversion):
        return _resolve(expr.expression, subst, depth)
    if isinstance(expr, CallExpression) and not expr.arguments:
        target = _call_target(expr)
        return getter_term(target, depth) if target is not None else None
    if isinstance(expr, Identifier):
        value = expr.value
        if isinstance(value, SolidityVariableComposed) and value.name == CALLER:
            return Term("sender")
        if isinstance(value, SolidityVariable) and value.name in TIME_SOURCES:
            return Term("time")
        if isinstance(value, SolidityVariable) and value.name == "this":
            return Term("this")
        if isinstance(value, StateVariable):
            return Term("state", value)
        if isinstance(value, LocalVariable) and value in subst:
            term = subst[value]
            if term.kind == "expr":
                return _resolve(term.value, dict(term.subst or ()), depth + 1)
            return term
        if isinstance(value, LocalVariable) and isinstance(value.function, Function) and value in value.function.parameters:
            return Term("param", value)  # the entry point's own argument, as term_of says
        if isinstance(value, LocalVariable):
            return Term("local", value)
    if isinstance(expr, MemberAccess):
        text = str(expr)
        if text == CALLER:
            return Term("sender")
        if text in TIME_SOURCES:
            return Term("time")
    if isinstance(expr, Literal):
        return Term("const", expr.value)
    return None


def _is_zero(term: Term | None) -> bool:
    if term is None or term.kind != "const":
        return False
    try:
        return int(str(term.value), 0) == 0
    except ValueError:
        return False


def is_role_mapping(var: Any) -> bool:
    """A mapping from address to bool/struct that is not a token balance (owners, admins, roles)."""
    from slither.core.solidity_types import MappingType

    t = getattr(var, "type", None)
    return isinstance(t, MappingType)


def _returned_expressions(function: Function) -> list:
    return [n.expression for n in function.nodes if n.type == NodeType.RETURN and n.expression is not None]


def _call_target(expr: CallExpression) -> Function | None:
    called = expr.called
    if isinstance(called, Identifier) and isinstance(called.value, Function):
        return called.value
    if isinstance(called, MemberAccess):  # library call e.g. roles.has(addr), this.f()
        return None
    return None


def _expr_subst(function: Function, args: list, subst: dict) -> dict:
    return {p: Term("expr", a, tuple(subst.items())) for p, a in zip(function.parameters, args)}


def truth(expr: Any, assume: Assumptions, subst: dict | None = None, depth: int = 0) -> bool | None:
    """Three-valued value of a boolean Solidity expression under ``assume``."""
    subst = subst or {}
    expr = _strip(expr)
    if depth > MAX_DEPTH:
        return None
    lit = _literal_bool(expr)
    if lit is not None:
        return lit
    if isinstance(expr, UnaryOperation) and expr.type == UnaryOperationType.BANG:
        return _not(truth(expr.expression, assume, subst, depth + 1))
    if isinstance(expr, BinaryOperation):
        t = expr.type
        if t == BinaryOperationType.ANDAND:
            return _and(truth(expr.expression_left, assume, subst, depth + 1), truth(expr.expression_right, assume, subst, depth + 1))
        if t == BinaryOperationType.OROR:
            return _or(truth(expr.expression_left, assume, subst, depth + 1), truth(expr.expression_right, assume, subst, depth + 1))
        counter = _counter_comparison(expr, assume, subst)
        if counter is not None:
            return counter
        if t in (BinaryOperationType.EQUAL, BinaryOperationType.NOT_EQUAL):
            result = _equality(expr, assume, subst, depth)
            if result is not None and t == BinaryOperationType.NOT_EQUAL:
                return not result
            return result
        return None
    if isinstance(expr, IndexAccess):
        base = resolve(expr.expression_left, subst)
        key = resolve(expr.expression_right, subst)
        if key is not None and key.kind == "sender" and (base is None or base.kind in ("state", "unknown", "param")):
            # a bool looked up by the caller's address: owners[msg.sender], role.bearer[addr]
            name = base.value.name if base is not None and base.kind == "state" else str(expr.expression_left)
            assume.roles_seen.add(name)
            return assume.caller_has_role
        if key is not None and key.kind == "param" and base is not None and base.kind == "state":
            return assume.lookups
        return None
    if isinstance(expr, CallExpression):
        target = _call_target(expr)
        if target is not None and target.nodes:
            returns = _returned_expressions(target)
            if len(returns) == 1:
                return truth(returns[0], assume, _expr_subst(target, list(expr.arguments), subst), depth + 1)
            if not returns and target.return_type:
                # named return variable: `function isOwner(address a) returns (bool r) { r = ...; }`
                return None
            if any(resolve(a, subst) and resolve(a, subst).kind == "sender" for a in expr.arguments):
                values = {truth(r, assume, _expr_subst(target, list(expr.arguments), subst), depth + 1) for r in returns}
                if len(values) == 1:
                    return values.pop()
        if (
            isinstance(expr.called, MemberAccess)
            and expr.called.member_name not in ("call", "delegatecall", "callcode", "send", "transfer", "staticcall")
            and _reads_state(expr.called.expression, subst)
            and any((resolve(a, subst) or Term("x")).kind == "sender" for a in expr.arguments)
        ):
            # roles.has(msg.sender), hasRole(role, msg.sender) through a library: a role check
            assume.roles_seen.add(str(expr.called))
            return assume.caller_has_role
        return None
    term = resolve(expr, subst)
    if term is not None and term.kind == "state":
        return assume.state.get(term.value)
    if term is not None and term.kind == "const":
        return _literal_bool(Literal(term.value, None)) if str(term.value).lower() in ("true", "false") else None
    return None


def _counter_comparison(expr: BinaryOperation, assume: Assumptions, subst: dict) -> bool | None:
    """``S > 0``, ``S != 0``, ``S == 0`` (either way round) for a counter assumed "zero"/"nonzero"."""
    lt, rt = resolve(expr.expression_left, subst), resolve(expr.expression_right, subst)
    t = expr.type
    for a, b, flipped in ((lt, rt, False), (rt, lt, True)):
        if a is None or a.kind != "state" or not _is_zero(b):
            continue
        state = assume.state.get(a.value)
        if state not in ("zero", "nonzero"):
            continue
        nonzero = state == "nonzero"
        if t == BinaryOperationType.EQUAL:
            return not nonzero
        if t == BinaryOperationType.NOT_EQUAL:
            return nonzero
        if (t == BinaryOperationType.GREATER and not flipped) or (t == BinaryOperationType.LESS and flipped):
            return nonzero
        if (t == BinaryOperationType.LESS_EQUAL and not flipped) or (t == BinaryOperationType.GREATER_EQUAL and flipped):
            return not nonzero
    return None


def _equality(expr: BinaryOperation, assume: Assumptions, subst: dict, depth: int) -> bool | None:
    left, right = _strip(expr.expression_left), _strip(expr.expression_right)
    for a, b in ((left, right), (right, left)):
        lit = _literal_bool(b)
        if lit is None:
            term = resolve(b, subst)
            if term is not None and term.kind == "const" and str(term.value).lower() in ("true", "false"):
                lit = str(term.value).lower() == "true"
        if lit is not None:
            v = truth(a, assume, subst, depth + 1)
            return None if v is None else v == lit
    lt, rt = resolve(left, subst), resolve(right, subst)
    for a, b in ((lt, rt), (rt, lt)):
        if a is not None and a.kind == "sender" and b is not None and b.kind == "state":
            assume.roles_seen.add(b.value.name)
            return assume.caller_has_role
    for a, b, bexpr in ((lt, rt, right), (rt, lt, left)):
        if a is not None and a.kind == "sender" and isinstance(bexpr, (IndexAccess, MemberAccess, CallExpression)):
            # msg.sender == owners[i] / roles[x].addr / getOwner(): still a comparison with stored state
            if _reads_state(bexpr, subst):
                assume.roles_seen.add(str(bexpr))
                return assume.caller_has_role
    # a state variable compared with a constant: known only under assumptions on that variable
    for a, b in ((lt, rt), (rt, lt)):
        if a is not None and a.kind == "state" and a.value in assume.state and b is not None and b.kind == "const":
            return None
    return None


def _reads_state(expr: Any, subst: dict) -> bool:
    found = False

    def visit(e):
        nonlocal found
        e = _strip(e)
        term = resolve(e, subst)
        if term is not None and term.kind == "state":
            found = True
        for child in _children(e):
            visit(child)

    visit(expr)
    return found


def _children(expr: Any) -> list:
    if isinstance(expr, AssignmentOperation):
        return [expr.expression_left, expr.expression_right]
    if isinstance(expr, ConditionalExpression):
        return [expr.if_expression, expr.then_expression, expr.else_expression]
    if isinstance(expr, BinaryOperation):
        return [expr.expression_left, expr.expression_right]
    if isinstance(expr, UnaryOperation):
        return [expr.expression]
    if isinstance(expr, TupleExpression):
        return [e for e in expr.expressions if e is not None]
    if isinstance(expr, IndexAccess):
        return [expr.expression_left, expr.expression_right]
    if isinstance(expr, MemberAccess):
        return [expr.expression]
    if isinstance(expr, CallExpression):
        return [expr.called, *expr.arguments]
    if isinstance(expr, TypeConversion):
        return [expr.expression]
    return []


def walk_expression(expr: Any, subst: dict, visit: Callable[[Any, dict], None], depth: int = 0, inline: bool = True) -> None:
    """Visit ``expr`` and its sub-expressions, descending into internal view functions it calls."""
    if expr is None or depth > MAX_DEPTH:
        return
    expr = _strip(expr)
    visit(expr, subst)
    for child in _children(expr):
        walk_expression(child, subst, visit, depth + 1, inline)
    if inline and isinstance(expr, CallExpression):
        target = _call_target(expr)
        if target is not None and target.nodes and not target.is_constructor:
            inner = _expr_subst(target, list(expr.arguments), subst)
            for node in target.nodes:
                if node.expression is not None and node.type in (NodeType.RETURN, NodeType.IF, NodeType.EXPRESSION, NodeType.VARIABLE):
                    walk_expression(node.expression, inner, visit, depth + 1, inline)


def guard_pass(guard: Guard, assume: Assumptions) -> bool | None:
    """Whether ``guard`` lets the function go on under ``assume`` (None: cannot tell)."""
    value = truth(guard.expression, assume, guard.subst)
    return _not(value) if guard.negated else value


def state_vars_in(guard: Guard) -> list:
    """State variables a guard reads (through inlined view functions too), except mappings' keys, in
    the order the guard reads them: a set here made the first reason of a fact vary between runs."""
    found: dict = {}

    def visit(e, subst):
        term = resolve(e, subst)
        if term is not None and term.kind == "state":
            found.setdefault(term.value, None)

    walk_expression(guard.expression, guard.subst, visit)
    return list(found)


def reads_time(guard: Guard) -> bool:
    found = False

    def visit(e, subst):
        nonlocal found
        term = resolve(e, subst)
        if term is not None and term.kind == "time":
            found = True

    walk_expression(guard.expression, guard.subst, visit)
    return found


def mapping_lookups(guard: Guard) -> list[tuple[StateVariable, Term | None]]:
    """``(mapping, key)`` for every ``m[key]`` the guard reads, keys resolved through the bindings."""
    found: list = []

    def visit(e, subst):
        if isinstance(e, IndexAccess):
            base = _base_state(e.expression_left, subst)
            if base is not None:
                found.append((base, resolve(e.expression_right, subst)))

    walk_expression(guard.expression, guard.subst, visit)
    return found


def _base_state(expr: Any, subst: dict) -> StateVariable | None:
    expr = _strip(expr)
    while isinstance(expr, (IndexAccess, MemberAccess)):
        expr = _strip(expr.expression_left if isinstance(expr, IndexAccess) else expr.expression)
    term = resolve(expr, subst)
    if term is not None and term.kind == "state":
        return term.value
    return None


def time_direction(guard: Guard, *, stored_only: bool = False) -> set[str]:
    """How a time comparison in the guard bounds the function: "after" (``now >= T``: open only after
    T) and/or "before" (``now <= T``: open only until T, a deadline). With ``stored_only``, T must be
    a stored value or a constant (not an argument of the call). Comparisons inside functions the guard
    calls (``getState() == State.Funding``) keep their own orientation: their polarity is unknown."""
    relations = {
        BinaryOperationType.LESS: "<",
        BinaryOperationType.LESS_EQUAL: "<",
        BinaryOperationType.GREATER: ">",
        BinaryOperationType.GREATER_EQUAL: ">",
    }
    found: list[tuple[str, bool]] = []

    def has_time(e, subst):
        hit = False

        def v(x, s):
            nonlocal hit
            t = resolve(x, s)
            if t is not None and t.kind == "time":
                hit = True

        walk_expression(e, subst, v, inline=False)
        return hit

    def stored(e, subst):
        kinds = set()

        def v(x, s):
            t = resolve(x, s)
            if t is not None:
                kinds.add(t.kind)

        walk_expression(e, subst, v, inline=False)
        return bool(kinds & {"state", "const"}) and not kinds & {"param", "local"}

    def collect(e, subst, inlined, depth):
        e = _strip(e)
        if e is None or depth > MAX_DEPTH:
            return
        if isinstance(e, BinaryOperation) and e.type in relations:
            left_time, right_time = has_time(e.expression_left, subst), has_time(e.expression_right, subst)
            if left_time != right_time:
                rel = relations[e.type]
                other = e.expression_right if left_time else e.expression_left
                if right_time:
                    rel = "<" if rel == ">" else ">"
                if not stored_only or stored(other, subst):
                    found.append(("before" if rel == "<" else "after", inlined))
        for child in _children(e):
            collect(child, subst, inlined, depth + 1)
        if isinstance(e, CallExpression):
            target = _call_target(e)
            if target is not None and target.nodes and not target.is_constructor:
                inner = _expr_subst(target, list(e.arguments), subst)
                for node in target.nodes:
                    if node.expression is not None and node.type in (NodeType.RETURN, NodeType.IF, NodeType.EXPRESSION, NodeType.VARIABLE):
                        collect(node.expression, inner, True, depth + 1)

    collect(guard.expression, guard.subst, False, 0)
    out = set()
    for direction, inlined in found:
        if guard.negated and not inlined:
            direction = "after" if direction == "before" else "before"
        out.add(direction)
    return out


def compares_with_zero(guard: Guard, var: Any) -> bool:
    """The guard checks ``var == 0`` / ``var == address(0)`` (an unset address or amount)."""
    found = False

    def visit(e, subst):
        nonlocal found
        if isinstance(e, BinaryOperation) and e.type == BinaryOperationType.EQUAL:
            lt, rt = resolve(e.expression_left, subst), resolve(e.expression_right, subst)
            for a, b in ((lt, rt), (rt, lt)):
                if a is not None and a.kind == "state" and a.value is var and _is_zero(b):
                    found = True

    walk_expression(guard.expression, guard.subst, visit)
    return found
