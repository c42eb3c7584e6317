"""Contract facts on code of 2023-2024 and on shapes the earlier rounds missed (issue 13, fourth
round): OpenZeppelin 5 (custom-error reverts in ``Ownable``/``Pausable``/``AccessControl``, and the
single ``_update(from, to, value)`` that mints when ``from`` is zero and burns when ``to`` is), a
BSC launch token written with custom errors, a fund whose stage machine closes minting for good, a
payable resale between holders (an NFT shop: no sale), and files pasted into one whose import paths
are not the pasted files' names. Each power appears with and without it; every source is written
for these tests after the public templates' shapes (OpenZeppelin Contracts 5.0, common launch
templates), compiled with the local solc-js (0.4.24, 0.8.30).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# OpenZeppelin Contracts 5.0 shapes: custom errors instead of require strings; one _update for
# transfers, mints (from == 0) and burns (to == 0)
OZ5_BASE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
abstract contract Context {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}
abstract contract Ownable is Context {
    address private _owner;
    error OwnableUnauthorizedAccount(address account);
    error OwnableInvalidOwner(address owner);
    constructor(address initialOwner) {
        if (initialOwner == address(0)) { revert OwnableInvalidOwner(address(0)); }
        _transferOwnership(initialOwner);
    }
    modifier onlyOwner() { _checkOwner(); _; }
    function owner() public view virtual returns (address) { return _owner; }
    function _checkOwner() internal view virtual {
        if (owner() != _msgSender()) { revert OwnableUnauthorizedAccount(_msgSender()); }
    }
    function renounceOwnership() public virtual onlyOwner { _transferOwnership(address(0)); }
    function transferOwnership(address newOwner) public virtual onlyOwner {
        if (newOwner == address(0)) { revert OwnableInvalidOwner(address(0)); }
        _transferOwnership(newOwner);
    }
    function _transferOwnership(address newOwner) internal virtual { _owner = newOwner; }
}
interface IERC20 {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
    function allowance(address owner, address spender) external view returns (uint256);
    function approve(address spender, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}
interface IERC20Errors {
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InvalidSender(address sender);
    error ERC20InvalidReceiver(address receiver);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error ERC20InvalidApprover(address approver);
    error ERC20InvalidSpender(address spender);
}
abstract contract ERC20 is Context, IERC20, IERC20Errors {
    mapping(address account => uint256) private _balances;
    mapping(address account => mapping(address spender => uint256)) private _allowances;
    uint256 private _totalSupply;
    string private _name;
    string private _symbol;
    constructor(string memory name_, string memory symbol_) { _name = name_; _symbol = symbol_; }
    function decimals() public view virtual returns (uint8) { return 18; }
    function totalSupply() public view virtual returns (uint256) { return _totalSupply; }
    function balanceOf(address account) public view virtual returns (uint256) { return _balances[account]; }
    function transfer(address to, uint256 value) public virtual returns (bool) {
        address owner = _msgSender();
        _transfer(owner, to, value);
        return true;
    }
    function allowance(address owner, address spender) public view virtual returns (uint256) { return _allowances[owner][spender]; }
    function approve(address spender, uint256 value) public virtual returns (bool) { _approve(_msgSender(), spender, value, true); return true; }
    function transferFrom(address from, address to, uint256 value) public virtual returns (bool) {
        address spender = _msgSender();
        _spendAllowance(from, spender, value);
        _transfer(from, to, value);
        return true;
    }
    function _transfer(address from, address to, uint256 value) internal {
        if (from == address(0)) { revert ERC20InvalidSender(address(0)); }
        if (to == address(0)) { revert ERC20InvalidReceiver(address(0)); }
        _update(from, to, value);
    }
    function _update(address from, address to, uint256 value) internal virtual {
        if (from == address(0)) {
            _totalSupply += value;
        } else {
            uint256 fromBalance = _balances[from];
            if (fromBalance < value) { revert ERC20InsufficientBalance(from, fromBalance, value); }
            unchecked { _balances[from] = fromBalance - value; }
        }
        if (to == address(0)) {
            unchecked { _totalSupply -= value; }
        } else {
            unchecked { _balances[to] += value; }
        }
        emit Transfer(from, to, value);
    }
    function _mint(address account, uint256 value) internal {
        if (account == address(0)) { revert ERC20InvalidReceiver(address(0)); }
        _update(address(0), account, value);
    }
    function _burn(address account, uint256 value) internal {
        if (account == address(0)) { revert ERC20InvalidSender(address(0)); }
        _update(account, address(0), value);
    }
    function _approve(address owner, address spender, uint256 value, bool emitEvent) internal virtual {
        if (owner == address(0)) { revert ERC20InvalidApprover(address(0)); }
        if (spender == address(0)) { revert ERC20InvalidSpender(address(0)); }
        _allowances[owner][spender] = value;
        if (emitEvent) { emit Approval(owner, spender, value); }
    }
    function _spendAllowance(address owner, address spender, uint256 value) internal virtual {
        uint256 currentAllowance = allowance(owner, spender);
        if (currentAllowance != type(uint256).max) {
            if (currentAllowance < value) { revert ERC20InsufficientAllowance(spender, currentAllowance, value); }
            unchecked { _approve(owner, spender, currentAllowance - value, false); }
        }
    }
}
"""
# the wizard's plain token: a fixed supply minted to the deployer; transfers go through _update too
OZ5_FIXED = OZ5_BASE + """
contract FixedToken is ERC20, Ownable {
    constructor(address initialOwner) ERC20("Fixed", "FIX") Ownable(initialOwner) {
        _mint(msg.sender, 21000000 * 10 ** decimals());
    }
}
"""
# the wizard's token with Burnable, Pausable, Mintable (owner) and a blocklist, all with custom errors
OZ5_POWERS = OZ5_BASE + """
abstract contract ERC20Burnable is Context, ERC20 {
    function burn(uint256 value) public virtual { _burn(_msgSender(), value); }
    function burnFrom(address account, uint256 value) public virtual { _spendAllowance(account, _msgSender(), value); _burn(account, value); }
}
abstract contract Pausable is Context {
    bool private _paused;
    error EnforcedPause();
    error ExpectedPause();
    modifier whenNotPaused() { _requireNotPaused(); _; }
    modifier whenPaused() { _requirePaused(); _; }
    function paused() public view virtual returns (bool) { return _paused; }
    function _requireNotPaused() internal view virtual { if (paused()) { revert EnforcedPause(); } }
    function _requirePaused() internal view virtual { if (!paused()) { revert ExpectedPause(); } }
    function _pause() internal virtual whenNotPaused { _paused = true; }
    function _unpause() internal virtual whenPaused { _paused = false; }
}
abstract contract ERC20Pausable is ERC20, Pausable {
    function _update(address from, address to, uint256 value) internal virtual override whenNotPaused { super._update(from, to, value); }
}
contract PowerToken is ERC20, ERC20Burnable, ERC20Pausable, Ownable {
    mapping(address => bool) public blocked;
    error AccountBlocked(address account);
    constructor(address initialOwner) ERC20("Power", "PWR") Ownable(initialOwner) { _mint(msg.sender, 1000000 * 10 ** decimals()); }
    function pause() public onlyOwner { _pause(); }
    function unpause() public onlyOwner { _unpause(); }
    function mint(address to, uint256 amount) public onlyOwner { _mint(to, amount); }
    function setBlocked(address account, bool value) external onlyOwner { blocked[account] = value; }
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Pausable) {
        if (blocked[from] || blocked[to]) { revert AccountBlocked(from); }
        super._update(from, to, value);
    }
}
"""
# AccessControl (5.0): roles checked by `if (!hasRole(role, account)) revert ...`
OZ5_ROLES = OZ5_BASE + """
abstract contract AccessControl is Context {
    struct RoleData { mapping(address account => bool) hasRole; bytes32 adminRole; }
    mapping(bytes32 role => RoleData) private _roles;
    bytes32 public constant DEFAULT_ADMIN_ROLE = 0x00;
    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
    error AccessControlBadConfirmation();
    modifier onlyRole(bytes32 role) { _checkRole(role); _; }
    function hasRole(bytes32 role, address account) public view virtual returns (bool) { return _roles[role].hasRole[account]; }
    function _checkRole(bytes32 role) internal view virtual { _checkRole(role, _msgSender()); }
    function _checkRole(bytes32 role, address account) internal view virtual {
        if (!hasRole(role, account)) { revert AccessControlUnauthorizedAccount(account, role); }
    }
    function getRoleAdmin(bytes32 role) public view virtual returns (bytes32) { return _roles[role].adminRole; }
    function grantRole(bytes32 role, address account) public virtual onlyRole(getRoleAdmin(role)) { _grantRole(role, account); }
    function revokeRole(bytes32 role, address account) public virtual onlyRole(getRoleAdmin(role)) { _revokeRole(role, account); }
    function renounceRole(bytes32 role, address callerConfirmation) public virtual {
        if (callerConfirmation != _msgSender()) { revert AccessControlBadConfirmation(); }
        _revokeRole(role, callerConfirmation);
    }
    function _grantRole(bytes32 role, address account) internal virtual returns (bool) {
        if (!hasRole(role, account)) { _roles[role].hasRole[account] = true; return true; } else { return false; }
    }
    function _revokeRole(bytes32 role, address account) internal virtual returns (bool) {
        if (hasRole(role, account)) { _roles[role].hasRole[account] = false; return true; } else { return false; }
    }
}
contract RoleToken is ERC20, AccessControl {
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bool public halted;
    error Halted();
    constructor(address admin, address pauser) ERC20("Role", "ROL") {
        _mint(msg.sender, 1000000 * 10 ** decimals());
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, pauser);
    }
    function setHalted(bool value) public onlyRole(PAUSER_ROLE) { halted = value; }
    function _update(address from, address to, uint256 value) internal override {
        if (halted) { revert Halted(); }
        super._update(from, to, value);
    }
}
"""
# the same switch with no role check: anyone may flip it (a bug, no owner power)
OZ5_OPEN_SWITCH = OZ5_ROLES.replace("function setHalted(bool value) public onlyRole(PAUSER_ROLE)", "function setHalted(bool value) public")


