"""Claims, round 6 of issue 12 (claims that hold on unseen papers): wording classes of the weak claims —
transfers locked until the sale ends, hard cap, token price, fixed supply, team vesting months — found by reading
the tool's output on the unlabelled ICOBase texts and the tune part's misses. Every sentence is written for the
test in the style of those papers (not copied). ``new`` cases failed before this round; ``guard`` cases check
that a new wording does not overreach (a buyer's own limit, a pre-sale price, another group's lock, a lock of
money, a supply cap in money, a condition)."""

from __future__ import annotations

import pytest

from ico_lens.paper.tokenomics.claims.team_vesting_months import vesting_months
from ico_lens.paper.tokenomics.evidence import DURATION_RE, duration_months

from .claimtext import claim, same_amount


# -- team_vesting_months: days and quarters, "in N-year period", "the following N months", one group's entry -------

@pytest.mark.parametrize("text, want", [
    ("The 25% is reserved for the team within a 180-day lock-up period to keep the team committed.", 6),
    ("The team and founder tokens will be vested in 4-year period to show our long-term commitment.", 48),
    ("Approximately 8% will go to team members, all with vesting contracts of at least 1 year.", 12),
    ("The founders' tokens are locked for 6 months, then released in equal monthly portions over the following 18 months.", 24),
    ("Team tokens will be released 25% every quarter after the crowdsale.", 12),
    # a bare length continuing the bucket line before it
    ("15% - Founding team. Uniform 12-month vesting. Vested tokens stay with the company.", 12),
    # several groups, each with its own lock: the team's entry
    ("The company keeps 30% for long-term development (locked for six months after the TGE), 10% goes to early "
     "team members (locked for one year after the TGE), and 10% will be given to merchants over time.", 12),
    # tranches locked for different lengths: the longest
    ("Team tokens: 70% of which locked for 12 months, 30% of which locked for 24 months.", 24),
    ("The founding team has agreed to lock up all of their tokens with the following unlocking schedule: 50% unlocked "
     "1 year after the public sale; remaining tokens unlocked 18 months after the public sale.", 18),
])
def test_team_vesting_months_new(text, want):
    assert claim("team_vesting_months", text) == want


@pytest.mark.parametrize("text", [
    # the buyers' bonus lock, whatever the founders' tokens are mentioned for
    "NOVA sold during the pre-ICO will be locked up for 3 or 6 months after the ICO (for a 5% or 10% bonus, paid out of founders' tokens).",
    # another group's lock in its own sentence after the team's line
    "Team: 10% of tokens. Advisors: 5% of tokens. 6-month lock-up.",
])
def test_team_vesting_months_guard(text):
    assert claim("team_vesting_months", text) is None


def test_two_groups_are_no_tranches():
    # the team's share and the future-use share, each with its own lock: the team's, not the longest
    text = ("Tokens allocated to the team (20%) will be locked for 3 years with a vesting schedule and tokens for "
            "future use (3%) will be locked for 4 years.")
    assert claim("team_vesting_months", text) == 36


def test_durations_in_days_and_quarters():
    months = [duration_months(m) for m in DURATION_RE.finditer("a 90-day lock, then 8 quarters")]
    assert months == [3.0, 24]
    # one day is no vesting length (it would round to 0 months)
    assert vesting_months("tokens unlock 1 day after the sale") is None


# -- transfers_locked_until_sale_end --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The token contract will freeze all transfers until the token sale has concluded.",
    "Tokens distributed to contributors will be locked for 14 days after the ICO ends.",
    "Transferability: after the end of the token sale",
])
def test_transfers_locked_new(text):
    assert claim("transfers_locked_until_sale_end", text) is True


@pytest.mark.parametrize("text", [
    # a vesting or lock-up period defined before, not the sale
    "Locking a token means that the token cannot be transferred during this period.",
    "Team tokens will be locked for 6 months after the ICO ends.",
    # no buyers named: whose tokens is unknown
    "Tokens will be locked for 6 months after the ICO ends.",
    "- 4 million Development Tokens will be locked for 12 months from the Crowdsale End Date;",   # a reserve's lock
    "Funds will be locked until the end of the sale.",
])
def test_transfers_locked_guard(text):
    assert claim("transfers_locked_until_sale_end", text) is None


# -- hard_cap ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("A maximum of 30,000 ETH will be raised during the token sale.", "30,000 ETH"),
    ("No more than $18 million will be accepted in the crowdsale.", "$18 million"),
    ("The total amount raised will not exceed 50,000 ETH.", "50,000 ETH"),
    ("The amount of funds raised will be capped at $30M.", "$30M"),
    ("Crowdsale cap: 60,000 ETH", "60,000 ETH"),
    ("The ICO will be completed 8 hours after the ceiling for funding is met (22,000) or after 3 weeks.", "22,000"),
    ("The fundraising will stop when a total of 35,000 ETH is collected.", "35,000 ETH"),
    ("Token Sale Volume: 40M worth of NOVA Tokens cap for this ICO", "40M"),
])
def test_hard_cap_new(text, want):
    assert same_amount(claim("hard_cap", text), want)


@pytest.mark.parametrize("text", [
    "A maximum of 500 ETH per contributor will be accepted during the token sale.",   # one buyer's limit
    "No more than 100 ETH will be accepted from any single address.",
    "A maximum of 2,000 ETH will be raised in the pre-sale.",                        # the pre-sale's cap
])
def test_hard_cap_guard(text):
    assert claim("hard_cap", text) is None


# -- token_price ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("The price of the token during the crowdsale will be $0.10.", "$0.10"),
    ("The tokens will be sold at a fixed price of 0.0005 ETH.", "0.0005 ETH"),
])
def test_token_price_new(text, want):
    assert same_amount(claim("token_price", text), want)


@pytest.mark.parametrize("text", [
    "The price of the token during the pre-sale will be $0.05.",
    "Tokens purchased in the pre-sale will be sold at a fixed price of 0.0004 ETH.",
])
def test_token_price_guard(text):
    assert claim("token_price", text) is None


# -- supply_fixed -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Minting will be stopped at the end of the crowdsale.",
    "Once the token sale ends, the token supply will be permanently locked.",
    "The total amount of tokens will not change after the ICO.",
])
def test_supply_fixed_new(text):
    assert claim("supply_fixed", text) is True


def test_limited_supply_of_the_papers_coin_is_kept():
    assert claim("supply_fixed", "A finite supply of coinage makes NovaCoin a compelling opportunity.") is True


def test_new_tokens_named_by_symbol_are_minted():
    assert claim("supply_fixed", "New NOVA tokens will be issued as staking rewards.") is False


@pytest.mark.parametrize("text", [
    "Crowdfunding hard capped at 15,000 ETH in October.",                    # a sale's cap in money
    "Ticker: NOVA Max supply $10 million USD Platform: Ethereum",            # money, not tokens
    "Markets are hyper-volatile in conditions of limited supply.",           # markets in general
    "The total number of tokens will not change unless the community votes to mint more.",   # a condition
])
def test_supply_fixed_guard(text):
    assert claim("supply_fixed", text) is None
