"""pausable: an owner/admin can halt everyone's transfers, reversibly."""

from __future__ import annotations

from ico_lens.contract import conditions as cond
from ico_lens.contract.detectors.base import (
    FactDetector,
    Finding,
    blocking_values,
    can_write,
    is_bool,
    is_global,
    is_one_shot,
    is_scalar,
    only_brings_forward,
    register,
    sets_latch,
    writers,
)


@register
class PauseDetector(FactDetector):
    NAME = "pausable"
    DESCRIPTION = "A privileged function can set a flag (or a lock time) that stops all transfers, and not only once."
    IMPACT = "high"
    CONFIDENCE = "high"
    ORDER = 40

    def _detect(self) -> list[Finding]:
        model = self.model
        findings: list[Finding] = []
        seen = set()
        for function, guard in model.transfer_guards:
            for var in cond.state_vars_in(guard):
                if var in seen or not is_scalar(var) or var in model.balance_vars:
                    continue
                if is_bool(var):
                    blocking = blocking_values(guard, var, model.all_roles)
                    if not blocking:
                        continue
                    value = blocking[0]
                    for entry, effect in writers(model, var):
                        if can_write(effect, value) and model.role_only(entry) and not is_one_shot(model, entry) and not sets_latch(model, entry):
                            seen.add(var)
                            findings.append(
                                self.finding(
                                    f"{entry.name}() (role {', '.join(sorted(model.role_only(entry)))}) can set {var.name} "
                                    f"to {str(value).lower()}, which stops {function.name}()",
                                    effect.node,
                                    effect.function,
                                )
                            )
                            break
                elif var in cond.upper_limits(guard) and not cond.reads_time(guard):
                    # a max-transaction / max-wallet limit the owner may lower to nothing: setMaxTxAmount(0)
                    for entry, effect in writers(model, var):
                        if is_one_shot(model, entry) or not model.role_only(entry) or not _unbounded(model, entry, effect):
                            continue
                        seen.add(var)
                        findings.append(
                            self.finding(
                                f"{entry.name}() (role {', '.join(sorted(model.role_only(entry)))}) can set {var.name}, "
                                f"the most {function.name}() may move, to any value (0 stops it)",
                                effect.node,
                                effect.function,
                            )
                        )
                        break
                elif cond.reads_time(guard) and is_global(guard) and var in cond.time_compared_vars(guard):
                    # a lock time the owner can move: lockUntil(block)
                    for entry, effect in writers(model, var):
                        if is_one_shot(model, entry) or sets_latch(model, entry) or only_brings_forward(model, entry, effect, var):
                            continue  # set once (when minting ends), or only ever earlier: a lock, not a pause
                        if effect.value is not None and effect.value.kind in ("param", "unknown") and model.role_only(entry):
                            seen.add(var)
                            findings.append(
                                self.finding(f"{entry.name}() can move {var.name}, the time before which {function.name}() fails", effect.node, effect.function)
                            )
                            break
        return findings


def _unbounded(model, entry, effect) -> bool:
    """The limit written comes from the caller's argument and no guard of the writer checks that
    argument (``require(amount >= totalSupply() / 1000)`` keeps the limit above a floor)."""
    if effect.value is None or effect.value.kind not in ("param", "unknown"):
        return False
    params = set(effect.function.parameters)
    if effect.value.kind == "unknown" and not params & set(effect.node.variables_read):
        return False  # maxTx = totalSupply() / 100: a fixed value, not the caller's
    return not any(
        cond.params_in(guard)
        for guard in model.guards(entry)
        if not getattr(getattr(guard.function, "contract", None), "is_library", False)  # SafeMath's overflow checks
    )
