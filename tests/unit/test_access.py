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

from helpers import PINS, ROOT, hr_tina_and_ann, open_app


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
    w.sign_in("ann")
    _, session_id = w.app.practice.start(w.ann.trainee_id, "atm_card_swallowed")
    w.app.practice.reply("I'm so sorry. May I see your ID card, please?")
    w.app.practice.reply("Calm down.")
    return Played(w.app, clock, w.hr, w.tina, w.ann, w.bob, session_id)


def as_(world: Played, name: str) -> Identity:
    return world.access.sign_in(name, PINS[name])


def test_first_run_creates_the_admin_once(world: Played) -> None:
    access = world.access
    assert not access.needs_first_admin()
    with pytest.raises(AccessDenied):
        access.create_first_admin("mallory", "whatever-long")


def test_passwords_are_stored_only_as_salted_slow_hashes(world: Played, db_path: Path) -> None:
    rows = sqlite3.connect(db_path).execute("SELECT username, salt, password_hash FROM accounts").fetchall()
    assert sorted(username for username, _, _ in rows) == sorted(PINS)
    assert len({salt for _, salt, _ in rows}) == len(rows)  # a salt each
    for username, salt, stored in rows:
        # the slow salted hash of the password (hex, after the cost it was made with)
        assert stored.startswith("scrypt$") and set(stored.rsplit("$", 1)[1]) <= set(hexdigits)
        assert stored == hash_password(PINS[username], salt) != hash_password(PINS[username], new_salt())
    raw = db_path.read_bytes() + (db_path.parent / (db_path.name + "-wal")).read_bytes()
    assert PINS["hr"].encode() not in raw  # not hex, so it cannot be there by chance


def test_sign_in_and_lockout(world: Played) -> None:
    access, clock = world.access, world.clock
    assert access.sign_in("ann", PINS["ann"]).role == "trainee"
    for _ in range(4):
        with pytest.raises(SignInFailed, match="do not match"):
            access.sign_in("ann", "000000")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        access.sign_in("ann", "000000")
    with pytest.raises(SignInFailed, match="Too many wrong attempts"):
        access.sign_in("ann", PINS["ann"])  # even the right PIN waits out the pause
    assert access.signed_in is None  # a failed sign-in signs out whoever was signed in
    clock.now += timedelta(minutes=6)
    assert access.sign_in("ann", PINS["ann"]).username == "ann"
    with pytest.raises(SignInFailed, match="do not match"):
        access.sign_in("nobody", "123456")


def test_rights_are_refused_at_the_service_layer(world: Played) -> None:
    app, access, ann, bob = world.app, world.access, world.ann, world.bob
    session_id = world.session_id
    as_(world, "ann")
    with pytest.raises(AccessDenied, match=r"ann \(trainee\) may not override scores"):
        access.override_score(session_id, "empathy", 90, "I think I deserve it")
    with pytest.raises(AccessDenied):
        access.create_account("eve", "1111111111", "hr_admin")
    with pytest.raises(AccessDenied):
        access.add_coaching_note(bob.trainee_id, "nice")  # type: ignore[arg-type]
    with pytest.raises(AccessDenied):
        access.trainees()
    history = app.progress.history
    assert [s["id"] for s in history(None)] == [session_id]  # a trainee sees only their own sessions
    as_(world, "tina")
    with pytest.raises(AccessDenied):
        access.set_role("ann", "hr_admin")
    with pytest.raises(AccessDenied):
        access.audit_log()
    assert history(ann.trainee_id)[0]["id"] == session_id
    assert {t["name"] for t in access.trainees()} == {"ann", "bob"}  # a trainer is not ranked
    as_(world, "bob")
    assert history(None) == []
    with pytest.raises(AccessDenied):
        history(ann.trainee_id)
    with pytest.raises(AccessDenied):
        access.check_session_access(session_id)
    with pytest.raises(AccessDenied):
        app.practice.summary(session_id)
    with pytest.raises(AccessDenied, match="see another trainee's progress"):
        app.practice.library(ann.trainee_id)
    with pytest.raises(AccessDenied, match="added as an account"):
        access.create_trainee("stray name")
    as_(world, "ann")
    assert app.practice.summary(session_id).session_id == session_id


