"""Allocation candidates, generation (issue 12, item 1): ways a token breakdown is written that candidate generation
missed, found on unlabelled white papers after the oracle of the tune papers showed that selection
loses little and generation most (docs/tokenomics-distributions.md, "Fifth round"). Every snippet is
written for the test; each case failed on the code before the change it covers (assertions marked as
guards check that a new rule does not overreach)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.breakdown.numbers import amounts_in
from ico_lens.paper.tokenomics.taxonomy import allocation_category

from .distfixtures import filler, text_document


def main_distribution(*pages: str, total_supply: float | None = None):
    return extract_allocation(text_document(*pages), total_supply)[0]


def allocation(*pages: str, total_supply: float | None = None) -> list[tuple[str, float | None]]:
    return sorted((b.category, b.percent) for b in main_distribution(*pages, total_supply=total_supply).items)


# --- a share column whose "%" is in the header ------------------------------------------------------

SHARE_TABLE = "\n".join([
    "7. Token distribution",
    "The NOVA supply is fixed at creation and split as shown below.",
    "Recipient Share, %",
    "Crowdsale 52",
    "Founding Team 18",
    "Private Offering 10",
    "Reserve Fund 12",
    "Advisors 5",
    "Bounty 3",
])


def test_share_column_named_in_the_header():
    """"Recipient Share, %" over "Crowdsale 52": the bare number after each name is its share (before:
    rows without a "%" sign gave no entry at all)."""
    dist = main_distribution(filler(), SHARE_TABLE)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("advisors", 5.0), ("bounty_marketing", 3.0), ("presale_private", 10.0), ("public_sale", 52.0),
        ("reserve_treasury", 12.0), ("team_founders", 18.0)]
    assert dist.source == "text"
    assert next(b for b in dist.items if b.category == "public_sale").evidence.quote == "Crowdsale 52"


def test_share_column_beside_the_amounts():
    """"% Tokens" over "Crowdsale 52 26,000,000": the share is read and the amount kept beside it."""
    text = "\n".join(["7. Token distribution", "Recipient % Tokens", "Crowdsale 52 26,000,000", "Founding Team 18 9,000,000",
                      "Reserve Fund 30 15,000,000", "TOTAL 100 50,000,000"])
    dist = main_distribution(filler(), text)
    assert sorted((b.category, b.percent, b.amount) for b in dist.items) == [
        ("public_sale", 52.0, 26_000_000), ("reserve_treasury", 30.0, 15_000_000), ("team_founders", 18.0, 9_000_000)]
    assert all(b.method == "text" for b in dist.items)


def test_share_column_with_scaled_amounts_and_decimal_shares():
    text = "\n".join([
        "Distribution of tokens",
        "Tokens designation Distribution % Total tokens",
        "Token Sale 47.5 950M",
        "Operating reserve 27.5 550M",
        "Project team 15 300M",
        "Advisers 7.5 150M",
        "Bounty program 2.5 50M",
        "TOTAL: 100 2 billion",
    ])
    assert allocation(filler(), text) == [("advisors", 7.5), ("bounty_marketing", 2.5), ("public_sale", 47.5),
                                          ("reserve_treasury", 27.5), ("team_founders", 15.0)]


def test_guard_a_percent_header_over_numbers_that_are_not_shares():
    """Guard: a "%" column of growth rates or counts that do not add up to 100 is no breakdown."""
    text = "\n".join([
        "Market overview",
        "Region % Growth",
        "Europe 12 2019",
        "Asia 35 2020",
        "Americas 20 2021",
        "The market keeps growing in every region we looked at.",
    ])
    assert main_distribution(filler(), text).items == []


# --- digit groups with one separator ------------------------------------------------------------------


def test_space_before_a_comma_grouped_amount_is_a_column_gap():
    """"Bounty 3 900,000": a share column, then the amount; "3 900,000" is not 3,900 (before: the space
    and the comma were read as one number's separators)."""
    assert [a[0] for a in amounts_in("Bounty 3 900,000")] == [900_000]
    # guard: a number grouped by spaces alone is still one number
    assert [a[0] for a in amounts_in("Reserve 1 200 000 NOVA")] == [1_200_000]


# --- a list that adds up to its own total row ---------------------------------------------------------


def test_amounts_that_add_up_to_their_own_total_row_count_with_vague_names():
    """Every row of an amounts list adds up exactly to the list's "Total tokens" row: the rows with vague
    names ("Tokens for beta testers") are parts too (before: they were left out by the weight floor,
    the rest came to 86% and nothing was reported)."""
    text = "\n".join([
        "8.3. Token Distribution",
        "Tokens for crowdsale participants 14 000 000",
        "Tokens for the founding team 2 000 000",
        "Tokens for beta testers 800 000",
        "Tokens for bounties 1 000 000",
        "Tokens for in-game rewards 2 200 000",
        "Total tokens 20 000 000",
    ])
    dist = main_distribution(filler(), text)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("bounty_marketing", 5.0), ("ecosystem_community", 11.0), ("other", 4.0), ("public_sale", 70.0),
        ("team_founders", 10.0)]
    assert all(b.method == "computed" for b in dist.items)