def test_oz5_update_mints_only_from_zero(source_facts):
    # transfer() reaches _update with a sender that is never address(0): no mint, no burn
    fixed = source_facts(OZ5_FIXED)
    assert fixed.token_contract == "FixedToken"
    assert fixed.can_mint_after_deploy is False
    assert fixed.burnable is False
    assert fixed.mint_can_be_finished is None
    assert fixed.initial_supply is not None and fixed.initial_supply.raw == 21000000 * 10**18
    powers = source_facts(OZ5_POWERS)
    assert powers.can_mint_after_deploy is True
    assert {e.reason.split("()")[0] for e in powers.evidence["can_mint_after_deploy"]} == {"mint"}
    assert powers.burnable is True
    assert {e.reason.split("()")[0] for e in powers.evidence["burnable"]} <= {"burn", "burnFrom"}
    assert powers.initial_supply.raw == 1000000 * 10**18


def test_oz5_custom_error_guards_are_owner_checks_and_locks(source_facts):
    powers = source_facts(OZ5_POWERS)
    roles = {r.name: set(r.functions) for r in powers.roles}
    assert any({"mint", "pause", "setBlocked"} <= functions for functions in roles.values())
    assert powers.pausable is True
    assert powers.evidence["pausable"][0].line is not None
    assert powers.freeze_or_blacklist is True
    assert powers.evidence["freeze_or_blacklist"][0].function == "setBlocked"
    assert powers.transfer_lock is False
    fixed = source_facts(OZ5_FIXED)
    assert fixed.pausable is False and fixed.freeze_or_blacklist is False
    assert [r.name for r in fixed.roles] == ["_owner"]  # renounce/transferOwnership


