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

import weakref
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from slither.core.cfg.node import NodeType
from slither.core.declarations import Enum, Function, Modifier, SolidityFunction, SolidityVariable, SolidityVariableComposed
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
#: who is calling, for guards and whose balance: ``require(tx.origin == owner)`` checks the caller too
CALLERS = {"msg.sender", "tx.origin"}
MAX_DEPTH = 6
#: how deep guards are collected through modifiers and internal calls (locks sit in helpers of helpers)
MAX_CALL_DEPTH = 10


@dataclass(frozen=True)
class Term:
    """What a parameter is bound to at a call site: the caller, a constant, a state variable, ..."""

    kind: str  # "sender" | "const" | "state" | "expr" | "unknown"
    value: Any = None
    subst: Any = None  # for "expr": the caller's substitution (tuple of pairs)


class _StandInVariable:
    """What the analysis reads of a Slither state variable, for things that stand in for one: no
    initializer, not constant, internal."""

    expression = None
    is_constant = False
    visibility = "internal"


@dataclass(frozen=True)
class FieldVar(_StandInVariable):
    """A field of a struct state variable that keeps the token's books: ``token.balances`` of a
    library-driven token (``using ERC20Lib for ERC20Lib.TokenStorage; ERC20Lib.TokenStorage token;``).
    It stands in for a state variable: name, type, no initializer."""

    holder: Any
    member: str
    type: Any = field(default=None, compare=False, hash=False)

    @property
    def name(self) -> str:
        return f"{self.holder.name}.{self.member}"

    @property
    def contract(self) -> Any:
        return self.holder.contract

    @property
    def source_mapping(self) -> Any:
        return self.holder.source_mapping


@dataclass(frozen=True)
class Namespace(_StandInVariable):
    """A storage struct reached through an assembly getter (``function _getERC20Storage() private
    pure returns (ERC20Storage storage $) { assembly { $.slot := ERC20StorageLocation } }``, the
    ERC-7201 namespaced storage of OpenZeppelin 5's upgradeable contracts). It stands in for a
    state variable holding the struct; its fields are :class:`FieldVar` s."""

    struct: Any
    type: Any = field(default=None, compare=False, hash=False)

    @property
    def name(self) -> str:
        return f"{self.struct.name}"

    @property
    def contract(self) -> Any:
        return getattr(self.struct, "contract", None)

    @property
    def source_mapping(self) -> Any:
        return self.struct.source_mapping


def namespace_getter(function: Any) -> Namespace | None:
    """The :class:`Namespace` a function without parameters returns when it only points a storage
    struct at a slot in assembly (``$.slot := LOCATION``)."""
    import re

    if not isinstance(function, Function) or function.parameters or len(function.returns) != 1:
        return None
    ret = function.returns[0]
    if str(getattr(ret, "location", "")) != "storage" or struct_of(ret) is None:
        return None
    for node in function.nodes:
        if node.type == NodeType.ASSEMBLY:
            text = getattr(node, "inline_asm", None)
            if not isinstance(text, str) or not text:
                try:
                    text = str(node.source_mapping.content)
                except Exception:  # noqa: BLE001 - no source text
                    text = ""
            if re.search(rf"{re.escape(ret.name)}\s*\.\s*slot\s*:=", text):
                return Namespace(struct_of(ret), ret.type)
    return None


def _namespace_of(expr: Any, subst: dict, depth: int = 0) -> Namespace | None:
    """The namespace ``expr`` points at: a call to its getter, or a local storage pointer given one."""
    expr = _strip(expr)
    if depth > MAX_DEPTH:
        return None
    if isinstance(expr, CallExpression) and not expr.arguments:
        target = _call_target(expr)
        return namespace_getter(target) if target is not None else None
    if isinstance(expr, Identifier) and isinstance(expr.value, LocalVariable):
        local = expr.value
        if local in subst and subst[local].kind == "expr":
            return _namespace_of(subst[local].value, dict(subst[local].subst or ()), depth + 1)
        function = local.function
        for node in getattr(function, "nodes", []) or []:
            if getattr(node, "variable_declaration", None) is local and node.expression is not None:
                rhs = node.expression.expression_right if isinstance(node.expression, AssignmentOperation) else node.expression
                return _namespace_of(rhs, {}, depth + 1)
    return None


def struct_of(var: Any) -> Any:
    """The Structure a struct-typed state variable holds, or None."""
    from slither.core.declarations import Structure
    from slither.core.solidity_types import UserDefinedType

    t = getattr(var, "type", None)
    inner = t.type if isinstance(t, UserDefinedType) else None
    return inner if isinstance(inner, Structure) else None


