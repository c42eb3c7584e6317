"""Total supply and token symbol by mechanism (issue 12, fourth round).

Every snippet is written for the test, shaped like a failure class: for the supply, the wrong choices a
reader can make when a paper states several figures (another coin's supply, a hypothetical example, a sale
amount stated as a share, the cap where the final figure is stated, the figure of another token); for the
symbol, the places a ticker lives (a flattened table, "$ABC", "ABC, the X Token", the unit the supply is
counted in, "we issue ABC tokens") and the other projects' tickers a paper mentions. Each case failed on
the code before this round, except the guards, which check that a new rule does not overreach.
"""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.terms import extract_terms, find_standard, find_symbol, find_total_supply

from .textdoc import make_document

BODY = "\n".join("The platform settles every trade on chain and keeps the records open to everyone." for _ in range(5))
#: enough pages of filler for the rules that look at a whole paper (a long paper names its ticker more than once)
FILLER_PAGES = [BODY] * 5


def supply(*pages: str, symbol: str | None = None) -> int | None:
    found = find_total_supply(make_document(BODY, *pages), symbol)
    return None if found is None else found.value


def symbol(*pages: str) -> str | None:
    found = find_symbol(make_document(*FILLER_PAGES, *pages))
    return None if found is None else found.value


# --- total supply: another coin's figure -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Bitcoin's supply is capped at 21 million coins, which makes it scarce.",
    "The total supply of Bitcoin is 21 million.",
    "Total supply of ETH is about 100 million, and it grows every year.",
])
def test_another_coins_supply_is_not_the_papers(text):
    assert supply(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Unlike Bitcoin's fixed supply of 21 million coins, NOVA has a total supply of 1,000,000,000 NVA.", 1_000_000_000),
    ("Ripple has a total supply of 100 billion XRP, while NOVA has a total supply of 500,000,000 NVA.", 500_000_000),
])
def test_the_papers_supply_beside_another_coins(text, expected):
    assert supply(text) == expected


def test_guard_the_platform_coin_is_no_subject():
    """ "on Ethereum", "an Ethereum-based token": the platform, not another coin's figure."""
    assert supply("NVA is an ERC20 token on Ethereum with a total supply of 1,000,000,000 NVA.") == 1_000_000_000
    assert supply("Our Ethereum-based NVA token has a total supply of 250,000,000.") == 250_000_000
    assert supply("Hard cap 30,000 ETH Total supply 100,000,000 NVA") == 100_000_000


def test_another_tokens_figure_loses_to_the_papers_token():
    text = "Partner token XYZ has a total supply of 2,000,000,000 XYZ; our token NVA has a total supply of 500,000,000 NVA."
    assert supply(text, symbol="NVA") == 500_000_000


# --- total supply: hypothetical examples -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "For example, if a user holds 10,000,000 tokens out of a total supply of 100,000,000 tokens, she receives 10% of the fees.",
    "Assume the total supply is 1,000,000 tokens and the price is $1.",
    "If the total supply were 10,000,000 tokens, the price would be $1.",
    "Consider a scenario where the total supply is 10,000,000 tokens.",
])
def test_a_hypothetical_figure_is_never_the_supply(text):
    assert supply(text) is None


def test_guard_the_real_figure_beside_an_example():
    text = ("The total supply of NVA is 800,000,000 tokens.\n"
            "For example, if a user holds 8,000,000 tokens out of a total supply of 800,000,000 tokens, she holds 1%.")
    assert supply(text) == 800_000_000


# --- total supply: a part stated as a share, parts beside the whole ---------------------------------

def test_a_sale_amount_stated_as_a_share_of_the_supply():
    assert supply("The token sale will offer 600,000,000 NVA, which is 60% of the total supply.") is None
    assert supply("The team receives 150,000,000 NVA, representing 15% of the total supply.") is None


def test_the_whole_before_its_parts():
    """The sale words describe the nearer number: "Of the N created, M are offered in the token sale"."""
    assert supply("Of the 500,000,000 NVA created, 200,000,000 NVA are offered in the token sale.") == 500_000_000


@pytest.mark.parametrize("text", [
    "The maximum number of tokens one participant can buy is 1,000,000 NVA.",
    "The maximum amount of tokens per investor is 1,000,000 NVA.",
    "We will burn a total of 50,000,000 NVA over four years.",
    "A total of 50,000,000 NVA will be burned.",
    "Daily trading volume reached a total of 10,000,000 NVA.",
])
def test_a_limit_per_buyer_or_tokens_burned_are_no_supply(text):
    assert supply(text) is None


def test_guard_the_supply_beside_a_burn():
    assert supply("NVA's total supply of 1,000,000,000 tokens is fixed; 50,000,000 NVA will be burned in year one.") == 1_000_000_000
    assert supply("Total supply: 1,000,000,000 NVA. Unsold tokens will be burned.") == 1_000_000_000


