"""vesting_or_timelock: some holders' tokens are locked by time (vesting, timelock, release schedule)."""

from __future__ import annotations

from ico_lens.contract import conditions as cond
from ico_lens.contract.analysis import closure_functions, entry_points_of
from ico_lens.contract.detectors.base import ACCOUNT_KEYS, FactDetector, Finding, is_flag_mapping, reads_msg_value, register

TOKEN_MOVES = {"transfer", "safeTransfer", "transferFrom", "safeTransferFrom"}


@register
class VestingDetector(FactDetector):
    NAME = "vesting_or_timelock"
    DESCRIPTION = "Tokens are released only after a time (a release/unlock function gated by now or block.number), or transfers check a per-account unlock time."
    IMPACT = "low"
    CONFIDENCE = "medium"
    ORDER = 90
    NEEDS_BALANCES = False
    NEEDS_TOKEN = False

    def _detect(self) -> list[Finding]:
        return self._account_time_locks() + self._timed_releases() + self._scheduled_credits()

    def _scheduled_credits(self) -> list[Finding]:
        """Any function (internal ones too, e.g. a ``releaseLock(holder)`` run on each transfer) that
        credits a balance only inside ``if (releaseTime <= now)``, without debiting the holder."""
        model = self.model
        for contract in model.contracts:
            for function in contract.functions_declared:
                if function.is_constructor or not function.is_implemented or _sells(function):
                    continue
                effects = model.effects(function)
                if any(e.kind == "supply" and e.direction in ("inc", "set") for e in effects):
                    continue
                if any(e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind in ("sender", "param") for e in effects):
                    continue
                credits = [e for e in effects if e.kind == "balance" and e.direction == "inc"]
                credits += [e for e in effects if e.kind == "call" and e.name in TOKEN_MOVES]
                timed = _timed_branch(credits)
                if timed is not None:
                    return [self.finding(f"{contract.name}.{function.name}() credits tokens once their release time has passed", timed.node, timed.function)]
        return []

    def _account_time_locks(self) -> list[Finding]:
        model = self.model
        for function, guard in model.transfer_guards:
            if not cond.reads_time(guard):
                continue
            others = cond.guard_pass(guard, cond.Assumptions(caller_has_role=False))
            holder = cond.guard_pass(guard, cond.Assumptions(caller_has_role=True))
            if others is True and holder is not True:
                return [self.finding(f"{function.name}() keeps a designated holder's tokens locked until a time", guard.node, guard.function)]
            for mapping, key in cond.time_compared_fields(guard):
                if _set_by_trading(model, mapping):
                    continue
                if mapping not in model.allowance_vars and key is not None and key.kind in ACCOUNT_KEYS:
                    return [self.finding(f"{function.name}() checks a lock time kept in {mapping.name}[account] against the time", guard.node, guard.function)]
            for mapping, key in cond.mapping_lookups(guard):
                if mapping in model.allowance_vars or mapping in model.balance_vars or is_flag_mapping(mapping):
                    continue  # a bool per account beside the time is an exemption from a global lock
                if _set_by_trading(model, mapping):
                    continue
                if key is not None and key.kind in ACCOUNT_KEYS:
                    return [self.finding(f"{function.name}() checks {mapping.name}[account] against the time", guard.node, guard.function)]
        return []

    def _sale_window(self, contract) -> set:
        """State variables the contract's paying entry points compare the time with (its start and end)."""
        window = set()
        for entry in entry_points_of(contract):
            if entry.payable and reads_msg_value(entry):
                for guard in self.model.guards(entry):
                    window |= {b.value for b in cond.time_bounds(guard, inline=True) if b is not None}
        return window

    def _timed_releases(self) -> list[Finding]:
        model = self.model
        findings = []
        for contract in model.contracts:
            if contract.is_library:
                continue
            # a wallet anyone can poll (TokenVesting.release()), not a shop or an admin's tool
            selling = any(entry.payable and reads_msg_value(entry) for entry in entry_points_of(contract))
            sale_times = self._sale_window(contract) if selling else set()
            for entry in entry_points_of(contract):
                if _sells(entry):
                    continue  # a purchase (a `payable unlock()` that ignores the ether is still a release)
                effects = model.effects(entry)
                if any(e.kind == "supply" and e.direction in ("inc", "set") for e in effects):
                    continue  # minting at the end of a sale is not a release of held tokens
                if any(e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind in ("sender", "param") for e in effects):
                    continue  # a holder moving or burning their own tokens, not a release
                releases = [e for e in effects if e.kind == "balance" and e.direction == "inc"]
                releases += [e for e in effects if e.kind == "call" and e.name in TOKEN_MOVES]
                if not releases:
                    continue
                timed = _timed_branch(releases)
                if timed is not None:
                    findings.append(self.finding(f"{contract.name}.{entry.name}() releases tokens only once a time has passed", timed.node, timed.function))
                    continue
                for guard in model.guards(entry):
                    if cond.reads_time(guard) and "after" in cond.time_direction(guard):
                        bounds = cond.time_bounds(guard, inline=True)
                        if sale_times and bounds and all(b is not None and b.value in sale_times for b in bounds):
                            continue  # finalize() once the sale's own end is past: the sale closing, not a vesting
                        findings.append(self.finding(f"{contract.name}.{entry.name}() releases tokens only after a time", guard.node, guard.function))
                        break
                else:
                    cleared = _cleared_after_a_time(model, effects, sale_times)
                    if cleared is not None:
                        findings.append(self.finding(
                            f"{contract.name}.{entry.name}() pays out {cleared.variable.name}[account] only once a time has passed",
                            cleared.node, cleared.function,
                        ))
                        continue
                    timed = _time_read_in(entry) if not selling else None
                    if timed is not None and any(e.kind == "call" for e in releases):
                        # TokenVesting.release(): the releasable amount is computed from the time
                        findings.append(self.finding(f"{contract.name}.{entry.name}() releases an amount computed from the time", timed[0], timed[1]))
        return findings