def field_of(holder: Any, member: str) -> FieldVar | None:
    """``holder.member`` for a struct state variable ``holder`` (None for anything else)."""
    struct = struct_of(holder) if isinstance(holder, (StateVariable, Namespace)) else None
    if struct is None:
        return None
    elem = struct.elems.get(member)
    return FieldVar(holder, member, elem.type if elem is not None else None)


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


def _is_revert(expr: Any) -> bool:
    """``revert()``/``revert("...")``, or a custom error (solc >= 0.8.4: ``revert Unauthorized(msg.sender)``,
    OpenZeppelin 5's ``OwnableUnauthorizedAccount``, ``EnforcedPause``)."""
    if _is_call_to(expr, {"revert"}):
        return True
    if isinstance(expr, CallExpression) and isinstance(expr.called, Identifier):
        from slither.core.declarations.custom_error import CustomError
        from slither.core.declarations.solidity_variables import SolidityCustomRevert

        return isinstance(expr.called.value, (CustomError, SolidityCustomRevert))
    return False


def _stops(node: Any) -> bool:
    """True if ``node`` ends the function without effect (throw, revert, bare return / return false)."""
    if node is None:
        return False
    if node.type == NodeType.THROW:
        return True
    if node.type == NodeType.EXPRESSION and _is_revert(node.expression):
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


def _returns_then_stops(node: Any) -> bool:
    """An ``if`` without ``else`` whose branch always returns (never reaches the end of the if),
    followed by a statement that stops (throw, revert, return false)."""
    endif = node.son_false
    if endif is None or endif.type != NodeType.ENDIF or node.son_true is None or node.son_true is endif:
        return False
    if any(father is not node for father in endif.fathers):
        return False  # the branch falls through to what follows
    after = endif.sons[0] if len(endif.sons) == 1 else None
    if not _stops(after):
        return False
    return not _branch_returns_false(node.son_true, endif)


def _branch_returns_false(start: Any, end: Any) -> bool:
    seen, todo = set(), [start]
    while todo:
        n = todo.pop()
        if n is None or n in seen or n is end:
            continue
        seen.add(n)
        if n.type == NodeType.RETURN and isinstance(n.expression, Literal) and str(n.expression.value).lower() == "false":
            return True
        todo.extend(n.sons)
    return False


def branch_conditions(node: Any) -> list[tuple[Any, bool]]:
    """``(if-node, branch)`` for the ``if`` statements whose branch ``node`` sits in."""
    out = []
    # dominators are a set: in node order, so that nested conditions compose the same way every run
    for dom in sorted(getattr(node, "dominators", []) or [], key=lambda d: d.node_id):
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
        if _returns_then_stops(node):
            # `if (ok) { ...; return true; } revert();`: the function goes on only when ok holds
            return [Guard(_under_branches(node, expr), False, node, function, subst)]
        if isinstance(function, Modifier) or (function.contract_declarer is not None and function in getattr(function.contract_declarer, "modifiers", [])):
            if node.son_true is not None and node.son_true.type == NodeType.PLACEHOLDER:
                return [Guard(expr, False, node, function, subst)]
    return []


# ---------------------------------------------------------------------------------------------
# binding parameters to call-site arguments


def term_of(ir_var: Any, subst: dict) -> Term:
    """The :class:`Term` an IR argument stands for, resolving the caller's own parameters."""
    from slither.slithir.variables import Constant

    if isinstance(ir_var, SolidityVariableComposed) and ir_var.name in CALLERS:
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


