"""Token allocation: every extraction path on generated fixtures (records and small PDFs)."""

from __future__ import annotations

import pytest

from ico_lens.paper.records import Figure, Table
from ico_lens.paper.tokenomics.allocation import extract_allocation, vesting_terms
from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution

from .distfixtures import chart_only_pdf, document, filler, legend_pdf, page, text_document, words_of


def buckets(dist: Distribution) -> list[tuple[str, float | None]]:
    return [(b.category, b.percent) for b in dist.items]


def main(doc, **kw) -> Distribution:
    result = extract_allocation(doc, **kw)
    assert result and result[0].is_main
    assert sum(d.is_main for d in result) == 1
    return result[0]


# --- ruled tables


def test_ruled_two_column_table():
    text = "Token Distribution\nThe tokens are distributed as follows:\n" + "\n".join(
        ["Public sale 60%", "Team 20%", "Advisors 5%", "Reserve 15%"]
    )
    table = Table(page=2, bbox=(60, 100, 500, 300),
                  rows=[["Allocation", "Share"], ["Public sale", "60%"], ["Team", "20%"], ["Advisors", "5%"],
                        ["Reserve", "15%"]])
    dist = main(document(page(1, filler()), page(2, text), tables=[table]))
    assert dist.source == "table"
    assert buckets(dist) == [("public_sale", 60.0), ("team_founders", 20.0), ("advisors", 5.0), ("reserve_treasury", 15.0)]
    assert dist.sum_percent == 100.0 and dist.residual == 0.0
    assert all(b.page == 2 and b.method == "table" for b in dist.items)
    assert [b.stage for b in dist.items] == ["ico", "pre_ico", "pre_ico", "post_ico"]


def test_table_with_percent_and_amount_columns_and_split_label_cells():
    rows = [
        ["Percentage\nallocation", "Token\nHolders", "Intended use", "Amount of\nRKT"],
        ["35.0%", "Token Sale", "Private and public sale.", "315,000,000\nRKT"],
        ["", "", "further development of the ecosystem", ""],  # a description wrapped into its own row
        ["30.0%", "Reserve", "Kept for the future.", "270,000,000\nRKT"],
        ["20.0%", "Founders and\nStaff", "Locked up for 6 months", "180,000,000\nRKT"],
        ["15.0%", "Early\nBackers,\nPartners and\nAdvisors", "Recognition of their efforts", "135,000,000\nRKT"],
    ]
    text = "Rock Token distribution\nRock Tokens are proposed to be distributed as follows:\n" + "\n".join(
        " ".join(c.replace("\n", " ") for c in r) for r in rows
    )
    doc = document(page(1, filler()), page(2, text), tables=[Table(page=2, bbox=(50, 200, 560, 700), rows=rows)])
    dist = main(doc)
    assert dist.source == "table"
    assert buckets(dist) == [("public_sale", 35.0), ("reserve_treasury", 30.0), ("team_founders", 20.0), ("advisors", 15.0)]
    assert dist.items[0].amount == 315_000_000
    assert dist.items[3].label == "Early Backers, Partners and Advisors"


def test_subtotal_rows_are_dropped_for_their_leaves():
    text = "\n".join([
        "The total supply allocation is planned as follows:",
        "Locked amount 80,0%", "TimeLock contracts 50,0%", "Founders 20,0%", "ICO (locked until 01.10.2017) 10,0%",
        "Unlocked amount 20,0%", "Presale 15,0%", "Core team members 5,0%",
    ])
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("other", 50.0), ("team_founders", 20.0), ("public_sale", 10.0),
                             ("presale_private", 15.0), ("team_founders", 5.0)]


