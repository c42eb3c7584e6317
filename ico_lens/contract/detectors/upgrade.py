"""upgradeable_or_migratable: the token logic can be replaced, or tokens migrated, by an admin."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, forwarding_calls, migration_entries, register


@register
class UpgradeDetector(FactDetector):
    NAME = "upgradeable_or_migratable"
    DESCRIPTION = "Transfers forward to a replaceable implementation, or holders' tokens can be migrated to an agent/new contract an admin sets."
    IMPACT = "high"
    CONFIDENCE = "medium"
    ORDER = 80
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
