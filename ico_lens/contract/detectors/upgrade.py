"""upgradeable_or_migratable: the token logic can be replaced, or tokens migrated, by an admin."""

from __future__ import annotations

import re

from ico_lens.contract import conditions as cond
from ico_lens.contract.detectors.base import FactDetector, Finding, is_bool

#: words for an opt-in exchange to a new contract; used only together with the behaviour below
MIGRATION_WORDS = re.compile(r"migrat|upgrad|exchange|swap", re.I)


def _admin_set_address(model, var) -> bool:
    return any(
        effect.value is not None and effect.value.kind in ("param", "unknown", "state") and model.role_only(entry)
        for entry, effect in model.state_writes(var)
    )


def forwarding_calls(model):
    """(entry, call) where a transfer, or a holder's own burn, calls a stored address an admin can change."""
    for entry in model.entry_points:
        effects = model.effects(entry)
        own_burn = any(e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind in ("sender", "param") for e in effects)
        own_burn = own_burn and any(e.kind == "supply" and e.direction == "dec" for e in effects)
        is_transfer = entry in model.transfer_functions
        if not is_transfer and not own_burn:
            continue
        for e in effects:
            if e.kind != "call" or e.key is None or e.key.kind != "state":
                continue
            if is_transfer and _in_guard(e.node):
                continue  # require(controller.onTransfer(...)): a hook that may veto, not the logic
            if _admin_set_address(model, e.key.value):
                yield entry, e
                break


def _in_guard(node) -> bool:
    from slither.core.cfg.node import NodeType

    return node.type == NodeType.IF or bool(cond.node_guards(node, node.function, {}))


def migration_entries(model):
    """(entry, effect) for holder-initiated migrations: the caller's tokens leave the supply and are
    handed to an agent contract, or are exchanged in a phase an admin opens."""
    found = {entry: e for entry, e in forwarding_calls(model) if entry not in model.transfer_functions}
    for entry in model.entry_points:
        if entry in found:
            continue
        effects = model.effects(entry)
        own_down = [e for e in effects if e.kind == "balance" and e.direction == "dec" and e.key is not None and e.key.kind == "sender"]
        supply_down = [e for e in effects if e.kind == "supply" and e.direction == "dec"]
        if not (own_down and supply_down) or entry in model.transfer_functions:
            continue
        for guard in model.guards(entry):
            for var in cond.state_vars_in(guard):
                if is_bool(var) and MIGRATION_WORDS.search(var.name + " " + entry.name):
                    if any(model.role_only(w) for w, _ in model.state_writes(var)):
                        found[entry] = supply_down[0]
    return list(found.items())


class UpgradeDetector(FactDetector):
    NAME = "upgradeable_or_migratable"
    DESCRIPTION = "Transfers forward to a replaceable implementation, or holders' tokens can be migrated to an agent/new contract an admin sets."
    IMPACT = "high"
    CONFIDENCE = "medium"
    NEEDS_BALANCES = False

    def verdict(self, findings):
        return bool(findings)

    def _detect(self) -> list[Finding]:
        model = self.model
        findings = []
        for entry, e in forwarding_calls(model):
            findings.append(self.finding(f"{entry.name}() calls {e.key.value.name}, an address an admin can change", e.node, e.function))
        for entry, e in migration_entries(model):
            if all(f.evidence.function != entry.name for f in findings):
                findings.append(self.finding(f"{entry.name}() migrates the caller's tokens", e.node, e.function))
        return findings
