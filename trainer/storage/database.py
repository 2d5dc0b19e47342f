"""Open the one database file: WAL mode, migrations, and a schema version check.

``PRAGMA user_version`` holds the number of migrations applied. A database made by a newer version
of the program is refused rather than written to, so nothing is corrupted by old code.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlite_utils import Database

from trainer.storage.errors import StorageError, database_failure, plain_reason
from trainer.storage.migrations import SCHEMA_VERSION, migrations
from trainer.storage.private import private_file, private_folder
from trainer.storage.transaction import transaction

APP_NAME = "teller-trainer"
BUSY_TIMEOUT_S = 5.0


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """``TRAINER_DB`` if set, else ``trainer.db`` in the user's data directory."""
    env = os.environ.get("TRAINER_DB")
    return Path(env) if env else data_dir() / "trainer.db"


def open_database(path: Path | str | None = None, *, memory: bool = False) -> Database:
    """Open (creating if needed) and migrate the database; raises :class:`StorageError`."""
    if memory:
        return _prepare(Database(memory=True), ":memory:")
    target = Path(path) if path is not None else default_db_path()
    try:
        if not target.parent.exists():  # a folder of our own: only its owner may enter it
            private_folder(target.parent)
        conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        private_file(target)  # SQLite gives its -wal and -shm files the same mode
    except (OSError, sqlite3.Error) as exc:
        raise StorageError("Cannot open the database {path}: {reason}.", path=target,
                           reason=plain_reason(exc)) from None
    return _prepare(Database(conn), str(target))


def _prepare(db: Database, where: str) -> Database:
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version <= SCHEMA_VERSION:
            if where != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            if version < SCHEMA_VERSION:
                _migrate(db)
    except sqlite3.Error as exc:
        db.close()
        raise database_failure(exc, where) from None
    except StorageError as exc:  # the migration's write transaction failed
        db.close()
        if "reason" not in exc.fields:  # already a sentence about this file (it is damaged)
            raise
        raise StorageError("Cannot use the database {path}: {reason}.", path=where,
                           reason=exc.fields["reason"]) from None
    if version > SCHEMA_VERSION:
        db.close()
        raise StorageError(
            "The database {path} was written by a newer version of this program (schema "
            "{version}, this version knows up to {known}); please update the program.",
            path=where, version=version, known=SCHEMA_VERSION)
    return db


def _migrate(db: Database) -> None:
    """Under the write lock, and looked at again there: two processes opening a new (or older)
    file at once migrate it once; the second finds it done."""
    with transaction(db):
        if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
