"""Allocation and use-of-funds recall: general ways papers state a breakdown that the extraction
missed (issue 12, tuned on the `tune` part only). Every snippet is written for the test, shaped like
the wording seen there; each failed on the code before the change it covers (the assertions marked as
guards check that a new rule does not overreach)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.funds import extract_use_of_funds
from ico_lens.paper.tokenomics.taxonomy import allocation_category

from .distfixtures import boxes_to_words, document, filler, page, text_document, words_of


def allocation(*pages: str) -> list[tuple[str, float | None]]:
    main = extract_allocation(text_document(*pages))[0]
    return [(b.category, b.percent) for b in main.items]


def funds(*pages: str) -> list[tuple[str, float | None]]:
    main = extract_use_of_funds(text_document(*pages))[0]
    return [(i.category, i.percent) for i in main.items]


def test_two_list_items_adding_up_to_a_third_are_not_its_parts():
    """"- 20% founding team" then "- 10% employee pool", "- 10% future use": consecutive items of one
    list written alike are siblings, although 10 + 10 = 20 (before: the team was dropped as a subtotal).
    Also: "to subsidize the growth of" after a share is a purpose, not a growth rate."""
    text = "\n".join([
        "5.1 NOVA Token Details",
        "Supply: 500,000,000",
        "Of the total amount of NOVA tokens, 45% will be used to subsidize the growth of the network by",
        "rewarding users and community members.",
        "The remaining 55% of NOVA will be used as follows:",
        "- 20% founding team",
        "- 10% future employee token pool",
        "- 10% future use",
        "- 10% initial investors",
        "- 5% business expenses",
        "5.2 Liquidity Programme",
        "Liquidity providers will be able to earn fees on the exchange from the first day.",
    ])
    assert sorted(allocation(filler(), text)) == sorted([
        ("ecosystem_community", 45.0), ("team_founders", 20.0), ("team_founders", 10.0), ("reserve_treasury", 10.0),
        ("presale_private", 10.0), ("other", 5.0)])


def test_nested_items_with_their_own_bullets_still_nest():
    """Guard for the rule above: "• 60% token sale" over "- 40% of which sold" is a parent and its parts."""
    text = "\n".join([
        "Token allocation",
        "• 70% will be distributed through the Token Sale;",
        "• 20% of the tokens will be reserved for the team;",
        "- 12% of which for the founders",
        "- 8% of which for future hires",
        "• 10% will be given to advisers.",
    ])
    assert allocation(filler(), text) == [("public_sale", 70.0), ("team_founders", 12.0), ("team_founders", 8.0),
                                          ("advisors", 10.0)]


def test_a_worked_example_is_no_bucket():
    """"For example, if traders ... pay ..., they will receive 50%, 20%, and 30%": the shares of a worked
    example (the cue lines above the numbers) are not buckets, nor are shares whose label holds no word
    of its own ("and") (before: the example's shares, with a later restatement of part of a bucket,
    replaced two buckets)."""
    text = "\n".join([
        "Token allocation",
        "40% will be used to reward users and community members of the network.",
        "10% will be given out to individuals who purchase memberships.",
        "- 20% founding team",
        "- 10% future employee token pool",
        "- 10% future use",
        "- 10% initial investors",
        "Market maker rewards",
        "20% of the total supply will be distributed to the community via this grant programme.",
        "Rewards are shared by fees paid. For example, if traders A, B and C pay 5, 2 and 3 ETH in fees,",
        "they will receive 50%, 20%, and 30% of the rewards of that month.",
    ])
    got = allocation(filler(), text)
    assert ("ecosystem_community", 40.0) in got and len(got) == 6 and ("other", 20.0) not in got


def test_recipient_wordings_for_buyers_investors_and_later_use():
    """Participants of a sale, people who buy, initial investors, tokens kept for future use."""
    assert allocation_category("of ARK tokens are distributed to participants of the exchange campaign") == "public_sale"
    assert allocation_category("given out to individuals who purchase memberships") == "public_sale"
    assert allocation_category("network participants") == "ecosystem_community"
    assert allocation_category("Initial investors") == "presale_private"
    assert allocation_category("future use") == "reserve_treasury"
    assert allocation_category("Future ecosystem needs") == "ecosystem_community"


def test_use_of_funds_beside_a_split_of_one_bucket_with_repeated_values():
    """A page splitting the team bucket ("Advisors: up to 20%") and then the use of proceeds ("20% -
    Global expansion"): values that repeat are not the same shares (before: the spending list was
    discarded as a copy of the token allocation)."""
    text = "\n".join([
        "Team tokens",
        "After the tokens become available to the team (8% of the overall allocation), they are split:",
        "Core Team: up to 50%",
        "Advisors & Key Contributors: up to 20%",
        "Bounty Program: up to 10%",
        "Reserve: up to 20%",
        "Use of proceeds",
        "We plan the following use of the proceeds collected in the open sale:",
        "35% - Business / Marketing / Customer Success",
        "25% - R&D and Technical support",
        "20% - Global Expansion",
        "10% - Legal and other services",
        "10% - Reserve / Miscellaneous",
    ])
    assert [c for c, _ in funds(filler(), text)] == ["marketing", "development", "marketing", "legal_compliance",
                                                     "reserve_contingency"]


def test_table_rows_with_long_descriptions_and_wrapped_names():
    """A two-column table read as text: "amount (share) Name" rows, each followed by a long description
    (more lines than a run allowed), names wrapped over two lines of the cell ("Elastos" / "Foundation"),
    and a short description line that speaks of proceeds mid-sentence (before: the rows were cut into
    separate runs at the long gaps and at "proceeds", and the wrapped names lost their second word)."""
    describe = "\n".join([
        "Based on the snapshot block the foundation confirms the holders",
        "of the other chain and may send them coins free of charge",
        "under rules published before launch. The detailed rule is as",
        "follows:",
        "- Target: feedback to the wider community and circulation",
        "- Amount: holders receive the equivalent amount in coins",
        "- Channel: coins are issued only through exchanges that",
        "have been authorised by the foundation for this purpose",
        "- Method: nobody can obtain the coins automatically and all",
        "coins that are not claimed will be invested in the project",
        "and will not be used for the daily operation of the team",
        "in the years after the launch of the main network.",
        "The snapshot date is announced one month in advance.",
        "Holders keep their coins in wallets of their own choice.",
        "Exchanges report the claims to the foundation monthly.",
    ])
    text = "\n".join([
        "COIN (units: 10000) Purpose Notes",
        "1650 (50%) Ecosystem",
        "Development",
        describe,
        "500 (15%) Angel Investors",
        "Angel investors are made up of early backers and key partners.",
        "800 (24%) Private & Public",
        "Crowdfunding",
        "The investor community is the backbone of the network and it",
        "will support its development. All the raised coins belong to",
        "the foundation, and will be used to build the network",
        "platform. The Bitcoin proceeds will go to the Foundation",
        "350 (11%) Nimbus",
        "Foundation",
        "These funds are set aside for the operation of the foundation.",
    ])
    assert allocation(filler(), text) == [("ecosystem_community", 50.0), ("presale_private", 15.0), ("public_sale", 24.0),
                                          ("reserve_treasury", 11.0)]


def test_spending_table_under_a_raised_funds_sentence_is_use_of_funds():
    """"Digital currencies raised this time will be used ..." then a "USE PLAN" table: the nearest
    heading words are about money, although "distribution plan" is a few lines above (before: read as
    the token allocation, and no use of funds)."""
    from ico_lens.paper.records import Table

    text = "\n".join([
        "Total tokens issued: 5 billion NOVA",
        "Team members have a three year vesting schedule. This paper is a first draft, and",
        "the distribution plan may be adjusted in the near future.",
        "7.1 FUNDRAISING",
        "Digital currencies raised this time will be used proportionately in the following areas:",
        "7.2 USE PLAN",
        "Item Proportion",
        "Legal and audit 5%",
        "Operations management 20%",
        "Marketing 25%",
        "Build and support developers 50%",
    ])
    rows = [["Item", "Proportion"], ["Legal and audit", "5%"], ["Operations management", "20%"], ["Marketing", "25%"],
            ["Build and support developers", "50%"]]
    doc = document(page(1, filler()), page(2, text), tables=[Table(page=2, bbox=(60, 420, 500, 560), rows=rows)])
    assert extract_allocation(doc)[0].items == []
    assert [(i.category, i.percent) for i in extract_use_of_funds(doc)[0].items] == [
        ("legal_compliance", 5.0), ("operations", 20.0), ("marketing", 25.0), ("development", 50.0)]


def test_a_list_that_sums_to_100_beats_a_finer_split_stated_elsewhere():
    """The allocation list ("- 60% is offered to the public ...") adds up by itself; the sale's split
    into a pre-sale and a main sale, stated with amounts on the next page, is not the allocation
    (before: the subset search swapped the 60% for the 5% + 55% of the next page). Also "operational
    fund" is the issuer's reserve and a "user acquisition programme" is marketing."""
    first = "\n".join([
        "Token Allocation",
        "- 60% is offered to the public during the pre-sale and the ITO",
        "- 20% is allocated for the gradual user acquisition programme",
        "- 10% is operational fund (frozen until the transition to a DAO)",
        "- 10% is allocated for the initial team and advisers (frozen until the transition)",
    ])
    second = "\n".join([
        "Pre-sale",
        "5% of total tokens or 50,000,000 GRZ will be offered to early supporters at a discount.",
        "Initial Token Offering",
        "55% of the total token supply or 550,000,000 GRZ will be offered to the public.",
    ])
    assert allocation(filler(), first, second) == [("public_sale", 60.0), ("bounty_marketing", 20.0),
                                                   ("reserve_treasury", 10.0), ("team_founders", 10.0)]