def closure_guards(
    function: Function, *, subst: dict | None = None, depth: int = 0, seen: set | None = None, branches_of: frozenset | None = None
) -> list[Guard]:
    """Guards of ``function``, its modifiers and the internal functions it calls (recursively).

    With ``branches_of`` (a set of nodes): instead, the conditions of the ``if`` branches those
    nodes sit in, bound like guards (see :func:`move_conditions`)."""
    from slither.slithir.operations import InternalCall, LibraryCall

    subst = subst or {}
    seen = set() if seen is None else seen
    key = (function, tuple(sorted((id(k), v.kind) for k, v in subst.items())))
    if key in seen or depth > MAX_CALL_DEPTH:
        return []
    seen.add(key)
    guards: list[Guard] = []
    local = dict(subst)  # plus what the getters called here return
    # `uint256 locked = lockedAmountOf(a); require(balance.sub(locked) >= v)`: the guard reads what
    # the local was set to
    with_locals = {**subst, **local_definitions(function, subst)}
    for node in function.nodes:
        if branches_of is None:
            guards.extend(node_guards(node, function, with_locals))
        elif node in branches_of:
            guards.extend(Guard(dom.expression, not branch, dom, function, with_locals) for dom, branch in branch_conditions(node))
        for ir in node.irs:
            if isinstance(ir, (InternalCall, LibraryCall)) and isinstance(ir.function, Function) and ir.function.nodes:
                getter = getter_term(ir.function)
                if getter is not None and ir.lvalue is not None:
                    local[ir.lvalue] = getter
                    continue
                bound = call_subst(ir, local)
                _bind_argument_expressions(node, ir, bound, with_locals)
                guards.extend(closure_guards(ir.function, subst=bound, depth=depth + 1, seen=seen, branches_of=branches_of))
    return guards


def move_conditions(function: Function, moves: list) -> list[Guard]:
    """The ``if`` conditions every one of ``moves`` (the nodes that debit a balance) sits under:
    a transfer written ``if (!frozen[msg.sender]) { ..move.. } return true;`` does nothing, without
    failing, unless they hold, so they stop it as surely as a ``require``. A condition only some of
    the moves sit under (``if (locked) {..move part..} else {..move all..}``) stops nothing."""
    if not moves:
        return []
    nodes = frozenset(moves)
    guards = closure_guards(function, branches_of=nodes)
    common = None
    for move in nodes:
        branches = set(branch_conditions(move))
        common = branches if common is None else common & branches
    common = common or set()
    return [g for g in guards if any(g.node is dom and g.negated is (not branch) for dom, branch in common)]


def local_definitions(function: Function, subst: dict) -> dict:
    """Local variables assigned exactly once, at their declaration, bound to the expression they
    were given (``Term("expr", ...)``), so that guards see through them."""
    from slither.core.variables.local_variable import LocalVariable as Local

    writes: dict = {}
    for node in function.nodes:
        for v in node.local_variables_written:
            writes[v] = writes.get(v, 0) + 1
    out = {}
    for node in function.nodes:
        var = getattr(node, "variable_declaration", None)
        expr = node.expression
        if node.type != NodeType.VARIABLE or not isinstance(var, Local) or var in function.parameters:
            continue
        if writes.get(var, 0) != 1 or var in subst:
            continue
        if isinstance(expr, AssignmentOperation):
            expr = expr.expression_right
        if expr is None or str(getattr(var, "type", "")) == "" or node.type == NodeType.IFLOOP:
            continue
        if _in_loop(node):
            continue
        out[var] = Term("expr", expr, tuple(subst.items()))
    return out


def _in_loop(node: Any) -> bool:
    return any(d.type == NodeType.IFLOOP for d in getattr(node, "dominators", []) or [] if d is not node)


def _bind_argument_expressions(node: Any, ir: Any, bound: dict, subst: dict) -> None:
    """A parameter bound to an IR temporary (``assert(!stopped)``, DappHub's own assert(bool)) is
    bound to the argument's expression instead, so the callee's ``if (!x) throw;`` reads ``!stopped``."""
    params = list(getattr(ir.function, "parameters", []) or [])
    if not any(bound.get(p) is not None and bound[p].kind == "unknown" for p in params):
        return
    call = _find_call(node.expression, ir.function)
    if call is None or len(call.arguments) != len(params):
        return
    for param, arg in zip(params, call.arguments):
        if bound.get(param) is not None and bound[param].kind == "unknown":
            bound[param] = Term("expr", arg, tuple(subst.items()))


