"""Integration: a real-world-style token compiled with ico_lens's solc wrapper, deployed to anvil
(started here on 127.0.0.1, stopped after), read back over JSON-RPC with --rpc semantics."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from ico_lens.chain.state import read_state

from .conftest import deploy

pytestmark = [pytest.mark.slow, pytest.mark.network]

REPO = Path(__file__).resolve().parents[2]
ANVIL = Path(os.environ.get("ICO_LENS_ANVIL") or REPO / "node_modules" / ".bin" / "anvil")
UNIT = 10**18


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rpc_ready(url: str) -> bool:
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_chainId", "params": []}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=1) as response:
            return "result" in json.loads(response.read())
    except OSError:
        return False


@pytest.fixture(scope="module")
def anvil_url():
    if not ANVIL.exists():
        pytest.skip(f"anvil not installed at {ANVIL} (run make setup)")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [str(ANVIL), "--host", "127.0.0.1", "--port", str(port), "--chain-id", "31337", "--silent"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not _rpc_ready(url):
            if proc.poll() is not None:
                pytest.skip(f"anvil exited at start: {proc.stderr.read().decode(errors='replace')[-300:]}")
            if time.monotonic() > deadline:
                pytest.fail("anvil did not answer on 127.0.0.1 within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        # anvil's npm launcher is node spawning the binary: stop the whole process group we started
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_token_deployed_to_anvil_is_read_back(anvil_url, demo_token_artifacts):
    web3 = pytest.importorskip("web3")
    w3 = web3.Web3(web3.Web3.HTTPProvider(anvil_url, request_kwargs={"timeout": 30}))
    a = w3.eth.accounts
    token, receipt = deploy(w3, demo_token_artifacts, "DemoICOToken", a[0])
    for to, amount in ((a[1], 150_000), (a[2], 50_000)):
        w3.eth.wait_for_transaction_receipt(token.functions.transfer(to, amount * UNIT).transact({"from": a[0]}))
    w3.eth.wait_for_transaction_receipt(token.functions.mint(a[3], 300_000 * UNIT).transact({"from": a[0]}))
    w3.eth.wait_for_transaction_receipt(token.functions.finishMinting().transact({"from": a[0]}))
    w3.eth.wait_for_transaction_receipt(token.functions.pause().transact({"from": a[0]}))

    state = read_state(token.address, rpc_url=anvil_url, chain_id=31337, genesis_blocks=100)
    assert state.chain_id == 31337 and state.code_present
    assert state.total_supply.raw == 1_300_000 * UNIT
    assert (state.name, state.symbol, state.decimals) == ("Demo ICO Token", "DICO", 18)
    assert state.owner == a[0].lower()
    assert state.paused is True and state.minting_finished is True

    g = state.genesis
    assert g.creation_block == receipt.blockNumber and g.deployer == a[0].lower()
    assert g.unlogged_supply.raw == 1_000_000 * UNIT and g.minted.raw == 300_000 * UNIT
    assert {r.address: r.amount.whole for r in g.recipients} == {
        a[0].lower(): 800_000, a[3].lower(): 300_000, a[1].lower(): 150_000, a[2].lower(): 50_000,
    }
    assert [r.percent for r in g.recipients] == [61.54, 23.08, 11.54, 3.85]


def test_cli_reads_chain_state_with_rpc(anvil_url, demo_token_artifacts, capsys):
    web3 = pytest.importorskip("web3")
    from ico_lens.cli import main

    w3 = web3.Web3(web3.Web3.HTTPProvider(anvil_url, request_kwargs={"timeout": 30}))
    token, _ = deploy(w3, demo_token_artifacts, "DemoICOToken", w3.eth.accounts[0])
    source = Path(__file__).parent / "fixtures" / "DemoICOToken.sol"
    code = main(["contract", token.address, "--source", str(source), "--rpc", anvil_url,
                 "--chain-id", "31337", "--json", "--solc", "0.4.24"])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert report["compile"]["solc_version"] == "0.4.24"
    chain = report["chain"]
    assert chain["symbol"] == "DICO" and chain["total_supply"]["raw"] == 1_000_000 * UNIT
    assert chain["genesis"]["recipients"][0]["address"] == w3.eth.accounts[0].lower()
    assert chain["genesis"]["recipients"][0]["percent"] == 100.0