def test_a_legend_bucket_takes_its_vesting_from_the_paragraph_that_restates_it():
    """A legend gives "Team 17%", a paragraph per bucket gives "Team: 17% ... 36 months lockup": the
    main (legend) bucket keeps the lockup (before: the legend won and the team vesting was lost)."""
    from ico_lens.paper.tokenomics.allocation import extract_allocation as extract

    words = words_of([[(80, "Platform reserve"), (420, "49%")], [(80, "Team"), (420, "17%")],
                      [(80, "Research"), (420, "14%")], [(80, "Partnerships"), (420, "11%")],
                      [(80, "Private round"), (420, "8%")], [(80, "Public sale"), (420, "1%")]], top=120)
    legend = "Token distribution\n" + "\n".join(["Platform reserve", "Team", "Research", "Partnerships", "Private round",
                                                 "Public sale", "49%", "17%", "14%", "11%", "8%", "1%"])
    prose = "\n".join([
        "Token distribution details",
        "Platform reserve: at least 49% of the supply stays with the platform for rewards.",
        "Team: 17% of the supply goes to the team, with 20-36 months lockup periods.",
        "Partnerships: 11% of the supply is for partners joining the network.",
        "Private round: 8% of the supply was sold to private investors.",
        "Research: 14% of the supply is used for integrations.",
        "Public sale: at least 1% of the supply is sold during the exchange offering.",
    ])
    doc = document(page(1, filler()), page(2, legend, words=words), page(3, prose))
    main = extract(doc)[0]
    team = [b for b in main.items if b.category == "team_founders"]
    assert len(main.items) == 6 and team and team[0].percent == 17.0 and team[0].vesting_months == 36