def _find_call(expr: Any, function: Function, depth: int = 0) -> Any:
    expr = _strip(expr)
    if expr is None or depth > 12:
        return None
    if isinstance(expr, CallExpression):
        called = expr.called
        if isinstance(called, Identifier) and called.value is function:
            return expr
        if isinstance(called, MemberAccess) and called.member_name == function.name:
            return expr
    for child in _children(expr):
        found = _find_call(child, function, depth + 1)
        if found is not None:
            return found
    return None


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
    #: values of calls to other contracts, by the call's text (``sale.hasEnded()`` -> False)
    calls: dict = field(default_factory=dict)
    #: stored addresses the caller's argument is taken to equal (``to == uniswapV2Pair``: a sell);
    #: an argument compared with any other stored address stays unknown
    parties: frozenset = frozenset()
    #: names of the roles' stored addresses (``_owner``) that an address argument is taken to differ
    #: from: a transfer between ordinary accounts (``if (from != owner() && to != owner())``)
    ordinary_roles: frozenset = frozenset()
    #: an amount the caller passes is taken to be above 0: ``amount <= maxTxAmount`` fails while the
    #: limit is assumed "zero"
    positive_amounts: bool = False


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
        if isinstance(value, SolidityVariableComposed) and value.name in CALLERS:
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
        if text in CALLERS:
            return Term("sender")
        inner = _strip(expr.expression)
        if isinstance(inner, Identifier) and isinstance(inner.value, Enum):
            return Term("enum", expr.member_name)  # Stage.Trading
        if text in TIME_SOURCES:
            return Term("time")
        namespace = _namespace_of(inner, subst, depth + 1)
        if namespace is not None:  # `$._owner` of a namespaced storage struct
            fieldvar = field_of(namespace, expr.member_name)
            if fieldvar is not None:
                return Term("state", fieldvar)
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


def item_record(expr: Any, subst: dict) -> bool:
    """``approvedFor[_tokenId]`` / ``ownerOf[_tokenId]``: the address recorded for an item (a
    mapping from a number to an address) the caller names by an argument. Comparing the caller with
    it asks whether the caller holds, or was approved for, that item (CryptoKitties' ERC-721
    shape): the holder's own right or consent, not a role."""
    from slither.core.solidity_types import MappingType

    expr = _strip(expr)
    if not isinstance(expr, IndexAccess):
        return False
    base = resolve(expr.expression_left, subst)
    key = resolve(expr.expression_right, subst)
    if base is None or base.kind != "state" or key is None or key.kind != "param":
        return False
    t = getattr(base.value, "type", None)
    if not isinstance(t, MappingType):
        return False
    return str(t.type_from).startswith("uint") and str(t.type_to) == "address"


def holder_granted(expr: Any, subst: dict) -> bool:
    """``operators[holder]`` (the outer lookup of ``operators[holder][msg.sender]``) of a nested
    mapping that every function writes only under the caller's own address
    (``operators[msg.sender][op] = approved``): each holder names the accounts that may act for
    them, so passing it is that holder's consent."""
    expr = _strip(expr)
    if not isinstance(expr, IndexAccess):
        return False
    base = resolve(expr.expression_left, subst)
    key = resolve(expr.expression_right, subst)
    if base is None or base.kind != "state" or key is None or key.kind == "sender":
        return False
    return _written_only_by_holders(base.value)


#: per state variable, for the time its analysis lives
_HOLDER_GRANTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _written_only_by_holders(var: Any) -> bool:
    if var not in _HOLDER_GRANTED:
        _HOLDER_GRANTED[var] = _outer_keys_written(var) == {"sender"}
    return _HOLDER_GRANTED[var]


def _outer_keys_written(var: Any) -> set:
    """What the outer key of every write to a nested mapping resolves to (``{"sender"}`` when each
    write is ``var[msg.sender][..] = ..``); "other" for a write of any other shape."""
    contract = getattr(var, "contract", None)
    unit = getattr(contract, "compilation_unit", None)
    contracts = unit.contracts if unit is not None else [contract]
    kinds: set = set()
    for c in contracts:
        for f in c.functions_and_modifiers_declared:
            for node in f.nodes:
                if var not in node.state_variables_written:
                    continue
                expr = node.expression
                left = _strip(expr.expression_left) if isinstance(expr, AssignmentOperation) else None
                if not (isinstance(left, IndexAccess) and isinstance(_strip(left.expression_left), IndexAccess)):
                    kinds.add("other")
                    continue
                outer = _strip(left.expression_left)
                named = resolve(outer.expression_left, {})
                key = resolve(outer.expression_right, {})
                kinds.add("sender" if named is not None and named.kind == "state" and named.value is var and key is not None and key.kind == "sender" else "other")
    return kinds


def is_role_mapping(var: Any) -> bool:
    """A mapping from address to bool/struct that is not a token balance (owners, admins, roles)."""
    from slither.core.solidity_types import MappingType

    t = getattr(var, "type", None)
    return isinstance(t, MappingType)


def _named_return_expression(function: Function) -> Any:
    """The one expression a function's single named return variable is set to, outside any branch
    or loop (``returns (bool r) { r = msg.sender == owner; }``), else None."""
    if len(function.returns) != 1:
        return None
    var = function.returns[0]
    found = []
    for node in function.nodes:
        if var in node.local_variables_written:
            found.append(node)
    if len(found) != 1 or branch_conditions(found[0]) or _in_loop(found[0]):
        return None
    expr = found[0].expression
    if isinstance(expr, AssignmentOperation) and isinstance(expr.expression_left, Identifier) and expr.expression_left.value is var:
        return expr.expression_right
    return None


