"""What each function of a token can do, from Slither's IR: the shared model the detectors read.

:class:`TokenModel` picks the main token contract, finds its supply and balance variables *by
behaviour* (what ``totalSupply()`` and ``balanceOf()`` read, falling back to the ERC-20 names of
public variables), and walks every entry point through its modifiers and internal calls, recording
:class:`Effect` s: writes to the supply or to a balance (increase, decrease, set), with whose balance
it is (the caller's, a parameter's, the contract's own, a stored address), writes to other state
variables with the value written, external calls and ``selfdestruct``.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from slither.core.cfg.node import NodeType
from slither.core.declarations import Contract, Enum, Function, SolidityVariable
from slither.core.solidity_types import ArrayType, ElementaryType, MappingType, UserDefinedType
from slither.core.variables.local_variable import LocalVariable
from slither.core.variables.state_variable import StateVariable
from slither.slithir.operations import (
    Assignment,
    Binary,
    BinaryType,
    Condition,
    Delete,
    HighLevelCall,
    Index,
    InternalCall,
    Length,
    LibraryCall,
    LowLevelCall,
    Member,
    NewContract,
    Return,
    SolidityCall,
    TypeConversion,
    Unary,
)
from slither.slithir.variables import Constant

from ico_lens.contract import conditions as cond

ERC20_FUNCTIONS = {
    "totalSupply()": "uint256",
    "balanceOf(address)": "uint256",
    "transfer(address,uint256)": "bool",
    "transferFrom(address,address,uint256)": "bool",
    "approve(address,uint256)": "bool",
    "allowance(address,address)": "uint256",
}
ERC20_EVENTS = {"Transfer(address,address,uint256)", "Approval(address,address,uint256)"}
TRANSFER_SIGNATURES = {"transfer(address,uint256)", "transferFrom(address,address,uint256)"}
#: ERC-20's own names for the supply and balance variables, used only when no function shows them
SUPPLY_NAMES = ("totalSupply", "_totalSupply", "totalSupply_", "total_supply", "supply", "_supply")
BALANCE_NAMES = ("balances", "balanceOf", "_balances", "balance_of", "balance")
MAX_DEPTH = 8
#: the proxy convention for a constructor run once through the proxy (used with the behaviour: once only)
INITIALIZER_NAME = re.compile(r"^_?[Ii]nit(iali[sz]e)?([A-Z0-9_].*)?$")


@dataclass
class Effect:
    """One write (or call) an entry point can make."""

    kind: str  # "supply" | "balance" | "state" | "call" | "selfdestruct" | "new"
    direction: str | None  # "inc" | "dec" | "set" | None
    variable: Any  # the StateVariable written, or the call's destination
    key: cond.Term | None  # whose balance / mapping entry (balances[key])
    value: cond.Term | None  # for "state": what is written
    node: Any
    function: Function  # where the node is
    name: str | None = None  # for calls: the called function's name
    arguments: tuple = ()
    #: for writes: how the value written was computed ("add", "sub", "zero", "const", "time", None)
    value_kind: str | None = None

    @property
    def line(self) -> int | None:
        lines = self.node.source_mapping.lines if self.node is not None else None
        return lines[0] if lines else None


def is_interface_like(contract: Contract) -> bool:
    if contract.is_interface or contract.is_library:
        return True
    implemented = [f for f in contract.functions_declared if f.is_implemented]
    return not implemented and not contract.state_variables_declared


def _signature(function: Function) -> str:
    return function.solidity_signature


def entry_points_of(contract: Contract) -> list[Function]:
    """The public and external functions a caller can run on ``contract`` after deployment."""
    return [
        f
        for f in contract.functions
        if f.visibility in ("public", "external")
        and not f.is_constructor
        and not f.is_shadowed
        and f.is_implemented
        and not f.name.startswith("slitherConstructor")
    ]


#: a parameter bound to a zero constant at the call site (see ``Walker._walk``'s argument binding)
ZERO_BOUND = cond.Term("kind", "zero")


class Walker:
    """Follows an entry point through its internal calls and records :class:`Effect` s."""

    def __init__(self, supply_vars: set, balance_vars: set, caller_has_role: bool = False, counted_lists: frozenset = frozenset()):
        self.supply_vars = supply_vars
        self.balance_vars = balance_vars
        #: supply lists whose length alone is the supply (see :func:`counted_lists`)
        self.counted_lists = counted_lists
        #: follow only the branches a role holder takes (``if (msg.sender == owner) {..} else {..}``)
        self.caller_has_role = caller_has_role

    def effects(self, entry: Function) -> list[Effect]:
        out: list[Effect] = []
        self._walk(entry, {}, 0, set(), out)
        return out

    @staticmethod
    def _zero_test(node, term) -> tuple[Any, bool] | None:
        """``(t, equal)`` when ``node`` (an ``if`` or a ``require``) tests an address against zero:
        ``from == address(0)`` gives ``(term of from, True)``, ``to != address(0)`` ``(.., False)``."""
        tested = None
        for ir in node.irs:
            if isinstance(ir, Condition):
                tested = ir.value
            elif isinstance(ir, SolidityCall) and ir.function.name.split("(")[0] == "require" and ir.arguments:
                tested = ir.arguments[0]
        if tested is None:
            return None
        for ir in node.irs:
            if isinstance(ir, Binary) and ir.lvalue == tested and ir.type in (BinaryType.EQUAL, BinaryType.NOT_EQUAL):
                left, right = term(ir.variable_left), term(ir.variable_right)
                other = right if cond._is_zero(left) else left if cond._is_zero(right) else None
                if other is not None:  # a zero constant itself (`_update(address(0), ..)`) decides too
                    return other, ir.type == BinaryType.EQUAL
        return None

    @staticmethod
    def _live_nodes(function: Function, cut: dict) -> set:
        """The nodes reachable from the entry when each decided ``if`` in ``cut`` (node -> the
        branch taken) goes one way only."""
        live, todo = set(), [function.entry_point] if function.entry_point is not None else []
        while todo:
            n = todo.pop()
            if n is None or n in live:
                continue
            live.add(n)
            if n in cut:
                todo.append(n.son_true if cut[n] else n.son_false)
            else:
                todo.extend(n.sons)
        return live

    def _assembly_writes(self, node, function: Function, subst: dict) -> list[Effect]:
        """``assembly { mstore(0, account) mstore(32, _balances.slot) sstore(keccak256(0, 64), amount) }``:
        a balance (or the supply) written through its storage slot, keyed by the address parameter the
        block names and set to the number it names (value kind "assembly": any value)."""
        text = _assembly_text(node)
        if "sstore" not in text:
            return []
        out = []
        for var in sorted(self.supply_vars | self.balance_vars, key=lambda v: v.name):
            if not re.search(rf"\b{re.escape(var.name)}(\.slot|_slot)\b", text):
                continue
            kind = "supply" if var in self.supply_vars else "balance"
            key = value = None
            for param in _names_in(text, function.parameters):
                term = cond.term_of(param, subst)
                if str(param.type) == "address" and key is None:
                    key = term
                elif _is_number(param.type) and value is None:
                    value = term
            out.append(Effect(kind, "set", var, key if kind == "balance" else None, value or cond.Term("unknown"), node, function, value_kind="assembly"))
        return out

    # value kinds: "add", "sub", "zero", "time", None
    def _walk(self, function: Function, subst: dict, depth: int, stack: set, out: list, nonzero: frozenset = frozenset()) -> cond.Term | None:
        """Record the effects of ``function``; return what it returns when that is a stored
        address/value (so ``_getAsset().transfer(...)`` is known to call a stored address).

        ``nonzero``: addresses known not to be zero on this path (the caller, or checked by
        ``if (from == address(0)) revert``/``require(to != address(0))`` before): a branch on
        ``from == address(0)`` decided by them, or by a zero constant bound to the parameter, is
        followed one way only (OpenZeppelin 5's ``_update(from, to, value)`` mints only when
        ``_mint`` passes ``address(0)``, not in ``transfer``)."""
        if depth > MAX_DEPTH or function in stack:
            return None
        stack = stack | {function}
        returned: list = []
        refs: dict = {}  # REF/local storage pointer -> (base state var, key term)
        kinds: dict = {}  # IR variable -> value kind
        terms: dict = {}  # IR variable -> Term (origin)

        def term(v):
            if v in terms:
                return terms[v]
            t = cond.term_of(v, subst)
            if isinstance(v, SolidityVariable) and v.name in cond.TIME_SOURCES:
                return cond.Term("time")
            return t

        def kind(v):
            if isinstance(v, Constant):
                try:
                    return "zero" if int(str(v.value), 0) == 0 else "const"
                except ValueError:
                    return "const"
            if isinstance(v, SolidityVariable) and v.name in cond.TIME_SOURCES:
                return "time"
            if v in kinds:
                return kinds[v]
            if isinstance(v, LocalVariable) and v in subst and subst[v].kind == "kind":
                return subst[v].value
            return None

        def base_of(v):
            if isinstance(v, StateVariable):
                return (v, None)
            if v in refs:
                return refs[v]
            if isinstance(v, LocalVariable) and v in subst and subst[v].kind == "storage":
                return subst[v].value
            return None

        srcs: dict = {}  # IR variable -> state variables its value was computed from

        def sources(v):
            if isinstance(v, StateVariable):
                return frozenset({v})
            if v in refs:
                return frozenset({refs[v][0]})
            return srcs.get(v, frozenset())

        def record_write(node, lvalue, value_kind, value_term, value_sources=frozenset()):
            base = base_of(lvalue)
            if base is None:
                return
            var, key = base
            direction = {"add": "inc", "sub": "dec", "zero": "dec"}.get(value_kind, "set")
            if value_kind in ("add", "sub") and value_sources and var not in value_sources:
                # balances[a] = x.sub(y) for other x: a new value, not this slot going down
                direction = "set"
            if value_kind == "time":
                direction = None
            kind_name = "supply" if var in self.supply_vars else "balance" if var in self.balance_vars else "state"
            if kind_name == "supply" and _element_of_list(var, key, self.counted_lists):
                kind_name = "state"
            out.append(Effect(kind_name, direction, var, key, value_term, node, function, value_kind=value_kind))

        cut: dict = {}  # decided `if` node -> the branch taken
        live: set | None = None
        for node in function.nodes:
            if live is not None and node not in live:
                continue  # a branch this path cannot take
            if node.type == NodeType.ASSEMBLY:
                out.extend(self._assembly_writes(node, function, subst))
            for ir in node.irs:
                if isinstance(ir, Index):
                    base = base_of(ir.variable_left)
                    if base is not None:
                        var, key = base
                        refs[ir.lvalue] = (var, key if key is not None else term(ir.variable_right))
                    elif term(ir.variable_left).kind == "param":  # recipients[i]: still an address the caller gives
                        terms[ir.lvalue] = term(ir.variable_left)
                elif isinstance(ir, Length):
                    base = base_of(ir.value)
                    if base is not None and base[1] is None:
                        refs[ir.lvalue] = base  # `items.push(x)` writes the length: how many there are
                elif isinstance(ir, Member):
                    base = base_of(ir.variable_left)
                    if base is not None and base[1] is None and cond.field_of(base[0], str(ir.variable_right)) is not None:
                        refs[ir.lvalue] = (cond.field_of(base[0], str(ir.variable_right)), None)  # self.balances
                    elif base is not None:
                        refs[ir.lvalue] = base
                    elif type(ir.variable_left).__name__ == "EnumContract" or isinstance(ir.variable_left, Enum):
                        terms[ir.lvalue] = cond.Term("enum", str(ir.variable_right))  # Stage.Trading
                elif isinstance(ir, Assignment):
                    rv = ir.rvalue
                    kinds[ir.lvalue] = kind(rv)
                    terms[ir.lvalue] = term(rv)
                    srcs[ir.lvalue] = sources(rv)
                    if isinstance(ir.lvalue, LocalVariable) and base_of(rv) is not None and not isinstance(ir.lvalue, StateVariable):
                        if str(getattr(ir.lvalue, "location", "")) == "storage" or not _is_value_type(ir.lvalue):
                            refs[ir.lvalue] = base_of(rv)  # storage pointer
                        continue
                    record_write(node, ir.lvalue, kind(rv), term(rv), sources(rv))
                elif isinstance(ir, Binary):
                    k = {BinaryType.ADDITION: "add", BinaryType.SUBTRACTION: "sub"}.get(ir.type)
                    if k is None and ir.type in (BinaryType.MULTIPLICATION, BinaryType.DIVISION):
                        k = kind(ir.variable_left) or kind(ir.variable_right)
                        k = k if k in ("add", "sub") else None
                    kinds[ir.lvalue] = k
                    terms[ir.lvalue] = cond.Term("unknown")
                    srcs[ir.lvalue] = sources(ir.variable_left) | sources(ir.variable_right)
                    if base_of(ir.lvalue) is not None and not _is_temp(ir.lvalue):
                        record_write(node, ir.lvalue, k, cond.Term("unknown"), srcs[ir.lvalue])
                elif isinstance(ir, (Unary, TypeConversion)):
                    src = ir.rvalue if isinstance(ir, Unary) else ir.variable
                    kinds[ir.lvalue] = kind(src)
                    srcs[ir.lvalue] = sources(src)
                    t = term(src)
                    if isinstance(ir, Unary) and t.kind == "param":
                        t = cond.Term("param", t.value)
                    elif isinstance(ir, Unary) and t.kind == "const":
                        # `mintingFinished = !mintable` with mintable bound to true: false, not true
                        text = str(t.value).lower()
                        negated = {"true": "false", "false": "true"}.get(text) if str(ir.type) in ("!", "UnaryType.BANG") else None
                        t = cond.Term("const", negated) if negated is not None else cond.Term("unknown")
                    terms[ir.lvalue] = t
                elif isinstance(ir, Delete):
                    target = ir.variable if base_of(ir.variable) is not None else ir.lvalue
                    record_write(node, target, "zero", cond.Term("const", 0))
                elif isinstance(ir, (LibraryCall, InternalCall)) and isinstance(ir.function, Function):
                    callee = ir.function
                    namespace = cond.namespace_getter(callee)
                    if namespace is not None and ir.lvalue is not None:
                        refs[ir.lvalue] = (namespace, None)  # `ERC20Storage storage $ = _getERC20Storage()`
                        continue
                    helper = arithmetic_kind(callee)
                    if helper is not None:
                        if ir.lvalue is not None:
                            kinds[ir.lvalue] = helper
                            terms[ir.lvalue] = cond.Term("unknown")
                            srcs[ir.lvalue] = frozenset().union(*(sources(a) for a in ir.arguments or []))
                        continue
                    if not callee.nodes:
                        continue
                    new_subst = {}
                    for param, arg in zip(callee.parameters, ir.arguments or []):
                        b = base_of(arg)
                        if isinstance(arg, StateVariable) and _is_value_type(arg):
                            new_subst[param] = term(arg)  # a stored address/number is passed by value: `_transfer(from, marketingWallet, fee)`
                        elif b is not None and not isinstance(arg, Constant):
                            new_subst[param] = cond.Term("storage", b)
                        elif kind(arg) in ("add", "sub", "zero", "time"):
                            new_subst[param] = cond.Term("kind", kind(arg))
                        else:
                            new_subst[param] = term(arg)
                    ret = self._walk(callee, new_subst, depth + 1, stack, out, nonzero)
                    if ir.lvalue is not None:
                        terms[ir.lvalue] = ret or cond.Term("unknown")
                        srcs[ir.lvalue] = frozenset().union(*(sources(a) for a in ir.arguments or []))
                elif isinstance(ir, HighLevelCall):
                    name = getattr(ir.function, "name", None) or str(getattr(ir, "function_name", ""))
                    out.append(
                        Effect("call", None, ir.destination, term(ir.destination), None, node, function, name=name, arguments=tuple(term(a) for a in ir.arguments))
                    )
                    if ir.lvalue is not None:
                        terms[ir.lvalue] = cond.Term("unknown")
                elif isinstance(ir, LowLevelCall):
                    out.append(Effect("call", None, ir.destination, term(ir.destination), None, node, function, name=str(ir.function_name)))
                elif isinstance(ir, SolidityCall):
                    if ir.function.name.split("(")[0] in ("selfdestruct", "suicide"):
                        out.append(Effect("selfdestruct", None, None, None, None, node, function))
                elif isinstance(ir, NewContract):
                    out.append(Effect("new", None, ir.contract_name, None, None, node, function, name=str(ir.contract_name)))
                elif isinstance(ir, Return):
                    returned.extend(term(v) for v in ir.values)
            if self.caller_has_role and node.type == NodeType.IF:
                taken = _role_branch(node, subst)
                if taken is not None:
                    cut[node] = taken
                    live = self._live_nodes(function, cut)
            if node.type in (NodeType.IF, NodeType.EXPRESSION):
                tested = self._zero_test(node, term) if node.type == NodeType.IF or node.irs else None
                if tested is not None:
                    t, equal = tested
                    # a zero constant, or a parameter bound to one (`_update(address(0), to, v)`
                    # binds `from` to the kind "zero"): the branch is decided
                    zero = True if cond._is_zero(t) or t == ZERO_BOUND else None
                    try:
                        if t.kind in ("sender", "this") or t in nonzero:
                            zero = False
                    except TypeError:  # a term that cannot be hashed: not known either way
                        pass
                    if zero is not None and node.type == NodeType.IF:
                        cut[node] = zero == equal
                        live = self._live_nodes(function, cut)
                    elif zero is None and not cond.branch_conditions(node):
                        # `if (t == 0) revert;` / `require(t != 0)` outside any branch: t is no zero from here on
                        stops = node.type == NodeType.IF and equal and cond._stops(node.son_true)
                        if stops or (node.type == NodeType.EXPRESSION and not equal):
                            try:
                                nonzero = nonzero | {t}
                            except TypeError:
                                pass
        for t in returned:
            if t.kind in ("state", "this", "sender", "param"):
                return t
        return None


def _element_of_list(var, key, counted_lists) -> bool:
    """``items[id].price = p``, ``delete items[id]``: a write to one element of a list whose length
    is the supply (ERC-721 ``allTokens``) changes that element, not how many there are (the
    length, written by a push or a pop, has no key). A list whose elements hold the supply
    (MiniMe's ``totalSupplyHistory`` checkpoints) is not counted."""
    return key is not None and var in counted_lists


def counted_lists(token: Contract, supply_vars: set) -> frozenset:
    """The supply variables that are lists ``totalSupply()`` reads only the length of
    (``return allTokens.length;``): their elements are items, not amounts."""
    fn = token.get_function_from_signature("totalSupply()")
    lists = {v for v in supply_vars if isinstance(getattr(v, "type", None), ArrayType)}
    if fn is None or not lists:
        return frozenset()
    elements_read = set()
    for f in closure_functions(fn):
        for node in f.nodes:
            for ir in node.irs:
                if isinstance(ir, Length):
                    continue
                elements_read |= lists & set(getattr(ir, "read", ()))
    return frozenset(lists - elements_read)


def _role_branch(node, subst: dict) -> bool | None:
    """The branch of an ``if`` a role holder takes when its condition is a role check (true for
    the role holder, false for anyone else): ``if (msg.sender == owner)`` gives True."""
    if node.expression is None:
        return None
    holder = cond.Assumptions(caller_has_role=True)
    anyone = cond.Assumptions(caller_has_role=False)
    as_holder = cond.truth(node.expression, holder, subst)
    as_anyone = cond.truth(node.expression, anyone, subst)
    if as_holder is None or as_anyone is None or as_holder == as_anyone or not holder.roles_seen:
        return None
    return as_holder


def assembly_text(node) -> str:
    """The text of an inline-assembly node (legacy ``inline_asm``, or the Yul block's source)."""
    return _assembly_text(node)


def _assembly_text(node) -> str:
    text = getattr(node, "inline_asm", None)
    if isinstance(text, str) and text:
        return text
    try:
        return str(node.source_mapping.content)
    except Exception:  # noqa: BLE001 - no source text: nothing to read
        return ""


def _names_in(text: str, names) -> list:
    return [n for n in names if re.search(rf"(?<![\w.]){re.escape(n.name)}(?!\w)", text)]


def _hidden_mint(entry: Function, effects: list[Effect]) -> Effect | None:
    """A balance credited by an amount the caller chooses while no balance is debited, the supply is
    not touched and no counter moves: tokens made out of nothing, the supply left as it was (a hidden
    mint of BSC-style rug tokens). A counter (``totalDistributed += x``, ``accountsToAllocate--``) or
    a stored allotment (``addToBalance(team, teamSupply)``) hands out a supply counted at deployment."""
    if not any(_is_number(p.type) for p in entry.parameters):
        return None
    for e in effects:
        if e.kind == "supply" or (e.kind == "balance" and e.direction == "dec") or _counts(e):
            return None
    return next((e for e in effects if e.kind == "balance" and (e.direction == "inc" or e.value_kind == "assembly")), None)


def _counts(effect: Effect) -> bool:
    """A number kept in one state variable goes up or down (not a list growing by a push)."""
    return effect.kind == "state" and effect.direction in ("inc", "dec") and effect.key is None and _is_value_type(effect.variable)


def enum_of(var) -> Enum | None:
    """The Enum a state variable holds (``Stage public stage``), or None."""
    return _enum_of(var)


def _enum_of(var) -> Enum | None:
    t = getattr(var, "type", None)
    inner = getattr(t, "type", None) if isinstance(t, UserDefinedType) else None
    return inner if isinstance(inner, Enum) else None


def _is_bool(v) -> bool:
    return str(getattr(v, "type", "")) == "bool"


def _is_value_type(v) -> bool:
    return isinstance(getattr(v, "type", None), ElementaryType)


def _is_temp(v) -> bool:
    from slither.slithir.variables import TemporaryVariable

    return isinstance(v, TemporaryVariable)


# weak keys: a plain dict kept every analysed Slither alive (a batch grew by ~30 MB per token and
# its garbage collections by seconds)
_ARITH_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _number_pair_parameters(function: Function) -> bool:
    """Two numbers, or two numbers and a string (the revert message)."""
    params = function.parameters
    if len(params) == 3 and str(params[2].type) == "string":
        params = params[:2]
    return len(params) == 2 and all(_is_number(p.type) for p in params)


def arithmetic_kind(function: Function) -> str | None:
    """"add"/"sub" for a pure two-number helper (SafeMath's add/sub, safeAdd, plus, ...), judged by
    its body: it writes no state and returns the sum (or difference) of its arguments, itself or
    through another such helper (OpenZeppelin 3's ``sub(a, b)`` returns ``sub(a, b, message)``; a
    third parameter, the error message, is allowed)."""
    if function in _ARITH_CACHE:
        return _ARITH_CACHE[function]
    _ARITH_CACHE[function] = None  # a helper calling itself is no helper
    result = None
    if function.nodes and _number_pair_parameters(function) and not function.all_state_variables_written() and not function.is_constructor:
        defs: dict = {}
        returned = []
        for node in function.nodes:
            for ir in node.irs:
                if isinstance(ir, Binary):
                    defs[ir.lvalue] = {BinaryType.ADDITION: "add", BinaryType.SUBTRACTION: "sub"}.get(ir.type, "other")
                elif isinstance(ir, (InternalCall, LibraryCall)) and isinstance(ir.function, Function):
                    defs[ir.lvalue] = arithmetic_kind(ir.function) or "other"
                elif isinstance(ir, Assignment):
                    defs[ir.lvalue] = defs.get(ir.rvalue, "other")
                elif isinstance(ir, (HighLevelCall, LowLevelCall)):
                    defs[ir.lvalue] = "other"
                elif isinstance(ir, Return):
                    returned.extend(ir.values)
        for node in function.nodes:  # named return variables: `returns (uint c) { c = a + b; }`
            for ir in node.irs:
                if isinstance(ir, Assignment) and ir.lvalue in function.returns:
                    returned.append(ir.lvalue)
        kinds = {defs.get(v) for v in returned if v in defs}
        if returned and kinds in ({"add"}, {"sub"}):
            result = kinds.pop()
    _ARITH_CACHE[function] = result
    return result


def closure_functions(function: Function, *, with_libraries: bool = False) -> list[Function]:
    """``function`` and every function it reaches through internal calls and modifiers."""
    seen: list = []
    todo = [function]
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.append(f)
        for node in f.nodes:
            for ir in node.irs:
                if isinstance(ir, InternalCall) or (with_libraries and isinstance(ir, LibraryCall)):
                    if isinstance(ir.function, Function):
                        todo.append(ir.function)
    return seen


def _uses(function: Function, wanted) -> set:
    found = set()
    for f in closure_functions(function):
        for v in f.state_variables_read:
            if wanted(v):
                found.add(v)
    return found


def _is_number(t) -> bool:
    return isinstance(t, ElementaryType) and (t.name.startswith("uint") or t.name.startswith("int"))


def _is_balance_mapping(v) -> bool:
    t = v.type
    if isinstance(t, MappingType) and isinstance(t.type_from, ElementaryType) and t.type_from.name == "address":
        to = t.type_to
        return _is_number(to) or isinstance(to, (UserDefinedType, ArrayType))
    return False


class TokenModel:
    """The main token contract of a Slither project and what its entry points do."""

    def __init__(self, slither: Any, contract_name: str | None = None):
        self.slither = slither
        #: Etherscan's verified name of the deployed contract, when known
        self.contract_name = contract_name
        self.contracts = [c for c in slither.contracts if not is_interface_like(c)]
        self.token = choose_token(slither, contract_name)
        self.supply_vars: set = set()
        self.balance_vars: set = set()
        self._effects: dict = {}
        self._role_effects: dict = {}
        self.counted_lists: frozenset = frozenset()
        self._guards: dict = {}
        self._roles: dict = {}
        if self.token is not None:
            self.supply_vars = supply_variables(self.token)
            self.balance_vars = balance_variables(self.token)
            self._keep_transferred_balances()
            self.counted_lists = counted_lists(self.token, self.supply_vars)

    def _keep_transferred_balances(self) -> None:
        """Of the mappings ``balanceOf`` reads, keep those ``transfer`` credits to the recipient (the balances proper;
        the others are per-account locks such as ``userLockedTokens``)."""
        if len(self.balance_vars) < 2:
            return
        transfer = self.token.get_function_from_signature("transfer(address,uint256)")
        if transfer is None or not transfer.is_implemented:
            return
        written = {
            e.variable
            for e in Walker(set(), set(self.balance_vars)).effects(transfer)
            if e.kind == "balance" and e.direction == "inc" and e.key is not None and e.key.kind == "param"
        }
        kept = self.balance_vars & written
        if kept:
            self.balance_vars = kept

    # -- the token's entry points --------------------------------------------------------------
    @cached_property
    def entry_points(self) -> list[Function]:
        return entry_points_of(self.token) if self.token is not None else []

    def effects(self, function: Function) -> list[Effect]:
        if function not in self._effects:
            walker = Walker(self.supply_vars, self.balance_vars, counted_lists=self.counted_lists)
            self._effects[function] = walker.effects(function)
        return self._effects[function]

    @cached_property
    def transfer_functions(self) -> list[Function]:
        return [f for f in self.entry_points if _signature(f) in TRANSFER_SIGNATURES]

    @cached_property
    def transfer_guards(self) -> list[tuple[Function, cond.Guard]]:
        """(transfer function, guard) for every guard on the ERC-20 transfer paths, and the
        conditions a transfer's debits all sit under (it silently moves nothing otherwise)."""
        found = []
        for function in self.transfer_functions:
            found.extend((function, guard) for guard in self.guards(function))
            found.extend((function, guard) for guard in self._move_conditions(function))
        return found

    def _move_conditions(self, function: Function) -> list[cond.Guard]:
        """``if (!frozen[from]) { ..debit.. }`` with no failure otherwise: the branch condition, when
        it reads the token's state besides balances and roles (a flag, a list, a time), not the
        caller's identity or an amount alone."""
        moves = [e.node for e in self.effects(function) if e.kind == "balance" and e.direction == "dec"]
        kept = []
        for guard in cond.move_conditions(function, moves):
            state = [v for v in cond.state_vars_in(guard) if v not in self.balance_vars and v.name not in self.all_roles]
            if state or cond.reads_time(guard):
                kept.append(guard)
        return kept

    @cached_property
    def minting_entries(self) -> list[tuple[Function, Effect]]:
        """(entry point, effect) for every post-deployment write that can raise the supply: an
        addition to it, or setting it to a value that does not come from a subtraction."""
        found = []
        for entry in self.entry_points:
            if entry in self.initializers or self.blocked_for_good(entry):
                continue  # an upgradeable token's one-time initialize(), a mint finished while deploying
            for effect in self.effects(entry):
                if effect.kind == "supply" and effect.direction in ("inc", "set"):
                    if effect.direction == "set" and effect.value is not None and effect.value.kind in ("time", "const"):
                        continue
                    found.append((entry, effect))
                    break
            else:
                # a credit out of nothing for any caller, or only in the branch a role holder takes
                # (`if (msg.sender == owner) { balances[to] += v; } else { ..debit.. }`)
                for effects in (self.effects(entry), self.role_effects(entry)):
                    hidden = _hidden_mint(entry, effects)
                    if hidden is not None and not self._bounded_by_supply(entry) and not self._from_holders_bucket(entry, hidden):
                        found.append((entry, hidden))
                        break
        return found

    def role_effects(self, function: Function) -> list[Effect]:
        """The effects of ``function`` on the branches a role holder takes (empty when no branch
        of it depends on the caller's role: then they are :meth:`effects`)."""
        if function not in self._role_effects:
            walker = Walker(self.supply_vars, self.balance_vars, caller_has_role=True, counted_lists=self.counted_lists)
            effects = walker.effects(function)
            same = [(e.kind, e.direction, e.node) for e in effects] == [(e.kind, e.direction, e.node) for e in self.effects(function)]
            self._role_effects[function] = [] if same else effects
        return self._role_effects[function]

    def _from_holders_bucket(self, entry: Function, credit: Effect) -> bool:
        """The credit moves the holder's own tokens back from a second per-account bucket
        (``freezeOf[msg.sender] -= v; balanceOf[msg.sender] += v``, the 2017 freeze/unfreeze
        template): no tokens are made when every entry that fills the bucket debits a balance."""
        if credit.key is None:
            return False
        for e in self.effects(entry):
            if e.kind != "state" or e.direction != "dec" or e.key is None or e.variable in self.balance_vars:
                continue
            if (e.key.kind, e.key.value) != (credit.key.kind, credit.key.value):
                continue
            fills = [(w_entry, w) for w_entry, w in self.state_writes(e.variable) if w.direction != "dec"]
            if fills and all(
                w.direction == "inc" and any(d.kind == "balance" and d.direction == "dec" for d in self.effects(w_entry))
                for w_entry, w in fills
            ):
                return True
        return False

    def _bounded_by_supply(self, entry: Function) -> bool:
        """A guard of ``entry`` reads the supply: the credit stays within what deployment counted."""
        return any(set(cond.state_vars_in(g)) & self.supply_vars for g in self.guards(entry))

    @cached_property
    def allowance_vars(self) -> set:
        """The token's two-level mappings (``allowed[owner][spender]``): allowances, not locks."""
        if self.token is None:
            return set()
        found = {
            v for v in self.token.state_variables
            if isinstance(v.type, MappingType) and isinstance(v.type.type_to, MappingType)
        }
        for holder in self.token.state_variables:  # allowances kept in a struct of a library-driven token
            struct = cond.struct_of(holder)
            for name, elem in (struct.elems.items() if struct is not None else ()):
                if isinstance(elem.type, MappingType) and isinstance(elem.type.type_to, MappingType):
                    found.add(cond.FieldVar(holder, name, elem.type))
        return found

    def guards(self, function: Function) -> list[cond.Guard]:
        if function not in self._guards:
            self._guards[function] = cond.closure_guards(function)
        return self._guards[function]

    def role_only(self, function: Function) -> set[str]:
        """Names of the roles when only a privileged caller can run ``function`` (else empty)."""
        if function not in self._roles:
            self._roles[function] = self._role_only(function)
        return self._roles[function]

    def _role_only(self, function: Function) -> set[str]:
        roles: set = set()
        for guard in self.guards(function):
            assume = cond.Assumptions(caller_has_role=False)
            if cond.guard_pass(guard, assume) is False and assume.roles_seen:
                roles |= assume.roles_seen
        return roles

    @cached_property
    def all_roles(self) -> set[str]:
        """Every role some entry point of the token is restricted to."""
        roles: set = set()
        for entry in self.entry_points:
            roles |= self.role_only(entry)
        return roles

    def role_mentioned(self, function: Function) -> set[str]:
        """Roles any guard of ``function`` mentions (the caller may bypass or be limited by them)."""
        roles: set = set()
        for guard in self.guards(function):
            assume = cond.Assumptions(caller_has_role=True)
            if cond.guard_pass(guard, assume) is False:
                continue  # being in the list stops the caller (`require(!frozen[msg.sender])`): no role
            roles |= assume.roles_seen
        return roles

    @cached_property
    def constructors(self) -> list[Function]:
        if self.token is None:
            return []
        out = [c for c in self.token.constructors]
        out += [f for f in self.token.functions if f.name.startswith("slitherConstructor")]
        out += [f for f in self.initializers if f not in out]
        # deployment order: bases first, each contract's initializers before its constructor body, so
        # that a derived constructor's `setTransfers(false)` wins over a base's `= true`
        bases_first = list(reversed(self.token.inheritance)) + [self.token]
        position = {c: i for i, c in enumerate(bases_first)}

        def order(f: Function):
            last = 2 if f in self.initializers else 0  # initialize() runs after the proxy's (empty) construction
            return (last, position.get(f.contract_declarer, -1), 0 if f.name.startswith("slitherConstructor") else 1)

        return sorted(out, key=order)

    @cached_property
    def initializers(self) -> list[Function]:
        """Entry points that stand for the constructor of a token behind a proxy: named
        ``initialize``/``init`` (the proxy convention) and able to run only once (a guard on a flag
        that only this function sets, to the value that closes it: OpenZeppelin's ``initializer``)."""
        return [f for f in self.entry_points if INITIALIZER_NAME.match(f.name) and self._runs_once(f)]

    def _runs_once(self, function: Function) -> bool:
        final: dict = {}
        for e in self.effects(function):
            if e.kind == "state" and _is_bool(e.variable) and e.value is not None and e.value.kind == "const":
                text = str(e.value.value).lower()
                if text in ("true", "false"):
                    final[e.variable] = text == "true"
        if not final:
            return False
        for var in final:
            if any(entry is not function for entry, _ in self.state_writes(var)):
                return False
        assume = cond.Assumptions(state=dict(final))
        return any(cond.guard_pass(g, assume) is False for g in self.guards(function))

    def blocked_for_good(self, entry: Function) -> bool:
        """A guard of ``entry`` is false for the value a bool flag has after deployment, and nothing
        after deployment can set the flag otherwise (a sale that deploys the token, mints the supply
        and calls ``finishMinting()`` in its constructor)."""
        for guard in self.guards(entry):
            for var in cond.state_vars_in(guard):
                if not _is_bool(var):
                    continue
                start = self.initial_value(var)
                if start is None or start.kind != "const" or str(start.value).lower() not in ("true", "false"):
                    continue
                value = str(start.value).lower() == "true"
                if cond.guard_pass(guard, cond.Assumptions(state={var: value})) is not False:
                    continue
                written = {
                    str(e.value.value).lower() if e.value is not None and e.value.kind == "const" else "any"
                    for _, e in self.state_writes(var)
                }
                if written <= {str(value).lower()}:
                    return True
        return False

    @cached_property
    def deployment_calls(self) -> list[Function]:
        """Token functions another contract of the file calls while deploying it: a sale whose
        constructor does ``token = new Token(); token.pause();`` starts the token paused."""
        if self.token is None:
            return []
        calls = []
        for creator in self.contracts:
            for ctor in creator.constructors:
                functions = closure_functions(ctor)
                irs = [ir for f in functions for node in f.nodes for ir in node.irs]
                if not any(isinstance(ir, NewContract) and str(ir.contract_name) == self.token.name for ir in irs):
                    continue
                calls += [
                    ir.function
                    for ir in irs
                    if isinstance(ir, HighLevelCall) and isinstance(ir.function, Function) and ir.function in self.entry_points
                ]
        return calls

    def state_writes(self, var: StateVariable, *, in_entry_points: bool = True) -> list[tuple[Function, Effect]]:
        """Every (entry point, write effect) that writes ``var`` after deployment."""
        found = []
        for entry in self.entry_points:
            for e in self.effects(entry):
                if e.variable == var and e.kind in ("state", "supply", "balance") and e.node is not None:
                    found.append((entry, e))
        return found

    def initial_value(self, var: StateVariable) -> cond.Term | None:
        """The value ``var`` holds right after deployment: its initializer, or a constant the
        constructor assigns; default 0/false when never set; None when it depends on arguments."""
        value: cond.Term | None = None
        if var.expression is not None:
            value = cond.resolve(var.expression, {}) or cond.Term("unknown")
        for step in self.constructors + self.deployment_calls:
            for e in self.effects(step):
                if e.variable is var and e.kind == "state":
                    value = e.value if e.value is not None else cond.Term("unknown")
        if value is None:
            enum = _enum_of(var)
            if enum is not None and enum.values:
                return cond.Term("enum", enum.values[0])  # an enum starts at its first member
            return cond.Term("const", "false" if str(var.type) == "bool" else 0)
        return value


def supply_variables(token: Contract) -> set:
    fn = token.get_function_from_signature("totalSupply()")
    found: set = set()
    balances = balance_variables(token)
    if fn is not None and fn.is_implemented and fn.nodes:
        found = {
            v
            for v in _uses(fn, lambda v: True)
            if not v.is_constant and v not in balances and (_is_number(v.type) or isinstance(v.type, ArrayType))
        }
    if not found:
        for name in SUPPLY_NAMES:
            v = token.get_state_variable_from_name(name)
            if v is not None and _is_number(v.type):
                found.add(v)
                break
    if not found and fn is not None:
        found = _struct_fields(fn, SUPPLY_NAMES, lambda f: _is_number(f.type))
    if not found and fn is not None:
        found = {f for f in _namespace_fields(fn) if _is_number(f.type) and f not in balances}
    return found


def _namespace_fields(getter: Function) -> set:
    """Fields of namespaced storage (:class:`conditions.Namespace`) the getter reads:
    ``$._balances`` in OpenZeppelin 5 upgradeable's ``balanceOf``."""
    found: set = set()
    if not getter.is_implemented:
        return found
    for function in closure_functions(getter):
        pointers: dict = {}
        for node in function.nodes:
            for ir in node.irs:
                if isinstance(ir, InternalCall) and ir.lvalue is not None:
                    namespace = cond.namespace_getter(ir.function)
                    if namespace is not None:
                        pointers[ir.lvalue] = namespace
                elif isinstance(ir, Assignment) and ir.rvalue in pointers:
                    pointers[ir.lvalue] = pointers[ir.rvalue]
                elif isinstance(ir, Member) and ir.variable_left in pointers:
                    fieldvar = cond.field_of(pointers[ir.variable_left], str(ir.variable_right))
                    if fieldvar is not None:
                        found.add(fieldvar)
    return found


def _struct_fields(getter: Function, names, wanted) -> set:
    """The field of a struct state variable the getter reads (through a library) that holds the
    supply or the balances, by ERC-20's names: ``ERC20Lib.TokenStorage token`` -> ``token.balances``."""
    if not getter.is_implemented:
        return set()
    holders = [v for v in _uses(getter, lambda v: cond.struct_of(v) is not None)]
    for holder in sorted(holders, key=lambda v: v.name):
        struct = cond.struct_of(holder)
        for name in names:
            elem = struct.elems.get(name)
            if elem is not None:
                fieldvar = cond.FieldVar(holder, name, elem.type)
                if wanted(fieldvar):
                    return {fieldvar}
    return set()


def balance_variables(token: Contract) -> set:
    fn = token.get_function_from_signature("balanceOf(address)")
    found: set = set()
    if fn is not None and fn.is_implemented and fn.nodes:
        found = {v for v in _uses(fn, _is_balance_mapping)}
    if not found:
        for name in BALANCE_NAMES:
            v = token.get_state_variable_from_name(name)
            if v is not None and _is_balance_mapping(v):
                found.add(v)
                break
    if not found and fn is not None:
        found = _struct_fields(fn, BALANCE_NAMES, _is_balance_mapping)
    if not found and fn is not None:
        found = {f for f in _namespace_fields(fn) if _is_balance_mapping(f)}
    return found


def erc20_score(contract: Contract) -> int:
    """How many ERC-20 functions the contract implements (public getters count; an empty body ``{}``,
    the 2017 way of writing an interface, does not)."""
    score = 0
    for sig in ERC20_FUNCTIONS:
        f = contract.get_function_from_signature(sig)
        if f is not None and f.is_implemented and _has_body(f):
            score += 1
        elif sig in ("totalSupply()", "balanceOf(address)"):
            name = sig.split("(")[0]
            v = contract.get_state_variable_from_name(name)
            if v is not None and v.visibility == "public":
                score += 1
    return score


def _has_body(function: Function) -> bool:
    """The function does something: ``{}`` has no operation but the implicit return of its named
    return variables (``returns (bool success) {}``)."""
    for node in function.nodes:
        for ir in node.irs:
            if not isinstance(ir, Return) or any(v not in function.returns for v in ir.values):
                return True
    return False


def choose_token(slither: Any, contract_name: str | None = None) -> Contract | None:
    """The main token contract: the most-derived ERC-20 implementation of the file.

    Preference: Etherscan's verified contract name when it is a token; then a token created with
    ``new`` by another contract of the file (the sale that deploys it); then the most complete
    ERC-20 among the contracts nothing else inherits from; ties go to the one declared last.
    """
    contracts = [c for c in slither.contracts if not is_interface_like(c)]
    if contract_name:
        named = [c for c in contracts if c.name == contract_name]
        if named and erc20_score(named[0]) >= 3:
            return named[0]
    inherited = {base for c in contracts for base in c.inheritance}
    leaves = [c for c in contracts if c not in inherited]
    tokens = [c for c in leaves if erc20_score(c) >= 3 and c.get_function_from_signature("transfer(address,uint256)") is not None]
    if not tokens:
        # a token whose transfer sits in a base; not a pool that books deposits of an outside token
        tokens = [c for c in contracts if erc20_score(c) >= 2 and not _pools_outside_token(c)]
    if not tokens:
        return None
    created = set()
    candidates = {c.name for c in tokens}
    for c in contracts:
        if c.name in candidates:
            continue  # a token creating a helper token (BSC dividend trackers) is still the token
        for f in c.functions:
            for node in f.nodes:
                for ir in node.irs:
                    if isinstance(ir, NewContract):
                        created.add(str(ir.contract_name))
    order = {c: i for i, c in enumerate(_declaration_order(slither, contracts))}
    held = _held_by_helpers(tokens)

    def rank(c: Contract):
        return (
            c.name in created,
            c in held,
            erc20_score(c),
            bool(supply_variables(c)) and bool(balance_variables(c)),
            len(c.inheritance),
            order.get(c, 0),
        )

    return max(tokens, key=rank)


def _declaration_order(slither: Any, contracts: list) -> list:
    def pos(c):
        sm = c.source_mapping
        return (str(sm.filename.absolute), sm.start)

    return sorted(contracts, key=pos)


#: calls on a held token by which a contract takes holders' tokens in (a migration from an old token)
_PULLS = {"transferFrom", "safeTransferFrom", "burn", "burnFrom"}


def _held_by_helpers(tokens: list) -> set:
    """Tokens another token of the file keeps as a typed state variable without creating it, and
    pays out of rather than pulls from (a farm's receipt token holding ``CakeToken public cake`` and
    sending ``cake.transfer``): the held one is the project's token, the holder a helper. A token
    that pulls holders' tokens from the one it holds (``oldToken.transferFrom``, a migration) is the
    newer token, not a helper; a token creating its helper with ``new`` (a dividend tracker) holds
    it as a helper, not as the main token."""
    by_name = {c.name: c for c in tokens}
    held: set = set()
    for holder in tokens:
        created = {
            str(ir.contract_name)
            for f in holder.functions for node in f.nodes for ir in node.irs if isinstance(ir, NewContract)
        }
        others = [c for c in tokens if c is not holder and c.name not in created and c not in holder.inheritance]
        for var in holder.state_variables:
            t = var.type
            target = by_name.get(str(getattr(t, "type", ""))) if isinstance(t, UserDefinedType) else None
            if target is not None and target in others:
                calls = {
                    str(getattr(ir.function, "name", ir.function_name))
                    for f in holder.functions for node in f.nodes for ir in node.irs
                    if isinstance(ir, HighLevelCall) and ir.destination == var
                }
                if calls and not calls & _PULLS:
                    held.add(target)
        held |= _held_as_addresses(holder, others)
    return held


def _held_as_addresses(holder: Contract, others: list) -> set:
    """Tokens ``holder`` keeps as a bare ``address`` and pays out of through a conversion
    (``CakeToken(cake).transfer(..)``; ``IERC20(rewardToken).transfer(..)`` when only one other
    token of the file can be meant), never pulling holders' tokens from it."""
    by_name = {c.name: c for c in others}
    calls: dict = {}  # (address state variable, token converted to or None) -> names of the calls
    for f in holder.functions:
        for node in f.nodes:
            converted: dict = {}
            for ir in node.irs:
                if isinstance(ir, TypeConversion) and isinstance(ir.variable, StateVariable) and str(ir.variable.type) == "address":
                    converted[ir.lvalue] = (ir.variable, by_name.get(str(ir.type)))
                elif isinstance(ir, HighLevelCall) and ir.destination in converted:
                    calls.setdefault(converted[ir.destination], set()).add(str(getattr(ir.function, "name", ir.function_name)))
    held = set()
    for (var, token), names in calls.items():
        if names & _PULLS or not names & {"transfer", "safeTransfer"}:
            continue
        if token is None and len(others) == 1:
            token = others[0]
        if token is not None:
            held.add(token)
    return held


def _pools_outside_token(contract: Contract) -> bool:
    """A staking pool: it pulls another contract's tokens in (``stakingToken.transferFrom(msg.sender,
    ...)``) and keeps ``totalSupply``/``balanceOf`` books of the deposits, with no ``transfer`` of its own."""
    if contract.get_function_from_signature("transfer(address,uint256)") is not None:
        return False
    return any(
        isinstance(ir, HighLevelCall) and str(getattr(ir.function, "name", ir.function_name)) in ("transferFrom", "safeTransferFrom")
        for f in contract.functions for node in f.nodes for ir in node.irs
    )