def test_amount_rows_named_on_the_line_above():
    """"Capital reserve" / "Token: 20,000,000", "4.7 Team Pool" / "Initial size: 5,000,000 XYZ": the amount's
    own words only say it is an amount, the recipient is the line above (before: labels "Token",
    "Initial Size", no category, no breakdown)."""
    text = "\n".join([
        "Token distribution",
        "Secondary distribution",
        "and launch incentives",
        "Token: 30,000,000",
        "Network long-term",
        "incentives",
        "Token: 20,000,000",
        "Capital reserve",
        "Token: 20,000,000",
        "Ecosystem grants",
        "Token: 20,000,000",
        "Airdrop to holders",
        "Token: 10,000,000",
    ])
    main = extract_allocation(text_document(filler(), text), total_supply=100_000_000)[0]
    assert [(b.label, b.percent) for b in main.items] == [
        ("Secondary distribution and launch incentives", 30.0), ("Network long-term incentives", 20.0),
        ("Capital reserve", 20.0), ("Ecosystem grants", 20.0), ("Airdrop to holders", 10.0)]


# --- total supply -----------------------------------------------------------------------------------


def supply(*pages: str):
    from ico_lens.paper.tokenomics.terms import find_total_supply

    from .textdoc import make_document

    found = find_total_supply(make_document(*pages))
    return found.value if found else None


