"""The ``oracle_call`` fact on small realistic sources: a Chainlink price-feed sale, an Oraclize
query with its callback, the Oraclize base pasted but never queried, an owner-set rate, a price pushed
by an "oracle" role, and a plain ERC-20."""

from __future__ import annotations

import pytest

from .test_voting import ERC20

pytestmark = pytest.mark.slow

# A 0.6 sale pricing its token in USD with a Chainlink ETH/USD aggregator.
CHAINLINK_SALE = """pragma solidity ^0.6.12;
interface AggregatorV3Interface {
    function decimals() external view returns (uint8);
    function latestRoundData() external view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
contract FeedToken {
    string public name = "Feed";
    uint8 public decimals = 18;
    uint256 public totalSupply;
    address public minter;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    constructor() public { minter = msg.sender; }
    function mint(address to, uint256 amount) external { require(msg.sender == minter); totalSupply += amount; balanceOf[to] += amount; emit Transfer(address(0), to, amount); }
    function transfer(address to, uint256 value) external returns (bool) {
        require(balanceOf[msg.sender] >= value); balanceOf[msg.sender] -= value; balanceOf[to] += value; emit Transfer(msg.sender, to, value); return true;
    }
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        require(balanceOf[from] >= value && allowance[from][msg.sender] >= value);
        allowance[from][msg.sender] -= value; balanceOf[from] -= value; balanceOf[to] += value; emit Transfer(from, to, value); return true;
    }
    function approve(address spender, uint256 value) external returns (bool) { allowance[msg.sender][spender] = value; emit Approval(msg.sender, spender, value); return true; }
}
contract UsdPricedSale {
    AggregatorV3Interface internal priceFeed;
    FeedToken public token;
    uint256 public constant CENTS_PER_TOKEN = 10;
    constructor(address feed) public { priceFeed = AggregatorV3Interface(feed); token = new FeedToken(); }
    function ethUsd() public view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = priceFeed.latestRoundData();
        require(answer > 0 && updatedAt > now - 1 hours);
        return uint256(answer);
    }
    function buy() external payable {
        uint256 cents = msg.value * ethUsd() / 1e24;
        token.mint(msg.sender, cents * 1e18 / CENTS_PER_TOKEN);
    }
}
"""

ORACLIZE_BASE = """pragma solidity ^0.4.24;
contract OraclizeI {
    address public cbAddress;
    function query(uint _timestamp, string _datasource, string _arg) external payable returns (bytes32 _id);
    function getPrice(string _datasource) public returns (uint _dsprice);
}
contract OraclizeAddrResolverI { function getAddress() public returns (address _addr); }
contract usingOraclize {
    OraclizeAddrResolverI OAR;
    OraclizeI oraclize;
    modifier oraclizeAPI { oraclize = OraclizeI(OAR.getAddress()); _; }
    function oraclize_query(string datasource, string arg) oraclizeAPI internal returns (bytes32 id) {
        uint price = oraclize.getPrice(datasource);
        if (price > 1 ether + tx.gasprice * 200000) return 0;
        return oraclize.query.value(price)(0, datasource, arg);
    }
    function oraclize_cbAddress() oraclizeAPI internal returns (address) { return oraclize.cbAddress(); }
    function __callback(bytes32 myid, string result) public { myid; result; revert(); }
    function parseInt(string _a) internal pure returns (uint) {
        bytes memory bresult = bytes(_a);
        uint mint = 0;
        for (uint i = 0; i < bresult.length; i++) {
            if ((bresult[i] >= 48) && (bresult[i] <= 57)) { mint *= 10; mint += uint(bresult[i]) - 48; }
        }
        return mint;
    }
}
"""

# A token sale whose ETH/USD rate comes back from Oraclize into __callback.
ORACLIZE_SALE = ORACLIZE_BASE + ERC20.replace("pragma solidity ^0.4.24;", "") + """
contract OraclizedSale is usingOraclize, Ownable {
    PlainToken public token;
    uint256 public ethUsdCents;
    event PriceRequested(bytes32 id);
    constructor(PlainToken _token) public { token = _token; }
    function updatePrice() public payable {
        emit PriceRequested(oraclize_query("URL", "json(https://api.kraken.com/0/public/Ticker?pair=ETHUSD).result.XETHZUSD.c.0"));
    }
    function __callback(bytes32 myid, string result) public {
        require(msg.sender == oraclize_cbAddress());
        myid;
        ethUsdCents = parseInt(result);
    }
    function buy() public payable { require(ethUsdCents > 0); token.transfer(msg.sender, msg.value * ethUsdCents); }
}
"""

