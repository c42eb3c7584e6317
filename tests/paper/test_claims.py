"""Claims: each rule on realistic sentences (claimed / denied / silent), the registry, and real papers."""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.claims import (
    CLAIM_FIELDS,
    CLAIM_RULES,
    BurnMechanism,
    GovernanceRights,
    Oracle,
    SupplyFixed,
    TeamVesting,
    TeamVestingMonths,
    TransfersLockedUntilSaleEnd,
    UnsoldTokens,
    claim_fields,
    detect_claims,
)
from ico_lens.paper.tokenomics.claims.team_vesting_months import vesting_months

from .textdoc import make_document

SILENT = make_document(
    "Our platform connects dentists and patients through a mobile application.",
    "The team has ten years of experience in healthcare software. Roadmap: Q3 2018 beta.",
)


def value(rule_class, *pages):
    result = rule_class().detect(make_document(*pages))
    return None if result is None else result.value


#: the ``claims`` fields of corpus/GOLD.md, in its order
GOLD_CLAIMS = [
    "supply_fixed", "unsold_tokens", "burn_mechanism", "team_vesting", "team_vesting_months",
    "transfers_locked_until_sale_end", "governance_rights", "oracle", "hard_cap", "token_price",
]


def test_every_rule_is_registered_once_in_gold_order():
    names = [rule.NAME for rule in CLAIM_RULES]
    assert names == GOLD_CLAIMS == claim_fields() == CLAIM_FIELDS
    for rule in CLAIM_RULES:
        assert rule.DESCRIPTION and rule.CONFIDENCE in ("low", "medium", "high")
        assert rule.__module__.startswith("ico_lens.paper.tokenomics.claims.")  # one file each


def test_results_carry_the_rule_and_a_float_confidence():
    claims = detect_claims(make_document("Only one billion FUEL tokens will ever be created."))
    result = claims["supply_fixed"]
    assert result.name == "supply_fixed" and result.rule == "SupplyFixed"
    assert result.confidence == 0.7  # the rule's "medium"
    denied = detect_claims(make_document("Tokens that are used on the platform will go back into the platform supply."))
    assert denied["burn_mechanism"].value is False and denied["burn_mechanism"].confidence == 0.4  # a denial: "low"


def test_silent_paper_makes_no_claims():
    assert detect_claims(SILENT) == {}


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The issuance of 1WO currency is capped at 160 Million tokens and no additional issuances are planned.",
        "Emission Rate: No new tokens will be created.",
        "Only one billion FUEL tokens will ever be created.",
        "nCash is a non-mineable ERC20 Ethereum token with a supply cap of 10 billion nCash tokens.",
        "This is the only time that these tokens can be created, and therefore the total supply of ZAP is fixed.",
        "- Supply: fixed up to 300,000,000",
    ],
)
def test_supply_fixed_true(sentence):
    assert value(SupplyFixed, sentence) is True


@pytest.mark.parametrize(
    "sentence",
    [
        "PST is an inflationary system, in which certain proportion of additional PSTs will be issued annually.",
        "The supply of LUN grows at an annual rate of 3% of the initial token supply.",
        "BNT buyers get newly minted BNT, their payment in ETH is added to the smart contract reserve.",
    ],
)
def test_supply_fixed_false_when_tokens_are_minted_later(sentence):
    assert value(SupplyFixed, sentence) is False


@pytest.mark.parametrize(
    "sentence",
    [
        "The total supply of ABC is 1,000,000,000 tokens.",  # bare total supply: null (GOLD.md)
        "We are considering the idea to introduce some inflation into the model.",  # hedged
        "One must require that the leased account maintains at least some fixed amount of tokens on it.",
    ],
)
def test_supply_fixed_silent(sentence):
    assert value(SupplyFixed, sentence) is None


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, fate",
    [
        ("In case the hard cap isn't reached in the token sale, unsold AUC tokens will be burned immediately at the end of the token sale.", "burned"),
        ("Tokens from this 60% pool that will not be sold at the end of the main Token sale (November 30) are burnt or destroyed.", "burned"),
        ("All unsold tokens from the public sale will stay on the platform held by the Company for sale only on the platform.", "kept"),
        ("If this ICO does not generate 35,000,000 PXS tokens in sales, the company reserves the right to use the remaining tokens for a second ICO.", "kept"),
        ("Any unsold tokens will be distributed pro rata to all participants of the crowdsale.", "distributed"),
    ],
)
def test_unsold_tokens(sentence, fate):
    assert value(UnsoldTokens, sentence) == fate


