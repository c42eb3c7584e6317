"""freeze_or_blacklist: an owner/admin can stop individual accounts from transferring."""

from __future__ import annotations

from ico_lens.contract import conditions as cond
from ico_lens.contract.detectors.base import ACCOUNT_KEYS, FactDetector, Finding, counterparties, is_flag_mapping, register, written_value


def credits_tokens(model, entry) -> bool:
    return any(e.kind in ("balance", "supply") and e.direction in ("inc", "set") for e in model.effects(entry))


def account_lock_mappings(model):
    """(transfer function, guard, mapping) where a transfer guard reads ``mapping[account]``."""
    roles = model.all_roles
    for function, guard in model.transfer_guards:
        for mapping, key in cond.mapping_lookups(guard):
            if mapping in model.balance_vars or mapping in model.allowance_vars or mapping.name in roles:
                continue
            if key is not None and key.kind in ACCOUNT_KEYS and _entry_can_stop(guard, mapping, roles):
                yield function, guard, mapping


def blocking_entries(guard, roles=()) -> set:
    """The values of a bool per-account flag for which ``guard`` stops the account: ``{True}`` for
    ``require(!frozen[from])``, ``{False}`` for ``require(whitelist[from])``."""
    found = set()
    for entry in (True, False):
        for parties in counterparties(guard, roles):
            for caller in (entry, False):
                assume = cond.Assumptions(caller_has_role=caller, lookups=entry, parties=parties, ordinary_roles=frozenset(roles) if caller is False else frozenset())
                if cond.guard_pass(guard, assume) is False:
                    found.add(entry)
    return found


def _entry_can_stop(guard, mapping, roles=()) -> bool:
    """Some value of an account's flag stops the transfer whatever the other state is; an entry of
    an allow-list OR'd with a global lock (``allowTransfers || isException[_from]``) only exempts.
    (A date or an amount per account is judged by its writers alone.)"""
    if not is_flag_mapping(mapping):
        return True
    for entry in (True, False):
        for parties in counterparties(guard, roles):  # any transfer, or a sell to the pair
            if cond.guard_pass(guard, cond.Assumptions(caller_has_role=entry, lookups=entry, parties=parties)) is False:
                return True
    # a listed account that holds no role, sending to another ordinary account (`if (from != owner()
    # && to != owner()) { if (bots[from] || bots[to]) revert ...; }`)
    for parties in counterparties(guard, roles):
        listed = cond.Assumptions(caller_has_role=False, lookups=True, parties=parties, ordinary_roles=frozenset(roles))
        if cond.guard_pass(guard, listed) is False:
            return True
    return False


@register
class FreezeDetector(FactDetector):
    NAME = "freeze_or_blacklist"
    DESCRIPTION = "A privileged function marks any account (freeze, blacklist, lock) so that transfers from it fail."
    IMPACT = "high"
    CONFIDENCE = "medium"
    ORDER = 60

    def _detect(self) -> list[Finding]:
        model = self.model
        findings, seen = [], set()
        for function, guard, mapping in account_lock_mappings(model):
            if mapping in seen:
                continue
            blocking = {str(v).lower() for v in blocking_entries(guard, model.all_roles)} if is_flag_mapping(mapping) else None
            for entry, effect in model.state_writes(mapping):
                if effect.key is None or effect.key.kind != "param":
                    continue
                if blocking and written_value(effect) in ("true", "false") and written_value(effect) not in blocking:
                    continue  # `removeSniper(a)`: only ever lifts the block the transfers set themselves
                if not model.role_only(entry) or credits_tokens(model, entry):
                    continue
                seen.add(mapping)
                findings.append(
                    self.finding(
                        f"{entry.name}() sets {mapping.name}[account], checked by {function.name}()", effect.node, effect.function
                    )
                )
                break
        if not findings:
            findings.extend(self._parked_by_a_role())
        return findings

    def _parked_by_a_role(self) -> list[Finding]:
        """``freeze(_addr, v) onlyOwner { balances[_addr] -= v; frozen[_addr] += v; }``: a role moves
        part of any account's balance into a second per-account bucket that only a role can move
        back: those tokens cannot be sent (the owner-side twin of the holder's own freeze bucket)."""
        model = self.model
        for entry in model.entry_points:
            if not model.role_only(entry):
                continue
            effects = model.effects(entry)
            for debit in effects:
                if debit.kind != "balance" or debit.direction != "dec" or debit.key is None or debit.key.kind != "param":
                    continue
                for bucket in effects:
                    if (
                        bucket.kind == "state" and bucket.direction == "inc" and bucket.key is not None
                        and (bucket.key.kind, bucket.key.value) == (debit.key.kind, debit.key.value)
                        and bucket.variable not in model.allowance_vars and self._released_only_by_roles(bucket.variable)
                        and not self._account_checked(entry, debit.key, {bucket.variable})
                    ):
                        return [self.finding(f"{entry.name}() (role {', '.join(sorted(model.role_only(entry)))}) moves {debit.variable.name}[account] into {bucket.variable.name}[account], which only a role releases", bucket.node, bucket.function)]
        return []

    def _account_checked(self, entry, account, skip) -> bool:
        """A guard of ``entry`` looks the account up in a list besides its balance and the bucket
        (``require(delegations[_from] == 1)``): the account opted in, it is not frozen at will."""
        for guard in self.model.guards(entry):
            for mapping, key in cond.mapping_lookups(guard):
                if mapping in self.model.balance_vars or mapping in skip or key is None:
                    continue
                if (key.kind, key.value) == (account.kind, account.value):
                    return True
        return False

    def _released_only_by_roles(self, bucket) -> bool:
        releases = [entry for entry, w in self.model.state_writes(bucket) if w.direction == "dec"]
        return bool(releases) and all(self.model.role_only(entry) for entry in releases)