def _returned_expressions(function: Function) -> list:
    out = []
    for n in function.nodes:
        if n.type != NodeType.RETURN or n.expression is None:
            continue
        expr = n.expression
        if isinstance(expr, Identifier) and expr.value in function.returns:
            # the implicit `return yes` of `returns (bool yes) { yes = who == admin; }`
            expr = _named_return_expression(function) or expr
        out.append(expr)
    return out


def _call_target(expr: CallExpression) -> Function | None:
    called = expr.called
    if isinstance(called, Identifier) and isinstance(called.value, Function):
        return called.value
    if isinstance(called, MemberAccess):  # library call e.g. roles.has(addr), this.f()
        inner = _strip(called.expression)
        value = getattr(inner, "value", None) if isinstance(inner, Identifier) else None
        from slither.core.declarations import Contract

        if isinstance(value, Contract) and not value.is_library:
            # an explicit base call, `ERC20.totalSupply()` (OpenZeppelin 4's ERC20Capped)
            found = [f for f in value.functions if f.name == called.member_name and len(f.parameters) == len(expr.arguments) and not f.is_shadowed]
            return found[0] if len(found) == 1 else None
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
        if key is not None and key.kind == "sender" and holder_granted(expr.expression_left, subst):
            # operators[holder][msg.sender] that only holders write for themselves (ERC-721's
            # setApprovalForAll): the holder's consent, like an allowance, not a role
            return None
        if key is not None and key.kind == "sender" and (base is None or base.kind in ("state", "unknown", "param")):
            # a bool looked up by the caller's address: owners[msg.sender], role.bearer[addr]
            name = base.value.name if base is not None and base.kind == "state" else str(expr.expression_left)
            assume.roles_seen.add(name)
            return assume.caller_has_role
        if key is not None and key.kind == "param" and base is not None and base.kind == "state":
            return assume.lookups
        return None
    if isinstance(expr, Identifier) and isinstance(expr.value, LocalVariable) and expr.value in subst and subst[expr.value].kind == "expr":
        bound = subst[expr.value]
        return truth(bound.value, assume, dict(bound.subst or ()), depth + 1)
    if isinstance(expr, CallExpression) and assume.calls and str(expr) in assume.calls:
        return assume.calls[str(expr)]
    if isinstance(expr, CallExpression):
        target = _call_target(expr)
        if target is not None and target.nodes:
            returns = _returned_expressions(target)
            if len(returns) == 1:
                return truth(returns[0], assume, _expr_subst(target, list(expr.arguments), subst), depth + 1)
            if len(returns) > 1:
                # DappHub's isAuthorized(): `if (src == this) return true; else if (src == owner) ...`
                value = _branching_truth(target, assume, _expr_subst(target, list(expr.arguments), subst), depth + 1)
                if value is not None:
                    return value
            if not returns and target.return_type:
                # named return variable: `function isOwner(address a) returns (bool r) { r = ...; }`
                assigned = _named_return_expression(target)
                if assigned is None:
                    return None
                return truth(assigned, assume, _expr_subst(target, list(expr.arguments), subst), depth + 1)
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


def _branching_truth(function: Function, assume: Assumptions, subst: dict, depth: int) -> bool | None:
    """What a boolean function returns, followed along its ``if``/``else`` branches from its entry:
    a branch whose condition is unknown is followed both ways and counts when both agree. Functions
    that loop or assign local variables are not followed (None)."""
    if depth > MAX_DEPTH or any(n.type in (NodeType.IFLOOP, NodeType.STARTLOOP, NodeType.ASSEMBLY) for n in function.nodes):
        return None
    if any(n.local_variables_written for n in function.nodes):
        return None
    budget = [64]

    def run(node) -> Any:  # True / False / None (unknown) / "stop" (throws)
        seen = 0
        while node is not None:
            budget[0] -= 1
            seen += 1
            if budget[0] < 0 or seen > 64:
                return None
            if node.type == NodeType.RETURN:
                return truth(node.expression, assume, subst, depth + 1) if node.expression is not None else None
            if node.type == NodeType.THROW or _stops_by_revert(node):
                return "stop"
            if node.type == NodeType.IF:
                value = truth(node.expression, assume, subst, depth + 1)
                if value is True:
                    node = node.son_true
                    continue
                if value is False:
                    node = node.son_false
                    continue
                a, b = run(node.son_true), run(node.son_false)
                a, b = (False if a == "stop" else a), (False if b == "stop" else b)
                return a if a == b else None
            if node.type == NodeType.EXPRESSION and node.expression is not None and node_guards(node, function, subst):
                guard = node_guards(node, function, subst)[0]
                if guard_pass(guard, assume) is False:
                    return "stop"
            sons = node.sons
            if len(sons) != 1:
                return None
            node = sons[0]
        return None

    result = run(function.entry_point)
    return False if result == "stop" else result


