"""Leaderboards and the coaching view added up in SQL give what the domain's rules give on every
session (``incentives.leaderboard``, ``needs_attention``), and stored points follow rule changes."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from trainer.domain.incentives import IncentiveRules, leaderboard, needs_attention, period_start
from trainer.domain.scenario import CATEGORIES

from helpers import enrol, open_app

TODAY = date.today()


def _fill(app, trainees: int = 12, sessions: int = 30,  # type: ignore[no-untyped-def]
          accounts: bool = False) -> None:
    rng = random.Random(3)
    conn = app.repo.db.conn
    now = datetime.now(UTC)
    with conn:
        for t in range(1, trainees + 1):
            conn.execute("INSERT INTO trainees (id, name, team, created_at) VALUES (?, ?, ?, ?)",
                         [t, f"T{t}", f"Branch {t % 3}", now.isoformat()])
            if accounts:  # on a database with accounts, only trainee accounts are ranked
                enrol(conn, t, f"T{t}")
            for _ in range(rng.randrange(sessions) if t % 5 else 0):  # some never practised
                e, c, s = (rng.uniform(20, 95) for _ in range(3))
                status = rng.choice(["finished"] * 5 + ["stopped", "unfinished"])
                conn.execute(
                    "INSERT INTO sessions (trainee_id, scenario_id, scenario_title, language, category, "
                    "difficulty, started_at, status, outcome, turn_count, avg_empathy, avg_clarity, "
                    "avg_solution, avg_overall, critical_count, turn_limit_reached) "
                    "VALUES (?, 's', 't', 'en', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    [t, rng.choice(CATEGORIES), 1 + rng.randrange(3),
                     (now - timedelta(days=rng.randrange(90), minutes=rng.randrange(900))).isoformat(),
                     status, rng.choice(["resolved", "escalated", "walked_out"]), rng.randrange(0, 5),
                     e, c, s, (e + c + s) / 3, int(rng.random() < 0.2)])


def _expected_board(app, team, period):  # type: ignore[no-untyped-def]
    since = period_start(period, TODAY)
    facts = app.repo.facts_by_trainee(team)
    for t in app.repo.trainees(team):
        facts.setdefault(t["id"], [])
    return [(tid, pts, n) for tid, pts, n in leaderboard(facts, app.rules.points, since)]


def test_leaderboards_match_the_rules_on_every_session(db_path: Path) -> None:
    app = open_app(db_path, with_scorer=False)
    _fill(app)
    for team in (None, "Branch 1"):
        for period in ("week", "month", "all"):
            board = app.progress.leaderboard(team, period, TODAY)
            got = [(r.trainee_id, r.points, r.sessions) for r in board]
            assert got == _expected_board(app, team, period), (team, period)


def test_stored_points_follow_a_change_of_rules(db_path: Path) -> None:
    app = open_app(db_path, with_scorer=False)
    _fill(app)
    before = app.progress.leaderboard(None, "all", TODAY)
    app.rules = IncentiveRules.model_validate({**app.rules.model_dump(), "points": {
        **app.rules.points.model_dump(), "outcome_bonus": {"resolved": 500}}})
    after = app.progress.leaderboard(None, "all", TODAY)
    expected = [(t, p) for t, p, _ in _expected_board(app, None, "all")]
    assert [(r.trainee_id, r.points) for r in after] == expected
    assert after != before


def test_coaching_judges_the_newest_sessions_as_the_rules_do(db_path: Path) -> None:
    app = open_app(db_path, with_scorer=False)
    _fill(app, sessions=40)
    facts = app.repo.facts_by_trainee(None)
    expected = {t["id"]: needs_attention(t["id"], facts.get(t["id"], []), app.rules.attention, TODAY)
                for t in app.repo.trainees()}
    got = {r.trainee_id: (r.reasons, r.detail) for r in app.progress.coaching(None, TODAY)}
    assert got == {tid: (a.reasons, a.detail) for tid, a in expected.items() if a is not None}
    assert got  # the world has trainees who need attention (never practised, at least)


def test_reports_add_up_in_sql_as_the_rules_do_session_by_session(db_path: Path) -> None:
    """Trainee lines and the trend, aggregated in SQL, against the same figures computed session
    by session in Python (latest override in place of the automatic score; standing from every
    session before the period's end)."""
    from trainer.domain.incentives import evaluate
    from trainer.export.report import trend
    from trainer.export.selection import ExportFilter
    from trainer.storage.records import Records

    app = open_app(db_path, with_scorer=False)
    app.accounts.create_first_admin("hr", "secret-admin")
    _fill(app, sessions=40, accounts=True)
    app.accounts.create_account("tina", "trainer-secret", "trainer")
    app.accounts.sign_in("tina", "trainer-secret")
    rng = random.Random(5)
    sessions = [s for s in app.repo.history() if s["turns"] > 0]
    for s in rng.sample(sessions, 25):
        for _ in range(rng.randrange(1, 3)):  # sometimes twice: the latest counts
            app.accounts.override_score(s["id"], rng.choice(["empathy", "clarity", "solution"]),
                                        rng.randrange(101), "reviewed")
    app.accounts.sign_in("hr", "secret-admin")
    for selection in (ExportFilter(TODAY - timedelta(days=45), TODAY - timedelta(days=10)),
                      ExportFilter(TODAY - timedelta(days=200), TODAY, team="Branch 2"),
                      ExportFilter(TODAY - timedelta(days=20), TODAY, category=CATEGORIES[1])):
        report = app.reports.report(selection)
        start, end = selection.utc_bounds()
        teams = {t["id"]: t["team"] for t in app.repo.trainees()}
        chosen = [s for s in app.repo.history() if s["turns"] > 0 and start <= s["started_at"] < end
                  and selection.team in (None, teams[s["trainee_id"]])
                  and selection.category in (None, s["category"])]

        def scored(s: dict, d: str) -> float:  # type: ignore[type-arg]
            latest = [o for o in app.repo.overrides(s["id"]) if o["dimension"] == d]
            return float(latest[-1]["value"]) if latest else float(s[f"avg_{d}"])

        expected = {}
        for tid in sorted({s["trainee_id"] for s in chosen}):
            mine = [s for s in chosen if s["trainee_id"] == tid]
            facts = [f for f in app.repo.session_facts(tid) if f.started_at < datetime.fromisoformat(end)]
            progress = evaluate(facts, app.rules, selection.date_to)
            averages = {d: round(sum(scored(s, d) for s in mine) / len(mine), 1)
                        for d in ("empathy", "clarity", "solution")}
            expected[tid] = (averages, len(mine), progress.points, progress.level.name,
                             progress.certification.certified)
        got = {line.trainee_id: (line.with_overrides, line.sessions, line.points, line.level,
                                 line.certified) for line in report.lines}
        assert got == expected
        size, points = trend(Records(app.repo.db), selection)
        assert sum(p.sessions for p in points) == len(chosen) and size in ("day", "week", "month")
        assert report.trend == points
