"""Failure classes of issue 12 (facts that must hold on papers the rules were not written on).

Each test is a generated page shaped like the wording found on the tuning part of the labelled papers
(paraphrased, not copied). Unless its docstring says otherwise, each failed on the code before the
issue-12 change.
"""

from __future__ import annotations

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.terms import find_total_supply

from .distfixtures import filler, legend_pdf, text_document
from .textdoc import make_document


def supply(*pages: str):
    found = find_total_supply(make_document(*pages))
    return found.value if found else None


def allocation(*pages: str) -> list[tuple[str, float | None]]:
    main = extract_allocation(text_document(*pages))[0]
    return [(b.category, b.percent) for b in main.items]


# --- total supply ---------------------------------------------------------------------------------


def test_supply_limit_for_ever_with_the_token_name_between():
    """"Only N (words) NAME tokens will ever be created": the cue sits after a long token name (before:
    too far from the number, no supply)."""
    text = ("Creation of Tokens\nOnly 300,000,000 (Three hundred Million) HARBOR FREIGHT tokens will ever be\n"
            "created. The tokens are intended to be allocated as follows.")
    assert supply(filler(), text) == 300_000_000


def test_supply_in_perpetuity_of_a_camel_case_token():
    """"The N adToken-like tokens minted at launch will be the set number in perpetuity" (before: the
    camel-case token name was not a token word and "in perpetuity" no cue)."""
    text = ("The supply cannot be changed by a vote, and tokens can be neither minted nor destroyed. The\n"
            "2,000,000,000 metaToken deployed at launch will be the set number of metaToken in perpetuity.")
    assert supply(filler(), text) == 2_000_000_000


def test_share_of_the_supply_is_not_the_supply():
    """"2% of total token supply (200,000,000 WXT)": a part of the supply, stated in brackets after its
    share (before: the part, stated twice, beat the total)."""
    table = ("Token details\nTotal token supply\n10,000,000,000 WXT\nReserved for the loyalty programme\n"
             "2% of total token supply (200,000,000 WXT)\nPartners receive 3% of the total token supply or 300,000,000 WXT.\n"
             "Bounty 2% of total token supply (200,000,000 WXT)")
    assert supply(filler(), table) == 10_000_000_000


def test_an_example_amount_is_not_the_supply():
    """"If we have created N tokens, ...": a worked example. Guards the stronger "tokens created" cue
    added with this change (the code before found no supply here either)."""
    text = ("Calculation: for example, after the sale ends, if we have created 35,000,000 Tokens, the reserved\n"
            "tokens are created on top of the tokens sold, in the ratio given above.")
    assert supply(filler(), text) is None


def test_tokens_minted_row_is_the_supply():
    """"42,120,000 Token Minted" under a chart (before: "minted" alone was a weak cue)."""
    text = "Token repartition\nSell during the sale (28,080,000)\n42,120,000 Token Minted"
    assert supply(filler(), text) == 42_120_000


# --- allocation: the recipient's name before its share, details after ---------------------------------


def test_bullet_rows_with_the_name_before_the_share_and_details_after():
    """"- Presale 10% - 10 Million (Ten Million) tokens will be sold ...": the label is the name before the
    share, the words after describe it over several lines (before: the words after were taken as the
    label, no breakdown)."""
    text = (
        "Allocation\nThe tokens are intended to be allocated as follows:\n"
        "- Presale 10% - 10 Million (Ten Million) tokens will be sold by\nthe Company to early purchasers.\n"
        "- Crowd Sale 60% - 60 Million (Sixty Million) tokens will be sold\nby the Company to sale purchasers.\n"
        "- Founders & Team 15% - 15 Million (Fifteen Million) tokens will be\ndistributed to the founders and the team.\n"
        "The founder and team tokens will be locked for 12 Months.\n"
        "- Partners 10% - 10 Million (Ten Million) tokens will be\ndistributed to our professional partners.\n"
        "- Charity 5% - 5 Million (Five Million) tokens will be donated to\nworldwide charity projects supporting animal\n"
        "welfare. An independent agency will audit the donations."
    )
    assert allocation(filler(), text) == [("presale_private", 10.0), ("public_sale", 60.0), ("team_founders", 15.0),
                                          ("partners", 10.0), ("other", 5.0)]