def test_supply_seeded_into_the_genesis_block():
    """"N tokens are seeded into the genesis block" states the whole supply (before: no cue, no supply)."""
    text = ("Post-sale distribution\n90 million LUMA tokens are seeded into the genesis block and distributed in the\n"
            "following way:\n- 80% to participants of the exchange campaign.\n- 20% to the founders.")
    assert supply(filler(), text) == 90_000_000


def test_supply_from_the_total_row_of_an_allocation_table():
    """"Total 100% 378,604,524": the total row of the allocation table is the supply."""
    text = ("Token Generation Event\nAllocation Share Tokens\nHolders of the old token 65% 246,092,941\n"
            "Engineering 10% 37,860,452\nStaking 25% 94,651,131\nTotal 100% 378,604,524")
    assert supply(filler(), text) == 378_604_524


def test_supply_written_out_with_a_stray_scale_word_and_a_part_in_brackets():
    """"We issued a total of 45,612,300 million XYZ tokens": the number is written out, "million" is a
    slip; "From that total supply 21.5% (9,806,645 XYZ)" is a part (before: the part was the supply)."""
    text = ("Token Allocation\nWe issued a total of 45,612,300 million XYZ tokens during our crowdsale period. From that total\n"
            "supply 21.5% (9,806,645 XYZ) has been added to the company pool which includes the team.")
    assert supply(filler(), text) == 45_612_300


# --- hard cap and token price -----------------------------------------------------------------------


def _term(finder, *pages: str):
    from .textdoc import make_document

    found = finder(make_document(*pages))
    return found.value if found else None


def test_hard_cap_wordings():
    """A cap after a bracket ("(hardcap): N"), explained with "i.e.", in tokens ("Maximum goal to sell
    XYZ tokens: N"), before its words ("at 50,000 ETH hard cap") and as an accepted maximum "up to the
    equivalent of" (before: none of them read)."""
    from ico_lens.paper.tokenomics.terms import find_hard_cap

    assert _term(find_hard_cap, "The sale's maximum revenues (hardcap): 2,400 ETH.") == "2,400 ETH"
    assert "5,000,000,000" in _term(find_hard_cap, "The hard cap i.e. the maximum token offered is 5,000,000,000 Nimbus tokens.")
    assert "300 000 000" in _term(find_hard_cap, "Maximum goal to sell Nimbus tokens: 300 000 000 NMB")
    assert "7.5 billion" in _term(find_hard_cap, "Maximum Nimbus Coin for Sale: 7.5 billion")
    assert "50,000" in _term(find_hard_cap, "The sale contract will stop accepting commitments at 50,000 ETH hard cap.")
    assert "30,000,000" in _term(find_hard_cap,
                                 "We plan to only accept contributions up to the equivalent of US$30,000,000 in total.")


def test_token_price_wordings():
    """A price in a currency ("ICO Price: 0.0000002 ETH - 0.0000003 ETH"), the token first ("1 NMB =
    0.00000004 ETH", "1 NMB for USD 0.02"), a starting price ("START $0.2 USD"); a worked example
    ("Suppose the rate is 1 NMB for 0.1 ETH") is not the price."""
    from ico_lens.paper.tokenomics.terms import find_token_price

    assert "0.0000002 ETH" in _term(find_token_price, "ICO Price: 0.0000002 ETH - 0.0000003 ETH")
    assert _term(find_token_price, "Buyers pay with the equivalent value in Ether (1 NMB = 0.00000004 ETH).") \
        == "1 NMB = 0.00000004 ETH"
    assert _term(find_token_price, "Starting Price Pre-ICO: 1 NMB for USD 0.02, rising weekly.") == "1 NMB for USD 0.02"
    assert "0.2" in _term(find_token_price, "INITIAL TOKEN PRICE : START $0.2 USD")
    assert _term(find_token_price, "Suppose the rate at the trading time is 1 NMB for 0.1 ETH, the reserve pays a fee.") is None