def _set_by_trading(model, mapping) -> bool:
    """The per-account time is written only by the transfers themselves, on any holder's transfer
    (``cooldown[to] = block.timestamp + 30 seconds`` on each buy): a rate limit between trades, not a
    schedule locking some holders' tokens. A time a transfer sets only when a role sends (``if
    (msg.sender == owner) lockedUntil[to] = now + 180 days``) still locks what the owner hands out."""
    from ico_lens.contract.analysis import TRANSFER_SIGNATURES

    writes = model.state_writes(mapping)
    if not writes or any(entry.solidity_signature not in TRANSFER_SIGNATURES for entry, _ in writes):
        return False
    ordinary = cond.Assumptions(caller_has_role=False, lookups=False, ordinary_roles=frozenset(model.all_roles))
    for _, effect in writes:
        for dom, branch in cond.branch_conditions(effect.node):
            if cond.guard_pass(cond.Guard(dom.expression, not branch, dom, effect.function), ordinary) is False:
                return False
    return True


def _cleared_after_a_time(model, effects, sale_times):
    """A per-account amount the entry empties only inside ``if (now > start + 6 months)``
    (``amount += frozenBonus[who]; frozenBonus[who] = 0;`` per tranche, then one transfer of the
    sum): tokens kept for each holder until a time, paid out after the branches. A branch that
    only waits for the sale's own end (a post-sale delivery of what was bought) is the closing of
    the sale, as for ``finalize()``."""
    for e in effects:
        if e.kind != "state" or e.key is None or e.key.kind not in ACCOUNT_KEYS:
            continue
        if e.variable in model.balance_vars or e.variable in model.allowance_vars or is_flag_mapping(e.variable):
            continue
        if not (e.direction == "dec" or e.value_kind == "zero" or (e.value is not None and e.value.kind == "const" and str(e.value.value) == "0")):
            continue
        guard = _timed_branch([e])
        if guard is None:
            continue
        bounds = cond.time_bounds(guard, inline=True)
        if sale_times and bounds and all(b is not None and b.value in sale_times for b in bounds):
            continue
        return e
    return None


def _sells(function) -> bool:
    return function.payable and reads_msg_value(function)


def _timed_branch(effects):
    """A guard-like view of an ``if (schedule.time < now) { credit }`` around a release."""
    for e in effects:
        for dom, branch in cond.branch_conditions(e.node):
            guard = cond.Guard(dom.expression, not branch, dom, e.function)
            if cond.reads_time(guard) and cond.time_direction(guard) == {"after"}:
                return guard
    return None


def _time_read_in(entry):
    """(node, function) where what ``entry`` runs compares now/block.timestamp/block.number: in a
    condition, or by passing it to a function that branches on it (``vested(grant, now)``)."""
    from slither.core.cfg.node import NodeType
    from slither.slithir.operations import InternalCall, LibraryCall

    def branches_on_argument(node) -> bool:
        for ir in node.irs:
            if isinstance(ir, (InternalCall, LibraryCall)) and getattr(ir.function, "nodes", None):
                for param, arg in zip(ir.function.parameters, ir.arguments or []):
                    if getattr(arg, "name", None) in cond.TIME_SOURCES:
                        for inner in ir.function.nodes:
                            if inner.type == NodeType.IF and param in inner.variables_read:
                                return True
        return False

    for function in closure_functions(entry, with_libraries=True):
        for node in function.nodes:
            conditional = node.type in (NodeType.IF, NodeType.RETURN) or cond.node_guards(node, function, {})
            if not conditional and not branches_on_argument(node):
                continue
            if any(v.name in cond.TIME_SOURCES for v in node.solidity_variables_read):
                return node, function
    return None