# The same base pasted into the file, never queried; the sale's rate is set by the owner by hand.
PASTED_BASE_OWNER_RATE = ORACLIZE_BASE + ERC20.replace("pragma solidity ^0.4.24;", "") + """
contract ManualRateSale is usingOraclize, Ownable {
    PlainToken public token;
    uint256 public rate = 1000;
    constructor(PlainToken _token) public { token = _token; }
    function setRate(uint256 _rate) public onlyOwner { rate = _rate; }
    function buy() public payable { token.transfer(msg.sender, msg.value * rate); }
}
"""

# A price pushed by a dedicated "oracle" address: someone feeds data, the code cannot say from where.
ORACLE_ROLE = ERC20 + """
contract PushedPriceSale is Ownable {
    PlainToken public token;
    address public priceOracle;
    uint256 public ethUsdCents;
    constructor(PlainToken _token, address _oracle) public { token = _token; priceOracle = _oracle; }
    function updatePrice(uint256 _cents) public { require(msg.sender == priceOracle); ethUsdCents = _cents; }
    function buy() public payable { token.transfer(msg.sender, msg.value * ethUsdCents); }
}
"""

# A 2018 stable-value token pricing its collateral with MakerDAO's ETH/USD medianizer.
MEDIANIZER = ERC20 + """
contract Medianizer { function peek() public view returns (bytes32, bool); function read() public view returns (bytes32); }
contract CollateralVault is Ownable {
    PlainToken public token;
    Medianizer public pip;
    mapping(address => uint256) public collateral;
    constructor(PlainToken _token, Medianizer _pip) public { token = _token; pip = _pip; }
    function lock() public payable { collateral[msg.sender] += msg.value; }
    function ethUsd() public view returns (uint256) {
        (bytes32 value, bool ok) = pip.peek();
        require(ok);
        return uint256(value);
    }
    function borrowable(address who) public view returns (uint256) { return collateral[who] * ethUsd() / 1 ether / 2; }
}
"""


@pytest.fixture(scope="module")
def oracle(source_facts):
    def get(source: str):
        facts = source_facts(source, "oracle")
        return facts.oracle_call, facts

    return get


def test_a_chainlink_price_feed_consumer_calls_an_oracle(oracle):
    value, facts = oracle(CHAINLINK_SALE)
    assert value is True
    evidence = facts.evidence["oracle_call"][0]
    assert evidence.contract == "UsdPricedSale" and evidence.function == "ethUsd" and evidence.line > 0
    assert "latestRoundData()" in evidence.reason and "latestRoundData" in evidence.code
    assert {e.function for e in facts.evidence["oracle_call"]} >= {"ethUsd"}


def test_an_oraclize_query_answered_in_callback_is_an_oracle(oracle):
    value, facts = oracle(ORACLIZE_SALE)
    assert value is True
    reasons = [e.reason for e in facts.evidence["oracle_call"]]
    assert any(r.startswith("updatePrice() queries the Oraclize/Provable oracle (oraclize_query()") for r in reasons)


def test_the_oraclize_base_never_queried_and_an_owner_set_rate_are_no_oracle(oracle):
    value, facts = oracle(PASTED_BASE_OWNER_RATE)
    assert value is False and "oracle_call" not in facts.evidence


def test_a_price_pushed_by_an_oracle_role_is_undetermined(oracle):
    value, facts = oracle(ORACLE_ROLE)
    assert value is None
    assert facts.undetermined["oracle_call"].startswith("updatePrice() lets the priceOracle address push data (ethUsdCents)")


def test_a_plain_erc20_calls_no_oracle(oracle):
    value, facts = oracle(ERC20)
    assert value is False and facts.voting is False


def test_a_makerdao_medianizer_read_is_an_oracle(oracle):
    value, facts = oracle(MEDIANIZER)
    assert value is True
    reasons = {e.reason for e in facts.evidence["oracle_call"]}
    assert "ethUsd() reads a MakerDAO price feed (Medianizer.peek())" in reasons
    assert all(e.contract == "CollateralVault" for e in facts.evidence["oracle_call"])