# --- claims -----------------------------------------------------------------------------------------


def _claim(rule_class, *pages: str):
    from .textdoc import make_document

    result = rule_class().detect(make_document(*pages))
    return None if result is None else result.value


def test_transfer_lock_wordings():
    """Bought tokens "remain locked until" a date, "transferable upon the completion of the Token
    Creation Event"; "will be freely transferable" denies a lock (before: all silent)."""
    from ico_lens.paper.tokenomics.claims import TransfersLockedUntilSaleEnd as Rule

    assert _claim(Rule, "Tokens will be sent at once to the ETH address from which the contribution was made, "
                        "but they will remain locked until March 3rd.") is True
    assert _claim(Rule, "In total, 2,000,000 NMB are created, of which 600,000 NMB are transferable upon the "
                        "completion of the Token Creation Event.") is True
    assert _claim(Rule, "Coins sold in the sale go straight to the buyer's address. The Nimbus Coin will be freely "
                        "transferable.") is False


def test_unsold_tokens_moved_into_a_fund_are_kept_and_neither_minted_nor_destroyed_denies_a_burn():
    from ico_lens.paper.tokenomics.claims import BurnMechanism, UnsoldTokens

    assert _claim(UnsoldTokens, "All unsold tokens will be moved into the operational fund, frozen until 2021.") == "kept"
    assert _claim(UnsoldTokens, "Unclaimed tokens will be sent back to the rewards pool for later distribution.") is None
    assert _claim(BurnMechanism, "The 2,000,000,000 tokens can be neither minted nor destroyed after the launch.") is False


def test_spending_and_recipient_wordings():
    """Use-of-funds and allocation labels that named no category or the wrong one."""
    from ico_lens.paper.tokenomics.taxonomy import funds_category

    assert funds_category("Working Capital") == "operations"
    assert funds_category("General expense") == "operations"
    assert funds_category("Token stabilization fund") == "reserve_contingency"
    assert funds_category("Social media") == "marketing"
    assert funds_category("Bounty & Overhead") == "marketing"
    assert funds_category("IT development and implementation") == "development"
    assert funds_category("IT infrastructure") == "infrastructure"
    assert allocation_category("Bonus fund") == "public_sale"
    assert allocation_category("Example Holdings plc - bonus if the target is reached") == "other"
    assert allocation_category("Gradual user acquisition programme") == "bounty_marketing"


def test_more_supply_wordings():
    """"N will be issued once the crowdsale ends" (the sale as a date is no tranche), "There will only
    ever be N", "Number of tokens: N", "Amount of tokens to be created: N", "Total coins: N", "Initial
    supply: N" (a maximum stated beside it wins); a sale tranche is still no supply."""
    cases = {
        "500,000,000 NMB will be issued once the crowdsale ends.": 500_000_000,
        "There will only ever be 100 million NMB.": 100_000_000,
        "Number of tokens: 800 000 000": 800_000_000,
        "Amount of tokens to be created: 1,000,000,000": 1_000_000_000,
        "Total Coins: 88,888,888": 88_888_888,
        "Initial supply: 600,000,000 NMB": 600_000_000,
        "Initial supply: 600,000,000 NMB. Maximum supply: 900,000,000 NMB": 900_000_000,
        "30,000,000 NMB will be sold during the crowdsale.": None,
    }
    for text, expected in cases.items():
        assert supply(filler(), "Token details\n" + text) == expected, text


def test_token_amounts_in_prose_one_a_sentence():
    """Several amounts on one line, one a sentence ("N will be sold ... . N are allocated to the team."),
    the supply given by the caller (before: a line with two amounts gave no entry)."""
    text = ("Token distribution\n600,000,000 NMB will be sold in the token sale. 250,000,000 NMB are allocated to the team.\n"
            "The remaining 150,000,000 tokens are kept as a reserve by the company.")
    main = extract_allocation(text_document(filler(), text), total_supply=1_000_000_000)[0]
    assert [(b.category, b.percent) for b in main.items] == [("public_sale", 60.0), ("team_founders", 25.0),
                                                           ("reserve_treasury", 15.0)]


