"""total_supply: the supply the paper states against the code's initial supply or cap and the chain's totalSupply."""

from __future__ import annotations

from ico_lens.align.records import CONSISTENT, CONTRADICTED, FACT_UNDETERMINED, UNVERIFIABLE
from ico_lens.align.rules.base import AlignmentRule, register, same_amount
from ico_lens.records import Evidence


@register
class TotalSupplyRule(AlignmentRule):
    NAME = "total_supply"
    DESCRIPTION = ("The stated total supply is the code's cap, or its initial supply when nothing can be minted, "
                   "and on chain totalSupply does not exceed it (within the paper's rounding).")
    SEVERITY = "high"
    CLAIMS = ("total_supply",)
    FACTS = ("initial_supply", "cap", "can_mint_after_deploy")
    ORDER = 10

    def check(self):
        inputs = self.inputs
        stated = inputs.paper.total_supply
        if stated is None:
            return []
        term = inputs.paper.terms.total_supply
        paper = {"paper_value": stated, "paper_evidence": list(term.evidence) if term is not None else []}
        chain = self._chain_check(stated)
        if inputs.facts is None and chain is None:
            return [self.no_source(stated, paper["paper_evidence"])]
        code = self._code_check(stated) if inputs.facts is not None else None
        checks = [c for c in (code, chain) if c is not None]
        code_value, code_evidence = (code[1], code[2]) if code else (None, [])
        chain_evidence = chain[2] if chain else []
        wrong = [c for c in checks if c[0] is False]
        if wrong:
            return [self.finding(CONTRADICTED, wrong[0][3], code_value=code_value, code_evidence=code_evidence,
                                 chain_evidence=chain_evidence, **paper)]
        if any(c[0] is True for c in checks):
            return [self.finding(CONSISTENT, "; ".join(c[3] for c in checks if c[0]), code_value=code_value,
                                 code_evidence=code_evidence, chain_evidence=chain_evidence, **paper)]
        why = "; ".join(c[3] for c in checks) or "the code fixes no amount"
        return [self.finding(UNVERIFIABLE, why, reason=FACT_UNDETERMINED, code_value=code_value,
                             code_evidence=code_evidence, chain_evidence=chain_evidence, **paper)]

    def _code_check(self, stated):
        """(matches, amount shown, evidence, explanation): the cap when there is one, else the initial
        supply when nothing can be minted later."""
        facts = self.inputs.facts
        cap, initial = facts.cap, facts.initial_supply
        minting = self.inputs.fact("can_mint_after_deploy")
        for name, amount, applies in (("cap", cap, True), ("initial_supply", initial, minting is False)):
            if amount is None or not applies:
                continue
            evidence = self.inputs.fact_evidence(name)
            same = same_amount(stated, amount)
            if same is None:
                return None, amount.expression, evidence, f"the code's {name} is {amount.format()} (no number to compare)"
            shown = amount.format()
            if same:
                return True, amount.whole, evidence, f"the code's {name} is {shown}, the stated {stated:,}"
            return False, amount.whole, evidence, f"the paper states {stated:,} tokens; the code's {name} is {shown}"
        if initial is not None and initial.whole is not None and minting:
            if initial.whole > stated and not same_amount(stated, initial):
                return False, initial.whole, self.inputs.fact_evidence("initial_supply"), (
                    f"the paper states {stated:,} tokens; the code mints {initial.format()} at deployment")
            return None, initial.whole, self.inputs.fact_evidence("initial_supply"), (
                f"the code mints {initial.format()} at deployment and can mint more, with no cap")
        return None, None, [], "the code fixes no supply (minted after deployment, no cap)"

    def _chain_check(self, stated):
        chain = self.inputs.chain
        if chain is None or chain.total_supply is None or chain.total_supply.whole is None:
            return None
        supply = chain.total_supply
        evidence = [chain.evidence.get("total_supply") or Evidence.on_chain(block=chain.block_number, value=supply.raw)]
        evidence = [e.with_reason(f"totalSupply() is {supply.format(chain.symbol)}") for e in evidence]
        if same_amount(stated, supply) or supply.whole < stated:
            return True, supply.whole, evidence, f"on chain totalSupply is {supply.format(chain.symbol)}"
        return False, supply.whole, evidence, f"the paper states {stated:,} tokens; on chain totalSupply is {supply.format(chain.symbol)}"
