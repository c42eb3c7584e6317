"""Allocation, fourth round (issue 12): general ways a token breakdown is written that the extraction
missed or misread, taken from the failure classes of the issue (amounts only, recipient wording,
abstaining on a clear breakdown, layout). Every snippet is written for the test; each case failed on the
code before the change it covers (assertions marked as guards check that a new rule does not overreach)."""

from __future__ import annotations

from ico_lens.paper.tokenomics.allocation import extract_allocation
from ico_lens.paper.tokenomics.breakdown.numbers import amounts_in, unit_of_header
from ico_lens.paper.tokenomics.taxonomy import allocation_category

from .distfixtures import filler, text_document


def allocation(*pages: str, total_supply: float | None = None) -> list[tuple[str, float | None]]:
    main = extract_allocation(text_document(*pages), total_supply)[0]
    return sorted((b.category, b.percent) for b in main.items)


def main_distribution(*pages: str, total_supply: float | None = None):
    return extract_allocation(text_document(*pages), total_supply)[0]


# --- amounts only -----------------------------------------------------------------------------------


def test_amounts_in_prose_with_the_recipient_as_subject():
    """"The team will receive 15,000,000 NOVA", "Advisors get 5,000,000 NOVA": the recipient is the subject
    before the verb (before: only the sentences with the verb after the amount were read, the list came
    to 80% of the stated total and nothing was reported)."""
    text = "\n".join([
        "Token distribution",
        "A total of 100,000,000 NOVA tokens will be created.",
        "60,000,000 NOVA will be sold to the public during the token sale.",
        "The team will receive 15,000,000 NOVA, vested over two years.",
        "Advisors get 5,000,000 NOVA.",
        "The remaining 20,000,000 tokens are kept as a reserve by the foundation.",
    ])
    assert allocation(filler(), text) == [("advisors", 5.0), ("public_sale", 60.0), ("reserve_treasury", 20.0),
                                          ("team_founders", 15.0)]


def test_each_sentence_names_its_holder_before_the_amount():
    text = "\n".join([
        "Token distribution",
        "A total of 100,000,000 NOVA tokens will be created.",
        "Contributors in the crowdsale will receive 60,000,000 NOVA.",
        "The team will receive 15,000,000 NOVA, vested over two years.",
        "Advisors will receive 5,000,000 NOVA.",
        "The foundation will keep 20,000,000 NOVA as a reserve.",
    ])
    dist = main_distribution(filler(), text)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("advisors", 5.0), ("public_sale", 60.0), ("reserve_treasury", 20.0), ("team_founders", 15.0)]
    assert all(b.method == "computed" for b in dist.items)
    assert "15,000,000" in next(b for b in dist.items if b.category == "team_founders").evidence.quote


def test_two_amounts_in_one_sentence_joined_by_and():
    """"200,000,000 NOVA will be allocated to the team and 200,000,000 NOVA will be kept in reserve": one
    amount a clause; the same value twice in a sentence is two amounts, not one stated twice (before: the
    second was merged into the first and the sentence was one entry)."""
    text = "\n".join([
        "Token distribution",
        "A total of 1,000,000,000 NOVA will be created. Of these, 600,000,000 NOVA will be sold during the ICO,",
        "200,000,000 NOVA will be allocated to the team and 200,000,000 NOVA will be kept in reserve.",
    ])
    assert allocation(filler(), text) == [("public_sale", 60.0), ("reserve_treasury", 20.0), ("team_founders", 20.0)]


def test_a_subject_that_is_no_recipient_gives_no_entry():
    """Guard: "Each participant will receive 1,000 NOVA", "We will keep 5,000,000 NOVA": no holder named."""
    text = "\n".join([
        "Airdrop",
        "A total of 10,000,000 NOVA tokens will be created.",
        "Each participant will receive 5,000,000 NOVA.",
        "We will keep 5,000,000 NOVA.",
    ])
    assert allocation(filler(), text) == []


def test_table_in_the_unit_of_its_header():
    """"Token allocation (m)" over "Token sale 600", "Team 150" ... "Total 1,000": the rows are millions
    of tokens (before: numbers under 1,000 were no amounts and the table gave nothing)."""
    text = "\n".join([
        "Token allocation (m)",
        "Token sale 600",
        "Team 150",
        "Advisors 50",
        "Reserve 200",
        "Total 1,000",
    ])
    dist = main_distribution(filler(), text)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("advisors", 5.0), ("public_sale", 60.0), ("reserve_treasury", 20.0), ("team_founders", 15.0)]
    assert next(b for b in dist.items if b.category == "team_founders").amount == 150_000_000
    assert "Team 150" in next(b for b in dist.items if b.category == "team_founders").evidence.quote


