"""Fixtures of the chain tests: the demo ICO token compiled once with ico_lens's own solc wrapper."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def demo_token_artifacts(tmp_path_factory) -> dict:
    """{contract name: (abi, bytecode)} of fixtures/DemoICOToken.sol, compiled with solc-js 0.4.24."""
    from ico_lens.contract import solc

    if (0, 4, 24) not in solc.installed_versions():
        pytest.skip("solc 0.4.24 not installed (run make setup)")
    compiler = solc.compiler_for("0.4.24")
    source = (FIXTURES / "DemoICOToken.sol").read_text()
    output = solc.compile_standard(
        solc.standard_json_request({"DemoICOToken.sol": source}), compiler, cwd=tmp_path_factory.mktemp("solc")
    )
    contracts = output["contracts"]["DemoICOToken.sol"]
    return {name: (c["abi"], "0x" + c["evm"]["bytecode"]["object"]) for name, c in contracts.items()}


def deploy(w3, artifacts: dict, name: str, sender: str):
    abi, bytecode = artifacts[name]
    tx = w3.eth.contract(abi=abi, bytecode=bytecode).constructor().transact({"from": sender, "gas": 4_000_000})
    receipt = w3.eth.wait_for_transaction_receipt(tx)
    return w3.eth.contract(address=receipt.contractAddress, abi=abi), receipt