def test_table_row_that_equals_the_rows_below_by_chance_is_not_a_subtotal():
    # Team 20% = Advisors 5% + Reserve 15%, but they are sibling rows of one table (the aurevo sample)
    table = Table(page=2, bbox=(60, 100, 500, 300),
                  rows=[["Pool", "Share"], ["Token sale", "60%"], ["Team", "20%"], ["Advisors", "5%"], ["Reserve", "15%"]])
    text = "Token Distribution\nPool Share\nToken sale 60%\nTeam 20%\nAdvisors 5%\nReserve 15%"
    # a stray 20% just before: with Team taken for a subtotal, it would fill Team's place
    stray = filler(3) + "\nHotels buy tokens to fund their rewards, and 20% of all fees are used to buy back tokens."
    dist = main(document(page(1, stray), page(2, text), tables=[table]))
    assert buckets(dist) == [("public_sale", 60.0), ("team_founders", 20.0), ("advisors", 5.0), ("reserve_treasury", 15.0)]


# --- prose and lists


def test_second_share_in_a_sentence_takes_its_own_clause_and_labels_may_start_a_line_above():
    text = "\n".join([
        "Token Distribution",
        "40% of tokens will be sold in the crowdsale and a further 10% were sold in the private pre-sale in March.",
        "The rest is allocated as follows. Team: 150,000,000 (15%). Advisors: 50,000,000 (5%). Community",
        "grants for agents and cooperatives: 270,000,000 (27%). Bounty programme: 30,000,000 (3%).",
    ])
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("public_sale", 40.0), ("presale_private", 10.0), ("team_founders", 15.0),
                             ("advisors", 5.0), ("ecosystem_community", 27.0), ("bounty_marketing", 3.0)]
    assert "crowdsale" not in dist.items[1].label  # its own clause, not the first share's
    assert dist.items[4].label.startswith("Community grants")


def test_prose_sentences():
    text = "\n".join([
        "Token Allocation",
        "A total of 1,000,000,000 XYZ tokens will be created. 40% of tokens will be sold in the crowdsale.",
        "Team: 150,000,000 (15%), locked for 24 months with a 6 month cliff.",
        "A further 25% of the tokens are kept by the foundation as a reserve, and 20% go to the community",
        "through grants and user rewards.",
    ])
    dist = main(text_document(filler(), text))
    assert sorted(buckets(dist)) == sorted([("public_sale", 40.0), ("team_founders", 15.0), ("reserve_treasury", 25.0),
                                            ("ecosystem_community", 20.0)])
    team = next(b for b in dist.items if b.category == "team_founders")
    assert team.amount == 150_000_000
    assert (team.vesting_months, team.cliff_months) == (24, 6)
    assert dist.source == "text" and "40%" in dist.items[0].evidence.quote and dist.items[0].page == dist.items[0].evidence.page


@pytest.mark.parametrize(
    "line",
    [
        "Distribution: 60% crowdsale, 20% team, 10% advisors and 10% bounty.",
        "The token allocation is as follows: 60% for the crowdsale; 20% for the team (4 year vesting, 1 year cliff); "
        "10% for advisors; 10% for the bounty program.",
        "Token allocation: Crowdsale 60%, team 20%, advisors 10% and bounty 10%.",
    ],
)
def test_lists_written_on_one_line(line):
    dist = main(text_document(filler(), "Token Metrics\nTotal supply: 500,000,000 XYZ\n" + line))
    assert buckets(dist) == [("public_sale", 60.0), ("team_founders", 20.0), ("advisors", 10.0), ("bounty_marketing", 10.0)]
    team = dist.items[1]
    assert (team.vesting_months, team.cliff_months) == ((48, 12) if "vesting" in line else (None, None))


def test_row_with_a_note_in_brackets():
    text = "Token allocation\nTeam 15% (vested over 24 months)\nPublic sale ........ 50%\nAdvisors .......... 5%\n" \
           "Company reserve ..... 30%"
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("team_founders", 15.0), ("public_sale", 50.0), ("advisors", 5.0), ("reserve_treasury", 30.0)]
    assert dist.items[0].label == "Team (vested over 24 months)" and dist.items[0].vesting_months == 24
    assert dist.items[1].vesting_months is None  # the team's vesting is not the sale's


