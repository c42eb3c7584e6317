"""The on-chain path on anvil: deployed tokens whose genesis distribution matches the paper and one whose
does not, minting finished and not (the chain tests' anvil and DemoICOToken fixtures, reused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ico_lens.align import align
from ico_lens.chain.state import read_state

from ..chain.conftest import FIXTURES, deploy, demo_token_artifacts  # noqa: F401 - fixtures
from ..chain.test_anvil import anvil_url  # noqa: F401 - fixture
from .records import paper

pytestmark = [pytest.mark.slow, pytest.mark.network]

UNIT = 10**18
SOURCE = FIXTURES / "DemoICOToken.sol"
ALLOCATION = {"Token sale": 60.0, "Team": 23.0, "Advisors": 12.0, "Bounty": 5.0}
PAPER_TEXT = """Demo ICO Token white paper

The DICO token is an ERC20 token. The total supply of DICO is fixed at 1,300,000 tokens; no further tokens will
ever be created after the sale.

Token distribution

- Token sale: 60%
- Team: 23%
- Advisors: 12%
- Bounty: 5%
"""


@pytest.fixture(scope="module")
def w3(anvil_url):  # noqa: F811 - the imported fixture
    web3 = pytest.importorskip("web3")
    return web3.Web3(web3.Web3.HTTPProvider(anvil_url, request_kwargs={"timeout": 30}))


@pytest.fixture(scope="module")
def code_report():
    """The DemoICOToken's code facts (no chain): compiled once for every deployment below."""
    from ico_lens.contract import analyse

    return analyse(SOURCE, solc="0.4.24")


def _send(w3, call, sender):
    w3.eth.wait_for_transaction_receipt(call.transact({"from": sender}))


def _deploy_as_promised(w3, artifacts, finish: bool):
    """The paper's split: the deployer keeps 800,000 (61.5%) for the sale, hands 300,000 to the team
    (minted), 150,000 to the advisors and 50,000 to the bounty wallet."""
    a = w3.eth.accounts
    token, _ = deploy(w3, artifacts, "DemoICOToken", a[0])
    _send(w3, token.functions.transfer(a[2], 150_000 * UNIT), a[0])
    _send(w3, token.functions.transfer(a[3], 50_000 * UNIT), a[0])
    _send(w3, token.functions.mint(a[1], 300_000 * UNIT), a[0])
    if finish:
        _send(w3, token.functions.finishMinting(), a[0])
    return token


def test_genesis_as_promised_and_minting_finished_is_consistent(w3, anvil_url, demo_token_artifacts, code_report):  # noqa: F811
    token = _deploy_as_promised(w3, demo_token_artifacts, finish=True)
    state = read_state(token.address, rpc_url=anvil_url, chain_id=31337, genesis_blocks=100)
    report = align(paper({"supply_fixed": True}, total_supply=1_300_000, allocation=ALLOCATION), code_report, chain=state)
    verdicts = report.verdicts()
    assert verdicts["allocation"] == "consistent" and verdicts["supply_fixed"] == "consistent"
    assert verdicts["total_supply"] == "consistent" and "can_mint_after_deploy" not in verdicts  # finished: no power left
    allocation = report.finding("allocation")
    team = w3.eth.accounts[1].lower()
    assert any(e.reason.startswith(team) and "Team 23%" in e.reason and e.value == 300_000 * UNIT for e in allocation.chain_evidence)
    assert report.finding("supply_fixed").chain_evidence[0].value is True  # mintingFinished()
    assert report.chain_read and report.exit_code == 0


def test_genesis_to_one_wallet_and_minting_open_is_contradicted(w3, anvil_url, demo_token_artifacts, code_report):  # noqa: F811
    a = w3.eth.accounts
    token, _ = deploy(w3, demo_token_artifacts, "DemoICOToken", a[0])
    _send(w3, token.functions.transfer(a[4], 900_000 * UNIT), a[0])
    state = read_state(token.address, rpc_url=anvil_url, chain_id=31337, genesis_blocks=100)
    report = align(paper({"supply_fixed": True}, total_supply=1_000_000, allocation=ALLOCATION), code_report, chain=state)
    allocation = report.finding("allocation")
    assert allocation.verdict == "contradicted" and f"{a[4].lower()} received 90%" in allocation.explanation
    assert allocation.chain_evidence[0].value == 900_000 * UNIT
    supply = report.finding("supply_fixed")
    assert supply.verdict == "contradicted" and "on chain minting is not finished" in supply.explanation
    assert report.finding("can_mint_after_deploy").verdict == "undisclosed"


