"""transfer_fee: a transfer credits someone other than the recipient (a fee)."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, register


@register
class TransferFeeDetector(FactDetector):
    NAME = "transfer_fee"
    DESCRIPTION = "transfer/transferFrom credit a third balance (the contract's, a fee collector's) besides the recipient's."
    IMPACT = "medium"
    CONFIDENCE = "medium"
    ORDER = 100

    def _detect(self) -> list[Finding]:
        findings = []
        for function in self.model.transfer_functions:
            for e in self.model.effects(function):
                if e.kind == "balance" and e.direction == "inc" and e.key is not None and e.key.kind in ("this", "state"):
                    findings.append(self.finding(f"{function.name}() also credits {getattr(e.key.value, 'name', e.key.kind)}", e.node, e.function))
                    break
        return findings
