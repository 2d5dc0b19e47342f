"""Accounts, rights at the service layer, lockout, overrides, coaching notes, the audit log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.access_service import AccessService, SignInFailed
from trainer.app.scoring import scorer_for
from trainer.domain.accounts import AccessDenied, Identity
from trainer.domain.practice import Practice
from trainer.storage.database import open_database
from trainer.storage.repository import Repository

from helpers import bundled


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def world(db_path: Path):  # type: ignore[no-untyped-def]
    repo = Repository(open_database(db_path))
    clock = Clock()
    access = AccessService(repo, clock)
    admin = access.create_first_admin("hr", "secret-admin")
    trainer = access.create_account(admin, "tina", "1234", "trainer")
    ann = access.create_account(admin, "ann", "4321", "trainee", team="Branch 1")
    bob = access.create_account(admin, "bob", "5678", "trainee", team="Branch 1")
    practice = Practice(bundled("atm_card_swallowed"), scorer_for(), repo, ann.trainee_id)  # type: ignore[arg-type]
    practice.reply("I'm so sorry. May I see your ID card, please?")
    practice.reply("Calm down.")
    return access, clock, admin, trainer, ann, bob, practice.session_id


def test_first_run_creates_the_admin_once(world) -> None:  # type: ignore[no-untyped-def]
    access, *_ = world
    assert not access.needs_first_admin()
    with pytest.raises(AccessDenied):
        access.create_first_admin("mallory", "whatever")


def test_passwords_are_stored_only_as_salted_slow_hashes(world, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = sqlite3.connect(db_path).execute("SELECT username, salt, password_hash FROM accounts").fetchall()
    assert len({salt for _, salt, _ in rows}) == len(rows)  # a salt each
    for _username, _salt, stored in rows:
        assert len(stored) == 64 and "1234" not in stored and "secret" not in stored
    raw = db_path.read_bytes() + (db_path.parent / (db_path.name + "-wal")).read_bytes()
    assert b"secret-admin" not in raw and b"4321" not in raw


def test_sign_in_and_lockout(world) -> None:  # type: ignore[no-untyped-def]
    access, clock, *_ = world
    assert access.sign_in("ann", "4321").role == "trainee"
    for _ in range(4):
        with pytest.raises(SignInFailed, match="do not match"):
            access.sign_in("ann", "0000")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        access.sign_in("ann", "0000")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        access.sign_in("ann", "4321")  # even the right PIN waits out the pause
    clock.now += timedelta(minutes=6)
    assert access.sign_in("ann", "4321").username == "ann"
    with pytest.raises(SignInFailed, match="do not match"):
        access.sign_in("nobody", "1234")


def test_rights_are_refused_at_the_service_layer(world) -> None:  # type: ignore[no-untyped-def]
    access, _clock, _admin, trainer, ann, bob, session_id = world
    with pytest.raises(AccessDenied, match=r"ann \(trainee\) may not override scores"):
        access.override_score(ann, session_id, "empathy", 90, "I think I deserve it")
    with pytest.raises(AccessDenied):
        access.create_account(ann, "eve", "1111", "hr_admin")
    with pytest.raises(AccessDenied):
        access.set_role(trainer, "ann", "hr_admin")
    with pytest.raises(AccessDenied):
        access.audit_log(trainer)
    with pytest.raises(AccessDenied):
        access.add_coaching_note(ann, bob.trainee_id, "nice")  # type: ignore[arg-type]
    # a trainee sees only their own sessions
    assert [s["id"] for s in access.sessions_visible_to(ann)] == [session_id]
    assert access.sessions_visible_to(bob) == []
    with pytest.raises(AccessDenied):
        access.sessions_visible_to(bob, ann.trainee_id)
    with pytest.raises(AccessDenied):
        access.check_session_access(bob, session_id)
    assert access.sessions_visible_to(trainer, ann.trainee_id)[0]["id"] == session_id


def test_override_keeps_the_automatic_score_and_is_audited(world) -> None:  # type: ignore[no-untyped-def]
    access, _clock, admin, trainer, ann, _bob, session_id = world
    with pytest.raises(ValueError, match="needs a comment"):
        access.override_score(trainer, session_id, "empathy", 80, "  ")
    with pytest.raises(ValueError, match="between 0 and 100"):
        access.override_score(trainer, session_id, "empathy", 180, "typo")
    o = access.override_score(trainer, session_id, "empathy", 80, "The apology was sincere in tone.")
    session = access.repo.session(session_id)
    assert o.automatic == pytest.approx(session["avg_empathy"]) and o.value == 80
    assert access.overrides(ann, session_id) == [o]  # the trainee can read it on their session
    access.add_coaching_note(trainer, ann.trainee_id, "Lead with the apology, then the plan.", session_id)
    assert access.coaching_notes(ann, ann.trainee_id)[0]["note"].startswith("Lead with")
    actions = [e["action"] for e in access.audit_log(admin)]
    assert {"first_admin_created", "account_created", "score_overridden", "coaching_note"} <= set(actions)


def test_role_changes_are_audited_and_the_log_is_append_only(world, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    access, _clock, admin, *_ = world
    access.set_role(admin, "tina", "hr_admin")
    assert access.sign_in("tina", "1234").role == "hr_admin"
    [entry] = [e for e in access.audit_log(admin) if e["action"] == "role_changed"]
    assert '"from": "trainer"' in entry["detail"] and entry["username"] == "hr"
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_log SET action = 'nothing'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_log")


def test_identity_rights_table() -> None:
    trainee = Identity(1, "t", "trainee", 5)
    assert trainee.may("practise") and not trainee.may("export")
    assert Identity(2, "h", "hr_admin").may("view_audit")
    assert Identity(3, "tr", "trainer").may("edit_scenarios")


def test_role_changes_apply_at_once_and_the_last_admin_stays(world) -> None:  # type: ignore[no-untyped-def]
    access, _clock, admin, trainer, _ann, _bob, session_id = world
    with pytest.raises(ValueError, match="last HR administrator"):
        access.set_role(admin, "hr", "trainer")
    access.set_role(admin, "tina", "trainee")  # demoted: the old identity loses its rights now
    with pytest.raises(AccessDenied):
        access.override_score(trainer, session_id, "empathy", 70, "still a trainer?")
    access.set_role(admin, "tina", "trainer")
    tina = access.sign_in("tina", "1234")
    assert tina.trainee_id is not None  # a trainer has a profile to practise with
    # nobody overrides their own session
    access.set_role(admin, "ann", "trainer")
    with pytest.raises(AccessDenied, match="their own sessions"):
        access.override_score(access.sign_in("ann", "4321"), session_id, "empathy", 99, "mine")
