"""Reading a feature store back: the ``features`` view as a pandas DataFrame, a stored record as its type.

>>> from ico_lens.store import load_features, load_record
>>> features = load_features("corpus.db")                            # doctest: +SKIP
>>> features.set_index("key")[["name", "insider_share", "hhi", "rate_risk_regulatory"]]  # doctest: +SKIP
>>> load_record("corpus.db", "paper:91ee18f1...", "language").disclosures["risk"]        # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import json
import os
from contextlib import contextmanager
from typing import Any, Iterator

import sqlite_utils

from ico_lens.errors import InputError
from ico_lens.store.database import open_store


@contextmanager
def _reading(db: str | os.PathLike | sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    if isinstance(db, sqlite_utils.Database):
        yield db
        return
    store = open_store(db, create=False, write=False)
    try:
        yield store
    finally:
        store.close()


def load_table(db: str | os.PathLike | sqlite_utils.Database, table: str = "features"):
    """A table or view of the store as a pandas DataFrame (one row per project for ``features``)."""
    import pandas as pd

    with _reading(db) as store:
        if table not in store.table_names() + store.view_names():
            raise InputError(f"no table or view {table!r} in the store (tables: {', '.join(store.table_names())})", path=str(db))
        return pd.read_sql_query(f'SELECT * FROM "{table}"', store.conn)


def load_features(db: str | os.PathLike | sqlite_utils.Database):
    """The ``features`` view: one row per project, ready for regression (see docs/store.md)."""
    return load_table(db, "features")


def load_record(db: str | os.PathLike | sqlite_utils.Database, key: str, stage: str) -> Any:
    """The record ``stage`` (paper, language, contract, align) stored under ``key``, as its type; None
    when the store has none."""
    with _reading(db) as store:
        row = store.execute("SELECT type, json FROM records WHERE key = ? AND stage = ?", [key, stage]).fetchone()
    if row is None:
        return None
    module, _, name = row[0].partition(":")
    return getattr(importlib.import_module(module), name).from_dict(json.loads(row[1]))
