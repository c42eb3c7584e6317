"""Allocation candidates, round 7 (issue 12): breakdowns that candidate generation missed
(docs/tokenomics-distributions.md, "Seventh round"): a share stated as "the remaining N%" a few paragraphs
after the shares it completes, a list of whole-number shares closed by its own "Total 100%" row that
misses 100 by rounding, and a list that splits a stated part of the supply (a premine) rather than the
supply. Every snippet is written for the test; each case failed with its rule switched off (guards check
that a rule does not overreach)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.allocation import extract_allocation

from .distfixtures import filler, text_document


def main_distribution(*pages: str, total_supply: float | None = None):
    return extract_allocation(text_document(*pages), total_supply)[0]


def allocation(*pages: str) -> list[tuple[str, float | None]]:
    return sorted((b.category, b.percent) for b in main_distribution(*pages).items)


def _paragraph(n: int, topic: str) -> list[str]:
    """``n`` lines of body text without any number."""
    return [f"The {topic} is handled by the platform without any manual step, line {word}."
            for word in ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                         "fifteen sixteen seventeen eighteen nineteen twenty").split()[:n]]


# --- "the remaining N%" completes the shares stated paragraphs before -----------------------------

REMAINING_FAR = "\n".join([
    "4. Issue of tokens",
    "Ticker: LUMA. Standard: ERC20.",
    "It is planned to distribute 70% of tokens through the ICO and to invest the raised",
    "funds in the marketing of the network.",
    *_paragraph(18, "payment of contributions"),
    "The remaining 30% of LUMA tokens will be transferred to the founding team and will be locked for 24 months.",
])


def test_remaining_share_completes_the_shares_stated_before():
    """The 70% for the ICO and, 19 lines later, "The remaining 30% ... to the founding team": one breakdown
    (before: the two shares were too far apart to be one run, and nothing was found)."""
    dist = main_distribution(filler(), REMAINING_FAR)
    assert sorted((b.category, b.percent) for b in dist.items) == [("public_sale", 70.0), ("team_founders", 30.0)]
    assert "remainder" in dist.note


def test_guard_remaining_share_needs_the_shares_to_add_up():
    """Guard: "the remaining 30%" after a 60% sale share leaves 10% unexplained: no breakdown is invented."""
    text = REMAINING_FAR.replace("distribute 70% of tokens", "distribute 60% of tokens")
    assert main_distribution(filler(), text).source == "none"


def test_guard_remaining_share_of_something_else():
    """Guard: "the remaining 20% of the blocks" after "80% of the blocks" (an emission schedule, no recipient
    named) is no allocation."""
    text = "\n".join(["7. Emission", "We aim to mine roughly 80% of the coins in the first four years.",
                      *_paragraph(18, "block reward"), "The remaining 20% of the coins are mined in the next six years."])
    assert main_distribution(filler(), text).source == "none"


# --- a list closed by its own "Total 100%" row, shares rounded ------------------------------------

OWN_TOTAL_ROUNDED = "\n".join([
    "9. Token distribution",
    "Tokens were distributed after the sale as shown below.",
    "Who Percentage Allocated token amount",
    "Early investors 13% 7,900,000",
    "Team 15% 9,000,000",
    "Pre-sale & ICO 9% 5,300,000",
    "Marketplace 6% 3,700,000",
    "Venture fund 24% 14,500,000",
    "Exchange desk 16% 9,700,000",
    "Operations 11% 6,600,000",
    "Reserve 7% 4,300,000",
    "Overall 100% 61,000,000",
])


def test_rounded_list_closed_by_its_own_total_row():
    """Eight whole-number shares adding up to 101 over "Overall 100%": the list is the allocation, vague rows
    ("Venture fund", "Exchange desk") included, as its own total row says (before: only the four clearly
    named rows were kept, 44% in all, below the reporting threshold)."""
    dist = main_distribution(filler(), OWN_TOTAL_ROUNDED)
    assert len(dist.items) == 8
    assert dist.sum_percent == 101.0
    assert ("team_founders", 15.0) in [(b.category, b.percent) for b in dist.items]
    assert "total row" in dist.note


def test_guard_rounded_list_without_its_total_row():
    """Guard: the same rows without the total row, and two of the clear rows renamed vaguely, stay a partial
    list (no total row says the vague rows are parts)."""
    text = OWN_TOTAL_ROUNDED.replace("Overall 100% 61,000,000", "Figures are indicative.")
    text = text.replace("Team 15%", "Staff pool 15%").replace("Reserve 7%", "Other 7%")
    assert len(main_distribution(filler(), text).items) != 8


def test_guard_total_row_far_below_the_list():
    """Guard: a "Total 100%" row after a paragraph of text closes another table, not this list."""
    text = OWN_TOTAL_ROUNDED.replace("Overall 100% 61,000,000",
                                     "\n".join(_paragraph(5, "listing") + ["Total 100% 61,000,000"]))
    assert len(main_distribution(filler(), text).items) != 8


# --- a list that splits a stated part of the supply (a premine) -----------------------------------

PREMINE = "\n".join([
    "5 How are coins distributed?",
    "The premine is for 400,000 KEL, or 2%, of the total supply of 20 million KEL coins. The",
    "remaining 19,600,000 KEL will be available for anyone to mine with masternodes. The premine",
    "pays for the first masternodes of the network.",
    "Here is a breakdown of the initial KEL distribution:",
    "Community Distribution: 75%",
    "- Sent in equal parts to 120 early community supporters",
    "Development Fund: 10%",
    "- Used to fund future development of the protocol",
    "Marketing Fund: 5%",
    "- Used for conferences and promotional material",
    "Team Fund: 10%",
    "- Paid to the developers for their work on the project",
])


def test_premine_split_is_scaled_to_the_supply():
    """The 75 / 10 / 5 / 10 list splits the 2% premine: the buckets are shares of the premine times 2%, and the
    mined rest (98%) is a bucket (before: 75% for the community, read as a share of the supply)."""
    dist = main_distribution(filler(), PREMINE)
    got = sorted((b.category, b.percent) for b in dist.items)
    assert got == [("bounty_marketing", 0.1), ("ecosystem_community", 1.5), ("mining_staking", 98.0),
                   ("reserve_treasury", 0.2), ("team_founders", 0.2)]
    assert all(b.method == "computed" for b in dist.items)
    assert "2%" in dist.note


def test_guard_list_of_the_whole_supply_after_a_premine_sentence():
    """Guard: a list introduced as the split of the total supply (not of the premine) keeps its shares."""
    text = PREMINE.replace("Here is a breakdown of the initial KEL distribution:",
                           "Here is a breakdown of the total supply:")
    got = allocation(filler(), text)
    assert ("ecosystem_community", 75.0) in got


def test_guard_premine_without_the_rest_stated():
    """Guard: without the sentence that names who gets the rest, no bucket for the rest is invented (the list
    is left as the paper writes it)."""
    text = PREMINE.replace("remaining 19,600,000 KEL will be available for anyone to mine with masternodes. The premine",
                           "premine")
    got = allocation(filler(), text)
    assert not any(category == "mining_staking" for category, _ in got)


# --- the same bucket twice is no breakdown ----------------------------------------------------------

LEGEND_THEN_SECTIONS = "\n".join([
    "Tokens: Allocations",
    "ICO buyers (30%)",
    "Clinics and labs (20%)",
    "Patient records pool (20%)",
    "Network miners (10%)",
    "Locked pool (10%)",
    "Team (10%)",
    "100%",
    "Patient records pool (20%)",
    "Every patient who signs up receives one token to spend in the network.",
    "Clinics and labs (20%)",
    "Hospitals, clinics and research centres.",
    "ICO buyers (30%)",
    "- Product development and marketing",
    "Locked pool (10%)",
    "These tokens are not sold and stay locked.",
    "Network miners (10%)",
    "For keeping the chain running.",
    "Team (10%)",
    "Support and network governance.",
])


def test_a_set_holding_one_bucket_twice_is_dropped():
    """The legend (six rows, 100%) and then each row again as the heading of its description: a subset of
    strong rows taking "ICO buyers (30%)", "Network miners (10%)" and "Team (10%)" twice also makes 100;
    the legend itself is
    the breakdown (before: the set with the repeats won)."""
    dist = main_distribution(filler(), LEGEND_THEN_SECTIONS)
    labels = [b.label for b in dist.items]
    assert len(labels) == len(set(labels)) == 6
    assert dist.sum_percent == 100.0


# --- recipient wording and prose labels -------------------------------------------------------------

def test_recipient_wording_round7():
    """An awareness fund is promotion, miners are mining rewards, tokens "sold publicly" are the sale
    (before: all three "other")."""
    from ico_lens.paper.tokenomics.taxonomy import allocation_match

    assert allocation_match("Awareness Fund")[0] == "bounty_marketing"
    assert allocation_match("Brand awareness campaigns")[0] == "bounty_marketing"
    assert allocation_match("Network Miners")[0] == "mining_staking"
    assert allocation_match("will be sold publicly")[0] == "public_sale"
    # guards: awareness alone is no recipient, miner fees are no bucket of miners
    assert allocation_match("Public awareness")[0] == "other"
    assert allocation_match("Miner fees")[0] != "mining_staking"


def test_share_after_of_which_is_named_by_what_follows():
    """"A total of 50.000.000 KEL will be created during the crowdsale, of which 60% (30.000.000 KEL) will be
    sold publicly": the 60% is the public sale, named by the words after it, not by the whole before "of which"
    (before: the label was the sentence about the total, read as "other")."""
    text = "\n".join([
        "Token details",
        "A total of 50.000.000 KEL will be created during the crowdsale, of which 60% (30.000.000 KEL) will be sold publicly.",
        "The rest goes to the company reserve (25%), the founding team (10%) and the advisors (5%).",
    ])
    got = allocation(filler(), text)
    assert ("public_sale", 60.0) in got


def test_share_after_of_which_in_prose_is_named_by_what_follows():
    """The same without a verb after the share ("of which 60% publicly sold in four tiers"): the clause of the
    share starts at the share, not at the sentence about the total before "of which"."""
    text = "\n".join([
        "Token details",
        "A total of 50.000.000 KEL will be created during the crowdsale, of which 60% publicly sold in four tiers.",
        "The rest goes to the company reserve (25%), the founding team (10%) and the advisors (5%).",
    ])
    dist = main_distribution(filler(), text)
    sale = [b for b in dist.items if b.percent == 60.0]
    assert [b.category for b in sale] == ["public_sale"]
    assert "total" not in sale[0].label.lower()


def test_share_after_of_which_named_on_the_next_line():
    """The share's brackets wrap: "... of which 60% (30.000.000" / "KEL) will be sold publicly.": the name is on
    the next line after the bracket, and the amount is the share's own (before: the sentence about the total,
    with the total as its amount)."""
    text = "\n".join([
        "Token details",
        "A total of 50.000.000 KEL will be created during the crowdsale, of which 60% (30.000.000",
        "KEL) will be sold publicly. The rest goes to the company reserve (25%), the founding",
        "team (10%) and the advisors (5%).",
    ])
    dist = main_distribution(filler(), text)
    sale = [b for b in dist.items if b.percent == 60.0]
    assert [(b.category, b.amount) for b in sale] == [("public_sale", 30_000_000)]
