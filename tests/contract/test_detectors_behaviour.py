"""Each fact detector on small realistic tokens, judged by behaviour rather than names.

The sources are compiled once per session (solc-js is slow) and shared by the tests.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

HEADER = """pragma solidity ^0.4.24;
library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) { if (a == 0) return 0; uint256 c = a * b; assert(c / a == b); return c; }
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function transferOwnership(address newOwner) public onlyOwner { require(newOwner != address(0)); owner = newOwner; }
}
"""

# Fixed supply: `mint` is internal and only used by the constructor; holders may burn their own
# tokens; the owner can pause and unpause everyone's transfers.
FIXED_SUPPLY = HEADER + """
contract FixedToken is Ownable {
    using SafeMath for uint256;
    string public name = "Fixed";
    uint8 public decimals = 18;
    uint256 public totalSupply;
    bool public paused = false;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    modifier whenNotPaused() { require(!paused); _; }
    constructor() public { mint(msg.sender, 1000 * 10 ** uint256(decimals)); }
    function mint(address _to, uint256 _amount) internal {
        totalSupply = totalSupply.add(_amount);
        balances[_to] = balances[_to].add(_amount);
    }
    function pause() public onlyOwner { paused = true; }
    function unpause() public onlyOwner { paused = false; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function transfer(address _to, uint256 _value) public whenNotPaused returns (bool) {
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public whenNotPaused returns (bool) {
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        emit Transfer(_from, _to, _value);
        return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) { allowed[msg.sender][_spender] = _value; emit Approval(msg.sender, _spender, _value); return true; }
    function allowance(address _o, address _s) public view returns (uint256) { return allowed[_o][_s]; }
    function burn(uint256 _value) public {
        balances[msg.sender] = balances[msg.sender].sub(_value);
        totalSupply = totalSupply.sub(_value);
    }
}
"""

# Bancor-style: no function is called mint, yet issue() raises the supply; destroy() lets the owner
# wipe anyone's tokens; disableTransfers(bool) is a reversible global switch.
ISSUE_DESTROY = HEADER + """
contract IssuedToken is Ownable {
    using SafeMath for uint256;
    uint256 public totalSupply = 0;
    bool public transfersEnabled = true;
    mapping(address => uint256) public balanceOf;
    event Transfer(address indexed from, address indexed to, uint256 value);
    modifier transfersAllowed { assert(transfersEnabled); _; }
    function issue(address _to, uint256 _amount) public onlyOwner {
        totalSupply = totalSupply.add(_amount);
        balanceOf[_to] = balanceOf[_to].add(_amount);
        emit Transfer(this, _to, _amount);
    }
    function destroy(address _from, uint256 _amount) public onlyOwner {
        balanceOf[_from] = balanceOf[_from].sub(_amount);
        totalSupply = totalSupply.sub(_amount);
    }
    function disableTransfers(bool _disable) public onlyOwner { transfersEnabled = !_disable; }
    function transfer(address _to, uint256 _value) public transfersAllowed returns (bool) {
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(_value);
        balanceOf[_to] = balanceOf[_to].add(_value);
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
}
"""

# OpenZeppelin-era mintable token with finishMinting, transfers enabled once by the owner, a hard
# cap, and a crowdsale in the same file that sells tokens for ether.
MINTABLE_SALE = HEADER + """
contract SaleToken is Ownable {
    using SafeMath for uint256;
    uint256 public totalSupply;
    uint256 public constant CAP = 5000000 * 1 ether;
    bool public mintingFinished = false;
    bool public transfersEnabled = false;
    mapping(address => uint256) balances;
    modifier canMint() { require(!mintingFinished); _; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function mint(address _to, uint256 _amount) public onlyOwner canMint returns (bool) {
        require(totalSupply.add(_amount) <= CAP);
        totalSupply = totalSupply.add(_amount);
        balances[_to] = balances[_to].add(_amount);
        return true;
    }
    function finishMinting() public onlyOwner canMint { mintingFinished = true; }
    function enableTransfers() public onlyOwner { transfersEnabled = true; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        require(transfersEnabled);
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        return true;
    }
}
contract TokenSale is Ownable {
    using SafeMath for uint256;
    SaleToken public token;
    uint256 public rate = 1000;
    constructor() public { token = new SaleToken(); }
    function () external payable { buyTokens(msg.sender); }
    function buyTokens(address _beneficiary) public payable {
        require(msg.value > 0);
        token.mint(_beneficiary, msg.value.mul(rate));
    }
}
"""

# Per-account freeze, a transfer fee to the owner, a global lock until a date, per-account
# time locks set when the owner hands out tokens, and a kill switch.
FREEZE_FEE_LOCK = HEADER + """
contract LockedToken is Ownable {
    using SafeMath for uint256;
    uint256 public totalSupply = 1000000;
    uint256 public releaseTime = 1600000000;
    uint256 public fee = 1;
    mapping(address => uint256) balances;
    mapping(address => bool) public frozenAccount;
    mapping(address => uint256) public lockedUntil;
    constructor() public { balances[msg.sender] = totalSupply; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function freezeAccount(address _target, bool _freeze) public onlyOwner { frozenAccount[_target] = _freeze; }
    function grant(address _to, uint256 _amount, uint256 _until) public onlyOwner {
        balances[msg.sender] = balances[msg.sender].sub(_amount);
        balances[_to] = balances[_to].add(_amount);
        lockedUntil[_to] = _until;
    }
    function transfer(address _to, uint256 _value) public returns (bool) {
        require(now >= releaseTime);
        require(!frozenAccount[msg.sender]);
        require(now >= lockedUntil[msg.sender]);
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value.sub(fee));
        balances[owner] = balances[owner].add(fee);
        return true;
    }
    function kill() public onlyOwner { selfdestruct(owner); }
}
"""

# Holders can migrate to a new contract through an agent the owner sets: migration, not burning.
MIGRATABLE = HEADER + """
contract MigrationAgent { function migrateFrom(address _from, uint256 _value) public; }
contract MigratableToken is Ownable {
    using SafeMath for uint256;
    uint256 public totalSupply = 1000;
    MigrationAgent public migrationAgent;
    mapping(address => uint256) balances;
    constructor() public { balances[msg.sender] = totalSupply; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        return true;
    }
    function setMigrationAgent(address _agent) public onlyOwner { migrationAgent = MigrationAgent(_agent); }
    function migrate(uint256 _value) public {
        require(address(migrationAgent) != address(0));
        balances[msg.sender] = balances[msg.sender].sub(_value);
        totalSupply = totalSupply.sub(_value);
        migrationAgent.migrateFrom(msg.sender, _value);
    }
}
"""

# Names that lie: a frozenAccount mapping nobody checks, a controller hook that can only veto, and
# one designated fund whose tokens are time-locked (a timelock, not a lock for everyone).
NAMES_THAT_LIE = HEADER + """
contract TokenController { function onTransfer(address _from, address _to, uint _amount) public returns (bool); }
contract HonestToken is Ownable {
    using SafeMath for uint256;
    uint256 public totalSupply = 1000;
    address public controller;
    address public developmentFund;
    uint256 public fundUnlockTime = 1700000000;
    mapping(address => uint256) balances;
    mapping(address => bool) public frozenAccount;
    constructor(address _fund) public { developmentFund = _fund; balances[msg.sender] = totalSupply; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function freezeAccount(address _target, bool _freeze) public onlyOwner { frozenAccount[_target] = _freeze; }
    function changeController(address _controller) public onlyOwner { controller = _controller; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        if (msg.sender == developmentFund && now < fundUnlockTime) revert();
        require(TokenController(controller).onTransfer(msg.sender, _to, _value));
        balances[msg.sender] = balances[msg.sender].sub(_value);
        balances[_to] = balances[_to].add(_value);
        return true;
    }
}
"""

SOURCES = {
    "names": NAMES_THAT_LIE,
    "fixed": FIXED_SUPPLY,
    "issue": ISSUE_DESTROY,
    "mintable": MINTABLE_SALE,
    "locked": FREEZE_FEE_LOCK,
    "migratable": MIGRATABLE,
}


@pytest.fixture(scope="session")
def facts_of(source_facts):
    """The CodeFacts of a named source of :data:`SOURCES`."""
    return lambda name: source_facts(SOURCES[name], name)


def test_internal_mint_used_only_by_constructor_is_not_minting(facts_of):
    facts = facts_of("fixed")
    assert facts.token_contract == "FixedToken"
    assert facts.can_mint_after_deploy is False
    assert facts.mint_can_be_finished is None
    assert facts.initial_supply.raw == 1000 * 10**18 and facts.initial_supply.decimals == 18
    assert facts.initial_supply.whole == 1000
    assert facts.decimals == 18
    assert facts.undetermined["mint_can_be_finished"] == "nothing can be minted after deployment"
    assert facts.undetermined["cap"] == "nothing can be minted after deployment"


def test_holder_burn_and_owner_pause(facts_of):
    facts = facts_of("fixed")
    assert facts.burnable is True
    assert facts.pausable is True
    assert facts.transfer_lock is False  # paused is false at deployment
    assert facts.owner_can_change_balances is False
    assert facts.freeze_or_blacklist is False
    evidence = facts.evidence["pausable"][0]
    assert evidence.contract == "FixedToken" and evidence.function == "pause"
    assert "paused = true" in evidence.code and evidence.line > 0
    assert evidence.kind == "code" and evidence.reason == "pause() (role owner) can set paused to true, which stops transfer()"


def test_issue_raising_total_supply_is_minting(facts_of):
    facts = facts_of("issue")
    assert facts.can_mint_after_deploy is True
    assert facts.evidence["can_mint_after_deploy"][0].function == "issue"
    assert facts.mint_can_be_finished is False


def test_owner_destroying_any_holders_tokens(facts_of):
    facts = facts_of("issue")
    assert facts.owner_can_change_balances is True
    assert facts.burnable is True
    assert facts.evidence["owner_can_change_balances"][0].function == "destroy"


def test_disable_transfers_with_argument_is_a_pause_not_a_lock(facts_of):
    facts = facts_of("issue")
    assert facts.pausable is True
    assert facts.transfer_lock is False


def test_finish_minting_one_way_transfer_enable_and_cap(facts_of):
    facts = facts_of("mintable")
    assert facts.token_contract == "SaleToken"
    assert facts.can_mint_after_deploy is True
    assert facts.mint_can_be_finished is True
    assert facts.transfer_lock is True
    assert facts.pausable is False  # enableTransfers can only unlock
    assert facts.cap.raw == 5000000 * 10**18
    assert facts.evidence["cap"][0].reason == f"minting is bounded: {5000000 * 10**18}"


def test_crowdsale_in_same_file(facts_of):
    assert facts_of("mintable").crowdsale_in_file is True
    assert facts_of("fixed").crowdsale_in_file is False


def test_roles_and_erc20_conformance(facts_of):
    facts = facts_of("mintable")
    roles = {r.name: r.functions for r in facts.roles}
    assert "owner" in roles and {"mint", "finishMinting", "enableTransfers"} <= set(roles["owner"])
    fixed = facts_of("fixed").erc20
    assert fixed.conforms
    partial = facts_of("mintable").erc20
    assert not partial.conforms
    assert not next(f for f in partial.functions if f.signature == "approve(address,uint256)").present


def test_freeze_fee_global_time_lock_vesting_selfdestruct(facts_of):
    facts = facts_of("locked")
    assert facts.freeze_or_blacklist is True
    assert facts.transfer_fee is True
    assert facts.transfer_lock is True
    assert facts.vesting_or_timelock is True
    assert facts.selfdestruct is True
    assert facts.can_mint_after_deploy is False
    assert facts.pausable is False


def test_migration_agent_is_migration_not_burn(facts_of):
    facts = facts_of("migratable")
    assert facts.upgradeable_or_migratable is True
    assert facts.burnable is False
    assert facts.evidence["upgradeable_or_migratable"][0].function == "migrate"
    assert facts_of("fixed").upgradeable_or_migratable is False


def test_facts_serialise_with_gold_field_names(facts_of):
    from ico_lens.records import to_dict

    data = to_dict(facts_of("fixed"))
    for name in ("token_contract", "decimals", "initial_supply", "cap", "can_mint_after_deploy", "crowdsale_in_file", "evidence"):
        assert name in data
    assert data["evidence"]["burnable"][0]["function"] == "burn"


def test_frozen_mapping_that_no_transfer_checks_is_not_a_freeze(facts_of):
    assert facts_of("names").freeze_or_blacklist is False


def test_one_funds_timelock_is_vesting_not_a_transfer_lock(facts_of):
    facts = facts_of("names")
    assert facts.vesting_or_timelock is True
    assert facts.transfer_lock is False
    assert facts.pausable is False


def test_controller_hook_in_require_is_not_an_upgrade(facts_of):
    assert facts_of("names").upgradeable_or_migratable is False
