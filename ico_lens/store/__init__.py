"""The feature store: every stage's record in SQLite (through sqlite-utils), whole and as normalised
tables with their evidence, and a ``features`` view with one row per project.

``ico-lens batch`` fills it (:mod:`.runner`: resumable, parallel, one writer); :func:`load_features`
and :func:`load_record` read it back; ``ico-lens export`` writes its tables as CSV or Parquet. See
docs/store.md.
"""

__all__ = ["load_features", "load_record", "load_table", "open_store"]


def __getattr__(name: str):
    if name in ("load_features", "load_record", "load_table"):
        from ico_lens.store import load

        return getattr(load, name)
    if name == "open_store":
        from ico_lens.store.database import open_store

        return open_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