def test_in_millions_header_with_the_supply_from_the_caller():
    text = "\n".join([
        "Token distribution, in millions of tokens",
        "Public sale 450",
        "Founders 200",
        "Community rewards 250",
        "Company reserve 100",
    ])
    assert allocation(filler(), text, total_supply=1_000_000_000) == [
        ("ecosystem_community", 25.0), ("public_sale", 45.0), ("reserve_treasury", 10.0), ("team_founders", 20.0)]
    assert allocation(filler(), text) == []  # guard: no total, no guessed shares (GOLD.md)


def test_unit_headers_are_read_and_money_units_are_not():
    """Guard: a money unit ("Budget (in millions USD)") is no token unit; full figures under a unit header
    stay as written; years are not scaled."""
    assert unit_of_header("Token allocation (m)") == 1e6
    assert unit_of_header("Tokens (in billions)") == 1e9
    assert unit_of_header("Distribution, in millions of tokens") == 1e6
    assert unit_of_header("Budget (in millions USD)") is None
    assert unit_of_header("Use of proceeds (m)") is None
    assert unit_of_header("Token allocation") is None
    assert [a[0] for a in amounts_in("Team 150", unit=1e6)] == [150_000_000]
    assert [a[0] for a in amounts_in("Launch in 2019", unit=1e6)] == []


def test_an_amount_line_with_a_bonus_share_keeps_the_amount():
    """"Pre-ICO: 5,000,000 NOVA (bonus 30%)": the only share on the line is the buyers' bonus; the line
    is an amounts row all the same (before: lines with a percentage were never amount rows, so the list
    had no sale and nothing added up)."""
    text = "\n".join([
        "Token distribution",
        "Total supply: 100,000,000 NOVA",
        "Pre-ICO: 5,000,000 NOVA (bonus 30%)",
        "ICO: 55,000,000 NOVA (bonus up to 15%)",
        "Team: 20,000,000 NOVA",
        "Advisors: 5,000,000 NOVA",
        "Reserve: 15,000,000 NOVA",
    ])
    assert allocation(filler(), text) == [("advisors", 5.0), ("presale_private", 5.0), ("public_sale", 55.0),
                                          ("reserve_treasury", 15.0), ("team_founders", 20.0)]


def test_amounts_adding_up_to_the_supply_stated_pages_before():
    """A list of amounts with no total of its own that adds up exactly to the total supply stated in the
    introduction (before: without the caller's total it was not read)."""
    intro = "Total token supply: 1,000,000,000 NOVA. No further tokens will be created.\n" + filler()
    table = "\n".join(["Token distribution", "Token sale 400,000,000", "Team 200,000,000", "Partners 100,000,000",
                       "Ecosystem 300,000,000"])
    dist = main_distribution(intro, filler(), table)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("ecosystem_community", 30.0), ("partners", 10.0), ("public_sale", 40.0), ("team_founders", 20.0)]
    assert "stated elsewhere" in dist.note


def test_amounts_short_of_a_far_total_are_not_computed():
    """Guard: only the whole list adding up to the far total counts, never a subset of it."""
    intro = "Total token supply: 1,000,000,000 NOVA.\n" + filler()
    table = "\n".join(["Token distribution", "Token sale 400,000,000", "Team 200,000,000", "Partners 100,000,000",
                       "Ecosystem 250,000,000"])
    assert allocation(intro, filler(), table) == []


# --- prose and layout ---------------------------------------------------------------------------------


def test_shares_in_running_prose_over_several_lines():
    """"The founding team will / receive 20%, which vests ... Advisors will be allocated 5%, and the
    remaining 15% will be / held by the foundation": sentences, not a list written on one line (before:
    the line was read as an inline list, "receive" and "which vests ... allocated" became labels)."""
    text = "\n".join([
        "Token distribution",
        "Of all tokens created, 60% will be sold to contributors in the token sale. The founding team will",
        "receive 20%, which vests over 24 months. Advisors will be allocated 5%, and the remaining 15% will be",
        "held by the foundation for future development.",
    ])
    assert allocation(filler(), text) == [("advisors", 5.0), ("public_sale", 60.0), ("reserve_treasury", 15.0),
                                          ("team_founders", 20.0)]


