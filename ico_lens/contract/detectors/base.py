"""The detector plug-in interface (Slither-style) and shared reasoning about flags and writers.

A detector is a small class with ``NAME`` (the GOLD.md field it decides), ``DESCRIPTION``,
``IMPACT``, ``CONFIDENCE`` and a ``_detect()`` returning :class:`Finding` s with evidence. Its
verdict is ``True`` when it finds something, ``False`` otherwise, and ``None`` when the file cannot
show the fact (e.g. a proxy whose balances live on an outside platform).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ico_lens.contract import conditions as cond
from ico_lens.contract.analysis import Effect, TokenModel


@dataclass
class Evidence:
    """Where a fact shows in the source: contract, function, line and the line's code."""

    contract: str | None
    function: str | None
    line: int | None
    code: str = ""
    file: str | None = None

    def __str__(self) -> str:
        where = f"{self.contract}.{self.function}" if self.function else str(self.contract)
        return f"{where} (line {self.line}): {self.code}"


@dataclass
class Finding:
    """One reason a detector gives for its fact."""

    fact: str
    description: str
    evidence: Evidence
    value: Any = True


def evidence_at(node: Any, function: Any) -> Evidence:
    """Evidence for an IR node (or a function when ``node`` is None)."""
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
    contract = getattr(owner, "name", None)
    if not isinstance(function, Function):  # a state variable: no function
        return Evidence(contract, None, line, code, _short_file(mapping))
    return Evidence(contract, getattr(function, "name", None), line, code, _short_file(mapping))


def _short_file(mapping: Any) -> str | None:
    if mapping is not None and getattr(mapping, "filename", None) is not None:
        return getattr(mapping.filename, "short", None)
    return None


class FactDetector:
    """Base class: decide one GOLD.md fact about the main token contract."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    IMPACT: ClassVar[str] = "informational"  # what it means for a holder: "high" | "medium" | "low" | "informational"
    CONFIDENCE: ClassVar[str] = "medium"  # how sure the rule is: "high" | "medium" | "low"
    #: the fact cannot be judged when the token has no balances in this file (platform proxies)
    NEEDS_BALANCES: ClassVar[bool] = True
    #: the fact is about the token contract (False: about any contract of the file, e.g. a sale)
    NEEDS_TOKEN: ClassVar[bool] = True

    def __init__(self, model: TokenModel, decided: dict[str, Any] | None = None):
        self.model = model
        #: verdicts of the detectors that ran before (for facts that depend on others)
        self.decided = decided if decided is not None else {}

    def applicable(self) -> bool:
        if self.model.token is None:
            return not self.NEEDS_TOKEN
        return bool(self.model.balance_vars) or not self.NEEDS_BALANCES

    def _detect(self) -> list[Finding]:
        raise NotImplementedError

    def verdict(self, findings: list[Finding]) -> Any:
        return bool(findings)

    def detect(self) -> tuple[Any, list[Finding]]:
        """``(value, findings)``; value None when the fact is not applicable."""
        if not self.applicable():
            return None, []
        findings = self._detect()
        return self.verdict(findings), findings

    # -- helpers -------------------------------------------------------------------------------
    def finding(self, description: str, node: Any, function: Any, value: Any = True) -> Finding:
        return Finding(self.NAME, description, evidence_at(node, function), value)


# ---------------------------------------------------------------------------------------------
# shared reasoning about state flags, used by several detectors


def is_bool(var: Any) -> bool:
    return str(getattr(var, "type", "")) == "bool"


def is_scalar(var: Any) -> bool:
    from slither.core.solidity_types import ElementaryType

    return isinstance(getattr(var, "type", None), ElementaryType)


def blocking_values(guard: cond.Guard, var: Any) -> list[bool]:
    """Values of the bool ``var`` for which ``guard`` stops a caller without a role."""
    out = []
    for value in (True, False):
        stops = cond.guard_pass(guard, cond.Assumptions(state={var: value}, caller_has_role=False)) is False
        other = cond.guard_pass(guard, cond.Assumptions(state={var: not value}, caller_has_role=False))
        if stops and other is not False:
            out.append(value)
    return out


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
