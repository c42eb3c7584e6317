"""Contract facts on more idioms found in real token code the detectors were not written on: DappHub's
``auth``/``stoppable`` (ds-auth with a multi-return ``isAuthorized`` and its own ``assert(bool)``), a
lock amount read into a local variable before the ``require``, a burn written as assignments, an
owner who sets any balance, OpenZeppelin 2.x (``_balances``/``_allowed``, roles), a lock time set once
when minting ends (a lock, not a pause), a start that may only move earlier, a token that notifies a
replaceable companion (no upgrade) next to a migration to an agent, an upgradeable token's one-time
``initialize()`` and a sale that deploys the token, mints it and finishes minting. Each power appears
with and without it. All sources are written for these tests after the public templates' shapes.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# DappHub (dapp.tools) 2017: ds-auth, ds-stop and ds-token, with DSAuth's own assert(bool)
DS_TOKEN = """pragma solidity ^0.4.11;
contract DSAuthority {
    function canCall(address src, address dst, bytes4 sig) constant returns (bool);
}
contract DSAuth {
    DSAuthority public authority;
    address public owner;
    function DSAuth() { owner = msg.sender; }
    function setOwner(address owner_) auth { owner = owner_; }
    function setAuthority(DSAuthority authority_) auth { authority = authority_; }
    modifier auth { assert(isAuthorized()); _; }
    function isAuthorized() internal returns (bool) {
        if (msg.sender == address(this)) {
            return true;
        } else if (msg.sender == owner) {
            return true;
        } else if (authority == DSAuthority(0)) {
            return false;
        } else {
            return authority.canCall(msg.sender, this, msg.sig);
        }
    }
    function assert(bool x) internal { if (!x) throw; }
}
contract DSStop is DSAuth {
    bool public stopped;
    modifier stoppable { assert(!stopped); _; }
    function stop() auth { stopped = true; }
    function start() auth { stopped = false; }
}
contract DSMath {
    function add(uint256 x, uint256 y) constant internal returns (uint256 z) { if ((z = x + y) < x) throw; }
    function sub(uint256 x, uint256 y) constant internal returns (uint256 z) { if ((z = x - y) > x) throw; }
}
contract DSTokenBase is DSMath {
    uint256 _supply;
    mapping (address => uint256) _balances;
    mapping (address => mapping (address => uint256)) _approvals;
    event Transfer(address indexed from, address indexed to, uint value);
    function totalSupply() constant returns (uint256) { return _supply; }
    function balanceOf(address src) constant returns (uint256) { return _balances[src]; }
    function allowance(address src, address guy) constant returns (uint256) { return _approvals[src][guy]; }
    function transfer(address dst, uint wad) returns (bool) {
        if (_balances[msg.sender] < wad) throw;
        _balances[msg.sender] = sub(_balances[msg.sender], wad);
        _balances[dst] = add(_balances[dst], wad);
        Transfer(msg.sender, dst, wad);
        return true;
    }
    function transferFrom(address src, address dst, uint wad) returns (bool) {
        if (_balances[src] < wad) throw;
        if (_approvals[src][msg.sender] < wad) throw;
        _approvals[src][msg.sender] = sub(_approvals[src][msg.sender], wad);
        _balances[src] = sub(_balances[src], wad);
        _balances[dst] = add(_balances[dst], wad);
        Transfer(src, dst, wad);
        return true;
    }
    function approve(address guy, uint256 wad) returns (bool) { _approvals[msg.sender][guy] = wad; return true; }
}
contract DSToken is DSTokenBase, DSStop {
    bytes32 public symbol;
    uint256 public decimals = 18;
    function DSToken(bytes32 symbol_) { symbol = symbol_; }
    function transfer(address dst, uint wad) stoppable returns (bool) { return super.transfer(dst, wad); }
    function transferFrom(address src, address dst, uint wad) stoppable returns (bool) { return super.transferFrom(src, dst, wad); }
    function mint(uint256 wad) auth stoppable {
        _balances[msg.sender] = add(_balances[msg.sender], wad);
        _supply = add(_supply, wad);
    }
    function burn(uint256 wad) auth stoppable {
        _balances[msg.sender] = sub(_balances[msg.sender], wad);
        _supply = sub(_supply, wad);
    }
}
"""
# the same token whose stop switch is not behind auth at all: anyone may call it, so it is no owner's pause
DS_TOKEN_OPEN_STOP = DS_TOKEN.replace("function stop() auth {", "function stop() {").replace(
    "function start() auth {", "function start() {"
)

OLD_BASE = """pragma solidity ^0.4.24;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
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
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        emit Transfer(_from, _to, _value);
        return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) { allowed[msg.sender][_spender] = _value; return true; }
    function allowance(address _o, address _s) public view returns (uint256) { return allowed[_o][_s]; }
}
"""

# time locks of any amount the owner attaches to any holder, summed by a view function into a local
LOCKABLE = OLD_BASE + """
contract LockableToken is BasicToken, Ownable {
    struct Lock { uint256 amount; uint256 expiresAt; }
    mapping (address => Lock[]) public grantedLocks;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function lock(address _granted, uint256 _amount, uint256 _expiresAt) public onlyOwner {
        require(_expiresAt > now);
        grantedLocks[_granted].push(Lock(_amount, _expiresAt));
    }
    function lockedAmountOf(address _granted) public view returns (uint256) {
        uint256 lockedAmount = 0;
        Lock[] storage locks = grantedLocks[_granted];
        for (uint i = 0; i < locks.length; i++) {
            if (now < locks[i].expiresAt) { lockedAmount = lockedAmount.add(locks[i].amount); }
        }
        return lockedAmount;
    }
    modifier whenNotExceedLock(address _granted, uint256 _value) {
        uint256 lockedAmount = lockedAmountOf(_granted);
        uint256 balance = balanceOf(_granted);
        require(balance > lockedAmount && balance.sub(lockedAmount) >= _value);
        _;
    }
    function transfer(address _to, uint256 _value) public whenNotExceedLock(msg.sender, _value) returns (bool) { return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint256 _value) public whenNotExceedLock(_from, _value) returns (bool) { return super.transferFrom(_from, _to, _value); }
}
"""
# no function attaches locks after deployment: the locks of the constructor only vest
LOCKABLE_FIXED = LOCKABLE.replace(
    "function lock(address _granted, uint256 _amount, uint256 _expiresAt) public onlyOwner {",
    "function lock(address _granted, uint256 _amount, uint256 _expiresAt) internal {",
).replace(
    "constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }",
    "constructor(address team) public { totalSupply = 1000; balances[msg.sender] = 900; balances[team] = 100; lock(team, 100, now + 365 days); }",
)

# the owner sheds tokens by writing his new balance and lowering the supply by the difference (no burn())
BURN_BY_ASSIGNMENT = OLD_BASE + """
contract ReserveToken is BasicToken, Ownable {
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function reduceReserve(uint256 _newReserve) public onlyOwner {
        uint256 current = balances[owner];
        require(_newReserve < current);
        totalSupply = totalSupply.sub(current.sub(_newReserve));
        balances[owner] = _newReserve;
    }
}
"""
NO_BURN = BURN_BY_ASSIGNMENT.replace("totalSupply = totalSupply.sub(current.sub(_newReserve));", "")

# the owner writes any holder's balance (and keeps the supply in step)
SET_BALANCE = OLD_BASE + """
contract AdjustableToken is BasicToken, Ownable {
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function setBalance(address _holder, uint256 _amount) public onlyOwner {
        totalSupply = totalSupply.sub(balances[_holder]).add(_amount);
        balances[_holder] = _amount;
    }
}
"""
# only the holder's own balance can be written: nobody else's
SET_OWN_BALANCE = SET_BALANCE.replace("balances[_holder] = _amount;", "balances[msg.sender] = _amount;").replace(
    "totalSupply.sub(balances[_holder])", "totalSupply.sub(balances[msg.sender])"
).replace("public onlyOwner {", "public {")

# OpenZeppelin 2.x: private _balances/_allowed, Roles for minters and pausers, burnFrom with an allowance
OZ2 = """pragma solidity ^0.5.2;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { require(b <= a); uint256 c = a - b; return c; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a); return c; }
}
library Roles {
    struct Role { mapping (address => bool) bearer; }
    function add(Role storage role, address account) internal { require(!has(role, account)); role.bearer[account] = true; }
    function remove(Role storage role, address account) internal { require(has(role, account)); role.bearer[account] = false; }
    function has(Role storage role, address account) internal view returns (bool) { require(account != address(0)); return role.bearer[account]; }
}
contract MinterRole {
    using Roles for Roles.Role;
    Roles.Role private _minters;
    constructor () internal { _minters.add(msg.sender); }
    modifier onlyMinter() { require(isMinter(msg.sender)); _; }
    function isMinter(address account) public view returns (bool) { return _minters.has(account); }
    function addMinter(address account) public onlyMinter { _minters.add(account); }
}
contract PauserRole {
    using Roles for Roles.Role;
    Roles.Role private _pausers;
    constructor () internal { _pausers.add(msg.sender); }
    modifier onlyPauser() { require(isPauser(msg.sender)); _; }
    function isPauser(address account) public view returns (bool) { return _pausers.has(account); }
}
contract Ownable {
    address private _owner;
    constructor () internal { _owner = msg.sender; }
    function owner() public view returns (address) { return _owner; }
    modifier onlyOwner() { require(isOwner()); _; }
    function isOwner() public view returns (bool) { return msg.sender == _owner; }
}
contract Pausable is PauserRole {
    bool private _paused;
    constructor () internal { _paused = false; }
    function paused() public view returns (bool) { return _paused; }
    modifier whenNotPaused() { require(!_paused); _; }
    modifier whenPaused() { require(_paused); _; }
    function pause() public onlyPauser whenNotPaused { _paused = true; }
    function unpause() public onlyPauser whenPaused { _paused = false; }
}
contract ERC20 {
    using SafeMath for uint256;
    mapping (address => uint256) private _balances;
    mapping (address => mapping (address => uint256)) private _allowed;
    uint256 private _totalSupply;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    function totalSupply() public view returns (uint256) { return _totalSupply; }
    function balanceOf(address owner) public view returns (uint256) { return _balances[owner]; }
    function allowance(address owner, address spender) public view returns (uint256) { return _allowed[owner][spender]; }
    function transfer(address to, uint256 value) public returns (bool) { _transfer(msg.sender, to, value); return true; }
    function approve(address spender, uint256 value) public returns (bool) { _approve(msg.sender, spender, value); return true; }
    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        _transfer(from, to, value);
        _approve(from, msg.sender, _allowed[from][msg.sender].sub(value));
        return true;
    }
    function _transfer(address from, address to, uint256 value) internal {
        require(to != address(0));
        _balances[from] = _balances[from].sub(value);
        _balances[to] = _balances[to].add(value);
        emit Transfer(from, to, value);
    }
    function _mint(address account, uint256 value) internal {
        require(account != address(0));
        _totalSupply = _totalSupply.add(value);
        _balances[account] = _balances[account].add(value);
        emit Transfer(address(0), account, value);
    }
    function _burn(address account, uint256 value) internal {
        require(account != address(0));
        _totalSupply = _totalSupply.sub(value);
        _balances[account] = _balances[account].sub(value);
        emit Transfer(account, address(0), value);
    }
    function _approve(address owner, address spender, uint256 value) internal {
        require(spender != address(0));
        require(owner != address(0));
        _allowed[owner][spender] = value;
        emit Approval(owner, spender, value);
    }
    function _burnFrom(address account, uint256 value) internal {
        _burn(account, value);
        _approve(account, msg.sender, _allowed[account][msg.sender].sub(value));
    }
}
contract ERC20Burnable is ERC20 {
    function burn(uint256 value) public { _burn(msg.sender, value); }
    function burnFrom(address from, uint256 value) public { _burnFrom(from, value); }
}
contract ERC20Mintable is ERC20, MinterRole {
    function mint(address to, uint256 value) public onlyMinter returns (bool) { _mint(to, value); return true; }
}
contract ERC20Pausable is ERC20, Pausable {
    function transfer(address to, uint256 value) public whenNotPaused returns (bool) { return super.transfer(to, value); }
    function transferFrom(address from, address to, uint256 value) public whenNotPaused returns (bool) { return super.transferFrom(from, to, value); }
}
contract SpotToken is ERC20Burnable, ERC20Mintable, ERC20Pausable, Ownable {
    string public name = "Spot";
    uint8 public decimals = 18;
    constructor () public { _mint(msg.sender, 1000 * (10 ** uint256(decimals))); }
}
"""
# the same token with an owner-only burn of anybody's tokens
OZ2_ADMIN_BURN = OZ2.replace(
    "constructor () public { _mint(",
    "function adminBurn(address account, uint256 value) public onlyOwner { _burn(account, value); }\n    constructor () public { _mint(",
)

# a lock time set once, seven days after minting ends: transfers locked from deployment, no pause
ONE_WAY_LOCK_TIME = OLD_BASE + """
contract LaunchToken is BasicToken, Ownable {
    bool public mintingFinished = false;
    uint256 public transfersAllowedAt;
    function mint(address _to, uint256 _amount) public onlyOwner returns (bool) {
        require(!mintingFinished);
        totalSupply = totalSupply.add(_amount);
        balances[_to] = balances[_to].add(_amount);
        return true;
    }
    function finishMinting() public onlyOwner returns (bool) {
        require(!mintingFinished);
        mintingFinished = true;
        transfersAllowedAt = now + 7 days;
        return true;
    }
    modifier canTransfer() { require(transfersAllowedAt != 0 && now >= transfersAllowedAt); _; }
    function transfer(address _to, uint256 _value) public canTransfer returns (bool) { return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint256 _value) public canTransfer returns (bool) { return super.transferFrom(_from, _to, _value); }
}
"""
# the owner may set the lock time again and again: a pause (and no lock at deployment)
MOVABLE_LOCK_TIME = OLD_BASE + """
contract HaltableToken is BasicToken, Ownable {
    uint256 public lockedUntil;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function lockUntil(uint256 _time) public onlyOwner { lockedUntil = _time; }
    function transfer(address _to, uint256 _value) public returns (bool) { require(now >= lockedUntil); return super.transfer(_to, _value); }
}
"""
# a start the owner may only bring forward: locked until then, but no pause
EARLIER_START = OLD_BASE + """
contract StartToken is BasicToken, Ownable {
    uint256 public tradingStart;
    constructor(uint256 _start) public { require(_start > now); tradingStart = _start; totalSupply = 1000; balances[msg.sender] = 1000; }
    function bringForward(uint256 _start) public onlyOwner { require(_start < tradingStart); tradingStart = _start; }
    function transfer(address _to, uint256 _value) public returns (bool) { require(now >= tradingStart); return super.transfer(_to, _value); }
}
"""

# the token keeps its balances and tells a companion the owner may replace: a hook, no upgrade
NOTIFIES_COMPANION = OLD_BASE + """
contract TransferListener { function onTransfer(address from, address to, uint256 value) public; }
contract ListenedToken is BasicToken, Ownable {
    TransferListener public listener;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function setListener(address _listener) public onlyOwner { listener = TransferListener(_listener); }
    function transfer(address _to, uint256 _value) public returns (bool) {
        super.transfer(_to, _value);
        listener.onTransfer(msg.sender, _to, _value);
        return true;
    }
}
"""
# a holder hands all his tokens to a migration agent the owner sets (no supply bookkeeping)
MIGRATES_TO_AGENT = OLD_BASE + """
contract MigrationAgent { function migrateFrom(address from, uint256 value) public; }
contract MigratableToken is BasicToken, Ownable {
    MigrationAgent public migrationAgent;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function setMigrationAgent(address _agent) public onlyOwner { migrationAgent = MigrationAgent(_agent); }
    function migrate() public {
        require(address(migrationAgent) != address(0));
        uint256 value = balances[msg.sender];
        balances[msg.sender] = 0;
        migrationAgent.migrateFrom(msg.sender, value);
    }
}
"""

# an upgradeable token's one-time initialize() mints the supply: that is its deployment, not a mint
INITIALIZABLE = """pragma solidity ^0.5.2;
contract Initializable {
    bool private initialized;
    bool private initializing;
    modifier initializer() {
        require(initializing || !initialized);
        bool isTopLevelCall = !initializing;
        if (isTopLevelCall) { initializing = true; initialized = true; }
        _;
        if (isTopLevelCall) { initializing = false; }
    }
}
contract UpgradeableToken is Initializable {
    mapping (address => uint256) private _balances;
    mapping (address => mapping (address => uint256)) private _allowed;
    uint256 private _totalSupply;
    address public owner;
    function initialize(address _owner, uint256 _supply) public initializer {
        owner = _owner;
        _totalSupply = _supply;
        _balances[_owner] = _supply;
    }
    function totalSupply() public view returns (uint256) { return _totalSupply; }
    function balanceOf(address a) public view returns (uint256) { return _balances[a]; }
    function allowance(address a, address s) public view returns (uint256) { return _allowed[a][s]; }
    function transfer(address to, uint256 value) public returns (bool) {
        require(_balances[msg.sender] >= value);
        _balances[msg.sender] -= value; _balances[to] += value; return true;
    }
    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(_balances[from] >= value && _allowed[from][msg.sender] >= value);
        _allowed[from][msg.sender] -= value; _balances[from] -= value; _balances[to] += value; return true;
    }
    function approve(address s, uint256 value) public returns (bool) { _allowed[msg.sender][s] = value; return true; }
}
"""
INITIALIZABLE_MINTER = INITIALIZABLE.replace(
    "function totalSupply()",
    "function mint(address to, uint256 value) public { require(msg.sender == owner); _totalSupply += value; _balances[to] += value; }\n    function totalSupply()",
)

# the sale deploys the token, mints the whole supply and finishes minting in its constructor
MINTABLE = OLD_BASE + """
contract MintableToken is BasicToken, Ownable {
    bool public mintingFinished = false;
    modifier canMint() { require(!mintingFinished); _; }
    function mint(address _to, uint256 _amount) public onlyOwner canMint returns (bool) {
        totalSupply = totalSupply.add(_amount);
        balances[_to] = balances[_to].add(_amount);
        return true;
    }
    function finishMinting() public onlyOwner canMint returns (bool) { mintingFinished = true; return true; }
}
"""
SALE_FINISHES_MINTING = MINTABLE + """
contract FixedDistribution {
    MintableToken public token;
    constructor(address team, address sale) public {
        token = new MintableToken();
        token.mint(team, 300);
        token.mint(sale, 700);
        token.finishMinting();
    }
}
"""
SALE_KEEPS_MINTING = SALE_FINISHES_MINTING.replace("token.finishMinting();", "")


def test_dappsys_auth_and_stoppable_are_owner_powers(source_facts):
    # `auth` runs isAuthorized(), several returns under if/else; `stoppable` calls DSAuth's own assert(bool)
    facts = source_facts(DS_TOKEN)
    assert facts.token_contract == "DSToken"
    assert facts.pausable is True
    assert "stop()" in facts.evidence["pausable"][0].reason
    assert facts.can_mint_after_deploy is True and facts.burnable is True
    roles = {r.name: r.functions for r in facts.roles}
    assert any("mint" in functions and "stop" in functions for functions in roles.values())
    open_stop = source_facts(DS_TOKEN_OPEN_STOP)
    assert open_stop.pausable is False


def test_lock_amount_read_into_a_local_is_a_per_account_lock(source_facts):
    # `uint256 lockedAmount = lockedAmountOf(_granted); require(balance.sub(lockedAmount) >= _value)`
    facts = source_facts(LOCKABLE)
    assert facts.vesting_or_timelock is True
    assert facts.freeze_or_blacklist is True
    assert facts.evidence["freeze_or_blacklist"][0].function == "lock"
    fixed = source_facts(LOCKABLE_FIXED)
    assert fixed.vesting_or_timelock is True and fixed.freeze_or_blacklist is False


def test_burn_written_as_assignments(source_facts):
    facts = source_facts(BURN_BY_ASSIGNMENT)
    assert facts.burnable is True
    assert facts.evidence["burnable"][0].function == "reduceReserve"
    assert facts.can_mint_after_deploy is False
    assert source_facts(NO_BURN).burnable is False


def test_owner_setting_any_balance_changes_balances(source_facts):
    facts = source_facts(SET_BALANCE)
    assert facts.owner_can_change_balances is True
    assert facts.evidence["owner_can_change_balances"][0].function == "setBalance"
    assert source_facts(SET_OWN_BALANCE).owner_can_change_balances is False


def test_openzeppelin_2_roles_and_private_allowances(source_facts):
    facts = source_facts(OZ2)
    assert facts.token_contract == "SpotToken"
    assert (facts.can_mint_after_deploy, facts.burnable, facts.pausable) == (True, True, True)
    assert facts.owner_can_change_balances is False  # burnFrom spends the holder's allowance
    assert facts.freeze_or_blacklist is False and facts.transfer_lock is False
    admin = source_facts(OZ2_ADMIN_BURN)
    assert admin.owner_can_change_balances is True
    assert "adminBurn()" in admin.evidence["owner_can_change_balances"][0].reason


def test_lock_time_set_once_is_a_lock_not_a_pause(source_facts):
    once = source_facts(ONE_WAY_LOCK_TIME)
    assert once.transfer_lock is True and once.pausable is False
    movable = source_facts(MOVABLE_LOCK_TIME)
    assert movable.pausable is True and movable.transfer_lock is False
    earlier = source_facts(EARLIER_START)
    assert earlier.transfer_lock is True and earlier.pausable is False


def test_companion_hook_is_no_upgrade_but_an_agent_migration_is(source_facts):
    assert source_facts(NOTIFIES_COMPANION).upgradeable_or_migratable is False
    migrates = source_facts(MIGRATES_TO_AGENT)
    assert migrates.upgradeable_or_migratable is True
    assert migrates.evidence["upgradeable_or_migratable"][0].function in ("migrate", "migrateFrom")


def test_one_time_initialize_is_deployment_not_minting(source_facts):
    facts = source_facts(INITIALIZABLE)
    assert facts.can_mint_after_deploy is False
    assert source_facts(INITIALIZABLE_MINTER).can_mint_after_deploy is True


def test_minting_finished_by_the_deploying_sale(source_facts):
    finished = source_facts(SALE_FINISHES_MINTING)
    assert finished.token_contract == "MintableToken"
    assert finished.can_mint_after_deploy is False
    assert source_facts(SALE_KEEPS_MINTING).can_mint_after_deploy is True


# a sale of an outside token: finalize() sends what is left once the sale has ended (no vesting);
# the same sale keeping the team's tokens a year past its end (a vesting); no token here, but a kill switch
SALE_ONLY = """pragma solidity ^0.4.24;
contract ERC20 {
    function transfer(address to, uint256 value) public returns (bool);
    function balanceOf(address who) public view returns (uint256);
}
contract OutsideTokenSale {
    ERC20 public token;
    address public owner;
    address public wallet;
    address public team;
    uint256 public startTime;
    uint256 public endTime;
    uint256 public rate;
    uint256 public sold;
    bool public isFinalized;
    constructor(ERC20 _token, address _wallet, address _team, uint256 _start, uint256 _end, uint256 _rate) public {
        token = _token; wallet = _wallet; team = _team; startTime = _start; endTime = _end; rate = _rate; owner = msg.sender;
    }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function () external payable { buyTokens(msg.sender); }
    function buyTokens(address _beneficiary) public payable {
        require(block.timestamp >= startTime && block.timestamp <= endTime);
        uint256 tokens = msg.value * rate;
        sold = sold + tokens;
        require(token.transfer(_beneficiary, tokens));
    }
    function finalize() external onlyOwner {
        require(!isFinalized);
        require(block.timestamp > endTime);
        token.transfer(wallet, token.balanceOf(this));
        isFinalized = true;
    }
    function kill() external onlyOwner { selfdestruct(owner); }
}
"""
SALE_WITH_TEAM_LOCK = SALE_ONLY.replace(
    "function kill()",
    "function releaseTeamTokens() external { require(block.timestamp > endTime + 365 days); token.transfer(team, 1000); }\n    function kill()",
)


def test_sale_closing_after_its_end_is_no_vesting(source_facts):
    sale = source_facts(SALE_ONLY)
    assert sale.token_contract is None and sale.crowdsale_in_file is True
    assert sale.vesting_or_timelock is False
    assert sale.selfdestruct is True  # no token: the deployed sale is judged
    assert source_facts(SALE_WITH_TEAM_LOCK).vesting_or_timelock is True
    assert source_facts(SALE_ONLY.replace("function kill() external onlyOwner { selfdestruct(owner); }", "")).selfdestruct is False


# the 2017 template's sale whose rate is never set: msg.value * 0 tokens, no sale
TEMPLATE_SALE = OLD_BASE + """
contract TemplateCoin is BasicToken {
    uint256 public unitsOneEthCanBuy;
    address public fundsWallet;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; fundsWallet = msg.sender; }
    function() public payable {
        uint256 amount = msg.value * unitsOneEthCanBuy;
        require(balances[fundsWallet] >= amount);
        balances[fundsWallet] = balances[fundsWallet] - amount;
        balances[msg.sender] = balances[msg.sender] + amount;
        fundsWallet.transfer(msg.value);
    }
}
"""
TEMPLATE_SALE_PRICED = TEMPLATE_SALE.replace("fundsWallet = msg.sender; }", "fundsWallet = msg.sender; unitsOneEthCanBuy = 10; }")


def test_sale_whose_rate_is_never_set_sells_nothing(source_facts):
    assert source_facts(TEMPLATE_SALE).crowdsale_in_file is False
    assert source_facts(TEMPLATE_SALE_PRICED).crowdsale_in_file is True


# the lock time of each holder kept in his balance record; a vault whose unlock() is payable but sells nothing
STRUCT_LOCK = """pragma solidity ^0.4.24;
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract RecordToken is Ownable {
    struct Account { uint256 balance; uint256 lockedUntil; }
    mapping (address => Account) accounts;
    mapping (address => mapping (address => uint256)) allowed;
    uint256 public totalSupply;
    constructor() public { totalSupply = 1000; accounts[msg.sender].balance = 1000; }
    function balanceOf(address who) public view returns (uint256) { return accounts[who].balance; }
    function allowance(address a, address s) public view returns (uint256) { return allowed[a][s]; }
    function approve(address s, uint256 v) public returns (bool) { allowed[msg.sender][s] = v; return true; }
    function grant(address to, uint256 value, uint256 until) public onlyOwner {
        require(accounts[msg.sender].balance >= value);
        accounts[msg.sender].balance -= value; accounts[to].balance += value; accounts[to].lockedUntil = until;
    }
    function transfer(address to, uint256 value) public returns (bool) {
        Account storage from = accounts[msg.sender];
        require(now >= from.lockedUntil);
        require(from.balance >= value);
        from.balance -= value; accounts[to].balance += value; return true;
    }
    function transferFrom(address f, address to, uint256 value) public returns (bool) {
        require(now >= accounts[f].lockedUntil);
        require(accounts[f].balance >= value && allowed[f][msg.sender] >= value);
        allowed[f][msg.sender] -= value; accounts[f].balance -= value; accounts[to].balance += value; return true;
    }
}
"""
STRUCT_NO_LOCK = STRUCT_LOCK.replace("require(now >= from.lockedUntil);", "").replace("require(now >= accounts[f].lockedUntil);", "")
PAYABLE_VAULT = """pragma solidity ^0.4.24;
contract ERC20 { function transfer(address to, uint256 value) public returns (bool); function balanceOf(address a) public view returns (uint256); }
contract TeamVault {
    ERC20 public token;
    address public team;
    uint256 public unlockedAt;
    constructor(ERC20 _token, address _team) public { token = _token; team = _team; unlockedAt = now + 365 days; }
    function unlock() public payable {
        require(now >= unlockedAt);
        token.transfer(team, token.balanceOf(this));
    }
}
"""


def test_lock_time_in_the_balance_record_and_payable_vault_vest(source_facts):
    record = source_facts(STRUCT_LOCK)
    assert record.token_contract == "RecordToken"
    assert record.vesting_or_timelock is True
    assert "lockedUntil" in record.evidence["vesting_or_timelock"][0].reason or "accounts" in record.evidence["vesting_or_timelock"][0].reason
    assert source_facts(STRUCT_NO_LOCK).vesting_or_timelock is False
    assert source_facts(PAYABLE_VAULT).vesting_or_timelock is True


# `if (transfersEnabled) { ...; return true; } revert();` and a lock helper with several returns
RETURN_THEN_REVERT = OLD_BASE + """
contract GateToken is BasicToken, Ownable {
    bool public transfersEnabled = false;
    mapping (address => bool) public exempt;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function enableTransfers() public onlyOwner { transfersEnabled = true; }
    function canMove(address who) internal view returns (bool) {
        if (transfersEnabled) { return true; }
        if (exempt[who]) { return true; }
        return false;
    }
    function transfer(address _to, uint256 _value) public returns (bool) {
        if (canMove(msg.sender)) {
            return super.transfer(_to, _value);
        }
        revert();
    }
}
"""
RETURN_THEN_REVERT_OPEN = RETURN_THEN_REVERT.replace("bool public transfersEnabled = false;", "bool public transfersEnabled = true;")


def test_lock_behind_return_then_revert_and_multi_return_helper(source_facts):
    locked = source_facts(RETURN_THEN_REVERT)
    assert locked.transfer_lock is True and locked.freeze_or_blacklist is False
    assert source_facts(RETURN_THEN_REVERT_OPEN).transfer_lock is False


# a sale holding an ERC20Basic-typed token (no allowance in the type) and a fundraiser contract
BASIC_TYPED_SALE = """pragma solidity ^0.4.24;
contract ERC20Basic {
    function totalSupply() public view returns (uint256);
    function balanceOf(address who) public view returns (uint256);
    function transfer(address to, uint256 value) public returns (bool);
}
contract Distributor {
    ERC20Basic public token;
    uint256 public rate = 100;
    constructor(ERC20Basic _token) public { token = _token; }
    function () external payable { require(token.transfer(msg.sender, msg.value * rate)); }
}
"""
DONATION_BOX = BASIC_TYPED_SALE.replace("function () external payable { require(token.transfer(msg.sender, msg.value * rate)); }", "function () external payable { }")


def test_sale_of_an_erc20basic_token_is_a_sale(source_facts):
    assert source_facts(BASIC_TYPED_SALE).crowdsale_in_file is True
    assert source_facts(DONATION_BOX).crowdsale_in_file is False


# a built-in sale that sells out of a wallet the owner may repoint at any holder's address
WALLET_SALE = OLD_BASE + """
contract ShopToken is BasicToken, Ownable {
    address public walletOwnerAddress;
    uint256 public rate = 1500;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; walletOwnerAddress = msg.sender; }
    function setWalletOwnerAddress(address _newaddress) public onlyOwner { walletOwnerAddress = _newaddress; }
    function setRate(uint256 _rate) public onlyOwner { rate = _rate; }
    function () public payable {
        uint256 tokens = msg.value * rate;
        balances[walletOwnerAddress] = balances[walletOwnerAddress].sub(tokens);
        balances[msg.sender] = balances[msg.sender].add(tokens);
        walletOwnerAddress.transfer(msg.value);
    }
}
"""
# the sale sells out of the owner's own balance: the owner can only sell his own tokens
OWNER_SALE = WALLET_SALE.replace("walletOwnerAddress", "owner").replace(
    "    address public owner;\n    uint256 public rate", "    uint256 public rate"
).replace("function setWalletOwnerAddress(address _newaddress) public onlyOwner { owner = _newaddress; }", "function transferOwnership(address _n) public onlyOwner { owner = _n; }").replace(" owner = msg.sender; }\n    function transferOwnership", " }\n    function transferOwnership")


def test_sale_out_of_a_repointable_wallet_lets_the_owner_take_tokens(source_facts):
    facts = source_facts(WALLET_SALE)
    assert facts.owner_can_change_balances is True
    assert "walletOwnerAddress" in facts.evidence["owner_can_change_balances"][0].reason
    assert source_facts(OWNER_SALE).owner_can_change_balances is False


# a BSC-style token whose owner writes any balance through its storage slot (solc 0.8 Yul and 0.5 legacy assembly)
ASSEMBLY_BALANCE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract SlotToken {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply;
    address private _owner;
    event Transfer(address indexed from, address indexed to, uint256 value);
    constructor() { _owner = msg.sender; _totalSupply = 1000; _balances[msg.sender] = 1000; }
    modifier onlyOwner() { require(msg.sender == _owner, "not owner"); _; }
    function totalSupply() public view returns (uint256) { return _totalSupply; }
    function balanceOf(address a) public view returns (uint256) { return _balances[a]; }
    function allowance(address a, address s) public view returns (uint256) { return _allowances[a][s]; }
    function approve(address s, uint256 v) public returns (bool) { _allowances[msg.sender][s] = v; return true; }
    function transfer(address to, uint256 v) public returns (bool) { _balances[msg.sender] -= v; _balances[to] += v; emit Transfer(msg.sender, to, v); return true; }
    function transferFrom(address f, address to, uint256 v) public returns (bool) {
        _allowances[f][msg.sender] -= v; _balances[f] -= v; _balances[to] += v; emit Transfer(f, to, v); return true;
    }
    function isContract(address account) public view returns (bool) {
        uint256 size;
        assembly { size := extcodesize(account) }
        return size > 0;
    }
    function setBalance(address account, uint256 amount) external onlyOwner {
        assembly {
            mstore(0, account)
            mstore(32, _balances.slot)
            sstore(keccak256(0, 64), amount)
        }
    }
}
"""
ASSEMBLY_READ_ONLY = ASSEMBLY_BALANCE.replace("sstore(keccak256(0, 64), amount)", "let current := sload(keccak256(0, 64))")
ASSEMBLY_BALANCE_05 = (
    ASSEMBLY_BALANCE.replace("pragma solidity ^0.8.0;", "pragma solidity ^0.5.2;")
    .replace("_balances.slot", "_balances_slot")
    .replace("constructor() {", "constructor() public {")
)


