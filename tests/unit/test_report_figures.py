"""Issue 13: HR's report lines and trend, and the coaching view, however the database adds them
up, give what a straightforward computation session by session gives: on a world of several
teams and months, score overrides (the latest one counts), trainees without accounts (not
reported), sessions without replies, ties, filters of every kind, in several time zones; after
writes of every kind; and on HR's copy of the central record."""

from __future__ import annotations

import math
import random
import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from trainer.app.context import App
from trainer.domain.incentives import IncentiveRules, evaluate, level_for, needs_attention
from trainer.domain.scenario import CATEGORIES, DIMENSIONS
from trainer.export.report import TraineeLine, TrendPoint, bucket_size, trainee_lines, trend
from trainer.export.selection import ExportFilter
from trainer.storage.records import Records
from trainer.storage.repository import Repository, fact_from_row
from trainer.storage.totals import SESSION_TOTALS_SQL

from helpers import enrol, open_app

TODAY = date.today()
TEAMS = ("North", "South", "East", "")
OUTCOMES = ("resolved", "escalated", "walked_out")
ZONES = ("UTC", "Asia/Shanghai", "America/New_York", "Asia/Kathmandu")
SELECTIONS = (
    ExportFilter(date(2000, 1, 1), TODAY),  # all time
    ExportFilter(TODAY - timedelta(days=250), TODAY - timedelta(days=40)),  # months, cut mid-month
    ExportFilter(TODAY - timedelta(days=120), TODAY - timedelta(days=7)),  # weeks
    ExportFilter(TODAY - timedelta(days=20), TODAY),  # days
    ExportFilter(TODAY - timedelta(days=400), TODAY + timedelta(days=10)),
    ExportFilter(date(2000, 1, 1), TODAY, team="North"),
    ExportFilter(TODAY - timedelta(days=300), TODAY - timedelta(days=3), team=""),
    ExportFilter(date(2000, 1, 1), TODAY, trainee="T03"),
    ExportFilter(date(2000, 1, 1), TODAY, category=CATEGORIES[2]),
    ExportFilter(TODAY - timedelta(days=90), TODAY - timedelta(days=60), "South", None, CATEGORIES[0]),
    ExportFilter(date(2001, 1, 1), date(2001, 12, 31)),  # nobody practised then
)


# -- the world ----------------------------------------------------------------------------------


def _stamp(moment: datetime, rng: random.Random) -> str:
    """As the app writes them (milliseconds), now and then as the bench does (microseconds)."""
    return moment.isoformat(timespec="microseconds" if rng.random() < 0.2 else "milliseconds")


def _session(rng: random.Random, trainee: int, started: str) -> dict[str, Any]:
    turns = rng.choice([0, 1, 2, 3, 3, 4, 5])
    scores: list[float | None] = [
        None if not turns or rng.random() < 0.02 else rng.choice(
            [rng.uniform(0, 100), rng.randrange(101) / turns, 62.25, 70.0]) for _ in range(3)]
    overall = None if scores[0] is None else sum(s or 0.0 for s in scores) / 3
    return {"trainee_id": trainee, "scenario_id": f"s{rng.randrange(6)}", "scenario_title": "t",
            "language": rng.choice(["en", "zh-CN"]), "category": rng.choice(CATEGORIES),
            "difficulty": 1 + rng.randrange(3), "started_at": started,
            "status": rng.choice(["finished"] * 6 + ["stopped", "unfinished", "in_progress"]),
            "outcome": rng.choice([*OUTCOMES, None]), "turn_count": turns, "avg_empathy": scores[0],
            "avg_clarity": scores[1], "avg_solution": scores[2], "avg_overall": overall,
            "critical_count": None if rng.random() < 0.05 else rng.randrange(3),
            "turn_limit_reached": 0}


