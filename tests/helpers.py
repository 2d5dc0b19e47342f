"""Builders shared by tests."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.app.context import App
from trainer.app.settings import Settings
from trainer.domain.accounts import Identity
from trainer.domain.scenario import Scenario
from trainer.domain.score import ItemResult, ReplyScore
from trainer.library.loader import load_scenario_file
from trainer.storage.sync_config import SyncConfig, write_config
from trainer.storage.sync_outbox import SESSION_COLUMNS, TURN_COLUMNS

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


# -- HR's or a trainer's copy of the central record --------------------------------------------

AS_OF = "2026-12-01T09:30:00+00:00"
#: name, branch, the branch's own team, overall score, critical fails a session, days ago of the newest
CENTRAL = (("mei", "north", "Team A", 85, 0, 1), ("zoe", "north", "Team A", 35, 2, 1),
           ("li", "south", "Team B", 40, 1, 2), ("ann", "north", "Team B", 75, 0, 70))


def central_session(started: datetime, score: int, critical: int, title: str) -> dict[str, Any]:
    return {"scenario_id": "atm_card_swallowed", "scenario_title": title, "language": "en",
            "category": "system_failure", "difficulty": 1, "started_at": started.isoformat(),
            "ended_at": started.isoformat(), "status": "finished", "outcome": "resolved", "ending_id": None,
            "final_mood": 20, "turn_limit_reached": 0, "turn_count": 2, "avg_empathy": score,
            "avg_clarity": score, "avg_solution": score, "avg_overall": score, "critical_count": critical,
            "points": 999}  # what the branch stored: never taken, the copy computes its own


def fill_central(world: World, kind: str = "hr") -> None:
    """``world``'s PC syncs with an HR (or trainer) login, and its copy of the central record holds
    the four trainees of ``CENTRAL`` in two branches (regions east and west), five sessions each
    (two replies a session, the newest that many days ago), and one central override of li's, as
    a round pulls them (no round has finished: never brought up to date)."""
    now = datetime.now(UTC)
    app = world.app
    write_config(app.settings.sync_config_path, SyncConfig("postgresql://x@127.0.0.1:9/trainer", "", kind))
    app.sync_changed()
    trainees, sessions, turns = [], [], []
    for name, branch, team, score, critical, days in CENTRAL:
        t = {"uuid": str(uuid.uuid4()), "name": name, "team": team, "branch_id": branch,
             "created_at": "2026-01-01T00:00:00+00:00"}
        trainees.append(t)
        for i in range(5):
            started = now - timedelta(days=days + 3 * i)
            s = {**central_session(started, score, critical, f"Central {name} {i}"),
                 "uuid": str(uuid.uuid4()), "trainee_uuid": t["uuid"], "branch_id": branch,
                 "received_at": AS_OF}
            sessions.append(s)
            for idx in range(2):
                reply = make_score(score, score, score, critical=critical if idx == 0 else 0).to_dict()
                turns.append({
                    **dict.fromkeys(TURN_COLUMNS), "session_uuid": s["uuid"], "idx": idx,
                    "turn_id": "opening", "customer_line": "My card!", "reply": f"{name} reply {idx}",
                    "input_mode": "typed", "empathy": score, "clarity": score, "solution": score,
                    "overall": score, "score_json": json.dumps(reply), "mood_before": 60,
                    "mood_after": 50, "created_at": s["started_at"],
                    "audio_path": str(Path(__file__))})  # a path at the branch (here: a file)
    mirror = app.central_mirror
    assert {c for s in sessions for c in s} >= set(SESSION_COLUMNS)
    assert mirror.add(trainees, sessions, turns) == 20
    li = next(s for s in sessions if s["trainee_uuid"] == trainees[2]["uuid"])
    mirror.add_overrides([{"uuid": str(uuid.uuid4()), "session_uuid": li["uuid"], "dimension": "empathy",
                           "automatic": 40.0, "value": 60, "comment": "Kind in the end", "at": AS_OF,
                           "received_at": AS_OF, "made_centrally": True, "branch_id": "south"}])
    mirror.set_regions({"north": "east", "south": "west", "west_end": ""})
