"""Contract facts on today's token code (2020-2024, solc 0.6-0.8, OpenZeppelin 3/4 templates, BSC-style
fee and blacklist tokens): a fee on transfer the owner sets, fee exclusions (no freeze), a blacklist,
a trading switch the owner opens once (a lock) or at will (a pause), max-transaction limits the owner
may lower to nothing or only within bounds, an OpenZeppelin 4 upgradeable token's ``initialize()``
next to its proxy, a farm's reward token next to the farm, a staking contract alone, and several
files pasted one after another into one. Each power appears with and without it. All sources are
written for these tests after the public templates' shapes.
"""

from __future__ import annotations

import pytest

from tests.contract.test_generalising_patterns import OZ_BASE

pytestmark = pytest.mark.slow

# A BSC "tax" token on OpenZeppelin 4: the owner sets the fee, excludes wallets from it, blacklists
# addresses and opens trading once; a max-transaction limit the owner may set to any value.
FEE_TOKEN = OZ_BASE + """
contract TaxToken is ERC20, Ownable {
    uint256 public taxFee = 5;
    address public marketingWallet;
    bool public tradingEnabled;
    uint256 public maxTxAmount;
    mapping(address => bool) private _isExcludedFromFee;
    mapping(address => bool) public _isBlacklisted;
    event ExcludeFromFees(address indexed account, bool isExcluded);
    constructor(address marketing) ERC20("Tax", "TAX") {
        marketingWallet = marketing;
        _isExcludedFromFee[_msgSender()] = true;
        _isExcludedFromFee[address(this)] = true;
        _mint(_msgSender(), 1000000000 * 10 ** decimals());
        maxTxAmount = totalSupply() / 100;
    }
    function setTaxFeePercent(uint256 fee) external onlyOwner { taxFee = fee; }
    function excludeFromFee(address account, bool excluded) external onlyOwner {
        _isExcludedFromFee[account] = excluded;
        emit ExcludeFromFees(account, excluded);
    }
    function blacklistAddress(address account, bool value) external onlyOwner { _isBlacklisted[account] = value; }
    function enableTrading() external onlyOwner { tradingEnabled = true; }
    function setMaxTxAmount(uint256 amount) external onlyOwner { maxTxAmount = amount; }
    function _transfer(address from, address to, uint256 amount) internal override {
        require(!_isBlacklisted[from] && !_isBlacklisted[to], "Blacklisted address");
        if (!_isExcludedFromFee[from] && !_isExcludedFromFee[to]) {
            require(tradingEnabled, "Trading not active");
            require(amount <= maxTxAmount, "Transfer amount exceeds the maxTxAmount.");
        }
        bool takeFee = !(_isExcludedFromFee[from] || _isExcludedFromFee[to]);
        if (takeFee) {
            uint256 fees = amount * taxFee / 100;
            amount = amount - fees;
            super._transfer(from, marketingWallet, fees);
        }
        super._transfer(from, to, amount);
    }
}
"""
# the same token without the powers: no fee, no blacklist, trading open, a limit the owner may only raise
# within bounds; the fee exclusions remain (they exempt, they stop nobody)
PLAIN_TAXLESS = OZ_BASE + """
contract LimitToken is ERC20, Ownable {
    uint256 public maxTxAmount;
    mapping(address => bool) private _isExcludedFromFee;
    mapping(address => bool) private _isExcludedFromLimit;
    constructor() ERC20("Limit", "LIM") {
        _isExcludedFromLimit[_msgSender()] = true;
        _mint(_msgSender(), 1000000000 * 10 ** decimals());
        maxTxAmount = totalSupply() / 100;
    }
    function excludeFromFee(address account, bool excluded) external onlyOwner { _isExcludedFromFee[account] = excluded; }
    function excludeFromLimit(address account, bool excluded) external onlyOwner { _isExcludedFromLimit[account] = excluded; }
    function setMaxTxAmount(uint256 amount) external onlyOwner {
        require(amount >= totalSupply() / 1000, "Cannot set maxTx lower than 0.1%");
        maxTxAmount = amount;
    }
    function _transfer(address from, address to, uint256 amount) internal override {
        if (!_isExcludedFromLimit[from] && !_isExcludedFromLimit[to]) {
            require(amount <= maxTxAmount, "Transfer amount exceeds the maxTxAmount.");
        }
        super._transfer(from, to, amount);
    }
}
"""
# the trading switch both ways: the owner can halt trading at will
TRADING_SWITCH = FEE_TOKEN.replace(
    "function enableTrading() external onlyOwner { tradingEnabled = true; }",
    "function setTradingEnabled(bool enabled) external onlyOwner { tradingEnabled = enabled; }",
).replace("bool public tradingEnabled;", "bool public tradingEnabled = true;")
# a fixed fee the owner cannot change, sent to the contract itself (still a fee on transfer)
FIXED_FEE = PLAIN_TAXLESS.replace(
    "        super._transfer(from, to, amount);\n    }\n}",
    "        uint256 fee = amount / 50;\n        super._transfer(from, address(this), fee);\n        super._transfer(from, to, amount - fee);\n    }\n}",
)


