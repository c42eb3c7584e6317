"""Contract and chain records: they import no Slither, and every ContractReport of the sample and the
real corpus survives ``to_dict``/``from_dict`` unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from ico_lens.contract.records import CodeFacts, ContractReport, DetectorInfo
from ico_lens.records import Evidence, ProjectRef, TokenAmount

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SOURCES = sorted((REPO / "corpora" / "sample" / "build").glob("*.sol"))


def test_records_and_the_library_entry_import_no_slither():
    code = (
        "import sys, ico_lens.contract, ico_lens.contract.records, ico_lens.contract.facts, ico_lens.chain.records, "
        "ico_lens.contract.pipeline, ico_lens.report.contract; "
        "from ico_lens.contract.facts import derive_facts; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('slither', 'crytic_compile', 'web3')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_facts_read_back_from_json():
    facts = CodeFacts(
        ref=ProjectRef(chain_id=1, address="0x" + "ab" * 20, symbol="DICO"),
        token_contract="DemoToken",
        decimals=18,
        initial_supply=TokenAmount.from_raw(10**24, 18),
        cap=TokenAmount(raw=None, decimals=18, expression="cap (constructor argument)"),
        verdicts={"can_mint_after_deploy": True, "mint_can_be_finished": None},
        evidence={"can_mint_after_deploy": [Evidence.in_code(contract="DemoToken", function="mint", line=40,
                                                             code="totalSupply += amount", reason="mint() raises the supply")]},
        undetermined={"mint_can_be_finished": "nothing can be minted after deployment"},
        detectors={"can_mint_after_deploy": DetectorInfo("raises totalSupply", "high", 0.9),
                   "mint_can_be_finished": DetectorInfo("a latch", "medium", 0.7)},
    )
    data = json.loads(facts.to_json())
    assert data["can_mint_after_deploy"] is True and data["mint_can_be_finished"] is None and "verdicts" not in data
    assert data["initial_supply"]["whole"] == 1_000_000
    back = CodeFacts.from_dict(data)
    assert back == facts and back.can_mint_after_deploy is True and back.cap.format("DICO") == "cap (constructor argument)"
    with pytest.raises(AttributeError):
        back.no_such_fact  # noqa: B018


def _round_trip(path: str) -> tuple[str, bool, bool]:
    """Analyse one source (in a worker process); whether its report and its JSON come back equal."""
    from ico_lens.contract import analyse

    report = analyse(path)
    data = json.loads(report.to_json())
    back = ContractReport.from_dict(data)
    return path, back == report, back.to_dict() == data


def _round_trips(paths: list[Path]) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_round_trip, map(str, paths)))
    assert len(results) == len(paths)
    for path, record_equal, json_equal in results:
        assert record_equal and json_equal, path


@pytest.mark.slow
def test_sample_contract_reports_round_trip():
    pytest.importorskip("slither")
    if not SAMPLE_SOURCES:
        pytest.skip("the sample corpus is not built (make demo or make test builds it)")
    _round_trips(SAMPLE_SOURCES)


@pytest.mark.slow
@pytest.mark.shared
def test_real_contract_reports_round_trip(shared_dir):
    pytest.importorskip("slither")
    sources = sorted((shared_dir / "corpus" / "contracts").glob("*.sol"))
    assert len(sources) == 36
    _round_trips(sources)


@pytest.mark.slow
def test_report_json_has_the_facts_on_top_and_reads_back(tmp_path):
    pytest.importorskip("slither")
    from ico_lens.contract import analyse

    from .fake_etherscan import TOKEN_SOL

    address = "0x" + "cd" * 20
    (tmp_path / f"{address}.sol").write_text(TOKEN_SOL)
    report = analyse(str(tmp_path / address))
    data = report.to_dict()
    assert data["address"] == address and data["chain_id"] == 1 and data["ref"]["key"] == f"1:{address}"
    assert data["can_mint_after_deploy"] is True and data["status"] == "ok"
    assert list(data).index("cap") < list(data).index("can_mint_after_deploy") < list(data).index("source")
    back = ContractReport.from_dict(data)
    assert back.facts.can_mint_after_deploy is True and back.facts.ref == report.ref
    assert back.source.origin == "directory" and back.compile == report.compile
