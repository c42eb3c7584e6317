"""Contract facts on the two idioms the seventh round saw and left (issue 13, eighth round): a
token whose payable ``buy()`` asks its controller contract to credit the buyer (the balances live in
the controller, the sale is still in the file), and an owner ``transferOwnership`` that overwrites
the new owner's balance with the old owner's (whatever the new owner held is gone). Each appears
with and without the power; every source is written for these tests in the style of the 2017
templates (0.4.x), compiled with the local solc-js.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# a 2017 token front whose ledger sits in a controller (the owner); buying goes through it
CONTROLLED_SALE = """pragma solidity ^0.4.18;
contract LedgerController {
    function balanceOf(address _holder) public constant returns (uint256);
    function totalSupply() public constant returns (uint256);
    function allowance(address _holder, address _spender) public constant returns (uint256);
    function move(address _from, address _to, uint256 _amount) public;
    function currentPrice() public constant returns (uint256);
    function buyFor(address _buyer, uint256 _paid, uint256 _price) public returns (uint256);
}
contract Managed {
    address public owner;
    function Managed() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract FrontToken is Managed {
    string public name = "Front Credit";
    string public symbol = "FRC";
    uint8 public decimals = 12;
    event Transfer(address indexed from, address indexed to, uint256 value);

    function totalSupply() public constant returns (uint256) { return LedgerController(owner).totalSupply(); }
    function balanceOf(address _holder) public constant returns (uint256) { return LedgerController(owner).balanceOf(_holder); }

    function transfer(address _to, uint256 _amount) public returns (bool) {
        LedgerController(owner).move(msg.sender, _to, _amount);
        Transfer(msg.sender, _to, _amount);
        return true;
    }

    function buy(uint256 _price) public payable {
        require(msg.value > 0);
        uint256 bought = LedgerController(owner).buyFor(msg.sender, msg.value, _price);
        Transfer(owner, msg.sender, bought);
    }

    function () public payable {
        buy(LedgerController(owner).currentPrice());
    }
}
"""

# the same front, but its payable function only forwards the ether to the controller's treasury
# and asks it for nothing on the sender's behalf: no tokens are handed out
CONTROLLED_DONATION = CONTROLLED_SALE.replace(
    "uint256 bought = LedgerController(owner).buyFor(msg.sender, msg.value, _price);\n        Transfer(owner, msg.sender, bought);",
    "require(_price == LedgerController(owner).currentPrice());\n        owner.transfer(msg.value);",
)

# a 2017 token whose owner hands its whole balance over with the ownership, by assignment
HANDOVER = """pragma solidity ^0.4.18;
contract HandoverToken {
    string public name = "Handover Coin";
    string public symbol = "HOC";
    uint8 public decimals = 8;
    uint256 public totalSupply = 21000000 * 10**8;
    address public owner;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    modifier onlyOwner() { require(msg.sender == owner); _; }

    function HandoverToken() public { owner = msg.sender; balances[owner] = totalSupply; }

    // the new owner takes over the owner's stock
    function transferOwnership(address newOwner) public onlyOwner {
        balances[newOwner] = balances[owner];
        balances[owner] = 0;
        owner = newOwner;
    }

    function transfer(address _to, uint256 _value) public returns (bool) {
        require(balances[msg.sender] >= _value && balances[_to] + _value >= balances[_to]);
        balances[msg.sender] -= _value;
        balances[_to] += _value;
        Transfer(msg.sender, _to, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        require(balances[_from] >= _value && allowed[_from][msg.sender] >= _value);
        balances[_from] -= _value;
        allowed[_from][msg.sender] -= _value;
        balances[_to] += _value;
        Transfer(_from, _to, _value);
        return true;
    }
    function balanceOf(address _owner) public constant returns (uint256) { return balances[_owner]; }
    function approve(address _spender, uint256 _value) public returns (bool) {
        allowed[msg.sender][_spender] = _value;
        Approval(msg.sender, _spender, _value);
        return true;
    }
    function allowance(address _owner, address _spender) public constant returns (uint256) { return allowed[_owner][_spender]; }
}
"""

# the careful version adds the owner's stock to what the new owner holds: nobody loses tokens
HANDOVER_ADDED = HANDOVER.replace(
    "balances[newOwner] = balances[owner];", "balances[newOwner] += balances[owner];"
)


def test_a_payable_buy_that_asks_the_controller_to_credit_the_buyer_is_a_sale(source_facts):
    facts = source_facts(CONTROLLED_SALE)
    assert facts.crowdsale_in_file is True
    evidence = facts.evidence["crowdsale_in_file"][0]
    assert evidence.function == "buy" and "payable" in evidence.reason
    assert source_facts(CONTROLLED_DONATION).crowdsale_in_file is False


def test_an_ownership_handover_overwriting_the_new_owners_balance_changes_balances(source_facts):
    facts = source_facts(HANDOVER)
    assert facts.owner_can_change_balances is True
    evidence = facts.evidence["owner_can_change_balances"][0]
    assert evidence.function == "transferOwnership" and "newOwner" in evidence.reason
    added = source_facts(HANDOVER_ADDED)
    assert added.owner_can_change_balances is False