def test_the_session_is_held_by_the_services_not_passed_in(world: Played) -> None:
    """No call takes an identity: a caller cannot claim to be HR. Signing out ends every right,
    on the app's second connection (the export worker's) too."""
    app, access = world.app, world.access
    as_(world, "hr")
    other = app.with_own_connection()
    try:
        assert other.accounts.caller() == access.caller()
        assert [e["action"] for e in other.accounts.audit_log()][:1] == ["signed_in"]
        access.sign_out()
        with pytest.raises(AccessDenied, match="sign in first"):
            other.accounts.audit_log()
        with pytest.raises(AccessDenied, match="sign in first"):
            access.coaching_notes(world.ann.trainee_id or 0)
    finally:
        other.close()


def test_override_keeps_the_automatic_score_and_is_audited(world: Played) -> None:
    access, ann = world.access, world.ann
    session_id = world.session_id
    as_(world, "tina")
    with pytest.raises(ValueError, match="needs a comment"):
        access.override_score(session_id, "empathy", 80, "  ")
    with pytest.raises(ValueError, match="between 0 and 100"):
        access.override_score(session_id, "empathy", 180, "typo")
    o = access.override_score(session_id, "empathy", 80, "The apology was sincere in tone.")
    session = world.app.repo.session(session_id)
    assert session is not None
    assert o.automatic == pytest.approx(session["avg_empathy"]) and o.value == 80
    assert ann.trainee_id is not None
    access.add_coaching_note(ann.trainee_id, "Lead with the apology, then the plan.", session_id)
    as_(world, "ann")
    assert access.overrides(session_id) == [o]  # the trainee can read it on their session
    assert access.coaching_notes(ann.trainee_id)[0]["note"].startswith("Lead with")
    with pytest.raises(AccessDenied):
        access.coaching_notes(world.bob.trainee_id or 0)
    as_(world, "hr")
    actions = [e["action"] for e in access.audit_log()]
    assert {"first_admin_created", "account_created", "score_overridden", "coaching_note"} <= set(actions)


def test_role_changes_are_audited_and_the_log_is_append_only(world: Played, db_path: Path) -> None:
    access = world.access
    as_(world, "hr")
    access.set_role("tina", "hr_admin")
    [entry] = [e for e in access.audit_log() if e["action"] == "role_changed"]
    assert '"from": "trainer"' in entry["detail"] and entry["username"] == "hr"
    assert access.sign_in("tina", PINS["tina"]).role == "hr_admin"
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
    access, session_id = world.access, world.session_id
    app = world.app
    as_(world, "hr")
    with pytest.raises(ValueError, match="last HR administrator"):
        access.set_role("hr", "trainer")
    tinas_pc = open_app(app.settings.db_path, with_scorer=False)  # tina signed in elsewhere
    try:
        tinas_pc.accounts.sign_in("tina", PINS["tina"])
        access.set_role("tina", "trainee")  # demoted: tina's session loses its rights at once
        with pytest.raises(AccessDenied):
            tinas_pc.accounts.override_score(session_id, "empathy", 70, "still a trainer?")
    finally:
        tinas_pc.close()
    access.set_role("tina", "trainer", PINS["tina"])  # back up: a trainer's password again
    tina = as_(world, "tina")
    assert tina.trainee_id is not None  # a trainer has a profile to practise with
    as_(world, "hr")
    access.set_role("ann", "trainer", "ann-the-trainer")  # nobody overrides their own session
    access.sign_in("ann", "ann-the-trainer")
    with pytest.raises(AccessDenied, match="their own sessions"):
        access.override_score(session_id, "empathy", 99, "mine")


def test_a_trainees_own_choices_are_theirs_alone(db_path: Path) -> None:
    """Recording consent and showing initials only: the trainee sets them; nobody else can, not
    even HR, and without signing in only a database with no accounts allows it."""
    world = hr_tina_and_ann(db_path, with_scorer=False)
    accounts, ann = world.app.accounts, world.ann
    assert ann.trainee_id is not None and world.bob.trainee_id is not None
    world.sign_in("ann")
    accounts.set_record_audio(ann.trainee_id, True)
    accounts.set_initials_only(ann.trainee_id, True)
    row = world.app.repo.trainee_row(ann.trainee_id)
    assert row is not None and row["record_audio"] == 1 and row["initials_only"] == 1
    for other in ("bob", "tina", "hr", None):
        if other is None:
            accounts.sign_out()
        else:
            world.sign_in(other)
        with pytest.raises(AccessDenied):
            accounts.set_record_audio(ann.trainee_id, False)
        with pytest.raises(AccessDenied):
            accounts.set_initials_only(ann.trainee_id, False)
    row = world.app.repo.trainee_row(ann.trainee_id)
    assert row is not None and row["record_audio"] == 1 and row["initials_only"] == 1


