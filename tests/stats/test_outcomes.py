"""Outcome tables: TORD's noise (duplicate rows across sources, amounts as text, fractions and
percents, missing values), the joins to the store's projects, and what lands in the features view."""

from __future__ import annotations

import math
import sqlite3

import pytest

from ico_lens.cli import main
from ico_lens.stats.outcomes import import_outcomes, parse_amount, read_outcomes
from ico_lens.store import load_features
from tests.stats.conftest import ADDRESS_A, write_tord
from tests.store.conftest import batch

TORD_ROWS = [
    # Aldebaran: two sources; the address joins it (its name is spelt differently in TORD)
    {"id": "1", "name": "Aldebaran Network", "token": "ALD", "raised_usd": "12500000", "distributed_in_ico": "0.6",
     "ico_start": "2018-03-01", "platform": "1", "contract_address": ADDRESS_A.upper().replace("0X", "0x"),
     "Coinmarketcap_identifier": "2711", "Source": "ICObench"},
    {"id": "2", "name": "Aldebaran", "token": "Aldebaran Token / ALD", "raised_usd": "", "distributed_in_ico": "0.6",
     "country": "Estonia", "contract_address": ADDRESS_A, "Source": "ICOmarks"},
    # Bellatrix: symbol + name; raised as text; the CryptoRank row has the start date
    {"id": "3", "name": "Bellatrix", "token": "BEL", "raised_usd": "$2.5M", "distributed_in_ico": "45", "Source": "ICOmarks"},
    {"id": "4", "name": "BELLATRIX", "token": "BEL", "ico_start": "2017-11-20", "Source": "CryptoRank"},
    # capella: a file name only; TORD's name matches once normalised; raised below the threshold
    {"id": "5", "name": "Capella", "token": "CAP", "raised_usd": "480000", "distributed_in_ico": "0.3", "Source": "ICObench"},
    # noise: another currency, a missing amount, a share above 100
    {"id": "6", "name": "Rigel", "token": "RGL", "raised_usd": "1500 ETH", "Source": "ICObench"},
    {"id": "7", "name": "Vega", "token": "VEG", "raised_usd": "n/a", "distributed_in_ico": "423", "Source": "ICObench"},
]


@pytest.mark.parametrize("text, usd", [
    ("12500000", 12.5e6), ("$2.5M", 2.5e6), ("USD 500k", 5e5), ("1,250,000", 1.25e6), ("3.5 million", 3.5e6),
    ("50 USD", 50.0), ("1.250.000", 1.25e6), ("5.0000000000000001E-3", 0.005), ("1500 ETH", None), ("€ 3m", None),
    ("", None), ("n/a", None), ("TBA", None),
])
def test_amounts_written_as_text_are_read_as_usd(text, usd):
    assert parse_amount(text) == usd


def test_a_tord_file_is_cleaned_and_its_duplicate_rows_merged(tmp_path):
    table = read_outcomes(str(write_tord(tmp_path / "tord.csv", TORD_ROWS)))
    assert table.rows_read == 7 and len(table.offerings) == 5 and table.duplicates_merged == 2
    by_id = {o.rows[0]: o for o in table.offerings}
    aldebaran = by_id["1"]
    assert sorted(aldebaran.rows) == ["1", "2"]
    assert aldebaran.values["raised_usd"] == 12.5e6 and aldebaran.values["country"] == "Estonia"  # from the second row
    assert aldebaran.values["distributed_in_ico"] == 60.0 and aldebaran.values["listed"] == 1
    bellatrix = next(o for o in table.offerings if o.symbol == "BEL")
    assert bellatrix.values["raised_usd"] == 2.5e6 and bellatrix.values["ico_start"] == "2017-11-20"
    assert bellatrix.values["distributed_in_ico"] == 45.0  # a percent among fractions stays a percent
    assert "raised_usd" not in next(o for o in table.offerings if o.symbol == "RGL").values
    assert table.skipped == {"raised_usd not a USD amount": 1, "distributed_in_ico above 100%": 1}


def test_projects_join_by_address_then_symbol_and_name_then_name(small_store, tmp_path, capsys):
    tord = write_tord(tmp_path / "tord.csv", TORD_ROWS)
    report = import_outcomes(small_store, str(tord))
    how = {m.project: m.matched_by for m in report.matches}
    assert how == {"Aldebaran": "address", "Bellatrix": "symbol+name", "capella": "name", "Deneb": "unmatched"}
    assert "matched 3 (by address 1, by symbol + name 1, by name 1, by loose name 0); ambiguous 0; unmatched 1" in report.summary()
    assert "Deneb (unmatched)" in report.summary()

    features = load_features(small_store).set_index("name")
    assert features.loc["Aldebaran", "outcome_raised_usd"] == 12.5e6
    assert math.isclose(features.loc["Aldebaran", "outcome_log_raised_usd"], math.log(12.5e6))
    assert features.loc["Aldebaran", "outcome_success"] == 1 and features.loc["capella", "outcome_success"] == 0
    assert features.loc["Bellatrix", "outcome_year"] == 2017 and features.loc["Aldebaran", "outcome_platform"] == 1
    assert math.isnan(features.loc["Deneb", "outcome_raised_usd"])