def test_two_legend_columns_flattened_with_names_after_shares():
    """"60% Crowdsale 15% Team": two legend columns on one text line, each name after its share (before:
    the second share took both names, "Crowdsale Team", and was counted as the sale)."""
    text = "\n".join(["Token distribution", "60% Crowdsale 15% Team", "5% Advisors 15% Reserve", "5% Bounty"])
    assert allocation(filler(), text) == [("advisors", 5.0), ("bounty_marketing", 5.0), ("public_sale", 60.0),
                                          ("reserve_treasury", 15.0), ("team_founders", 15.0)]


def test_inline_list_written_on_one_line_still_reads():
    """Guard: "Team 20%, advisors 10% and sale 70%" is still one list on one line."""
    text = "\n".join(["Token allocation", "Distribution: team 20%, advisors 10% and token sale 70%."])
    assert allocation(filler(), text) == [("advisors", 10.0), ("public_sale", 70.0), ("team_founders", 20.0)]


# --- a partial breakdown ------------------------------------------------------------------------------


def test_the_rest_for_the_sale_completes_a_partial_list():
    """"Team 15%, Advisors 5%, Reserve 20%" then "The rest of the tokens will be sold in the crowdsale":
    the sale holds the remainder (before: a partial list of 40%)."""
    text = "\n".join([
        "Token distribution",
        "Team: 15%",
        "Advisors: 5%",
        "Reserve: 20%",
        "The rest of the tokens will be sold in the crowdsale.",
    ])
    dist = main_distribution(filler(), text)
    assert sorted((b.category, b.percent) for b in dist.items) == [
        ("advisors", 5.0), ("public_sale", 60.0), ("reserve_treasury", 20.0), ("team_founders", 15.0)]
    sale = next(b for b in dist.items if b.category == "public_sale")
    assert sale.method == "computed" and "rest of the tokens" in sale.evidence.quote


def test_a_partial_list_without_a_rest_sentence_gets_no_remainder():
    """Guard: without a sentence giving the rest to the sale, nothing is invented."""
    text = "\n".join(["Token distribution", "Team: 15%", "Advisors: 5%", "Reserve: 20%",
                      "All tokens are ERC20 tokens on the Ethereum network."])
    assert ("public_sale", 60.0) not in allocation(filler(), text)


# --- recipient wording --------------------------------------------------------------------------------


def test_plural_and_singular_recipient_words():
    """"Crowdsales", "Teams", "Early adopter": the other number of a word the rules name (before: other);
    a word made plural only counts where that names a recipient ("after" is no "afters")."""
    assert allocation_category("Crowdsales") == "public_sale"
    assert allocation_category("Teams") == "team_founders"
    assert allocation_category("Early adopter") == "ecosystem_community"
    assert allocation_category("of tokens will be immediately transferable after the close of token sale") == "other"
    text = "\n".join(["Token distribution", "Crowdsales 60%", "Teams 20%", "Advisers 5%", "Bounties 5%", "Reserves 10%"])
    assert allocation(filler(), text) == [("advisors", 5.0), ("bounty_marketing", 5.0), ("public_sale", 60.0),
                                          ("reserve_treasury", 10.0), ("team_founders", 20.0)]


def test_the_name_before_the_brackets_is_the_holder():
    """"Community (community projects & bounties)", "Company (Example Ltd): costs of the sale, advisors,
    bounty program": the recipient named first holds the bucket; one the explanation names in passing does
    not outrank it (before: bounty / advisors, tier-1 words in the explanation)."""
    assert allocation_category("Crypto Community (crypto community projects & bounties)") == "ecosystem_community"
    assert allocation_category("Company (Example Ltd): costs of the token sale, advisors, bounty program") == \
        "reserve_treasury"
    assert allocation_category("Community (members promoting the network, including team)") == "ecosystem_community"
    # guards: a tier-1 name first still wins; a sale named in brackets refines a sale
    assert allocation_category("Team (incl. advisors)") == "team_founders"
    assert allocation_category("Sale (pre-sale)") == "presale_private"
    assert allocation_category("Reserve (used for community incentives)") == "reserve_treasury"


def test_pre_sale_and_main_sale_together_are_the_sale():
    """"Open pre-sale and sale via ICO", "Tokens issued (pre-sale and ICO)": both sales in one bucket are
    the token sale (before: pre-sale, the earliest match)."""
    assert allocation_category("Open pre-sale and sale via ICO offering") == "public_sale"
    assert allocation_category("Pre-sale and ICO") == "public_sale"
    assert allocation_category("Presale & crowdsale") == "public_sale"
    assert allocation_category("Private sale and public sale") == "public_sale"
    # guards
    assert allocation_category("Pre-ICO") == "presale_private"
    assert allocation_category("Pre-sale bonus") == "presale_private"
    assert allocation_category("Private sale, pre-sale") == "presale_private"


