"""Token terms: numbers as papers write them, and each term on realistic sentences (found / not / silent)."""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.evidence import find_quantities, page_sentences
from ico_lens.paper.tokenomics.terms import (
    extract_terms,
    find_decimals,
    find_hard_cap,
    find_soft_cap,
    find_standard,
    find_symbol,
    find_token_price,
    find_total_supply,
)

from .textdoc import make_document


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,000,000,000", 1e9),
        ("1 billion", 1e9),
        ("100 million", 1e8),
        ("160 Million", 1.6e8),
        ("1.5B", 1.5e9),
        ("2,5 billion", 2.5e9),
        ("1 000 000 000", 1e9),
        ("8 000 000 000 000", 8e12),
        ("1.000.000.000", 1e9),
        ("25'000", 25_000),
        ("one billion", 1e9),
        ("eight trillion", 8e12),
        ("1,275,455.31177803", 1_275_455.31177803),
        ("$0.01", 0.01),
    ],
)
def test_numbers_as_papers_write_them(text, value):
    assert find_quantities(text)[0].value == pytest.approx(value)


def test_a_distance_in_metres_is_not_a_million():
    assert find_quantities("a 5 m cable")[0].value == 5


def test_sentences_join_lines_but_not_bullets():
    text = "The total supply will be one billion FUEL\ntokens and will never be increased.\n● Hard Cap: 26,790 ETH\n● Token Price: 2000 AUC / ETH"
    assert page_sentences(text) == [
        "The total supply will be one billion FUEL tokens and will never be increased.",
        "● Hard Cap: 26,790 ETH",
        "● Token Price: 2000 AUC / ETH",
    ]


# ---------------------------------------------------------------------------------------------
# total supply

SUPPLY_FOUND = [
    ("Token Sale Summary\n● Token Price: 2000 AUC / ETH\n● Total Token Supply: 106,000,000 AUC\n", 106_000_000),
    ("Total supply: 100,000,000 AUC", 100_000_000),
    ("The total supply will be one billion FUEL tokens and will never be increased beyond this cap.", 1_000_000_000),
    ("The issuance of 1WO currency is capped at 160 Million tokens and no additional issuances\nare planned.", 160_000_000),
    ("Max supply: 1.5B XYZ", 1_500_000_000),
    ("SNOV tokens are created on the Ethereum platform. The total amount of 2,5 billion tokens will be issued, "
     "60% of which or 1,5 billion will be available for purchase during the Token Sale.", 2_500_000_000),
    ("Total Amount of Dentacoin DCN 8 000 000 000 000", 8_000_000_000_000),
    ("Initially the system will generate 100 million PSTs, of which 51 million will go to the community.", 100_000_000),
    # decimals confusion: the supply written in base units
    ("Token details\nDecimals: 18\nTotal supply: 1000000000000000000000000000", 1_000_000_000),
    # a two-column table flattened into labels then values
    ("Token Details\nCurrency Code\nType\nTotal token premine amount\nRFR\nUtility Token\n5,000,000,000", 5_000_000_000),
]


@pytest.mark.parametrize("text, value", SUPPLY_FOUND)
def test_total_supply_found(text, value):
    term = find_total_supply(make_document(text))
    assert term is not None and term.value == value
    assert term.evidence[0].page == 1


SUPPLY_NOT = [
    "1,500,000,000 tokens will be available for sale in the crowdsale.",
    "Hard cap: 30,000 ETH. Soft cap: 5,000 ETH.",
    "We have raised $10,000,000 in total from 2,000 investors.",
    "Hard-capped Presale volume:\n80 000 000 000 DCN (1% of the total supply)",
    "Our platform processes 1,000,000 transactions per day for 250,000 users.",
]


@pytest.mark.parametrize("text", SUPPLY_NOT)
def test_total_supply_not_taken_from_sale_money_or_shares(text):
    assert find_total_supply(make_document(text)) is None


def test_grouped_supply_is_not_divided_by_the_decimals():
    doc = make_document("Token Symbol HORSE\nDecimals: 5\nTotal Fixed Supply 125,000,000 HORSE tokens minted")
    assert find_total_supply(doc).value == 125_000_000


def test_table_of_contents_lines_are_not_statements():
    doc = make_document("Contents\nTotal supply of 1,000,000,000 tokens ............ 12\nTeam vesting ....... 14")
    assert find_total_supply(doc) is None


def test_total_supply_silent_paper():
    assert find_total_supply(make_document("Our platform connects dentists and patients.", "Roadmap: Q3 2018 launch.")) is None


def test_total_supply_prefers_the_total_over_the_sale_tranche_and_keeps_page():
    doc = make_document(
        "Token sale\n600,000,000 tokens will be offered for sale to the public.",
        "Token economics\nThe total supply of ABC is fixed at 1,000,000,000 tokens.",
    )
    term = find_total_supply(doc, symbol="ABC")
    assert term.value == 1_000_000_000
    assert term.evidence[0].page == 2
    assert "1,000,000,000" in term.evidence[0].quote


# ---------------------------------------------------------------------------------------------
# symbol, standard, decimals


@pytest.mark.parametrize(
    "text, symbol",
    [
        ("Primas Token (PST) is the token of the Primas community. PST holders earn rewards.", "PST"),
        ("Token name Privatix Token\nTicker PRIX\nType ERC20 ( Ethereum )", "PRIX"),
        ("Pundi X will be issuing ERC20 compliant tokens with the ticker \"PXS\".", "PXS"),
        ("Ratio of 1 ETH = 500 PXS during the first week.", "PXS"),
    ],
)
def test_symbol_found(text, symbol):
    assert find_symbol(make_document(text)).value == symbol