def test_name_colon_share_then_a_description():
    """"Reserve Fund: 19%, which is locked in for 2 years": name, colon, share, then details (before: the
    details after the share were the label, so no recipient was recognised)."""
    text = (
        "4.3 Token Allocation\n"
        "Crowdfunding participants: 40%, public sale, raised funds will be used for\nresearch and marketing\n"
        "Founding Team: 20%, locked for 1 year, gradually\nreleased after the 2nd year\n"
        "Reserve Fund: 25%, which is locked in for 2 years. Thereafter it may be used.\n"
        "Community Incentive: 15%, to provide incentives to the community"
    )
    assert allocation(filler(), text) == [("public_sale", 40.0), ("team_founders", 20.0), ("reserve_treasury", 25.0),
                                          ("ecosystem_community", 15.0)]


# --- layout: produced by ingestion, never by re-opening the PDF --------------------------------------


def test_legend_words_come_from_ingestion_not_from_reopening_the_pdf(tmp_path):
    """A chart legend under a heading without a tokenomics keyword: ingestion reads the words of every
    page holding lone percentages, so the legend is paired after the PDF is gone (before: tokenomics
    re-opened the PDF to read them)."""
    from ico_lens.paper.ingest import open_document

    rows = [("Public contributors", "50%"), ("Team and founders", "20%"), ("Advisors", "10%"), ("Community fund", "20%")]
    path = legend_pdf(tmp_path / "legend.pdf", heading="Who holds the coins", rows=rows, numbers_after_labels=True)
    doc = open_document(path, isolate=False)
    path.unlink()
    assert doc.page(2).layout_analyzed
    main = extract_allocation(doc)[0]
    assert [(b.category, b.percent, b.method) for b in main.items] == [
        ("public_sale", 50.0, "layout"), ("team_founders", 20.0, "layout"), ("advisors", 10.0, "layout"),
        ("ecosystem_community", 20.0, "layout"),
    ]


def test_amounts_written_in_words_with_hundreds():
    """"(Two hundred and fifty Million)": the hundreds belong to the number (before: read as 50 million)."""
    from ico_lens.paper.tokenomics.evidence import find_quantities

    assert [q.value for q in find_quantities("Only 250,000,000 (Two hundred and fifty Million) tokens")] == [250_000_000] * 2
    assert [q.value for q in find_quantities("three hundred million, twenty-five thousand, a billion")] == [
        300_000_000, 25_000, 1_000_000_000]


# --- allocation: token amounts in prose, shares computed from the total supply ---------------------


def test_amounts_in_prose_with_the_supply_stated_elsewhere():
    """"FLX 200,000,000 (two hundred million FLX) will be sold ...": amounts in prose, each restated in
    words, the total supply on another page (before: two numbers on the line, no breakdown)."""
    from ico_lens.paper.tokenomics.facts import extract_facts

    terms = "Token terms\nA total of 900,000,000 FLX tokens will be created; no more will ever be minted."
    text = (
        "Distribution of tokens\n"
        "FLX 200,000,000 (two hundred million FLX) will be sold and distributed over the\nToken Sale.\n"
        "FLX 100,000,000 (one hundred million FLX), will be allotted for the development team,\n"
        "vested proportionally in two years.\n"
        "100,000,000 (one hundred million FLX) will remain for the company (Example Labs Ltd),\n"
        "covering the costs of the sale, advisors, bounty program and future partnerships.\n"
        "FLX 500,000,000 (five hundred million FLX) will be distributed in a predefined manner\n"
        "via smart contract as an incentive for users who join the platform."
    )
    facts = extract_facts(make_document(filler(), terms, text))
    assert facts.total_supply == 900_000_000
    main = facts.main_allocation
    assert [(b.category, b.percent, b.method) for b in main.items] == [
        ("public_sale", 22.2, "computed"), ("team_founders", 11.1, "computed"), ("reserve_treasury", 11.1, "computed"),
        ("ecosystem_community", 55.6, "computed")]
    # the team bucket's own details are the team's vesting (no sentence names the team and a vesting)
    assert (facts.claim("team_vesting"), facts.claim("team_vesting_months")) == (True, 24)
    assert facts.claims["team_vesting"].evidence[0].page == 3


# --- recipient wording -> category: the known confusions --------------------------------------------


