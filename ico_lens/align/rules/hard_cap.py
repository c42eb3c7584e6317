"""hard_cap: the sale's hard cap the paper states ("26,790 ETH", "520 million tokens") against the cap a
crowdsale of the source enforces (``CodeFacts.sale_cap``, in ether or in tokens).

A cap in US dollars (or another currency) cannot be checked against code, which counts wei: what a
dollar cap allows depends on the ether price the day of the sale. A cap the sale takes as a
constructor argument is known on chain only; a source without the sale cannot show it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ico_lens.align.records import CLAIM_TOO_VAGUE, CONSISTENT, CONTRADICTED, FACT_UNDETERMINED, UNVERIFIABLE
from ico_lens.align.rules.base import AlignmentRule, register, rounding_tolerance

#: the unit the paper states its cap in
ETHER = re.compile(r"\b(?:eth|ether|ethereum)\b|Ξ", re.I)
OTHER_MONEY = re.compile(r"[$€£¥]|\b(?:usd|us\s*dollars?|dollars?|eur|euros?|chf|gbp|btc|bitcoins?|usdt|dai)\b", re.I)
TOKENS = re.compile(r"\b(?:tokens?|coins?)\b", re.I)


def stated_cap(text: str, symbol: str | None = None) -> tuple[Decimal | None, str | None]:
    """(amount, unit) of a hard cap as written: unit "ETH", "tokens", "money" (a currency the code does
    not count) or None when the text names no unit.

    >>> stated_cap("26,790 ETH"), stated_cap("US$ 20M"), stated_cap("520 million tokens")
    ((Decimal('26790'), 'ETH'), (Decimal('20000000'), 'money'), (Decimal('520000000'), 'tokens'))
    """
    from ico_lens.paper.tokenomics.evidence import find_quantities

    quantities = [q for q in find_quantities(text) if q.value > 1 and not text[q.end:q.end + 2].strip().startswith("%")]
    amount = Decimal(str(quantities[0].value)) if quantities else None
    if ETHER.search(text):
        unit = "ETH"
    elif OTHER_MONEY.search(text):
        unit = "money"
    elif TOKENS.search(text) or (symbol and re.search(rf"\b{re.escape(symbol)}\b", text)):
        unit = "tokens"
    else:
        unit = None
    return amount, unit


@register
class HardCapRule(AlignmentRule):
    NAME = "hard_cap"
    DESCRIPTION = ("The sale's hard cap the paper states in ether or tokens is the cap its crowdsale enforces "
                   "in code (within the paper's rounding); a cap in dollars cannot be checked against code.")
    SEVERITY = "medium"
    CLAIMS = ("hard_cap",)
    FACTS = ("sale_cap", "crowdsale_in_file")
    ORDER = 25

    def check(self):
        inputs = self.inputs
        written = inputs.claim("hard_cap")
        if not written:
            return []
        paper = {"paper_value": written, "paper_evidence": inputs.claim_evidence("hard_cap")}
        amount, unit = stated_cap(str(written), getattr(inputs.paper, "token_symbol", None))
        if amount is None or unit is None:
            return [self.finding(UNVERIFIABLE, f"the paper's hard cap ({written}) names no amount in ether or tokens",
                                 reason=CLAIM_TOO_VAGUE, **paper)]
        if unit == "money":
            return [self.finding(UNVERIFIABLE, f"the paper caps the sale in money ({written}); the code counts ether, "
                                 "so what the cap allows depends on the price on the day of the sale",
                                 reason=CLAIM_TOO_VAGUE, **paper)]
        if inputs.facts is None:
            return [self.no_source(written, paper["paper_evidence"])]
        facts = inputs.facts
        cap, code_unit = getattr(facts, "sale_cap", None), getattr(facts, "sale_cap_unit", None)
        if cap is None:
            why = facts.undetermined.get("sale_cap") or "no sale cap was read from this source"
            return [self.finding(UNVERIFIABLE, f"the paper caps the sale at {written}; the code cannot show a cap: {why}",
                                 reason=FACT_UNDETERMINED, **paper)]
        shown = cap.format("ETH" if code_unit == "ETH" else "tokens")
        evidence = inputs.fact_evidence("sale_cap")
        if code_unit != unit:
            return [self.finding(UNVERIFIABLE, f"the paper caps the sale at {written}; the code caps it at {shown}: "
                                 "not the same unit", reason=FACT_UNDETERMINED, code_value=shown,
                                 code_evidence=evidence, **paper)]
        whole = cap.whole
        if whole is None:
            return [self.finding(UNVERIFIABLE, f"the code's cap {shown} has no known decimals to compare",
                                 reason=FACT_UNDETERMINED, code_value=shown, code_evidence=evidence, **paper)]
        if abs(whole - amount) <= rounding_tolerance(amount):
            return [self.finding(CONSISTENT, f"the paper caps the sale at {written}; the sale's code caps it at {shown}",
                                 code_value=whole, code_evidence=evidence, **paper)]
        return [self.finding(CONTRADICTED, f"the paper caps the sale at {written}; the sale's code caps it at {shown}",
                             code_value=whole, code_evidence=evidence, **paper)]
