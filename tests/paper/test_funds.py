"""Use of funds: percent lists, money amounts, tables, charts, and not mistaking the token allocation."""

from __future__ import annotations

from ico_lens.paper.records import Figure, Table
from ico_lens.paper.tokenomics.funds import extract_use_of_funds

from .distfixtures import document, filler, page, text_document


def items(dist):
    return [(i.category, i.percent) for i in dist.items]


def main(doc):
    result = extract_use_of_funds(doc)
    assert result[0].is_main
    return result[0]


def test_percent_list_after_a_heading():
    text = "\n".join([
        "Use of Proceeds",
        "We envision that ETH derived from the sale will be allocated in the following manner:",
        "54.5% - Protocol and Software Development",
        "3.0% - Office Expenses",
        "14.5% - Legal",
        "18.0% - Marketing",
        "10.0% - Tax",
    ])
    dist = main(text_document(filler(), text))
    assert items(dist) == [("development", 54.5), ("operations", 3.0), ("legal_compliance", 14.5), ("marketing", 18.0),
                           ("other", 10.0)]
    assert dist.source == "text" and dist.residual == 0.0


def test_money_amounts_become_percentages_of_their_sum():
    text = "\n".join([
        "APPLICATION OF RAISED FUNDS",
        "The funds raised through the Token Sale will be applied in the following ways:",
        "• $3 million – Expanding and strengthening our team and opening new offices.",
        "• $2 million – Enhancing system efficiency. This includes distributing servers around the world.",
        "• $4 million – Marketing and PR.",
        "• $1 million – Reserve fund.",
    ])
    dist = main(text_document(filler(), text))
    assert items(dist) == [("operations", 30.0), ("infrastructure", 20.0), ("marketing", 40.0), ("reserve_contingency", 10.0)]
    assert all(i.method == "computed" for i in dist.items)
    assert dist.items[0].amount == 3_000_000


def test_headings_with_paragraphs():
    text_a = "\n".join([
        "15 - Use of Proceeds",
        "Product Development (40%)",
        "The main use of funds will be to release the platform.",
        "The 40% allocated for product development includes:",
        "• Software licenses and server expenses;",
        "• Office expenses;",
        "Business Development (35%)",
        "We will use 35% of the funds raised for partnerships and new markets.",
    ])
    text_b = "\n".join([
        "Communication and Marketing (15%)",
        "We will run marketing campaigns to increase adoption.",
        "Other Expenses (10%)",
        "Administrative and operational costs will consist of 10% of the total.",
    ])
    dist = main(text_document(filler(), text_a, text_b))
    assert items(dist) == [("development", 40.0), ("marketing", 35.0), ("marketing", 15.0), ("operations", 10.0)]
    assert dist.pages == [2, 3]


def test_token_allocation_is_not_use_of_funds():
    alloc = "\n".join(["Token distribution", "The tokens are allocated as follows:", "60% - Token sale", "25% - Team",
                       "15% - Advisors"])
    dist = main(text_document(filler(), alloc))
    assert dist.source == "none" and dist.items == []


def test_both_in_one_paper_are_kept_apart():
    alloc = "\n".join(["Token distribution", "60% - Token sale", "25% - Team", "15% - Reserve"])
    funds = "\n".join(["Use of funds", "Development 50%", "Marketing 30%", "Legal 10%", "Operations 10%"])
    dist = main(text_document(filler(), alloc, filler(), funds))
    assert items(dist) == [("development", 50.0), ("marketing", 30.0), ("legal_compliance", 10.0), ("operations", 10.0)]
    assert dist.pages == [4]


def test_ruled_table():
    text = "Fund usage\nR&D 30%\nMarketing 50%\nOperations 10%\nOthers 10%"
    table = Table(page=2, bbox=(60, 100, 500, 300),
                  rows=[["Item", "Share"], ["R&D", "30%"], ["Marketing", "50%"], ["Operations", "10%"], ["Others", "10%"]])
    dist = main(document(page(1, filler()), page(2, text), tables=[table]))
    assert dist.source == "table"
    assert items(dist) == [("development", 30.0), ("marketing", 50.0), ("operations", 10.0), ("other", 10.0)]


def test_budget_chart_without_numbers_is_image():
    text = "Project Long Term Budget\nThe budget is shown below."
    figure = Figure(page=2, bbox=(60, 160, 510, 460), pixel_width=1000, pixel_height=700)
    dist = main(document(page(1, filler()), page(2, text, image_count=1), figures=[figure]))
    assert dist.source == "image" and dist.pages == [2]


def test_nothing_is_none():
    dist = main(text_document(filler(), filler()))
    assert dist.source == "none" and dist.items == []


def test_matrix_table_gives_one_breakdown_per_row():
    rows = [["", "R&D", "Offline promotion & installations", None, "Operations", "Others"],
            ["< 20 mil tokens", "30%", "50%", None, "10%", "10%"],
            ["> 30 mil tokens", "18%", "68%", None, "7%", "7%"]]
    text = "15.5. Fund usage\nR&D Offline promotion & installations Operations Others\n" \
           "< 20 mil tokens 30% 50% 10% 10%\n> 30 mil tokens 18% 68% 7% 7%"
    doc = document(page(1, filler()), page(2, text), tables=[Table(page=2, bbox=(80, 570, 530, 720), rows=rows)])
    result = extract_use_of_funds(doc)
    breakdowns = sorted(items(d) for d in result)
    assert [("development", 18.0), ("marketing", 68.0), ("operations", 7.0), ("other", 7.0)] in breakdowns
    assert [("development", 30.0), ("marketing", 50.0), ("operations", 10.0), ("other", 10.0)] in breakdowns
    assert result[0].source == "table" and sum(d.is_main for d in result) == 1