def test_guard_rows_that_miss_their_total_are_not_completed():
    """Guard: when the rows do not add up to the total row, the vague rows stay out (no invented share)."""
    text = "\n".join([
        "8.3. Token Distribution",
        "Tokens for crowdsale participants 14 000 000",
        "Tokens for the founding team 2 000 000",
        "Tokens for beta testers 800 000",
        "Tokens for bounties 1 000 000",
        "Total tokens 25 000 000",
    ])
    assert ("other", 3.2) not in allocation(filler(), text)


def test_wrapped_label_above_a_bare_amount():
    """A row label wrapped over three lines above its amount takes its first sentence from where it starts
    (before: only the last wrapped line, "platform at a price of at least $0.40", was the label)."""
    text = "\n".join([
        "Token Distribution",
        "Tokens for crowdsale participants 14 000 000",
        "Tokens for the founding team 2 000 000",
        "Tokens for bounties 1 000 000",
        "Tokens kept for sale to players after launching the",
        "platform. These tokens will only be sold through the",
        "platform at a price of at least $0.40",
        "3 000 000",
        "Total tokens 20 000 000",
    ])
    labels = [b.label for b in main_distribution(filler(), text).items]
    assert any(label.startswith("Tokens kept for sale to players") or label.startswith("Kept for sale to players")
               for label in labels), labels


# --- recipient wording ---------------------------------------------------------------------------------


def test_private_offering_is_the_presale():
    assert allocation_category("Private Offering") == "presale_private"
    assert allocation_category("Private offer") == "presale_private"


# --- shares, then their holders "respectively" ----------------------------------------------------------


def test_shares_listed_before_their_holders_respectively():
    """"55%, 25%, 15% and 5% between the token sale buyers, the foundation reserve, the founding team and
    the advisors, respectively": the n-th share goes to the n-th name (before: each share took the words
    between the numbers, the first three no name at all)."""
    text = "\n".join([
        "Token distribution",
        "The NOVA tokens will be split 55%, 25%, 15% and 5% between the token sale buyers, the foundation "
        "reserve, the founding team and the advisors, respectively.",
    ])
    dist = main_distribution(filler(), text)
    assert [(b.category, b.percent) for b in dist.items] == [
        ("public_sale", 55.0), ("reserve_treasury", 25.0), ("team_founders", 15.0), ("advisors", 5.0)]


def test_guard_respectively_with_a_different_number_of_names():
    """Guard: three shares and two names are no one-to-one list; the names are not handed out."""
    text = "\n".join([
        "Market overview",
        "Online poker and casinos grew 24%, 22% and 17% in Europe and Asia, respectively.",
    ])
    assert main_distribution(filler(), text).items == []