def _stops_by_revert(node: Any) -> bool:
    return node.type == NodeType.EXPRESSION and _is_revert(node.expression)


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
    if assume.positive_amounts:
        # `amount <= maxTx` (or `maxTx >= amount`) with the limit at 0: no positive amount passes
        for limit, amount, flipped in ((rt, expr.expression_left, False), (lt, expr.expression_right, True)):
            if limit is None or limit.kind != "state" or assume.state.get(limit.value) != "zero":
                continue
            if not _mentions_param(amount, subst, numbers_only=True):
                continue
            if t in (BinaryOperationType.LESS_EQUAL, BinaryOperationType.LESS):
                return flipped
            if t in (BinaryOperationType.GREATER_EQUAL, BinaryOperationType.GREATER):
                return not flipped
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
        if a is not None and a.kind == "sender" and b is not None and b.kind == "this":
            return False  # the contract calling itself: no account, owner or not, is `this`
    for a, b in ((lt, rt), (rt, lt)):
        if a is not None and a.kind == "sender" and b is not None and b.kind == "state":
            assume.roles_seen.add(b.value.name)
            return assume.caller_has_role
    for a, bexpr in ((lt, right), (rt, left)):
        if a is not None and a.kind == "sender" and item_record(bexpr, subst):
            return None  # the caller holds (or was approved for) the item it names: no role
    for a, b, bexpr in ((lt, rt, right), (rt, lt, left)):
        if a is not None and a.kind == "sender" and isinstance(bexpr, (IndexAccess, MemberAccess, CallExpression)):
            # msg.sender == owners[i] / roles[x].addr / getOwner(): still a comparison with stored state
            if _reads_state(bexpr, subst):
                assume.roles_seen.add(str(bexpr))
                return assume.caller_has_role
    for a, b in ((lt, rt), (rt, lt)):  # `to == uniswapV2Pair` when the transfer is assumed to be a sell
        if a is not None and a.kind == "param" and b is not None and b.kind == "state" and b.value in assume.parties:
            return True
    for a, b in ((lt, rt), (rt, lt)):  # `to == owner()` for a transfer between ordinary accounts
        if a is not None and a.kind == "param" and b is not None and b.kind == "state" and getattr(b.value, "name", None) in assume.ordinary_roles:
            return False
    for a, b in ((lt, rt), (rt, lt)):  # an enum state variable against a member: `stage == Stage.Trading`
        if a is not None and a.kind == "state" and b is not None and b.kind == "enum":
            assumed = assume.state.get(a.value)
            if isinstance(assumed, tuple) and assumed[0] == "enum":
                return assumed[1] == b.value
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
    if isinstance(expr, Identifier) and isinstance(expr.value, LocalVariable) and expr.value in subst:
        bound = subst[expr.value]
        if bound.kind == "expr" and not _is_plain_name(bound.value):
            walk_expression(bound.value, dict(bound.subst or ()), visit, depth + 1, inline)
    if inline and isinstance(expr, CallExpression):
        target = _call_target(expr)
        if target is not None and target.nodes and not target.is_constructor:
            inner = _expr_subst(target, list(expr.arguments), subst)
            for node in target.nodes:
                if node.expression is not None and node.type in (NodeType.RETURN, NodeType.IF, NodeType.EXPRESSION, NodeType.VARIABLE):
                    walk_expression(node.expression, inner, visit, depth + 1, inline)


def _is_plain_name(expr: Any) -> bool:
    """An argument that is a bare identifier or member (``msg.sender``, ``_from``): resolve() already
    stands for it; walking into it again would only repeat the caller's lookups."""
    return isinstance(_strip(expr), (Identifier, MemberAccess, Literal))


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


