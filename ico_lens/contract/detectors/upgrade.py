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
    #: judged without a token too: a sale or vault alone is no upgradeable token, a bare proxy is one
    NEEDS_TOKEN = False

    def verdict(self, findings):
        return bool(findings)

    def _detect(self) -> list[Finding]:
        model = self.model
        if model.token is None:
            return self._bare_proxy()
        findings = []
        for entry, e in forwarding_calls(model):
            findings.append(self.finding(f"{entry.name}() calls {e.key.value.name}, an address an admin can change", e.node, e.function))
        for entry, e in migration_entries(model):
            if all(f.evidence.function != entry.name for f in findings):
                findings.append(self.finding(f"{entry.name}() migrates the caller's tokens", e.node, e.function))
        return findings

    def _bare_proxy(self) -> list[Finding]:
        """No token in the file: a contract whose fallback delegates every call to a stored
        implementation (ERC-1967, ``assembly { delegatecall(gas(), impl, ...) }``) is the front of
        an upgradeable token; anything else (a sale, a vault) is not upgradeable."""
        from slither.core.cfg.node import NodeType
        from slither.slithir.operations import LowLevelCall

        from ico_lens.contract.analysis import assembly_text, closure_functions

        contracts = [c for c in self.model.contracts if not c.is_library]
        inherited = {base for c in contracts for base in c.inheritance}
        leaves = [c for c in contracts if c not in inherited]
        for contract in leaves:
            # the deployed contract: Etherscan's name, or the file's only most-derived contract (a proxy
            # an exchange creates for its users, beside the exchange, is not what was deployed)
            if contract.name != self.model.contract_name and len(leaves) > 1:
                continue
            fallback = next((f for f in contract.functions if f.is_fallback or f.name == "fallback"), None)
            if fallback is None or not fallback.is_implemented:
                continue
            for function in closure_functions(fallback):
                for node in getattr(function, "nodes", []) or []:
                    asm = assembly_text(node) if node.type == NodeType.ASSEMBLY else ""
                    delegates = "delegatecall" in asm or any(
                        isinstance(ir, LowLevelCall) and str(ir.function_name) == "delegatecall" for ir in node.irs
                    )
                    if delegates:
                        return [self.finding(f"{contract.name}'s fallback delegates every call to an implementation contract (a proxy)", node, function)]
        return []
