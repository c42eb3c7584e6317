"""team_vesting: team tokens said to vest (for N months) against a time lock or vesting contract in the
source, or, with chain access, a vesting contract among the token's genesis recipients."""

from __future__ import annotations

from ico_lens.align.records import CONSISTENT
from ico_lens.align.rules.base import ClaimAgainstFacts, register
from ico_lens.records import Evidence

#: a vesting contract holding less than this share at genesis is not taken for the team's tokens
MIN_SHARE = 1.0


@register
class TeamVestingRule(ClaimAgainstFacts):
    NAME = "team_vesting"
    DESCRIPTION = ("Team tokens said to vest or be locked need a time lock or vesting contract in the source, or "
                   "on chain a genesis recipient whose code is a vesting contract (release and schedule "
                   "functions); the months the paper states are shown beside the verdict.")
    SEVERITY = "high"
    CLAIM = NAME
    PROMISED = "that team tokens vest"
    CODED = "time lock or vesting schedule"
    CLAIMS = (NAME, "team_vesting_months")
    FACTS = ("vesting_or_timelock",)
    ORDER = 50

    def paper_value(self, value):
        months = self.inputs.claim("team_vesting_months")
        return f"vesting {months:g} months" if isinstance(months, (int, float)) else value

    def check(self):
        findings = super().check()
        if not findings or findings[0].verdict == CONSISTENT:
            return findings
        # the token's source has no lock, but the team's tokens may sit in a vesting contract of their own
        vaults = self._vesting_recipients()
        if not vaults:
            return findings
        value = self.inputs.claim(self.CLAIM)
        held = ", ".join(f"{r.address} ({r.percent:g}%)" for r in vaults)
        return [self.finding(
            CONSISTENT, f"the paper promises {self.PROMISED}; the token's code has no lock, but at genesis a vesting "
                        f"contract received tokens: {held}",
            paper_value=self.paper_value(value), paper_evidence=self.inputs.claim_evidence(self.CLAIM),
            code_value="vesting contract on chain", chain_evidence=[self._evidence(r) for r in vaults])]

    def _vesting_recipients(self):
        genesis = getattr(self.inputs.chain, "genesis", None)
        if genesis is None:
            return []
        self._genesis = genesis
        return [r for r in genesis.recipients if r.vesting_functions and r.percent >= MIN_SHARE]

    def _evidence(self, recipient) -> Evidence:
        genesis = self._genesis
        return Evidence.on_chain(block=genesis.window_end_block, tx=genesis.creation_tx, value=recipient.amount.raw,
                                 reason=f"{recipient.address} is a vesting contract ({', '.join(recipient.vesting_functions[:4])}) "
                                        f"and received {recipient.amount.format()} ({recipient.percent:g}%) at genesis")
