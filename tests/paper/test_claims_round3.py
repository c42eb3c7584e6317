"""Claims, third round (issue 12): general ways papers state a claim that the rules missed on papers
they were not written on. Every snippet is written for the test, in the shape of the failure classes of
the issue and of unlabelled ICOBase sentences; the cases marked ``new`` failed on the code before this
round (``guard`` cases check that a new rule does not overreach, and passed before too)."""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.claims.base import claim_units, repair_ligatures
from ico_lens.paper.tokenomics.claims.team_vesting_months import vesting_months

from .claimtext import claim, same_amount
from .textdoc import make_document


# -- supply_fixed ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The total supply of NOVA cannot be increased after the token generation event.",
    "The supply of NOVA will never exceed 500 million tokens.",
    "The maximum number of NOVA tokens that will ever exist is 500,000,000.",
    "There will never be more than 500 million NOVA in existence.",
    "NOVA has a hard cap of 500,000,000 tokens on its total supply.",
    "The token contract does not allow the creation of new tokens once the sale is over.",
    "The amount of NOVA is limited to 1 billion.",
    "The smart contract does not have a mint function, so the supply can never increase.",
    "NOVA is a non-inflationary token with a capped supply.",
    "A 31% initial amount of NOVA tokens will be saved from the cap of 66,588,888 NOVA, which is 20,658,888.",
])
def test_supply_fixed_new_wordings(text):
    assert claim("supply_fixed", text) is True


@pytest.mark.parametrize("text", [
    "New NOVA tokens will be minted with every block as rewards for validators.",
    "The network mints 2 NOVA per block as a reward for the block producer.",
    "The supply of NOVA is inflationary: 3% new tokens are issued each year to stakers.",
    "The total supply will increase over time as new tokens are mined.",
    "New tokens are created through mining.",
])
def test_supply_grows_is_not_fixed(text):
    assert claim("supply_fixed", text) is False


@pytest.mark.parametrize("text", [
    # about other projects' tokens
    "Despite the growing number of alternative coins and newly issued tokens, few exchanges support them.",
    "The biggest inconvenience of ICOs is that newly issued tokens cannot be traded on an exchange immediately.",
    # a limit that moves, an amount that is no supply
    "Total NOVA supply will be limited and expanded conservatively with respect to demand.",
    "These will be fixed swap pools, in which two parties exchange a fixed amount of tokens for a set price.",
    "This programme will distribute a fixed amount of tokens daily.",
])
def test_supply_fixed_not_claimed(text):
    assert claim("supply_fixed", text) is None


def test_supply_fixed_guard_plain_total_and_team_share():
    """guard: a bare total and a share that "will not exceed" a part of the supply are no fixed supply."""
    assert claim("supply_fixed", "The total supply is 500,000,000 NOVA.") is None
    assert claim("supply_fixed", "Team tokens will not exceed 10% of the total supply.") is None


# -- team_vesting / team_vesting_months: subject and predicate in different sentences -------------

def test_team_bucket_named_then_these_tokens_vest():
    text = "The team will receive 15% of the tokens.\nThese tokens are subject to a four-year vesting schedule with a one-year cliff."
    assert claim("team_vesting", text) is True
    assert claim("team_vesting_months", text) == 48


def test_team_bucket_then_they_are_locked():
    text = "Founders and employees: 15% of all NOVA tokens.\nThey will be locked for 12 months after the token sale."
    assert claim("team_vesting", text) is True
    assert claim("team_vesting_months", text) == 12


def test_team_bucket_then_the_allocation_vests():
    text = "20% of the tokens go to the founding team. The allocation vests monthly over two years."
    assert claim("team_vesting", text) is True
    assert claim("team_vesting_months", text) == 24


def test_team_bucket_then_this_portion_is_frozen():
    text = "15% is reserved for the team.\nThis portion will be frozen for one year."
    assert claim("team_vesting", text) is True
    assert claim("team_vesting_months", text) == 12


def test_team_row_then_vesting_label():
    text = "Core team: 18%. Vesting: 25% after 6 months, then 25% every six months."
    assert claim("team_vesting", text) is True


def test_team_release_in_parts():
    text = "The founding team's tokens will be released in equal parts every 6 months over 3 years."
    assert claim("team_vesting", text) is True
    assert claim("team_vesting_months", text) == 36


