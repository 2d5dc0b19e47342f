"""Accounts, score overrides, coaching notes and the append-only audit log in SQLite.

Plain reads and writes; the rules (who may do what, lockouts) are the accounts service's. A write
joins the caller's transaction when there is one (``storage.transaction``), so an action and its
audit entry are stored together or not at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.domain.audit import ChainCheck
from trainer.storage import audit_chain
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


class AccountStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- accounts -------------------------------------------------------------------------------------

    def count(self, role: str | None = None) -> int:
        if role is None:
            return int(self.db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])
        return int(self.db.execute("SELECT COUNT(*) FROM accounts WHERE role = ?", [role]).fetchone()[0])

    def by_name(self, username: str) -> dict[str, Any] | None:
        rows = list(self.db.table("accounts").rows_where("username = ?", [username.strip()]))
        return rows[0] if rows else None

    def role_of(self, account_id: int) -> tuple[str, int | None, bool] | None:
        """The account's role, trainee profile and whether it is disabled, as stored now, or None
        if it is gone."""
        row = self.db.execute("SELECT role, trainee_id, disabled FROM accounts WHERE id = ?",
                              [account_id]).fetchone()
        return (str(row[0]), row[1], bool(row[2])) if row else None

    def insert(self, username: str, role: str, trainee_id: int | None, salt: str, password_hash: str,
               created_at: str) -> int:
        with transaction(self.db):
            table = self.db.table("accounts")
            table.insert({"username": username, "role": role, "trainee_id": trainee_id, "salt": salt,
                          "password_hash": password_hash, "failed_attempts": 0, "created_at": created_at,
                          "updated_at": created_at})
            return int(table.last_pk)  # type: ignore[arg-type]

    def update(self, account_id: int, values: dict[str, Any]) -> None:
        with transaction(self.db):
            self.db.table("accounts").update(account_id, values)

    def listing(self) -> list[dict[str, Any]]:
        """Every account: username, role, the team of its trainee profile, whether it is disabled
        and whether it is the central server's (pulled)."""
        rows = self.db.execute(
            "SELECT a.username, a.role, COALESCE(t.team, ''), a.disabled, a.origin IS 'central' "
            "FROM accounts a LEFT JOIN trainees t ON t.id = a.trainee_id ORDER BY a.username").fetchall()
        return [{"username": r[0], "role": r[1], "team": r[2], "disabled": bool(r[3]), "central": bool(r[4])}
                for r in rows]

    # -- trainers' work on sessions -------------------------------------------------------------------

    def add_override(self, session_id: int, dimension: str, automatic: float, value: int, comment: str,
                     account_id: int, at: str) -> None:
        with transaction(self.db):
            self.db.table("score_overrides").insert({
                "session_id": session_id, "dimension": dimension, "automatic": automatic, "value": value,
                "comment": comment, "account_id": account_id, "at": at})

    def add_coaching_note(self, trainee_id: int, session_id: int | None, note: str, account_id: int,
                          at: str) -> None:
        with transaction(self.db):
            self.db.table("coaching_notes").insert({
                "trainee_id": trainee_id, "session_id": session_id, "note": note, "account_id": account_id,
                "at": at})

    # -- the audit log ------------------------------------------------------------------------------------

    def audit(self, at: str, account_id: int | None, username: str | None, action: str,
              detail: dict[str, Any]) -> None:
        audit_chain.append(self.db, at, account_id, username, action, detail)

    def audit_log(self, limit: int = 500) -> list[dict[str, Any]]:
        return list(self.db.table("audit_log").rows_where(order_by="seq desc", limit=limit))

    def audit_check(self) -> ChainCheck:
        return audit_chain.check(self.db)

    def audit_head(self) -> str:
        """The chain head as exports print it: ``#entries`` and the first 16 hex of its hash."""
        return ChainCheck(*audit_chain.head(self.db)).short_head