def test_recipient_wordings_map_to_their_category():
    """Compound sale names and recipients found on the tuning papers (before: "crowdsale partners" was a
    sale, "pre-public sale" a public sale, "company", "early participants", "angel investors" other or
    team)."""
    from ico_lens.paper.tokenomics.taxonomy import allocation_match

    assert allocation_match("Generated to Crowdsale partners")[0] == "partners"
    assert allocation_match("Pre-public sale")[0] == "presale_private"
    assert allocation_match("Early participants")[0] == "presale_private"
    assert allocation_match("Angel Investors")[0] == "presale_private"
    assert allocation_match("will remain for the company")[0] == "reserve_treasury"
    # the company as the one who spends, not the holder: the recipient named later wins
    assert allocation_match("will be used by the company to accelerate adoption of the ecosystem")[0] == "ecosystem_community"


# --- claims: wordings not covered before ---------------------------------------------------------------


def claim(name: str, *sentences: str):
    from ico_lens.paper.tokenomics.claims import detect_claims

    result = detect_claims(make_document(filler(), "\n".join(sentences))).get(name)
    return None if result is None else result.value


def test_fixed_supply_wordings():
    """Fixed supplies said without "fixed", "cap" or "no new tokens" (before: silent)."""
    assert claim("supply_fixed", "The metaToken supply is non-votable, and metaToken can be neither minted nor destroyed.") is True
    assert claim("supply_fixed", "The Company will not create any new EXT tokens after the Initial Token Sale.") is True
    assert claim("supply_fixed", "We are issuing exactly one billion tokens. No additional tokens will be added to the supply.") is True
    assert claim("supply_fixed", "Maximum number of EXT generated: 500 000 000 EXT.") is True
    assert claim("supply_fixed", "The supply has a strict limit of 80,000,000 EXT, never to be increased.") is True


def test_growing_supply_wordings():
    """Supplies that grow, said without "inflationary" (before: silent)."""
    assert claim("supply_fixed", "An uncapped number of EXT will be sold based on a price function.") is False
    assert claim("supply_fixed", "EXT will continue to be minted by the network after the initial sale.") is False
    assert claim("supply_fixed", "Block reward: 2 EXT per block. Inflation Rate (with 8s block times) - 6.31% in the first year.") is False
    assert claim("supply_fixed", "The amount of EXT in circulation will increase annually at a fixed rate of 4%.") is False


def test_governance_wordings():
    """Holders' votes said in other words, and denials listing governance among other rights (before:
    silent)."""
    assert claim("governance_rights", "Each member may cast one vote per token in the council election.") is True
    assert claim("governance_rights", "The platform uses carbon voting, whereby every 1 EXT is given 1 vote.") is True
    assert claim("governance_rights", "Holding EXT means participating in the community governance of the chain.") is True
    assert claim("governance_rights", "Holders of EXT tokens will be able to propose and vote on new listings.") is True
    assert claim("governance_rights", "Members have voting privileges on major operational decisions of the platform.") is True
    assert claim("governance_rights", "EXT grants no equity, governance or other rights in the company.") is False
    # an office's privileges are not the token holders'
    assert claim("governance_rights", "Arbiter voting privileges are delegated to other ambassadors to ensure quorum.") is None


def test_amount_rows_with_money_beside_and_named_holders():
    """"! 500 million to be sold in a public sale with a cap of $10 million": a symbol-font bullet, the
    token amount beside a money amount, holders named by company (before: the bullet read as a sentence
    end, the line's two amounts and the company names discarded every row)."""
    text = (
        "Token Launch Details\nThe token breakdown is as follows:\n"
        "! 500 million to be distributed in a public token sale with a cap of $10 million sold\n"
        "! 200 million reserved for Northwind, per the time lock schedule detailed below\n"
        "! 200 million reserved for Contoso Labs, per the time lock schedule detailed below\n"
        "! 100 million sold to fund development via multiple pre-sale agreements (as described above)"
    )
    main = extract_allocation(text_document(filler(), text), total_supply=1_000_000_000)[0]
    assert [(b.category, b.percent) for b in main.items] == [
        ("public_sale", 50.0), ("reserve_treasury", 20.0), ("reserve_treasury", 20.0), ("presale_private", 10.0)]
