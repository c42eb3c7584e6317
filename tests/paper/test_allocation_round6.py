"""Allocation candidates, round 6 (issue 12): more ways a token breakdown is written that candidate generation
missed (docs/tokenomics-distributions.md, "Sixth round"): whole-number shares that add up to 99 or 101 by
their rounding, and a month's abbreviation ("Oct. 31") read as the end of a label. Every snippet is written
for the test; each case failed with its rule switched off (guards check that a rule does not overreach)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.labels import SENTENCE_END_RE
from ico_lens.paper.tokenomics.breakdown.selection import rounded_whole

from .distfixtures import filler, text_document


def main_distribution(*pages: str, total_supply: float | None = None):
    return extract_allocation(text_document(*pages), total_supply)[0]


def allocation(*pages: str) -> list[tuple[str, float | None]]:
    return sorted((b.category, b.percent) for b in main_distribution(*pages).items)


# --- whole-number shares that miss 100 by their rounding ------------------------------------------

# two thirds, then sixths and twelfths, each rounded to a whole number: 101 in all
ROUNDED_TABLE = "\n".join([
    "5. Token distribution",
    "KORA tokens are created once, at the launch of the network, and split between:",
    "Crowdsale 67%",
    "Founding team 11%",
    "Foundation reserve 11%",
    "Advisors 6%",
    "Partners 6%",
])

# a split of the sale's own tokens, later in the paper: complete, but not the allocation of the supply
SALE_ROUNDS = "\n".join([
    "6. Token sale rounds",
    "The tokens offered to the public are sold in two rounds:",
    "Pre-sale 30%",
    "Main sale 70%",
    "Unsold tokens are burned after the main sale.",
])


def test_rounded_shares_are_a_complete_breakdown():
    """"Crowdsale 67% ... Partners 6%" adds up to 101: rounding explains it, so the list is the allocation
    and wins over the complete two-line split of the sale rounds (before: an incomplete list lost to it)."""
    dist = main_distribution(filler(), ROUNDED_TABLE, SALE_ROUNDS)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("advisors", 6.0), ("partners", 6.0), ("public_sale", 67.0), ("reserve_treasury", 11.0), ("team_founders", 11.0)]
    assert "rounded" in dist.note
    assert dist.items[0].page == 2


def test_rounded_list_keeps_its_last_small_item():
    """"... Bug bounty 5%, Airdrop 1%" adds up to 101: the whole list, not the subset without the airdrop that
    happens to make 100 (before: the airdrop was left out)."""
    text = "\n".join(["5. Token distribution", "KORA tokens are created once and split between:",
                      "Crowdsale 40%", "Founding team 20%", "Foundation reserve 15%", "Advisors 10%", "Partners 10%",
                      "Bug bounty 5%", "Airdrop 1%"])
    dist = main_distribution(filler(), text)
    assert len(dist.items) == 7
    assert ("bounty_marketing", 1.0) in [(b.category, b.percent) for b in dist.items]
    assert dist.sum_percent == 101.0


def _entries(*shares: float) -> list[Entry]:
    return [Entry(1, LinePos(1, i), f"Bucket {i}", f"Bucket {i} {p}%", p, None, "text", set(), "row")
            for i, p in enumerate(shares)]


def test_guard_rounding_explains_only_small_gaps_of_whole_numbers():
    """Guards: decimals are exact (33.5 + 33.5 + 34 = 101 is no rounding), two shares cannot miss by a full
    point from rounding (50 + 51), a gap of two points is no rounding, an exact 100 needs no rounding."""
    assert rounded_whole(_entries(34, 17, 17, 17, 8, 8))
    assert rounded_whole(_entries(33, 33, 33))
    assert not rounded_whole(_entries(33.5, 33.5, 34))
    assert not rounded_whole(_entries(50, 51))
    assert not rounded_whole(_entries(40, 30, 20, 12))
    assert not rounded_whole(_entries(40, 30, 30))


def test_guard_decimal_shares_off_by_one_stay_incomplete():
    """Guard: shares with decimals that add up to 101 are no rounded list: reported, but marked incomplete."""
    text = "\n".join(["Token distribution", "Crowdsale 55.5%", "Team 20.5%", "Reserve 15%", "Advisors 10%"])
    dist = main_distribution(filler(), text)
    assert "not 100%" in dist.note and "rounded" not in dist.note


# --- a month's abbreviation inside a label --------------------------------------------------------

DATED_LIST = "\n".join([
    "Token distribution",
    "• 15% sold until Sept. 30 to private investors at a 20% discount",
    "• 45% offered from Oct. 15 in the public crowdsale",
    "• 25% held by the foundation as a reserve",
    "• 15% granted to the founding team, vesting over 24 months",
])


def test_label_runs_past_a_month_abbreviation():
    """"15% sold until Sept. 30 to private investors": the dot of "Sept." ends no label, so the words after
    the date name the buyers (before: the labels were "Sold until Sept" and "From Oct", and the private
    investors' share was read as the public sale)."""
    dist = main_distribution(filler(), DATED_LIST)
    presale = next(b for b in dist.items if b.category == "presale_private")
    assert "private investors" in presale.label and "Sept. 30" in presale.label
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("presale_private", 15.0), ("public_sale", 45.0), ("reserve_treasury", 25.0), ("team_founders", 15.0)]
    assert any(b.label.endswith("public crowdsale") for b in dist.items)


def test_month_dot_before_a_day_is_no_sentence_end():
    """"Oct. 31" and "Sept. 1" go on; a month's abbreviation that ends a sentence ("... in Oct. The team")
    still ends it, as does any other dot before a number."""
    assert not SENTENCE_END_RE.search("the pre-sale closes Oct. 31, 2018")
    assert not SENTENCE_END_RE.search("from Sept. 1 to Sept. 30")
    assert SENTENCE_END_RE.search("the sale ends in Oct. The team keeps 20%")
    assert SENTENCE_END_RE.search("the sale is over. 31 tokens were left")


def test_amount_sentence_runs_past_a_month_abbreviation():
    """"30,000,000 NOVA will be sold before Oct. 31 to early backers in the private round": the recipient after
    the date is read (before: "Sold before Oct", two public-sale buckets)."""
    text = "\n".join(["Token distribution",
                      "30,000,000 NOVA will be sold before Oct. 31 to early backers in the private round.",
                      "50,000,000 NOVA will be sold in the public token sale.",
                      "20,000,000 NOVA will be allocated to the founding team.",
                      "The total supply is 100,000,000 NOVA."])
    dist = main_distribution(filler(), text, total_supply=100_000_000)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("presale_private", 30.0), ("public_sale", 50.0), ("team_founders", 20.0)]
