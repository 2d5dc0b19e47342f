"""Accounts, rights at the service layer, lockout, overrides, coaching notes, the audit log."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from string import hexdigits

import pytest

from trainer.app.accounts import AccountsService, SignInFailed
from trainer.app.context import App
from trainer.domain.accounts import AccessDenied, Identity, hash_password, new_salt

from helpers import PINS, ROOT, hr_tina_and_ann


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Played:
    """The usual world (hr, tina, ann, bob) on a clock the test moves, after one session of ann's."""

    app: App
    clock: Clock
    admin: Identity
    trainer: Identity
    ann: Identity
    bob: Identity
    session_id: int

    @property
    def access(self) -> AccountsService:
        return self.app.accounts


@pytest.fixture
def world(db_path: Path) -> Played:
    clock = Clock()
    w = hr_tina_and_ann(db_path, clock=clock)
    assert w.ann.trainee_id is not None
    _, session_id = w.app.practice.start(w.ann.trainee_id, "atm_card_swallowed", w.ann)
    w.app.practice.reply("I'm so sorry. May I see your ID card, please?")
    w.app.practice.reply("Calm down.")
    return Played(w.app, clock, w.hr, w.tina, w.ann, w.bob, session_id)


def test_first_run_creates_the_admin_once(world: Played) -> None:
    access = world.access
    assert not access.needs_first_admin()
    with pytest.raises(AccessDenied):
        access.create_first_admin("mallory", "whatever")


def test_passwords_are_stored_only_as_salted_slow_hashes(world: Played, db_path: Path) -> None:
    rows = sqlite3.connect(db_path).execute("SELECT username, salt, password_hash FROM accounts").fetchall()
    assert sorted(username for username, _, _ in rows) == sorted(PINS)
    assert len({salt for _, salt, _ in rows}) == len(rows)  # a salt each
    for username, salt, stored in rows:
        # the slow salted hash of the password, in hex (so a 4-digit PIN may appear in it by chance)
        assert len(stored) == 64 and set(stored) <= set(hexdigits)
        assert stored == hash_password(PINS[username], salt) != hash_password(PINS[username], new_salt())
    raw = db_path.read_bytes() + (db_path.parent / (db_path.name + "-wal")).read_bytes()
    assert PINS["hr"].encode() not in raw  # not hex, so it cannot be there by chance


def test_sign_in_and_lockout(world: Played) -> None:
    access, clock = world.access, world.clock
    assert access.sign_in("ann", PINS["ann"]).role == "trainee"
    for _ in range(4):
        with pytest.raises(SignInFailed, match="do not match"):
            access.sign_in("ann", "0000")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        access.sign_in("ann", "0000")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        access.sign_in("ann", PINS["ann"])  # even the right PIN waits out the pause
    clock.now += timedelta(minutes=6)
    assert access.sign_in("ann", PINS["ann"]).username == "ann"
    with pytest.raises(SignInFailed, match="do not match"):
        access.sign_in("nobody", "1234")


def test_rights_are_refused_at_the_service_layer(world: Played) -> None:
    app, access, trainer, ann, bob = world.app, world.access, world.trainer, world.ann, world.bob
    session_id = world.session_id
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
    history = app.progress.history
    assert [s["id"] for s in history(None, ann)] == [session_id]
    assert history(None, bob) == []
    with pytest.raises(AccessDenied):
        history(ann.trainee_id, bob)
    with pytest.raises(AccessDenied):
        access.check_session_access(bob, session_id)
    with pytest.raises(AccessDenied):
        app.practice.summary(session_id, bob)
    assert history(ann.trainee_id, trainer)[0]["id"] == session_id
    assert app.practice.summary(session_id, ann).session_id == session_id


def test_override_keeps_the_automatic_score_and_is_audited(world: Played) -> None:
    access, admin, trainer, ann = world.access, world.admin, world.trainer, world.ann
    session_id = world.session_id
    with pytest.raises(ValueError, match="needs a comment"):
        access.override_score(trainer, session_id, "empathy", 80, "  ")
    with pytest.raises(ValueError, match="between 0 and 100"):
        access.override_score(trainer, session_id, "empathy", 180, "typo")
    o = access.override_score(trainer, session_id, "empathy", 80, "The apology was sincere in tone.")
    session = world.app.repo.session(session_id)
    assert session is not None
    assert o.automatic == pytest.approx(session["avg_empathy"]) and o.value == 80
    assert access.overrides(ann, session_id) == [o]  # the trainee can read it on their session
    assert ann.trainee_id is not None
    access.add_coaching_note(trainer, ann.trainee_id, "Lead with the apology, then the plan.", session_id)
    assert access.coaching_notes(ann, ann.trainee_id)[0]["note"].startswith("Lead with")
    actions = [e["action"] for e in access.audit_log(admin)]
    assert {"first_admin_created", "account_created", "score_overridden", "coaching_note"} <= set(actions)