def test_oz5_access_control_role_guards(source_facts):
    facts = source_facts(OZ5_ROLES)
    assert facts.token_contract == "RoleToken"
    assert facts.pausable is True
    assert "setHalted" in facts.evidence["pausable"][0].reason
    assert facts.can_mint_after_deploy is False
    assert any("setHalted" in r.functions for r in facts.roles)
    # the same switch open to anyone is no admin power
    assert source_facts(OZ5_OPEN_SWITCH).pausable is False


# a 2023 launch token on solc 0.8 with custom errors: trading opened once by the owner, a bot list
# the owner keeps, a max wallet
LAUNCH = OZ5_BASE + """
contract LaunchToken is ERC20, Ownable {
    bool public tradingOpen;
    mapping(address => bool) private bots;
    error TradingNotOpen();
    error BotDetected(address account);
    constructor() ERC20("Launch", "LNCH") Ownable(msg.sender) { _mint(msg.sender, 420690000000 * 10 ** decimals()); }
    function openTrading() external onlyOwner { tradingOpen = true; }
    function addBots(address[] memory bots_) external onlyOwner { for (uint256 i = 0; i < bots_.length; i++) { bots[bots_[i]] = true; } }
    function delBot(address notbot) external onlyOwner { bots[notbot] = false; }
    function _update(address from, address to, uint256 value) internal override {
        if (from != owner() && to != owner()) {
            if (!tradingOpen) { revert TradingNotOpen(); }
            if (bots[from] || bots[to]) { revert BotDetected(from); }
        }
        super._update(from, to, value);
    }
}
"""
# the same checks as the templates of 2021 write them (require strings): the owner's own transfers
# are exempt, every other holder waits for trading and is checked against the bot list
LAUNCH_REQUIRE = LAUNCH.replace("if (!tradingOpen) { revert TradingNotOpen(); }", 'require(tradingOpen, "Trading not open");').replace(
    "if (bots[from] || bots[to]) { revert BotDetected(from); }", 'require(!bots[from] && !bots[to], "bot");'
)
LAUNCH_CLEAN = LAUNCH.replace("if (!tradingOpen) { revert TradingNotOpen(); }", "").replace(
    "if (bots[from] || bots[to]) { revert BotDetected(from); }", ""
)


def test_launch_token_with_custom_errors(source_facts):
    facts = source_facts(LAUNCH)
    assert facts.token_contract == "LaunchToken"
    assert facts.transfer_lock is True  # closed until the owner opens trading, once
    assert "tradingOpen" in facts.evidence["transfer_lock"][0].reason
    assert facts.pausable is False
    assert facts.freeze_or_blacklist is True
    assert facts.can_mint_after_deploy is False and facts.burnable is False
    written_2021 = source_facts(LAUNCH_REQUIRE)
    assert written_2021.transfer_lock is True and written_2021.freeze_or_blacklist is True
    assert written_2021.pausable is False
    clean = source_facts(LAUNCH_CLEAN)
    assert clean.transfer_lock is False and clean.freeze_or_blacklist is False


