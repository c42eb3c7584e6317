"""Label -> category rules for token allocation and use of funds (GOLD.md taxonomy), and stages."""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.taxonomy import (
    ALLOCATION_CATEGORIES,
    ALLOCATION_STAGE,
    FUNDS_CATEGORIES,
    allocation_category,
    allocation_stage,
    funds_category,
)


@pytest.mark.parametrize(
    "label, category",
    [
        ("Token Sale", "public_sale"),
        ("Crowdsale purchasers", "public_sale"),
        ("Public Contributors", "public_sale"),
        ("ICO token purchasers", "public_sale"),
        ("Pre-sale", "presale_private"),  # before "sale"
        ("Presale", "presale_private"),
        ("Pre-ICO investors", "presale_private"),
        ("Sold by the Company to pre-Crowdsale purchasers (SAFT)", "presale_private"),
        ("Private sale and strategic investors", "presale_private"),
        ("Token Sale and Pre-sale", "public_sale"),  # the recipient named first wins
        ("Founders and Staff", "team_founders"),
        ("Core team members", "team_founders"),
        ("Advisors & partners", "advisors"),  # GOLD.md: not separable -> advisors
        ("Partnerships and Advisory", "advisors"),
        ("Early Backers, Partners and Advisors", "advisors"),
        ("Strategic partners", "partners"),
        ("Reserve for Future Stakeholders", "reserve_treasury"),
        ("Foundation - future needs", "reserve_treasury"),
        ("Development fund", "reserve_treasury"),
        ("Reserved by the Company to incentivize community, beta testers and strategic partners", "ecosystem_community"),
        ("Community Development and Liquidity", "ecosystem_community"),
        ("Reward early contributors (data miners)", "ecosystem_community"),
        ("Bounty towards marketing and Token Sale promotion", "bounty_marketing"),
        ("Airdrop", "bounty_marketing"),
        ("Marketing and promotion", "bounty_marketing"),
        ("Liquidity provision for exchanges", "liquidity"),
        ("Released based on Proof-of-Stake to all token holders", "mining_staking"),
        ("Staking rewards", "mining_staking"),
        ("Coin option plan", "other"),
        ("of tokens will be immediately transferable after the close of token sale", "other"),  # sale as a date
    ],
)
def test_allocation_labels(label, category):
    assert allocation_category(label) == category


@pytest.mark.parametrize(
    "label, category",
    [
        ("Product Development", "development"),
        ("Business Development", "marketing"),  # before "development"
        ("R&D", "development"),
        ("Sales and Marketing", "marketing"),
        ("Legal and Compliance", "legal_compliance"),
        ("Licensing", "legal_compliance"),
        ("Operations", "operations"),
        ("G&A", "operations"),
        ("HR/Personnel", "operations"),
        ("Contingency Fund", "reserve_contingency"),
        ("Capital requirements", "reserve_contingency"),
        ("Security", "infrastructure"),
        ("Strategic acquisitions", "partnerships_acquisitions"),
        ("Tax", "other"),
    ],
)
def test_funds_labels(label, category):
    assert funds_category(label) == category


def test_every_allocation_category_has_a_stage():
    assert set(ALLOCATION_STAGE) == set(ALLOCATION_CATEGORIES)
    assert allocation_stage("team_founders") == "pre_ico"
    assert allocation_stage("presale_private") == "pre_ico"
    assert allocation_stage("public_sale") == "ico"
    assert allocation_stage("mining_staking") == "post_ico"
    assert allocation_stage("reserve_treasury") == "post_ico"
    assert allocation_stage("other") == "unknown"


def test_categories_are_gold_md_names():
    assert "ecosystem_community" in ALLOCATION_CATEGORIES and "bounty_marketing" in ALLOCATION_CATEGORIES
    assert set(FUNDS_CATEGORIES) >= {"development", "marketing", "operations", "legal_compliance",
                                     "reserve_contingency", "infrastructure", "partnerships_acquisitions", "other"}
