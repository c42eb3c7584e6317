"""Contract facts on 2017-2018 idioms found by comparing the detectors with cheap independent
signals on the unlabelled token sources (issue 13, fifth round). Each power appears with and
without it; every source is written for these tests in the style of the 0.4.x templates of the
time, compiled with the local solc-js (0.4.24).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

SAFE_MATH = """pragma solidity ^0.4.18;
contract SafeMath {
    function safeAdd(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
    function safeSub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
}
"""

# the freeze/unfreeze template of 2017: a holder parks tokens in freezeOf and takes them back
FREEZE_BUCKET = SAFE_MATH + """
contract HarborToken is SafeMath {
    string public name = "Harbor";
    string public symbol = "HBR";
    uint8 public decimals = 18;
    uint256 public totalSupply;
    address public owner;
    mapping (address => uint256) public balanceOf;
    mapping (address => uint256) public freezeOf;
    mapping (address => mapping (address => uint256)) public allowance;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Freeze(address indexed from, uint256 value);
    event Unfreeze(address indexed from, uint256 value);

    function HarborToken(uint256 initialSupply) public {
        totalSupply = initialSupply;
        balanceOf[msg.sender] = initialSupply;
        owner = msg.sender;
    }
    function transfer(address _to, uint256 _value) public returns (bool) {
        require(_to != 0x0 && balanceOf[msg.sender] >= _value);
        balanceOf[msg.sender] = safeSub(balanceOf[msg.sender], _value);
        balanceOf[_to] = safeAdd(balanceOf[_to], _value);
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) {
        allowance[msg.sender][_spender] = _value;
        emit Approval(msg.sender, _spender, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        require(_to != 0x0 && balanceOf[_from] >= _value && _value <= allowance[_from][msg.sender]);
        balanceOf[_from] = safeSub(balanceOf[_from], _value);
        balanceOf[_to] = safeAdd(balanceOf[_to], _value);
        allowance[_from][msg.sender] = safeSub(allowance[_from][msg.sender], _value);
        emit Transfer(_from, _to, _value);
        return true;
    }
    function burn(uint256 _value) public returns (bool) {
        require(balanceOf[msg.sender] >= _value && _value > 0);
        balanceOf[msg.sender] = safeSub(balanceOf[msg.sender], _value);
        totalSupply = safeSub(totalSupply, _value);
        return true;
    }
    function freeze(uint256 _value) public returns (bool) {
        require(balanceOf[msg.sender] >= _value && _value > 0);
        balanceOf[msg.sender] = safeSub(balanceOf[msg.sender], _value);
        freezeOf[msg.sender] = safeAdd(freezeOf[msg.sender], _value);
        emit Freeze(msg.sender, _value);
        return true;
    }
    function unfreeze(uint256 _value) public returns (bool) {
        require(freezeOf[msg.sender] >= _value && _value > 0);
        freezeOf[msg.sender] = safeSub(freezeOf[msg.sender], _value);
        balanceOf[msg.sender] = safeAdd(balanceOf[msg.sender], _value);
        emit Unfreeze(msg.sender, _value);
        return true;
    }
    function withdrawEther(uint256 amount) public {
        require(msg.sender == owner);
        owner.transfer(amount);
    }
}
"""

# the same bucket, but the owner can also fill it out of nothing: unfreeze() then makes tokens
FREEZE_BUCKET_FILLED_BY_OWNER = FREEZE_BUCKET.replace(
    """    function withdrawEther(""",
    """    function grantFrozen(address _to, uint256 _value) public {
        require(msg.sender == owner);
        freezeOf[_to] = safeAdd(freezeOf[_to], _value);
    }
    function withdrawEther(""",
)


def test_unfreeze_from_the_holders_own_bucket_is_no_mint(source_facts):
    facts = source_facts(FREEZE_BUCKET)
    assert facts.token_contract == "HarborToken"
    assert facts.can_mint_after_deploy is False
    assert facts.burnable is True
    filled = source_facts(FREEZE_BUCKET_FILLED_BY_OWNER)
    assert filled.can_mint_after_deploy is True
    assert {e.function for e in filled.evidence["can_mint_after_deploy"]} == {"unfreeze"}


# a 2018 sale that keeps each buyer's bonus for 3 or 6 months after the sale ends, in one
# accrual mapping per tranche, and pays the sum out in release()
BONUS_SALE = """pragma solidity ^0.4.24;
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function mul(uint256 a, uint256 b) internal pure returns (uint256) { if (a == 0) return 0; uint256 c = a * b; assert(c / a == b); return c; }
}
contract ERC20 {
    function totalSupply() public view returns (uint256);
    function balanceOf(address who) public view returns (uint256);
    function transfer(address to, uint256 value) public returns (bool);
    function allowance(address owner, address spender) public view returns (uint256);
    function transferFrom(address from, address to, uint256 value) public returns (bool);
    function approve(address spender, uint256 value) public returns (bool);
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract BonusCrowdsale is Ownable {
    using SafeMath for uint256;
    ERC20 public token;
    address public wallet;
    uint256 public rate;
    uint256 public saleEnd;
    uint256 public threeMonths = 90 days;
    uint256 public sixMonths = 180 days;
    mapping (address => uint256) public threeMonthsBonus;
    mapping (address => uint256) public sixMonthsBonus;

    constructor(ERC20 _token, address _wallet, uint256 _rate, uint256 _saleEnd) public {
        token = _token; wallet = _wallet; rate = _rate; saleEnd = _saleEnd;
    }
    function () external payable { buyTokens(msg.sender); }
    function buyTokens(address beneficiary) public payable {
        require(now <= saleEnd && msg.value > 0);
        uint256 tokens = msg.value.mul(rate);
        token.transfer(beneficiary, tokens);
        BONUS_LINE
        wallet.transfer(msg.value);
    }
    function release() public {
        address who = msg.sender;
        uint256 amount;
        if (now > saleEnd.add(sixMonths) && sixMonthsBonus[who] > 0) {
            amount = amount.add(sixMonthsBonus[who]);
            sixMonthsBonus[who] = 0;
        }
        if (now > saleEnd.add(threeMonths) && threeMonthsBonus[who] > 0) {
            amount = amount.add(threeMonthsBonus[who]);
            threeMonthsBonus[who] = 0;
        }
        if (amount > 0) {
            token.transfer(who, amount);
        }
    }
}
"""
BONUS_KEPT = BONUS_SALE.replace(
    "BONUS_LINE",
    "threeMonthsBonus[beneficiary] = threeMonthsBonus[beneficiary].add(tokens / 10);\n"
    "        sixMonthsBonus[beneficiary] = sixMonthsBonus[beneficiary].add(tokens / 20);",
)
# the same sale paying the bonus at once; release() only hands back what the owner parked for a
# buyer, with no time in it
BONUS_AT_ONCE = BONUS_SALE.replace("BONUS_LINE", "token.transfer(beneficiary, tokens / 10);").replace(
    "if (now > saleEnd.add(sixMonths) && sixMonthsBonus[who] > 0)", "if (sixMonthsBonus[who] > 0)"
).replace("if (now > saleEnd.add(threeMonths) && threeMonthsBonus[who] > 0)", "if (threeMonthsBonus[who] > 0)")


def test_bonus_kept_per_buyer_until_months_after_the_sale_is_vesting(source_facts):
    kept = source_facts(BONUS_KEPT, "sale")
    assert kept.crowdsale_in_file is True
    assert kept.vesting_or_timelock is True
    assert kept.evidence["vesting_or_timelock"][0].function == "release"
    at_once = source_facts(BONUS_AT_ONCE, "sale")
    assert at_once.crowdsale_in_file is True
    assert at_once.vesting_or_timelock is False


# an OpenZeppelin 1.x-style timed, finalizable sale: the end is read through view functions
# (hasClosed(), validPurchase()); finalize() sends the unsold tokens to the wallet once it is past
FINALIZABLE_SALE = """pragma solidity ^0.4.24;
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
    function mul(uint256 a, uint256 b) internal pure returns (uint256) { if (a == 0) return 0; uint256 c = a * b; assert(c / a == b); return c; }
}
contract ERC20 {
    function balanceOf(address who) public view returns (uint256);
    function transfer(address to, uint256 value) public returns (bool);
    function allowance(address owner, address spender) public view returns (uint256);
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract TimedSale is Ownable {
    using SafeMath for uint256;
    ERC20 public token;
    address public wallet;
    address public teamWallet;
    uint256 public rate;
    uint256 public openingTime;
    uint256 public closingTime;
    uint256 public teamTokens;
    bool public isFinalized = false;

    constructor(ERC20 _token, address _wallet, address _team, uint256 _rate, uint256 _open, uint256 _close, uint256 _teamTokens) public {
        token = _token; wallet = _wallet; teamWallet = _team; rate = _rate;
        openingTime = _open; closingTime = _close; teamTokens = _teamTokens;
    }
    function validPurchase() internal view returns (bool) {
        return now >= openingTime && now <= closingTime && msg.value != 0;
    }
    function hasClosed() public view returns (bool) { return now > closingTime; }
    function () external payable { buyTokens(msg.sender); }
    function buyTokens(address beneficiary) public payable {
        require(validPurchase());
        token.transfer(beneficiary, msg.value.mul(rate));
        wallet.transfer(msg.value);
    }
    function finalize() onlyOwner public {
        require(!isFinalized);
        require(hasClosed());
        uint256 unsold = token.balanceOf(this).sub(teamTokens);
        token.transfer(wallet, unsold);
        isFinalized = true;
    }
    TEAM_RELEASE
}
"""
FINALIZE_ONLY = FINALIZABLE_SALE.replace("TEAM_RELEASE", "").replace(".sub(teamTokens)", "")
FINALIZE_AND_TEAM_LOCK = FINALIZABLE_SALE.replace(
    "TEAM_RELEASE",
    """function releaseTeamTokens() public {
        require(isFinalized && now > closingTime.add(365 days) && teamTokens > 0);
        uint256 amount = teamTokens;
        teamTokens = 0;
        token.transfer(teamWallet, amount);
    }""",
).replace("library SafeMath {", "library SafeMath {\n    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }")


def test_finalize_after_the_sale_end_read_through_a_view_is_no_vesting(source_facts):
    closing = source_facts(FINALIZE_ONLY, "sale")
    assert closing.crowdsale_in_file is True
    assert closing.vesting_or_timelock is False
    team = source_facts(FINALIZE_AND_TEAM_LOCK, "sale")
    assert team.vesting_or_timelock is True
    assert {e.function for e in team.evidence["vesting_or_timelock"]} == {"releaseTeamTokens"}


# a 2018 token that sells itself: the payable fallback prices the ether by the round the time
# falls in and hands out the tokens from its own stock with ``this.transfer``
SELF_SELLING = SAFE_MATH + """
contract RoundToken is SafeMath {
    string public name = "Round";
    string public symbol = "RND";
    uint8 public decimals = 18;
    uint256 public totalSupply = 500000000 * 10**18;
    address public owner;
    bool public saleEnabled;
    uint256 public preSaleEnd;
    uint256 public mainSaleEnd;
    uint256 public preSaleRate = 1200;
    uint256 public mainSaleRate = 1000;
    mapping (address => uint256) balances;
    mapping (address => mapping (address => uint256)) allowed;
    mapping (address => uint256) public purchased;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function RoundToken(uint256 _preSaleEnd, uint256 _mainSaleEnd) public {
        owner = msg.sender;
        preSaleEnd = _preSaleEnd;
        mainSaleEnd = _mainSaleEnd;
        balances[this] = totalSupply / 2;
        balances[owner] = totalSupply / 2;
    }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function allowance(address _owner, address _spender) public view returns (uint256) { return allowed[_owner][_spender]; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        balances[msg.sender] = safeSub(balances[msg.sender], _value);
        balances[_to] = safeAdd(balances[_to], _value);
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        allowed[_from][msg.sender] = safeSub(allowed[_from][msg.sender], _value);
        balances[_from] = safeSub(balances[_from], _value);
        balances[_to] = safeAdd(balances[_to], _value);
        emit Transfer(_from, _to, _value);
        return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) {
        allowed[msg.sender][_spender] = _value;
        emit Approval(msg.sender, _spender, _value);
        return true;
    }
    function enableSale(bool _enabled) public {
        require(msg.sender == owner);
        saleEnabled = _enabled;
    }
    function () payable external {
        require(saleEnabled && msg.value > 0);
        uint256 tokens;
        if (now < preSaleEnd) {
            tokens = msg.value * preSaleRate;
        } else if (now < mainSaleEnd) {
            tokens = msg.value * mainSaleRate;
        } else {
            revert();
        }
        purchased[msg.sender] = safeAdd(purchased[msg.sender], tokens);
        SALE_LINE
    }
}
"""
SELLS_ITSELF = SELF_SELLING.replace("SALE_LINE", "this.transfer(msg.sender, tokens);")
# the same fallback only records a pledge: no tokens change hands
ONLY_PLEDGES = SELF_SELLING.replace("SALE_LINE", "owner.transfer(msg.value);")


def test_token_selling_its_own_stock_through_this_transfer_is_a_sale(source_facts):
    sells = source_facts(SELLS_ITSELF)
    assert sells.token_contract == "RoundToken"
    assert sells.crowdsale_in_file is True
    assert sells.evidence["crowdsale_in_file"][0].function == "fallback"
    assert sells.can_mint_after_deploy is False
    pledges = source_facts(ONLY_PLEDGES)
    assert pledges.crowdsale_in_file is False