def test_row_labels_wrapped_onto_the_line_of_the_share():
    """"Founding team and early" / "contributors 20%", "Community rewards" / "and airdrops 30%": the
    label begun on the line above (before: "contributors" read as buyers)."""
    text = ("Token distribution\nFounding team and early\ncontributors 20%\nCommunity rewards\nand airdrops 30%\n"
            "Token sale 50%")
    assert allocation(filler(), text) == [("team_founders", 20.0), ("bounty_marketing", 30.0), ("public_sale", 50.0)]


# --- chart legends ------------------------------------------------------------------------------------


def test_tight_legend_with_each_label_just_above_its_number():
    """A pie-chart legend whose number boxes start a point or two above the bottom of their label (the
    number's box includes its font's ascent), a label wrapped over two boxes that touch the same way
    (before: the numbers lost their own labels and took the neighbouring column's)."""
    from ico_lens.paper.tokenomics.breakdown.layout import entries_from_layout

    words = boxes_to_words([
        ("Sell during the sale", 404, 414, 13), ("Founders - one year lock", 60, 425, 13),
        ("66,7 %", 502, 425.7, 16), ("3 %", 179, 436.6, 16),
        ("Incentive", 413, 500, 13), ("20 %", 433, 511.8, 16),
        ("Community and", 60, 560, 13), ("promoters", 60, 571.6, 13), ("10,3 %", 80, 583.4, 16),
    ])
    pg = page(2, "Token repartition\n66,7 %\n3 %\n20 %\n10,3 %", words=words)
    got = sorted((e.percent, e.label) for e in entries_from_layout(pg))
    assert got == [(3.0, "Founders - one year lock"), (10.3, "Community and promoters"), (20.0, "Incentive"),
                   (66.7, "Sell during the sale")]


def test_two_charts_on_one_page_keep_their_legends_apart():
    """An allocation chart above a use-of-funds chart on the same page, labels wrapped so that they are
    no text line of their own: legend entries are placed where they sit on the page (before: all at the
    top of the page, the two legends in one run, the spending chart lost)."""
    alloc = [("Public token", 80, 100, 10), ("sale", 80, 111, 10), ("50 %", 300, 100, 10),
             ("Team and", 80, 130, 10), ("founders", 80, 141, 10), ("20 %", 300, 130, 10),
             ("Ecosystem", 80, 160, 10), ("incentives", 80, 171, 10), ("30 %", 300, 160, 10)]
    funds = [("Technology", 80, 560, 10), ("development", 80, 571, 10), ("45 %", 300, 560, 10),
             ("Marketing and", 80, 590, 10), ("sales", 80, 601, 10), ("35 %", 300, 590, 10),
             ("Operations and", 80, 620, 10), ("overhead", 80, 631, 10), ("20 %", 300, 620, 10)]
    text = "\n".join(["Token distribution"] + ["The charts below show the split of tokens and of funds."] * 30
                     + ["Use of funds", "50 %", "20 %", "30 %", "45 %", "35 %", "20 %"])
    doc = document(page(1, filler()), page(2, text, words=boxes_to_words(alloc + funds)))
    assert [(b.category, b.percent) for b in extract_allocation(doc)[0].items] == [
        ("public_sale", 50.0), ("team_founders", 20.0), ("ecosystem_community", 30.0)]
    assert [(i.category, i.percent) for i in extract_use_of_funds(doc)[0].items] == [
        ("development", 45.0), ("marketing", 35.0), ("operations", 20.0)]


