"""owner_can_change_balances: a privileged caller can take or destroy tokens others hold."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, is_one_shot, is_scalar, register


@register
class OwnerBalancesDetector(FactDetector):
    NAME = "owner_can_change_balances"
    DESCRIPTION = "A function open to a role lowers the balance of an address it is given (or a stored address the role can change), without that holder's allowance."
    IMPACT = "high"
    CONFIDENCE = "medium"
    ORDER = 70

    def _detect(self) -> list[Finding]:
        model = self.model
        findings = []
        for entry in model.entry_points:
            effects = model.effects(entry)
            granted = self._grants_allowance(entry, effects)
            if granted is not None:
                findings.append(granted)
                continue
            debited = [e.key for e in effects if e.kind == "balance" and e.direction == "dec" and e.key is not None]
            spends = [e for e in effects if e.variable in model.allowance_vars and e.kind == "state" and _spends_allowance(e, debited)]
            bypass = [_skipped_for_roles(e) for e in spends]
            if spends and not all(bypass):
                continue  # spends an allowance: the holder agreed
            roles = model.role_mentioned(entry) | set().union(*bypass)
            if not roles:
                # open to anyone (a purchase): it may still debit a stored wallet a role can point at any holder
                stored = self._stored_debit(effects)
                if stored is not None:
                    findings.append(self.finding(f"{entry.name}() lowers {stored.variable.name}[{_name(stored.key)}], an address a role can point at any holder", stored.node, stored.function))
                continue
            for e in effects:
                if e.kind != "balance" or e.key is None:
                    continue
                overwritten = _any_value(e) or _another_balance(e, model.balance_vars)
                if e.direction != "dec" and not (e.direction == "set" and e.key.kind == "param" and overwritten and not self._allots(entry)):
                    continue  # `balances[holder] = amount`, repeatable: any balance written to anything the role chooses
                if e.key.kind == "param" and self._signed_by_holder(entry, e.key):
                    continue  # a relayed transfer: the holder signed it (ecrecover), the role only submits it
                if e.key.kind == "param" or (e.key.kind == "state" and self._arbitrary(e.key.value, roles)):
                    findings.append(self.finding(f"{entry.name}() (role {', '.join(sorted(roles))}) lowers {e.variable.name}[{_name(e.key)}]", e.node, e.function))
                    break
        return findings

    def _grants_allowance(self, entry, effects):
        """A role writes the allowance *of an address it is given* (``superApprove(_hoarder, _spender,
        _value) onlyOwner``): the spender it names can then move that holder's tokens."""
        roles = self.model.role_only(entry)
        if not roles:
            return None
        for e in effects:
            if e.kind == "state" and e.variable in self.model.allowance_vars and e.direction in ("set", "inc") and _spender_amounts(e.variable):
                if e.key is not None and e.key.kind == "param":
                    return self.finding(
                        f"{entry.name}() (role {', '.join(sorted(roles))}) sets {e.variable.name}[{_name(e.key)}], the allowance of an address it is given",
                        e.node, e.function,
                    )
        return None

    def _signed_by_holder(self, entry, account) -> bool:
        """The account signed for it: a guard compares it with a message's signer, or looks it up
        in a list only signatures fill (``require(delegations[_from] == 1)`` where ``delegate(v, r,
        s)`` writes ``delegations[ecrecover(..)]``): the holder delegated, no role decided."""
        from ico_lens.contract import conditions as cond

        for guard in self.model.guards(entry):
            if cond.signed_by(guard, account):
                return True
            for mapping, key in cond.mapping_lookups(guard):
                if key is not None and (key.kind, key.value) == (account.kind, account.value) and self._filled_by_signatures(mapping):
                    return True
        return False

    def _filled_by_signatures(self, mapping) -> bool:
        from ico_lens.contract import conditions as cond

        writes = self.model.state_writes(mapping)
        for _, effect in writes:
            if effect.key is None or effect.key.kind != "unknown" or not _recovered(effect.key.value, effect.function):
                return False
        return bool(writes)

    def _allots(self, entry) -> bool:
        """Writing a balance is handing out an allotment: a one-time step, or one that moves a
        counter (``accountsToAllocate--`` while the allocation phase lasts)."""
        if is_one_shot(self.model, entry):
            return True
        return any(
            e.kind == "state" and e.direction in ("inc", "dec") and e.key is None and is_scalar(e.variable)
            for e in self.model.effects(entry)
        )

    def _stored_debit(self, effects):
        for e in effects:
            if e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind == "state":
                var = e.key.value
                if var.name not in self.model.all_roles and self._arbitrary(var, set()):
                    return e
        return None

    def _arbitrary(self, var, roles) -> bool:
        """A stored address a role can point anywhere (and not the role holder's own address)."""
        if var.name in roles:
            return False
        for entry, effect in self.model.state_writes(var):
            if effect.value is not None and effect.value.kind == "param" and self.model.role_only(entry):
                return True
        return False