def test_role_changes_are_audited_and_the_log_is_append_only(world: Played, db_path: Path) -> None:
    access, admin = world.access, world.admin
    access.set_role(admin, "tina", "hr_admin")
    assert access.sign_in("tina", PINS["tina"]).role == "hr_admin"
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


def test_role_changes_apply_at_once_and_the_last_admin_stays(world: Played) -> None:
    access, admin, trainer, session_id = world.access, world.admin, world.trainer, world.session_id
    with pytest.raises(ValueError, match="last HR administrator"):
        access.set_role(admin, "hr", "trainer")
    access.set_role(admin, "tina", "trainee")  # demoted: the old identity loses its rights now
    with pytest.raises(AccessDenied):
        access.override_score(trainer, session_id, "empathy", 70, "still a trainer?")
    access.set_role(admin, "tina", "trainer")
    tina = access.sign_in("tina", PINS["tina"])
    assert tina.trainee_id is not None  # a trainer has a profile to practise with
    # nobody overrides their own session
    access.set_role(admin, "ann", "trainer")
    with pytest.raises(AccessDenied, match="their own sessions"):
        access.override_score(access.sign_in("ann", PINS["ann"]), session_id, "empathy", 99, "mine")


def test_a_trainees_own_choices_are_theirs_alone(db_path: Path) -> None:
    """Recording consent and showing initials only: the trainee sets them; nobody else can, not
    even HR, and without signing in only a database with no accounts allows it."""
    world = hr_tina_and_ann(db_path, with_scorer=False)
    accounts, ann = world.app.accounts, world.ann
    assert ann.trainee_id is not None and world.bob.trainee_id is not None
    accounts.set_record_audio(ann.trainee_id, True, ann)
    accounts.set_initials_only(ann.trainee_id, True, ann)
    row = world.app.repo.trainee_row(ann.trainee_id)
    assert row is not None and row["record_audio"] == 1 and row["initials_only"] == 1
    for other in (world.bob, world.tina, world.hr, None):
        with pytest.raises(AccessDenied):
            accounts.set_record_audio(ann.trainee_id, False, other)
        with pytest.raises(AccessDenied):
            accounts.set_initials_only(ann.trainee_id, False, other)
    row = world.app.repo.trainee_row(ann.trainee_id)
    assert row is not None and row["record_audio"] == 1 and row["initials_only"] == 1


def test_every_call_is_checked_against_the_signed_in_account(db_path: Path) -> None:
    """On a database with accounts nothing is read or played without an account, a trainee
    practises only as themselves, and test-playing a draft is a trainer's tool."""
    world = hr_tina_and_ann(db_path)
    app, ann, bob, tina = world.app, world.ann, world.bob, world.tina
    assert ann.trainee_id is not None and bob.trainee_id is not None
    _, session_id = app.practice.start(ann.trainee_id, "atm_card_swallowed", ann)
    app.practice.reply("I'm so sorry. May I see your ID card, please?")
    app.practice.stop()
    for unsigned in (lambda: app.progress.history(None), lambda: app.progress.history_page(None),
                     lambda: app.progress.dashboard(ann.trainee_id or 0),
                     lambda: app.progress.coaching(None), lambda: app.progress.leaderboard(None, "all"),
                     lambda: app.practice.summary(session_id),
                     lambda: app.practice.start(ann.trainee_id or 0, "atm_card_swallowed")):
        with pytest.raises(AccessDenied, match="sign in first"):
            unsigned()
    with pytest.raises(AccessDenied, match="may not practise as another trainee"):
        app.practice.start(ann.trainee_id, "atm_card_swallowed", bob)
    draft = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
    with pytest.raises(AccessDenied, match="may not test-play a scenario"):
        app.practice.start_draft(ann.trainee_id, draft, ann)
    assert tina.trainee_id is not None
    scenario, _ = app.practice.start_draft(tina.trainee_id, draft, tina)
    assert scenario.id == "atm_card_swallowed"
    app.practice.stop()
    assert [s["trainee"] for s in app.progress.history(None, bob)] == []  # bob sees only his own
    assert len(app.progress.leaderboard(None, "all", who=bob)) == 4 - 1  # hr has no profile
