"""The ``voting`` fact on small realistic sources: holders vote with their (snapshot) balance, a token
only keeps snapshots, a plain ERC-20, and functions merely *named* vote."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ERC20 = """pragma solidity ^0.4.24;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { assert(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; assert(c >= a); return c; }
}
contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
contract PlainToken is Ownable {
    using SafeMath for uint256;
    string public name = "Plain";
    uint8 public decimals = 18;
    uint256 public totalSupply = 1000000 * 10 ** 18;
    mapping(address => uint256) balances;
    mapping(address => mapping(address => uint256)) allowed;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    constructor() public { balances[msg.sender] = totalSupply; }
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
    function approve(address _spender, uint256 _value) public returns (bool) {
        allowed[msg.sender][_spender] = _value; emit Approval(msg.sender, _spender, _value); return true;
    }
    function allowance(address _o, address _s) public view returns (uint256) { return allowed[_o][_s]; }
}
"""

# A plain token whose `vote` functions decide nothing: one counts clicks without reading any balance,
# the other weighs by balance but only the owner may call it.
NAMED_VOTE = ERC20.replace("contract PlainToken is Ownable {", """contract PlainToken is Ownable {
    mapping(uint256 => uint256) public votes;
    mapping(uint256 => uint256) public weightedVotes;
    function vote(uint256 _option) public { votes[_option] += 1; }
    function castVote(uint256 _option) public onlyOwner { weightedVotes[_option] += balances[msg.sender]; }""")

MINIME_BASE = """pragma solidity ^0.4.24;
contract Controlled {
    address public controller;
    constructor() public { controller = msg.sender; }
    modifier onlyController { require(msg.sender == controller); _; }
}
contract MiniMeToken is Controlled {
    string public name = "Civic Vote";
    uint8 public decimals = 18;
    struct Checkpoint { uint128 fromBlock; uint128 value; }
    mapping(address => Checkpoint[]) balances;
    mapping(address => mapping(address => uint256)) allowed;
    Checkpoint[] totalSupplyHistory;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    constructor() public { updateValueAtNow(totalSupplyHistory, 1000000 ether); updateValueAtNow(balances[msg.sender], 1000000 ether); }
    function transfer(address _to, uint256 _amount) public returns (bool) { doTransfer(msg.sender, _to, _amount); return true; }
    function transferFrom(address _from, address _to, uint256 _amount) public returns (bool) {
        require(allowed[_from][msg.sender] >= _amount);
        allowed[_from][msg.sender] -= _amount;
        doTransfer(_from, _to, _amount);
        return true;
    }
    function doTransfer(address _from, address _to, uint256 _amount) internal {
        uint256 previousBalanceFrom = balanceOfAt(_from, block.number);
        require(previousBalanceFrom >= _amount);
        updateValueAtNow(balances[_from], previousBalanceFrom - _amount);
        uint256 previousBalanceTo = balanceOfAt(_to, block.number);
        updateValueAtNow(balances[_to], previousBalanceTo + _amount);
        emit Transfer(_from, _to, _amount);
    }
    function balanceOf(address _owner) public view returns (uint256) { return balanceOfAt(_owner, block.number); }
    function approve(address _spender, uint256 _amount) public returns (bool) {
        allowed[msg.sender][_spender] = _amount; emit Approval(msg.sender, _spender, _amount); return true;
    }
    function allowance(address _owner, address _spender) public view returns (uint256) { return allowed[_owner][_spender]; }
    function totalSupply() public view returns (uint256) { return totalSupplyAt(block.number); }
    function balanceOfAt(address _owner, uint256 _blockNumber) public view returns (uint256) {
        return getValueAt(balances[_owner], _blockNumber);
    }
    function totalSupplyAt(uint256 _blockNumber) public view returns (uint256) { return getValueAt(totalSupplyHistory, _blockNumber); }
    function getValueAt(Checkpoint[] storage checkpoints, uint256 _block) internal view returns (uint256) {
        if (checkpoints.length == 0) return 0;
        if (_block >= checkpoints[checkpoints.length - 1].fromBlock) return checkpoints[checkpoints.length - 1].value;
        if (_block < checkpoints[0].fromBlock) return 0;
        uint256 min = 0;
        uint256 max = checkpoints.length - 1;
        while (max > min) {
            uint256 mid = (max + min + 1) / 2;
            if (checkpoints[mid].fromBlock <= _block) { min = mid; } else { max = mid - 1; }
        }
        return checkpoints[min].value;
    }
    function updateValueAtNow(Checkpoint[] storage checkpoints, uint256 _value) internal {
        if ((checkpoints.length == 0) || (checkpoints[checkpoints.length - 1].fromBlock < block.number)) {
            Checkpoint storage newCheckPoint = checkpoints[checkpoints.length++];
            newCheckPoint.fromBlock = uint128(block.number);
            newCheckPoint.value = uint128(_value);
        } else {
            Checkpoint storage oldCheckPoint = checkpoints[checkpoints.length - 1];
            oldCheckPoint.value = uint128(_value);
        }
    }
}
"""

# MiniMe snapshots read by a DAO of the same file: a proposal's votes are weighted by the voter's
# balance at the proposal's snapshot block, once per voter.
MINIME_VOTING = MINIME_BASE + """
contract TokenHolderDAO {
    struct Proposal { string description; uint256 snapshotBlock; uint256 yes; uint256 no; uint256 deadline; }
    MiniMeToken public token;
    Proposal[] public proposals;
    mapping(uint256 => mapping(address => bool)) public hasVoted;
    event Voted(uint256 indexed proposalId, address indexed voter, bool support, uint256 weight);
    constructor(MiniMeToken _token) public { token = _token; }
    function newProposal(string _description) public returns (uint256) {
        require(token.balanceOf(msg.sender) > 0);
        proposals.push(Proposal(_description, block.number - 1, 0, 0, now + 7 days));
        return proposals.length - 1;
    }
    function castVote(uint256 _id, bool _support) public {
        Proposal storage p = proposals[_id];
        require(now < p.deadline && !hasVoted[_id][msg.sender]);
        uint256 weight = token.balanceOfAt(msg.sender, p.snapshotBlock);
        require(weight > 0);
        hasVoted[_id][msg.sender] = true;
        if (_support) { p.yes += weight; } else { p.no += weight; }
        emit Voted(_id, msg.sender, _support, weight);
    }
}
"""


# Compound-style: holders delegate their voting power, checkpointed per block for a governor.
DELEGATING = """pragma solidity ^0.5.17;
contract GovToken {
    string public constant name = "Gov";
    uint8 public constant decimals = 18;
    uint public totalSupply = 10000000e18;
    mapping (address => mapping (address => uint96)) internal allowances;
    mapping (address => uint96) internal balances;
    mapping (address => address) public delegates;
    struct Checkpoint { uint32 fromBlock; uint96 votes; }
    mapping (address => mapping (uint32 => Checkpoint)) public checkpoints;
    mapping (address => uint32) public numCheckpoints;
    event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate);
    event DelegateVotesChanged(address indexed delegate, uint previousBalance, uint newBalance);
    event Transfer(address indexed from, address indexed to, uint256 amount);
    event Approval(address indexed owner, address indexed spender, uint256 amount);
    constructor(address account) public { balances[account] = uint96(totalSupply); emit Transfer(address(0), account, totalSupply); }
    function allowance(address account, address spender) external view returns (uint) { return allowances[account][spender]; }
    function approve(address spender, uint rawAmount) external returns (bool) {
        allowances[msg.sender][spender] = uint96(rawAmount); emit Approval(msg.sender, spender, rawAmount); return true;
    }
    function balanceOf(address account) external view returns (uint) { return balances[account]; }
    function transfer(address dst, uint rawAmount) external returns (bool) { _transferTokens(msg.sender, dst, uint96(rawAmount)); return true; }
    function transferFrom(address src, address dst, uint rawAmount) external returns (bool) {
        uint96 amount = uint96(rawAmount);
        require(allowances[src][msg.sender] >= amount);
        allowances[src][msg.sender] -= amount;
        _transferTokens(src, dst, amount);
        return true;
    }
    function delegate(address delegatee) public { return _delegate(msg.sender, delegatee); }
    function getPriorVotes(address account, uint blockNumber) public view returns (uint96) {
        require(blockNumber < block.number);
        uint32 n = numCheckpoints[account];
        if (n == 0) return 0;
        for (uint32 i = n; i > 0; i--) { if (checkpoints[account][i - 1].fromBlock <= blockNumber) return checkpoints[account][i - 1].votes; }
        return 0;
    }
    function _delegate(address delegator, address delegatee) internal {
        address currentDelegate = delegates[delegator];
        uint96 delegatorBalance = balances[delegator];
        delegates[delegator] = delegatee;
        emit DelegateChanged(delegator, currentDelegate, delegatee);
        _moveDelegates(currentDelegate, delegatee, delegatorBalance);
    }
    function _transferTokens(address src, address dst, uint96 amount) internal {
        require(src != address(0) && dst != address(0) && balances[src] >= amount);
        balances[src] -= amount;
        balances[dst] += amount;
        emit Transfer(src, dst, amount);
        _moveDelegates(delegates[src], delegates[dst], amount);
    }
    function _moveDelegates(address srcRep, address dstRep, uint96 amount) internal {
        if (srcRep != dstRep && amount > 0) {
            if (srcRep != address(0)) {
                uint32 srcNum = numCheckpoints[srcRep];
                uint96 srcOld = srcNum > 0 ? checkpoints[srcRep][srcNum - 1].votes : 0;
                _writeCheckpoint(srcRep, srcNum, srcOld, srcOld - amount);
            }
            if (dstRep != address(0)) {
                uint32 dstNum = numCheckpoints[dstRep];
                uint96 dstOld = dstNum > 0 ? checkpoints[dstRep][dstNum - 1].votes : 0;
                _writeCheckpoint(dstRep, dstNum, dstOld, dstOld + amount);
            }
        }
    }
    function _writeCheckpoint(address delegatee, uint32 nCheckpoints, uint96 oldVotes, uint96 newVotes) internal {
        uint32 blockNumber = uint32(block.number);
        if (nCheckpoints > 0 && checkpoints[delegatee][nCheckpoints - 1].fromBlock == blockNumber) {
            checkpoints[delegatee][nCheckpoints - 1].votes = newVotes;
        } else {
            checkpoints[delegatee][nCheckpoints] = Checkpoint(blockNumber, newVotes);
            numCheckpoints[delegatee] = nCheckpoints + 1;
        }
        emit DelegateVotesChanged(delegatee, oldVotes, newVotes);
    }
}
"""

@pytest.fixture(scope="module")
def voting(source_facts):
    def get(source: str):
        facts = source_facts(source, "voting")
        return facts.voting, facts

    return get


def test_a_dao_weighting_votes_by_minime_snapshots_is_voting(voting):
    value, facts = voting(MINIME_VOTING)
    assert value is True
    evidence = facts.evidence["voting"][0]
    assert evidence.contract == "TokenHolderDAO" and evidence.function in ("castVote", "newProposal") and evidence.line > 0
    reasons = " ".join(e.reason for e in facts.evidence["voting"])
    assert "castVote() records" in reasons and "balanceOfAt()" in reasons
    assert facts.detectors["voting"].impact == "informational"


def test_a_token_that_only_keeps_snapshots_is_undetermined(voting):
    value, facts = voting(MINIME_BASE)
    assert value is None
    assert "balanceOfAt()" in facts.undetermined["voting"] and "outside this file" in facts.undetermined["voting"]


def test_a_plain_erc20_has_no_voting(voting):
    value, facts = voting(ERC20)
    assert value is False and "voting" not in facts.evidence


def test_a_function_only_named_vote_is_not_voting(voting):
    value, facts = voting(NAMED_VOTE)
    assert value is False  # vote() reads no balance; castVote() is the owner's alone
    assert "castVote" in {f for role in facts.roles for f in role.functions}


def test_delegating_balance_weighted_voting_power_is_voting(voting):
    value, facts = voting(DELEGATING)
    assert value is True
    evidence = facts.evidence["voting"][0]
    assert evidence.reason.startswith("delegate() records delegates") and evidence.function == "_delegate"
    assert "weighted by the holder's token balance (balances)" in evidence.reason
    assert all(not e.reason.startswith(("transfer(", "transferFrom(")) for e in facts.evidence["voting"])
