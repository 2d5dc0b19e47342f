"""Builders shared by tests."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trainer.app.context import App
from trainer.app.settings import Settings
from trainer.domain.accounts import Identity
from trainer.domain.scenario import Scenario
from trainer.domain.score import ItemResult, ReplyScore
from trainer.library.loader import load_scenario_file

ROOT = Path(__file__).resolve().parent.parent


def bundled(scenario_id: str) -> Scenario:
    return load_scenario_file(ROOT / "scenarios" / f"{scenario_id}.yaml").scenario


def make_score(
    empathy: int = 50, clarity: int = 50, solution: int = 50, steps: tuple[str, ...] = (),
    penalties: int = 0, critical: int = 0,
) -> ReplyScore:
    """A score as a scorer would return it, for testing what consumes scores."""
    from trainer.domain.score import CriticalFail

    items = tuple(
        ItemResult("empathy", "dismissal", True, -30, f"calm down {i}", 0, 9, "Dismisses.")
        for i in range(penalties)
    )
    crit = tuple(CriticalFail("forbidden_phrase", f"phrase {i}", 0, 8, "Forbidden.")
                 for i in range(critical))
    return ReplyScore(empathy, clarity, solution, "en", items, crit, frozenset(steps))


def open_app(db_path: Path, *, data_dir: Path | None = None, clock: Callable[[], datetime] | None = None,
             with_scorer: bool = True) -> App:
    """The application on a real database file, as the app and the command line open it; the
    branch's files (rules, rubric) are looked for in ``data_dir`` (default: beside the database)."""
    settings = Settings(data_dir=data_dir or db_path.parent, db_path=db_path)
    app = App(settings, clock=clock) if clock is not None else App(settings)
    app.open(with_scorer=with_scorer)
    return app


@dataclass(frozen=True)
class World:
    """The accounts most tests need: HR, a trainer and two trainees (see :func:`hr_tina_and_ann`)."""

    app: App
    hr: Identity
    tina: Identity
    ann: Identity
    bob: Identity

    def sign_in(self, name: str) -> Identity:
        """Sign ``name`` in to the app (with their password from ``PINS``): the services act
        for whoever is signed in."""
        return self.app.accounts.sign_in(name, PINS.get(name, PINS["ann"]))


PINS = {"hr": "secret-admin", "tina": "trainer-secret", "ann": "438021", "bob": "570913"}


def trainee_account(world: World, name: str, team: str = "") -> Identity:
    """Another trainee with an account of their own (password ``PINS["ann"]``), created by HR and
    then signed in."""
    world.sign_in("hr")
    world.app.accounts.create_account(name, PINS["ann"], "trainee", team=team)
    return world.sign_in(name)


def hr_tina_and_ann(db_path: Path, *, clock: Callable[[], datetime] | None = None,
                    with_scorer: bool = True, fresh: bool = False) -> World:
    """The one builder of the usual world: an HR admin (hr), a trainer (tina, team Branch 1) and
    two trainees (ann and bob, team Branch 1), with the passwords in ``PINS``; tina signed in.

    The accounts are made once per test process, through the service as a user makes them, and
    copied for each test (each password costs a slow hash; see ``domain.accounts``); ``fresh``:
    made anew instead, for a test that needs two databases made apart (their own trainee UUIDs)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_world_template() if not fresh else _make_world(db_path.parent / ".fresh"), db_path)
    app = open_app(db_path, clock=clock, with_scorer=with_scorer)
    store = app.account_store

    def identity(name: str) -> Identity:
        row = store.by_name(name)
        assert row is not None
        return Identity(row["id"], row["username"], row["role"], row["trainee_id"])

    tina = app.accounts.sign_in("tina", PINS["tina"])
    return World(app, identity("hr"), tina, identity("ann"), identity("bob"))


_TEMPLATE: list[Path] = []


def _world_template() -> Path:
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="trainer-world-"))
        atexit.register(shutil.rmtree, folder, True)
        _TEMPLATE.append(_make_world(folder))
    return _TEMPLATE[0]


def _make_world(folder: Path) -> Path:
    """The usual accounts in ``folder/world.db``, made through the service."""
    folder.mkdir(parents=True, exist_ok=True)
    app = open_app(folder / "world.db", with_scorer=False)
    accounts = app.accounts
    accounts.create_first_admin("hr", PINS["hr"])  # and signed in
    accounts.create_account("tina", PINS["tina"], "trainer", team="Branch 1")
    accounts.create_account("ann", PINS["ann"], "trainee", team="Branch 1")
    accounts.create_account("bob", PINS["bob"], "trainee", team="Branch 1")
    app.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    app.close()
    return folder / "world.db"


def enrol(conn: object, trainee_id: int, name: str) -> None:
    """A trainee account for a profile a test made straight in the database (on a database with
    accounts only trainee accounts are ranked and reported); it cannot sign in."""
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO accounts (username, role, trainee_id, salt, password_hash, created_at) "
        "VALUES (?, 'trainee', ?, '00', 'no sign-in', '2026-01-01')", [name, trainee_id])