def test_a_list_interrupted_by_a_sub_list_adds_up_across_it():
    """"- Marketing: 30% ... campaign toward:" then bullets without shares, then the list goes on:
    the two parts add up together (before: each part alone fell short of 100%)."""
    text = "\n".join([
        "How are we going to use the funds?",
        "We plan to use the revenues of the token sale as follows:",
        "- Application development: 40% of the revenues of the sale;",
        "- Marketing and business development: 30% of the revenues of the sale;",
        "In the first year our goal is to publish, on every continent, the diplomas of the most important",
        "schools, and to offer them an incentive programme equal to the task at hand. The schools that",
        "join first keep the lowest fees for three years, and the programme grows with each new school",
        "that publishes its diplomas on the network. We expect the first results within six months of",
        "the end of the sale, and we will report them every quarter on our blog and in our channels.",
        "The programme stays open to every school that meets the requirements of the foundation.",
        "This programme will be the object of a large marketing campaign aimed at the following groups:",
        "- Schools and universities;",
        "- Graduates;",
        "- Recruiters;",
        "- Reserve: 20% of the revenues of the sale will be kept as long-term savings;",
        "- General expense: 10% of the revenues of the sale.",
    ])
    assert funds(filler(), text) == [("development", 40.0), ("marketing", 30.0), ("reserve_contingency", 20.0),
                                     ("operations", 10.0)]


def test_more_claim_wordings():
    """Transfer locks in other words, "no more than N will ever be created", new coins minted as
    rewards, "confers no rights of ownership, governance ...", "employee tokens", "holding period"."""
    from ico_lens.paper.tokenomics.claims import GovernanceRights, SupplyFixed, TeamVesting
    from ico_lens.paper.tokenomics.claims import TransfersLockedUntilSaleEnd as Locked

    cases = [
        (Locked, "Tokens will become transferable once the sale is completed.", True),
        (Locked, "Token transfers will be enabled after the crowdsale ends.", True),
        (Locked, "NMB tokens can only be transferred after the end of the ICO.", True),
        (Locked, "Tokens will be frozen until the token sale is over.", True),
        (Locked, "Team tokens will be frozen until the token sale is over.", None),  # team vesting, not buyers
        (SupplyFixed, "No more than 100,000,000 NMB will ever be created.", True),
        (SupplyFixed, "New NMB will be minted as block rewards for validators.", False),
        (SupplyFixed, "No new NMB will be minted as rewards for validators.", True),
        (GovernanceRights, "The token confers no rights of ownership, governance or control.", False),
        (TeamVesting, "Employee tokens are subject to a two-year vesting schedule.", True),
        (TeamVesting, "The team's tokens have a holding period of one year.", True),
    ]
    for rule, text, expected in cases:
        assert _claim(rule, text) is expected, text


def test_a_total_narrowed_to_the_sale_is_not_the_supply():
    """"Total tokens for sale: N", "total supply of tokens in the pre-sale: N": the cue is narrowed to a
    tranche right after it (before: taken as the supply); a plain total beside them still wins."""
    assert supply(filler(), "Token details\nTotal tokens for sale: 600,000,000 NMB") is None
    assert supply(filler(), "Token details\nTotal supply of tokens in the pre-sale: 20,000,000") is None
    assert supply(filler(), "Token details\nTotal tokens for sale: 600,000,000 NMB\nTotal supply: 1,000,000,000 NMB") \
        == 1_000_000_000
    assert supply(filler(), "Total supply: 1,000,000,000 NMB, of which 600,000,000 NMB are offered in the sale.") \
        == 1_000_000_000


def test_lower_case_names_before_a_colon():
    """"founders: 25% of all tokens" after a line with a share is a row of its own (before: no name, no
    breakdown); guard: a lower-case name that continues the line above ("... excluding" / "founders:
    10% ...") is not cut off."""
    text = "Token distribution\nCrowdsale: 60% of all tokens\nfounders: 25% of all tokens\nreserve fund: 15% of all tokens"
    assert allocation(filler(), text) == [("public_sale", 60.0), ("team_founders", 25.0), ("reserve_treasury", 15.0)]
    from ico_lens.paper.tokenomics import breakdown as engine

    cont = ("Token distribution\n- Tokens sold in the sale: 87% of tokens minted;\n- Tokens allocated to community members, "
            "including team, excluding\nfounders: 10% of tokens minted;\n- Tokens allocated to the founders: 3% of tokens minted.")
    entries, _ = engine.find_entries(text_document(filler(), cont))
    assert not any(e.percent == 10.0 and e.label.lower() == "founders" for e in entries)
