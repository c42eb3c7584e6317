"""Total supply on papers never seen (issue 12, eighth round): which figure a supply wording belongs to.

The classes were found by reading the supplies the terms give on unannotated ICOBase texts (the TORD check
of `bench/terms_icobase.py`) and by probing the selection with invented term sheets; every snippet is
invented for the test in the style of those papers:
- a label belongs to the figure right after it: in "Initial supply: N  Maximum supply: M" read as one
  sentence, "Maximum supply" stood 30 characters after N and counted as N's cue too (N and M tied: no answer);
  in "Max cap: N  Soft cap: M" the cue before M counted for M;
- a bare "Max cap" / "Total cap" on a page that states a soft cap is the sale's cap counted in tokens;
- a cue narrowed to the sale by the word right after it: "Total token sale cap: N";
- a condition on the number of tokens created ("N tokens created within 4 weeks", "less than N tokens
  created") is no supply; "Total and maximal number of tokens is N" is a supply wording.
Each `new` case failed before this round; the `guard` and `abstain` cases check that the rules do not
overreach and that two plain, different figures still give no answer.
"""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.terms import find_hard_cap, find_token_price, find_total_supply

from .textdoc import make_document

BODY = "\n".join("Members book and pay for freight through the network and see every step of the route." for _ in range(5))


def supply(*pages: str) -> int | None:
    found = find_total_supply(make_document(BODY, *pages))
    return None if found is None else found.value


# --- a label belongs to the figure right after it ----------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Token details\nInitial supply: 250,000,000 FRT\nMaximum supply: 750,000,000 FRT\nDecimals: 18", 750_000_000),
    ("Initial token supply: 40 million HLX\nMax supply: 160 million HLX", 160_000_000),
])
def test_new_label_after_a_figure_is_the_next_figures(text, expected):
    assert supply(text) == expected


@pytest.mark.parametrize("text", [
    "Token sale terms\nMax cap: 450,000,000 FRT\nSoft cap: 90,000,000 FRT\nStart: 1 March 2018",
    "Crowdsale\nTotal cap: 300,000,000 HLX tokens\nMinimum cap: 50,000,000 HLX tokens",
])
def test_new_bare_cap_beside_a_soft_cap_is_no_supply(text):
    assert supply(text) is None


@pytest.mark.parametrize("text", [
    "Total token sale cap: 320,000,000 FRT",
    "Total tokens ICO: 320,000,000 FRT",
])
def test_new_cue_narrowed_to_the_sale_is_no_supply(text):
    assert supply(text) is None


def test_guard_sale_cap_loses_to_the_supply_stated_beside_it():
    assert supply("Total token sale cap: 320,000,000 FRT\nTotal supply: 800,000,000 FRT") == 800_000_000


# --- conditions on the tokens created; "total and maximal" ---------------------------------------------


def test_new_condition_on_tokens_created_is_no_supply():
    text = ("Sale states\nThe sale succeeds when 25m tokens created within 3 weeks.\n"
            "It fails if 3 weeks passed AND less than 25M tokens created.\n"
            "Total and maximal number of tokens is 800,000,000 (eight hundred million).")
    assert supply(text) == 800_000_000


def test_new_total_and_maximal_quantity_is_a_supply():
    assert supply("Token model\nThe total and maximal quantity of HLX is 64,000,000.") == 64_000_000


# --- guards -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Total supply: 1,000,000,000 FRT (1 Billion)", 1_000_000_000),
    ("FRT token\nCirculating at launch: 120,000,000 FRT Maximum supply: 480,000,000 FRT", 480_000_000),
    ("Total supply: 500,000,000 FRT\nTokens for sale: 300,000,000 FRT\nSoft cap: 2,000 ETH", 500_000_000),
    ("Max cap: 210,000,000 HLX tokens will ever exist.", 210_000_000),
    ("A total of 90,000,000 HLX will be created, of which 60% (54,000,000 HLX) will be sold.", 90_000_000),
])
def test_guard_plain_statements_still_read(text, expected):
    assert supply(text) == expected


# --- abstention: two credible different figures, neither labelled more plainly ------------------------


@pytest.mark.parametrize("text", [
    "Maximum supply: 1,000,000,000 FRT\nTotal supply: 700,000,000 FRT",
    "Total supply: 600,000,000 HLX\nTotal supply: 450,000,000 HLX",
    # (the sale caps after the row are no penalty of the nearer reading: the two readings still tie)
    "Total Token Supply: 5,000,000 (5 Billion) Token issue price: 0.05 USD Soft Cap: $10M USD Hard Cap: $120M USD",
])
def test_abstain_when_two_plain_figures_disagree(text):
    assert supply(text) is None


# --- hard cap and price: a term that has been replaced -------------------------------------------------


def _claims(text: str) -> dict:
    from ico_lens.paper.tokenomics.claims import detect_claims
    from ico_lens.paper.tokenomics.terms import extract_terms

    document = make_document(BODY, text)
    found = detect_claims(document, extract_terms(document))
    return {name: None if found.get(name) is None else found[name].value for name in ("token_price", "hard_cap")}


def test_new_price_before_a_redenomination_is_no_price():
    # the claim's fallback wording ("sold at the price of $N for one token") read the old price
    assert _claims("Before redenomination, HLX tokens were sold at the price of $120 for one token.")["token_price"] is None


def test_new_old_price_label_loses_to_the_new_one():
    text = "Token sale\nOld token price: $0.40\nNew token price: $0.20\nAccepted: ETH, BTC"
    assert find_token_price(make_document(BODY, text)).value == "$0.20"


def test_new_previous_hard_cap_loses_to_the_current_one():
    text = "Previous hard cap: 45,000 ETH\nThe sale terms were revised in March.\nHard cap: 30,000 ETH"
    assert find_hard_cap(make_document(BODY, text)).value == "30,000 ETH"


@pytest.mark.parametrize("text, name, expected", [
    ("After redenomination, HLX tokens are sold at the price of $0.02 for one token.", "token_price", "$0.02"),
    ("Token price: $0.25\nThe old banking system charges high fees.", "token_price", "$0.25"),
    ("Hard cap: 30,000 ETH", "hard_cap", "30,000 ETH"),
])
def test_guard_current_terms_still_read(text, name, expected):
    assert _claims(text)[name] == expected