def _base_state(expr: Any, subst: dict, depth: int = 0) -> StateVariable | None:
    expr = _strip(expr)
    while isinstance(expr, (IndexAccess, MemberAccess)):
        if isinstance(expr, MemberAccess):
            holder = resolve(expr.expression, subst)
            if holder is not None and holder.kind == "state":
                fieldvar = field_of(holder.value, expr.member_name)
                if fieldvar is not None:
                    return fieldvar  # self.balances[a] of a library-driven token
        expr = _strip(expr.expression_left if isinstance(expr, IndexAccess) else expr.expression)
    if isinstance(expr, Identifier) and isinstance(expr.value, LocalVariable) and expr.value in subst and depth < MAX_DEPTH:
        bound = subst[expr.value]
        if bound.kind == "expr":
            return _base_state(bound.value, dict(bound.subst or ()), depth + 1)
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


def time_bounds(guard: Guard, *, inline: bool = False) -> list[Term | None]:
    """What the guard compares the time with, directly in its expression: the state variable's
    Term for ``now > endTime``, None for anything else (``endTime + 365 days``, a call). With
    ``inline``, also the comparisons inside the view functions it calls (``require(hasClosed())``)."""
    relations = (BinaryOperationType.LESS, BinaryOperationType.LESS_EQUAL, BinaryOperationType.GREATER, BinaryOperationType.GREATER_EQUAL)
    found: list = []

    def visit(e, subst):
        if isinstance(e, BinaryOperation) and e.type in relations:
            left, right = resolve(e.expression_left, subst), resolve(e.expression_right, subst)
            if left is not None and left.kind == "time":
                found.append(right if right is not None and right.kind == "state" else None)
            elif right is not None and right.kind == "time":
                found.append(left if left is not None and left.kind == "state" else None)

    walk_expression(guard.expression, guard.subst, visit, inline=inline)
    return found


def time_compared_vars(guard: Guard) -> set:
    """State variables read on the other side of a comparison with the time (``now < ico_start +
    180 days``: ``ico_start``), not the ones the rest of the guard reads (``msg.sender == owner``)."""
    relations = (BinaryOperationType.LESS, BinaryOperationType.LESS_EQUAL, BinaryOperationType.GREATER, BinaryOperationType.GREATER_EQUAL)
    found: set = set()

    def collect(e, subst):
        term = resolve(e, subst)
        if term is not None and term.kind == "state":
            found.add(term.value)

    def visit(e, subst):
        if isinstance(e, BinaryOperation) and e.type in relations:
            for side, other in ((e.expression_left, e.expression_right), (e.expression_right, e.expression_left)):
                t = resolve(side, subst)
                if t is not None and t.kind == "time":
                    walk_expression(other, subst, collect)

    walk_expression(guard.expression, guard.subst, visit, inline=False)
    return found


def time_compared_fields(guard: Guard) -> list[tuple[StateVariable, Term | None]]:
    """``(mapping, key)`` for a field of a per-account struct compared with the time
    (``now >= accounts[_from].lockedUntil``): lock data kept beside the balance."""
    relations = (BinaryOperationType.LESS, BinaryOperationType.LESS_EQUAL, BinaryOperationType.GREATER, BinaryOperationType.GREATER_EQUAL)
    found: list = []

    def field_lookup(e, subst, depth=0):
        e = _strip(e)
        if isinstance(e, Identifier) and isinstance(e.value, LocalVariable) and e.value in subst and depth < MAX_DEPTH:
            bound = subst[e.value]
            if bound.kind == "expr":
                return field_lookup(bound.value, dict(bound.subst or ()), depth + 1)
        if isinstance(e, MemberAccess) and isinstance(_strip(e.expression), IndexAccess):
            index = _strip(e.expression)
            base = _base_state(index.expression_left, subst)
            if base is not None:
                return base, resolve(index.expression_right, subst)
        return None

    def visit(e, subst):
        if isinstance(e, BinaryOperation) and e.type in relations:
            left, right = resolve(e.expression_left, subst), resolve(e.expression_right, subst)
            other = e.expression_right if left is not None and left.kind == "time" else e.expression_left if right is not None and right.kind == "time" else None
            if other is not None:
                hit = field_lookup(other, subst)
                if hit is not None:
                    found.append(hit)

    walk_expression(guard.expression, guard.subst, visit)
    return found


