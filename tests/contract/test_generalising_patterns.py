"""Contract facts on code patterns the detectors were not written on: OpenZeppelin 3/4 and BSC-style
templates (solc 0.6 and 0.8) and 2017-era idioms (TokenMarket's release agent, allow-lists OR'd with
a global lock, flags closed by a derived constructor, interfaces written as empty bodies, a sale that
deploys and pauses its token). Each power appears with and without it. All sources are written for
these tests after the public templates' shapes.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

OZ_BASE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
abstract contract Context {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}
abstract contract Ownable is Context {
    address private _owner;
    constructor() { _owner = _msgSender(); }
    function owner() public view virtual returns (address) { return _owner; }
    modifier onlyOwner() { require(owner() == _msgSender(), "Ownable: caller is not the owner"); _; }
    function renounceOwnership() public virtual onlyOwner { _owner = address(0); }
    function transferOwnership(address newOwner) public virtual onlyOwner { require(newOwner != address(0)); _owner = newOwner; }
}
interface IERC20 {
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address recipient, uint256 amount) external returns (bool);
    function allowance(address owner, address spender) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
}
contract ERC20 is Context, IERC20 {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply;
    string private _name;
    string private _symbol;
    constructor(string memory name_, string memory symbol_) { _name = name_; _symbol = symbol_; }
    function decimals() public view virtual returns (uint8) { return 18; }
    function totalSupply() public view virtual override returns (uint256) { return _totalSupply; }
    function balanceOf(address account) public view virtual override returns (uint256) { return _balances[account]; }
    function transfer(address recipient, uint256 amount) public virtual override returns (bool) { _transfer(_msgSender(), recipient, amount); return true; }
    function allowance(address owner, address spender) public view virtual override returns (uint256) { return _allowances[owner][spender]; }
    function approve(address spender, uint256 amount) public virtual override returns (bool) { _allowances[_msgSender()][spender] = amount; return true; }
    function transferFrom(address sender, address recipient, uint256 amount) public virtual override returns (bool) {
        _transfer(sender, recipient, amount);
        uint256 currentAllowance = _allowances[sender][_msgSender()];
        require(currentAllowance >= amount, "ERC20: transfer amount exceeds allowance");
        unchecked { _allowances[sender][_msgSender()] = currentAllowance - amount; }
        return true;
    }
    function _transfer(address sender, address recipient, uint256 amount) internal virtual {
        require(sender != address(0), "ERC20: transfer from the zero address");
        _beforeTokenTransfer(sender, recipient, amount);
        uint256 senderBalance = _balances[sender];
        require(senderBalance >= amount, "ERC20: transfer amount exceeds balance");
        unchecked { _balances[sender] = senderBalance - amount; }
        _balances[recipient] += amount;
        emit Transfer(sender, recipient, amount);
    }
    function _mint(address account, uint256 amount) internal virtual {
        require(account != address(0), "ERC20: mint to the zero address");
        _totalSupply += amount;
        _balances[account] += amount;
        emit Transfer(address(0), account, amount);
    }
    function _burn(address account, uint256 amount) internal virtual {
        uint256 accountBalance = _balances[account];
        require(accountBalance >= amount, "ERC20: burn amount exceeds balance");
        unchecked { _balances[account] = accountBalance - amount; }
        _totalSupply -= amount;
        emit Transfer(account, address(0), amount);
    }
    function _beforeTokenTransfer(address from, address to, uint256 amount) internal virtual {}
}
"""
# owner-only mint and pause, through owner()/_msgSender() getters
OZ4_POWERS = OZ_BASE + """
contract PowerToken is ERC20, Ownable {
    bool public paused;
    mapping(address => bool) public isBlacklisted;
    constructor() ERC20("Power", "PWR") { _mint(_msgSender(), 1000000 * 10 ** decimals()); }
    function mint(address to, uint256 amount) public onlyOwner { _mint(to, amount); }
    function pause() public onlyOwner { paused = true; }
    function unpause() public onlyOwner { paused = false; }
    function blacklist(address account, bool value) external onlyOwner { isBlacklisted[account] = value; }
    function _beforeTokenTransfer(address from, address to, uint256 amount) internal override {
        require(!paused, "paused");
        require(!isBlacklisted[from] && !isBlacklisted[to], "blacklisted");
        super._beforeTokenTransfer(from, to, amount);
    }
}
"""
OZ4_PLAIN = OZ_BASE + """
contract PlainToken is ERC20, Ownable {
    constructor() ERC20("Plain", "PLN") { _mint(_msgSender(), 1000000 * 10 ** decimals()); }
    function burn(uint256 amount) public { _burn(_msgSender(), amount); }
}
"""
OZ3_BASE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.6.12;
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a, "SafeMath: addition overflow"); return c; }
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { return sub(a, b, "SafeMath: subtraction overflow"); }
    function sub(uint256 a, uint256 b, string memory errorMessage) internal pure returns (uint256) { require(b <= a, errorMessage); uint256 c = a - b; return c; }
}
abstract contract Context {
    function _msgSender() internal view virtual returns (address payable) { return msg.sender; }
}
contract Ownable is Context {
    address private _owner;
    constructor () internal { _owner = _msgSender(); }
    function owner() public view returns (address) { return _owner; }
    modifier onlyOwner() { require(_owner == _msgSender(), "Ownable: caller is not the owner"); _; }
}
contract BscToken is Context, Ownable {
    using SafeMath for uint256;
    mapping (address => uint256) private _balances;
    mapping (address => mapping (address => uint256)) private _allowances;
    mapping (address => bool) private _isBot;
    uint256 private _totalSupply;
    uint8 public decimals = 9;
    event Transfer(address indexed from, address indexed to, uint256 value);
    constructor () public { _totalSupply = 10**15; _balances[_msgSender()] = _totalSupply; emit Transfer(address(0), _msgSender(), _totalSupply); }
    function totalSupply() public view returns (uint256) { return _totalSupply; }
    function balanceOf(address account) public view returns (uint256) { return _balances[account]; }
    function transfer(address recipient, uint256 amount) public returns (bool) { _transfer(_msgSender(), recipient, amount); return true; }
    function allowance(address owner, address spender) public view returns (uint256) { return _allowances[owner][spender]; }
    function approve(address spender, uint256 amount) public returns (bool) { _allowances[_msgSender()][spender] = amount; return true; }
    function transferFrom(address sender, address recipient, uint256 amount) public returns (bool) {
        _transfer(sender, recipient, amount);
        _allowances[sender][_msgSender()] = _allowances[sender][_msgSender()].sub(amount, "ERC20: transfer amount exceeds allowance");
        return true;
    }
    function burn(uint256 amount) public {
        _balances[_msgSender()] = _balances[_msgSender()].sub(amount, "burn amount exceeds balance");
        _totalSupply = _totalSupply.sub(amount);
    }
    function _transfer(address sender, address recipient, uint256 amount) private {
        require(!_isBot[sender], "bot");
        _balances[sender] = _balances[sender].sub(amount, "ERC20: transfer amount exceeds balance");
        _balances[recipient] = _balances[recipient].add(amount);
        emit Transfer(sender, recipient, amount);
    }
"""
# BSC-style rug: bots list the owner fills, and a reward function that credits any account without touching the supply
BSC_RUG = OZ3_BASE + """
    function setBots(address[] memory bots_) public onlyOwner { for (uint i = 0; i < bots_.length; i++) { _isBot[bots_[i]] = true; } }
    function delBot(address notbot) public onlyOwner { _isBot[notbot] = false; }
    function rewardHolders(address account, uint256 amount) external onlyOwner { _balances[account] = _balances[account].add(amount); }
}
"""
BSC_CLEAN = OZ3_BASE + """
}
"""
OLD_BASE = """pragma solidity ^0.4.18;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    function Ownable() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract BasicToken {
    using SafeMath for uint256;
    uint256 public totalSupply;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
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
    function approve(address _spender, uint256 _value) public returns (bool) { allowed[msg.sender][_spender] = _value; return true; }
    function allowance(address _o, address _s) public view returns (uint256) { return allowed[_o][_s]; }
}
"""
# TokenMarket's ReleasableToken: closed until the release agent releases it; transfer agents may move tokens before
RELEASABLE = OLD_BASE + """
contract ReleasableToken is BasicToken, Ownable {
    address public releaseAgent;
    bool public released = false;
    mapping (address => bool) public transferAgents;
    modifier canTransfer(address _sender) {
        if (!released) {
            if (!transferAgents[_sender]) {
                throw;
            }
        }
        _;
    }
    function setReleaseAgent(address addr) onlyOwner public { releaseAgent = addr; }
    function setTransferAgent(address addr, bool state) onlyOwner public { transferAgents[addr] = state; }
    function releaseTokenTransfer() public { require(msg.sender == releaseAgent); released = true; }
    function transfer(address _to, uint _value) canTransfer(msg.sender) public returns (bool) { return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint _value) canTransfer(_from) public returns (bool) { return super.transferFrom(_from, _to, _value); }
}
contract ReleasableTokenImpl is ReleasableToken {
    function ReleasableTokenImpl() public { totalSupply = 1000; balances[msg.sender] = 1000; }
}
"""
# the same lock as one condition: the global flag OR'd with the allow-list
ALLOW_LIST_OR = OLD_BASE + """
contract AllowListToken is BasicToken, Ownable {
    bool public allowTransfers = false;
    mapping (address => bool) public isException;
    function AllowListToken() public { totalSupply = 1000; balances[msg.sender] = 1000; isException[msg.sender] = true; }
    function enableTransfers() public onlyOwner { allowTransfers = true; }
    function setException(address who, bool value) public onlyOwner { isException[who] = value; }
    function transfer(address _to, uint _value) public returns (bool) {
        require(allowTransfers || isException[msg.sender]);
        return super.transfer(_to, _value);
    }
    function transferFrom(address _from, address _to, uint _value) public returns (bool) {
        require(allowTransfers || isException[_from]);
        return super.transferFrom(_from, _to, _value);
    }
}
"""
# a transfer flag declared open, closed by the derived constructor through a call
DERIVED_CLOSED = OLD_BASE + """
contract SwitchableToken is BasicToken, Ownable {
    bool public transfersEnabled = true;
    function setTransfers(bool _enabled) internal { transfersEnabled = _enabled; }
    function enableTransfers() public onlyOwner { setTransfers(true); }
    function transfer(address _to, uint _value) public returns (bool) { require(transfersEnabled); return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint _value) public returns (bool) { require(transfersEnabled); return super.transferFrom(_from, _to, _value); }
}
contract LaunchToken is SwitchableToken {
    function LaunchToken() public { totalSupply = 1000; balances[msg.sender] = 1000; setTransfers(false); }
}
"""

# a 2017 interface written with empty bodies next to the token (which has no allowance getter): not the token
STUB_INTERFACE = """pragma solidity ^0.4.18;
contract owned {
    address public owner;
    function owned() public { owner = msg.sender; }
    modifier onlyOwner { require(msg.sender == owner); _; }
}
contract RealToken is owned {
    uint256 public totalSupply;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    function RealToken() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function balanceOf(address who) public constant returns (uint256) { return balances[who]; }
    function transfer(address to, uint256 value) public returns (bool) {
        require(balances[msg.sender] >= value); balances[msg.sender] -= value; balances[to] += value; return true;
    }
    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(balances[from] >= value && allowed[from][msg.sender] >= value);
        allowed[from][msg.sender] -= value; balances[from] -= value; balances[to] += value; return true;
    }
    function approve(address spender, uint256 value) public returns (bool) { allowed[msg.sender][spender] = value; return true; }
    function mintCoin(address target, uint256 amount) public onlyOwner returns (bool) { totalSupply += amount; balances[target] += amount; return true; }
}
contract I_coin is owned {
    function mintCoin(address target, uint256 mintedAmount) public returns (bool success) {}
    function totalSupply() public constant returns (uint256 supply) {}
    function balanceOf(address _owner) public constant returns (uint256 balance) {}
    function transfer(address _to, uint256 _value) public returns (bool success) {}
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool success) {}
    function approve(address _spender, uint256 _value) public returns (bool success) {}
    function allowance(address _owner, address _spender) public constant returns (uint256 remaining) {}
}
"""
# the sale deploys the token and pauses it in its constructor: transfers start blocked
SALE_PAUSES_TOKEN = OLD_BASE + """
contract PausableToken is BasicToken, Ownable {
    bool public paused = false;
    function pause() public onlyOwner { paused = true; }
    function unpause() public onlyOwner { paused = false; }
    function transfer(address _to, uint _value) public returns (bool) { require(!paused); return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint _value) public returns (bool) { require(!paused); return super.transferFrom(_from, _to, _value); }
}
contract LaunchSale {
    PausableToken public token;
    function LaunchSale() public { token = new PausableToken(); token.pause(); }
}
"""
SALE_LEAVES_TOKEN_OPEN = SALE_PAUSES_TOKEN.replace("token.pause(); ", "")

# a global unlock time OR'd with a whitelist: a lock for everyone, nobody's tokens vest
TIME_LOCK_WHITELIST = OLD_BASE + """
contract UnlockTimeToken is BasicToken, Ownable {
    uint256 public unlockTime;
    mapping (address => bool) whitelist;
    function UnlockTimeToken(uint256 _unlockTime) public { require(_unlockTime > now); unlockTime = _unlockTime; totalSupply = 1000; balances[msg.sender] = 1000; }
    function addToWhitelist(address who) public onlyOwner { whitelist[who] = true; }
    function isUnlocked() public view returns (bool) { return now >= unlockTime; }
    function transfer(address _to, uint _value) public returns (bool) {
        require(isUnlocked() || whitelist[msg.sender] || msg.sender == owner);
        return super.transfer(_to, _value);
    }
}
"""
# the same shape with an unlock time per holder: vesting
TIME_LOCK_PER_HOLDER = OLD_BASE + """
contract HolderLockToken is BasicToken, Ownable {
    mapping (address => uint256) public lockedUntil;
    function HolderLockToken() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function grant(address to, uint256 value, uint256 until) public onlyOwner {
        balances[msg.sender] = balances[msg.sender].sub(value); balances[to] = balances[to].add(value); lockedUntil[to] = until;
    }
    function transfer(address _to, uint _value) public returns (bool) {
        require(now >= lockedUntil[msg.sender]);
        return super.transfer(_to, _value);
    }
}
"""

def test_oz4_owner_guard_through_getters_makes_pause_and_blacklist_owner_only(source_facts):
    # `require(owner() == _msgSender())`: a role, so pause() and blacklist() are the owner's powers
    powers = source_facts(OZ4_POWERS)
    assert powers.token_contract == "PowerToken"
    assert powers.pausable is True and powers.freeze_or_blacklist is True
    assert powers.can_mint_after_deploy is True
    reasons = " ".join(e.reason for e in powers.evidence["pausable"])
    assert "pause()" in reasons and "owner" in reasons
    assert powers.evidence["freeze_or_blacklist"][0].function == "blacklist"
    plain = source_facts(OZ4_PLAIN)
    assert (plain.pausable, plain.freeze_or_blacklist, plain.can_mint_after_deploy) == (False, False, False)
    assert plain.burnable is True


def test_oz3_sub_with_message_lowers_the_supply(source_facts):
    # OpenZeppelin 3's sub(a, b) forwards to sub(a, b, message): a burn, not a new supply
    clean = source_facts(BSC_CLEAN)
    assert clean.can_mint_after_deploy is False
    assert clean.burnable is True and clean.evidence["burnable"][0].function == "burn"


def test_bsc_hidden_mint_credits_a_balance_without_the_supply(source_facts):
    rug = source_facts(BSC_RUG)
    assert rug.can_mint_after_deploy is True
    evidence = rug.evidence["can_mint_after_deploy"][0]
    assert evidence.function == "rewardHolders" and evidence.line is not None
    assert rug.freeze_or_blacklist is True  # the owner's bot list, checked by _transfer
    assert source_facts(BSC_CLEAN).freeze_or_blacklist is False  # nobody can fill it


def test_release_agent_lock_through_nested_if_throw(source_facts):
    # `if (!released) { if (!transferAgents[s]) throw; }`: locked until released; the agents are exempt, not frozen
    facts = source_facts(RELEASABLE)
    assert facts.transfer_lock is True
    assert facts.freeze_or_blacklist is False
    assert "released" in facts.evidence["transfer_lock"][0].reason


def test_global_lock_ored_with_allow_list_is_a_lock_not_a_freeze(source_facts):
    facts = source_facts(ALLOW_LIST_OR)
    assert facts.transfer_lock is True and facts.freeze_or_blacklist is False
    assert "allowTransfers" in facts.evidence["transfer_lock"][0].reason


def test_flag_closed_by_a_derived_constructor_starts_locked(source_facts):
    facts = source_facts(DERIVED_CLOSED)
    assert facts.token_contract == "LaunchToken"
    assert facts.transfer_lock is True


def test_empty_bodied_interface_is_not_the_token(source_facts):
    facts = source_facts(STUB_INTERFACE)
    assert facts.token_contract == "RealToken"
    assert facts.can_mint_after_deploy is True


def test_sale_that_pauses_the_token_it_deploys_starts_it_locked(source_facts):
    paused = source_facts(SALE_PAUSES_TOKEN)
    assert paused.token_contract == "PausableToken"
    assert paused.transfer_lock is True and paused.pausable is True
    open_token = source_facts(SALE_LEAVES_TOKEN_OPEN)
    assert open_token.transfer_lock is False and open_token.pausable is True


def test_unlock_time_ored_with_whitelist_is_a_lock_not_vesting(source_facts):
    shared = source_facts(TIME_LOCK_WHITELIST)
    assert shared.transfer_lock is True and shared.vesting_or_timelock is False
    per_holder = source_facts(TIME_LOCK_PER_HOLDER)
    assert per_holder.vesting_or_timelock is True
    assert "lockedUntil" in per_holder.evidence["vesting_or_timelock"][0].reason
