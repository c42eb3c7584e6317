"""The one writer of a feature store: each unit (a paper with its project, or a contract) in one
transaction.

A unit replaces whatever the store held under its key (its rows in every table of its kind, its
records, its ``items`` row), so writing a unit twice leaves one copy, and a process killed at any
moment leaves each unit either wholly written or not at all: SQLite commits a transaction whole. The
``items`` row is written in the same transaction, so "done" in ``items`` always means "all its rows
are there".
"""

from __future__ import annotations

import datetime
import sqlite3

import sqlite_utils

from ico_lens.store.compute import Unit
from ico_lens.store.database import StoreLocked
from ico_lens.store.migrations import CONTRACT_TABLES, PAPER_TABLES
from ico_lens.store.schema import refresh_views


class StoreWriter:
    def __init__(self, db: sqlite_utils.Database, path: str):
        self.db = db
        self.path = path

    def statuses(self) -> dict[str, str]:
        """key -> ``done`` or ``failed``, for every paper and contract the store has seen."""
        return {key: status for key, status in self.db.execute("SELECT key, status FROM items")}

    def write(self, unit: Unit) -> None:
        tables = PAPER_TABLES if unit.kind == "paper" else CONTRACT_TABLES
        try:
            with self.db.atomic():
                for table in (*tables, "records"):
                    self.db.execute(f"DELETE FROM {table} WHERE key = ?", [unit.key])
                for table, rows in unit.rows.items():
                    if rows:
                        self.db[table].insert_all(rows)
                self.db["records"].insert_all(
                    {"key": unit.key, "stage": stage, "type": kind, "json": text} for stage, kind, text in unit.records
                )
                self._mark(unit)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreLocked(f"the feature store stayed locked by another process ({exc}); this paper was not written",
                                  path=self.path) from None
            raise

    def _mark(self, unit: Unit) -> None:
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        self.db.execute(
            "INSERT INTO items (key, kind, path, status, error, message, stages, updated_at, attempts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, "
            "path = excluded.path, status = excluded.status, error = excluded.error, message = excluded.message, "
            "stages = excluded.stages, updated_at = excluded.updated_at, attempts = items.attempts + 1",
            [unit.key, unit.kind, unit.path, unit.status, unit.error, unit.message, ",".join(unit.stages), now],
        )

    def finish(self) -> None:
        """Rebuild the views for the names the batch added (new dictionary categories, outcomes)."""
        with self.db.atomic():
            refresh_views(self.db.conn)
