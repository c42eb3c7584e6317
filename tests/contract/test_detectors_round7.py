"""Contract facts on idioms left after the sixth round (issue 13, seventh round): an admin freeze
under which ``transfer`` silently moves nothing instead of failing, a relayed transfer the holder
signed (``ecrecover``: consent, not an owner power), a BSC-style maximum sell amount left at 0 by
the deployment (no one can sell until the owner raises it), and the ethereum.org tutorial sale
paying out of a token declared only by its ``transfer`` in a contract whose name says nothing of a
sale. Each power appears with and without it; every source is written for these tests in the style
of the public templates of the time (0.4.x ConsenSys/OpenZeppelin 1.x tokens, the 2017 tutorial
crowdsale, a 2021 BSC launch token on 0.8), compiled with the local solc-js.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

HEADER = """pragma solidity ^0.4.18;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256 c) { c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    function Ownable() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function transferOwnership(address newOwner) public onlyOwner { require(newOwner != address(0)); owner = newOwner; }
}
"""

ERC20_REST = """
    function balanceOf(address _owner) public view returns (uint256) { return balances[_owner]; }
    function approve(address _spender, uint256 _value) public returns (bool) {
        allowed[msg.sender][_spender] = _value;
        Approval(msg.sender, _spender, _value);
        return true;
    }
    function allowance(address _owner, address _spender) public view returns (uint256) { return allowed[_owner][_spender]; }
"""

# a 2018 token whose freeze list makes transfers do nothing (and still return true): the move sits
# inside `if (!frozenAccounts[..])`, nothing reverts
SILENT_FREEZE = HEADER + """
contract QuietToken is Ownable {
    using SafeMath for uint256;
    string public name = "Quiet Ledger";
    string public symbol = "QLT";
    uint8 public decimals = 18;
    uint256 public totalSupply = 50000000 * 10**18;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    mapping(address => bool) public frozenAccounts;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event AccountFrozen(address target, bool frozen);

    function QuietToken() public { balances[msg.sender] = totalSupply; }

    function freezeAccount(address _target, bool _freeze) public onlyOwner {
        frozenAccounts[_target] = _freeze;
        AccountFrozen(_target, _freeze);
    }

    function transfer(address _to, uint256 _value) public returns (bool) {
        if (!frozenAccounts[msg.sender] && _value <= balances[msg.sender]) {
            balances[msg.sender] = balances[msg.sender].sub(_value);
            balances[_to] = balances[_to].add(_value);
            Transfer(msg.sender, _to, _value);
        }
        return true;
    }

    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        if (!frozenAccounts[_from]) {
            allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
            balances[_from] = balances[_from].sub(_value);
            balances[_to] = balances[_to].add(_value);
            Transfer(_from, _to, _value);
        }
        return true;
    }
""" + ERC20_REST + "}\n"

# the same list read only by a bonus claim: transfers never look at it
LIST_BESIDE_TRANSFERS = SILENT_FREEZE.replace("if (!frozenAccounts[msg.sender] && _value", "if (_value").replace(
    "if (!frozenAccounts[_from]) {", "if (_value <= balances[_from]) {"
)

# a holder's frozen part: the whole balance moves on one branch, the unfrozen part on the other;
# neither branch condition is a condition of every move
PARTLY_FROZEN = HEADER + """
contract ReserveToken is Ownable {
    using SafeMath for uint256;
    string public name = "Reserve Unit";
    string public symbol = "RSU";
    uint8 public decimals = 18;
    uint256 public totalSupply = 8000000 * 10**18;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    mapping(address => bool) public hasFrozenPart;
    mapping(address => uint256) public frozenPart;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function ReserveToken() public { balances[msg.sender] = totalSupply; }

    function grantWithFrozenPart(address _to, uint256 _value, uint256 _frozen) public onlyOwner {
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        hasFrozenPart[_to] = true;
        frozenPart[_to] = _frozen;
    }

    function transfer(address _to, uint256 _value) public returns (bool) {
        if (!hasFrozenPart[msg.sender]) {
            balances[msg.sender] = balances[msg.sender].sub(_value);
            balances[_to] = balances[_to].add(_value);
        } else {
            require(_value <= balances[msg.sender].sub(frozenPart[msg.sender]));
            balances[msg.sender] = balances[msg.sender].sub(_value);
            balances[_to] = balances[_to].add(_value);
        }
        Transfer(msg.sender, _to, _value);
        return true;
    }

    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        require(!hasFrozenPart[_from]);
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        Transfer(_from, _to, _value);
        return true;
    }
