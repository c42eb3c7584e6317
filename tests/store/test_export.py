"""ico-lens export (CSV, Parquet), the pandas loader, and the Datasette metadata of the tables."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ico_lens.cli import main
from ico_lens.store import load_features, open_store
from ico_lens.store.schema import datasette_metadata

from .conftest import batch

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_export_writes_the_features_and_any_table_as_csv_and_parquet(papers, tmp_path, capsys):
    db = tmp_path / "corpus.db"
    batch(papers, "--db", db, "--no-models")
    out = tmp_path / "out"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 0
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(out), "--table", "features", "--table", "allocations"]) == 0
    features = load_features(db)
    from_csv = pd.read_csv(out / "features.csv")
    from_parquet = pd.read_parquet(out / "features.parquet")
    assert len(from_csv) == len(from_parquet) == len(features) == 5
    assert sorted(from_csv["insider_share"]) == sorted(features["insider_share"]) == [15, 16, 17, 18, 19]
    assert list(from_parquet.columns) == list(features.columns)
    assert len(pd.read_parquet(out / "allocations.parquet")) == 20
    assert "wrote" in capsys.readouterr().err


def test_export_of_no_store_or_no_table_is_bad_input(tmp_path, papers, capsys):
    assert main(["export", "--db", str(tmp_path / "none.db")]) == 2
    assert "none.db: no such feature store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
    db = tmp_path / "corpus.db"
    batch(papers, "--db", db, "--no-models")
    assert main(["export", "--db", str(db), "--table", "nonsense", "--out", str(tmp_path)]) == 2
    assert "no table or view 'nonsense'" in capsys.readouterr().err


def test_the_datasette_metadata_file_describes_every_table_and_view(tmp_path):
    shipped = json.loads((DOCS / "store-metadata.json").read_text())
    assert shipped == datasette_metadata("corpus")
    store = open_store(tmp_path / "corpus.db")
    described = set(shipped["databases"]["corpus"]["tables"])
    assert described == set(store.table_names()) | set(store.view_names())
    store.close()


def test_a_contract_row_keeps_the_sales_hard_cap_in_whole_units():
    from ico_lens.store.rows import contract_rows
    from tests.align.records import contract

    row = contract_rows("1:0xabc", contract(sale_cap=(35_000, "ETH")), "Token.sol")["contracts"][0]
    assert (row["sale_cap"], row["sale_cap_unit"]) == ("35000", "ETH")
    assert contract_rows("1:0xabc", contract(), "Token.sol")["contracts"][0]["sale_cap"] is None
