"""ico-lens batch into the feature store: rows, records read back, resume, failures, manifests, workers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ico_lens.paper import analyse as analyse_paper
from ico_lens.records import ProjectRef
from ico_lens.store import load_features, load_record
from ico_lens.store.plan import content_key

from .conftest import batch, count, per_key, write_paper

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample" / "build"


def test_a_directory_lands_whole_and_as_tables_with_evidence(papers, tmp_path, capsys):
    db = tmp_path / "corpus.db"
    assert batch(papers, "--db", db, "--no-models") == 0
    assert "papers: 5 done, 0 failed" in capsys.readouterr().err
    features = load_features(db).set_index("name")
    assert len(features) == 5
    # Capella's paper says Team 12%, Advisors 5%: the insiders' share; shares of the main allocation
    capella = features.loc["capella"]
    assert capella["alloc_team_founders"] == 12 and capella["insider_share"] == 17
    assert capella["hhi"] == pytest.approx((73**2 + 12**2 + 5**2 + 10**2) / 100**2)
    assert capella["funds_development"] == 50 and capella["disclosed_risk"] == 1
    assert capella["rate_risk_regulatory"] > 0 and capella["pages"] == 3
    key = content_key(str(papers / "capella.txt"))
    with sqlite3.connect(db) as conn:
        team = conn.execute("SELECT percent, page, quote FROM allocations WHERE key = ? AND category = 'team_founders'", [key]).fetchone()
        risk_sentences = conn.execute("SELECT COUNT(*), MIN(page) FROM sentence_labels WHERE key = ? AND label = 'risk_disclosure'", [key]).fetchone()
    assert team == (12.0, 1, "Team: 12%")
    assert risk_sentences[0] >= 1 and risk_sentences[1] == 3
    # the whole record reads back into its type, equal to what the paper stage makes of the file
    stored, fresh = load_record(db, key, "paper"), analyse_paper(papers / "capella.txt")
    assert stored.facts.allocations == fresh.facts.allocations and stored.facts.claims == fresh.facts.claims
    assert stored.facts.ref == fresh.facts.ref.merge(ProjectRef(name="capella", chain_id=None))
    assert stored.document.sections == fresh.document.sections
    assert load_record(db, key, "language").disclosures["risk"].present


def test_a_second_run_skips_everything_and_duplicates_nothing(papers, tmp_path, capsys):
    db = tmp_path / "corpus.db"
    batch(papers, "--db", db, "--no-models")
    before = {table: per_key(db, table) for table in ("documents", "allocations", "language_scores", "records")}
    write_paper(papers / "fomalhaut.txt", "Fomalhaut")
    capsys.readouterr()
    assert batch(papers, "--db", db, "--no-models") == 0
    assert "papers: 1 done, 0 failed, 5 already in the store" in capsys.readouterr().err
    after = {table: per_key(db, table) for table in before}
    for table, counts in before.items():
        assert {k: v for k, v in after[table].items() if k in counts} == counts
    assert count(db, "SELECT COUNT(*) FROM items WHERE attempts > 1") == 0


def test_a_failed_paper_is_recorded_and_retried_only_on_request(papers, tmp_path, capsys):
    (papers / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    db = tmp_path / "corpus.db"
    assert batch(papers, "--db", db, "--no-models") == 0
    err = capsys.readouterr().err
    assert "papers: 5 done, 1 failed" in err and "broken.pdf" in err
    failure = sqlite3.connect(db).execute("SELECT error, message, stages, attempts FROM failures").fetchone()
    assert failure[0] == "corrupt_pdf" and "broken.pdf" in failure[1] and failure[2:] == ("paper", 1)
    assert count(db, "SELECT COUNT(*) FROM documents") == 5
    batch(papers, "--db", db, "--no-models")
    assert "papers: 0 done, 0 failed, 6 already in the store" in capsys.readouterr().err
    # the one paper tried fails again: nothing could be processed, exit 1
    assert batch(papers, "--db", db, "--no-models", "--retry-failed") == 1
    assert "papers: 0 done, 1 failed, 5 already" in capsys.readouterr().err
    assert count(db, "SELECT attempts FROM failures") == 2
    # --strict: any failure is exit 1, though five papers were done
    assert batch(papers, "--db", tmp_path / "strict.db", "--no-models", "--strict") == 1
    assert count(tmp_path / "strict.db", "SELECT COUNT(*) FROM documents") == 5


def test_nothing_processed_is_exit_1_and_bad_arguments_exit_2(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"not a pdf at all")
    db = tmp_path / "corpus.db"
    assert batch(folder, "--db", db, "--no-models") == 1
    assert batch(folder, "--db", db, "--stages", "paper,vibes") == 2
    assert batch(tmp_path / "nowhere", "--db", db) == 2
    err = capsys.readouterr().err
    assert "unknown stage vibes" in err and "nowhere: no such file" in err


def test_a_manifest_joins_papers_to_contracts_and_outcomes_and_reports_bad_rows(tmp_path, capsys):
    good = write_paper(tmp_path / "good.txt", "Goodcoin")
    manifest = tmp_path / "corpus.csv"
    manifest.write_text(
        "paper,name,symbol,chain_id,address,contract,raised_usd,country\n"
        f"good.txt,Goodcoin,GOO,1,0x{'a1' * 20},{SAMPLE / 'aurevo.sol'},1500000,CH\n"
        "missing.txt,Missing,,1,,,,\n"
        f"good.txt,Twice,,,,,,\n"
        f"{SAMPLE / 'meridia.pdf'},Meridia,,one,,,,\n"
        f"{SAMPLE / 'meridia.pdf'},Meridia,,1,0x123,,,\n"
        f"{SAMPLE / 'lodestar.pdf'},Lodestar,LDS,,,,2.5e6,\n",
        encoding="utf-8",
    )
    db = tmp_path / "corpus.db"
    assert batch(manifest, "--db", db, "--no-models") == 0
    err = capsys.readouterr().err
    for line, reason in ((3, "missing.txt: no such file"), (4, "the same paper as"), (5, "chain_id 'one' is not a number"),
                         (6, "address '0x123' is not 0x and 40 hex digits")):
        assert f"corpus.csv: line {line}: " in err and reason in err
    assert "papers: 2 done, 0 failed" in err and "contracts: 1 done" in err and "inputs left out: 4" in err
    features = load_features(db).set_index("name")
    assert list(features.index) == ["Goodcoin", "Lodestar"]
    goodcoin = features.loc["Goodcoin"]
    assert goodcoin["contract_key"] == f"1:0x{'a1' * 20}" and goodcoin["code_burnable"] == 1
    assert goodcoin["outcome_raised_usd"] == 1500000 and goodcoin["outcome_country"] == "CH"
    assert features.loc["Lodestar", "outcome_raised_usd"] == 2.5e6
    with sqlite3.connect(db) as conn:
        burn = conn.execute("SELECT verdict, contract, function, line FROM code_facts WHERE fact = 'burnable'").fetchone()
    assert burn[0] == 1 and burn[1] == "BurnableToken" and burn[2] == "burn" and burn[3] > 0
    contract = load_record(db, f"1:0x{'a1' * 20}", "contract")
    assert contract.address == f"0x{'a1' * 20}" and contract.facts.verdicts["burnable"] is True
    assert content_key(str(good)) in per_key(db, "documents")


def test_a_manifest_without_a_paper_column_is_bad_input(tmp_path, capsys):
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,name\na.pdf,A\n", encoding="utf-8")
    assert batch(manifest, "--db", tmp_path / "c.db") == 2
    assert "m.csv: a manifest needs a 'paper' column (it has: file, name)" in capsys.readouterr().err
    assert not (tmp_path / "c.db").exists()


def test_two_workers_store_what_one_does(papers, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert batch(papers, "--db", one, "--no-models") == 0
    assert batch(papers, "--db", two, "--no-models", "--workers", "2") == 0
    drop = ["key"]
    a = load_features(one).sort_values("name").drop(columns=drop).reset_index(drop=True)
    b = load_features(two).sort_values("name").drop(columns=drop).reset_index(drop=True)
    assert a.equals(b)
    assert per_key(one, "allocations") == per_key(two, "allocations")


def test_align_findings_are_stored_when_the_align_stage_exists(tmp_path):
    align = pytest.importorskip("ico_lens.align")
    if not hasattr(align, "align"):
        pytest.skip("ico_lens.align has no align() yet")
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"paper,address,contract\n{SAMPLE / 'aurevo.pdf'},0x{'b2' * 20},{SAMPLE / 'aurevo.sol'}\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert batch(manifest, "--db", db, "--no-models") == 0
    findings = count(db, "SELECT COUNT(*) FROM findings")
    key = content_key(str(SAMPLE / "aurevo.pdf"))
    report = load_record(db, key, "align")
    assert findings == len(report.findings) > 0
    row = sqlite3.connect(db).execute("SELECT claim, verdict, evidence_json FROM findings WHERE position = 0").fetchone()
    assert (row[0], row[1]) == (report.findings[0].claim, report.findings[0].verdict)
    assert json.loads(row[2])["paper_evidence"] == [e.to_dict() for e in report.findings[0].paper_evidence]
