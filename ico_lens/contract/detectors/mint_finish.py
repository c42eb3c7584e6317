"""mint_can_be_finished: every way to mint can be switched off for good."""

from __future__ import annotations

from ico_lens.contract import conditions as cond
from ico_lens.contract.detectors.base import FactDetector, Finding, is_bool, is_one_shot, latch_value, register


@register
class MintFinishDetector(FactDetector):
    NAME = "mint_can_be_finished"
    DESCRIPTION = "Minting can be disabled permanently (a one-way latch such as finishMinting, a one-shot issuance or a deadline)."
    IMPACT = "medium"
    CONFIDENCE = "medium"
    ORDER = 20
    NULL_REASON = "nothing can be minted after deployment"

    def verdict(self, findings):
        if self.decided.get("can_mint_after_deploy") is not True:
            return None
        entries = self.model.minting_entries
        return bool(entries) and all(f.value for f in findings) and len(findings) == len(entries)

    def _detect(self) -> list[Finding]:
        findings = []
        for entry, effect in self.model.minting_entries:
            reason = self._finishable(entry)
            if reason is None:
                findings.append(self.finding(f"{entry.name}() can mint with no permanent stop", effect.node, effect.function, value=False))
            else:
                text, guard = reason
                findings.append(self.finding(f"{entry.name}(): {text}", guard.node if guard else effect.node, guard.function if guard else effect.function))
        return findings

    def _finishable(self, entry):
        model = self.model
        if is_one_shot(model, entry):
            return "can run only once", None
        for guard in model.guards(entry):
            for var in cond.state_vars_in(guard):
                closed = enum_closing_stage(model, guard, var)
                if closed is not None:
                    return f"stopped for good once {var.name} is {closed} (no way back)", guard
                if not is_bool(var):
                    continue
                latch = latch_value(model, var)
                if latch is None:
                    continue
                stop = cond.guard_pass(guard, cond.Assumptions(state={var: latch}, caller_has_role=None))
                if stop is False:
                    return f"stopped for good once {var.name} is set to {str(latch).lower()}", guard
            if cond.reads_time(guard) and "before" in cond.time_direction(guard, stored_only=True):
                return "only until a deadline", guard
        return None


def enum_closing_stage(model, guard, var) -> str | None:
    """For a stage machine (``require(status == Status.Active)`` on an enum), a stage some entry
    point moves ``var`` to, out of the stages the guard lets through, from which no sequence of
    writes leads back into them (``close()`` sets ``Closed``; only ``initialize()`` sets
    ``Active``, and only from ``New``, which nothing sets again). None when there is none, or
    when some write sets the stage to a value it is given."""
    from ico_lens.contract.analysis import enum_of

    enum = enum_of(var)
    if enum is None or not enum.values:
        return None
    members = list(enum.values)

    def passes(g, member) -> bool:
        return cond.guard_pass(g, cond.Assumptions(state={var: ("enum", member)}, caller_has_role=None)) is not False

    allowed = {m for m in members if passes(guard, m)}
    if not allowed or allowed == set(members):
        return None
    moves = []  # (stages a writer may run from, the stage it sets)
    for entry, effect in model.state_writes(var):
        if effect.kind != "state":
            continue
        if effect.value is None or effect.value.kind != "enum":
            return None  # `status = _status`: any stage
        sources = {m for m in members if all(passes(g, m) for g in model.guards(entry))}
        moves.append((sources, effect.value.value))

    def reach(start: set) -> set:
        seen, todo = set(start), list(start)
        while todo:
            here = todo.pop()
            for sources, target in moves:
                if here in sources and target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    for stage in sorted(reach(allowed) - allowed):
        if not reach({stage}) & allowed:
            return f"{enum.name}.{stage}"
    return None