# a 2018 index-fund share token: shares are minted for ether while the fund is Open; the owner can
# suspend and resume, and close it (no way back to Open): minting can be finished
FUND = """pragma solidity ^0.4.24;
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function mul(uint256 a, uint256 b) internal pure returns (uint256) { if (a == 0) return 0; uint256 c = a * b; assert(c / a == b); return c; }
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract ShareToken {
    using SafeMath for uint256;
    uint256 totalSupply_;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    function totalSupply() public view returns (uint256) { return totalSupply_; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        balances[msg.sender] = balances[msg.sender].sub(_value); balances[_to] = balances[_to].add(_value); emit Transfer(msg.sender, _to, _value); return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        balances[_from] = balances[_from].sub(_value); balances[_to] = balances[_to].add(_value); emit Transfer(_from, _to, _value); return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) { allowed[msg.sender][_spender] = _value; return true; }
    function allowance(address _o, address _s) public view returns (uint256) { return allowed[_o][_s]; }
}
contract IndexFund is ShareToken, Ownable {
    enum FundStatus { Setup, Open, Suspended, Closed }
    FundStatus public status;
    uint256 public sharePrice;
    constructor() public { status = FundStatus.Setup; }
    function activate(uint256 _price) public onlyOwner {
        require(status == FundStatus.Setup);
        sharePrice = _price;
        status = FundStatus.Open;
    }
    function suspend() public onlyOwner { require(status == FundStatus.Open); status = FundStatus.Suspended; }
    function resume() public onlyOwner { require(status == FundStatus.Suspended); status = FundStatus.Open; }
    function close() public onlyOwner { require(status != FundStatus.Setup); status = FundStatus.Closed; }
    function invest() public payable returns (bool) {
        require(status == FundStatus.Open, "fund not open");
        uint256 shares = msg.value.mul(10 ** 18) / sharePrice;
        balances[msg.sender] = balances[msg.sender].add(shares);
        totalSupply_ = totalSupply_.add(shares);
        emit Transfer(address(0), msg.sender, shares);
        return true;
    }
}
"""
# the owner may reopen a closed fund: no stage ends minting for good
FUND_REOPENS = FUND.replace(
    "    function invest()",
    "    function reopen() public onlyOwner { require(status == FundStatus.Closed); status = FundStatus.Open; }\n    function invest()",
)


def test_stage_machine_that_closes_for_good_finishes_minting(source_facts):
    facts = source_facts(FUND)
    assert facts.can_mint_after_deploy is True
    assert facts.mint_can_be_finished is True
    assert "FundStatus.Closed" in facts.evidence["mint_can_be_finished"][0].reason
    assert facts.evidence["mint_can_be_finished"][0].function == "invest"
    assert facts.crowdsale_in_file is True  # shares sold for ether
    reopens = source_facts(FUND_REOPENS)
    assert reopens.can_mint_after_deploy is True and reopens.mint_can_be_finished is False


# a 2018 collectibles shop: anyone buys any item at its price, the ether going to its holder (a
# market between holders: no sale of the issuer's tokens); and the same shop selling new items
SHOP = """pragma solidity ^0.4.24;
contract ItemShop {
    struct Item { string name; uint256 price; }
    mapping(uint256 => Item) public items;
    mapping(uint256 => address) public itemOwner;
    mapping(address => uint256) balances;
    uint256 public totalSupply;
    uint256 public nextId;
    address public admin;
    event Transfer(address indexed from, address indexed to, uint256 tokenId);
    constructor() public { admin = msg.sender; }
    function balanceOf(address who) public view returns (uint256) { return balances[who]; }
    function ownerOf(uint256 id) public view returns (address) { return itemOwner[id]; }
    function transfer(address to, uint256 id) public returns (bool) {
        require(itemOwner[id] == msg.sender);
        itemOwner[id] = to; balances[msg.sender] -= 1; balances[to] += 1;
        emit Transfer(msg.sender, to, id);
        return true;
    }
    function create(string _name, uint256 _price) public {
        items[nextId] = Item(_name, _price); itemOwner[nextId] = msg.sender;
        balances[msg.sender] += 1; totalSupply += 1; nextId += 1;
    }
    function buyItem(uint256 _id) public payable {
        address seller = itemOwner[_id];
        require(seller != address(0) && seller != msg.sender);
        require(msg.value >= items[_id].price);
        uint256 fee = items[_id].price / 100;
        admin.transfer(fee);
        seller.transfer(items[_id].price - fee);
        items[_id].price += items[_id].price / 5;
        itemOwner[_id] = msg.sender;
        balances[seller] -= 1;
        balances[msg.sender] += 1;
        emit Transfer(seller, msg.sender, _id);
    }
}
"""
# the issuer sells from its own stock for ether: a sale
STOCK_SALE = """pragma solidity ^0.4.24;
contract StockToken {
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    uint256 public totalSupply = 1000000;
    address public fundsWallet;
    uint256 public rate = 1000;
    event Transfer(address indexed from, address indexed to, uint256 value);
    constructor() public { fundsWallet = msg.sender; balances[msg.sender] = totalSupply; }
    function balanceOf(address who) public view returns (uint256) { return balances[who]; }
    function transfer(address to, uint256 v) public returns (bool) { require(balances[msg.sender] >= v); balances[msg.sender] -= v; balances[to] += v; return true; }
    function transferFrom(address f, address to, uint256 v) public returns (bool) {
        require(balances[f] >= v && allowed[f][msg.sender] >= v); allowed[f][msg.sender] -= v; balances[f] -= v; balances[to] += v; return true;
    }
    function approve(address s, uint256 v) public returns (bool) { allowed[msg.sender][s] = v; return true; }
    function allowance(address o, address s) public view returns (uint256) { return allowed[o][s]; }
    function () public payable {
        uint256 amount = msg.value * rate;
        require(balances[fundsWallet] >= amount);
        balances[fundsWallet] -= amount;
        balances[msg.sender] += amount;
        emit Transfer(fundsWallet, msg.sender, amount);
        fundsWallet.transfer(msg.value);
    }
}
"""