def fill(db: Any, seed: int = 11, trainees: int = 14, *, accounts: bool = True,
         first: int = 1) -> None:
    """Trainees of four teams (one without a team); on a database with accounts, every seventh has
    no account (so is not reported); each practised 0 to 44 times over ten months at any hour,
    now and then twice at the same moment (the first trainee's newest twelve all at once); about
    one session in six overridden, some twice."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    conn = db.conn
    with conn:
        for t in range(first, first + trainees):
            conn.execute("INSERT INTO trainees (id, name, team, created_at) VALUES (?, ?, ?, ?)",
                         [t, f"T{t:02d}", TEAMS[t % 4], now.isoformat()])
            if accounts and t % 7:
                enrol(conn, t, f"T{t:02d}")
            started = ""
            for _ in range(rng.randrange(45)):
                if not started or rng.random() > 0.05:  # else: a tie with the one before
                    started = _stamp(now - timedelta(minutes=rng.randrange(300 * 24 * 60)), rng)
                db.table("sessions").insert(_session(rng, t, started))
            if t == first:  # their newest twelve at one moment: which of them count as the newest?
                moment = _stamp(now - timedelta(hours=3), rng)
                for k in range(12):
                    db.table("sessions").insert({**_session(rng, t, moment), "status": "finished",
                                                 "turn_count": 3, "avg_overall": 8.0 * k})
        coach = conn.execute("SELECT id FROM accounts ORDER BY id LIMIT 1").fetchone()
        ids = [r[0] for r in conn.execute("SELECT id FROM sessions WHERE trainee_id >= ?", [first])]
        for sid in rng.sample(ids, len(ids) // 6):
            for _ in range(rng.choice([1, 1, 2, 3])):
                conn.execute(
                    "INSERT INTO score_overrides (session_id, dimension, automatic, value, comment, "
                    "account_id, at) VALUES (?, ?, 0, ?, 'reviewed', ?, ?)",
                    [sid, rng.choice(DIMENSIONS), rng.randrange(101), coach[0] if coach else 0,
                     now.isoformat()])


@pytest.fixture
def world(db_path: Path) -> Iterator[App]:
    app = open_app(db_path, with_scorer=False)
    app.accounts.create_first_admin("hr", "secret-admin")  # and signed in: HR sees reports
    fill(app.repo.db)
    yield app
    app.close()


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    clock.tzset()
    yield request.param
    monkeypatch.undo()
    clock.tzset()


# -- what a straightforward computation gives ------------------------------------------------------


def _rows(db: Any, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, args)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def _ranked(db: Any) -> set[int]:
    trainees = {r["id"] for r in _rows(db, "SELECT id FROM trainees")}
    if not _rows(db, "SELECT 1 FROM accounts"):
        return trainees
    return {r["trainee_id"] for r in _rows(db, "SELECT trainee_id FROM accounts WHERE role = 'trainee'")
            } & trainees


def _chosen(db: Any, selection: ExportFilter) -> tuple[list[dict[str, Any]], dict[int, list[Any]]]:
    """The sessions of the selection with replies, oldest first, and every override by session."""
    start, end = selection.utc_bounds()
    trainees = {r["id"]: r for r in _rows(db, "SELECT * FROM trainees")}
    ranked = _ranked(db)
    chosen = [s for s in _rows(db, "SELECT * FROM sessions ORDER BY started_at, id")
              if s["turn_count"] and start <= s["started_at"] < end and s["trainee_id"] in ranked
              and selection.team in (None, trainees[s["trainee_id"]]["team"])
              and selection.trainee in (None, trainees[s["trainee_id"]]["name"])
              and selection.category in (None, s["category"])]
    overrides: dict[int, list[Any]] = {}
    for o in _rows(db, "SELECT * FROM score_overrides ORDER BY id"):
        overrides.setdefault(o["session_id"], []).append(o)
    return chosen, overrides


def _scored(s: dict[str, Any], overrides: dict[int, list[Any]], d: str) -> float:
    latest = [o for o in overrides.get(s["id"], []) if o["dimension"] == d]
    return float(latest[-1]["value"]) if latest else float(s[f"avg_{d}"] or 0.0)


def figure(values: list[float]) -> frozenset[float]:
    """What an average of ``values`` may show, to one decimal: the exact mean rounded; either
    neighbour where the exact mean is a tie (62.25 | 62.35): which one the order of the additions
    decides, in any plan of any query (a sum of floats is exact only to its last bit)."""
    if not values:
        return frozenset({0.0})
    tenths = sum(Fraction(v) for v in values) / len(values) * 10
    low = math.floor(tenths)
    if abs(tenths - low - Fraction(1, 2)) < Fraction(1, 10**9):
        return frozenset({round(low / 10, 1), round((low + 1) / 10, 1)})
    return frozenset({round(float(tenths) / 10, 1)})


def differences(got: list[Any], expected: list[Any]) -> list[str]:
    """Where lines or trend points differ from ``expected``, whose averages are the sets of what
    they may show (see :func:`figure`)."""
    if len(got) != len(expected):
        return [f"{len(got)} rows, expected {len(expected)}"]
    found = []
    for mine, wanted in zip(got, expected, strict=True):
        for name, value in vars(wanted).items():
            have = getattr(mine, name)
            if isinstance(value, dict) and value and isinstance(next(iter(value.values())), frozenset):
                wrong = set(have) != set(value) or any(have[d] not in value[d] for d in value)
            else:
                wrong = have != value
            if wrong:
                found.append(f"{wanted.trainee_id if hasattr(wanted, 'name') else wanted.start}: "
                             f"{name} {have}, expected {value}")
    return found


def expected_lines(db: Any, selection: ExportFilter, rules: IncentiveRules) -> list[TraineeLine]:
    """The lines, each average the set of what it may show (see :func:`figure`)."""
    start, end = selection.utc_bounds()
    chosen, overrides = _chosen(db, selection)
    trainees = {r["id"]: r for r in _rows(db, "SELECT * FROM trainees")}
    every = _rows(db, "SELECT * FROM sessions")
    lines = []
    for tid in {s["trainee_id"] for s in chosen}:
        mine = [s for s in chosen if s["trainee_id"] == tid]
        facts = [fact_from_row(r) for r in db.conn.execute(
            "SELECT id, trainee_id, scenario_id, category, difficulty, started_at, status, outcome, "
            "avg_empathy, avg_clarity, avg_solution, avg_overall, critical_count, turn_count FROM sessions "
            "WHERE trainee_id = ? AND started_at < ? ORDER BY started_at", [tid, end])]
        progress = evaluate(facts, rules, selection.date_to)
        level, _ = level_for(progress.points, rules)
        written = sum(len(overrides.get(s["id"], [])) for s in every if s["trainee_id"] == tid
                      and start <= s["started_at"] < end and selection.category in (None, s["category"]))
        lines.append(TraineeLine(
            tid, trainees[tid]["name"], trainees[tid]["team"] or "", len(mine),
            sum(s["turn_count"] for s in mine),
            {d: figure([s[f"avg_{d}"] for s in mine if s[f"avg_{d}"] is not None]) for d in DIMENSIONS},
            {d: figure([_scored(s, overrides, d) for s in mine]) for d in DIMENSIONS},  # type: ignore[misc]
            sum(s["critical_count"] or 0 for s in mine),
            {o: sum(1 for s in mine if s["outcome"] == o) for o in OUTCOMES}, written, level.name,
            level.name_zh, progress.points, progress.certification.certified))
    return sorted(lines, key=lambda line: (line.team, line.name))


def _bucket(day: date, size: str) -> date:
    if size == "day":
        return day
    if size == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def expected_trend(db: Any, selection: ExportFilter) -> tuple[str, list[TrendPoint]]:
    size = bucket_size(selection.date_from, selection.date_to)
    chosen, overrides = _chosen(db, selection)
    buckets: dict[date, list[dict[str, Any]]] = {}
    for s in chosen:
        day = datetime.fromisoformat(s["started_at"]).astimezone().date()
        buckets.setdefault(_bucket(day, size), []).append(s)
    points, start = [], _bucket(selection.date_from, size)
    while start <= selection.date_to:
        mine = buckets.pop(start, [])
        points.append(TrendPoint(start, len(mine), {  # type: ignore[arg-type]
            d: figure([_scored(s, overrides, d) for s in mine]) for d in DIMENSIONS} if mine else {}))
        start = _bucket(start + timedelta(days=32 if size == "month" else 7 if size == "week" else 1), size)
    assert not buckets  # every chosen session is in a point of the period
    return size, points


def expected_attention(app: App, db: Any, team: str | None) -> dict[int, tuple[Any, ...]]:
    repo = Repository(db)
    found = {}
    for t in repo.trainees(team):
        attention = needs_attention(t["id"], repo.session_facts(t["id"]), app.rules.attention, TODAY)
        if attention is not None:
            found[t["id"]] = (t["name"], t["team"], attention.reasons, attention.detail)
    return found


def check(app: App, db: Any, selections: tuple[ExportFilter, ...] = SELECTIONS, *,
          coaching: bool = True) -> None:
    """The report of every selection (lines and trend, through the service) and the coaching view
    of every team against the straightforward figures."""
    for selection in selections:
        report = app.reports.report(selection)
        assert differences(report.lines, expected_lines(db, selection, app.rules)) == [], selection
        size, points = expected_trend(db, selection)
        assert report.trend_size == size and differences(report.trend, points) == [], selection
    for team in (None, *TEAMS) if coaching else ():
        rows = app.progress.coaching(team, TODAY)
        got = {r.trainee_id: (r.name, r.team, r.reasons, r.detail) for r in rows}
        assert got == expected_attention(app, db, team), team


# -- the tests ---------------------------------------------------------------------------------------


def test_the_world_has_what_the_figures_must_get_right(world: App) -> None:
    db = world.repo.db
    everything, overrides = _chosen(db, SELECTIONS[0])
    assert len({s["trainee_id"] for s in everything}) >= 8 and len(everything) > 200
    assert {s["trainee_id"] for s in everything} < {r["id"] for r in _rows(db, "SELECT id FROM trainees")}
    assert _rows(db, "SELECT 1 FROM sessions s WHERE trainee_id % 7 = 0 AND turn_count > 0")  # unreported
    assert _rows(db, "SELECT 1 FROM sessions GROUP BY trainee_id, started_at HAVING COUNT(*) > 1")  # ties
    assert max(len(v) for v in overrides.values()) > 1
    assert len({s["started_at"][:7] for s in everything}) >= 10  # months
    lines = expected_lines(db, SELECTIONS[0], world.rules)
    assert any(line.with_overrides != line.automatic for line in lines)
    ties = [v for selection in SELECTIONS for line in expected_lines(db, selection, world.rules)
            for v in line.with_overrides.values() if len(v) == 2]
    assert ties  # averages that are ties at the rounding digit, too
    assert expected_attention(world, db, None)


def test_reports_and_coaching_match_the_straightforward_figures(world: App, zone: str) -> None:
    check(world, world.repo.db)


def test_and_still_do_after_writes_of_every_kind(world: App) -> None:
    db = world.repo.db
    check(world, db, SELECTIONS[:2])
    rng = random.Random(4)
    conn = db.conn
    old = (datetime.now(UTC) - timedelta(days=200)).isoformat(timespec="milliseconds")
    with conn:
        db.table("sessions").insert(_session(rng, 2, old))  # in a month long past
        moved = conn.execute("SELECT id FROM sessions WHERE turn_count > 0 ORDER BY id LIMIT 3").fetchall()
        # (a counted session changed: its trainee's points are computed again, see Standings)
        conn.execute("UPDATE sessions SET started_at = ?, points = NULL WHERE id = ?", [old, moved[0][0]])
        conn.execute("UPDATE sessions SET points = NULL WHERE trainee_id IN (5, (SELECT trainee_id "
                     "FROM sessions WHERE id = ?))", [moved[1][0]])
        conn.execute("UPDATE sessions SET trainee_id = 5 WHERE id = ?", [moved[1][0]])
        conn.execute("UPDATE sessions SET outcome = 'walked_out', status = 'finished', points = NULL "
                     "WHERE id = ?", [moved[2][0]])
        # a reply more in a session that has points: as the repository records one
        sid = conn.execute("SELECT id FROM sessions WHERE points IS NOT NULL ORDER BY id DESC").fetchone()[0]
        conn.execute("INSERT INTO turns (session_id, idx, reply, empathy, clarity, solution, overall, "
                     "critical_count, created_at) VALUES (?, 99, 'r', 3, 4, 5, 4, 1, ?)", [sid, old])
        conn.execute(SESSION_TOTALS_SQL + ", points = NULL WHERE id = ?", [sid])
        gone = conn.execute("SELECT id FROM sessions WHERE turn_count > 0 ORDER BY id LIMIT 1 OFFSET 9"
                            ).fetchone()[0]
        conn.execute("DELETE FROM score_overrides WHERE session_id = ?", [gone])
        conn.execute("DELETE FROM turns WHERE session_id = ?", [gone])
        conn.execute("UPDATE sessions SET points = NULL WHERE trainee_id = (SELECT trainee_id FROM sessions "
                     "WHERE id = ?)", [gone])
        conn.execute("DELETE FROM sessions WHERE id = ?", [gone])
        conn.execute("INSERT INTO score_overrides (session_id, dimension, automatic, value, comment, "
                     "account_id, at) VALUES (?, 'clarity', 0, 1, 'later', 1, ?)", [moved[1][0], old])
        enrol(conn, 7, "T07")  # a trainee without an account gets one: now reported
    check(world, db)
    world.rules = IncentiveRules.model_validate({**world.rules.model_dump(), "points": {
        **world.rules.points.model_dump(), "outcome_bonus": {"resolved": 300}}})  # every point again
    check(world, db, SELECTIONS[:3], coaching=False)


def test_a_database_of_before_the_report_summary_gets_it_on_opening(db_path: Path) -> None:
    """Migration 13 adds up the sessions already there (then the triggers keep the sums)."""
    app = open_app(db_path, with_scorer=False)
    app.accounts.create_first_admin("hr", "secret-admin")
    fill(app.repo.db)
    conn = app.repo.db.conn
    with conn:  # as a database of schema 13 has it: no summary
        for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', "
                                       "'trigger') AND name LIKE 'report_months%'").fetchall():
            conn.execute(f"DROP {kind} {name}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0014_report_months'")
        conn.execute("DROP INDEX sessions_certifying")
        conn.execute("PRAGMA user_version = 13")
    app.close()
    app = open_app(db_path, with_scorer=False)
    assert app.repo.db.execute("SELECT COUNT(*) FROM report_months").fetchone()[0] > 50
    app.accounts.sign_in("hr", "secret-admin")
    check(app, app.repo.db)


def test_on_a_database_without_accounts_every_trainee_counts(db_path: Path) -> None:
    app = open_app(db_path, with_scorer=False)  # the command line's, one person's: no sign-in
    fill(app.repo.db, seed=5, accounts=False)
    db = app.repo.db
    assert _ranked(db) == {r["id"] for r in _rows(db, "SELECT id FROM trainees")}
    lines = {line.trainee_id for line in trainee_lines(Records(db), SELECTIONS[0], app.rules)}
    assert 7 in lines and lines == {line.trainee_id for line in expected_lines(db, SELECTIONS[0], app.rules)}
    for selection in SELECTIONS[:4]:
        lines = trainee_lines(Records(db), selection, app.rules)
        assert differences(lines, expected_lines(db, selection, app.rules)) == []
        size, points = trend(Records(db), selection)
        assert (size, differences(points, expected_trend(db, selection)[1])) == (
            expected_trend(db, selection)[0], [])
    app.accounts.create_first_admin("hr", "secret-admin")  # from now on only trainee accounts count
    check(app, db, SELECTIONS[:2])
    assert not app.reports.report(SELECTIONS[0]).lines


def test_hrs_copy_of_the_central_record(db_path: Path, tmp_path: Path) -> None:
    """On a PC that syncs with an HR login, reports read the central record's copy (pulled from
    the server into a database of its own), not the PC's own practice."""
    from trainer.storage.sync_config import SyncConfig, write_config

    app = open_app(db_path, with_scorer=False)
    app.accounts.create_first_admin("hr", "secret-admin")
    fill(app.repo.db, seed=2, trainees=5)  # this PC's own practice: not in these reports
    write_config(app.settings.sync_config_path, SyncConfig("postgresql://hr@127.0.0.1:9/trainer", "", "hr"))
    app.sync_changed()
    assert app.reads_central_record
    mirror = app.central_mirror
    source = open_app(tmp_path / "branches.db", with_scorer=False).repo.db  # what the server holds
    fill(source, seed=3, trainees=12, accounts=False)
    _pull(mirror, source, "2000")
    mirrored = (*SELECTIONS[:5], ExportFilter(date(2000, 1, 1), TODAY, team="north · South"),
                ExportFilter(date(2000, 1, 1), TODAY, category=CATEGORIES[1]))
    check(app, mirror.db, mirrored, coaching=False)  # (the coaching view reads this PC's practice)
    fill(source, seed=8, trainees=4, accounts=False, first=40)  # another round: more, older and newer
    _pull(mirror, source, "2000")
    check(app, mirror.db, (*mirrored, *SELECTIONS[5:]), coaching=False)