def test_more_recipient_wordings():
    """Future staff, investors in the company, users' loyalty rewards, promoters, holders of a token."""
    assert allocation_category("Talent pool") == "team_founders"
    assert allocation_category("Future hires") == "team_founders"
    assert allocation_category("Existing shareholders") == "presale_private"
    assert allocation_category("Equity investors") == "presale_private"
    assert allocation_category("Loyalty program") == "ecosystem_community"
    assert allocation_category("Brand ambassadors") == "bounty_marketing"
    assert allocation_category("Token holders") == "ecosystem_community"
    # guards: a sale to holders is a sale; the team as holders is the team
    assert allocation_category("Tokens sold to token holders") == "public_sale"
    assert allocation_category("Team holdings") == "team_founders"


def test_public_and_sale_words_in_other_phrases():
    """"public relations", "public blockchain", "future token sale": the words of a sale in phrases that
    name no sale to buyers now (before: public_sale)."""
    assert allocation_category("Marketing and public relations") == "bounty_marketing"
    assert allocation_category("Public blockchain ecosystem") == "ecosystem_community"
    assert allocation_category("Future token sale (September 2019)") == "reserve_treasury"
    assert allocation_category("Reserved for later sales") == "reserve_treasury"
    # guards
    assert allocation_category("Public") == "public_sale"
    assert allocation_category("Sold to the public") == "public_sale"
    assert allocation_category("Public token sale") == "public_sale"


def test_a_clean_two_bucket_split_under_a_sale_heading_with_money_words():
    """"Tokens offered in the sale: 70%" / "Tokens retained by the company: 30%" under "Token sale", next
    to the price and the cap in dollars: labels that say they split the tokens speak for themselves
    (before: no allocation heading and fewer than two tier-1 names cost the set its place)."""
    text = "\n".join([
        "Token sale",
        "We aim to raise $10,000,000 USD. The price is $0.10 per token.",
        "Tokens offered in the sale: 70%",
        "Tokens retained by the company: 30%",
    ])
    assert allocation(filler(), text) == [("public_sale", 70.0), ("reserve_treasury", 30.0)]


def test_money_split_under_a_sale_heading_is_no_allocation():
    """Guard: shares of the money raised, labelled as spending, stay out of the allocation."""
    text = "\n".join([
        "Token sale",
        "We aim to raise $10,000,000 USD. The price is $0.10 per token.",
        "Funds for development: 70%",
        "Funds for legal costs: 30%",
    ])
    assert allocation(filler(), text) == []


def test_chart_labels_above_bare_amounts():
    """"Token Sale" / "500,000,000" / "Team" / "200,000,000": a chart's labels each above a bare number
    (before: a number with no word on its line was no entry)."""
    text = "\n".join(["Token distribution", "Total supply: 1,000,000,000 NOVA", "Token Sale", "500,000,000", "Team",
                      "200,000,000", "Ecosystem Fund", "300,000,000"])
    assert allocation(filler(), text) == [("ecosystem_community", 30.0), ("public_sale", 50.0), ("team_founders", 20.0)]


def test_ruled_table_column_in_the_unit_of_its_header():
    """A ruled table "Allocation | Tokens (m)" with rows "Token sale | 500": the column's numbers are
    millions (before: numbers under 1,000 were no amounts, the rows were skipped)."""
    from ico_lens.paper.records import Table

    from .distfixtures import document, page

    rows = [["Allocation", "Tokens (m)"], ["Token sale", "500"], ["Team", "200"], ["Ecosystem", "150"], ["Reserve", "150"]]
    doc = document(page(1, filler()), page(2, "Token distribution\nThe table below gives the allocation."),
                   tables=[Table(page=2, bbox=(50, 200, 560, 700), rows=rows)])
    main = extract_allocation(doc, 1_000_000_000)[0]
    assert sorted((b.category, b.percent, b.amount) for b in main.items) == [
        ("ecosystem_community", 15.0, 150_000_000), ("public_sale", 50.0, 500_000_000),
        ("reserve_treasury", 15.0, 150_000_000), ("team_founders", 20.0, 200_000_000)]