def test_resale_between_holders_is_no_crowdsale(source_facts):
    shop = source_facts(SHOP, name="shop")
    assert shop.crowdsale_in_file is False
    assert shop.can_mint_after_deploy is True  # create() makes new items for anyone
    assert source_facts(STOCK_SALE, name="stock").crowdsale_in_file is True


# files pasted into one whose import paths are not the pasted files' names (a repository layout:
# `./interfaces/IRouter.sol` holds IUniswapV2Router02)
PASTED_LAYOUT = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
interface IUniswapV2Router02 {
    function WETH() external pure returns (address);
    function swapExactTokensForETHSupportingFeeOnTransferTokens(uint amountIn, uint amountOutMin, address[] calldata path, address to, uint deadline) external;
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
abstract contract Context {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "./utils/Context.sol";
abstract contract Ownable is Context {
    address private _owner;
    constructor() { _owner = _msgSender(); }
    function owner() public view virtual returns (address) { return _owner; }
    modifier onlyOwner() { require(owner() == _msgSender(), "Ownable: caller is not the owner"); _; }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;
import "./access/Ownable.sol";
import "./interfaces/IRouter.sol";
contract RouterToken is Ownable {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply = 1000000;
    IUniswapV2Router02 public router;
    bool public swapEnabled = true;
    mapping(address => bool) public isBot;
    constructor(address r) { router = IUniswapV2Router02(r); _balances[msg.sender] = _totalSupply; }
    function totalSupply() external view returns (uint256) { return _totalSupply; }
    function balanceOf(address a) external view returns (uint256) { return _balances[a]; }
    function allowance(address a, address s) external view returns (uint256) { return _allowances[a][s]; }
    function approve(address s, uint256 v) external returns (bool) { _allowances[msg.sender][s] = v; return true; }
    function setBot(address a, bool v) external onlyOwner { isBot[a] = v; }
    function transfer(address to, uint256 v) external returns (bool) { _move(msg.sender, to, v); return true; }
    function transferFrom(address f, address to, uint256 v) external returns (bool) { _allowances[f][msg.sender] -= v; _move(f, to, v); return true; }
    function _move(address f, address to, uint256 v) private { require(!isBot[f], "bot"); _balances[f] -= v; _balances[to] += v; }
}
"""


def test_pasted_imports_by_repository_path_are_pointed_at_the_pasted_parts():
    pytest.importorskip("slither")
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import derive_facts
    from ico_lens.contract.source import bundle_from_source_text

    bundle = bundle_from_source_text(PASTED_LAYOUT, name="0xlayout.sol")
    assert list(bundle.sources) == [
        "0xlayout/IUniswapV2Router02.sol", "0xlayout/Context.sol", "0xlayout/Ownable.sol", "0xlayout/RouterToken.sol",
    ]
    token_part = bundle.sources["0xlayout/RouterToken.sol"]
    assert 'import "./IUniswapV2Router02.sol";' in token_part and 'import "./Ownable.sol";' in token_part
    assert token_part.count("\n") == PASTED_LAYOUT.count("\n")  # evidence lines stay the paste's
    assert any('"./interfaces/IRouter.sol" names no pasted file: pointed at' in w for w in bundle.warnings)
    facts = derive_facts(load_slither(bundle), bundle)
    assert facts.token_contract == "RouterToken"
    assert facts.freeze_or_blacklist is True
    evidence = facts.evidence["freeze_or_blacklist"][0]
    assert evidence.function == "setBot" and "function setBot" in PASTED_LAYOUT.split("\n")[evidence.line - 1]


# a 2021 meme-token cooldown: each buy from the pair sets the buyer's next allowed time 30 seconds
# ahead (a rate limit the transfers set themselves: no vesting); and the same mapping set only when
# the owner sends, locking what the owner hands out for 180 days (a timelock)
COOLDOWN_BASE = OZ5_BASE + """
contract CooldownToken is ERC20, Ownable {
    address public uniswapV2Pair;
    bool public cooldownEnabled = true;
    mapping(address => uint256) private cooldown;
    constructor(address pair) ERC20("Cool", "COOL") Ownable(msg.sender) { uniswapV2Pair = pair; _mint(msg.sender, 1000000 * 10 ** decimals()); }
    function setCooldownEnabled(bool onoff) external onlyOwner { cooldownEnabled = onoff; }
    function _update(address from, address to, uint256 amount) internal override {
        CHECKS
        super._update(from, to, amount);
    }
}
"""
COOLDOWN = COOLDOWN_BASE.replace("CHECKS", """if (from != owner() && to != owner()) {
            if (from == uniswapV2Pair && cooldownEnabled) {
                require(cooldown[to] < block.timestamp, "cooldown");
                cooldown[to] = block.timestamp + (30 seconds);
            }
        }""")
OWNER_HANDOUT_LOCK = COOLDOWN_BASE.replace("CHECKS", """require(cooldown[from] < block.timestamp, "locked");
        if (from == owner()) {
            cooldown[to] = block.timestamp + 180 days;
        }""")


def test_trading_cooldown_is_no_vesting_but_an_owner_handout_lock_is(source_facts):
    facts = source_facts(COOLDOWN)
    assert facts.token_contract == "CooldownToken"
    assert facts.vesting_or_timelock is False
    assert facts.transfer_lock is False and facts.freeze_or_blacklist is False
    locked = source_facts(OWNER_HANDOUT_LOCK)
    assert locked.vesting_or_timelock is True
    assert "cooldown" in locked.evidence["vesting_or_timelock"][0].reason


# a 2021 anti-sniper launch: buyers in the first blocks are marked by the transfer itself; the owner
# can only clear a mark (no power to freeze anyone); with a setter both ways the owner can freeze
SNIPER = OZ5_BASE + """
contract SniperToken is ERC20, Ownable {
    address public uniswapV2Pair;
    uint256 public launchedAt;
    mapping(address => bool) private _isSniper;
    constructor(address pair) ERC20("Snipe", "SNP") Ownable(msg.sender) { uniswapV2Pair = pair; _mint(msg.sender, 1000000 * 10 ** decimals()); }
    function launch() external onlyOwner { require(launchedAt == 0); launchedAt = block.number; }
    function removeSniper(address account) external onlyOwner { _isSniper[account] = false; }
    function _update(address from, address to, uint256 amount) internal override {
        require(!_isSniper[from], "sniper");
        if (from == uniswapV2Pair && launchedAt > 0 && block.number <= launchedAt + 2) {
            _isSniper[to] = true;
        }
        super._update(from, to, amount);
    }
}
"""
SNIPER_SETTER = SNIPER.replace(
    "function removeSniper(address account) external onlyOwner { _isSniper[account] = false; }",
    "function setSniper(address account, bool value) external onlyOwner { _isSniper[account] = value; }",
)


def test_owner_who_can_only_clear_a_mark_cannot_freeze(source_facts):
    facts = source_facts(SNIPER)
    assert facts.token_contract == "SniperToken"
    assert facts.freeze_or_blacklist is False
    setter = source_facts(SNIPER_SETTER)
    assert setter.freeze_or_blacklist is True
    assert setter.evidence["freeze_or_blacklist"][0].function == "setSniper"


# ERC20Capped: the cap kept in an immutable the base constructor sets from the derived one's
# argument and read through cap(): OpenZeppelin 5 checks it in _update after a mint, OpenZeppelin 4
# in _mint through an explicit base call `ERC20.totalSupply()`
OZ5_CAPPED = OZ5_BASE + """
abstract contract ERC20Capped is ERC20 {
    uint256 private immutable _cap;
    error ERC20ExceededCap(uint256 increasedSupply, uint256 cap);
    constructor(uint256 cap_) { _cap = cap_; }
    function cap() public view virtual returns (uint256) { return _cap; }
    function _update(address from, address to, uint256 value) internal virtual override {
        super._update(from, to, value);
        if (from == address(0)) {
            uint256 maxSupply = cap();
            uint256 supply = totalSupply();
            if (supply > maxSupply) { revert ERC20ExceededCap(supply, maxSupply); }
        }
    }
}
contract CappedToken is ERC20Capped, Ownable {
    constructor() ERC20("Capped", "CAP") ERC20Capped(100000000 * 10 ** 18) Ownable(msg.sender) { _mint(msg.sender, 1000000 * 10 ** 18); }
    function mint(address to, uint256 amount) external onlyOwner { _mint(to, amount); }
}
"""


def _oz4_capped():
    from tests.contract.test_generalising_patterns import OZ_BASE

    return OZ_BASE + """
abstract contract ERC20Capped is ERC20 {
    uint256 private immutable _cap;
    constructor(uint256 cap_) { require(cap_ > 0, "ERC20Capped: cap is 0"); _cap = cap_; }
    function cap() public view virtual returns (uint256) { return _cap; }
    function _mint(address account, uint256 amount) internal virtual override {
        require(ERC20.totalSupply() + amount <= cap(), "ERC20Capped: cap exceeded");
        super._mint(account, amount);
    }
}
contract Capped4 is ERC20Capped, Ownable {
    constructor() ERC20("Capped", "CAP") ERC20Capped(50000000 * 10 ** 18) { _mint(msg.sender, 1000 * 10 ** 18); }
    function mint(address to, uint256 amount) external onlyOwner { _mint(to, amount); }
}
"""


def test_erc20_capped_cap_set_by_the_constructor(source_facts):
    oz5 = source_facts(OZ5_CAPPED)
    assert oz5.can_mint_after_deploy is True
    assert oz5.cap is not None and oz5.cap.raw == 100000000 * 10**18
    assert oz5.evidence["cap"][0].line is not None
    assert oz5.initial_supply.raw == 1000000 * 10**18
    oz4 = source_facts(_oz4_capped())
    assert oz4.cap is not None and oz4.cap.raw == 50000000 * 10**18
    # no cap where nothing bounds minting
    assert source_facts(OZ5_POWERS).cap is None


# a 2017 token whose owner's own tokens unlock in tranches after the ICO start: the guard reads the
# owner's address beside the time; moving the owner (transferOwnership) does not move a lock time.
# Beside it, an owner-settable unlock time that stops everyone is a pause.
TRANCHES = """pragma solidity ^0.4.18;
contract TrancheToken {
    address public owner;
    uint256 public ico_start;
    uint256 public presale_start = 1514764800;
    uint256 public presale_end = 1517443200;
    uint256 public totalSupply = 1000000;
    mapping(address => uint256) balances;
    event Transfer(address indexed from, address indexed to, uint256 value);
    modifier onlyOwner() { if (msg.sender != owner) { revert(); } _; }
    function TrancheToken(uint256 _start) public { owner = msg.sender; ico_start = _start; balances[msg.sender] = totalSupply; }
    function transferOwnership(address newOwner) public onlyOwner {
        balances[newOwner] = balances[owner];
        balances[owner] = 0;
        owner = newOwner;
    }
    function balanceOf(address who) public constant returns (uint256) { return balances[who]; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        uint256 left = balances[owner] - _value;
        if (msg.sender == owner && now >= presale_start && now <= presale_end && left < 900000) {
            return false;
        } else if (msg.sender == owner && now >= presale_end && now <= (presale_end + 16 days) && left < 800000) {
            return false;
        } else if (msg.sender == owner && left < 500000 && now < ico_start + 180 days) {
            return false;
        } else if (msg.sender == owner && left < 250000 && now < ico_start + 360 days) {
            return false;
        } else if (_value > 0) {
            require(balances[msg.sender] >= _value);
            balances[msg.sender] -= _value;
            balances[_to] += _value;
            Transfer(msg.sender, _to, _value);
            return true;
        }
        return false;
    }
}
"""
MOVABLE_UNLOCK = TRANCHES.replace(
    "    function balanceOf(",
    "    uint256 public unlockTime;\n    function setUnlockTime(uint256 t) public onlyOwner { unlockTime = t; }\n    function balanceOf(",
).replace("uint256 left = balances[owner] - _value;", "require(now >= unlockTime);\n        uint256 left = balances[owner] - _value;")


def test_owner_address_beside_a_time_is_no_lock_time(source_facts):
    facts = source_facts(TRANCHES, name="tranches")
    assert facts.token_contract == "TrancheToken"
    assert facts.pausable is False
    assert facts.vesting_or_timelock is True  # the owner's tranches wait for their dates
    movable = source_facts(MOVABLE_UNLOCK, name="movable")
    assert movable.pausable is True
    assert "unlockTime" in movable.evidence["pausable"][0].reason


# OpenZeppelin 5 upgradeable (ERC-7201 namespaced storage): balances, supply, owner and the pause
# flag live in structs reached through `assembly { $.slot := LOCATION }` getters, not in state
# variables; initialize() mints once (deployment, through the proxy)
OZ5_UPGRADEABLE_BASE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
abstract contract Initializable {
    struct InitializableStorage { uint64 _initialized; bool _initializing; }
    bytes32 private constant INITIALIZABLE_STORAGE = 0xf0c57e16840df040f15088dc2f81fe391c3923bec73e23a9662efc9c229c6a00;
    error InvalidInitialization();
    error NotInitializing();
    modifier initializer() {
        InitializableStorage storage $ = _getInitializableStorage();
        bool isTopLevelCall = !$._initializing;
        uint64 initialized = $._initialized;
        bool initialSetup = initialized == 0 && isTopLevelCall;
        bool construction = initialized == 1 && address(this).code.length == 0;
        if (!initialSetup && !construction) { revert InvalidInitialization(); }
        $._initialized = 1;
        if (isTopLevelCall) { $._initializing = true; }
        _;
        if (isTopLevelCall) { $._initializing = false; }
    }
    modifier onlyInitializing() { if (!_getInitializableStorage()._initializing) { revert NotInitializing(); } _; }
    function _getInitializableStorage() private pure returns (InitializableStorage storage $) {
        assembly { $.slot := INITIALIZABLE_STORAGE }
    }
}
abstract contract ContextUpgradeable is Initializable {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}
abstract contract OwnableUpgradeable is Initializable, ContextUpgradeable {
    struct OwnableStorage { address _owner; }
    bytes32 private constant OwnableStorageLocation = 0x9016d09d72d40fdae2fd8ceac6b6234c7706214fd39c1cd1e609a0528c199300;
    error OwnableUnauthorizedAccount(address account);
    function _getOwnableStorage() private pure returns (OwnableStorage storage $) { assembly { $.slot := OwnableStorageLocation } }
    function __Ownable_init(address initialOwner) internal onlyInitializing { _getOwnableStorage()._owner = initialOwner; }
    modifier onlyOwner() { _checkOwner(); _; }
    function owner() public view virtual returns (address) { OwnableStorage storage $ = _getOwnableStorage(); return $._owner; }
    function _checkOwner() internal view virtual { if (owner() != _msgSender()) { revert OwnableUnauthorizedAccount(_msgSender()); } }
}
abstract contract ERC20Upgradeable is Initializable, ContextUpgradeable {
    struct ERC20Storage {
        mapping(address account => uint256) _balances;
        mapping(address account => mapping(address spender => uint256)) _allowances;
        uint256 _totalSupply;
        string _name;
        string _symbol;
    }
    bytes32 private constant ERC20StorageLocation = 0x52c63247e1f47db19d5ce0460030c497f067ca4cebf71ba98eeadabe20bace00;
    event Transfer(address indexed from, address indexed to, uint256 value);
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InvalidSender(address sender);
    error ERC20InvalidReceiver(address receiver);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    function _getERC20Storage() private pure returns (ERC20Storage storage $) { assembly { $.slot := ERC20StorageLocation } }
    function __ERC20_init(string memory name_, string memory symbol_) internal onlyInitializing {
        ERC20Storage storage $ = _getERC20Storage(); $._name = name_; $._symbol = symbol_;
    }
    function decimals() public view virtual returns (uint8) { return 18; }
    function totalSupply() public view virtual returns (uint256) { ERC20Storage storage $ = _getERC20Storage(); return $._totalSupply; }
    function balanceOf(address account) public view virtual returns (uint256) { ERC20Storage storage $ = _getERC20Storage(); return $._balances[account]; }
    function transfer(address to, uint256 value) public virtual returns (bool) { _transfer(_msgSender(), to, value); return true; }
    function allowance(address owner, address spender) public view virtual returns (uint256) { ERC20Storage storage $ = _getERC20Storage(); return $._allowances[owner][spender]; }
    function approve(address spender, uint256 value) public virtual returns (bool) { ERC20Storage storage $ = _getERC20Storage(); $._allowances[_msgSender()][spender] = value; return true; }
    function transferFrom(address from, address to, uint256 value) public virtual returns (bool) {
        ERC20Storage storage $ = _getERC20Storage();
        uint256 currentAllowance = $._allowances[from][_msgSender()];
        if (currentAllowance < value) { revert ERC20InsufficientAllowance(_msgSender(), currentAllowance, value); }
        $._allowances[from][_msgSender()] = currentAllowance - value;
        _transfer(from, to, value);
        return true;
    }
    function _transfer(address from, address to, uint256 value) internal {
        if (from == address(0)) { revert ERC20InvalidSender(address(0)); }
        if (to == address(0)) { revert ERC20InvalidReceiver(address(0)); }
        _update(from, to, value);
    }
    function _update(address from, address to, uint256 value) internal virtual {
        ERC20Storage storage $ = _getERC20Storage();
        if (from == address(0)) {
            $._totalSupply += value;
        } else {
            uint256 fromBalance = $._balances[from];
            if (fromBalance < value) { revert ERC20InsufficientBalance(from, fromBalance, value); }
            unchecked { $._balances[from] = fromBalance - value; }
        }
        if (to == address(0)) {
            unchecked { $._totalSupply -= value; }
        } else {
            unchecked { $._balances[to] += value; }
        }
        emit Transfer(from, to, value);
    }
    function _mint(address account, uint256 value) internal {
        if (account == address(0)) { revert ERC20InvalidReceiver(address(0)); }
        _update(address(0), account, value);
    }
}
abstract contract PausableUpgradeable is Initializable, ContextUpgradeable {
    struct PausableStorage { bool _paused; }
    bytes32 private constant PausableStorageLocation = 0xcd5ed15c6e187e77e9aee88184c21f4f2182ab5827cb3b7e07fbedcd63f03300;
    error EnforcedPause();
    function _getPausableStorage() private pure returns (PausableStorage storage $) { assembly { $.slot := PausableStorageLocation } }
    modifier whenNotPaused() { _requireNotPaused(); _; }
    function paused() public view virtual returns (bool) { PausableStorage storage $ = _getPausableStorage(); return $._paused; }
    function _requireNotPaused() internal view virtual { if (paused()) { revert EnforcedPause(); } }
    function _pause() internal virtual { PausableStorage storage $ = _getPausableStorage(); $._paused = true; }
    function _unpause() internal virtual { PausableStorage storage $ = _getPausableStorage(); $._paused = false; }
}
"""
OZ5_UPGRADEABLE = OZ5_UPGRADEABLE_BASE + """contract GameTokenV5 is Initializable, ERC20Upgradeable, OwnableUpgradeable, PausableUpgradeable {
    function initialize(address initialOwner) public initializer {
        __ERC20_init("Game", "GAME");
        __Ownable_init(initialOwner);
        _mint(initialOwner, 1000000000 * 10 ** decimals());
    }
    function mint(address to, uint256 amount) public onlyOwner { _mint(to, amount); }
    function pause() public onlyOwner { _pause(); }
    function unpause() public onlyOwner { _unpause(); }
    function _update(address from, address to, uint256 value) internal override whenNotPaused { super._update(from, to, value); }
}
"""
OZ5_UPGRADEABLE_PLAIN = OZ5_UPGRADEABLE_BASE + """contract PlainTokenV5 is Initializable, ERC20Upgradeable, OwnableUpgradeable {
    function initialize(address initialOwner) public initializer {
        __ERC20_init("Plain", "PLN");
        __Ownable_init(initialOwner);
        _mint(initialOwner, 1000000000 * 10 ** decimals());
    }
}
"""


def test_oz5_upgradeable_namespaced_storage(source_facts):
    facts = source_facts(OZ5_UPGRADEABLE)
    assert facts.token_contract == "GameTokenV5" and facts.status == "ok"
    assert facts.can_mint_after_deploy is True
    assert {e.reason.split("()")[0] for e in facts.evidence["can_mint_after_deploy"]} == {"mint"}  # not initialize()
    assert facts.pausable is True
    assert any("mint" in r.functions and "pause" in r.functions for r in facts.roles)
    plain = source_facts(OZ5_UPGRADEABLE_PLAIN)
    assert plain.status == "ok"
    assert plain.can_mint_after_deploy is False and plain.pausable is False and plain.burnable is False