def test_balance_written_through_its_storage_slot(source_facts):
    for source in (ASSEMBLY_BALANCE, ASSEMBLY_BALANCE_05):
        facts = source_facts(source)
        assert facts.token_contract == "SlotToken"
        assert facts.owner_can_change_balances is True and facts.can_mint_after_deploy is True
        assert facts.evidence["owner_can_change_balances"][0].function == "setBalance"
    plain = source_facts(ASSEMBLY_READ_ONLY)
    assert plain.owner_can_change_balances is False and plain.can_mint_after_deploy is False


# a BSC reward token that creates its dividend tracker (an ERC-20 itself) with `new`: the token is the deployed one
DIVIDEND_TRACKER = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract SimpleERC20 {
    mapping(address => uint256) internal _balances;
    mapping(address => mapping(address => uint256)) internal _allowances;
    uint256 internal _totalSupply;
    function totalSupply() public view returns (uint256) { return _totalSupply; }
    function balanceOf(address a) public view returns (uint256) { return _balances[a]; }
    function allowance(address a, address s) public view returns (uint256) { return _allowances[a][s]; }
    function approve(address s, uint256 v) public returns (bool) { _allowances[msg.sender][s] = v; return true; }
    function transfer(address to, uint256 v) public virtual returns (bool) { _move(msg.sender, to, v); return true; }
    function transferFrom(address f, address to, uint256 v) public virtual returns (bool) { _allowances[f][msg.sender] -= v; _move(f, to, v); return true; }
    function _move(address f, address to, uint256 v) internal virtual { _balances[f] -= v; _balances[to] += v; }
    function _mint(address to, uint256 v) internal { _totalSupply += v; _balances[to] += v; }
}
contract DividendTracker is SimpleERC20 {
    address public token;
    constructor() { token = msg.sender; }
    function setBalance(address account, uint256 newBalance) external {
        require(msg.sender == token);
        _balances[account] = newBalance;
    }
    function transfer(address, uint256) public pure override returns (bool) { revert("no transfers"); }
}
contract RewardToken is SimpleERC20 {
    DividendTracker public dividendTracker;
    constructor() {
        dividendTracker = new DividendTracker();
        _mint(msg.sender, 1000000);
    }
    function _move(address f, address to, uint256 v) internal override {
        super._move(f, to, v);
        dividendTracker.setBalance(f, _balances[f]);
        dividendTracker.setBalance(to, _balances[to]);
    }
}
"""


def test_dividend_tracker_created_by_the_token_is_not_the_token(source_facts):
    facts = source_facts(DIVIDEND_TRACKER)
    assert facts.token_contract == "RewardToken"
    assert facts.can_mint_after_deploy is False and facts.owner_can_change_balances is False


# a stage machine: transfers need Stage.Trading, the token starts in Funding (a lock), or in Trading (none)
STAGED = OLD_BASE + """
contract StagedToken is BasicToken, Ownable {
    enum Stage { Funding, Trading }
    Stage public stage = Stage.Funding;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function startTrading() public onlyOwner { stage = Stage.Trading; }
    function transfer(address _to, uint256 _value) public returns (bool) { require(stage == Stage.Trading); return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) { require(stage == Stage.Trading); return super.transferFrom(_from, _to, _value); }
}
"""
STAGED_OPEN = STAGED.replace("Stage public stage = Stage.Funding;", "Stage public stage = Stage.Trading;")
STAGED_CTOR = STAGED.replace("Stage public stage = Stage.Funding;", "Stage public stage;").replace(
    "constructor() public { totalSupply = 1000;", "constructor() public { stage = Stage.Trading; totalSupply = 1000;"
)


def test_stage_machine_lock(source_facts):
    staged = source_facts(STAGED)
    assert staged.transfer_lock is True
    assert "stage" in staged.evidence["transfer_lock"][0].reason
    assert source_facts(STAGED_OPEN).transfer_lock is False
    assert source_facts(STAGED_CTOR).transfer_lock is False


# the owner check written with tx.origin
TX_ORIGIN_OWNER = OLD_BASE + """
contract OriginToken is BasicToken {
    address public owner;
    bool public paused = false;
    constructor() public { owner = tx.origin; totalSupply = 1000; balances[tx.origin] = 1000; }
    function pause() public { require(tx.origin == owner); paused = true; }
    function unpause() public { require(tx.origin == owner); paused = false; }
    function transfer(address _to, uint256 _value) public returns (bool) { require(!paused); return super.transfer(_to, _value); }
}
"""


def test_tx_origin_owner_check_is_a_role(source_facts):
    facts = source_facts(TX_ORIGIN_OWNER)
    assert facts.pausable is True
    assert any(r.name == "owner" and "pause" in r.functions for r in facts.roles)


# a library-driven token (Aragon's "library driven development"): the books live in a struct the library updates
LIBRARY_TOKEN = """pragma solidity ^0.4.18;
library SafeMathLib {
    function safeAdd(uint a, uint b) internal pure returns (uint) { uint c = a + b; assert(c >= a); return c; }
    function safeSub(uint a, uint b) internal pure returns (uint) { assert(b <= a); return a - b; }
}
library ERC20Lib {
    using SafeMathLib for uint;
    struct TokenStorage {
        mapping (address => uint) balances;
        mapping (address => mapping (address => uint)) allowed;
        uint totalSupply;
    }
    function init(TokenStorage storage self, uint _initial_supply) internal {
        self.totalSupply = _initial_supply;
        self.balances[msg.sender] = _initial_supply;
    }
    function transfer(TokenStorage storage self, address _to, uint _value) internal returns (bool) {
        self.balances[msg.sender] = self.balances[msg.sender].safeSub(_value);
        self.balances[_to] = self.balances[_to].safeAdd(_value);
        return true;
    }
    function transferFrom(TokenStorage storage self, address _from, address _to, uint _value) internal returns (bool) {
        self.allowed[_from][msg.sender] = self.allowed[_from][msg.sender].safeSub(_value);
        self.balances[_from] = self.balances[_from].safeSub(_value);
        self.balances[_to] = self.balances[_to].safeAdd(_value);
        return true;
    }
    function balanceOf(TokenStorage storage self, address _owner) internal view returns (uint) { return self.balances[_owner]; }
    function approve(TokenStorage storage self, address _spender, uint _value) internal returns (bool) { self.allowed[msg.sender][_spender] = _value; return true; }
    function allowance(TokenStorage storage self, address _owner, address _spender) internal view returns (uint) { return self.allowed[_owner][_spender]; }
    function mintCoin(TokenStorage storage self, address target, uint amount) internal returns (bool) {
        self.balances[target] = self.balances[target].safeAdd(amount);
        self.totalSupply = self.totalSupply.safeAdd(amount);
        return true;
    }
    function meltCoin(TokenStorage storage self, address target, uint amount) internal returns (bool) {
        self.balances[target] = self.balances[target].safeSub(amount);
        self.totalSupply = self.totalSupply.safeSub(amount);
        return true;
    }
}
contract owned {
    address public owner;
    function owned() public { owner = msg.sender; }
    modifier onlyOwner { if (msg.sender == owner) _; }
}
contract LibToken is owned {
    using ERC20Lib for ERC20Lib.TokenStorage;
    ERC20Lib.TokenStorage token;
    function LibToken() public { token.init(0); }
    function totalSupply() public view returns (uint) { return token.totalSupply; }
    function balanceOf(address who) public view returns (uint) { return token.balanceOf(who); }
    function allowance(address o, address s) public view returns (uint) { return token.allowance(o, s); }
    function transfer(address to, uint value) public returns (bool) { return token.transfer(to, value); }
    function transferFrom(address from, address to, uint value) public returns (bool) { return token.transferFrom(from, to, value); }
    function approve(address spender, uint value) public returns (bool) { return token.approve(spender, value); }
    function mintCoin(address target, uint amount) public onlyOwner returns (bool) { return token.mintCoin(target, amount); }
    function meltCoin(address target, uint amount) public onlyOwner returns (bool) { return token.meltCoin(target, amount); }
}
"""
LIBRARY_TOKEN_FIXED = LIBRARY_TOKEN.replace(
    "    function mintCoin(address target, uint amount) public onlyOwner returns (bool) { return token.mintCoin(target, amount); }\n"
    "    function meltCoin(address target, uint amount) public onlyOwner returns (bool) { return token.meltCoin(target, amount); }\n",
    "",
).replace("token.init(0);", "token.init(1000);")


def test_library_driven_token_books_in_a_struct(source_facts):
    facts = source_facts(LIBRARY_TOKEN)
    assert facts.token_contract == "LibToken" and facts.status == "ok"
    assert (facts.can_mint_after_deploy, facts.burnable, facts.owner_can_change_balances) == (True, True, True)
    assert "token.totalSupply" in facts.evidence["can_mint_after_deploy"][0].reason
    assert facts.pausable is False and facts.freeze_or_blacklist is False and facts.transfer_fee is False
    fixed = source_facts(LIBRARY_TOKEN_FIXED)
    assert (fixed.can_mint_after_deploy, fixed.burnable, fixed.owner_can_change_balances) == (False, False, False)
    assert fixed.freeze_or_blacklist is False


# 2017's silent owner check `if (msg.sender == owner) _;`, declared in an inherited contract
SILENT_OWNER = OLD_BASE.replace("modifier onlyOwner() { require(msg.sender == owner); _; }", "modifier onlyOwner() { if (msg.sender == owner) _; }") + """
contract SilentToken is BasicToken, Ownable {
    bool public halted;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function halt(bool _halted) public onlyOwner { halted = _halted; }
    function seize(address _from, uint256 _value) public onlyOwner {
        balances[_from] = balances[_from].sub(_value); balances[owner] = balances[owner].add(_value);
    }
    function transfer(address _to, uint256 _value) public returns (bool) { require(!halted); return super.transfer(_to, _value); }
}
"""


def test_silent_inherited_owner_modifier_is_a_role(source_facts):
    facts = source_facts(SILENT_OWNER)
    assert facts.pausable is True and facts.owner_can_change_balances is True
    assert any(r.name == "owner" and {"halt", "seize"} <= set(r.functions) for r in facts.roles)


# the owner writes balances only while an allocation counter runs down: allotments, not a power over holders
ALLOCATION_PHASE = SET_BALANCE.replace(
    "function setBalance(address _holder, uint256 _amount) public onlyOwner {",
    "uint256 public accountsToAllocate = 10;\n    function setBalance(address _holder, uint256 _amount) public onlyOwner {\n        require(accountsToAllocate > 0);\n        accountsToAllocate--;",
)


def test_allocation_phase_writes_are_no_power_over_balances(source_facts):
    assert source_facts(ALLOCATION_PHASE).owner_can_change_balances is False


# the owner's transferFrom skips the allowance: a power over every holder's tokens
OWNER_SKIPS_ALLOWANCE = OLD_BASE + """
contract ManagedToken is BasicToken, Ownable {
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        if (msg.sender != owner) {
            allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        }
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        return true;
    }
}
"""
# a sale keeping the token as a plain address and casting it for the mint
ADDRESS_TYPED_SALE = """pragma solidity ^0.4.24;
contract MintableToken { function mint(address to, uint256 amount) public returns (bool); }
contract Seller {
    address public token;
    uint256 public rate = 100;
    constructor(address _token) public { token = _token; }
    function buy() public payable { MintableToken(token).mint(msg.sender, msg.value * rate); }
}
"""


def test_owner_bypassing_the_allowance_and_address_typed_sale(source_facts):
    facts = source_facts(OWNER_SKIPS_ALLOWANCE)
    assert facts.owner_can_change_balances is True
    assert source_facts(OLD_BASE + ALLOCATION_PHASE[len(OLD_BASE):].replace("AdjustableToken", "Plain")).owner_can_change_balances is False
    assert source_facts(ADDRESS_TYPED_SALE).crowdsale_in_file is True


# transfers wait for the sale of the same file: its end time, or its finalized flag
WAITS_FOR_SALE = OLD_BASE + """
contract Sale {
    uint256 public endTime;
    bool public finalized;
    address public owner;
    constructor(uint256 _end) public { endTime = _end; owner = msg.sender; }
    function hasEnded() public view returns (bool) { return now > endTime; }
    function finalize() public { require(msg.sender == owner && hasEnded()); finalized = true; }
}
contract SaleToken is BasicToken, Ownable {
    Sale public sale;
    constructor(Sale _sale) public { sale = _sale; totalSupply = 1000; balances[msg.sender] = 1000; }
    function transfer(address _to, uint256 _value) public returns (bool) { require(sale.hasEnded()); return super.transfer(_to, _value); }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) { require(sale.finalized()); return super.transferFrom(_from, _to, _value); }
}
"""
ASKS_SALE_NOTHING = WAITS_FOR_SALE.replace("require(sale.hasEnded()); ", "").replace("require(sale.finalized()); ", "")


def test_transfers_waiting_for_the_sale_of_the_file(source_facts):
    facts = source_facts(WAITS_FOR_SALE)
    assert facts.token_contract == "SaleToken"
    assert facts.transfer_lock is True
    assert "sale" in facts.evidence["transfer_lock"][0].reason
    assert source_facts(ASKS_SALE_NOTHING).transfer_lock is False


# an owner check whose answer is a named return variable
NAMED_RETURN_OWNER = OLD_BASE + """
contract NamedToken is BasicToken {
    address public admin;
    bool public frozen;
    constructor() public { admin = msg.sender; totalSupply = 1000; balances[msg.sender] = 1000; }
    function isAdmin(address who) internal view returns (bool yes) { yes = who == admin; }
    function setFrozen(bool _frozen) public { require(isAdmin(msg.sender)); frozen = _frozen; }
    function transfer(address _to, uint256 _value) public returns (bool) { require(!frozen); return super.transfer(_to, _value); }
}
"""


def test_owner_check_through_a_named_return(source_facts):
    facts = source_facts(NAMED_RETURN_OWNER)
    assert facts.pausable is True
    assert any(r.name == "admin" and "setFrozen" in r.functions for r in facts.roles)


# the owner approves spending on behalf of any holder
SUPER_APPROVE = OLD_BASE + """
contract HoardToken is BasicToken, Ownable {
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function superApprove(address _hoarder, address _spender, uint256 _value) public onlyOwner returns (bool) {
        allowed[_hoarder][_spender] = _value;
        return true;
    }
}
"""
SELF_APPROVE = SUPER_APPROVE.replace("allowed[_hoarder][_spender] = _value;", "allowed[msg.sender][_spender] = _value;")


def test_owner_approving_for_any_holder_changes_balances(source_facts):
    facts = source_facts(SUPER_APPROVE)
    assert facts.owner_can_change_balances is True
    assert "superApprove()" in facts.evidence["owner_can_change_balances"][0].reason
    assert source_facts(SELF_APPROVE).owner_can_change_balances is False


# precision guards found on the unlabelled tokens of ../shared/tokens: a lock per (holder, reason) is no
# allowance, an NFT auction is no token sale, and `mintingFinished = !mintable` with mintable = true stays open
LOCK_PER_REASON = OLD_BASE + """
contract ReasonLockToken is BasicToken, Ownable {
    struct LockToken { uint256 amount; uint256 validity; bool claimed; }
    mapping (address => mapping (bytes32 => LockToken)) public locked;
    constructor() public { totalSupply = 1000; balances[msg.sender] = 1000; }
    function transferWithLock(address _to, bytes32 _reason, uint256 _amount, uint256 _time) public onlyOwner returns (bool) {
        balances[msg.sender] = balances[msg.sender].sub(_amount);
        balances[this] = balances[this].add(_amount);
        locked[_to][_reason] = LockToken(_amount, now + _time, false);
        return true;
    }
}
"""
NFT_AUCTION = """pragma solidity ^0.4.24;
contract ERC721 {
    function balanceOf(address owner) public view returns (uint256);
    function ownerOf(uint256 tokenId) public view returns (address);
    function transfer(address to, uint256 tokenId) public;
}
contract ClockAuction {
    ERC721 public nft;
    mapping (uint256 => address) public sellers;
    mapping (uint256 => uint256) public prices;
    constructor(ERC721 _nft) public { nft = _nft; }
    function bid(uint256 _tokenId) public payable {
        require(msg.value >= prices[_tokenId]);
        address seller = sellers[_tokenId];
        delete sellers[_tokenId];
        nft.transfer(msg.sender, _tokenId);
        seller.transfer(msg.value);
    }
}
"""
MINTABLE_BY_ARGUMENT = OLD_BASE + """
contract FlexMintable is BasicToken, Ownable {
    bool public mintingFinished = false;
    constructor(bool mintable) internal { mintingFinished = !mintable; }
    function mint(address _to, uint256 _amount) public onlyOwner returns (bool) {
        require(!mintingFinished);
        totalSupply = totalSupply.add(_amount);
        balances[_to] = balances[_to].add(_amount);
        return true;
    }
    function finishMinting() public onlyOwner { mintingFinished = true; }
}
contract LaunchedToken is FlexMintable {
    constructor() FlexMintable(true) public { }
}
"""


def test_precision_guards_from_unlabelled_tokens(source_facts):
    assert source_facts(LOCK_PER_REASON).owner_can_change_balances is False
    assert source_facts(NFT_AUCTION).crowdsale_in_file is False
    launched = source_facts(MINTABLE_BY_ARGUMENT)
    assert launched.token_contract == "LaunchedToken"
    assert launched.can_mint_after_deploy is True
    closed = source_facts(MINTABLE_BY_ARGUMENT.replace("FlexMintable(true)", "FlexMintable(false)"))
    assert closed.can_mint_after_deploy is False