def test_heading_and_sentence_are_one_bucket_and_vesting_shares_are_not_buckets():
    text = "\n".join([
        "Token Allocation",
        "Public Contributors (60%)",
        "60% of all tokens will be made available to the community.",
        "Core Team (25%)",
        "25% of the supply will be allocated to the core team.",
        "Vesting: 80% of tokens with 6 month vesting and 3 month cliff. 20% of tokens will be",
        "immediately transferable after the close of token sale.",
        "Bounties (15%)",
        "Max of 15% of tokens are allocated for bounty campaigns.",
    ])
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("public_sale", 60.0), ("team_founders", 25.0), ("bounty_marketing", 15.0)]
    assert dist.residual == 0.0


def test_nested_split_prefers_the_finer_buckets():
    text = "\n".join([
        "Token Sale Structure",
        "The tokens will be allocated in the following manner:",
        "• 60% will be distributed through the Token Sale;",
        "- 40% of which will be sold",
        "- 20% of which will be reserved to pay bonuses",
        "• 30% of the tokens will be reserved for the team;",
        "• 10% will be given to partners and advisers.",
    ])
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("public_sale", 40.0), ("public_sale", 20.0), ("team_founders", 30.0), ("advisors", 10.0)]


def test_share_of_the_remaining_is_not_a_base_percentage():
    text = "\n".join([
        "Allocation",
        "70% of tokens will be sold during the Token Sale.",
        "15% of the remaining 30% will be distributed to vendors to bootstrap the ecosystem.",
        "The final 15% of tokens will be used by the company to accelerate adoption of the ecosystem.",
    ])
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("public_sale", 70.0), ("ecosystem_community", 15.0), ("ecosystem_community", 15.0)]


def test_bonus_tiers_and_use_of_funds_are_not_allocation():
    text_alloc = "\n".join([
        "Token distribution",
        "50% - Crowdsale",
        "30% - Team and founders",
        "20% - Reserve",
        "Early buyers receive a 20% bonus in the first week and a 10% bonus in the second week.",
    ])
    text_funds = "\n".join([
        "Use of Proceeds",
        "The funds raised will be spent as follows:",
        "Development 50%", "Marketing 30%", "Legal 10%", "Operations 10%",
    ])
    dist = main(text_document(filler(), text_alloc, filler(), text_funds))
    assert buckets(dist) == [("public_sale", 50.0), ("team_founders", 30.0), ("reserve_treasury", 20.0)]
    assert all(b.page == 2 for b in dist.items)


def test_only_a_use_of_funds_gives_no_allocation():
    text = "\n".join(["Use of funds", "Development 50%", "Marketing 30%", "Legal 10%", "Operations 10%"])
    dist = main(text_document(filler(), text))
    assert dist.source == "none" and dist.items == []


# --- amounts only


def test_amounts_only_with_total_supply_parameter():
    text = "\n".join([
        "Token Distribution",
        "Crowdsale: 600,000,000 tokens",
        "Team: 150,000,000 tokens",
        "Advisors: 50,000,000 tokens",
        "Ecosystem rewards: 200,000,000 tokens",
    ])
    dist = main(text_document(filler(), text), total_supply=1_000_000_000)
    assert buckets(dist) == [("public_sale", 60.0), ("team_founders", 15.0), ("advisors", 5.0), ("ecosystem_community", 20.0)]
    assert all(b.method == "computed" for b in dist.items)
    assert "computed" in dist.note


def test_amounts_only_with_total_stated_before_the_list():
    text = "\n".join([
        "Token Distribution",
        "The total supply is 2,000,000,000 ABC. It will be distributed as follows:",
        "• 1,000,000,000 for the public sale",
        "• 400,000,000 for the founders",
        "• 600,000,000 for the foundation reserve",
    ])
    dist = main(text_document(filler(), text))
    assert buckets(dist) == [("public_sale", 50.0), ("team_founders", 20.0), ("reserve_treasury", 30.0)]


def test_amounts_without_any_total_are_not_guessed():
    text = "\n".join(["Token Distribution", "Crowdsale: 600,000,000 tokens", "Team: 150,000,000 tokens"])
    dist = main(text_document(filler(), text))
    assert dist.items == [] or all(b.percent is None for b in dist.items)


