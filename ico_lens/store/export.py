"""Writing a store's tables out: CSV or Parquet, one file per table (``features`` by default).

>>> export_tables("corpus.db", "out/", "parquet")                    # doctest: +SKIP
['out/features.parquet']
"""

from __future__ import annotations

import os
from typing import Sequence

from ico_lens.errors import DependencyMissing, InputError
from ico_lens.store.load import load_table

FORMATS = ("csv", "parquet")


def export_tables(db: str, out_dir: str, fmt: str, tables: Sequence[str] = ("features",)) -> list[str]:
    """Write each of ``tables`` to ``out_dir/<table>.<fmt>``; returns the files written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for table in tables:
        frame = load_table(db, table)
        target = os.path.join(out_dir, f"{table}.{fmt}")
        if fmt == "csv":
            frame.to_csv(target, index=False)
        else:
            try:
                frame.to_parquet(target, index=False)
            except ImportError:
                raise DependencyMissing("Parquet needs pyarrow: pip install 'ico_lens[stats]'") from None
        written.append(target)
    return written
