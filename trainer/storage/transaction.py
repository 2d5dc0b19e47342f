"""One way to write: a transaction whose SQLite failures become one-sentence ``StorageError``s.

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
    try:
        with db.atomic():
            yield
    except sqlite3.Error as exc:
        raise StorageError("Cannot write to the database: {reason}.", reason=plain_reason(exc)) from None
