"""Accounts, sign-in, rights, score overrides, coaching notes and the audit log.

Every method that does something only some roles may do takes the caller's :class:`Identity`
and checks the right here, in the service, so hiding a button is never the only protection.
Everything that matters (sign-ins, role changes, overrides, scenario publishes, exports) is
written to the append-only audit log in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from trainer.domain.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    ROLES,
    AccessDenied,
    Identity,
    Role,
    check_new_password,
    hash_password,
    new_salt,
    password_matches,
)
from trainer.domain.scenario import DIMENSIONS
from trainer.storage.repository import Repository


class SignInFailed(Exception):
    """Wrong name or password, or a locked account; the message is for the user."""


@dataclass(frozen=True)
class Override:
    session_id: int
    dimension: str
    automatic: float
    value: int
    comment: str
    by: str
    at: str


def _now() -> datetime:
    return datetime.now(UTC)


_DUMMY_SALT = new_salt()
_DUMMY_HASH = hash_password("not a real password", _DUMMY_SALT)


class AccessService:
    def __init__(self, repo: Repository, clock: Callable[[], datetime] = _now) -> None:
        self.repo = repo
        self.db = repo.db
        self._clock = clock

    # -- accounts ---------------------------------------------------------------------------------------

    def needs_first_admin(self) -> bool:
        return self.db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0

    def create_first_admin(self, username: str, password: str) -> Identity:
        """The first run creates the HR admin; refused once any account exists."""
        if not self.needs_first_admin():
            raise AccessDenied("The first administrator already exists; sign in instead.")
        with self.db.atomic():
            account_id = self._insert_account(username, password, "hr_admin", None)
            identity = Identity(account_id, username.strip(), "hr_admin")
            self._audit(identity, "first_admin_created", {}, in_transaction=True)
        return identity

    def create_account(self, by: Identity, username: str, password: str, role: Role,
                       team: str = "") -> Identity:
        by = self.current(by)
        by.require("manage_accounts", "create accounts")
        if role not in ROLES:
            raise ValueError(f"unknown role '{role}'")
        check_new_password(password)
        with self.db.atomic():  # the trainee profile, the account and the audit entry, or nothing
            # trainees and trainers practise, so they get a trainee profile; HR admins do not
            trainee_id = self.repo.trainee(username, team) if role != "hr_admin" else None
            account_id = self._insert_account(username, password, role, trainee_id)
            self._audit(by, "account_created", {"username": username, "role": role}, in_transaction=True)
        return Identity(account_id, username.strip(), role, trainee_id)

    def set_role(self, by: Identity, username: str, role: Role) -> None:
        by = self.current(by)
        by.require("manage_accounts", "change roles")
        account = self._account(username)
        if account is None:
            raise LookupError(f"there is no account called '{username}'")
        if role not in ROLES:
            raise ValueError(f"unknown role '{role}'")
        admins = self.db.execute("SELECT COUNT(*) FROM accounts WHERE role = 'hr_admin'").fetchone()[0]
        if account["role"] == "hr_admin" and role != "hr_admin" and admins <= 1:
            raise ValueError("this is the last HR administrator; make someone else one first")
        with self.db.atomic():
            update: dict[str, Any] = {"role": role}
            if role in ("trainee", "trainer") and account["trainee_id"] is None:
                update["trainee_id"] = self.repo.trainee(account["username"])  # a profile to practise
            self.db.table("accounts").update(account["id"], update)
            self._audit(by, "role_changed", {"username": username, "from": account["role"], "to": role},
                        in_transaction=True)

    def accounts(self, who: Identity) -> list[dict[str, Any]]:
        who = self.current(who)
        who.require("manage_accounts", "list accounts")
        return [dict(zip(("username", "role", "team"), r, strict=True)) for r in self.db.execute(
            "SELECT a.username, a.role, COALESCE(t.team, '') FROM accounts a "
            "LEFT JOIN trainees t ON t.id = a.trainee_id ORDER BY a.username").fetchall()]

    def _insert_account(self, username: str, password: str, role: Role, trainee_id: int | None) -> int:
        username = username.strip()
        if not username:
            raise ValueError("an account needs a name")
        check_new_password(password)
        if self._account(username) is not None:
            raise ValueError(f"an account called '{username}' already exists")
        salt = new_salt()
        table = self.db.table("accounts")
        table.insert({"username": username, "role": role, "trainee_id": trainee_id, "salt": salt,
                      "password_hash": hash_password(password, salt), "failed_attempts": 0,
                      "created_at": self._clock().isoformat()})
        return int(table.last_pk)  # type: ignore[arg-type]

    def _account(self, username: str) -> dict[str, Any] | None:
        rows = list(self.db.table("accounts").rows_where("username = ?", [username.strip()]))
        return rows[0] if rows else None

    def current(self, who: Identity) -> Identity:
        """``who`` as the database has it now: a role changed since sign-in applies at once."""
        rows = self.db.execute("SELECT role, trainee_id FROM accounts WHERE id = ?",
                               [who.account_id]).fetchall()
        if not rows:
            raise AccessDenied(f"the account {who.username} no longer exists")
        return Identity(who.account_id, who.username, rows[0][0], rows[0][1])

    # -- signing in --------------------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> Identity:
        account = self._account(username)
        now = self._clock()
        if account is None:
            # Spend the same time as a wrong password, so timing does not reveal which names exist.
            password_matches(password, _DUMMY_SALT, _DUMMY_HASH)
            self._audit(None, "sign_in_failed", {"username": username})
            raise SignInFailed("That name and password do not match.")
        locked_until = account["locked_until"]
        if locked_until and datetime.fromisoformat(locked_until) > now:
            self._audit(None, "sign_in_refused_locked", {"username": username})
            raise SignInFailed(f"Too many wrong attempts: try again after {LOCK_MINUTES} minutes.")
        if not password_matches(password, account["salt"], account["password_hash"]):
            failures = account["failed_attempts"] + 1
            update: dict[str, Any] = {"failed_attempts": failures}
            if failures >= MAX_FAILURES:
                update = {"failed_attempts": 0,
                          "locked_until": (now + timedelta(minutes=LOCK_MINUTES)).isoformat()}
            with self.db.atomic():
                self.db.table("accounts").update(account["id"], update)
                self._audit(None, "sign_in_failed", {"username": username}, in_transaction=True)
            if "locked_until" in update:
                raise SignInFailed(f"Too many wrong attempts: try again after {LOCK_MINUTES} minutes.")
            raise SignInFailed("That name and password do not match.")
        identity = Identity(account["id"], account["username"], account["role"], account["trainee_id"])
        with self.db.atomic():
            self.db.table("accounts").update(account["id"], {"failed_attempts": 0, "locked_until": None})
            self._audit(identity, "signed_in", {}, in_transaction=True)
        return identity

    # -- sessions and reviews ----------------------------------------------------------------------------

    def sessions_visible_to(self, who: Identity, trainee_id: int | None = None) -> list[dict[str, Any]]:
        """A trainee sees only their own sessions; reviewers see anyone's."""
        who = self.current(who)
        if not who.may("review_sessions"):
            if trainee_id not in (None, who.trainee_id):
                raise AccessDenied(f"{who.username} may only see their own sessions.")
            trainee_id = who.trainee_id
            if trainee_id is None:
                return []
        return self.repo.sessions(trainee_id)

    def check_session_access(self, who: Identity, session_id: int) -> dict[str, Any]:
        session = self.repo.session(session_id)
        if session is None:
            raise LookupError(f"there is no session {session_id}")
        who = self.current(who)
        if not who.may("review_sessions") and session["trainee_id"] != who.trainee_id:
            raise AccessDenied(f"{who.username} may only see their own sessions.")
        return session

    def override_score(self, who: Identity, session_id: int, dimension: str, value: int,
                       comment: str) -> Override:
        """Replace a session's score on one dimension; the automatic score is kept beside it."""
        who = self.current(who)
        who.require("override_scores", "override scores")
        if dimension not in DIMENSIONS:
            raise ValueError(f"dimension must be empathy, clarity or solution (got '{dimension}')")
        if not 0 <= value <= 100:
            raise ValueError(f"a score must be between 0 and 100 (got {value})")
        if not comment.strip():
            raise ValueError("an override needs a comment saying why")
        session = self.check_session_access(who, session_id)
        if who.trainee_id is not None and session["trainee_id"] == who.trainee_id:
            raise AccessDenied(f"{who.username} may not override scores of their own sessions.")
        automatic = float(session.get(f"avg_{dimension}") or 0.0)
        at = self._clock().isoformat()
        with self.db.atomic():
            self.db.table("score_overrides").insert({
                "session_id": session_id, "dimension": dimension, "automatic": automatic, "value": value,
                "comment": comment.strip(), "account_id": who.account_id, "at": at})
            detail = {"session_id": session_id, "dimension": dimension, "automatic": automatic,
                      "value": value}
            self._audit(who, "score_overridden", detail, in_transaction=True)
        return Override(session_id, dimension, automatic, value, comment.strip(), who.username, at)

    def overrides(self, who: Identity, session_id: int) -> list[Override]:
        self.check_session_access(who, session_id)
        return [Override(session_id, **r) for r in self.repo.overrides(session_id)]

    def add_coaching_note(self, who: Identity, trainee_id: int, note: str,
                          session_id: int | None = None) -> None:
        who = self.current(who)
        who.require("coach", "write coaching notes")
        if not note.strip():
            raise ValueError("a coaching note cannot be empty")
        with self.db.atomic():
            self.db.table("coaching_notes").insert({
                "trainee_id": trainee_id, "session_id": session_id, "note": note.strip(),
                "account_id": who.account_id, "at": self._clock().isoformat()})
            self._audit(who, "coaching_note", {"trainee_id": trainee_id}, in_transaction=True)

    def coaching_notes(self, who: Identity, trainee_id: int) -> list[dict[str, Any]]:
        if not who.may("coach") and who.trainee_id != trainee_id:
            raise AccessDenied(f"{who.username} may only read their own coaching notes.")
        return self.repo.coaching_notes(trainee_id)

    # -- audit --------------------------------------------------------------------------------------------

    def record(self, who: Identity, action: str, detail: dict[str, Any]) -> None:
        """For other services (scenario publishes, exports): who did it comes from the database."""
        self._audit(self.current(who), action, detail)

    def record_command_line(self, login_name: str, action: str, detail: dict[str, Any]) -> None:
        """The ``trainer`` command has no sign-in: whoever can read the database file can use it,
        so the entry names the operating-system login, marked as the command line."""
        self._audit(None, action, {**detail, "username": f"{login_name} (command line)"})

    def audit_log(self, who: Identity, limit: int = 500) -> list[dict[str, Any]]:
        who = self.current(who)
        who.require("view_audit", "read the audit log")
        return list(self.db.table("audit_log").rows_where(order_by="id desc", limit=limit))

    def _audit(self, who: Identity | None, action: str, detail: dict[str, Any],
               in_transaction: bool = False) -> None:
        row = {"at": self._clock().isoformat(), "account_id": who.account_id if who else None,
               "username": who.username if who else detail.get("username"), "action": action,
               "detail": json.dumps(detail, ensure_ascii=False)}
        if in_transaction:
            self.db.table("audit_log").insert(row)
        else:
            with self.db.atomic():
                self.db.table("audit_log").insert(row)