def _pull(mirror: Any, source: Any, after: str) -> None:
    """What a sync round pulls: the source's trainees, sessions, turns and overrides, as the server
    sends them."""
    from trainer.storage.sync_outbox import SESSION_COLUMNS

    trainees = [{"uuid": r["uuid"], "name": r["name"], "team": r["team"], "created_at": r["created_at"],
                 "branch_id": "north"} for r in _rows(source, "SELECT * FROM trainees")]
    by_id = {r["id"]: r["uuid"] for r in _rows(source, "SELECT id, uuid FROM trainees")}
    sessions = [{**{c: s[c] for c in SESSION_COLUMNS}, "trainee_uuid": by_id[s["trainee_id"]],
                 "branch_id": "north", "received_at": f"{after}-01-01T00:00:00+00:00"}
                for s in _rows(source, "SELECT * FROM sessions")]
    mirror.add(trainees, sessions, [])
    session_uuid = {r["id"]: r["uuid"] for r in _rows(source, "SELECT id, uuid FROM sessions")}
    mirror.add_overrides([{"uuid": o["uuid"], "session_uuid": session_uuid[o["session_id"]],
                           "dimension": o["dimension"], "automatic": o["automatic"], "value": o["value"],
                           "comment": o["comment"], "at": o["at"], "received_at": o["at"],
                           "made_centrally": False, "branch_id": "north"}
                          for o in _rows(source, "SELECT * FROM score_overrides ORDER BY id")])