def test_importing_again_replaces_and_a_rerun_batch_keeps_the_outcomes(small_store, tmp_path):
    tord = write_tord(tmp_path / "tord.csv", TORD_ROWS)
    first = import_outcomes(small_store, str(tord)).stored
    assert import_outcomes(small_store, str(tord)).stored == first
    with sqlite3.connect(small_store) as conn:
        assert conn.execute("SELECT COUNT(*) FROM imported_outcomes").fetchone()[0] == first
        assert conn.execute("SELECT COUNT(*) FROM outcome_matches").fetchone()[0] == 4
        conn.execute("UPDATE items SET status = 'failed'")  # every paper to be processed again
    assert batch(tmp_path / "manifest.csv", "--db", small_store, "--no-models", "--stages", "paper,language", "--retry-failed") == 0
    assert load_features(small_store).set_index("name").loc["Aldebaran", "outcome_raised_usd"] == 12.5e6


def test_ambiguous_names_are_not_guessed(small_store, tmp_path):
    rows = [{"id": "1", "name": "Capella", "token": "CAP", "raised_usd": "1000000", "Source": "ICObench"},
            {"id": "2", "name": "Capella Project", "token": "CPL", "raised_usd": "9000000", "Source": "ICOmarks"}]
    report = import_outcomes(small_store, str(write_tord(tmp_path / "tord.csv", rows)))
    assert {m.project: m.matched_by for m in report.matches}["capella"] == "ambiguous"


def test_any_csv_with_a_column_mapping_through_the_cli(small_store, tmp_path, capsys):
    table = tmp_path / "raised.csv"
    table.write_text("Project,Ticker,Total raised,Market cap\nBellatrix,BEL,\"$3,000,000\",\"12.5 million\"\n"
                     "Deneb,DEN,750k,\n", encoding="utf-8")
    code = main(["outcomes", "import", str(table), "--db", str(small_store), "--map", "name=Project", "--map", "symbol=Ticker",
                 "--map", "raised_usd=Total raised", "--map", "market_cap_usd=Market cap", "--success-threshold", "500000"])
    assert code == 0
    assert "by symbol + name 2" in capsys.readouterr().out
    features = load_features(small_store).set_index("name")
    assert features.loc["Deneb", "outcome_raised_usd"] == 750000 and features.loc["Deneb", "outcome_success"] == 1
    assert math.isclose(features.loc["Bellatrix", "outcome_log_market_cap_usd"], math.log(12.5e6))


@pytest.mark.parametrize("args, message", [
    (["--map", "name"], "--map 'name': write FIELD=COLUMN"),
    (["--map", "wealth=Project"], "--map names wealth: not outcome fields"),
    (["--map", "name=Nope"], "no column 'Nope' in the table"),
])
def test_bad_mappings_are_one_line_and_exit_2(small_store, tmp_path, capsys, args, message):
    table = tmp_path / "raised.csv"
    table.write_text("Project,Raised\nBellatrix,100\n", encoding="utf-8")
    assert main(["outcomes", "import", str(table), "--db", str(small_store), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_tables_and_stores_are_refused_with_nothing_written(small_store, tmp_path, capsys):
    no_join = tmp_path / "nojoin.csv"
    no_join.write_text("raised_usd\n100\n", encoding="utf-8")
    assert main(["outcomes", "import", str(no_join), "--db", str(small_store)]) == 2
    assert "no column to join on" in capsys.readouterr().err
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    assert main(["outcomes", "import", str(binary), "--db", str(small_store)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    tord = write_tord(tmp_path / "tord.csv", TORD_ROWS)
    assert main(["outcomes", "import", str(tord), "--db", str(tmp_path / "none.db")]) == 2
    assert "no such feature store" in capsys.readouterr().err and not (tmp_path / "none.db").exists()
    with sqlite3.connect(small_store) as conn:
        assert conn.execute("SELECT COUNT(*) FROM imported_outcomes").fetchone()[0] == 0


def test_nothing_matched_exits_1(small_store, tmp_path, capsys):
    tord = write_tord(tmp_path / "tord.csv", TORD_ROWS[5:])
    assert main(["outcomes", "import", str(tord), "--db", str(small_store)]) == 1
    assert "no project of" in capsys.readouterr().err


@pytest.mark.shared
def test_the_real_tord_table_reads_whole(shared_dir):
    table = read_outcomes(str(shared_dir / "outcomes" / "tord_v4.csv"))
    assert table.rows_read == 10807
    assert 10_000 < len(table.offerings) < table.rows_read  # duplicates across sources merged
    raised = [o.values["raised_usd"] for o in table.offerings if "raised_usd" in o.values]
    assert len(raised) > 2000 and all(v >= 0 for v in raised)
    shares = [o.values["distributed_in_ico"] for o in table.offerings if "distributed_in_ico" in o.values]
    assert all(0 <= v <= 100 for v in shares) and sorted(shares)[len(shares) // 2] > 1  # percents, not fractions


def test_a_loose_name_joins_only_what_the_exact_names_left_and_only_one(small_store, tmp_path):
    rows = [{"id": "1", "name": "Deneb.AI", "token": "DNB", "raised_usd": "3000000", "Source": "ICObench"},
            {"id": "2", "name": "Capella Blockchain", "token": "CPB", "raised_usd": "1000000", "Source": "ICOmarks"},
            {"id": "3", "name": "CapellaNetwork", "token": "CPN", "raised_usd": "2000000", "Source": "CryptoRank"}]
    report = import_outcomes(small_store, str(write_tord(tmp_path / "tord.csv", rows)))
    how = {m.project: m.matched_by for m in report.matches}
    # Deneb: symbol DEN differs, "deneb.ai" is no exact name: the loose "deneb" finds one offering
    assert how["Deneb"] == "loose name" and how["capella"] == "ambiguous"  # two loose "capella"s: not guessed
    assert "by loose name 1" in report.summary()
