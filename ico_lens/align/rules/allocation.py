"""allocation: the paper's token allocation against the genesis distribution on chain (who received the
tokens at deployment), recipient by recipient."""

from __future__ import annotations

from itertools import combinations

from ico_lens.align.records import CLAIM_TOO_VAGUE, CONSISTENT, CONTRADICTED, FACT_UNDETERMINED, NO_CHAIN_ACCESS, UNVERIFIABLE
from ico_lens.align.rules.base import AlignmentRule, register
from ico_lens.records import Evidence

#: percentage points a recipient's share may differ from the paper's bucket(s) it matches
TOLERANCE = 2.0
#: recipients below this share are not compared (dust, early buyers)
MIN_SHARE = 2.0
#: how many buckets one wallet may hold together (team and advisors in one multisig)
MAX_BUCKETS_PER_WALLET = 2


@register
class AllocationRule(AlignmentRule):
    NAME = "allocation"
    DESCRIPTION = (f"Each genesis recipient holding {MIN_SHARE:g}% or more (the owner included) matches one of the "
                   f"paper's allocation buckets, or {MAX_BUCKETS_PER_WALLET} together, within {TOLERANCE:g} points.")
    SEVERITY = "high"
    CLAIMS = ("allocation",)
    FACTS = ()
    ORDER = 90

    def check(self):
        inputs = self.inputs
        allocation = inputs.paper.main_allocation
        stated = allocation.items if allocation is not None else []
        buckets = [b for b in stated if b.percent is not None]
        if not buckets:
            if not stated:
                return []
            return [self.finding(UNVERIFIABLE, "the paper gives amounts without shares of a known total supply",
                                 reason=CLAIM_TOO_VAGUE, paper_value={b.label: b.amount for b in stated},
                                 paper_evidence=[b.evidence for b in stated if b.evidence is not None])]
        paper = {"paper_value": {b.label: b.percent for b in buckets},
                 "paper_evidence": [b.evidence for b in buckets if b.evidence is not None]}
        chain = inputs.chain
        if chain is None:
            return [self.finding(UNVERIFIABLE, "the allocation shows only on chain, in who received the genesis tokens",
                                 reason=NO_CHAIN_ACCESS, **paper)]
        genesis = chain.genesis
        recipients = [r for r in (genesis.recipients if genesis is not None else []) if r.percent >= MIN_SHARE]
        if not recipients:
            return [self.finding(UNVERIFIABLE, "the genesis distribution could not be read", reason=FACT_UNDETERMINED, **paper)]
        if len(recipients) == 1 and recipients[0].percent >= 100 - TOLERANCE:
            return [self.finding(UNVERIFIABLE, f"one address ({recipients[0].address}) held the whole supply at genesis: "
                                 "the allocation was made later", reason=FACT_UNDETERMINED,
                                 chain_evidence=[self._evidence(recipients[0], genesis, "holds everything")], **paper)]
        matched, unmatched, free = [], [], list(buckets)
        for recipient in recipients:
            group = _matching_buckets(recipient.percent, free)
            if group is None:
                unmatched.append(recipient)
                continue
            for bucket in group:
                free.remove(bucket)
            matched.append((recipient, group))
        owner = (chain.owner or "").lower()
        evidence = [self._evidence(r, genesis, " + ".join(f"{b.label} {b.percent:g}%" for b in group) + (" (owner)" if r.address == owner else ""))
                    for r, group in matched]
        evidence = [self._evidence(r, genesis, "no bucket of the paper" + (" (owner)" if r.address == owner else "")) for r in unmatched] + evidence
        shares = {r.address: r.percent for r in recipients}
        if unmatched:
            worst = unmatched[0]
            who = "the owner" if worst.address == owner else worst.address
            return [self.finding(CONTRADICTED, f"{who} received {worst.percent:g}% at genesis, which no bucket of the paper "
                                 f"(alone or {MAX_BUCKETS_PER_WALLET} together, within {TOLERANCE:g} points) accounts for",
                                 code_value=shares, chain_evidence=evidence, **paper)]
        return [self.finding(CONSISTENT, f"the {len(matched)} largest genesis recipients match the paper's buckets within {TOLERANCE:g} points",
                             code_value=shares, chain_evidence=evidence, **paper)]

    @staticmethod
    def _evidence(recipient, genesis, matched: str) -> Evidence:
        return Evidence.on_chain(block=genesis.creation_block, tx=genesis.creation_tx, value=recipient.amount.raw,
                                 reason=f"{recipient.address} received {recipient.amount.format()} ({recipient.percent:g}%): {matched}")


def _matching_buckets(percent: float, buckets: list) -> tuple | None:
    """The bucket (or the fewest buckets together) whose share is closest to ``percent`` within the tolerance."""
    for size in range(1, MAX_BUCKETS_PER_WALLET + 1):
        groups = [g for g in combinations(buckets, size) if abs(sum(b.percent for b in g) - percent) <= TOLERANCE]
        if groups:
            return min(groups, key=lambda g: abs(sum(b.percent for b in g) - percent))
    return None
