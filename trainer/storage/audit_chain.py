"""The append-only audit log, chained by hash (``domain.audit``): appending an entry and checking
the whole log. An entry is appended inside the caller's write transaction (``BEGIN IMMEDIATE``),
so two processes never give two entries the same number."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from trainer.domain.audit import GENESIS, ChainCheck, check_chain, entry_hash
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

PROTECTING_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_chained")


def append(db: Database, at: str, account_id: int | None, username: str | None, action: str,
           detail: dict[str, Any]) -> None:
    with transaction(db):
        last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
        entry = {"seq": seq, "at": at, "account_id": account_id, "username": username, "action": action,
                 "detail": json.dumps(detail, ensure_ascii=False)}
        db.table("audit_log").insert({**entry, "prev_hash": prev, "hash": entry_hash(prev, entry)})


def check(db: Database) -> ChainCheck:
    """The whole log checked, entry by entry (streamed: memory stays flat however long it is)."""
    columns = ("seq", "at", "account_id", "username", "action", "detail", "prev_hash", "hash")
    cursor = db.execute(f"SELECT {', '.join(columns)} FROM audit_log ORDER BY seq")
    rows = (dict(zip(columns, row, strict=True)) for row in cursor)
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return check_chain(rows, protected=set(PROTECTING_TRIGGERS) <= present)


def head(db: Database) -> tuple[int, str]:
    """The number and hash of the newest entry (``(0, GENESIS)`` for an empty log)."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)
