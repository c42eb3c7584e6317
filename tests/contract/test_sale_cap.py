"""The sale's hard cap read from a crowdsale of the file (``CodeFacts.sale_cap``): in ether, in tokens,
set at deployment (only the chain knows it), a per-buyer limit that is no sale cap, and no sale."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from .test_voting import ERC20

pytestmark = pytest.mark.slow

SALE_TOKEN = ERC20.replace(
    "function sub(uint256 a, uint256 b)",
    "function mul(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a * b; assert(a == 0 || c / a == b); return c; }\n"
    "    function sub(uint256 a, uint256 b)").replace("contract PlainToken is Ownable {", """contract PlainToken is Ownable {
    function mint(address _to, uint256 _amount) public onlyOwner { totalSupply = totalSupply.add(_amount); balances[_to] = balances[_to].add(_amount); }""")

# a 2017-style sale: a wei cap, a pre-sale cap and a per-buyer limit beside it
ETHER_CAPPED_SALE = SALE_TOKEN + """
contract Crowdsale is Ownable {
    using SafeMath for uint256;
    PlainToken public token;
    uint256 public rate = 1000;
    uint256 public weiRaised;
    uint256 public presaleCap = 5000 ether;
    uint256 public hardCap = 35000 ether;
    uint256 public maxContributionPerAddress = 100 ether;
    mapping(address => uint256) public contributed;
    constructor(address _token) public { token = PlainToken(_token); }
    function () external payable { buyTokens(msg.sender); }
    function buyTokens(address _beneficiary) public payable {
        require(weiRaised.add(msg.value) <= hardCap);
        require(contributed[_beneficiary].add(msg.value) <= maxContributionPerAddress);
        if (weiRaised < presaleCap) { require(msg.value >= 1 ether); }
        contributed[_beneficiary] = contributed[_beneficiary].add(msg.value);
        weiRaised = weiRaised.add(msg.value);
        token.mint(_beneficiary, msg.value.mul(rate));
    }
}
"""

# a sale capped in tokens sold, the cap counted in the token's decimals
TOKEN_CAPPED_SALE = SALE_TOKEN + """
contract TokenSale is Ownable {
    using SafeMath for uint256;
    PlainToken public token;
    uint256 public constant TOKENS_HARD_CAP = 3000000 * (10 ** 18);
    uint256 public tokensSold;
    constructor(address _token) public { token = PlainToken(_token); }
    function buy() public payable {
        uint256 amount = msg.value.mul(500);
        require(tokensSold.add(amount) <= TOKENS_HARD_CAP);
        tokensSold = tokensSold.add(amount);
        token.mint(msg.sender, amount);
    }
}
"""

# OpenZeppelin 1.x's CappedCrowdsale: the cap comes in as a constructor argument
ARGUMENT_CAPPED_SALE = SALE_TOKEN + """
contract CappedCrowdsale is Ownable {
    using SafeMath for uint256;
    PlainToken public token;
    uint256 public cap;
    uint256 public weiRaised;
    constructor(uint256 _cap, address _token) public { require(_cap > 0); cap = _cap; token = PlainToken(_token); }
    function buyTokens() public payable {
        require(weiRaised.add(msg.value) <= cap);
        weiRaised = weiRaised.add(msg.value);
        token.mint(msg.sender, msg.value.mul(1000));
    }
}
"""

# only a per-buyer limit: no sale-wide cap
UNCAPPED_SALE = SALE_TOKEN + """
contract OpenSale is Ownable {
    using SafeMath for uint256;
    PlainToken public token;
    uint256 public maxPurchaseCap = 50 ether;
    constructor(address _token) public { token = PlainToken(_token); }
    function buy() public payable { require(msg.value <= maxPurchaseCap); token.mint(msg.sender, msg.value.mul(1000)); }
}
"""


def test_a_wei_hard_cap_is_read_in_ether_with_its_line(source_facts):
    facts = source_facts(ETHER_CAPPED_SALE, "sale")
    assert facts.sale_cap_unit == "ETH" and facts.sale_cap.whole == Decimal(35000)
    evidence = facts.evidence["sale_cap"][0]
    assert evidence.contract == "Crowdsale" and "hardCap" in evidence.code and evidence.line > 0
    assert "buyTokens" in evidence.reason


def test_a_cap_on_tokens_sold_is_read_in_tokens(source_facts):
    facts = source_facts(TOKEN_CAPPED_SALE, "sale")
    assert facts.sale_cap_unit == "tokens" and facts.sale_cap.whole == Decimal(3_000_000)


def test_a_cap_from_a_constructor_argument_is_null_and_says_so(source_facts):
    facts = source_facts(ARGUMENT_CAPPED_SALE, "sale")
    assert facts.sale_cap is None
    assert "only the chain knows" in facts.undetermined["sale_cap"] and "cap" in facts.undetermined["sale_cap"]


def test_a_per_buyer_limit_is_no_sale_cap_and_a_token_alone_has_no_sale(source_facts):
    facts = source_facts(UNCAPPED_SALE, "sale")
    assert facts.sale_cap is None and "no sale-wide cap" in facts.undetermined["sale_cap"]
    plain = source_facts(ERC20, "voting")
    assert plain.sale_cap is None and "no sale" in plain.undetermined["sale_cap"]


def test_the_sale_cap_round_trips_through_json(source_facts):
    from ico_lens.contract.records import CodeFacts

    facts = source_facts(ETHER_CAPPED_SALE, "sale")
    again = CodeFacts.from_dict(json.loads(facts.to_json()))
    assert again.sale_cap == facts.sale_cap and again.sale_cap_unit == "ETH"