# --- layout: chart legends with word coordinates


def test_legend_layout_pairs_numbers_with_their_own_row():
    # labels at x=80, numbers at x=420: columns apart; each row must keep its own number
    rows = [[(60, "Token Distribution")], [(80, "Token sale"), (420, "55%")], [(80, "Team and founders"), (420, "15%")],
            [(80, "Advisors"), (420, "5%")], [(80, "Ecosystem fund"), (420, "20%")], [(80, "Bounty program"), (420, "5%")]]
    words = words_of(rows)
    text = "Token Distribution\nToken sale\nTeam and founders\nAdvisors\nEcosystem fund\nBounty program\n55%\n15%\n5%\n20%\n5%"
    dist = main(document(page(1, filler()), page(2, text, words=words)))
    assert buckets(dist) == [("public_sale", 55.0), ("team_founders", 15.0), ("advisors", 5.0),
                             ("ecosystem_community", 20.0), ("bounty_marketing", 5.0)]
    assert {b.method for b in dist.items} == {"layout"}


def test_two_column_legend_pairs_each_number_with_the_label_on_its_left():
    # a pie legend in two columns: "label ... NN%   label ... NN%"; the right column's label is nearer
    # to the left column's number than that number's own label, and must not take it
    rows = [[(60, "Final token distribution")],
            [(92, "Public token sale"), (262, "45%"), (327, "Company reserve"), (502, "8%")],
            [(92, "Pre-sale"), (262, "10%"), (327, "Advisors"), (502, "4%")],
            [(92, "Community rewards"), (262, "15%"), (327, "Bounty and airdrop"), (502, "4%")],
            [(92, "Team"), (262, "14%")]]
    text = ("Final token distribution\nPublic token sale\nPre-sale\nCommunity rewards\nTeam\nCompany reserve\n"
            "Advisors\nBounty and airdrop\n45%\n10%\n15%\n14%\n8%\n4%\n4%")
    dist = main(document(page(1, filler()), page(2, text, words=words_of(rows))))
    assert sorted(buckets(dist)) == sorted([
        ("public_sale", 45.0), ("presale_private", 10.0), ("ecosystem_community", 15.0), ("team_founders", 14.0),
        ("reserve_treasury", 8.0), ("advisors", 4.0), ("bounty_marketing", 4.0)])


def test_legend_read_number_first():
    rows = [[(60, "Token Allocation")], [(80, "50%"), (120, "Token sale")], [(80, "30%"), (120, "Team")],
            [(80, "20%"), (120, "Reserve")]]
    text = "Token Allocation\n50%\n30%\n20%\nToken sale\nTeam\nReserve"
    dist = main(document(page(1, filler()), page(2, text, words=words_of(rows))))
    assert buckets(dist) == [("public_sale", 50.0), ("team_founders", 30.0), ("reserve_treasury", 20.0)]


def test_legend_with_labels_above_their_numbers_and_wrapped_labels():
    # a pie legend: each label (maybe on two lines) sits right above its percentage
    words = words_of([[(60, "Token Distribution Scheme")]], top=60)
    for x, label_lines, pct in [(60, ["Token Issue"], "50%"), (200, ["Founding Team and", "Early Contributors"], "30%"),
                                (360, ["Community"], "20%")]:
        y = 200.0
        for line in label_lines:
            words += words_of([[(x, line)]], top=y)
            y += 12
        words += words_of([[(x, pct)]], top=y + 4)
    text = "Token Distribution Scheme\nToken Issue\n50%\nFounding Team and\nEarly Contributors\n30%\nCommunity\n20%"
    dist = main(document(page(1, filler()), page(2, text, words=words)))
    assert sorted(buckets(dist)) == sorted([("public_sale", 50.0), ("team_founders", 30.0), ("ecosystem_community", 20.0)])
    team = next(b for b in dist.items if b.category == "team_founders")
    assert team.label == "Founding Team and Early Contributors"