def test_guard_sale_amounts_alone_stay_unread():
    assert supply("Tokens for sale: 60,000,000 NVA") is None
    assert supply("Round 1: 10,000,000 NVA tokens at $0.05\nRound 2: 20,000,000 NVA tokens at $0.08") is None
    assert supply("Hard cap: 30,000,000 NVA tokens") is None


# --- total supply: a flattened two-column table ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tokens for Sale\nTotal Supply\nHard Cap\n400,000,000\n1,000,000,000\n20,000 ETH",
    "Token sale details\nTokens for sale\nTotal supply\n400,000,000 NVA\n1,000,000,000 NVA",
    "Circulating supply\nMax supply\n300,000,000\n1,000,000,000",
    "Pre-sale\nMain sale\nTotal supply\n50,000,000\n350,000,000\n1,000,000,000",
])
def test_a_label_column_pairs_with_its_value_column(text):
    """The labels stand in one column, the values in the next: the supply is the value at its label's rank,
    not the first figure below the label."""
    assert supply(text) == 1_000_000_000


def test_guard_a_table_whose_values_are_not_all_figures():
    """Values without figures ("WXT (Nova token)", "Stellar-based") break the pairing: the first figure
    below the label is still read."""
    text = ("NVA Token Sale\nTicker\nTotal token supply\nInitial circulating supply\nPublic sale token price\nToken type\n"
            "NVA (Nova token)\n10,000,000,000 NVA\n2% of total token supply (200,000,000 NVA)\n1 NVA = 0.01 USD\nStellar-based")
    assert supply(text) == 10_000_000_000


# --- total supply: the final figure where the cap is stated too --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The total supply is capped at 1,000,000,000 NVA. The final total supply is 611,234,000 NVA.", 611_234_000),
    ("A maximum of 1,000,000,000 tokens will be created. After the token sale, 611,000,000 tokens were minted in total.",
     611_000_000),
])
def test_the_final_figure_wins_over_the_cap_on_the_same_line(text, expected):
    assert supply(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Max supply: 1,000,000,000 NVA\nTotal supply after burn of unsold tokens: 733,000,000 NVA", 733_000_000),
    ("The total supply was capped at 1,000,000,000 NVA. After the burn of unsold tokens, the total supply amounts to "
     "733,000,000 NVA.", 733_000_000),
    ("Final number of tokens: 733,000,000\nMaximum supply: 1,000,000,000 NVA", 733_000_000),
])
def test_the_supply_left_after_the_burn_is_the_final_figure(text, expected):
    assert supply(text) == expected


def test_one_holders_part_is_no_supply():
    """ "Team tokens: a total of N": the subject is one bucket, not the whole."""
    assert supply("Team tokens: a total of 150,000,000 NVA, locked for 2 years.") is None
    assert supply("The bounty program has a total of 5,000,000 NVA.") is None
    # guard: the whole stated first, a bucket named after it
    assert supply("The total supply is 1,000,000,000 NVA; team tokens are locked for 2 years.") == 1_000_000_000


@pytest.mark.parametrize("text, expected", [
    ("Max supply: 1,000,000,000 NVA\nCirculating supply at launch: 300,000,000 NVA", 1_000_000_000),
    ("Tokens issued: ~250,000,000", 250_000_000),
    ("100,000,000 NVA will be issued once the crowdsale is over.", 100_000_000),
])
def test_guard_wordings_of_the_issue(text, expected):
    assert supply(text) == expected


# --- symbol: where a ticker lives ----------------------------------------------------------------

def test_ticker_in_a_flattened_table():
    """ "Token ticker" and its value in two columns: the value a few lines below its label."""
    page = ("4. NOVA Token\n4.1 Token Creation\nEntity issuing tokens\nToken name Nova Chain Token\nNova Labs\n"
            "Token ticker\nToken total supply\nNVA\n100,000,000,000 NVA\nToken distribution mechanisms")
    assert symbol(page) == "NVA"


def test_the_table_ticker_wins_over_an_older_tokens_ticker():
    """A rebranding paper: the old token's ticker in prose, the new one in the token table."""
    old = "Monaco (Token ticker MCO) announced its rebranding. Airdrop to MCO token holders. MCO token holders vote."
    table = "Token ticker\nToken total supply\nCRO\n100,000,000,000 CRO"
    assert symbol(old, table, "CRO tokens are utility tokens. Owners of CRO tokens have no rights.") == "CRO"


@pytest.mark.parametrize("text, expected", [
    ("5. ANT, The Aragon Network Token\nANT represents the stake in the network.", "ANT"),
    ("The Elastos Token, or ELA, is the intrinsic token on the Elastos blockchain. ELA is the basic unit.", "ELA"),
    ("Total tokens issued: 20 billion BANCA\nBANCA is used for every payment.", "BANCA"),
    ("Ink will issue INK tokens based on the QRC-20 standard. The total number of INK is one billion.", "INK"),
    ("Members pay in $NOVA. Stakers earn $NOVA every week.", "NOVA"),
    ("On Block 1, 100,001 ALQO were created. Masternodes require a collateral of 10,000 ALQO.", "ALQO"),
    ("with a supply cap of 10 billion nCash tokens. Customers earn nCash tokens.", "nCash"),
])
def test_ticker_wordings(text, expected):
    assert symbol(text) == expected


