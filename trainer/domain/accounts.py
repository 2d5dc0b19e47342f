"""Who may do what, and how passwords are kept: roles, rights and the password hash policy.

Passwords (or PINs) are stored only as salted scrypt hashes (a slow key-derivation function, in
the standard library), compared in constant time. After ``MAX_FAILURES`` wrong attempts in a row
an account is locked for ``LOCK_MINUTES``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

from trainer.domain.errors import InvalidInput, UserError

Role = Literal["trainee", "trainer", "hr_admin"]
ROLES: tuple[Role, ...] = ("trainee", "trainer", "hr_admin")
Right = Literal["practise", "review_sessions", "override_scores", "coach", "edit_scenarios",
                "view_reports", "export", "manage_accounts", "view_audit"]

RIGHTS: dict[Role, frozenset[Right]] = {
    "trainee": frozenset({"practise"}),
    "trainer": frozenset({"practise", "review_sessions", "override_scores", "coach", "edit_scenarios"}),
    "hr_admin": frozenset({"review_sessions", "coach", "view_reports", "export", "manage_accounts",
                           "view_audit"}),
}

MIN_PASSWORD = 4  # a four-digit PIN is the shortest accepted
MAX_FAILURES = 5
LOCK_MINUTES = 5
# scrypt cost: n=2**14, r=8 (16 MiB, ~50 ms here): slow for guessing, quick for one sign-in.
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class AccessDenied(UserError, PermissionError):
    """The signed-in account may not do this; the message says what in plain words."""


@dataclass(frozen=True)
class Identity:
    """Who is signed in."""

    account_id: int
    username: str
    role: Role
    trainee_id: int | None = None

    def may(self, right: Right) -> bool:
        return right in RIGHTS[self.role]

    def require(self, right: Right, what: str) -> None:
        if not self.may(right):
            raise AccessDenied("{user} ({role}) may not {what}.", user=self.username, role=self.role,
                               what=what)


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_password(password: str, salt: str) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), **SCRYPT).hex()


def password_matches(password: str, salt: str, expected_hash: str) -> bool:
    return hmac.compare_digest(hash_password(password, salt), expected_hash)


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("a password or PIN needs at least {n} characters", n=MIN_PASSWORD)
