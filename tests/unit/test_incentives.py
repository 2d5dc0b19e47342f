"""Incentive rules against hand-computed expectations."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from trainer.domain.incentives import (
    AttentionRules,
    Badge,
    CertificationRules,
    IncentiveRules,
    Level,
    PointRules,
    SessionFact,
    evaluate,
    leaderboard,
    needs_attention,
    period_start,
    session_points,
)
from trainer.library.incentive_rules import bundled_rules_path, load_rules
from trainer.library.loader import ScenarioError

T0 = datetime(2026, 11, 1, 10, 0)


def fact(sid: int, day: int = 0, overall: float = 60, *, difficulty: int = 1, outcome: str = "resolved",
         category: str = "service_quality", scenario: str | None = None, critical: int = 0,
         status: str = "finished", dims: tuple[float, float, float] | None = None) -> SessionFact:
    e, c, s = dims or (overall, overall, overall)
    started = T0 + timedelta(days=day, minutes=sid)
    return SessionFact(sid, scenario or f"s{sid}", category, difficulty, started,
                       status, outcome, e, c, s, overall, critical, 3)


def test_points_per_session_by_hand() -> None:
    rules = PointRules(difficulty_multiplier={1: 1.0, 2: 1.25, 3: 1.5},
                       outcome_bonus={"resolved": 20, "escalated": 5, "walked_out": 0},
                       improvement_per_point=1.0, improvement_cap=20, improvement_window=2)
    facts = [
        fact(1, 0, 60),                                        # 60 + 20                = 80
        fact(2, 1, 40, difficulty=2, outcome="walked_out"),    # 40*1.25 + 0            = 50
        fact(3, 2, 80, difficulty=3, outcome="escalated"),     # 120 + 5 + min(20, 80-50=30) = 145
        fact(4, 3, 70),                                        # 70 + 20 + (70-60=10)   = 100
        fact(5, 4, 99, status="stopped"),                      # does not count
    ]
    assert session_points(facts, rules) == {1: 80, 2: 50, 3: 145, 4: 100}


def test_levels_badges_and_certification() -> None:
    rules = IncentiveRules(
        levels=[Level(name="Trainee", points=0), Level(name="Bronze", points=300),
                Level(name="Silver", points=1000)],
        badges=[
            Badge(id="clean3", title="t", description="d", kind="clean_streak", count=3),
            Badge(id="hard", title="t", description="d", kind="resolved_difficulty", difficulty=3),
            Badge(id="causes", title="t", description="d", kind="all_categories"),
            Badge(id="streak3", title="t", description="d", kind="practice_streak", count=3),
        ],
        certification=CertificationRules(threshold=70, scenarios=2, categories=2),
    )
    facts = [
        fact(1, 0, 80, category="communication"),
        fact(2, 1, 75, critical=1, category="service_quality"),
        fact(3, 2, 72, category="system_failure", difficulty=3),
        fact(4, 3, 90, category="staff_attitude"),
        fact(5, 5, 65, category="staff_attitude"),
    ]
    p = evaluate(facts, rules, date(2026, 11, 6))
    assert p.points == sum(p.session_points.values()) and p.sessions == 5
    assert p.level.name == "Bronze" and p.next_level is not None and p.next_level.name == "Silver"
    badges = {b.badge.id: b for b in p.badges}
    assert badges["clean3"].earned and badges["clean3"].sessions == (3, 4, 5)  # 2 broke the run
    assert badges["hard"].sessions == (3,)
    assert not badges["causes"].earned and (badges["causes"].current, badges["causes"].target) == (4, 5)
    assert badges["streak3"].earned and badges["streak3"].sessions == (1, 2, 3)
    assert badges["streak3"].earned_on == date(2026, 11, 3)
    # certification: every dimension >= 70 on 2 scenarios across 2 categories (1 and 2 qualify)
    assert p.certification.certified and p.certification.sessions == (1, 2, 3, 4)
    assert p.by_category["staff_attitude"]["empathy"] == 77.5
    assert p.weakest == ("empathy", "policy_market")  # never practised comes first


def test_recomputation_awards_the_same_thing() -> None:
    rules = load_rules(bundled_rules_path())
    facts = [fact(i, i, 50 + i) for i in range(1, 15)]
    day = date(2026, 12, 1)
    assert evaluate(facts, rules, day) == evaluate(list(reversed(facts)), rules, day)


def test_improvement_badge_and_attention() -> None:
    badge = Badge(id="imp", title="t", description="d", kind="improvement", count=15, window_days=10)
    rules = IncentiveRules(badges=[badge])
    facts = [fact(1, 0, 40), fact(2, 1, 50), fact(3, 20, 62), fact(4, 21, 64)]
    # before day 15: average 45; after: 63 -> +18 >= 15
    [state] = evaluate(facts, rules, date(2026, 11, 25)).badges
    assert state.earned and state.sessions == (3, 4)
    attention = AttentionRules(low_score=50, falling_by=10, critical_fails=2, inactive_days=14,
                               recent_sessions=2)
    worse = [fact(1, 0, 80), fact(2, 1, 80), fact(3, 2, 45, critical=1), fact(4, 3, 40, critical=1)]
    a = needs_attention(7, worse, attention, date(2026, 11, 30))
    assert a is not None and a.trainee_id == 7
    assert set(a.reasons) == {"low_scores", "falling_scores", "critical_fails", "inactive"}
    assert a.detail["drop"] == 37.5 and a.detail["days_idle"] == 26
    fine = [fact(1, 0, 80), fact(2, 1, 85)]
    assert needs_attention(8, fine, attention, date(2026, 11, 3)) is None


def test_leaderboard_orders_by_points_in_the_period() -> None:
    rules = PointRules()
    board = leaderboard({1: [fact(1, 0, 60)], 2: [fact(2, 0, 90), fact(3, 25, 10)], 3: []}, rules,
                        since=date(2026, 11, 20))
    assert board[0][0] == 2 and board[0][2] == 1  # only session 3 is in the period
    assert [row[0] for row in board] == [2, 1, 3] and board[1][1] == 0
    assert period_start("week", date(2026, 11, 26)) == date(2026, 11, 23)
    assert period_start("month", date(2026, 11, 26)) == date(2026, 11, 1)
    assert period_start("all", date(2026, 11, 26)) is None


def test_bad_rules_file_names_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "incentives.yaml"
    bad.write_text("certification:\n  threshold: 170\nlevels: []\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_rules(bad)
    messages = [str(r) for r in info.value.reports]
    assert f"{bad}:2: certification.threshold must be at most 100 (got 170)" in messages
    assert any("levels needs at least 1 entry" in m for m in messages)
