"""Token state and genesis distribution read through web3 from an in-process chain (eth-tester)."""

from __future__ import annotations

import json

import pytest

from ico_lens.chain.records import ChainState
from ico_lens.chain.state import (
    ChainMismatch,
    RpcUnavailable,
    decode_transfer,
    decode_value,
    get_transfer_logs,
    read_state,
)
from ico_lens.records import TokenAmount, to_dict

from .conftest import deploy

UNIT = 10**18


@pytest.fixture(scope="module")
def chain(demo_token_artifacts):
    """A tester chain with the demo token deployed, distributed, minted, then used later."""
    web3 = pytest.importorskip("web3")
    pytest.importorskip("eth_tester")
    w3 = web3.Web3(web3.EthereumTesterProvider())
    a = w3.eth.accounts
    token, receipt = deploy(w3, demo_token_artifacts, "DemoICOToken", a[0])
    token.functions.transfer(a[1], 100_000 * UNIT).transact({"from": a[0]})
    token.functions.transfer(a[2], 50_000 * UNIT).transact({"from": a[0]})
    token.functions.mint(a[3], 200_000 * UNIT).transact({"from": a[0]})
    token.functions.transfer(a[2], 20_000 * UNIT).transact({"from": a[1]})  # a recipient passes some on
    w3.provider.ethereum_tester.mine_blocks(10)
    # after the genesis window (10 blocks): must not count
    token.functions.transfer(a[4], 1_000 * UNIT).transact({"from": a[0]})
    token.functions.mint(a[4], 5 * UNIT).transact({"from": a[0]})
    other, _ = deploy(w3, demo_token_artifacts, "NotAToken", a[0])
    return {"w3": w3, "token": token, "creation_block": receipt.blockNumber, "other": other, "accounts": a}


def test_reads_token_getters(chain):
    w3, token, a = chain["w3"], chain["token"], chain["accounts"]
    state = read_state(token.address, w3=w3, genesis=False)
    assert isinstance(state, ChainState)
    assert state.code_present and state.code_size > 1000
    assert state.chain_id == w3.eth.chain_id
    assert state.total_supply.raw == 1_200_005 * UNIT and state.total_supply.decimals == 18
    assert state.total_supply.whole == 1_200_005
    assert state.ref.address == token.address.lower() and state.ref.symbol == "DICO"
    assert state.evidence["total_supply"].block == state.block_number
    assert state.evidence["total_supply"].value == 1_200_005 * UNIT and state.evidence["symbol"].value == "DICO"
    assert (state.decimals, state.name, state.symbol) == (18, "Demo ICO Token", "DICO")
    assert state.owner == a[0].lower()
    assert state.paused is False and state.minting_finished is False
    assert state.genesis is None


def test_genesis_distribution_from_transfer_logs(chain):
    w3, token, a = chain["w3"], chain["token"], chain["accounts"]
    g = read_state(token.address, w3=w3, genesis_blocks=10).genesis
    assert g.creation_block == chain["creation_block"]  # found by bisecting eth_getCode
    assert g.window_end_block == g.creation_block + 10
    assert g.deployer == a[0].lower() and g.creation_tx.startswith("0x")
    assert g.transfers == 4 and g.minted.raw == 200_000 * UNIT
    assert g.supply_at_window_end == TokenAmount.from_raw(1_200_000 * UNIT, 18)
    assert g.unlogged_supply.whole == 1_000_000  # the constructor's credit had no Transfer event
    assert (g.evidence[0].block, g.evidence[0].tx) == (g.creation_block, g.creation_tx)
    got = {r.address: r.amount.raw for r in g.recipients}
    assert got == {
        a[0].lower(): 850_000 * UNIT,
        a[1].lower(): 80_000 * UNIT,
        a[2].lower(): 70_000 * UNIT,
        a[3].lower(): 200_000 * UNIT,
    }
    assert [r.address for r in g.recipients][:2] == [a[0].lower(), a[3].lower()]  # by amount
    assert abs(sum(r.percent for r in g.recipients) - 100) < 0.05
    assert next(r for r in g.recipients if r.address == a[3].lower()).minted is True
    assert "next 10 blocks" in g.definition


def test_genesis_with_known_creation_block_and_tiny_log_chunks(chain):
    w3, token = chain["w3"], chain["token"]
    g = read_state(token.address, w3=w3, genesis_blocks=10, creation_block=chain["creation_block"], log_chunk=2).genesis
    assert g.transfers == 4 and len(g.recipients) == 4


def test_pause_and_finish_minting_are_read_back(demo_token_artifacts):
    web3 = pytest.importorskip("web3")
    w3 = web3.Web3(web3.EthereumTesterProvider())
    owner = w3.eth.accounts[0]
    token, _ = deploy(w3, demo_token_artifacts, "DemoICOToken", owner)
    token.functions.pause().transact({"from": owner})
    token.functions.finishMinting().transact({"from": owner})
    state = read_state(token.address, w3=w3, genesis=False)
    assert state.paused is True and state.minting_finished is True


