"""team_vesting: team tokens said to vest (for N months) against a time lock or vesting contract in the source."""

from __future__ import annotations

from ico_lens.align.rules.base import ClaimAgainstFacts, register


@register
class TeamVestingRule(ClaimAgainstFacts):
    NAME = "team_vesting"
    DESCRIPTION = ("Team tokens said to vest or be locked need a time lock or vesting contract in the source "
                   "(the months the paper states are shown beside the verdict).")
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