def test_unsold_tokens_silent_when_only_a_team_burn_is_mentioned():
    assert value(UnsoldTokens, "Reserves are locked for 1 year, if they aren't needed, they will be burned as well.") is None


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The collected KNC tokens from the fees, after paying for the operation expenses, will be burned, i.e. taken out of circulation.",
        "BNT liquidators get ETH from the reserve of BNT, the liquidated BNT tokens are destroyed.",
        "Due to the use of Shivers Tokens as passkeys to products, the supply of Shivers Tokens shall decrease over time.",
        "Each quarter we use 20% of profits to buy back tokens and burn them.",
    ],
)
def test_burn_mechanism_true(sentence):
    assert value(BurnMechanism, sentence) is True


def test_burn_mechanism_one_off_burn_of_unsold_tokens_is_not_a_mechanism():
    assert value(BurnMechanism, "Tokens meant for but not distributed by the Token Sale (60%) will be burnt after the completion of the Token Sale.") is None


def test_burn_mechanism_false_when_spent_tokens_are_recycled():
    assert value(BurnMechanism, "Tokens that are used on the platform will go back into the platform supply.") is False


def test_burn_of_ether_as_gas_is_not_a_token_burn():
    assert value(BurnMechanism, "A Sybil attack is limited by the agent's token balance and burns Ether with every transaction cost.") is None


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "pages, months",
    [
        (["AUC Tokens for Auctus team members will be vested as follows:\n● 2-year vesting period\n● 6 month cliff"], 24),
        (["15% for Lunyr founders, employees, and advisors distributed to a time-locked vault that prohibits LUN transfers for 180 days."], 6),
        (["Token distributed to founding team and development team will be locked for 1",
          "38\nyear during which they cannot be put into circulation. In a period of 2 years after the locking ends, these Token will be released linearly.\n"
          "Token distributed to early-stage investors will be locked for 6 months."], 36),
        (["The executive managers of CUBE are under the effect of Lock-Up System, which means they are not entitled to token sale for one year."], 12),
        (["10% of the total number of SRN tokens will be allocated to the team and will be gradually vested over a 12-months period."], 12),
    ],
)
def test_team_vesting_and_its_length(pages, months):
    doc = make_document(*pages)
    claims = detect_claims(doc)
    assert claims["team_vesting"].value is True
    assert claims["team_vesting_months"].value == months
    assert claims["team_vesting"].evidence[0].page == 1


def test_team_vesting_beside_a_denial_for_other_tokens():
    text = "There is no lock-up for tokens bought in the sale, while team tokens are locked for 12 months."
    claims = detect_claims(make_document(text))
    assert claims["team_vesting"].value is True
    assert claims["team_vesting_months"].value == 12


def test_team_vesting_denied_and_silent():
    assert value(TeamVesting, "Team tokens will not be subject to any vesting and are released at the token sale end.") is False
    assert value(TeamVesting, "Collaborations with ICO projects that have vesting schemes for their founders are important.") is None
    assert value(TeamVesting, "Reserve tokens are locked for 12 months.") is None


@pytest.mark.parametrize(
    "text, months",
    [
        ("Locked up for first 6 months, then released every quarter proportionally over 3 years", 42),
        ("2 year vesting with 6 month cliff", 24),
        ("Reserved tokens will be unlocked at a rate of 10% each month.", 10),
        ("7% Founders (locked for 12m): 89,281", 12),
        ("vested for 18 months", 18),
        ("no duration here", None),
    ],
)
def test_team_vesting_months_parser(text, months):
    assert vesting_months(text) == months


