"""The store survives what happens to long batches: kill -9, a locked or damaged file, an old schema."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ico_lens.store.database import _statements, open_store, schema_version
from ico_lens.store.migrations import MIGRATIONS, SCHEMA_VERSION

from .conftest import batch, count, per_key, write_paper

STAGE_TABLES = ("documents", "projects", "records", "items")


def _done(db: Path) -> int:
    try:
        return count(db, "SELECT COUNT(*) FROM items WHERE status = 'done'")
    except sqlite3.Error:  # not created yet
        return 0


@pytest.mark.slow
def test_kill_9_mid_batch_then_rerun_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    names = [f"Project{i:02d}" for i in range(12)]
    for name in names:
        write_paper(folder / f"{name.lower()}.txt", name, pages=12)
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "ico_lens", "batch", str(folder), "--db", str(db), "--no-models"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while _done(db) < 3 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    killed_at = _done(db)
    assert child.returncode == -signal.SIGKILL and 3 <= killed_at < len(names), "the batch must be killed mid-way"
    assert batch(folder, "--db", db, "--no-models") == 0
    for table in ("documents", "projects", "items"):
        rows = per_key(db, table)
        assert len(rows) == len(names) and set(rows.values()) == {1}, table
    assert count(db, "SELECT COUNT(*) FROM items WHERE status = 'done'") == len(names)
    # each paper's records once per stage, and the papers finished before the kill were not redone
    assert set(per_key(db, "records").values()) == {2}
    assert count(db, "SELECT COUNT(*) FROM items WHERE attempts > 1") == 0


def test_a_locked_store_is_refused_before_any_work_and_left_as_it_is(papers, tmp_path, capsys):
    db = tmp_path / "corpus.db"
    write_paper(tmp_path / "one.txt", "Onecoin")
    assert batch(tmp_path / "one.txt", "--db", db, "--no-models") == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of writing
    try:
        assert batch(papers, "--db", db, "--no-models") == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "corpus.db: the feature store is locked by another process" in capsys.readouterr().err
    assert count(db, "SELECT COUNT(*) FROM items") == 1


def test_a_second_batch_on_a_store_being_filled_is_refused(papers, tmp_path, capsys):
    db = tmp_path / "corpus.db"
    first = open_store(db)  # a batch under way: between its papers no transaction is open
    try:
        assert batch(papers, "--db", db, "--no-models") == 1
    finally:
        first.close()
        del first
    assert "corpus.db: another ico-lens batch is writing this feature store" in capsys.readouterr().err
    assert count(db, "SELECT COUNT(*) FROM items") == 0
    assert batch(papers, "--db", db, "--no-models") == 0  # the lock went with the first batch


@pytest.mark.parametrize("damage", ["not_sqlite", "truncated", "foreign", "newer"])
def test_a_damaged_or_foreign_store_is_refused_untouched(papers, tmp_path, capsys, damage):
    db = tmp_path / "corpus.db"
    if damage == "not_sqlite":
        db.write_bytes(b"name,value\nthis is a CSV file\n")
    elif damage in ("truncated", "newer"):
        write_paper(tmp_path / "one.txt", "Onecoin")
        batch(tmp_path / "one.txt", "--db", db, "--no-models")
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if damage == "newer":
                conn.execute("UPDATE meta SET value = '99' WHERE name = 'schema_version'")
        if damage == "truncated":
            data = db.read_bytes()
            db.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    else:
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    before = db.read_bytes()
    capsys.readouterr()
    assert batch(papers, "--db", db, "--no-models") == 2
    err = capsys.readouterr().err.strip()
    expected = {"not_sqlite": "not an SQLite database", "truncated": "damaged", "foreign": "not an ico_lens feature store",
                "newer": "schema version 99, written by a newer ico_lens"}[damage]
    assert err.startswith("ico-lens batch: error: ") and str(db) in err and expected in err and "left as it is" in err
    assert len(err.splitlines()) == 1
    assert db.read_bytes() == before


def _version_1_store(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0].sql):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO items (key, kind, path, status) VALUES ('paper:abc', 'paper', 'old.pdf', 'done')")
    conn.execute("INSERT INTO documents (key, path, status, page_count) VALUES ('paper:abc', 'old.pdf', 'ok', 12)")
    conn.close()


def test_an_old_store_is_upgraded_in_place_keeping_its_rows(tmp_path, papers, capsys):
    db = tmp_path / "old.db"
    _version_1_store(db)
    assert batch(papers, "--db", db, "--no-models") == 0
    assert f"{db}: feature store upgraded in place from schema version 1 to {SCHEMA_VERSION}" in capsys.readouterr().err
    store = open_store(db, write=False)
    assert schema_version(store) == SCHEMA_VERSION == 4
    assert store.execute("SELECT attempts FROM items WHERE key = 'paper:abc'").fetchone()[0] == 1
    assert store["documents"].count == 6 and "outcomes" in store.table_names()
    assert {"imported_outcomes", "outcome_matches"} <= set(store.table_names())
    store.close()


def test_a_reader_does_not_need_the_write_lock(tmp_path, papers):
    db = tmp_path / "corpus.db"
    batch(papers, "--db", db, "--no-models")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        from ico_lens.store import load_features

        assert len(load_features(db)) == 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
