"""burnable: a function destroys tokens: it lowers a balance and the total supply."""

from __future__ import annotations

from ico_lens.contract.detectors.base import FactDetector, Finding, migration_entries, register


@register
class BurnDetector(FactDetector):
    NAME = "burnable"
    DESCRIPTION = "A function destroys tokens: it lowers a holder's balance and totalSupply (burn, destroy, refund); opt-in migrations excluded."
    IMPACT = "low"
    CONFIDENCE = "high"
    ORDER = 30

    def _detect(self) -> list[Finding]:
        migrations = {entry for entry, _ in migration_entries(self.model)}
        findings = []
        for entry in self.model.entry_points:
            if entry in migrations:
                continue
            effects = self.model.effects(entry)
            supply_down = [e for e in effects if e.kind == "supply" and e.direction == "dec"]
            # a balance lowered, or written anew (`balances[owner] = newReserve` beside
            # `totalSupply = totalSupply.sub(current.sub(newReserve))`): a burn by assignment
            balance_down = [e for e in effects if e.kind == "balance" and (e.direction == "dec" or _rewritten(e))]
            if supply_down and balance_down:
                e = supply_down[0]
                findings.append(self.finding(f"{entry.name}() lowers {e.variable.name}", e.node, e.function))
        return findings


def _rewritten(effect) -> bool:
    """A balance set to a value that is no sum (a credit would be ``balances[a] = x.add(v)``)."""
    return effect.direction == "set" and effect.value_kind not in ("add", "const", "time")
