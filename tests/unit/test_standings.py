"""Leaderboards and the coaching view added up in SQL give what the domain's rules give on every
session (``incentives.leaderboard``, ``needs_attention``), and stored points follow rule changes."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from helpers import open_app
from trainer.domain.incentives import IncentiveRules, leaderboard, needs_attention, period_start
from trainer.domain.scenario import CATEGORIES

TODAY = date.today()


def _fill(app, trainees: int = 12, sessions: int = 30) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    conn = app.repo.db.conn
    now = datetime.now(UTC)
    with conn:
        for t in range(1, trainees + 1):
            conn.execute("INSERT INTO trainees (id, name, team, created_at) VALUES (?, ?, ?, ?)",
                         [t, f"T{t}", f"Branch {t % 3}", now.isoformat()])
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
            got = [(r.trainee_id, r.points, r.sessions) for r in app.progress.leaderboard(team, period, TODAY)]
            assert got == _expected_board(app, team, period), (team, period)


def test_stored_points_follow_a_change_of_rules(db_path: Path) -> None:
    app = open_app(db_path, with_scorer=False)
    _fill(app)
    before = app.progress.leaderboard(None, "all", TODAY)
    app.rules = IncentiveRules.model_validate({**app.rules.model_dump(), "points": {
        **app.rules.points.model_dump(), "outcome_bonus": {"resolved": 500}}})
    after = app.progress.leaderboard(None, "all", TODAY)
    assert [(r.trainee_id, r.points) for r in after] == [(t, p) for t, p, _ in _expected_board(app, None, "all")]
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
