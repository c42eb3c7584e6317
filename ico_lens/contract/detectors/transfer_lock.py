"""transfer_lock: transfers are blocked from deployment until a time, a release call or the sale end."""

from __future__ import annotations

from ico_lens.contract import conditions as cond
from ico_lens.contract.detectors.base import (
    FactDetector,
    Finding,
    blocking_values,
    initial_bool,
    is_bool,
    is_flag_mapping,
    is_global,
    is_scalar,
    register,
)


@register
class TransferLockDetector(FactDetector):
    NAME = "transfer_lock"
    DESCRIPTION = "Transfers are blocked at deployment: a guard on a flag whose initial value blocks, or on a time."
    IMPACT = "medium"
    CONFIDENCE = "medium"
    ORDER = 50

    def _detect(self) -> list[Finding]:
        model = self.model
        findings: list[Finding] = []
        for function, guard in model.transfer_guards:
            variables = cond.state_vars_in(guard)
            for var in variables:  # a global flag, even OR'd with an allow-list of accounts
                if not is_bool(var) or var in model.balance_vars:
                    continue
                start = initial_bool(model, var)
                if start is not None and start in blocking_values(guard, var):
                    findings.append(
                        self.finding(f"{function.name}() needs {var.name} != {str(start).lower()}, its value at deployment", guard.node, guard.function)
                    )
            exempting = not is_global(guard)
            if exempting and not _exempts_accounts_only(guard):
                continue
            for var in variables:
                if is_scalar(var) and not is_bool(var) and self._counter_lock(guard, var):
                    findings.append(
                        self.finding(f"{function.name}() waits until {var.name}, set at deployment and only counted down, reaches 0", guard.node, guard.function)
                    )
            if cond.reads_time(guard):
                if cond.guard_pass(guard, cond.Assumptions(caller_has_role=False)) is True:
                    continue  # only one stored account waits (a team/fund timelock), not everyone
                if exempting and "after" not in cond.time_direction(guard):
                    continue  # `isUnlocked() || whitelist[a]` must open after a time, not close at one
                times = [v for v in variables if is_scalar(v) and not is_bool(v)]
                starts = [model.initial_value(v) for v in times]
                if times and all(s is not None and s.kind == "const" and str(s.value) in ("0", "false") for s in starts):
                    continue  # lock times unset at deployment: at most a pause
                findings.append(self.finding(f"{function.name}() is blocked before a time", guard.node, guard.function))
        return _unique(findings)

    def _counter_lock(self, guard, var) -> bool:
        return _counter_lock_impl(self.model, guard, var)


def _exempts_accounts_only(guard) -> bool:
    """Every per-account lookup of the guard is a bool (an allow-list beside a global lock:
    ``isUnlocked() || whitelist[msg.sender]``), none a date or an amount per holder (vesting)."""
    return all(is_flag_mapping(mapping) for mapping, _ in cond.mapping_lookups(guard))


def _unique(findings):
    seen, out = set(), []
    for f in findings:
        key = (f.evidence.contract, f.evidence.line)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _stops_when(guard, var, state) -> bool:
    return cond.guard_pass(guard, cond.Assumptions(state={var: state}, caller_has_role=False)) is False


def _counter_lock_impl(model, guard, var) -> bool:
    """A counter set at deployment (not to 0), only ever lowered afterwards, and transfers wait
    for it to reach 0 (``whenAllocation(false)`` until every account is allocated)."""
    start = model.initial_value(var)
    if start is None or (start.kind == "const" and str(start.value) in ("0", "false")):
        return False
    writes = [e for _, e in model.state_writes(var)]
    if not writes or any(e.direction != "dec" for e in writes):
        return False
    return _stops_when(guard, var, "nonzero") and not _stops_when(guard, var, "zero")