""" + ERC20_REST + "}\n"


def test_freeze_under_which_transfer_silently_moves_nothing_is_a_freeze(source_facts):
    facts = source_facts(SILENT_FREEZE)
    assert facts.freeze_or_blacklist is True
    evidence = facts.evidence["freeze_or_blacklist"][0]
    assert evidence.function == "freezeAccount" and "frozenAccounts" in evidence.reason
    assert facts.pausable is False and facts.transfer_lock is False
    assert source_facts(LIST_BESIDE_TRANSFERS).freeze_or_blacklist is False


def test_a_condition_only_some_moves_sit_under_blocks_nothing(source_facts):
    facts = source_facts(PARTLY_FROZEN)
    assert facts.transfer_lock is False and facts.pausable is False
    assert facts.owner_can_change_balances is False


# a 2018 token with relayed ("pre-signed") transfers: approved relayers submit a transfer the holder
# signed, and collect a fee; the holder's signature is checked through a small recover helper
RELAYED = HEADER + """
contract RelayedToken is Ownable {
    using SafeMath for uint256;
    string public name = "Relay Credit";
    string public symbol = "RLC2";
    uint8 public decimals = 18;
    uint256 public totalSupply = 21000000 * 10**18;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    mapping(address => uint256) public nonces;
    mapping(address => bool) public relayers;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function RelayedToken() public { balances[msg.sender] = totalSupply; }

    modifier onlyRelayer() { require(relayers[msg.sender]); _; }

    function setRelayer(address _relayer, bool _allowed) public onlyOwner { relayers[_relayer] = _allowed; }

    function transfer(address _to, uint256 _value) public returns (bool) {
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        Transfer(msg.sender, _to, _value);
        return true;
    }

    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        Transfer(_from, _to, _value);
        return true;
    }

    function recoverSigner(bytes32 _hash, uint8 _v, bytes32 _r, bytes32 _s) internal pure returns (address) {
        bytes32 prefixed = keccak256("\\x19Ethereum Signed Message:\\n32", _hash);
        return ecrecover(prefixed, _v, _r, _s);
    }

    function transferPreSigned(address _from, address _to, uint256 _value, uint256 _fee, uint256 _nonce, uint8 _v, bytes32 _r, bytes32 _s)
        public onlyRelayer returns (bool)
    {
        require(nonces[_from] == _nonce);
        bytes32 hashed = keccak256(address(this), _from, _to, _value, _fee, _nonce);
        require(recoverSigner(hashed, _v, _r, _s) == _from);
        nonces[_from] = _nonce.add(1);
        balances[_from] = balances[_from].sub(_value).sub(_fee);
        balances[_to] = balances[_to].add(_value);
        balances[msg.sender] = balances[msg.sender].add(_fee);
        Transfer(_from, _to, _value);
        Transfer(_from, msg.sender, _fee);
        return true;
    }
""" + ERC20_REST + "}\n"

# the same relayer function without the signature check: a relayer moves anyone's tokens
RELAYED_UNSIGNED = RELAYED.replace("        require(recoverSigner(hashed, _v, _r, _s) == _from);\n", "")


def test_a_transfer_the_holder_signed_is_no_owner_power(source_facts):
    assert source_facts(RELAYED).owner_can_change_balances is False
    unsigned = source_facts(RELAYED_UNSIGNED)
    assert unsigned.owner_can_change_balances is True
    assert unsigned.evidence["owner_can_change_balances"][0].function == "transferPreSigned"


# a 2021 BSC launch token: sells to the pair are capped by maxSellAmount, which the deployment
# leaves at 0, so no holder can sell until the owner sets it
LAUNCH_TOKEN = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;
abstract contract Context {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}
contract Ownable is Context {
    address private _owner;
    constructor() { _owner = _msgSender(); }
    function owner() public view returns (address) { return _owner; }
    modifier onlyOwner() { require(owner() == _msgSender(), "Ownable: caller is not the owner"); _; }
    function renounceOwnership() public onlyOwner { _owner = address(0); }
}
contract ShibaRocket is Context, Ownable {
    string public constant name = "Shiba Rocket";
    string public constant symbol = "SHROCK";
    uint8 public constant decimals = 9;
    uint256 private _tTotal = 1000000000 * 10**9;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    address public uniswapV2Pair;
    uint256 public maxSellAmount;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor() { _balances[_msgSender()] = _tTotal; emit Transfer(address(0), _msgSender(), _tTotal); }

    function totalSupply() public view returns (uint256) { return _tTotal; }
    function balanceOf(address account) public view returns (uint256) { return _balances[account]; }
    function setPair(address pair) external onlyOwner { uniswapV2Pair = pair; }
    function setMaxSellAmount(uint256 amount) external onlyOwner { maxSellAmount = amount; }
    function transfer(address recipient, uint256 amount) public returns (bool) { _transfer(_msgSender(), recipient, amount); return true; }
    function allowance(address holder, address spender) public view returns (uint256) { return _allowances[holder][spender]; }
    function approve(address spender, uint256 amount) public returns (bool) {
        _allowances[_msgSender()][spender] = amount;
        emit Approval(_msgSender(), spender, amount);
        return true;
    }
    function transferFrom(address sender, address recipient, uint256 amount) public returns (bool) {
        _allowances[sender][_msgSender()] -= amount;
        _transfer(sender, recipient, amount);
        return true;
    }
    function _transfer(address from, address to, uint256 amount) private {
        require(from != address(0) && to != address(0), "ERC20: zero address");
        if (from != owner() && to == uniswapV2Pair) {
            require(amount <= maxSellAmount, "Sell exceeds the maximum");
        }
        _balances[from] -= amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }
}
"""