def test_bsc_fee_token_fee_blacklist_trading_switch(source_facts):
    facts = source_facts(FEE_TOKEN)
    assert facts.token_contract == "TaxToken"
    assert facts.transfer_fee is True
    assert facts.evidence["transfer_fee"][0].line is not None
    assert facts.freeze_or_blacklist is True
    assert facts.evidence["freeze_or_blacklist"][0].function == "blacklistAddress"
    assert facts.transfer_lock is True  # trading closed until the owner opens it
    assert "tradingEnabled" in facts.evidence["transfer_lock"][0].reason
    assert facts.pausable is True  # the owner may set the max transaction to 0
    assert "maxTxAmount" in " ".join(e.reason for e in facts.evidence["pausable"])
    assert facts.can_mint_after_deploy is False


def test_fee_exclusions_and_bounded_limits_are_no_powers(source_facts):
    plain = source_facts(PLAIN_TAXLESS)
    assert plain.token_contract == "LimitToken"
    assert plain.transfer_fee is False
    assert plain.freeze_or_blacklist is False  # exclusion lists only exempt
    assert plain.pausable is False  # the limit cannot go below 0.1% of the supply
    assert plain.transfer_lock is False
    assert source_facts(FIXED_FEE).transfer_fee is True


def test_reversible_trading_switch_is_a_pause_not_a_lock(source_facts):
    facts = source_facts(TRADING_SWITCH)
    assert facts.pausable is True and facts.transfer_lock is False
    assert any("tradingEnabled" in e.reason for e in facts.evidence["pausable"])


