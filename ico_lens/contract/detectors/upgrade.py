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
        if not findings:
            findings.extend(self._debits_decided_by_a_module())
        return findings

    def _debits_decided_by_a_module(self) -> list[Finding]:
        """The amount a token burns or debits is what a module contract reports (``(eth, amount) =
        withdrawProvider.withdraw(investor); balances[investor] -= amount``), and the module's
        address is one an admin can replace (``components[name] = ...`` by the owner): the balance
        logic lives in replaceable code. A companion the token only notifies decides nothing."""
        from slither.analyses.data_dependency.data_dependency import is_dependent
        from slither.slithir.operations import HighLevelCall

        model = self.model
        for entry in model.entry_points:
            for e in model.effects(entry):
                if e.kind not in ("balance", "supply") or e.direction != "dec" or e.node is None:
                    continue
                amounts = [v for v in e.node.variables_read if v not in (model.balance_vars | model.supply_vars)]
                for node in e.function.nodes:
                    for ir in node.irs:
                        if not isinstance(ir, HighLevelCall) or ir.lvalue is None:
                            continue
                        if not any(is_dependent(v, ir.lvalue, e.function) for v in amounts):
                            continue
                        module = _stored_origin(ir.destination, e.function, entry)
                        if module is not None and _replaceable_module(model, module):
                            return [self.finding(
                                f"{entry.name}() debits what {ir.function_name}() of {module.name}, a module an admin can replace, reports",
                                e.node, e.function,
                            )]
        return []

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


def _stored_origin(value, function, entry, depth: int = 0):
    """The state variable an address value comes from, within what ``entry`` runs: itself, a local
    assigned or converted from it, what a getter returns (``return components[_name]``), or the
    argument every caller of ``function`` passes for it."""
    from slither.core.variables.local_variable import LocalVariable
    from slither.core.variables.state_variable import StateVariable
    from slither.slithir.operations import Assignment, InternalCall, TypeConversion

    from ico_lens.contract.analysis import closure_functions

    if depth > 6 or value is None:
        return None
    if isinstance(value, StateVariable):
        return value
    if isinstance(value, LocalVariable) and value in function.parameters:
        index = function.parameters.index(value)
        origins = set()
        for caller in closure_functions(entry):
            for node in caller.nodes:
                for ir in node.irs:
                    if isinstance(ir, InternalCall) and ir.function is function and len(ir.arguments or []) > index:
                        origins.add(_stored_origin(ir.arguments[index], caller, entry, depth + 1))
        return origins.pop() if len(origins) == 1 else None
    for node in function.nodes:
        for ir in node.irs:
            if getattr(ir, "lvalue", None) is not value:
                continue
            if isinstance(ir, Assignment):
                return _stored_origin(ir.rvalue, function, entry, depth + 1)
            if isinstance(ir, TypeConversion):
                return _stored_origin(ir.variable, function, entry, depth + 1)
            if isinstance(ir, InternalCall):
                return _getter_state(ir.function)
    return None


def _getter_state(getter):
    """The one state variable a view getter returns (``return components[_name]``), else None."""
    from slither.core.cfg.node import NodeType

    returns = [n for n in getattr(getter, "nodes", []) or [] if n.type == NodeType.RETURN]
    if len(returns) != 1 or getter.state_variables_written:
        return None
    read = list(returns[0].state_variables_read)
    return read[0] if len(read) == 1 else None


def _replaceable_module(model, var) -> bool:
    """An address (or a registry of addresses) of a contract, written after deployment only by a role."""
    from slither.core.declarations import Contract
    from slither.core.solidity_types import MappingType, UserDefinedType

    held = getattr(var, "type", None)
    while isinstance(held, MappingType):
        held = held.type_to
    is_contract = isinstance(held, UserDefinedType) and isinstance(held.type, Contract)
    if str(held) not in ("address", "address payable") and not is_contract:
        return False
    writes = model.state_writes(var)
    return bool(writes) and all(model.role_only(entry) for entry, _ in writes)