def test_a_scale_letter_set_apart_before_the_token_name():
    """"500 M NOVA": million, because the token is named after it (before: "5 m" was always a distance)."""
    assert [a[0] for a in amounts_in("Token sale: 500 M NOVA")] == [500_000_000]
    assert [a[0] for a in amounts_in("1.5 B tokens")] == [1_500_000_000]
    assert amounts_in("a 5 m wide road") == []  # guard
    text = "\n".join(["Token distribution", "Total supply: 1,000 M NOVA", "Token sale: 500 M NOVA", "Team: 200 M NOVA",
                      "Ecosystem: 300 M NOVA"])
    assert allocation(filler(), text) == [("ecosystem_community", 30.0), ("public_sale", 50.0), ("team_founders", 20.0)]


def test_the_sale_spelt_out():
    """"Initial Coin Offering", "Initial token offering participants": the sale in full words (before:
    other / pre-sale, read as "initial ... participants"); a sale in brackets says the tokens are sold."""
    assert allocation_category("Initial Coin Offering") == "public_sale"
    assert allocation_category("Initial token offering participants") == "public_sale"
    assert allocation_category("Community (Initial Coin Offering)") == "public_sale"
    assert allocation_category("Initial investors") == "presale_private"  # guard


def test_shares_in_prose_named_by_the_subject_or_continued_to_the_next_clause():
    """"The team will receive 20% of the tokens, locked ...": the subject names the holder, not the words
    after the share; "A further 15% is kept by" / "the company as a reserve, and the remaining 60% ...": the
    clause goes on up to the conjunction before the next share (before: other, and "is kept by")."""
    text = "\n".join([
        "Token distribution",
        "The team will receive 20% of the tokens, locked for one year. Advisors get 5%. A further 15% is kept by",
        "the company as a reserve, and the remaining 60% is offered to the public in the crowdsale.",
    ])
    assert allocation(filler(), text) == [("advisors", 5.0), ("public_sale", 60.0), ("reserve_treasury", 15.0),
                                          ("team_founders", 20.0)]


def _table_allocation(rows: list[list[str]]) -> list[tuple[str, float | None]]:
    from ico_lens.paper.records import Table

    from .distfixtures import document, page

    doc = document(page(1, filler()), page(2, "Token distribution\nThe table below gives the allocation."),
                   tables=[Table(page=2, bbox=(50, 200, 560, 700), rows=rows)])
    return sorted((b.category, b.percent) for b in extract_allocation(doc)[0].items)


def test_ruled_table_label_from_the_recipient_column():
    """"Phase | Recipient | Share" with rows "Pre-ICO | Team | 20%": the column the header calls the
    recipient holds the label, not the first column with words (before: "Pre-ICO" and "Post-ICO" were the
    labels: a pre-sale and two sales)."""
    rows = [["Phase", "Recipient", "Share"], ["Pre-ICO", "Team", "20%"], ["ICO", "Token sale", "50%"],
            ["Post-ICO", "Ecosystem", "15%"], ["Post-ICO", "Reserve", "15%"]]
    assert _table_allocation(rows) == [("ecosystem_community", 15.0), ("public_sale", 50.0), ("reserve_treasury", 15.0),
                                       ("team_founders", 20.0)]


def test_ruled_table_whose_first_column_is_the_amount():
    """"500,000,000 NOVA | Token sale | 50%": a cell whose only letters are the token's symbol is no label
    (before: every row was labelled "NOVA" and nothing was reported)."""
    rows = [["Tokens", "Recipient", "Share"], ["500,000,000 NOVA", "Token sale", "50%"], ["200,000,000 NOVA", "Team", "20%"],
            ["150,000,000 NOVA", "Ecosystem", "15%"], ["150,000,000 NOVA", "Reserve", "15%"]]
    assert _table_allocation(rows) == [("ecosystem_community", 15.0), ("public_sale", 50.0), ("reserve_treasury", 15.0),
                                       ("team_founders", 20.0)]


def test_created_in_total_is_the_whole_and_issued_to_someone_a_part():
    """"A total of N NOVA will be created" is the whole; "N NOVA will be issued to the team" is a bucket."""
    text = "\n".join([
        "Token distribution",
        "A total of 1,000,000,000 NOVA will be created. Of these, 700,000,000 NOVA will be sold during the ICO,",
        "and 300,000,000 NOVA will be issued to the team.",
    ])
    assert allocation(filler(), text) == [("public_sale", 70.0), ("team_founders", 30.0)]
