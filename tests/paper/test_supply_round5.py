"""Total supply by mechanism (issue 12, fifth round): the wrong figures a paper offers beside its supply.

Each snippet is invented for the test, in the style of the unlabelled ICOBase papers where the class was
found: a cue that names a tranche ("Max Sale Issuance", "Total Available Supply", "ICO token issuance"),
a cue of another sentence, a cue naming another token, a per-round amount, a minimum threshold, an
example carried on into the next sentence, a header broken over lines, and a tranche that the allocation
rows happen to add up to.
"""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.terms import find_total_supply

from .textdoc import make_document

BODY = "\n".join("The platform settles every trade on chain and keeps the records open to everyone." for _ in range(5))


def supply(*pages: str, symbol: str | None = None) -> int | None:
    found = find_total_supply(make_document(BODY, *pages), symbol)
    return None if found is None else found.value


# --- a cue that names a tranche --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Max Sale Issuance: 40,000,000 NVA\nMax Token Issuance: 90,000,000 NVA", 90_000_000),
    ("Total Available Supply: 30,000,000 tokens.\nTotal token supply: 120m tokens", 120_000_000),
    ("Total token supply: 800,000,000 NVA\nICO token issuance: 400,000,000 NVA", 800_000_000),
    ("Total Token Cap 700,000 tokens\nITO Total Quantity 450,000 tokens", 700_000),
    ("Total on Issue: Up to 45m NVA\nTotal Supply: 150m NVA", 150_000_000),
])
def test_a_tranche_named_like_a_supply_loses(text, expected):
    assert supply(text, symbol="NVA") == expected


@pytest.mark.parametrize("text", [
    "Max Sale Issuance: 40,000,000 NVA",
    "Total Available Supply: 30,000,000 tokens.",
])
def test_a_tranche_alone_is_no_supply(text):
    assert supply(text, symbol="NVA") is None


def test_a_cue_naming_another_token():
    """A paper with two tokens: the second token's emission is not the paper's token's supply."""
    assert supply("KP Emission and Distribution: 10M KP will be issued to authors.", symbol="NVA") is None
    assert supply("NVA Emission: 10,000,000 NVA tokens in total.", symbol="NVA") == 10_000_000


# --- a cue of another sentence -------------------------------------------------------------------

def test_a_cue_of_the_next_sentence_is_not_the_numbers():
    text = ("In all, the number of NVA available for exchange during the sale is 300,000,000. The maximum total "
            "supply in case the sale reaches its cap is 420,000,000 NVA tokens.")
    assert supply(text, symbol="NVA") == 420_000_000


# --- per-round amounts and thresholds ------------------------------------------------------------

def test_a_rounds_cap_is_not_the_supply():
    text = "A one-week token sale round with 12M tokens cap will be announced in spring."
    assert supply(text) is None


def test_a_minimum_threshold_is_not_the_supply():
    assert supply("The sale succeeds when at least 25,000,000 tokens are created.") is None


# --- examples carried on into the next sentence -------------------------------------------------

def test_an_example_carried_on_is_not_the_supply():
    text = ("The fee is burned on every payment. As an example, an early payment might burn 10 NVA out of a total "
            "supply of 500 000 000 NVA. Later, after years of use, a payment might burn 0.001 NVA out of a total "
            "supply of 200 000 NVA.")
    assert supply(text, symbol="NVA") != 200_000


def test_guard_a_real_supply_after_an_example():
    text = ("For example, a buyer of 1,000 NVA receives 50 NVA as a bonus. The total supply of NVA is "
            "fixed at 300,000,000 tokens.")
    assert supply(text, symbol="NVA") == 300_000_000


# --- a sentence carried over lines, a header broken over lines ------------------------------------

def test_a_line_carried_over_is_read_as_its_sentence():
    text = ("The crowdsale will offer the remaining NVA offered to the public which is 35% of\n"
            "the total supply (350,000,000 NVA) minus the NVA sold during the presale.")
    assert supply(text, symbol="NVA") is None  # the share's amount, not the whole
    assert supply("Total token supply: 1,000,000,000 NVA\n" + text, symbol="NVA") == 1_000_000_000


def test_a_header_broken_over_lines_is_no_supply_label():
    text = "Bonus, %\nTotal tokens\nfor sale\nat a discount, million\n120,000,000\n"
    assert supply(text) is None


# --- token symbol: "$ABC" inside a web address -----------------------------------------------------

def test_a_dollar_word_in_a_web_address_is_no_ticker():
    from ico_lens.paper.tokenomics.terms import find_symbol

    link = "See http://www.example.org/Publication/vwAssets/Tax_Guide_2017/$FILE/Tax%20Guide.pdf for the rules."
    pages = [BODY] * 5 + ["\n".join([link] * 3), "Holders of NVA tokens pay lower fees. NVA tokens are sold for ETH. NVA tokens can be staked."]
    found = find_symbol(make_document(*pages))
    assert found is not None and found.value == "NVA"


def test_guard_a_dollar_ticker_is_still_read():
    from ico_lens.paper.tokenomics.terms import find_symbol

    pages = [BODY] * 5 + ["Holders of $NVA pay lower fees.\nThe $NVA token is listed on two exchanges.\n$NVA can be staked."]
    found = find_symbol(make_document(*pages))
    assert found is not None and found.value == "NVA"


# --- token symbol: another project's token, stated strongly once --------------------------------

def test_a_cited_projects_ticker_loses_to_the_token_the_paper_keeps_naming():
    from ico_lens.paper.tokenomics.terms import find_symbol

    cited = "Markets built on the Partner Network use the Partner Network Token (PNT) for their governance; PNT trades on two exchanges."
    ours = "\n".join(f"Performers earn NOVA tokens for show {i}; viewers tip in NOVA." for i in range(12))
    found = find_symbol(make_document(*([BODY] * 5), cited, ours))
    assert found is not None and found.value == "NOVA"


def test_guard_the_strong_ticker_named_often_enough_stays():
    from ico_lens.paper.tokenomics.terms import find_symbol

    stated = "The Nova Token (NVA) pays for every show. NVA holders vote on new features."
    ours = "\n".join(f"Performers earn NOVA tokens for show {i}." for i in range(6))
    found = find_symbol(make_document(*([BODY] * 5), stated, ours))
    assert found is not None and found.value == "NVA"


# --- conflicting plain statements, and a whole with its part --------------------------------------

def test_two_plain_figures_that_disagree_give_no_supply():
    assert supply("Total Token Supply: 7,000,000 (7 Billion)\nToken issue price: 0.10 USD") is None


def test_the_whole_wins_over_the_part_of_which():
    text = "Initially the system will generate 200 million NVAs, of which 80 million will go to the community."
    assert supply(text, symbol="NVA") == 200_000_000


def test_an_amount_of_the_total_supply_is_a_part():
    text = ("The NVAs have a fixed supply of 300 million.\n"
            "20%, or 60 million of the total supply of NVAs, is reserved for the team.")
    assert supply(text, symbol="NVA") == 300_000_000
