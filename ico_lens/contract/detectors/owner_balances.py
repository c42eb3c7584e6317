"""owner_can_change_balances: a privileged caller can take or destroy tokens others hold."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, register


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
            if any(e.variable in model.allowance_vars and e.kind == "state" for e in effects):
                continue  # spends an allowance: the holder agreed
            roles = model.role_mentioned(entry)
            if not roles:
                continue
            for e in effects:
                if e.kind != "balance" or e.direction != "dec" or e.key is None:
                    continue
                if e.key.kind == "param" or (e.key.kind == "state" and self._arbitrary(e.key.value, roles)):
                    findings.append(self.finding(f"{entry.name}() (role {', '.join(sorted(roles))}) lowers {e.variable.name}[{_name(e.key)}]", e.node, e.function))
                    break
        return findings

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