def test_team_vesting_months_is_its_own_rule_reading_team_vesting():
    doc = make_document("Team tokens will be vested over 24 months with a 6 month cliff.")
    assert TeamVestingMonths().detect(doc).value == 24  # alone, it decides team_vesting itself
    assert TeamVestingMonths(decided={"team_vesting": None}).detect(doc) is None  # a silent team_vesting
    denied = TeamVesting().detect(make_document("Team tokens will not be subject to any vesting."))
    assert TeamVestingMonths(decided={"team_vesting": denied}).detect(doc) is None
    assert detect_claims(doc)["team_vesting_months"].rule == "TeamVestingMonths"


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "All pre-sale tokens are non-transferable and locked by smart contract until end of token sale.",
        "LUN cannot be transferred during the Crowdsale period.",
        "CUBE received by Contributors will be transferrable 7 days after the end of the Contribution Period.",
    ],
)
def test_transfers_locked_until_sale_end(sentence):
    assert value(TransfersLockedUntilSaleEnd, sentence) is True


def test_transfers_free_and_team_lock_is_not_a_transfer_lock():
    assert value(TransfersLockedUntilSaleEnd, "Zap tokens are not designed with restrictions on transfer.") is False
    assert value(TransfersLockedUntilSaleEnd, "Team tokens cannot be transferred until the end of the sale plus one year.") is None


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "VOCO token holders can vote in favor of challenge, either accepting or rejecting it.",
        "Governance decisions are made by a quorum of token holders.",
        "Each participant becomes a node and has suffrage in the main decision-making process.",
    ],
)
def test_governance_rights_granted(sentence):
    assert value(GovernanceRights, sentence) is True


@pytest.mark.parametrize(
    "sentence",
    [
        "No Holder shall have any governance rights over the TenX Wallet or TenX Card.",
        "LUN does not grant any right to participate in the control, direction or decision making of Lunyr.",
    ],
)
def test_governance_rights_denied(sentence):
    assert value(GovernanceRights, sentence) is False


def test_governance_voting_mechanism_wins_over_a_disclaimer():
    doc = make_document(
        "DAT token holders govern the network: decisions are made by a quorum of token holders.",
        "Tokens do not confer any rights of control over the governance of Datum Network GmbH.",
    )
    result = GovernanceRights().detect(doc)
    assert result.value is True
    assert result.counter_evidence and result.counter_evidence[0].page == 2


def test_governance_silent_for_votes_without_token_holders():
    assert value(GovernanceRights, "The platform will allow users to post, comment and vote for new ideas.") is None


# ---------------------------------------------------------------------------------------------
def test_oracle_design_is_found_and_passing_mentions_are_not():
    doc = make_document(
        "Trusted oracles can be used to record data in the platform smart contracts using the Oraclize approach.",
        "10 Oraclize Blog - Understanding Oracles, 2016",
    )
    assert Oracle().detect(doc).value is True
    passing = make_document("It includes, but is not limited to, cross-chain oracle and contract interoperability.")
    assert Oracle().detect(passing) is None
    company = make_document("Andrew worked as Account Executive at Oracle where he closed large deals on data.")
    assert Oracle().detect(company) is None


def test_oracle_feed_without_the_word():
    doc = make_document(
        "The reserve manager determines and feeds the exchange rates to the contract.",
        "The conversion rate will be updated frequently to the Kyber contract by KNC operators.",
    )
    assert Oracle().detect(doc).value is True


def test_hard_cap_and_price_claims_reuse_terms():
    claims = detect_claims(make_document("● Hard Cap: 26,790 ETH\n● Token Price: 2000 AUC / ETH"))
    assert claims["hard_cap"].value == "26,790 ETH"
    assert claims["token_price"].value == "2000 AUC / ETH"
    assert claims["hard_cap"].evidence[0].page == 1


# ---------------------------------------------------------------------------------------------
# real papers (short ones, so the test stays fast)


@pytest.mark.shared
def test_real_polybius_claims(shared_dir):
    from ico_lens.paper.ingest import open_document

    doc = open_document(shared_dir / "corpus/whitepapers/polybius.pdf")
    claims = detect_claims(doc)
    assert claims["supply_fixed"].value is True
    assert claims["unsold_tokens"].value == "burned"
    assert claims["unsold_tokens"].evidence[0].page == 2


@pytest.mark.shared
def test_real_tenx_denies_governance(shared_dir):
    from ico_lens.paper.ingest import open_document

    doc = open_document(shared_dir / "corpus/whitepapers/tenx.pdf")
    claims = detect_claims(doc)
    assert claims["governance_rights"].value is False
    assert "governance rights" in claims["governance_rights"].evidence[0].quote