def companion_calls(guard: Guard) -> list[tuple[Any, Any, str]]:
    """``(call expression, stored contract, member)`` for each ``sale.hasEnded()`` / ``ico.finalized()``
    the guard makes on a state variable typed as a contract."""
    from slither.core.declarations import Contract
    from slither.core.solidity_types import UserDefinedType

    found: list = []

    def visit(e, subst):
        if isinstance(e, CallExpression) and isinstance(e.called, MemberAccess) and not e.arguments:
            base = resolve(e.called.expression, subst)
            if base is not None and base.kind == "state":
                t = getattr(base.value, "type", None)
                if isinstance(t, UserDefinedType) and isinstance(t.type, Contract):
                    found.append((e, t.type, e.called.member_name))

    walk_expression(guard.expression, guard.subst, visit, inline=False)
    return found


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


_UPPER_BOUND_OPS = {
    BinaryOperationType.LESS_EQUAL: "left",  # amount <= maxTxAmount: the right side bounds the left
    BinaryOperationType.LESS: "left",
    BinaryOperationType.GREATER_EQUAL: "right",  # maxTxAmount >= amount
    BinaryOperationType.GREATER: "right",
}


def _mentions_param(expr: Any, subst: dict, *, numbers_only: bool = False) -> bool:
    found = False

    def visit(e, s):
        nonlocal found
        term = resolve(e, s)
        if term is not None and term.kind == "param":
            if not numbers_only or str(getattr(term.value, "type", "")).startswith(("uint", "int")):
                found = True

    walk_expression(expr, subst, visit, inline=False)
    return found


def upper_limits(guard: Guard) -> list:
    """State variables that bound an amount the caller passes from above: ``require(amount <=
    maxTxAmount)``, ``require(balanceOf(to) + amount <= maxWallet)`` (BSC anti-whale limits). The
    guard's polarity is followed through ``!``, ``&&``, ``||`` and its own negation (``if (value <
    minimum) throw;`` is a lower bound, not a limit); the bounded side must hold a number argument
    (``_to.balance < minBalance`` reads an address's ether)."""
    found: dict = {}

    def visit(e, subst, positive, depth=0):
        e = _strip(e)
        if depth > MAX_DEPTH:
            return
        if isinstance(e, UnaryOperation) and e.type == UnaryOperationType.BANG:
            visit(e.expression, subst, not positive, depth + 1)
        elif isinstance(e, BinaryOperation) and e.type in (BinaryOperationType.ANDAND, BinaryOperationType.OROR):
            visit(e.expression_left, subst, positive, depth + 1)
            visit(e.expression_right, subst, positive, depth + 1)
        elif isinstance(e, BinaryOperation) and e.type in _UPPER_BOUND_OPS:
            bounded, bound = e.expression_left, e.expression_right
            if (_UPPER_BOUND_OPS[e.type] == "right") == positive:
                bounded, bound = bound, bounded
            term = resolve(bound, subst)
            if term is not None and term.kind == "state" and _mentions_param(bounded, subst, numbers_only=True):
                found.setdefault(term.value, None)
        elif isinstance(e, Identifier) and isinstance(e.value, LocalVariable) and e.value in subst:
            bound_term = subst[e.value]
            if bound_term.kind == "expr":
                visit(bound_term.value, dict(bound_term.subst or ()), positive, depth + 1)

    visit(guard.expression, guard.subst, not guard.negated)
    return list(found)


def params_in(guard: Guard) -> bool:
    """The guard reads an argument of the function (``require(amount >= totalSupply() / 1000)``)."""
    return _mentions_param(guard.expression, guard.subst)


def recovers_signer(expr: Any, subst: dict) -> bool:
    """``expr`` is (or computes through the helpers and locals it reads) an ``ecrecover`` result:
    the address that signed a message."""
    found = []

    def visit(e, s):
        if not found and _is_call_to(e, {"ecrecover"}):
            found.append(e)

    walk_expression(expr, subst, visit)
    return bool(found)


def signed_by(guard: Guard, account: Term) -> bool:
    """The guard compares ``account`` (a parameter) with the signer of a message
    (``require(ecrecover(hash, v, r, s) == _from)``, ``if (recover(hash, sig) != _from) revert()``):
    what the function does with that account's tokens, the account consented to by signing."""
    if account is None or account.kind != "param":
        return False
    hits = []

    def visit(e, subst):
        if hits or not isinstance(e, BinaryOperation) or e.type not in (BinaryOperationType.EQUAL, BinaryOperationType.NOT_EQUAL):
            return
        for side, other in ((e.expression_left, e.expression_right), (e.expression_right, e.expression_left)):
            term = resolve(side, subst)
            if term is not None and term.kind == "param" and term.value is account.value and recovers_signer(other, subst):
                hits.append(e)
                return

    walk_expression(guard.expression, guard.subst, visit)
    return bool(hits)