def test_team_lock_without_a_token_word():
    """A strong vesting word and a length need no token word ("Founders - locked for 4 years"); a symbol
    amount or "granted to" is one; "There won't be any lock-up" for the team is a denial."""
    assert claim("team_vesting_months", "Founders and current employees will have a minimum lockup period of 24 months") == 24
    assert claim("team_vesting_months", "Founders - locked for 4 years.") == 48
    assert claim("team_vesting", "Team & community: 1,000 SHP - 6 month cliff & 2 year vesting period") is True
    assert claim("team_vesting", "When GET is granted to team members and advisers, a standard lock-up period of 12 months applies.") is True
    assert claim("team_vesting", "There won't be any lock-up period for the team members.") is False


def test_team_vesting_guards():
    """guard: a figurative "vested in the success" without a length, a team sentence without vesting."""
    assert claim("team_vesting", "The long vesting schedule ensures that the team stays vested in the success of the project.") is None
    assert claim("team_vesting", "Our team has 10 years of experience in logistics.") is None


def test_anaphora_does_not_cross_to_other_holders():
    """guard: "These tokens" after an investors' sentence are not the team's."""
    text = ("The team will receive 15% of the tokens for their work.\nEarly investors receive 10% of the tokens.\n"
            "These tokens are locked for 6 months.")
    assert claim("team_vesting", text) is None


def test_vesting_months_label_and_rate_words():
    assert vesting_months("15% Team Vesting: 2 years with 6 month cliff") == 24
    assert vesting_months("Team & Foundational tokens: 1 year fully locked, then 25% quarterly.") == 24


def test_locked_then_released_beats_a_first_partial_statement():
    text = ("While all Team and Advisor tokens are locked for at least 1 year, the rest are sold.\n"
            "Team tokens: 1 year fully locked, then 25% quarterly.")
    assert claim("team_vesting_months", text) == 24


# -- transfers_locked_until_sale_end ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The tokens will be non-transferable during the sale and will be unlocked at its end.",
    "NOVA will not be tradable until the crowdsale is over.",
    "Trading of NOVA tokens will only be possible after the completion of the token sale.",
    "Contributors will not be able to transfer their tokens until the token sale has finished.",
    "Transfers of NOVA will be restricted until the completion of the token sale.",
    "Tokens cannot be traded or transferred until after the ICO has ended.",
    "All tokens are frozen until the crowdsale has finished.",
    "Tokens will be transferable only after the token sale.",
    "The token contract will block transfers until the end of the crowdsale.",
    "Tokens bought in the sale will be locked until 1 March 2018.",
    "Tokens will be transferable and listed on exchanges once the initial sale is completed.",
    "The tokens will be transferable seven days from the end date of the main sale.",
    "During the ICO, NOVA tokens will be locked, until the end of the ICO.",
    "However, free token transfers in blockchain are restricted till the end of the ICO.",
])
def test_transfers_locked_until_sale_end(text):
    assert claim("transfers_locked_until_sale_end", text) is True


@pytest.mark.parametrize("text", [
    "There are no transfer restrictions on NOVA tokens.",
    "NOVA tokens are transferable after deployment, even during the sale, like any other ERC20 token.",
])
def test_transfers_free(text):
    assert claim("transfers_locked_until_sale_end", text) is False


def test_transfers_guards():
    """guard: team locks are vesting; a specification row next to "after the crowdsale" is no lock."""
    assert claim("transfers_locked_until_sale_end", "Team tokens will be locked until the end of the token sale plus one year.") is None
    assert claim("transfers_locked_until_sale_end",
                 "Tradeable between users: Yes No more NOVA will be created after the crowdsale.") is None


# -- governance_rights: denials as their own class -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Holders of NOVA will not have any right to vote on the affairs of the company.",
    "Ownership of NOVA carries no rights, express or implied, other than the right to use the platform.",
    "The NOVA token confers no other rights in any form, including ownership, distribution, redemption or other financial or legal rights.",
    "Purchasers will not obtain any voting or other rights in the Foundation.",
])
def test_governance_denied(text):
    assert claim("governance_rights", text) is False


@pytest.mark.parametrize("text", [
    "After launch, governance of the protocol will be turned over to NOVA holders.",
    "Holders will use their NOVA tokens to vote on protocol upgrades.",
    "NOVA is a governance token: each token gives one vote in the DAO.",
    "The community of NOVA holders will decide on the direction of the project through on-chain voting.",
    "Proposals are voted on by token holders.",
    "NOVA grants its holders governance rights over the protocol.",
    "For a proposal to be valid, a minimum of 10% of all token holders have to participate in the voting process.",
    "The modum token is a profit share token with voting and profit participation rights.",
])
def test_governance_granted(text):
    assert claim("governance_rights", text) is True


