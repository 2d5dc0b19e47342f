"""Who may do what, and how passwords are kept: roles, rights and the password hash policy.

Passwords (or PINs) are stored only as salted scrypt hashes (a slow key-derivation function, in
the standard library), compared in constant time; each hash carries the cost it was made with, so
the cost can rise and older hashes are upgraded at the next sign-in. A trainee's PIN has at least
``MIN_PASSWORD["trainee"]`` characters, a trainer's or HR administrator's password at least
``MIN_PASSWORD["trainer"]``; one repeated character or a run of digits (``123456``) is refused.
After ``MAX_FAILURES`` wrong attempts in a row an account is locked for ``LOCK_MINUTES``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from itertools import pairwise
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

#: The shortest password each role may choose: six digits for a trainee's PIN (a four-digit one
#: was cracked offline in minutes), ten characters for the accounts that see everyone's data.
MIN_PASSWORD: dict[Role, int] = {"trainee": 6, "trainer": 10, "hr_admin": 10}
MAX_FAILURES = 5
LOCK_MINUTES = 5
# scrypt cost: n=2**15, r=8 (32 MiB, about 100-150 ms a sign-in on a 2-core PC; measured with
# bench/sign_in.py): slow for guessing, quick enough for one sign-in.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_LEGACY = {"n": 2**14, "r": 8, "p": 1}  # hashes stored before the cost was written with them
_DKLEN = 32


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
    """``scrypt$n$r$p$hex``: the hash with the cost it was made with."""
    cost = SCRYPT
    return f"scrypt${cost['n']}${cost['r']}${cost['p']}${_scrypt(password, salt, cost)}"


def password_matches(password: str, salt: str, expected_hash: str) -> bool:
    cost, digest = _parse(expected_hash)
    return hmac.compare_digest(_scrypt(password, salt, cost), digest)


def needs_rehash(stored_hash: str) -> bool:
    """Whether a stored hash was made with a lower cost than today's (rehashed at sign-in)."""
    return _parse(stored_hash)[0] != SCRYPT


def _parse(stored: str) -> tuple[dict[str, int], str]:
    if not stored.startswith("scrypt$"):
        return _LEGACY, stored
    _, n, r, p, digest = stored.split("$")
    return {"n": int(n), "r": int(r), "p": int(p)}, digest


def _scrypt(password: str, salt: str, cost: dict[str, int]) -> str:
    memory = 128 * cost["n"] * cost["r"] * cost["p"]
    return hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=_DKLEN,
                          maxmem=2 * memory + 2**20, **cost).hex()


def check_new_password(password: str, role: Role) -> None:
    """Refuses a password too short for ``role``, or one that is a single repeated character or a
    run of digits (123456, 987654)."""
    shortest = MIN_PASSWORD[role]
    if len(password) < shortest:
        if role == "trainee":
            raise InvalidInput("a trainee's PIN or password needs at least {n} characters", n=shortest)
        raise InvalidInput("a trainer's or HR administrator's password needs at least {n} characters",
                           n=shortest)
    if _too_easy(password):
        raise InvalidInput("that password is too easy to guess (one character repeated, or a run of "
                           "digits); choose another")


def _too_easy(password: str) -> bool:
    if len(set(password)) == 1:
        return True
    if password.isdigit():
        steps = {int(b) - int(a) for a, b in pairwise(password)}
        return steps in ({1}, {-1})
    return False
