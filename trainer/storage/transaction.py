"""One way to write: a transaction whose SQLite failures become one-sentence ``StorageError``s.

The outermost block begins with ``BEGIN IMMEDIATE``: it takes the database's write lock up front,
waiting for it as long as the busy timeout allows while another process writes. (A deferred
``BEGIN`` that reads before it writes, as sqlite-utils' ``update`` does, cannot wait: it fails at
once with "database is locked" when another process wrote in between, and the reply is lost.)
Nested blocks are savepoints (sqlite-utils' ``atomic``), so a service can wrap several stores'
writes (an account, its trainee profile and the audit entry) in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from trainer.storage.errors import StorageError, database_failure, is_damage, plain_reason

if TYPE_CHECKING:
    from sqlite_utils import Database


@contextmanager
def transaction(db: Database) -> Iterator[None]:
    conn = db.conn
    try:
        if conn.in_transaction:  # inside another block: a savepoint of its transaction
            with db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        path = _file_of(conn) if is_damage(exc) else None
        if path:  # a damaged file: named, and the backup suggested
            raise database_failure(exc, path) from None
        raise StorageError("Cannot write to the database: {reason}.", reason=plain_reason(exc)) from None


def _file_of(conn: sqlite3.Connection) -> str | None:
    """The file the connection writes to (``PRAGMA database_list`` reads no page of it)."""
    try:
        return next((str(row[2]) for row in conn.execute("PRAGMA database_list") if row[1] == "main"),
                    None) or None
    except sqlite3.Error:
        return None