@pytest.mark.parametrize("text", [
    "The Company is not indebted to the token holders should they elect to participate in staking.",
    "Right to vote is at first acquired by a selection of 51 individuals.",
])
def test_governance_not_claimed(text):
    assert claim("governance_rights", text) is None


def test_denial_wins_in_its_own_sentence():
    """A voting cue inside a denial ("not ... any right to vote") is no grant."""
    assert claim("governance_rights", "NOVA holders will not have any right to vote. The platform is open to all.") is False


# -- hard_cap: money vs token units ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "According to analysts, the blockchain market will reach a market cap of 3.1 trillion USD by 2030.",
    "A minimum cap of 5,000 ETH would let us develop the platform.",
])
def test_no_hard_cap(text):
    assert claim("hard_cap", text) is None


@pytest.mark.parametrize("text, want", [
    ("The sale will end once 20,000 ETH has been raised.", "20,000 ETH"),
    ("The maximum amount to be raised in the token sale is $20 million.", "$20 million"),
    ("The ICO will be completed once the funding ceiling of 22,000 ETH is met.", "22,000 ETH"),
    ("We intend to sell to the public up to 520 million tokens.", "520 million"),
    ("The crowdsale is capped at 15,000 ETH.", "15,000 ETH"),
    ("Cap: $12,000,000", "$12,000,000"),
    ("Maximum raise: $15M", "$15M"),
    ("The maximum amount of ETH that will be accepted in the crowdsale is 12,000 ETH.", "12,000 ETH"),
    ("Contributions will be accepted until the 50,000 ETH cap is reached.", "50,000 ETH"),
    ("Cap on contributions: 100,000 ETH", "100,000 ETH"),
    ("The maximum goal of the crowdsale is 80,000 ETH.", "80,000 ETH"),
])
def test_hard_cap_wordings(text, want):
    assert same_amount(claim("hard_cap", text), want)


def test_hard_cap_soft_cap_before_it_and_cap_in_tokens():
    """"Soft Cap $5M Hard Cap $25M" keeps the hard one; a cap named "hard cap" may be in tokens; a token
    cap with no sale in sight is the supply (no hard cap)."""
    assert same_amount(claim("hard_cap", "Soft Cap — $5 000 000 Hard Cap — $25 000 000"), "$25 000 000")
    assert same_amount(claim("hard_cap", "Hard cap: 30,000,000 NOVA tokens"), "30,000,000")
    assert claim("hard_cap", "A 31% initial amount of NOVA tokens will be saved from the cap of 66,588,888 NOVA.") is None


def test_hard_cap_pre_sale_is_not_the_cap():
    assert claim("hard_cap", "The pre-sale will end once 2,000 ETH has been raised.") is None


# -- token_price ------------------------------------------------------------------------------------

def test_token_price_sale_price_wordings():
    assert same_amount(claim("token_price", "Equity investors are entitled to the average token sale price of NOVA at $0.18."), "$0.18")
    assert same_amount(claim("token_price", "Each NOVA token costs $0.10."), "$0.10")
    assert claim("token_price", "The price of bitcoin rose to $1000 in 2017.") is None


# -- lost ligatures ---------------------------------------------------------------------------------

def test_ligature_repair_restores_claim_words():
    assert repair_ligatures("Tokenholders have no right to parcipate; no restricons on transfer; a\ufffder the sale") == \
        "Tokenholders have no right to participate; no restrictions on transfer; after the sale"


def test_damaged_paper_is_read_repaired():
    text = ("Zap tokens give no rights in any company and do not represent any right to parcipate in any distribuons.\n"
            "Tokenholders have no right to parcipate in the governance of any company.\n"
            "NOVA tokens are not designed with restricons on transfer.")
    assert claim("transfers_locked_until_sale_end", text) is False


def test_undamaged_paper_is_left_alone():
    """One stray broken-looking word is a typo or a name, not a damaged text layer."""
    document = make_document("Our partner Aer Lingus will accept NOVA.")
    assert [u.text for u in claim_units(document)] == ["Our partner Aer Lingus will accept NOVA."]