LAUNCH_TOKEN_WITH_LIMIT = LAUNCH_TOKEN.replace("uint256 public maxSellAmount;", "uint256 public maxSellAmount = 5000000 * 10**9;")


def test_a_max_sell_amount_left_at_zero_locks_selling_from_deployment(source_facts):
    facts = source_facts(LAUNCH_TOKEN)
    assert facts.transfer_lock is True
    assert "maxSellAmount" in facts.evidence["transfer_lock"][0].reason
    limited = source_facts(LAUNCH_TOKEN_WITH_LIMIT)
    assert limited.transfer_lock is False
    assert limited.pausable is True  # the owner may still set the limit to 0 (known, unchanged)


# the ethereum.org tutorial crowdsale of 2017, under a name that says nothing of a sale: the
# token is declared only by the `transfer` the fallback pays with
TUTORIAL_SALE = """pragma solidity ^0.4.16;
interface token {
    function transfer(address receiver, uint amount) external;
}
contract EtherDrop {
    address public beneficiary;
    uint public fundingGoal;
    uint public amountRaised;
    uint public deadline;
    uint public price;
    token public tokenReward;
    mapping(address => uint256) public balanceOf;
    bool fundingGoalReached = false;
    bool closed = false;
    event FundTransfer(address backer, uint amount, bool isContribution);

    function EtherDrop(address ifSuccessfulSendTo, uint fundingGoalInEthers, uint durationInMinutes, uint etherCostOfEachToken, address addressOfTokenUsedAsReward) public {
        beneficiary = ifSuccessfulSendTo;
        fundingGoal = fundingGoalInEthers * 1 ether;
        deadline = now + durationInMinutes * 1 minutes;
        price = etherCostOfEachToken * 1 ether;
        tokenReward = token(addressOfTokenUsedAsReward);
    }

    function () payable public {
        require(!closed);
        uint amount = msg.value;
        balanceOf[msg.sender] += amount;
        amountRaised += amount;
        tokenReward.transfer(msg.sender, amount / price);
        FundTransfer(msg.sender, amount, true);
    }

    function checkGoalReached() public {
        require(now >= deadline);
        if (amountRaised >= fundingGoal) { fundingGoalReached = true; }
        closed = true;
    }
}
"""

# the same contract handing tokens out for free (an airdrop claim, no ether taken)
FREE_DROP = TUTORIAL_SALE.replace("function () payable public {", "function claim() public {").replace(
    "uint amount = msg.value;", "uint amount = 1 ether;"
)


def test_a_payable_fallback_paying_out_of_a_transfer_only_token_is_a_sale(source_facts):
    facts = source_facts(TUTORIAL_SALE)
    assert facts.crowdsale_in_file is True
    assert "EtherDrop.fallback()" in facts.evidence["crowdsale_in_file"][0].reason
    assert source_facts(FREE_DROP).crowdsale_in_file is False


