"""supply_fixed: a fixed (or capped) supply against a mint reachable after deployment, unless the chain
shows minting finished; a promised inflation against code that cannot mint."""

from __future__ import annotations

from ico_lens.align.records import CONSISTENT, CONTRADICTED, FACT_UNDETERMINED, UNVERIFIABLE
from ico_lens.align.rules.base import AlignmentRule, register, same_amount

ZERO_ADDRESS = "0x" + "0" * 40


@register
class SupplyFixedRule(AlignmentRule):
    NAME = "supply_fixed"
    DESCRIPTION = ("A fixed or capped supply means no mint after deployment, a cap at the stated supply, or "
                   "minting finished on chain (mintingFinished() true, owner renounced).")
    SEVERITY = "high"
    CLAIMS = ("supply_fixed", "total_supply")
    FACTS = ("can_mint_after_deploy", "mint_can_be_finished", "cap")
    ORDER = 20

    def check(self):
        inputs = self.inputs
        fixed = inputs.claim("supply_fixed")
        if fixed is None:
            return []
        paper = {"paper_value": fixed, "paper_evidence": inputs.claim_evidence("supply_fixed")}
        if inputs.facts is None:
            return [self.no_source(**paper)]
        minting = inputs.fact("can_mint_after_deploy")
        evidence = inputs.fact_evidence("can_mint_after_deploy")
        if minting is None:
            return [self.finding(UNVERIFIABLE, f"the code cannot show minting: {inputs.why_undetermined('can_mint_after_deploy')}",
                                 reason=FACT_UNDETERMINED, **paper)]
        if not fixed:
            verdict = CONSISTENT if minting else CONTRADICTED
            return [self.finding(verdict, "the paper says new tokens will be minted; the code "
                                 + ("can mint after deployment" if minting else "cannot mint after deployment"),
                                 code_value=minting, code_evidence=evidence, **paper)]
        if not minting:
            return [self.finding(CONSISTENT, "the paper promises a fixed supply; nothing can be minted after deployment",
                                 code_value=False, code_evidence=evidence, **paper)]
        return [self._mint_reachable(paper, evidence)]

    def _mint_reachable(self, paper, evidence):
        inputs = self.inputs
        cap, stated = inputs.facts.cap, inputs.paper.total_supply
        if cap is not None and stated is not None and same_amount(stated, cap):
            return self.finding(CONSISTENT, f"the paper promises a fixed supply; minting is capped at {cap.format()} in code",
                                code_value="capped", code_evidence=inputs.fact_evidence("cap") + evidence, **paper)
        ended = self._minting_ended()
        if ended:
            return self.finding(CONSISTENT, f"the paper promises a fixed supply; the code could mint, but on chain {ended[0]}",
                                code_value="finished", code_evidence=evidence, chain_evidence=ended[1], **paper)
        finishable = inputs.fact("mint_can_be_finished")
        if inputs.chain is not None:
            why = "on chain minting is not finished"
        elif finishable:
            why = "minting can be finished, but without --rpc the chain was not read to see whether it was"
        else:
            why = "nothing ever stops it"
        return self.finding(CONTRADICTED, f"the paper promises a fixed supply; insiders can mint after deployment ({why})",
                            code_value=True, code_evidence=evidence + inputs.fact_evidence("mint_can_be_finished"), **paper)

    def _minting_ended(self):
        """(what the chain shows, its evidence) when minting has ended for good, else None."""
        chain = self.inputs.chain
        if chain is None:
            return None
        if chain.minting_finished is True:
            return "mintingFinished() is true", [chain.evidence[k] for k in ("minting_finished",) if k in chain.evidence]
        if chain.owner == ZERO_ADDRESS and self._mint_needs_owner():
            return "the owner renounced (owner() is the zero address)", [chain.evidence[k] for k in ("owner",) if k in chain.evidence]
        return None

    def _mint_needs_owner(self) -> bool:
        """Every minting function is held by an owner role (so a renounced owner can mint no more)."""
        facts = self.inputs.facts
        minting = {e.function for e in facts.evidence.get("can_mint_after_deploy", []) if e.function}
        owned = {f for role in facts.roles if "owner" in role.name.lower() for f in role.functions}
        return bool(minting) and minting <= owned
