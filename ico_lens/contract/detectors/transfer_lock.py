"""transfer_lock: transfers are blocked from deployment until a time, a release call or the sale end."""

from __future__ import annotations

from ico_lens.contract import conditions as cond
from ico_lens.contract.detectors.base import (
    FactDetector,
    Finding,
    blocking_values,
    counterparties,
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
                if start is not None and start in blocking_values(guard, var, model.all_roles):
                    findings.append(
                        self.finding(f"{function.name}() needs {var.name} != {str(start).lower()}, its value at deployment", guard.node, guard.function)
                    )
            for var in variables:  # a state machine: `require(stage == Stage.Trading)` while it starts at Funding
                start = model.initial_value(var)
                if start is None or start.kind != "enum" or var in model.balance_vars:
                    continue
                if _stops_when(guard, var, ("enum", start.value)) and self._enum_opens(guard, var):
                    findings.append(
                        self.finding(f"{function.name}() needs {var.name} to leave {start.value}, its stage at deployment", guard.node, guard.function)
                    )
            for var in cond.upper_limits(guard):  # `require(amount <= maxTxAmount)` while the limit is 0
                if var not in model.balance_vars and self._limit_starts_closed(guard, var):
                    findings.append(
                        self.finding(f"{function.name}() may move at most {var.name}, 0 at deployment", guard.node, guard.function)
                    )
            companion = self._companion_lock(guard)
            if companion is not None:
                findings.append(self.finding(f"{function.name}() waits for {companion}, false while the sale runs", guard.node, guard.function))
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
                    # lock times unset at deployment: at most a pause, unless the unset time itself
                    # blocks (`require(transfersAllowedAt != 0 && now >= transfersAllowedAt)`)
                    unset = cond.Assumptions(state={v: "zero" for v in times}, caller_has_role=False, lookups=False)
                    if cond.guard_pass(guard, unset) is not False:
                        continue
                findings.append(self.finding(f"{function.name}() is blocked before a time", guard.node, guard.function))
        return _unique(findings)

    def _companion_lock(self, guard):
        """The transfer asks the sale contract of the file (``require(crowdsale.hasEnded())``,
        ``require(ico.finalized())``) something that is false at deployment: a flag it starts without,
        or an end time it compares ``now`` with."""
        values = {}
        for call, contract, member in cond.companion_calls(guard):
            if contract not in self.model.contracts:
                continue
            value = _false_at_start(contract, member)
            if value is not None:
                values[str(call)] = value
        if not values:
            return None
        assume = cond.Assumptions(caller_has_role=False, lookups=False, calls=values)
        if cond.guard_pass(guard, assume) is False:
            return ", ".join(sorted(values))
        return None

    def _limit_starts_closed(self, guard, var) -> bool:
        """A max-transaction (or max-sell) limit left at 0 by the deployment stops every positive
        amount of an ordinary account, on any transfer or on a sell to the stored pair, until a
        role raises it (BSC launch tokens: ``if (to == pair) require(amount <= maxSellAmount)``)."""
        if var in self.model.supply_vars or cond.reads_time(guard):
            return False  # `value <= totalSupply`: the supply grows by minting, it is no limit a role sets
        start = self.model.initial_value(var)
        if start is None or start.kind != "const" or str(start.value) != "0":
            return False
        setters = self.model.state_writes(var)
        if not setters or not all(self.model.role_only(entry) for entry, _ in setters):
            return False  # a limit only a role raises (`setMaxSellAmount(amount) onlyOwner`)
        roles = self.model.all_roles
        for parties in counterparties(guard, roles):
            assume = cond.Assumptions(
                state={var: "zero"}, caller_has_role=False, lookups=False, parties=parties,
                ordinary_roles=frozenset(roles), positive_amounts=True,
            )
            if cond.guard_pass(guard, assume) is False:
                return True
        return False

    def _enum_opens(self, guard, var) -> bool:
        """Some stage written after deployment lets the transfer through."""
        for _, effect in self.model.state_writes(var):
            value = effect.value
            if value is not None and value.kind == "enum" and not _stops_when(guard, var, ("enum", value.value)):
                return True
        return False

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



def _false_at_start(contract, member):
    """False when ``contract.member()`` is false when the sale starts: a bool state variable never
    set in the constructor and with no initializer (a later ``finalized = true``), or a view that
    only says whether ``now`` is past a stored time (``return now > endTime``)."""
    from ico_lens.contract.analysis import closure_functions

    var = contract.get_state_variable_from_name(member)
    if var is not None:
        if is_bool(var) and var.expression is None:
            for ctor in contract.constructors:
                if any(var in f.state_variables_written for f in closure_functions(ctor)):
                    return None
            return False
        return None
    for function in contract.functions:
        if function.name != member or function.parameters or not function.nodes:
            continue
        returns = [n.expression for n in function.nodes if n.expression is not None and n.type.name == "RETURN"]
        if len(returns) != 1:
            return None
        guard = cond.Guard(returns[0], False, None, function)
        if cond.reads_time(guard) and cond.time_direction(guard, stored_only=True) == {"after"}:
            expr = cond._strip(returns[0])
            from slither.core.expressions import BinaryOperation, BinaryOperationType

            if isinstance(expr, BinaryOperation) and expr.type == BinaryOperationType.ANDAND:
                return None
            return False
    return None