def _name(term) -> str:
    value = getattr(term, "value", None)
    return getattr(value, "name", None) or term.kind


def _any_value(effect) -> bool:
    """The balance is written with a value the caller gives, not a sum (a credit) or a constant."""
    if effect.value_kind == "assembly":  # sstore into the balance slot of an address it is given
        return True
    return effect.value_kind is None and effect.value is not None and effect.value.kind == "param"


def _another_balance(effect, balance_vars) -> bool:
    """``balances[newOwner] = balances[owner]``: the balance of an address the role gives is replaced
    by another entry of the balances (not added to it), so whatever that holder had is gone."""
    if effect.value_kind is not None or effect.value is None or effect.value.kind != "unknown":
        return False
    origin = getattr(effect.value.value, "points_to_origin", None)  # the IR reference `balances[owner]`
    return origin is not None and origin in balance_vars


def _spends_allowance(effect, debited) -> bool:
    """A write to a two-level mapping that uses up a holder's consent: it goes down
    (``allowed[_from][msg.sender] -= v``), or it is keyed by the account debited. A new entry for
    someone else (``locked[_to][_reason] = lockToken(..)`` while ``balances[_from]`` is debited) is
    no allowance spent."""
    if effect.direction == "dec" or effect.value_kind == "sub":
        return True
    key = effect.key
    return key is not None and any((key.kind, key.value) == (d.kind, d.value) for d in debited)


def _skipped_for_roles(effect) -> set:
    """The roles whose holders skip the branch where the allowance is spent
    (``if (msg.sender != owner) { allowed[_from][msg.sender] -= _value; }``); empty when everyone spends it."""
    from ico_lens.contract import conditions as cond

    for dom, branch in cond.branch_conditions(effect.node):
        assume = cond.Assumptions(caller_has_role=True)
        value = cond.truth(dom.expression, assume, {})
        if value is not None and value != branch and assume.roles_seen:
            return set(assume.roles_seen)
    return set()


def _spender_amounts(var) -> bool:
    """An allowance proper: holder address -> spender address -> amount (not a lock per reason)."""
    t = getattr(var, "type", None)
    inner = getattr(t, "type_to", None)
    key_from = str(getattr(t, "type_from", ""))
    spender = str(getattr(inner, "type_from", ""))
    amount = str(getattr(inner, "type_to", ""))
    return key_from == "address" and spender == "address" and amount.startswith("uint")


def _recovered(value, function) -> bool:
    """``value`` (a local or the IR temporary behind it) is an ``ecrecover`` result in ``function``."""
    from slither.slithir.operations import SolidityCall

    from ico_lens.contract import conditions as cond

    if getattr(value, "expression", None) is not None and cond.recovers_signer(value.expression, {}):
        return True  # `address signer = ecrecover(hash, v, r, s);`
    for node in function.nodes:
        for ir in node.irs:
            if getattr(ir, "lvalue", None) is value:
                return isinstance(ir, SolidityCall) and ir.function.name.startswith("ecrecover")
    return False
