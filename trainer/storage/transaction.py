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

from trainer.storage.errors import StorageError, plain_reason

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
        raise StorageError("Cannot write to the database: {reason}.", reason=plain_reason(exc)) from None
