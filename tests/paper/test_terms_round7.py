"""Total supply, hard cap and token price on papers never seen (issue 12, seventh round).

The classes were found by reading the values the terms give on unannotated ICOBase texts and by the TORD
check of `bench/terms_icobase.py`; every snippet is invented for the test in the style of those papers:
- supply: a worked example wrapped over lines (the line read alone has lost its "For example"), and a
  figure with another part added to it ("N + 25% reserve": the whole is not stated);
- hard cap: a pre-sale's or private placement's cap stated alone (no cap of the sale), "Ethereum" as the unit;
- price: a tier with a bonus or a discount when a tier without one is stated, and an average of what
  buyers received.
Each `new` case failed before this round; the `guard` cases check that the new rules do not overreach.
"""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.terms import find_hard_cap, find_token_price, find_total_supply

from .textdoc import make_document

BODY = "\n".join("The platform settles every trade on chain and keeps the records open to everyone." for _ in range(5))


def supply(*pages: str) -> int | None:
    found = find_total_supply(make_document(BODY, *pages))
    return None if found is None else found.value


def hard_cap(*pages: str) -> str | None:
    found = find_hard_cap(make_document(BODY, *pages))
    return None if found is None else found.value


def price(*pages: str) -> str | None:
    found = find_token_price(make_document(BODY, *pages))
    return None if found is None else found.value


# --- supply: a worked example wrapped over lines ---------------------------------------------------

WRAPPED_EXAMPLE = (
    "Early Buyer Bonus\n"
    "All buyers purchasing Nova Coins during the presale will receive a\n"
    "bonus of 25% in Nova Coins. For example, a buyer wishing to purchase\n"
    "400,000 Nova Coins during the presale will receive a bonus of\n"
    "100,000 Nova Coins for a total of 500,000 Nova Coins. The minimum purchase\n"
    "during the presale is 50,000 Nova Coins."
)


def test_new_wrapped_example_line_is_no_supply():
    assert supply(WRAPPED_EXAMPLE) is None


def test_guard_supply_stated_beside_a_wrapped_example():
    assert supply("Token Details\nTotal supply: 250,000,000 Nova Coins\nNo further coins will be created.",
                  WRAPPED_EXAMPLE) == 250_000_000


# --- supply: another part added to the figure ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Token Details\nTokens issued: 80,000,000 NVA + 20% team reserve (locked for 12 months)\nUnsold tokens will be burned.",
    "A total of 45,000,000 NVA tokens plus an additional 5,000,000 for the bounty program will be created.",
])
def test_new_figure_with_a_part_added_is_no_supply(text):
    assert supply(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Token Details\nTokens issued: 80,000,000 NVA\nUnsold tokens will be burned.", 80_000_000),
    ("The total supply is 120,000,000 NVA (+/- 1% after the final bonus count).", 120_000_000),
])
def test_guard_plain_supply_still_read(text, expected):
    assert supply(text) == expected


# --- hard cap: a round's cap is no cap of the sale -------------------------------------------------

@pytest.mark.parametrize("text", [
    "If the public presale round reaches its hard cap of 40M tokens before 1 March 2018, all later contributions are returned.",
    "The private placement hardcap: 12,000 Ethereum.",
])
def test_new_presale_cap_alone_is_no_hard_cap(text):
    assert hard_cap(text) is None


def test_new_main_cap_beside_presale_cap():
    # (the pre-sale, named within the window before the main cap, made both the pre-sale's: the first was given)
    assert hard_cap("Pre-sale hard cap: 2,000 ETH\nHard cap: 20,000 ETH\nSoft cap: 1,500 ETH") == "20,000 ETH"


def test_new_ethereum_is_the_unit_of_a_cap():
    assert hard_cap("The main goal of the ICO: the hard cap of 16,500 Ethereum is the budget for our five-year runway.") \
        == "16,500 Ethereum"


# --- price: the base tier, not a bonus tier; no averages -------------------------------------------

TIERS = ("Token Sale Schedule\nPeriod Bonus Exchange Rate\n"
         "Days 1-7 40% 1 ETH = 1,400 NOVA 1 March 2018 to 7 March 2018\n"
         "Days 8-14 20% 1 ETH = 1,200 NOVA 8 March 2018 to 14 March 2018\n"
         "Days 15-21 0% 1 ETH = 1,000 NOVA 15 March 2018 to 21 March 2018")


def test_new_base_tier_wins_over_bonus_tiers():
    assert price(TIERS) == "1 ETH = 1,000 NOVA"


def test_new_discounted_tier_loses_to_the_plain_price():
    assert price("Stage 1: 2,000,000 NOVA at a rate of 1 NOVA = 0.05 USD (50% discount).\n"
                 "Stage 2: 10,000,000 NOVA at a rate of 1 NOVA = 0.10 USD.") == "1 NOVA = 0.10 USD"


def test_new_average_received_is_no_price():
    assert price("Over the whole sale, on average contributors received 2,150 NOVA/ETH, bonuses included.") is None


@pytest.mark.parametrize("text, expected", [
    # every tier has a bonus: the first (base) tier is kept, as before
    ("Period Bonus Exchange Rate\nDays 1-7 40% 1 ETH = 1,400 NOVA\nDays 8-14 20% 1 ETH = 1,200 NOVA", "1 ETH = 1,400 NOVA"),
    # a bonus for early buyers named in another sentence does not touch the price
    ("The token price is 1 NOVA = 0.10 USD. Early buyers get a 20% bonus.", "1 NOVA = 0.10 USD"),
    ("Token price: 1 NOVA = 0.05 USD", "1 NOVA = 0.05 USD"),
])
def test_guard_prices_kept(text, expected):
    assert price(text) == expected


def test_new_stacked_label_does_not_take_another_labels_figure():
    # the figure under "Tokens issued" is a part plus a share; the next figure is the label "for ICO"'s own
    assert supply("Token symbol NVA\nTokens issued\n60 000 000 NVA + 20% company reserve\n(locked for 12 months)\n"
                  "Unsold tokens\nwill be burned\nTokens available for ICO 60 000 000 NVA\nSoft cap: 1 000 000 NVA") is None


def test_guard_stacked_label_value_below():
    assert supply("Token symbol NVA\nTotal supply\n(fixed, no further minting)\n300,000,000 NVA\nSoft cap: 1,000 ETH") \
        == 300_000_000


def test_new_ethereum_of_the_platform_is_no_unit():
    assert hard_cap("Token sale\nMAXIMUM CAP $25 MILLION Ethereum ERC20 Token Purchase Methods Accepted: ETH, BTC") \
        == "$25 MILLION"


def test_guard_share_of_another_sentence_is_no_tier_bonus():
    # "60%" ends its sentence before the first price: no bonus of that price's tier
    assert price("Sale: 60% of all. Token price: 1 NOVA = 0.08 USD\nListing price: 1 NOVA = 0.10 USD") \
        == "1 NOVA = 0.08 USD"