def test_legend_pdf_through_ingestion(tmp_path):
    from ico_lens.paper.ingest import open_document

    doc = open_document(legend_pdf(tmp_path / "legend.pdf"), isolate=False)
    dist = main(doc)
    assert buckets(dist) == [("public_sale", 55.0), ("team_founders", 15.0), ("advisors", 5.0),
                             ("ecosystem_community", 20.0), ("bounty_marketing", 5.0)]
    assert dist.pages == [2]


# --- image-only chart, nothing, other languages, several distributions


def test_chart_without_text_layer_is_image():
    text = "Token Allocation\nThe allocation is shown in the chart below."
    figure = Figure(page=2, bbox=(60, 160, 510, 460), pixel_width=1200, pixel_height=800)
    dist = main(document(page(1, filler()), page(2, text, image_count=1), figures=[figure]))
    assert dist.source == "image" and dist.items == [] and dist.pages == [2]
    assert "chart" in dist.note


def test_chart_pdf_through_ingestion_is_image(tmp_path):
    from ico_lens.paper.ingest import open_document

    doc = open_document(chart_only_pdf(tmp_path / "chart.pdf"), isolate=False)
    dist = main(doc)
    assert dist.source == "image" and dist.pages == [2]


def test_decorative_picture_under_an_unrelated_heading_is_none():
    text = "Cash flow distribution\nPayments are distributed to the holders of the asset every month."
    figure = Figure(page=2, bbox=(60, 160, 510, 460), pixel_width=1200, pixel_height=800)
    dist = main(document(page(1, filler()), page(2, text, image_count=1), figures=[figure]))
    assert dist.source == "none"


def test_no_allocation_is_none():
    dist = main(text_document(filler(), filler()))
    assert (dist.source, dist.items, dist.sum_percent, dist.residual) == ("none", [], None, None)


def test_other_language_is_reported():
    text = "Distribución de tokens\nVenta pública 60%\nEquipo 20%\nReserva 20%"
    dist = main(text_document(filler(), text, language="other"))
    assert "not in English" in dist.note


def test_several_distributions_main_first_others_marked():
    presale = "\n".join(["Pre-sale token allocation (March)", "Crowdsale 50%", "Team 30%", "Reserve 20%"])
    final = "\n".join(["Final token allocation", "The token distribution is as follows:", "Crowdsale 60%", "Team 20%",
                       "Advisors 5%", "Bounty 5%", "Reserve 10%"])
    result = extract_allocation(text_document(filler(), presale, filler(), final))
    assert len(result) == 2
    assert result[0].is_main and not result[1].is_main
    assert buckets(result[0]) == [("public_sale", 60.0), ("team_founders", 20.0), ("advisors", 5.0),
                                  ("bounty_marketing", 5.0), ("reserve_treasury", 10.0)]
    assert "not the main one" in result[1].note


def test_residual_reported_when_buckets_do_not_sum_to_100():
    text = "\n".join(["Token Allocation", "Crowdsale 60%", "Team 20%", "Advisors 10%"])
    dist = main(text_document(filler(), text))
    assert dist.sum_percent == 90.0 and dist.residual == 10.0
    assert "not 100%" in dist.note


def test_records_serialise_with_gold_field_names():
    from ico_lens.records import to_dict

    text = "\n".join(["Token Allocation", "Crowdsale 60%", "Team 40%"])
    data = to_dict(main(text_document(filler(), text)))
    bucket = data["items"][0]
    assert set(bucket) >= {"label", "category", "percent", "page", "vesting_months", "cliff_months", "stage", "evidence"}
    assert isinstance(main(text_document(filler(), text)).items[0], AllocationBucket)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vesting: 2 year vesting with 6 month cliff.", (24, 6)),
        ("locked via smart contract for 12 months", (12, None)),
        ("a time-locked vault that prohibits transfers for 180 days", (6, None)),
        ("will be gradually vested over a 12-months period", (12, None)),
        ("no lock at all", (None, None)),
    ],
)
def test_vesting_terms(text, expected):
    assert vesting_terms(text) == expected