def test_a_ticker_named_as_the_token_three_times():
    """ "The NVA token" on three pages: no strong statement, but the token plainly named."""
    assert symbol("The NVA token powers every payment.", "Each NVA token is a vote.", "NVA token holders earn fees.") == "NVA"
    # guard: named twice only, no ticker
    assert symbol("The NVA token powers every payment.", "Each NVA token is a vote.") is None


def test_guard_the_name_before_a_bracketed_ticker():
    assert symbol("Issue our own UTRUST token (UTK) alongside the platform. UTRUST tokens, UTK tokens.") == "UTK"


def test_guard_words_of_an_all_capitals_table_are_no_ticker():
    assert symbol("TOTAL SUPPLY 1,000,000,000 HARD CAP 20,000 ETH", "TOTAL SUPPLY: 1,000,000,000 UTILITY TOKENS") is None
    assert symbol("TOTAL SUPPLY: 1,000,000,000 NVA TOKENS", "NVA TOKENS ARE USED FOR FEES") == "NVA"


def test_guard_small_amounts_of_another_token():
    """ "A total of 2,000 IDXM exist": a membership token's count, not the supply of the paper's token."""
    text = "7.1 AURA Token Details\nThe AURA token (AURA) powers the exchange.\nA total of 2,000 IDXM exist."
    assert symbol(text, "AURA tokens are staked.") == "AURA"


# --- symbol: other projects' tickers --------------------------------------------------------------

def test_a_ticker_cited_once_in_a_long_paper_is_another_projects():
    """A footnote citing "Basic Attention Token (BAT)" in a paper whose own token has no ticker."""
    assert symbol("See the Brave browser's “Basic Attention Token (BAT)”.") is None


def test_guard_a_short_text_still_names_its_ticker_once():
    assert find_symbol(make_document("Primas Token (PST) powers the network.")).value == "PST"


def test_tickers_listed_together_are_other_projects():
    text = ("Holders receive f(x) Tokens while keeping NPXS / NPXSXEM tokens.\n"
            "They obtain f(x) Tokens by converting their NPXS / NPXSXEM tokens.\n"
            "All NPXS / NPXSXEM tokens that are converted will be returned. NPXS / NPXSXEM tokens that are converted "
            "will also be locked. NPXS / NPXSXEM tokens, NPXS / NPXSXEM tokens.")
    assert symbol(text) is None


# --- standard: a token of another chain, other projects' tokens ---------------------------------

@pytest.mark.parametrize("text", [
    "NVA, the Nova platform native token, is a universal Stellar-based token used within and outside the platform.",
    "Nova Token (NVA) is a utility token based on the Stellar blockchain which will be issued by Nova Limited.",
])
def test_a_token_of_another_chain_is_other(text):
    assert find_standard(make_document(text), "NVA").value == "other"


def test_guard_a_chains_technology_alone_is_no_token_type():
    assert find_standard(make_document("Payments use the NVA token, built with the Stellar consensus protocol."), "NVA") is None


def test_other_projects_erc20_tokens_are_not_the_papers_standard():
    text = "Over time NVA will be backed by a portfolio of the most popular ERC20 tokens."
    assert find_standard(make_document(text), "NVA") is None
    # guard: the paper's own token
    assert find_standard(make_document("NVA is an ERC20 token issued on Ethereum."), "NVA").value == "ERC20"


# --- decimals: the money's decimals are not the token's ------------------------------------------

def test_decimals_of_prices_do_not_divide_the_supply():
    """ "Prices are shown with 2 decimal places" is no token property: "1000000000" stays whole tokens."""
    terms = extract_terms(make_document("Prices in the app are shown with 2 decimal places.", "Total supply: 1000000000 NVA"))
    assert terms.value("decimals") is None
    assert terms.value("total_supply") == 1_000_000_000


def test_few_token_decimals_leave_a_bare_supply_whole():
    terms = extract_terms(make_document("The NVA token has 2 decimals.", "Total supply: 1000000000 NVA"))
    assert terms.value("decimals") == 2
    assert terms.value("total_supply") == 1_000_000_000
    # guard: 18 decimals and a supply in base units
    terms = extract_terms(make_document("Decimals: 18", "Total supply: 1000000000000000000000000000"))
    assert terms.value("total_supply") == 1_000_000_000


# --- both together ------------------------------------------------------------------------------

def test_symbol_found_in_the_supply_statement_picks_the_supply():
    doc = make_document(*FILLER_PAGES, "Token ticker\nToken total supply\nNVA\n100,000,000,000 NVA",
                        "Partner token XYZ has a total supply of 2,000,000,000 XYZ.")
    terms = extract_terms(doc)
    assert terms.value("symbol") == "NVA"
    assert terms.value("total_supply") == 100_000_000_000