def test_cli_reads_the_chain_with_rpc(w3, anvil_url, demo_token_artifacts, tmp_path, capsys):  # noqa: F811
    from ico_lens.cli import main

    token = _deploy_as_promised(w3, demo_token_artifacts, finish=False)
    paper_path = tmp_path / "dico.txt"
    paper_path.write_text(PAPER_TEXT)
    code = main(["align", str(paper_path), "--address", token.address, "--source", str(SOURCE), "--rpc", anvil_url,
                 "--chain-id", "31337", "--solc", "0.4.24", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1, err  # minting is still open: the fixed supply is contradicted
    report = json.loads(out)
    verdicts = {f["claim"]: f["verdict"] for f in report["findings"]}
    assert verdicts["allocation"] == "consistent" and verdicts["supply_fixed"] == "contradicted"
    assert report["chain_read"] is True and report["ref"]["chain_id"] == 31337
    assert report["ref"]["address"].lower() == token.address.lower()


@pytest.fixture(scope="module")
def vault_artifacts(tmp_path_factory) -> dict:
    """fixtures/TeamTimelock.sol compiled with solc-js 0.4.24: a time lock and a wallet without schedule."""
    from ico_lens.contract import solc

    output = solc.compile_standard(
        solc.standard_json_request({"TeamTimelock.sol": (FIXTURES / "TeamTimelock.sol").read_text()}),
        solc.compiler_for("0.4.24"), cwd=tmp_path_factory.mktemp("solc"))
    return {name: (c["abi"], "0x" + c["evm"]["bytecode"]["object"]) for name, c in output["contracts"]["TeamTimelock.sol"].items()}


def _deploy_with_team_in(w3, artifacts, vaults, vault_name: str, *args):
    """The promised split, the team's 300,000 minted to a contract (``vault_name``) instead of a wallet."""
    a = w3.eth.accounts
    token, _ = deploy(w3, artifacts, "DemoICOToken", a[0])
    abi, bytecode = vaults[vault_name]
    receipt = w3.eth.wait_for_transaction_receipt(
        w3.eth.contract(abi=abi, bytecode=bytecode).constructor(*[token.address if x == "TOKEN" else x for x in args])
        .transact({"from": a[0], "gas": 2_000_000}))
    _send(w3, token.functions.transfer(a[2], 150_000 * UNIT), a[0])
    _send(w3, token.functions.transfer(a[3], 50_000 * UNIT), a[0])
    _send(w3, token.functions.mint(receipt.contractAddress, 300_000 * UNIT), a[0])
    return token, receipt.contractAddress.lower()


def test_team_tokens_in_a_vesting_contract_on_chain_keep_the_vesting_promise(w3, anvil_url, demo_token_artifacts,  # noqa: F811
                                                                            vault_artifacts, code_report):
    release = w3.eth.get_block("latest")["timestamp"] + 365 * 86400
    token, vault = _deploy_with_team_in(w3, demo_token_artifacts, vault_artifacts, "TeamTimelock", "TOKEN", w3.eth.accounts[1], release)
    state = read_state(token.address, rpc_url=anvil_url, chain_id=31337, genesis_blocks=100)
    holder = next(r for r in state.genesis.recipients if r.address == vault)
    assert holder.code_size > 0 and {"release()", "releaseTime()"} <= set(holder.vesting_functions)
    assert not next(r for r in state.genesis.recipients if r.address == w3.eth.accounts[2].lower()).vesting_functions
    promise = paper({"team_vesting": True, "team_vesting_months": 12}, total_supply=1_300_000, allocation=ALLOCATION)
    assert align(promise, code_report).finding("team_vesting").verdict == "contradicted"  # the token's code alone
    finding = align(promise, code_report, chain=state).finding("team_vesting")
    assert finding.verdict == "consistent" and "vesting contract received tokens" in finding.explanation
    assert finding.chain_evidence[0].value == 300_000 * UNIT and vault in finding.chain_evidence[0].reason


def test_team_tokens_in_a_contract_without_a_schedule_stay_contradicted(w3, anvil_url, demo_token_artifacts,  # noqa: F811
                                                                       vault_artifacts, code_report):
    token, vault = _deploy_with_team_in(w3, demo_token_artifacts, vault_artifacts, "ForwardingWallet")
    state = read_state(token.address, rpc_url=anvil_url, chain_id=31337, genesis_blocks=100)
    holder = next(r for r in state.genesis.recipients if r.address == vault)
    assert holder.code_size > 0 and holder.vesting_functions == []
    promise = paper({"team_vesting": True}, total_supply=1_300_000, allocation=ALLOCATION)
    assert align(promise, code_report, chain=state).finding("team_vesting").verdict == "contradicted"
