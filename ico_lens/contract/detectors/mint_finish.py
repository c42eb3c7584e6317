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
