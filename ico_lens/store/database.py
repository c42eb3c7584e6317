"""Opening a feature store: create it, upgrade it in place, or refuse it, with nothing overwritten.

>>> store = open_store("corpus.db")                                  # doctest: +SKIP
>>> store["documents"].count                                         # doctest: +SKIP

A store is an SQLite file (through ``sqlite-utils``) in WAL mode, so Datasette or pandas can read it
while a batch writes. What is refused, each with one line naming the file and the database left as it
was: a file that is no SQLite database or is damaged (:class:`CorruptStore`), an SQLite database that
is not an ico_lens store, one of a newer ico_lens (:class:`StoreVersionError`); a database another
process is writing is :class:`StoreLocked`.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from typing import Callable

import sqlite_utils

from ico_lens.errors import IcoLensError, InputError
from ico_lens.store.migrations import MIGRATIONS, SCHEMA_VERSION
from ico_lens.store.schema import refresh_views

SQLITE_HEADER = b"SQLite format 3\x00"
#: how long a writer waits for another one's transaction before giving up, in seconds
BUSY_TIMEOUT = 30.0


class CorruptStore(InputError):
    code = "corrupt_store"


class StoreVersionError(InputError):
    code = "store_version"


class StoreLocked(IcoLensError):
    code = "store_locked"


def open_store(
    path: str | os.PathLike,
    *,
    create: bool = True,
    write: bool = True,
    lock_timeout: float = 2.0,
    on_message: Callable[[str], None] | None = None,
) -> sqlite_utils.Database:
    """The store at ``path``, created (``create``) or upgraded to :data:`SCHEMA_VERSION` when needed.

    ``write``: the caller will write (a batch): take the write lock now, to fail before any work when
    another process holds it, and rebuild the views. A reader (``write=False``) changes the file only
    to upgrade an old schema.
    ``lock_timeout``: seconds to wait for another process's write to end before :class:`StoreLocked`.
    ``on_message`` hears what was done to the file (created, upgraded from version N).
    """
    path = str(path)
    fresh = not os.path.exists(path) or os.path.getsize(path) == 0
    if fresh and not create:
        raise InputError("no such feature store", path=path)
    if not fresh:
        _check_header(path)
    try:
        conn = sqlite3.connect(path, timeout=lock_timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise InputError(f"cannot open it ({exc})", path=path) from None
    try:
        _prepare(conn, path, write, on_message or (lambda message: None))
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        held = _hold_batch_lock(path) if write else None
    except BaseException:
        conn.close()
        raise
    db = sqlite_utils.Database(conn)
    db.batch_lock = held  # released when the store is dropped, or when the process dies (kill -9 too)
    return db


def _hold_batch_lock(path: str):
    """An exclusive ``flock`` on the file for the whole batch: SQLite locks only each transaction, so
    without it a second batch could start between two of the first one's papers and redo them."""
    held = open(path, "rb")
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        held.close()
        raise StoreLocked("another ico-lens batch is writing this feature store: wait for it to finish; nothing was written",
                          path=path) from None
    return held


def _check_header(path: str) -> None:
    try:
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})", path=path) from None
    if header != SQLITE_HEADER:
        raise CorruptStore("not an SQLite database (damaged, or another kind of file); it was left as it is", path=path)


def _prepare(conn: sqlite3.Connection, path: str, write: bool, say: Callable[[str], None]) -> None:
    try:
        version = _version(conn, path)
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"a feature store of schema version {version}, written by a newer ico_lens (this one knows up to "
                f"{SCHEMA_VERSION}): upgrade ico_lens; the file was left as it is", path=path)
        if version == SCHEMA_VERSION and not write:
            return
        _lock(conn, path)
        try:
            if version == 0:
                conn.execute("PRAGMA journal_mode = WAL")
            _migrate(conn, version, path, say)
            conn.execute("BEGIN IMMEDIATE")
            refresh_views(conn)
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _locked(path) from None
        raise CorruptStore(f"the database cannot be read ({exc}); it was left as it is", path=path) from None
    except sqlite3.DatabaseError as exc:
        raise CorruptStore(f"the database is damaged ({exc}); it was left as it is", path=path) from None


def _version(conn: sqlite3.Connection, path: str) -> int:
    """The store's schema version; 0 for an empty database. Refuses a database of something else."""
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise CorruptStore("the database is damaged (quick_check failed); it was left as it is", path=path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return 0
    if "meta" not in tables:
        raise StoreVersionError(
            f"an SQLite database, but not an ico_lens feature store (tables: {', '.join(sorted(tables)[:5])}); "
            "it was left as it is: name a new file", path=path)
    row = conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise StoreVersionError("a feature store without a schema version; it was left as it is", path=path)
    return int(row[0])


def _lock(conn: sqlite3.Connection, path: str) -> None:
    """Fail now, not mid-batch, when another process holds the write lock."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _locked(path) from None
        raise


def _locked(path: str) -> StoreLocked:
    return StoreLocked("the feature store is locked by another process (a batch still writing it?): "
                       "try again when it is done; nothing was written", path=path)


def _migrate(conn: sqlite3.Connection, version: int, path: str, say: Callable[[str], None]) -> None:
    """Run the migrations after ``version``, each in one transaction with its version bump."""
    pending = [m for m in MIGRATIONS if m.version > version]
    for migration in pending:
        conn.execute("BEGIN IMMEDIATE")
        for statement in _statements(migration.sql):
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('schema_version', ?)", (str(migration.version),))
        conn.execute("COMMIT")
    if pending and version == 0:
        say(f"{path}: new feature store (schema version {SCHEMA_VERSION})")
    elif pending:
        say(f"{path}: feature store upgraded in place from schema version {version} to {SCHEMA_VERSION}")


def _statements(sql: str) -> list[str]:
    """The statements of a migration's script (``executescript`` would commit half-way)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()[0])
