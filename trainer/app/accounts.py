"""Accounts, sign-in, rights, trainee profiles, score overrides, coaching notes and the audit log.

The signed-in account is held here, set only by :meth:`AccountsService.sign_in` (or the first
run's :meth:`~AccountsService.create_first_admin`) and cleared by :meth:`~AccountsService.sign_out`:
no caller passes an identity in, so none can be forged. Every service method checks its right
against that session as the database has it now (a role changed since sign-in applies at once),
so hiding a button is never the only protection, and the command line meets the same rules. Everything that
matters (sign-ins, role changes, overrides, scenario publishes, exports) is entered in the
append-only audit log in the same transaction as the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from trainer.domain.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    MIN_PASSWORD,
    ROLES,
    AccessDenied,
    Identity,
    Right,
    Role,
    check_new_password,
    hash_password,
    needs_rehash,
    new_salt,
    password_matches,
)
from trainer.domain.audit import ChainCheck
from trainer.domain.errors import InvalidInput, NotFound, UserError
from trainer.domain.scenario import DIMENSIONS
from trainer.storage.accounts import AccountStore
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from trainer.app.context import App


class SignInFailed(UserError):
    """Wrong name or password, or a locked account."""


@dataclass(frozen=True)
class Override:
    session_id: int
    dimension: str
    automatic: float
    value: int
    comment: str
    by: str
    at: str


_DUMMY_SALT = new_salt()
_DUMMY_HASH = hash_password("not a real password", _DUMMY_SALT)  # computed once, at import
_NO_MATCH = "That name and password do not match."
_LOCKED = "Too many wrong attempts: try again after {minutes} minutes."
_DISABLED = "The account {name} is disabled; ask your HR administrator."


class SignedIn:
    """Who is signed in to one :class:`~trainer.app.context.App`, shared with the app's second
    connection (the export worker), so signing out there is signing out everywhere."""

    def __init__(self) -> None:
        self.identity: Identity | None = None


def _new_password(password: str) -> dict[str, str]:
    """A new password's stored form: a fresh salt and the hash with it."""
    salt = new_salt()
    return {"salt": salt, "password_hash": hash_password(password, salt)}