# a 2018 fund-share token: redemptions burn what the redemption module reports, and the owner
# may point the token at the newest module of a registry (the balance logic is replaceable)
MODULAR_FUND = HEADER + """
contract RedemptionModule {
    function settle(address investor) external returns (uint256 ethAmount, uint256 shares);
    function notifyRedeemed(address investor, uint256 shares) external;
}
contract ModuleRegistry {
    function latest(bytes32 name) external view returns (address);
}
contract BasketFund is Ownable {
    using SafeMath for uint256;
    string public name = "Basket Fund Share";
    string public symbol = "BFS";
    uint8 public decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    mapping(bytes32 => address) internal modules;
    ModuleRegistry public registry;
    bytes32 public constant REDEMPTION = "Redemption";
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function BasketFund(address _registry) public { registry = ModuleRegistry(_registry); }

    function moduleOf(bytes32 _name) public view returns (address) { return modules[_name]; }

    function refreshModule(bytes32 _name) public onlyOwner {
        modules[_name] = registry.latest(_name);
    }

    function invest() public payable {
        balances[msg.sender] = balances[msg.sender].add(msg.value);
        totalSupply = totalSupply.add(msg.value);
        Transfer(address(0), msg.sender, msg.value);
    }

    function settleRedemption(RedemptionModule _module, address _investor) private {
        uint256 ethAmount;
        uint256 shares;
        (ethAmount, shares) = _module.settle(_investor);
        balances[_investor] = balances[_investor].sub(shares);
        totalSupply = totalSupply.sub(shares);
        Transfer(_investor, address(0), shares);
        _investor.transfer(ethAmount);
    }

    function redeem() public {
        RedemptionModule module = RedemptionModule(moduleOf(REDEMPTION));
        settleRedemption(module, msg.sender);
    }

    function transfer(address _to, uint256 _value) public returns (bool) {
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        Transfer(msg.sender, _to, _value);
        return true;
    }

    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        Transfer(_from, _to, _value);
        return true;
    }
""" + ERC20_REST + "}\n"

# the same token burning the amount the holder asks for and only telling the module afterwards
NOTIFIED_FUND = MODULAR_FUND.replace(
    """    function redeem() public {
        RedemptionModule module = RedemptionModule(moduleOf(REDEMPTION));
        settleRedemption(module, msg.sender);
    }""",
    """    function redeem(uint256 _shares) public {
        balances[msg.sender] = balances[msg.sender].sub(_shares);
        totalSupply = totalSupply.sub(_shares);
        RedemptionModule(moduleOf(REDEMPTION)).notifyRedeemed(msg.sender, _shares);
    }""",
)


def test_debits_a_replaceable_module_decides_make_the_token_upgradeable(source_facts):
    facts = source_facts(MODULAR_FUND)
    assert facts.upgradeable_or_migratable is True
    evidence = facts.evidence["upgradeable_or_migratable"][0]
    assert evidence.function == "settleRedemption" and "modules" in evidence.reason
    assert source_facts(NOTIFIED_FUND).upgradeable_or_migratable is False


# a 2018 token whose operator moves the tokens of holders who delegated to it by signing the
# operator's address; the list of delegations is filled only with the signers ecrecover returns
DELEGATED = HEADER + """
contract DelegatedToken is Ownable {
    using SafeMath for uint256;
    string public name = "Delegated Pass";
    string public symbol = "DPS";
    uint8 public decimals = 18;
    uint256 public totalSupply = 90000000 * 10**18;
    address public operator;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    mapping(address => uint8) public delegations;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function DelegatedToken(address _operator) public { operator = _operator; balances[msg.sender] = totalSupply; }

    modifier onlyOperator() { require(msg.sender == operator); _; }

    function operatorHash() public view returns (bytes32) {
        return keccak256("\\x19Ethereum Signed Message:\\n20", operator);
    }

    function delegate(uint8 _v, bytes32 _r, bytes32 _s) public onlyOperator {
        address holder = ecrecover(operatorHash(), _v, _r, _s);
        delegations[holder] = 1;
    }

    function revokeDelegation(uint8 _v, bytes32 _r, bytes32 _s) public onlyOperator {
        address holder = ecrecover(operatorHash(), _v, _r, _s);
        delegations[holder] = 0;
    }

    function _move(address _from, address _to, uint256 _value) internal returns (bool) {
        require(_to != address(0));
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        Transfer(_from, _to, _value);
        return true;
    }

    function transferDelegated(address _from, address _to, uint256 _value) public onlyOperator returns (bool) {
        require(delegations[_from] == 1);
        return _move(_from, _to, _value);
    }

    function transfer(address _to, uint256 _value) public returns (bool) { return _move(msg.sender, _to, _value); }

    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        return _move(_from, _to, _value);
    }
""" + ERC20_REST + "}\n"

# the operator enrolling any holder itself: the list no longer says the holder agreed
ENROLLED = DELEGATED.replace(
    """    function delegate(uint8 _v, bytes32 _r, bytes32 _s) public onlyOperator {
        address holder = ecrecover(operatorHash(), _v, _r, _s);
        delegations[holder] = 1;
    }""",
    """    function delegate(address holder) public onlyOperator {
        delegations[holder] = 1;
    }""",
)


def test_moving_tokens_of_holders_who_delegated_by_signature_is_no_owner_power(source_facts):
    assert source_facts(DELEGATED).owner_can_change_balances is False
    enrolled = source_facts(ENROLLED)
    assert enrolled.owner_can_change_balances is True
    assert enrolled.evidence["owner_can_change_balances"][0].function in ("transferDelegated", "_move")