# OpenZeppelin 4 upgradeable token (uint8 `_initialized`, the constructor escape through
# `isContract(address(this))`) and its ERC-1967 proxy in one file: the one-time initialize() mints
# the supply when the proxy is deployed; it is no mint after deployment
UPGRADEABLE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.2;
library AddressUpgradeable {
    function isContract(address account) internal view returns (bool) { return account.code.length > 0; }
}
abstract contract Initializable {
    uint8 private _initialized;
    bool private _initializing;
    event Initialized(uint8 version);
    modifier initializer() {
        bool isTopLevelCall = !_initializing;
        require((isTopLevelCall && _initialized < 1) || (!AddressUpgradeable.isContract(address(this)) && _initialized == 1),
            "Initializable: contract is already initialized");
        _initialized = 1;
        if (isTopLevelCall) { _initializing = true; }
        _;
        if (isTopLevelCall) { _initializing = false; emit Initialized(1); }
    }
    modifier onlyInitializing() { require(_initializing, "Initializable: contract is not initializing"); _; }
}
abstract contract ContextUpgradeable is Initializable {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}
abstract contract OwnableUpgradeable is Initializable, ContextUpgradeable {
    address private _owner;
    function __Ownable_init() internal onlyInitializing { _owner = _msgSender(); }
    function owner() public view virtual returns (address) { return _owner; }
    modifier onlyOwner() { require(owner() == _msgSender(), "Ownable: caller is not the owner"); _; }
}
contract ERC20Upgradeable is Initializable, ContextUpgradeable {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply;
    string private _name;
    string private _symbol;
    event Transfer(address indexed from, address indexed to, uint256 value);
    function __ERC20_init(string memory name_, string memory symbol_) internal onlyInitializing { _name = name_; _symbol = symbol_; }
    function decimals() public view virtual returns (uint8) { return 18; }
    function totalSupply() public view virtual returns (uint256) { return _totalSupply; }
    function balanceOf(address account) public view virtual returns (uint256) { return _balances[account]; }
    function transfer(address to, uint256 amount) public virtual returns (bool) { _transfer(_msgSender(), to, amount); return true; }
    function allowance(address owner, address spender) public view virtual returns (uint256) { return _allowances[owner][spender]; }
    function approve(address spender, uint256 amount) public virtual returns (bool) { _allowances[_msgSender()][spender] = amount; return true; }
    function transferFrom(address from, address to, uint256 amount) public virtual returns (bool) {
        require(_allowances[from][_msgSender()] >= amount, "ERC20: insufficient allowance");
        unchecked { _allowances[from][_msgSender()] -= amount; }
        _transfer(from, to, amount);
        return true;
    }
    function _transfer(address from, address to, uint256 amount) internal virtual {
        uint256 fromBalance = _balances[from];
        require(fromBalance >= amount, "ERC20: transfer amount exceeds balance");
        unchecked { _balances[from] = fromBalance - amount; }
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }
    function _mint(address account, uint256 amount) internal virtual {
        _totalSupply += amount;
        _balances[account] += amount;
        emit Transfer(address(0), account, amount);
    }
}
contract GameToken is Initializable, ERC20Upgradeable, OwnableUpgradeable {
    function initialize() public initializer {
        __ERC20_init("Game", "GAME");
        __Ownable_init();
        _mint(_msgSender(), 1000000000 * 10 ** decimals());
    }
}
contract ERC1967Proxy {
    bytes32 internal constant _IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    constructor(address _logic, bytes memory _data) payable {
        assembly { sstore(_IMPLEMENTATION_SLOT, _logic) }
        (bool ok, ) = _logic.delegatecall(_data);
        require(ok);
    }
    fallback() external payable {
        assembly {
            let impl := sload(_IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result case 0 { revert(0, returndatasize()) } default { return(0, returndatasize()) }
        }
    }
}
"""
UPGRADEABLE_MINTER = UPGRADEABLE.replace(
    "contract ERC1967Proxy {",
    "contract GameTokenV2 is GameToken {\n    function mint(address to, uint256 amount) public onlyOwner { _mint(to, amount); }\n}\ncontract ERC1967Proxy {",
)


def test_oz4_upgradeable_initialize_beside_its_proxy_is_deployment(source_facts):
    facts = source_facts(UPGRADEABLE)
    assert facts.token_contract == "GameToken"
    assert facts.can_mint_after_deploy is False
    minter = source_facts(UPGRADEABLE_MINTER)
    assert minter.token_contract == "GameTokenV2"
    assert minter.can_mint_after_deploy is True
    assert minter.evidence["can_mint_after_deploy"][0].function in ("mint", "_mint")


# a PancakeSwap-style farm pasted with its reward token: the SyrupBar (an ERC-20 the farm mints and
# burns for stakers) holds the reward token; the reward token is the project's token
FARM_TAIL = """
contract SyrupBar is ERC20, Ownable {
    CakeToken public cake;
    constructor(CakeToken _cake) ERC20("SyrupBar Token", "SYRUP") { cake = _cake; }
    function mint(address _to, uint256 _amount) public onlyOwner { _mint(_to, _amount); }
    function burn(address _from, uint256 _amount) public onlyOwner { _burn(_from, _amount); }
    function safeCakeTransfer(address _to, uint256 _amount) public onlyOwner {
        uint256 cakeBal = cake.balanceOf(address(this));
        cake.transfer(_to, _amount > cakeBal ? cakeBal : _amount);
    }
}
contract MasterChef is Ownable {
    CakeToken public cake;
    SyrupBar public syrup;
    uint256 public cakePerBlock;
    uint256 public lastRewardBlock;
    mapping(address => uint256) public staked;
    constructor(CakeToken _cake, SyrupBar _syrup, uint256 _cakePerBlock) { cake = _cake; syrup = _syrup; cakePerBlock = _cakePerBlock; }
    function enterStaking(uint256 _amount) public {
        uint256 reward = (block.number - lastRewardBlock) * cakePerBlock;
        lastRewardBlock = block.number;
        cake.mint(address(syrup), reward);
        cake.transferFrom(msg.sender, address(this), _amount);
        staked[msg.sender] += _amount;
        syrup.mint(msg.sender, _amount);
    }
    function leaveStaking(uint256 _amount) public {
        staked[msg.sender] -= _amount;
        syrup.burn(msg.sender, _amount);
        cake.transfer(msg.sender, _amount);
    }
}
"""
FARM = OZ_BASE + """
contract CakeToken is ERC20("PancakeSwap Token", "Cake"), Ownable {
    function mint(address _to, uint256 _amount) public onlyOwner { _mint(_to, _amount); }
}
""" + FARM_TAIL
# the same farm paying out a fixed-supply token: the farm's own receipt token mints, the project's does not
FARM_FIXED_TOKEN = OZ_BASE + """
contract CakeToken is ERC20("PancakeSwap Token", "Cake"), Ownable {
    constructor() { _mint(msg.sender, 1000000 * 10 ** decimals()); }
    function mint(address, uint256) public pure { revert("fixed supply"); }
}
""" + FARM_TAIL

# a staking pool alone (the staked token is outside the file, as an interface): no token here
STAKING_ONLY = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
interface IERC20 {
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}
contract StakingRewards {
    IERC20 public rewardsToken;
    IERC20 public stakingToken;
    address public owner;
    uint256 private _totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => uint256) public rewards;
    constructor(address _rewardsToken, address _stakingToken) { owner = msg.sender; rewardsToken = IERC20(_rewardsToken); stakingToken = IERC20(_stakingToken); }
    function totalSupply() external view returns (uint256) { return _totalSupply; }
    function balanceOf(address account) external view returns (uint256) { return _balances[account]; }
    function stake(uint256 amount) external {
        _totalSupply += amount;
        _balances[msg.sender] += amount;
        stakingToken.transferFrom(msg.sender, address(this), amount);
    }
    function withdraw(uint256 amount) public {
        _totalSupply -= amount;
        _balances[msg.sender] -= amount;
        stakingToken.transfer(msg.sender, amount);
    }
    function notifyRewardAmount(address account, uint256 reward) external { require(msg.sender == owner); rewards[account] += reward; }
}
"""


def test_farm_beside_its_reward_token_and_a_staking_pool_alone(source_facts):
    farm = source_facts(FARM)
    assert farm.token_contract == "CakeToken"
    assert farm.can_mint_after_deploy is True  # the owner (the farm, once ownership moves) mints rewards
    fixed = source_facts(FARM_FIXED_TOKEN)
    assert fixed.token_contract == "CakeToken"
    assert fixed.can_mint_after_deploy is False and fixed.owner_can_change_balances is False
    staking = source_facts(STAKING_ONLY)
    assert staking.token_contract is None and staking.status == "no_token"
    assert staking.can_mint_after_deploy is None


# several files pasted one after the other (as submitted to Etherscan as "single file"): each with
# its SPDX line, pragma and imports of files pasted above it
PASTED_FILES = """// SPDX-License-Identifier: MIT
// OpenZeppelin Contracts v4.4.1 (utils/Context.sol)
pragma solidity ^0.8.0;
abstract contract Context {
    function _msgSender() internal view virtual returns (address) { return msg.sender; }
}

// SPDX-License-Identifier: MIT
// OpenZeppelin Contracts v4.4.1 (access/Ownable.sol)
pragma solidity ^0.8.0;
import "../utils/Context.sol";
abstract contract Ownable is Context {
    address private _owner;
    constructor() { _owner = _msgSender(); }
    function owner() public view virtual returns (address) { return _owner; }
    modifier onlyOwner() { require(owner() == _msgSender(), "Ownable: caller is not the owner"); _; }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
interface IERC20 {
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function allowance(address owner, address spender) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.4;
import "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
contract PastedToken is IERC20, Ownable {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply;
    bool public paused;
    constructor() { _totalSupply = 1000; _balances[msg.sender] = 1000; }
    function totalSupply() external view override returns (uint256) { return _totalSupply; }
    function balanceOf(address a) external view override returns (uint256) { return _balances[a]; }
    function allowance(address a, address s) external view override returns (uint256) { return _allowances[a][s]; }
    function approve(address s, uint256 v) external override returns (bool) { _allowances[msg.sender][s] = v; return true; }
    function setPaused(bool p) external onlyOwner { paused = p; }
    function transfer(address to, uint256 v) external override returns (bool) { _move(msg.sender, to, v); return true; }
    function transferFrom(address f, address to, uint256 v) external override returns (bool) {
        _allowances[f][msg.sender] -= v; _move(f, to, v); return true;
    }
    function _move(address f, address to, uint256 v) private { require(!paused, "paused"); _balances[f] -= v; _balances[to] += v; }
}
"""
# an import of a file that was not pasted: cannot be made whole; the reason is in the warnings
PASTED_MISSING = PASTED_FILES.replace(
    'import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";',
    'import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";\nimport "./SafeMath.sol";',
)


def _pasted_facts(text):
    pytest.importorskip("slither")
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import derive_facts
    from ico_lens.contract.source import bundle_from_source_text

    bundle = bundle_from_source_text(text, name="0xpasted.sol")
    return bundle, derive_facts(load_slither(bundle), bundle)


def test_files_pasted_into_one_are_split_back():
    from ico_lens.contract.source import bundle_from_source_text

    bundle, facts = _pasted_facts(PASTED_FILES)
    assert list(bundle.sources) == ["0xpasted/Context.sol", "0xpasted/Ownable.sol", "0xpasted/IERC20.sol", "0xpasted/PastedToken.sol"]
    assert 'import "./Context.sol";' in bundle.sources["0xpasted/Ownable.sol"]
    assert "split back" in bundle.warnings[0]
    assert facts.token_contract == "PastedToken" and facts.pausable is True
    evidence = facts.evidence["pausable"][0]
    # each part keeps its lines in the paste: the evidence line is the pasted text's
    assert evidence.function == "setPaused" and evidence.file == "0xpasted/PastedToken.sol"
    assert "function setPaused" in PASTED_FILES.split("\n")[evidence.line - 1]
    # one file stays one file
    single = bundle_from_source_text(PASTED_FILES.split("\n\n// SPDX")[0], name="0xone.sol")
    assert list(single.sources) == ["0xone.sol"] and single.warnings == []


def test_pasted_file_importing_what_was_not_pasted_says_why():
    bundle, facts = _pasted_facts(PASTED_MISSING)
    assert any('"./SafeMath.sol" names a file that was not pasted' in w for w in bundle.warnings)
    assert facts.token_contract == "PastedToken"  # nothing from it was used: it still compiles


# SafeMoon-style reflection token (OpenZeppelin 3 on solc 0.6): balances in reflected units, fees
# the owner sets, a liquidity fee credited to the contract, accounts excluded from rewards and fees
# (bookkeeping, no freeze) and a max-transaction percent the owner may set to 0
REFLECTION = """// SPDX-License-Identifier: Unlicensed
pragma solidity ^0.6.12;
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a, "SafeMath: addition overflow"); return c; }
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { return sub(a, b, "SafeMath: subtraction overflow"); }
    function sub(uint256 a, uint256 b, string memory errorMessage) internal pure returns (uint256) { require(b <= a, errorMessage); return a - b; }
    function mul(uint256 a, uint256 b) internal pure returns (uint256) { if (a == 0) return 0; uint256 c = a * b; require(c / a == b, "SafeMath: multiplication overflow"); return c; }
    function div(uint256 a, uint256 b) internal pure returns (uint256) { require(b > 0, "SafeMath: division by zero"); return a / b; }
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
contract ReflectToken is Context, Ownable {
    using SafeMath for uint256;
    mapping (address => uint256) private _rOwned;
    mapping (address => uint256) private _tOwned;
    mapping (address => mapping (address => uint256)) private _allowances;
    mapping (address => bool) private _isExcludedFromFee;
    mapping (address => bool) private _isExcluded;
    address[] private _excluded;
    uint256 private constant MAX = ~uint256(0);
    uint256 private _tTotal = 1000000000 * 10**6 * 10**9;
    uint256 private _rTotal = (MAX - (MAX % _tTotal));
    uint256 private _tFeeTotal;
    uint256 public _taxFee = 5;
    uint256 public _liquidityFee = 5;
    uint256 public _maxTxAmount = 5000000 * 10**6 * 10**9;
    event Transfer(address indexed from, address indexed to, uint256 value);
    constructor () public {
        _rOwned[_msgSender()] = _rTotal;
        _isExcludedFromFee[owner()] = true;
        _isExcludedFromFee[address(this)] = true;
        emit Transfer(address(0), _msgSender(), _tTotal);
    }
    function totalSupply() public view returns (uint256) { return _tTotal; }
    function balanceOf(address account) public view returns (uint256) {
        if (_isExcluded[account]) return _tOwned[account];
        return tokenFromReflection(_rOwned[account]);
    }
    function transfer(address recipient, uint256 amount) public returns (bool) { _transfer(_msgSender(), recipient, amount); return true; }
    function allowance(address owner, address spender) public view returns (uint256) { return _allowances[owner][spender]; }
    function approve(address spender, uint256 amount) public returns (bool) { _allowances[_msgSender()][spender] = amount; return true; }
    function transferFrom(address sender, address recipient, uint256 amount) public returns (bool) {
        _transfer(sender, recipient, amount);
        _allowances[sender][_msgSender()] = _allowances[sender][_msgSender()].sub(amount, "ERC20: transfer amount exceeds allowance");
        return true;
    }
    function tokenFromReflection(uint256 rAmount) public view returns (uint256) {
        require(rAmount <= _rTotal, "Amount must be less than total reflections");
        return rAmount.div(_getRate());
    }
    function excludeFromReward(address account) public onlyOwner {
        require(!_isExcluded[account], "Account is already excluded");
        if (_rOwned[account] > 0) { _tOwned[account] = tokenFromReflection(_rOwned[account]); }
        _isExcluded[account] = true;
        _excluded.push(account);
    }
    function excludeFromFee(address account) public onlyOwner { _isExcludedFromFee[account] = true; }
    function includeInFee(address account) public onlyOwner { _isExcludedFromFee[account] = false; }
    function setTaxFeePercent(uint256 taxFee) external onlyOwner { _taxFee = taxFee; }
    function setLiquidityFeePercent(uint256 liquidityFee) external onlyOwner { _liquidityFee = liquidityFee; }
    function setMaxTxPercent(uint256 maxTxPercent) external onlyOwner { _maxTxAmount = _tTotal.mul(maxTxPercent).div(10**2); }
    function _getRate() private view returns (uint256) { return _rTotal.div(_tTotal); }
    function _transfer(address from, address to, uint256 amount) private {
        require(from != address(0), "ERC20: transfer from the zero address");
        require(amount > 0, "Transfer amount must be greater than zero");
        if (from != owner() && to != owner()) require(amount <= _maxTxAmount, "Transfer amount exceeds the maxTxAmount.");
        bool takeFee = !(_isExcludedFromFee[from] || _isExcludedFromFee[to]);
        uint256 tFee = takeFee ? amount.mul(_taxFee).div(100) : 0;
        uint256 tLiquidity = takeFee ? amount.mul(_liquidityFee).div(100) : 0;
        uint256 tTransferAmount = amount.sub(tFee).sub(tLiquidity);
        uint256 rate = _getRate();
        _rOwned[from] = _rOwned[from].sub(amount.mul(rate));
        _rOwned[to] = _rOwned[to].add(tTransferAmount.mul(rate));
        _rOwned[address(this)] = _rOwned[address(this)].add(tLiquidity.mul(rate));
        _rTotal = _rTotal.sub(tFee.mul(rate));
        _tFeeTotal = _tFeeTotal.add(tFee);
        emit Transfer(from, to, tTransferAmount);
    }
}
"""
# the same token with no fee taken and a max transaction the owner cannot touch
REFLECTION_NO_FEE = (
    REFLECTION.replace("_rOwned[address(this)] = _rOwned[address(this)].add(tLiquidity.mul(rate));", "")
    .replace("function setMaxTxPercent(uint256 maxTxPercent) external onlyOwner { _maxTxAmount = _tTotal.mul(maxTxPercent).div(10**2); }", "")
    .replace("uint256 tTransferAmount = amount.sub(tFee).sub(tLiquidity);", "uint256 tTransferAmount = amount;")
    .replace("_rTotal = _rTotal.sub(tFee.mul(rate));", "")
)


def test_reflection_token_fees_exclusions_and_max_tx(source_facts):
    facts = source_facts(REFLECTION)
    assert facts.token_contract == "ReflectToken"
    assert facts.transfer_fee is True
    assert facts.pausable is True and "setMaxTxPercent" in facts.evidence["pausable"][0].reason
    assert facts.freeze_or_blacklist is False  # excluded from rewards / fees: bookkeeping, nobody is stopped
    assert facts.can_mint_after_deploy is False and facts.owner_can_change_balances is False
    assert facts.transfer_lock is False
    plain = source_facts(REFLECTION_NO_FEE)
    assert plain.transfer_fee is False and plain.pausable is False
    assert plain.can_mint_after_deploy is False and plain.owner_can_change_balances is False


# restrictions on selling only (transfers to the DEX pair): a blacklist of sellers and a trading
# switch that holds sells until the owner opens it; the same code with no pair check at all is above
SELL_ONLY = OZ_BASE + """
contract SellGuardToken is ERC20, Ownable {
    address public uniswapV2Pair;
    bool public tradingOpen;
    mapping(address => bool) public isBot;
    mapping(address => bool) private _isExcludedFromFee;
    constructor(address pair) ERC20("Sell", "SELL") {
        uniswapV2Pair = pair;
        _isExcludedFromFee[_msgSender()] = true;
        _mint(_msgSender(), 1000000 * 10 ** decimals());
    }
    function setBots(address[] memory bots_) external onlyOwner { for (uint256 i = 0; i < bots_.length; i++) { isBot[bots_[i]] = true; } }
    function openTrading() external onlyOwner { tradingOpen = true; }
    function _transfer(address from, address to, uint256 amount) internal override {
        if (to == uniswapV2Pair) {
            require(!isBot[from], "bot");
            require(tradingOpen || _isExcludedFromFee[from], "trading not open");
        }
        super._transfer(from, to, amount);
    }
}
"""
SELL_ONLY_OPEN = SELL_ONLY.replace("bool public tradingOpen;", "bool public tradingOpen = true;").replace(
    "function setBots(address[] memory bots_) external onlyOwner {", "function setBots(address[] memory bots_) internal {"
)
# a minimum amount per transfer the owner may change (2017 "autorefill" tokens): no limit on anyone
MIN_AMOUNT = OZ_BASE + """
contract MinToken is ERC20, Ownable {
    uint256 public minTransfer = 10;
    constructor() ERC20("Min", "MIN") { _mint(_msgSender(), 1000000); }
    function setMinTransfer(uint256 amount) external onlyOwner { minTransfer = amount; }
    function _transfer(address from, address to, uint256 amount) internal override {
        if (amount < minTransfer) revert("too small");
        if (to.balance < minTransfer) { amount = amount - 1; }
        super._transfer(from, to, amount);
    }
}
"""


def test_sell_restrictions_through_the_pair(source_facts):
    facts = source_facts(SELL_ONLY)
    assert facts.freeze_or_blacklist is True
    assert facts.evidence["freeze_or_blacklist"][0].function == "setBots"
    assert facts.transfer_lock is True and "tradingOpen" in facts.evidence["transfer_lock"][0].reason
    assert facts.pausable is False  # opened once, never closed
    open_ = source_facts(SELL_ONLY_OPEN)
    assert open_.freeze_or_blacklist is False and open_.transfer_lock is False


def test_minimum_amount_is_no_pause(source_facts):
    assert source_facts(MIN_AMOUNT).pausable is False


# the ERC-1967 proxy alone (its implementation verified elsewhere): the front of an upgradeable token;
# a vault alone is not upgradeable
PROXY_ONLY = UPGRADEABLE[UPGRADEABLE.index("contract ERC1967Proxy {"):].join(["// SPDX-License-Identifier: MIT\npragma solidity ^0.8.2;\n", ""])

# an exchange's registry that creates a proxy for each user: the registry was deployed, not a proxy
REGISTRY_OF_PROXIES = PROXY_ONLY + """
contract ProxyRegistry {
    mapping(address => address) public proxies;
    function registerProxy() public returns (address proxy) {
        require(proxies[msg.sender] == address(0));
        proxy = address(new ERC1967Proxy(address(this), ""));
        proxies[msg.sender] = proxy;
    }
}
"""


def test_bare_proxy_is_upgradeable_and_a_pool_is_not(source_facts):
    proxy = source_facts(PROXY_ONLY)
    assert proxy.token_contract is None and proxy.upgradeable_or_migratable is True
    assert proxy.evidence["upgradeable_or_migratable"][0].contract == "ERC1967Proxy"
    assert source_facts(STAKING_ONLY).upgradeable_or_migratable is False
    assert source_facts(REGISTRY_OF_PROXIES).upgradeable_or_migratable is False


def test_flattened_file_with_repeated_licence_lines_stays_one_file():
    from ico_lens.contract.source import bundle_from_source_text

    flattened = "\n".join(line for line in PASTED_FILES.split("\n") if not line.startswith("import "))
    bundle = bundle_from_source_text(flattened, name="0xflat.sol")
    assert list(bundle.sources) == ["0xflat.sol"]
    text = bundle.sources["0xflat.sol"]
    assert text.count("SPDX-License-Identifier") == 1 and len(text) == len(flattened)
    assert "blanked" in bundle.warnings[0]
    _, facts = _pasted_facts(flattened)
    assert facts.token_contract == "PastedToken" and facts.pausable is True
