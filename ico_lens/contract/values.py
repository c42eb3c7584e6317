"""Constant values of a token: decimals, the supply minted at construction, the cap.

A tiny evaluator over Slither expressions: literals (with ``ether``/``1e18``), constants, ``**``,
SafeMath-style ``a.mul(b)``, type conversions, and constructor parameters bound to the arguments
the derived contract passes to its base constructors. What cannot be reduced to a number stays a
:class:`Symbolic` expression (e.g. a constructor argument chosen at deployment).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slither.core.cfg.node import NodeType
from slither.core.declarations import Function
from slither.core.expressions import (
    AssignmentOperation,
    AssignmentOperationType,
    BinaryOperation,
    BinaryOperationType,
    CallExpression,
    Identifier,
    Literal,
    MemberAccess,
    TupleExpression,
    TypeConversion,
)
from slither.core.variables.local_variable import LocalVariable
from slither.core.variables.state_variable import StateVariable

UNITS = {"wei": 1, "gwei": 10**9, "szabo": 10**12, "finney": 10**15, "ether": 10**18}
MAX_DEPTH = 12


@dataclass(frozen=True)
class Symbolic:
    """A value known only as source text; ``argument`` when it comes from a constructor argument."""

    text: str
    argument: bool = False

    def __str__(self) -> str:
        return f"{self.text} (constructor argument)" if self.argument else self.text


Value = int | Symbolic
#: the token whose constructor gives values to state variables without initializer
_CONTEXT: dict = {"token": None, "busy": set()}


def _literal(expr: Literal) -> Value:
    text = str(expr.value).replace("_", "")
    try:
        if text.lower().startswith("0x"):
            number = int(text, 16)
        elif "e" in text.lower():
            mantissa, exponent = text.lower().split("e")
            if "." in mantissa:
                whole, frac = mantissa.split(".")
                number = int(whole + frac) * 10 ** (int(exponent) - len(frac))
            else:
                number = int(mantissa) * 10 ** int(exponent)
        else:
            number = int(text)
    except ValueError:
        return Symbolic(text)
    unit = str(getattr(expr, "subdenomination", None) or "")
    return number * UNITS.get(unit, 1)


def evaluate(expr: Any, env: dict | None = None, depth: int = 0) -> Value:
    """The value of ``expr``; ``env`` maps constructor parameters to (expression, env) pairs."""
    env = env or {}
    if expr is None or depth > MAX_DEPTH:
        return Symbolic(str(expr))
    if isinstance(expr, TupleExpression) and len(expr.expressions) == 1:
        return evaluate(expr.expressions[0], env, depth + 1)
    if isinstance(expr, TypeConversion):
        return evaluate(expr.expression, env, depth + 1)
    if isinstance(expr, Literal):
        return _literal(expr)
    if isinstance(expr, Identifier):
        value = expr.value
        if isinstance(value, StateVariable):
            if value.expression is not None:
                return evaluate(value.expression, {}, depth + 1)
            token = _CONTEXT.get("token")
            if token is not None and value not in _CONTEXT["busy"]:
                found = value_at_deployment(token, value)
                if found is not None:
                    return found
            return Symbolic(value.name)
        if isinstance(value, LocalVariable) and value in env:
            inner, inner_env = env[value]
            return evaluate(inner, inner_env, depth + 1)
        if isinstance(value, LocalVariable) and isinstance(value.function, Function) and value in value.function.parameters:
            return Symbolic(value.name, argument=True)
        return Symbolic(str(expr))
    if isinstance(expr, BinaryOperation):
        left = evaluate(expr.expression_left, env, depth + 1)
        right = evaluate(expr.expression_right, env, depth + 1)
        return _arith(expr.type, left, right, str(expr))
    if isinstance(expr, CallExpression):
        called = expr.called
        if isinstance(called, MemberAccess) and len(expr.arguments) == 1:  # a.mul(b)
            op = {"mul": BinaryOperationType.MULTIPLICATION, "add": BinaryOperationType.ADDITION,
                  "sub": BinaryOperationType.SUBTRACTION, "div": BinaryOperationType.DIVISION}.get(called.member_name)
            if op is not None:
                return _arith(op, evaluate(called.expression, env, depth + 1), evaluate(expr.arguments[0], env, depth + 1), str(expr))
        if isinstance(called, Identifier) and isinstance(called.value, Function):
            fn = called.value
            returns = [n.expression for n in fn.nodes if n.type == NodeType.RETURN and n.expression is not None]
            name = fn.name.lower()
            if len(expr.arguments) == 2 and any(k in name for k in ("mul", "add", "sub", "div")):
                op = next(v for k, v in (("mul", BinaryOperationType.MULTIPLICATION), ("add", BinaryOperationType.ADDITION),
                                         ("sub", BinaryOperationType.SUBTRACTION), ("div", BinaryOperationType.DIVISION)) if k in name)
                return _arith(op, evaluate(expr.arguments[0], env, depth + 1), evaluate(expr.arguments[1], env, depth + 1), str(expr))
            if len(returns) == 1 and not fn.parameters:
                return evaluate(returns[0], {}, depth + 1)
    return Symbolic(str(expr))


def _arith(op, left: Value, right: Value, text: str) -> Value:
    if isinstance(left, Symbolic) or isinstance(right, Symbolic):
        argument = any(isinstance(v, Symbolic) and v.argument for v in (left, right))
        return Symbolic(text, argument=argument)
    try:
        if op == BinaryOperationType.ADDITION:
            return left + right
        if op == BinaryOperationType.SUBTRACTION:
            return left - right
        if op == BinaryOperationType.MULTIPLICATION:
            return left * right
        if op == BinaryOperationType.DIVISION:
            return left // right if right else Symbolic(text)
        if op == BinaryOperationType.POWER and right < 512:
            return left**right
    except (TypeError, OverflowError):
        pass
    return Symbolic(text)


# ---------------------------------------------------------------------------------------------
# construction: walk the constructor chain with parameters bound to base-constructor arguments


def constructor_nodes(token: Any) -> list[tuple[Any, dict, Function]]:
    """``(node, env, function)`` for the nodes run at deployment, most-base constructor first,
    with each base constructor's parameters bound to the arguments the derived one passes, and
    internal functions called from constructors (``_mint(msg.sender, X)``) followed."""
    out: list = []
    init = [f for f in token.functions if f.name == "slitherConstructorVariables"]
    for f in init:
        out.extend((n, {}, f) for n in f.nodes)
    ctor = token.constructor
    if ctor is None:
        return out
    called = set()
    for base_ctor in token.constructors:
        for node in base_ctor.nodes:
            for call in _calls(node.expression):
                target = _target(call)
                if target is not None and target.is_constructor:
                    called.add(target)
    nonzero: set = set()  # constructor parameters checked to be no zero address
    for base_ctor in token.constructors:  # implicit (argument-less) base constructors, bases first
        if base_ctor is not ctor and base_ctor not in called:
            _follow(base_ctor, {}, out, 0, set(), nonzero)
    _follow(ctor, {}, out, 0, set(), nonzero)
    return out


def _root(expr: Any, env: dict, depth: int = 0) -> tuple[Any, dict]:
    """``expr`` with parameters replaced by the arguments they are bound to, as far as they go."""
    while depth < MAX_DEPTH:
        depth += 1
        if isinstance(expr, TupleExpression) and len(expr.expressions) == 1:
            expr = expr.expressions[0]
        elif isinstance(expr, Identifier) and isinstance(expr.value, LocalVariable) and expr.value in env:
            expr, env = env[expr.value]
        else:
            break
    return expr, env


def _address_is_zero(expr: Any, env: dict, nonzero: set, depth: int = 0) -> bool | None:
    """Whether an address expression is ``address(0)`` at deployment: True for the zero constant,
    False for the deployer (``msg.sender``, ``_msgSender()``), ``this`` or a parameter checked
    before; None when unknown."""
    from slither.core.declarations import SolidityVariable

    expr, env = _root(expr, env)
    if isinstance(expr, TypeConversion):
        return _address_is_zero(expr.expression, env, nonzero, depth + 1)
    if isinstance(expr, Literal):
        value = _literal(expr)
        return value == 0 if isinstance(value, int) else None
    if isinstance(expr, Identifier):
        if isinstance(expr.value, SolidityVariable) and expr.value.name in ("msg.sender", "tx.origin", "this"):
            return False
        if deployer_address_argument(expr.value):
            return False
        return False if expr.value in nonzero else None
    if isinstance(expr, CallExpression) and isinstance(expr.called, Identifier) and isinstance(expr.called.value, Function):
        fn = expr.called.value
        returns = [n.expression for n in fn.nodes if n.type == NodeType.RETURN and n.expression is not None]
        if not fn.parameters and len(returns) == 1 and depth < 4:
            return _address_is_zero(returns[0], {}, nonzero, depth + 1)
    return None


def deployer_address_argument(var: Any) -> bool:
    """An address the deployer passes to the constructor (``constructor(address treasury)``):
    taken to be a real account, so that ``_update(address(0), treasury, supply)`` mints at
    deployment rather than also burning when ``treasury`` would be zero (no one deploys a token
    to mint its supply to nobody)."""
    function = getattr(var, "function", None)
    return (
        function is not None and getattr(function, "is_constructor", False)
        and var in function.parameters and str(getattr(var, "type", "")) == "address"
    )


def _zero_comparison(expr: Any) -> tuple[Any, bool] | None:
    """``(address expression, equal)`` for ``a == address(0)`` / ``a != address(0)`` (either side)."""
    if not isinstance(expr, BinaryOperation) or expr.type not in (BinaryOperationType.EQUAL, BinaryOperationType.NOT_EQUAL):
        return None
    for a, b in ((expr.expression_left, expr.expression_right), (expr.expression_right, expr.expression_left)):
        if _address_is_zero(b, {}, set()) is True and _address_is_zero(a, {}, set()) is not True:
            return a, expr.type == BinaryOperationType.EQUAL
    return None


def _live_nodes(function: Function, env: dict, nonzero: set) -> set:
    """The nodes deployment runs through: an ``if (from == address(0))`` decided by the bound
    arguments goes one way (OpenZeppelin 5's ``_mint`` calls ``_update(address(0), account, v)``:
    the supply grows, the ``to == address(0)`` burn branch is not taken); checks like
    ``if (account == address(0)) revert`` make the parameter known to be no zero afterwards."""
    from ico_lens.contract.conditions import _stops, branch_conditions

    cut: dict = {}
    for node in function.nodes:
        expr = node.expression
        if node.type == NodeType.EXPRESSION and isinstance(expr, CallExpression) and str(getattr(expr.called, "value", "")).startswith("require") and expr.arguments:
            expr = expr.arguments[0]
        tested = _zero_comparison(expr) if node.type in (NodeType.IF, NodeType.EXPRESSION) else None
        if tested is None:
            continue
        address, equal = tested
        zero = _address_is_zero(address, env, nonzero)
        if zero is not None and node.type == NodeType.IF:
            cut[node] = zero == equal
        elif zero is None and not branch_conditions(node):
            root, _ = _root(address, env)
            stops = node.type == NodeType.IF and equal and _stops(node.son_true)
            if (stops or (node.type == NodeType.EXPRESSION and not equal)) and isinstance(root, Identifier):
                nonzero.add(root.value)
    if not cut:
        return set(function.nodes)
    live, todo = set(), [function.entry_point]
    while todo:
        n = todo.pop()
        if n is None or n in live:
            continue
        live.add(n)
        todo.extend([n.son_true if cut[n] else n.son_false] if n in cut else n.sons)
    return live


def _follow(function: Function, env: dict, out: list, depth: int, seen: set, nonzero: set | None = None) -> None:
    if depth > 6 or function in seen:
        return
    seen = seen | {function}
    nonzero = set() if nonzero is None else nonzero
    live = _live_nodes(function, env, nonzero)
    # Slither lists the base-constructor call `Base(args)` after the body; it runs first
    nodes = sorted(function.nodes, key=lambda n: not _calls_constructor(n))
    for node in nodes:
        if node not in live:
            continue
        expr = node.expression
        for call in _calls(expr):
            target = _target(call)
            if isinstance(target, Function) and target.nodes and not target.contract_declarer.is_library:
                inner = {p: (a, env) for p, a in zip(target.parameters, call.arguments)}
                _follow(target, inner, out, depth + 1, seen, nonzero)
        out.append((node, env, function))


def _target(call: Any) -> Function | None:
    """The function a call expression runs; a base-constructor call names the contract."""
    from slither.core.declarations import Contract

    if not isinstance(call.called, Identifier):
        return None
    value = call.called.value
    if isinstance(value, Contract):
        return value.constructors_declared
    return value if isinstance(value, Function) else None


def _calls_constructor(node: Any) -> bool:
    return any((t := _target(c)) is not None and t.is_constructor for c in _calls(node.expression))


def _calls(expr: Any) -> list:
    found = []

    def visit(e):
        if isinstance(e, CallExpression):
            found.append(e)
            for a in e.arguments:
                visit(a)
        elif isinstance(e, (BinaryOperation, AssignmentOperation)):
            visit(e.expression_left)
            visit(e.expression_right)
        elif isinstance(e, TupleExpression):
            for x in e.expressions:
                if x is not None:
                    visit(x)
        elif isinstance(e, TypeConversion):
            visit(e.expression)

    visit(expr)
    return found


def _assigned(expr: Any, var: Any) -> tuple[Any, Any] | None:
    """``(operator, right-hand side)`` when ``expr`` assigns ``var``."""
    if isinstance(expr, AssignmentOperation) and isinstance(expr.expression_left, Identifier) and expr.expression_left.value is var:
        return expr.type, expr.expression_right
    return None


def value_at_deployment(token: Any, var: Any) -> Value | None:
    """The value ``var`` holds after construction (None when never set)."""
    previous = _CONTEXT["token"]
    _CONTEXT["token"] = token
    _CONTEXT["busy"].add(var)
    try:
        return _value_at_deployment(token, var)
    finally:
        _CONTEXT["busy"].discard(var)
        _CONTEXT["token"] = previous


def _value_at_deployment(token: Any, var: Any) -> Value | None:
    current: Value | None = None
    if var.expression is not None:
        current = evaluate(var.expression)
    for node, env, _fn in constructor_nodes(token):
        assigned = _assigned(node.expression, var)
        if assigned is None:
            continue
        op, rhs = assigned
        in_loop = _in_loop(node)
        value = _evaluate_self(rhs, env, var, current)
        if op == AssignmentOperationType.ASSIGN_ADDITION:
            value = _arith(BinaryOperationType.ADDITION, current if current is not None else 0, evaluate(rhs, env), str(node.expression))
        elif op != AssignmentOperationType.ASSIGN:
            value = Symbolic(str(node.expression))
        if in_loop and not isinstance(value, Symbolic):
            value = Symbolic(f"sum over a loop: {node.expression}", argument=True)
        elif in_loop:
            value = Symbolic(f"sum over a loop: {node.expression}", argument=value.argument)
        current = value
    return current


def _evaluate_self(rhs: Any, env: dict, var: Any, current: Value | None) -> Value:
    """Evaluate ``rhs`` where ``var`` itself stands for its current value (``s = s.add(x)``)."""
    if current is None:
        current = 0
    fake = _SelfEnv(var, current)
    return _eval_with_self(rhs, env, fake, 0)


@dataclass
class _SelfEnv:
    var: Any
    value: Value


def _eval_with_self(expr: Any, env: dict, me: _SelfEnv, depth: int) -> Value:
    if isinstance(expr, Identifier) and expr.value is me.var:
        return me.value
    if isinstance(expr, TupleExpression) and len(expr.expressions) == 1:
        return _eval_with_self(expr.expressions[0], env, me, depth + 1)
    if isinstance(expr, BinaryOperation):
        return _arith(expr.type, _eval_with_self(expr.expression_left, env, me, depth + 1), _eval_with_self(expr.expression_right, env, me, depth + 1), str(expr))
    if isinstance(expr, CallExpression) and isinstance(expr.called, MemberAccess) and len(expr.arguments) == 1:
        op = {"mul": BinaryOperationType.MULTIPLICATION, "add": BinaryOperationType.ADDITION,
              "sub": BinaryOperationType.SUBTRACTION, "div": BinaryOperationType.DIVISION}.get(expr.called.member_name)
        if op is not None:
            return _arith(op, _eval_with_self(expr.called.expression, env, me, depth + 1), _eval_with_self(expr.arguments[0], env, me, depth + 1), str(expr))
    if isinstance(expr, CallExpression) and isinstance(expr.called, Identifier) and len(expr.arguments) == 2:
        name = getattr(expr.called.value, "name", "").lower()
        for k, op in (("add", BinaryOperationType.ADDITION), ("sub", BinaryOperationType.SUBTRACTION), ("mul", BinaryOperationType.MULTIPLICATION)):
            if k in name:
                return _arith(op, _eval_with_self(expr.arguments[0], env, me, depth + 1), _eval_with_self(expr.arguments[1], env, me, depth + 1), str(expr))
    return evaluate(expr, env, depth)


def _in_loop(node: Any) -> bool:
    for dom in getattr(node, "dominators", []) or []:
        if dom.type in (NodeType.IFLOOP, NodeType.STARTLOOP):
            return True
    return False


def decimals_of(token: Any) -> Value | None:
    """``decimals``: the state variable's value after construction, or what ``decimals()`` returns."""
    var = token.get_state_variable_from_name("decimals")
    if var is not None:
        return value_at_deployment(token, var)
    fn = token.get_function_from_signature("decimals()")
    if fn is not None and fn.is_implemented:
        returns = [n.expression for n in fn.nodes if n.type == NodeType.RETURN and n.expression is not None]
        # Slither adds `return result` for a named return variable: not a value of its own
        returns = [r for r in returns if not (isinstance(r, Identifier) and r.value in fn.returns)] or returns
        if len(returns) == 1:
            if isinstance(returns[0], AssignmentOperation):  # `returns (uint8 result) { return 8; }`
                returns = [returns[0].expression_right]
            value = evaluate(returns[0])
            if isinstance(value, int):
                return value
            if isinstance(returns[0], Identifier) and isinstance(returns[0].value, StateVariable):
                return value_at_deployment(token, returns[0].value)
    return None