def test_symbol_needs_a_strong_statement_or_repeated_token_mentions():
    team = "\n".join(f"Person {i} Smith (LINKEDIN), Founder and engineer." for i in range(6))
    assert find_symbol(make_document(team)) is None
    doc = make_document("Issue our own UTRUST token (UTK) alongside the platform. UTRUST tokens, UTRUST tokens, UTRUST tokens.")
    assert find_symbol(doc).value == "UTK"


def test_symbol_that_abbreviates_the_token_name_is_kept():
    doc = make_document("Users can purchase a Credit Protocol Token (CPT), which funds the protocol. CPT tokens are ERC20.")
    assert find_symbol(doc).value == "CPT"


@pytest.mark.parametrize(
    "text",
    [
        "In-App Billing (IAB), also called In-App Purchases, is common.",
        "DMA will serve as a member of the adChain Association (ACA), a nonprofit body.",
        "Adversaries cannot corrupt the trusted third party of Assumption (II).",
    ],
)
def test_symbol_not_taken_from_other_abbreviations(text):
    assert find_symbol(make_document(text)) is None


def test_symbol_not_taken_from_abbreviations_or_currencies():
    doc = make_document(
        "Using Natural Language Processing (NLP) and the Engine Control Unit (ECU) we price in USD and ETH.",
        "Contributions are accepted in BTC (Bitcoin) and ETH tokens.",
    )
    assert find_symbol(doc) is None


@pytest.mark.parametrize(
    "text, standard",
    [
        ("The smart contract that defines the AUC token is compliant with the ERC-20 and ERC-223 standards.", "ERC223"),
        ("CAT will be implemented as an ERC20 Token to ensure maximum compatibility.", "ERC20"),
        ("Ink will issue INK tokens based on the QRC-20 standard of Qtum Blockchain.", "other"),
        ("eToken also implements EIP20, also known as Standardized Contract API.", "ERC20"),
    ],
)
def test_standard_found(text, standard):
    assert find_standard(make_document(text)).value == standard


def test_standard_not_taken_from_wallet_support():
    doc = make_document("Parity: supports the digital assets conforming to the ERC20 standard.\nMetaMask wallets support ERC20.")
    assert find_standard(doc) is None


def test_decimals():
    assert find_decimals(make_document("- Public constant decimals: 18")).value == 18
    assert find_decimals(make_document("Our team has 18 members.")) is None


# ---------------------------------------------------------------------------------------------
# money terms and dates


def test_hard_cap_soft_cap_price_and_dates_from_a_sale_summary():
    doc = make_document(
        "Token Sale Summary\n● Token Price: 2000 AUC / ETH\n● Total Token Supply: 106,000,000 AUC\n"
        "● Launch Date: 27 March 2018, 2pm GMT\n● End Date: 31 March 2018, 2pm GMT\n"
        "● Total Minimum Cap: 4300 ETH\n● Hard Cap: 26,790 ETH\n"
    )
    terms = extract_terms(doc)
    assert terms.value("hard_cap") == "26,790 ETH"
    assert terms.value("soft_cap") == "4300 ETH"
    assert terms.value("token_price") == "2000 AUC / ETH"
    assert terms.value("sale_start") == "27 March 2018"
    assert terms.value("sale_end") == "31 March 2018"
    assert terms.value("symbol") == "AUC"


@pytest.mark.parametrize(
    "text, price",
    [
        ("We will release tokens for the Token Sale at a base price of $0.01 USD.", "$0.01 USD"),
        ("LUN purchased per Ether: 44 LUN per Ether", "44 LUN per Ether"),
        ("Ratio of 1 ETH = 500 PXS", "1 ETH = 500 PXS"),
        ("Token price USD $0.10 = 1 RKT", "$0.10 = 1 RKT"),
    ],
)
def test_price_as_written(text, price):
    assert price in find_token_price(make_document(text)).value


def test_main_sale_price_preferred_over_presale():
    doc = make_document("Pre-sale\nToken Price: 2500 AUC / ETH", "Main sale\nToken Price: 2000 AUC / ETH")
    term = find_token_price(doc)
    assert term.value == "2000 AUC / ETH"
    assert "2500 AUC / ETH" in term.alternatives


def test_hard_cap_not_taken_from_supply_cap_or_roadmap():
    assert find_hard_cap(make_document("nCash is a non-mineable ERC20 token with a supply cap of 10 billion nCash tokens.")) is None
    assert find_hard_cap(make_document("Q4: reach the maximum goal (hard cap) of the sale.")) is None
    assert find_soft_cap(make_document("Our soft skills matter.")) is None


def test_silent_paper_has_no_terms():
    terms = extract_terms(make_document("A research preprint on asynchronous consensus.", "Let n denote the total number of nodes."))
    assert all(terms.value(name) is None for name in ("symbol", "standard", "total_supply", "token_price", "hard_cap"))


# ---------------------------------------------------------------------------------------------
# real papers


@pytest.mark.shared
def test_real_refereum_supply_from_a_label_and_value_table(shared_dir):
    from ico_lens.paper.ingest import open_document

    terms = extract_terms(open_document(shared_dir / "corpus/whitepapers/refereum.pdf"))
    assert terms.value("total_supply") == 5_000_000_000
    assert terms.value("symbol") == "RFR"
    assert terms.value("decimals") == 4 or terms.value("decimals") is None
    assert terms.total_supply.evidence[0].page == 26


@pytest.mark.shared
def test_real_snovio_european_decimal_comma(shared_dir):
    from ico_lens.paper.ingest import open_document

    terms = extract_terms(open_document(shared_dir / "corpus/whitepapers/snovio.pdf"))
    assert terms.value("total_supply") == 2_500_000_000
    assert terms.value("symbol") == "SNOV"
    assert terms.value("standard") == "ERC20"