def test_missing_and_reverting_getters_are_none(chain):
    state = read_state(chain["other"].address, w3=chain["w3"], genesis=False)
    assert state.code_present
    assert state.total_supply is None  # reverts
    assert (state.decimals, state.name, state.symbol, state.owner, state.paused, state.minting_finished) == (None,) * 6


def test_address_without_code(chain):
    state = read_state(chain["accounts"][5], w3=chain["w3"])
    assert state.code_present is False and state.code_size == 0 and state.total_supply is None
    assert state.genesis is None and "no contract code" in state.warnings[0]


def test_chain_id_must_match(chain):
    with pytest.raises(ChainMismatch):
        read_state(chain["token"].address, w3=chain["w3"], chain_id=1, genesis=False)


def test_serialises_with_exact_integers(chain):
    state = read_state(chain["token"].address, w3=chain["w3"], genesis_blocks=10)
    data = to_dict(state)
    assert data["total_supply"]["raw"] == 1_200_005 * UNIT and data["total_supply"]["whole"] == 1_200_005
    assert data["address"] == chain["token"].address.lower() and data["chain_id"] == state.chain_id
    assert ChainState.from_dict(json.loads(json.dumps(data))) == state
    assert set(data["genesis"]["recipients"][0]) == {"address", "amount", "percent", "transfers", "minted", "code_size", "vesting_functions"}


def test_unreachable_rpc_is_a_clear_error():
    with pytest.raises(RpcUnavailable) as exc:
        read_state("0x" + "12" * 20, rpc_url="http://127.0.0.1:9/secret-key-in-path")
    assert "secret-key" not in str(exc.value) and "\n" not in str(exc.value)


def test_log_ranges_refused_by_the_node_are_split(chain):
    w3, token = chain["w3"], chain["token"]

    class PickyEth:
        """Refuses getLogs over more than 3 blocks, like hosted nodes with range limits."""

        def __init__(self, eth):
            self._eth, self.calls = eth, []

        def get_logs(self, params):
            self.calls.append((params["fromBlock"], params["toBlock"]))
            if params["toBlock"] - params["fromBlock"] > 2:
                raise ValueError("query returned more than 10000 results / block range too wide")
            return self._eth.get_logs(params)

    class PickyW3:
        def __init__(self):
            self.eth = PickyEth(w3.eth)

    picky = PickyW3()
    start = chain["creation_block"]
    logs = get_transfer_logs(picky, token.address, start, start + 10, chunk=100)
    assert len(logs) == 4
    assert picky.eth.calls[0] == (start, start + 10)  # refused, then split in halves until accepted
    accepted = [(lo, hi) for lo, hi in picky.eth.calls if hi - lo <= 2]
    assert sorted(accepted)[0][0] == start and max(hi for _, hi in accepted) == start + 10


def test_decoders():
    word = lambda n: n.to_bytes(32, "big")  # noqa: E731
    assert decode_value(word(18), "uint256") == 18
    assert decode_value(b"", "uint256") is None
    assert decode_value(word(2), "bool") is None
    assert decode_value(b"MKR".ljust(32, b"\0"), "string") == "MKR"  # bytes32 symbol (old tokens)
    abi_string = word(32) + word(4) + b"DICO".ljust(32, b"\0")
    assert decode_value(abi_string, "string") == "DICO"
    assert decode_value(b"\x01" * 32, "address") is None
    # the unindexed Transfer(address,address,uint256) of some 2016-17 tokens
    sender, receiver = b"\0" * 12 + b"\x11" * 20, b"\0" * 12 + b"\x22" * 20
    log = {"topics": [b"\xdd" * 32], "data": sender + receiver + word(7)}
    assert decode_transfer(log) == ("0x" + "11" * 20, "0x" + "22" * 20, 7)
    assert decode_transfer({"topics": [b"\xdd" * 32] * 4, "data": b""}) is None


def test_selectors_are_read_from_push4_only_never_from_another_push_s_data():
    from eth_utils import keccak

    from ico_lens.chain.state import selectors_in, vesting_functions

    release, release_time = keccak(text="release()")[:4], keccak(text="releaseTime()")[:4]
    # PUSH32 whose data holds a PUSH4 opcode and a selector, then two real PUSH4s
    code = bytes([0x7F]) + bytes([0x63]) + release + bytes(27) + bytes([0x63]) + release_time + bytes([0x14, 0x63]) + release
    assert selectors_in(code) == {release_time, release}
    assert vesting_functions(code) == ["release()", "releaseTime()"]
    assert vesting_functions(bytes([0x63]) + release) == []  # a release without a schedule is no vesting contract
