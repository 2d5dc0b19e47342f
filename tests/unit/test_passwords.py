"""Issue 14, item 6: password strength by role, the scrypt cost (stored with each hash, older
hashes upgraded at sign-in), and the way back in for an HR administrator someone locked out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from trainer.app.accounts import SignInFailed
from trainer.cli import main
from trainer.domain.accounts import SCRYPT, AccessDenied, check_new_password, new_salt, password_matches
from trainer.domain.errors import InvalidInput

from helpers import PINS, hr_tina_and_ann


@pytest.mark.parametrize(("password", "role", "refused"), [
    ("1234", "trainee", "at least 6 characters"),       # the 4-digit PIN cracked offline in 198 s
    ("48213", "trainee", "at least 6 characters"),
    ("482139", "trainee", None),
    ("000000", "trainee", "too easy to guess"),
    ("123456", "trainee", "too easy to guess"),
    ("987654", "trainee", "too easy to guess"),
    ("482139", "trainer", "at least 10 characters"),
    ("nine-char", "hr_admin", "at least 10 characters"),
    ("ten-chars!", "hr_admin", None),
    ("aaaaaaaaaaaa", "trainer", "too easy to guess"),
])
def test_the_shortest_password_depends_on_what_the_account_sees(password: str, role: str,
                                                                  refused: str | None) -> None:
    if refused is None:
        check_new_password(password, role)  # type: ignore[arg-type]
    else:
        with pytest.raises(InvalidInput, match=refused):
            check_new_password(password, role)  # type: ignore[arg-type]


def test_accounts_get_the_policy_of_their_role(db_path: Path) -> None:
    world = hr_tina_and_ann(db_path, with_scorer=False)
    accounts = world.app.accounts
    world.sign_in("hr")
    with pytest.raises(InvalidInput, match="at least 6"):
        accounts.create_account("kim", "4821", "trainee")
    with pytest.raises(InvalidInput, match="at least 10"):
        accounts.create_account("kim", "482139", "trainer")
    accounts.create_account("kim", "482139", "trainee")
    # a trainee made a trainer needs a password a trainer may have, set in the same step
    with pytest.raises(InvalidInput, match="kim needs a new password of at least 10"):
        accounts.set_role("kim", "trainer")
    assert accounts.sign_in("kim", "482139").role == "trainee"  # unchanged
    world.sign_in("hr")
    accounts.set_role("kim", "trainer", "kims-trainer-password")
    with pytest.raises(SignInFailed):
        accounts.sign_in("kim", "482139")
    assert accounts.sign_in("kim", "kims-trainer-password").role == "trainer"


def test_the_cost_is_stored_with_the_hash_and_older_hashes_are_upgraded(db_path: Path) -> None:
    world = hr_tina_and_ann(db_path, with_scorer=False)
    conn = sqlite3.connect(db_path)
    [(salt, stored)] = conn.execute("SELECT salt, password_hash FROM accounts WHERE username = 'ann'")
    assert stored.startswith(f"scrypt${SCRYPT['n']}$8$1$") and SCRYPT["n"] >= 2**15
    # a hash as version 0.x stored it: bare hex, made with n=2**14
    import hashlib

    old = hashlib.scrypt(PINS["ann"].encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32).hex()
    assert password_matches(PINS["ann"], salt, old) and not password_matches("000000", salt, old)
    with conn:
        conn.execute("UPDATE accounts SET password_hash = ? WHERE username = 'ann'", [old])
    assert world.sign_in("ann").username == "ann"
    [(upgraded,)] = conn.execute("SELECT password_hash FROM accounts WHERE username = 'ann'")
    assert upgraded.startswith(f"scrypt${SCRYPT['n']}$") and password_matches(PINS["ann"], salt, upgraded)
    assert not password_matches(PINS["ann"], new_salt(), upgraded)


def lock_out(world_app_accounts: object, name: str) -> None:
    for _ in range(5):
        with pytest.raises(SignInFailed):
            world_app_accounts.sign_in(name, "wrong-password")  # type: ignore[attr-defined]


def test_a_locked_out_only_administrator_gets_back_in(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A trainee types wrong passwords at HR's name until the only administrator is locked out;
    ``trainer accounts unlock`` (no sign-in: it gives no access) lets HR back in, audited."""
    world = hr_tina_and_ann(db_path, with_scorer=False)
    accounts = world.app.accounts
    lock_out(accounts, "hr")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        accounts.sign_in("hr", PINS["hr"])
    monkeypatch.setenv("TRAINER_DB", str(db_path))
    assert main(["accounts", "unlock", "hr"]) == 0
    assert capsys.readouterr().out == "The lock on hr was lifted.\n"
    assert accounts.sign_in("hr", PINS["hr"]).role == "hr_admin"
    [entry] = [e for e in accounts.audit_log() if e["action"] == "lock_lifted"]
    assert entry["account_id"] is None and "(command line)" in entry["username"] and '"hr"' in entry["detail"]
    assert main(["accounts", "unlock", "nobody"]) == 2
    assert capsys.readouterr().err == "trainer: There is no account called 'nobody'.\n"


def test_hr_resets_a_password_which_lifts_the_lock(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    world = hr_tina_and_ann(db_path, with_scorer=False)
    accounts = world.app.accounts
    lock_out(accounts, "ann")
    world.sign_in("tina")
    with pytest.raises(AccessDenied, match="may not reset passwords"):
        accounts.reset_password("ann", "573920")
    monkeypatch.setenv("TRAINER_DB", str(db_path))
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    monkeypatch.setenv("TRAINER_NEW_PASSWORD", "1234")
    assert main(["--user", "hr", "accounts", "reset-password", "ann"]) == 2
    assert "at least 6 characters" in capsys.readouterr().err
    monkeypatch.setenv("TRAINER_NEW_PASSWORD", "573920")
    assert main(["--user", "hr", "accounts", "reset-password", "ann"]) == 0
    assert accounts.sign_in("ann", "573920").username == "ann"
    world.sign_in("hr")
    assert "password_reset" in [e["action"] for e in accounts.audit_log()]