class AccountsService:
    def __init__(self, app: App, signed_in: SignedIn) -> None:
        self._app = app
        self._session = signed_in

    @property
    def _store(self) -> AccountStore:
        return self._app.account_store

    def _stamp(self) -> str:
        return self._app.clock().isoformat()

    # -- accounts -------------------------------------------------------------------------------------

    def needs_first_admin(self) -> bool:
        return self._store.count() == 0

    def create_first_admin(self, username: str, password: str) -> Identity:
        """The first run creates the HR admin; refused once any account exists."""
        if not self.needs_first_admin():
            raise AccessDenied("The first administrator already exists; sign in instead.")
        with transaction(self._store.db):
            account_id = self._insert_account(username, password, "hr_admin", None)
            identity = Identity(account_id, username.strip(), "hr_admin")
            self._audit(identity, "first_admin_created", {})
        self._session.identity = identity
        return identity

    def create_account(self, username: str, password: str, role: Role, team: str = "") -> Identity:
        by = self.require("manage_accounts", "create accounts")
        if role not in ROLES:
            raise InvalidInput("unknown role '{role}'", role=role)
        check_new_password(password, role)
        with transaction(self._store.db):  # the trainee profile, the account and the audit entry
            # trainees and trainers practise, so they get a trainee profile; HR admins do not
            trainee_id = self._app.repo.trainee(username, team) if role != "hr_admin" else None
            account_id = self._insert_account(username, password, role, trainee_id)
            self._audit(by, "account_created", {"username": username, "role": role})
        return Identity(account_id, username.strip(), role, trainee_id)

    def set_role(self, username: str, role: Role, password: str = "") -> None:
        """Change an account's role. A role that needs a longer password than the old one (a
        trainee made a trainer) needs a new ``password`` meeting it, set in the same step; any
        other change leaves the password alone (one typed for something else is ignored)."""
        by = self.require("manage_accounts", "change roles")
        account = self._changeable(username)
        if role not in ROLES:
            raise InvalidInput("unknown role '{role}'", role=role)
        if account["role"] == "hr_admin" and role != "hr_admin" and self._store.count("hr_admin") <= 1:
            raise InvalidInput("this is the last HR administrator; make someone else one first")
        update: dict[str, Any] = {"role": role, "updated_at": self._stamp()}
        if MIN_PASSWORD[role] > MIN_PASSWORD[account["role"]]:
            if not password:
                raise InvalidInput("{name} needs a new password of at least {n} characters for this role: "
                                   "type one in the password field", name=account["username"],
                                   n=MIN_PASSWORD[role])
            check_new_password(password, role)
            update |= _new_password(password)
        with transaction(self._store.db):
            if role in ("trainee", "trainer") and account["trainee_id"] is None:
                update["trainee_id"] = self._app.repo.trainee(account["username"])  # a profile to practise
            self._store.update(account["id"], update)
            self._audit(by, "role_changed", {"username": account["username"], "from": account["role"],
                                             "to": role, "new_password": "password_hash" in update})

    def reset_password(self, username: str, password: str) -> None:
        """HR sets a new password for an account (one forgotten, or given out to be changed), which
        also lifts a lock on it."""
        by = self.require("manage_accounts", "reset passwords")
        account = self._changeable(username)
        check_new_password(password, account["role"])
        with transaction(self._store.db):
            self._store.update(account["id"], {**_new_password(password), "failed_attempts": 0,
                                               "locked_until": None, "updated_at": self._stamp()})
            self._audit(by, "password_reset", {"username": account["username"]})

    def set_disabled(self, username: str, disabled: bool) -> bool:
        """Disable an account (it can no longer sign in; its record stays) or enable it again.
        Returns whether anything changed."""
        by = self.require("manage_accounts", "disable accounts")
        account = self._changeable(username)
        if disabled and account["id"] == by.account_id:
            raise InvalidInput("you cannot disable the account you are signed in with")
        if disabled and account["role"] == "hr_admin" and self._store.count("hr_admin") <= 1:
            raise InvalidInput("this is the last HR administrator; make someone else one first")
        if bool(account["disabled"]) == disabled:
            return False
        with transaction(self._store.db):
            self._store.update(account["id"], {"disabled": int(disabled), "updated_at": self._stamp()})
            self._audit(by, "account_disabled" if disabled else "account_enabled",
                        {"username": account["username"]})
        return True

    def _changeable(self, username: str) -> dict[str, Any]:
        """The account, which this PC may change: not one the central server owns while this PC
        syncs with it (the change would be undone at the next round; HR makes it on HR's PC)."""
        account = self._account(username)
        if account["origin"] == "central" and self._app.sync.config() is not None:
            raise AccessDenied("{name} is an account of the central server: HR changes it on HR's PC, "
                               "and this PC takes the change at its next sync", name=account["username"])
        return account

    def lift_lock(self, username: str, login: str) -> bool:
        """Lift the lock that wrong passwords put on an account, without signing in: the way back
        in for an HR administrator whom someone locked out by typing wrong passwords (the only
        one, perhaps). It gives no access (the password is still needed), so what guards it is
        the database file itself, which only its owner can write (``storage.private``); the
        entry in the audit log names the operating-system ``login``. Returns whether there was a
        lock to lift."""
        account = self._account(username)
        locked = bool(account["locked_until"]) or account["failed_attempts"] > 0
        with transaction(self._store.db):
            self._store.update(account["id"], {"failed_attempts": 0, "locked_until": None})
            self._audit(None, "lock_lifted", {"username": f"{login or '?'} (command line)",
                                              "account": account["username"]})
        return locked

    def _account(self, username: str) -> dict[str, Any]:
        account = self._store.by_name(username)
        if account is None:
            raise NotFound("there is no account called '{name}'", name=username)
        return account

    def accounts(self) -> list[dict[str, Any]]:
        """Every account, and whether this PC may change it (not the server's while it syncs)."""
        self.require("manage_accounts", "list accounts")
        syncing = self._app.sync.config() is not None
        return [{**r, "changeable": not (r["central"] and syncing)} for r in self._store.listing()]

    def _insert_account(self, username: str, password: str, role: Role, trainee_id: int | None) -> int:
        username = username.strip()
        if not username:
            raise InvalidInput("an account needs a name")
        check_new_password(password, role)
        if self._store.by_name(username) is not None:
            raise InvalidInput("an account called '{name}' already exists", name=username)
        salt = new_salt()
        return self._store.insert(username, role, trainee_id, salt, hash_password(password, salt),
                                  self._stamp())

    # -- the signed-in session ---------------------------------------------------------------------------

    def caller(self) -> Identity | None:
        """The signed-in account as the database has it now (a role changed since sign-in applies
        at once); ``None`` only on a database with no accounts yet (one person's, from the command
        line). Raises :class:`AccessDenied` when nobody is signed in to a database with accounts."""
        who = self._session.identity
        if who is None:
            if not self.needs_first_admin():
                raise AccessDenied("sign in first: this database has accounts")
            return None
        stored = self._store.role_of(who.account_id)
        if stored is None:
            self._session.identity = None
            raise AccessDenied("the account {name} no longer exists", name=who.username)
        role, trainee_id, disabled = stored
        if disabled:
            self._session.identity = None
            raise AccessDenied(_DISABLED, name=who.username)
        return Identity(who.account_id, who.username, role, trainee_id)  # type: ignore[arg-type]

    def require(self, right: Right, what: str) -> Identity:
        """The signed-in account, which must have ``right`` (``what`` names the refused action)."""
        who = self.caller()
        if who is None:
            raise AccessDenied("sign in first: this database has accounts")
        who.require(right, what)
        return who

    def require_unless_alone(self, right: Right, what: str) -> Identity | None:
        """As :meth:`require`, except that a database with no accounts may be used without one."""
        who = self.caller()
        if who is not None:
            who.require(right, what)
        return who

    @property
    def session(self) -> SignedIn:
        """The session object itself, for a second connection of the same app to share."""
        return self._session

    @property
    def signed_in(self) -> Identity | None:
        """Who signed in (as they signed in; rights are checked with :meth:`caller`)."""
        return self._session.identity

    def sign_out(self) -> None:
        self._session.identity = None

    # -- signing in -------------------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> Identity:
        """Check the password and hold the account as this app's session (signing out whoever
        was signed in, even when the password is wrong)."""
        self._session.identity = None
        account = self._store.by_name(username)
        now = self._app.clock()
        if account is None:
            # Spend the same time as a wrong password, so timing does not reveal which names exist.
            password_matches(password, _DUMMY_SALT, _DUMMY_HASH)
            self._audit(None, "sign_in_failed", {"username": username})
            raise SignInFailed(_NO_MATCH)
        locked_until = account["locked_until"]
        if locked_until and datetime.fromisoformat(locked_until) > now:
            self._audit(None, "sign_in_refused_locked", {"username": username})
            raise SignInFailed(_LOCKED, minutes=LOCK_MINUTES)
        if not password_matches(password, account["salt"], account["password_hash"]):
            failures = account["failed_attempts"] + 1
            update: dict[str, Any] = {"failed_attempts": failures}
            if failures >= MAX_FAILURES:
                update = {"failed_attempts": 0,
                          "locked_until": (now + timedelta(minutes=LOCK_MINUTES)).isoformat()}
            with transaction(self._store.db):
                self._store.update(account["id"], update)
                self._audit(None, "sign_in_failed", {"username": username})
            if "locked_until" in update:
                raise SignInFailed(_LOCKED, minutes=LOCK_MINUTES)
            raise SignInFailed(_NO_MATCH)
        if account["disabled"]:  # said only to whoever knows the password
            self._audit(None, "sign_in_refused_disabled", {"username": username})
            raise SignInFailed(_DISABLED, name=account["username"])
        identity = Identity(account["id"], account["username"], account["role"], account["trainee_id"])
        update = {"failed_attempts": 0, "locked_until": None}
        if needs_rehash(account["password_hash"]):  # made with an older, lower cost
            update |= {"password_hash": hash_password(password, account["salt"])}
        with transaction(self._store.db):
            self._store.update(account["id"], update)
            self._audit(identity, "signed_in", {})
        self._session.identity = identity
        return identity

    # -- trainee profiles -------------------------------------------------------------------------------

    def trainees(self) -> list[dict[str, Any]]:
        """Every trainee profile: for reviewers (or on a database with no accounts)."""
        self.require_unless_alone("review_sessions", "list the trainees")
        return self._app.repo.trainees()

    def create_trainee(self, name: str, team: str = "") -> int:
        """The trainee profile called ``name``, created on first use: standalone practice on a
        database with no accounts only; once there are accounts, trainees are accounts."""
        if self.caller() is not None:
            raise AccessDenied("this database has accounts: a trainee is added as an account")
        if not name.strip():
            raise InvalidInput("a trainee needs a name")
        return self._app.repo.trainee(name, team)

    def set_record_audio(self, trainee_id: int, consent: bool) -> None:
        """Keep recordings of this trainee's spoken replies, or not: the trainee's own choice."""
        self.own_trainee(trainee_id, "choose whether another trainee's replies are recorded")
        self._app.repo.set_record_audio(trainee_id, consent)

    def set_initials_only(self, trainee_id: int, initials_only: bool) -> None:
        """Show this trainee to others by initials only, or not: the trainee's own choice."""
        self.own_trainee(trainee_id, "choose how another trainee is shown")
        self._app.repo.set_initials_only(trainee_id, initials_only)

    def own_trainee(self, trainee_id: int, what: str) -> Identity | None:
        """Something only the trainee does themselves: the signed-in account must be theirs
        (without an account, only on a database that has none)."""
        caller = self.caller()
        if caller is not None and caller.trainee_id != trainee_id:
            raise AccessDenied("{user} ({role}) may not {what}.", user=caller.username, role=caller.role,
                               what=what)
        return caller

    def trainee_named(self, name: str) -> int:
        row = self._app.repo.trainee_by_name(name)
        if row is None:
            raise NotFound("there is no trainee called '{name}'", name=name)
        return int(row["id"])

    # -- sessions and reviews ---------------------------------------------------------------------------

    def visible_trainee(self, trainee_id: int | None) -> int | None:
        """Whose sessions the signed-in account may list: anyone's for reviewers (``None``:
        everyone's), else only their own. Raises :class:`AccessDenied` when a trainee asks for
        someone else's. On a database with no accounts, anyone's."""
        who = self.caller()
        if who is None or who.may("review_sessions"):
            return trainee_id
        if trainee_id not in (None, who.trainee_id):
            raise AccessDenied("{name} may only see their own sessions.", name=who.username)
        return who.trainee_id if who.trainee_id is not None else -1

    def check_session_access(self, session_id: int) -> dict[str, Any]:
        """The stored session, if the signed-in account may see it (its own, or a reviewer)."""
        who = self.caller()
        session = self._app.repo.session(session_id)
        if session is None:
            raise NotFound("there is no session {id}", id=session_id)
        if who is not None and not who.may("review_sessions") and session["trainee_id"] != who.trainee_id:
            raise AccessDenied("{name} may only see their own sessions.", name=who.username)
        return session

    def override_score(self, session_id: int, dimension: str, value: int, comment: str) -> Override:
        """Replace a session's score on one dimension; the automatic score is kept beside it."""
        who = self.require("override_scores", "override scores")
        if dimension not in DIMENSIONS:
            raise InvalidInput("dimension must be empathy, clarity or solution (got '{got}')", got=dimension)
        if not 0 <= value <= 100:
            raise InvalidInput("a score must be between 0 and 100 (got {got})", got=value)
        if not comment.strip():
            raise InvalidInput("an override needs a comment saying why")
        session = self.check_session_access(session_id)
        if who.trainee_id is not None and session["trainee_id"] == who.trainee_id:
            raise AccessDenied("{name} may not override scores of their own sessions.", name=who.username)
        automatic = float(session.get(f"avg_{dimension}") or 0.0)
        at = self._stamp()
        with transaction(self._store.db):
            self._store.add_override(session_id, dimension, automatic, value, comment.strip(),
                                     who.account_id, at)
            self._audit(who, "score_overridden", {"session_id": session_id, "dimension": dimension,
                                                  "automatic": automatic, "value": value})
        return Override(session_id, dimension, automatic, value, comment.strip(), who.username, at)

    def overrides(self, session_id: int) -> list[Override]:
        self.check_session_access(session_id)
        return [Override(session_id, **r) for r in self._app.repo.overrides(session_id)]

    def add_coaching_note(self, trainee_id: int, note: str, session_id: int | None = None) -> None:
        who = self.require("coach", "write coaching notes")
        if not note.strip():
            raise InvalidInput("a coaching note cannot be empty")
        with transaction(self._store.db):
            self._store.add_coaching_note(trainee_id, session_id, note.strip(), who.account_id, self._stamp())
            trainee = self._app.repo.trainee_row(trainee_id) or {}
            self._audit(who, "coaching_note", {"trainee_id": trainee_id, "trainee": trainee.get("name", "?")})

    def coaching_notes(self, trainee_id: int) -> list[dict[str, Any]]:
        who = self.caller()
        if who is not None and not who.may("coach") and who.trainee_id != trainee_id:
            raise AccessDenied("{name} may only read their own coaching notes.", name=who.username)
        return self._app.repo.coaching_notes(trainee_id)

    # -- audit ------------------------------------------------------------------------------------------

    def record(self, action: str, detail: dict[str, Any], login: str = "", via: str = "command line") -> None:
        """For other services (scenario publishes, exports, speech models), after their own check
        of rights: the entry names the signed-in account. With nobody signed in (a database with no
        accounts, from the command line; or a model installed before signing in) it names the
        operating-system ``login``, marked ``via``."""
        who = self.caller() if self._session.identity is not None else None
        if who is None:
            self._audit(None, action, {**detail, "username": f"{login or '?'} ({via})"})
        else:
            self._audit(who, action, detail)

    def record_central(self, action: str, detail: dict[str, Any]) -> None:
        """What a sync round took from the central server (accounts, rules, packs): the entry
        names the server, not whoever happens to be signed in."""
        self._audit(None, action, {**detail, "username": "(central server)"})

    def audit_check(self) -> ChainCheck:
        """The audit log's hash chain checked now, entry by entry (HR's: the accounts page warns
        when it is broken)."""
        self.require("view_audit", "read the audit log")
        return self.verify_audit_chain()

    def verify_audit_chain(self) -> ChainCheck:
        """The same check with no right needed (``trainer audit verify``, the check on opening):
        it shows whether the log holds, how long it is and its head, nobody's data."""
        return self._store.audit_check()

    def audit_log(self, limit: int = 500) -> list[dict[str, Any]]:
        self.require("view_audit", "read the audit log")
        return self._store.audit_log(limit)

    def _audit(self, who: Identity | None, action: str, detail: dict[str, Any]) -> None:
        self._store.audit(self._stamp(), who.account_id if who else None,
                          who.username if who else detail.get("username"), action, detail)