def test_every_call_is_checked_against_the_signed_in_account(db_path: Path) -> None:
    """On a database with accounts nothing is read or played without an account, a trainee
    practises only as themselves, and test-playing a draft is a trainer's tool."""
    world = hr_tina_and_ann(db_path)
    app, ann, bob, tina = world.app, world.ann, world.bob, world.tina
    assert ann.trainee_id is not None and bob.trainee_id is not None
    world.sign_in("ann")
    _, session_id = app.practice.start(ann.trainee_id, "atm_card_swallowed")
    app.practice.reply("I'm so sorry. May I see your ID card, please?")
    app.practice.stop()
    app.accounts.sign_out()
    for unsigned in (lambda: app.progress.history(None), lambda: app.progress.history_page(None),
                     lambda: app.progress.dashboard(ann.trainee_id or 0),
                     lambda: app.progress.coaching(None), lambda: app.progress.leaderboard(None, "all"),
                     lambda: app.progress.teams(), lambda: app.accounts.trainees(),
                     lambda: app.practice.summary(session_id), lambda: app.practice.library(ann.trainee_id),
                     lambda: app.practice.start(ann.trainee_id or 0, "atm_card_swallowed")):
        with pytest.raises(AccessDenied, match="sign in first"):
            unsigned()
    world.sign_in("bob")
    with pytest.raises(AccessDenied, match="may not practise as another trainee"):
        app.practice.start(ann.trainee_id, "atm_card_swallowed")
    assert [s["trainee"] for s in app.progress.history(None)] == []  # bob sees only his own
    assert {r.name for r in app.progress.leaderboard(None, "all")} == {"ann", "bob"}  # not HR, nor tina
    draft = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
    world.sign_in("ann")
    with pytest.raises(AccessDenied, match="may not test-play a scenario"):
        app.practice.start_draft(ann.trainee_id, draft)
    world.sign_in("tina")
    assert tina.trainee_id is not None
    scenario, _ = app.practice.start_draft(tina.trainee_id, draft)
    assert scenario.id == "atm_card_swallowed"
    app.practice.stop()


def test_a_disabled_account_cannot_sign_in_and_is_signed_out_at_once(world: Played) -> None:
    access = world.access
    elsewhere = open_app(world.app.settings.db_path, with_scorer=False)  # bob signed in on another PC
    try:
        elsewhere.accounts.sign_in("bob", PINS["bob"])
        hr = as_(world, "hr")
        with pytest.raises(ValueError, match="the account you are signed in with"):
            access.set_disabled("hr", True)
        assert access.set_disabled("bob", True) and not access.set_disabled("bob", True)
        with pytest.raises(AccessDenied, match="The account bob is disabled"):
            elsewhere.accounts.caller()
        assert elsewhere.accounts.signed_in is None
    finally:
        elsewhere.close()
    with pytest.raises(SignInFailed, match="The account bob is disabled; ask your HR administrator"):
        access.sign_in("bob", PINS["bob"])
    with pytest.raises(SignInFailed, match="do not match"):  # said only to whoever knows the password
        access.sign_in("bob", "000000")
    as_(world, "ann")
    with pytest.raises(AccessDenied, match="may not disable accounts"):
        access.set_disabled("bob", False)
    assert as_(world, "hr") == hr
    assert {a["username"]: a["disabled"] for a in access.accounts()}["bob"] is True
    access.set_disabled("bob", False)
    assert access.sign_in("bob", PINS["bob"]).username == "bob"
    as_(world, "hr")
    actions = [e["action"] for e in access.audit_log()]
    assert {"account_disabled", "account_enabled", "sign_in_refused_disabled"} <= set(actions)
