"""Shared fixture of the contract tests: facts of a realistic source, compiled once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def source_facts():
    """``source_facts(source, name="token")``: the CodeFacts of one Solidity source, compiled as
    ``<name>.sol`` (solc-js is slow: each source is compiled once per session)."""
    pytest.importorskip("slither")
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import derive_facts
    from ico_lens.contract.records import SourceBundle

    cache: dict = {}

    def get(source: str, name: str = "token"):
        if (name, source) not in cache:
            bundle = SourceBundle(address=None, sources={f"{name}.sol": source})
            cache[name, source] = derive_facts(load_slither(bundle), bundle)
        return cache[name, source]

    return get


@pytest.fixture(scope="session", autouse=True)
def private_warm_compilers(tmp_path_factory):
    """Warm solc servers started by the tests live in a folder of this session and are stopped at
    its end, so no compiler process outlives the tests (and none of the user's is touched)."""
    import os

    from ico_lens.contract import solc

    before = os.environ.get("ICO_LENS_SOLC_RUN_DIR")
    os.environ["ICO_LENS_SOLC_RUN_DIR"] = str(tmp_path_factory.mktemp("solc-run"))
    yield
    solc.stop_warm_servers()
    if before is None:
        os.environ.pop("ICO_LENS_SOLC_RUN_DIR", None)
    else:
        os.environ["ICO_LENS_SOLC_RUN_DIR"] = before
