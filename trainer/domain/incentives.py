"""The incentive mechanism: points, levels, badges and certification, derived from sessions.

Everything here is a pure function of the stored sessions and the rules (``incentives.yaml``,
documented in ``docs/incentives.md``): nothing is stored that a recomputation would not give
again, and every award names the sessions that earned it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from trainer.domain.scenario import CATEGORIES, DIMENSIONS

# -- the rules ---------------------------------------------------------------------------------------


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PointRules(_Rules):
    difficulty_multiplier: dict[int, float] = {1: 1.0, 2: 1.25, 3: 1.5}
    outcome_bonus: dict[str, int] = {"resolved": 20, "escalated": 5, "walked_out": 0}
    improvement_per_point: float = 1.0
    improvement_cap: int = 20
    improvement_window: Annotated[int, Field(ge=1)] = 5


class Level(_Rules):
    name: str
    name_zh: str | None = None
    """The name in the Chinese interface (default: ``name``)."""
    points: Annotated[int, Field(ge=0)]


class Badge(_Rules):
    id: str
    title: str
    description: str
    title_zh: str | None = None
    description_zh: str | None = None
    kind: Literal["clean_streak", "resolved_difficulty", "all_categories", "practice_streak",
                  "improvement"]
    count: Annotated[int, Field(ge=1)] = 1
    """clean_streak: sessions in a row; practice_streak: days in a row; improvement: points."""
    difficulty: Literal[1, 2, 3] = 3
    window_days: Annotated[int, Field(ge=1)] = 30


class CertificationRules(_Rules):
    threshold: Annotated[int, Field(ge=0, le=100)] = 70
    scenarios: Annotated[int, Field(ge=1)] = 5
    categories: Annotated[int, Field(ge=1, le=5)] = 3


class AttentionRules(_Rules):
    low_score: Annotated[int, Field(ge=0, le=100)] = 50
    falling_by: Annotated[int, Field(ge=1)] = 10
    critical_fails: Annotated[int, Field(ge=1)] = 2
    inactive_days: Annotated[int, Field(ge=1)] = 14
    recent_sessions: Annotated[int, Field(ge=1)] = 5


class IncentiveRules(_Rules):
    points: PointRules = PointRules()
    levels: Annotated[list[Level], Field(min_length=1)] = [
        Level(name="Trainee", points=0), Level(name="Bronze", points=500),
        Level(name="Silver", points=2000), Level(name="Gold", points=5000),
    ]
    badges: list[Badge] = []
    certification: CertificationRules = CertificationRules()
    attention: AttentionRules = AttentionRules()


# -- the facts ---------------------------------------------------------------------------------------


class SessionFact(NamedTuple):
    """One stored session, as the rules see it (a tuple: leaderboards build tens of thousands)."""

    session_id: int
    scenario_id: str
    category: str
    difficulty: int
    started_at: datetime
    status: str
    outcome: str | None
    empathy: float
    clarity: float
    solution: float
    overall: float
    critical: int
    turns: int

    @property
    def counts(self) -> bool:
        """Finished sessions with at least one reply count; stopped or interrupted ones do not."""
        return self.status == "finished" and self.turns > 0

    def score(self, dimension: str) -> float:
        return float(getattr(self, dimension))


# -- the results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeState:
    badge: Badge
    current: int
    target: int
    sessions: tuple[int, ...] = ()
    """The sessions that earned it (empty while not earned)."""
    earned_on: date | None = None

    @property
    def earned(self) -> bool:
        return self.earned_on is not None


@dataclass(frozen=True)
class CertificationState:
    certified: bool
    scenarios: int
    categories: int
    rules: CertificationRules
    sessions: tuple[int, ...]


@dataclass(frozen=True)
class Progress:
    points: int
    session_points: dict[int, int]
    level: Level
    next_level: Level | None
    badges: tuple[BadgeState, ...]
    certification: CertificationState
    by_category: dict[str, dict[str, float]]
    """Average of each dimension per category practised."""
    trend: tuple[tuple[datetime, float, float, float], ...]
    """(started_at, empathy, clarity, solution) per counted session, oldest first."""
    sessions: int = 0
    weakest: tuple[str, str | None] = ("empathy", None)
    """The weakest dimension, and the category where it is weakest (None if nothing practised)."""

    @property
    def earned(self) -> tuple[BadgeState, ...]:
        return tuple(b for b in self.badges if b.earned)


@dataclass(frozen=True)
class Attention:
    trainee_id: int
    reasons: tuple[str, ...]
    detail: dict[str, float] = field(default_factory=dict)


# -- computing ---------------------------------------------------------------------------------------


def session_points(facts: Sequence[SessionFact], rules: PointRules) -> dict[int, int]:
    """Points for each counted session, in time order.

    ``overall × difficulty multiplier + outcome bonus + improvement bonus``; the improvement bonus
    is ``improvement_per_point`` for every point the session's overall beats the average of the
    trainee's previous ``improvement_window`` counted sessions, at most ``improvement_cap``.
    """
    points: dict[int, int] = {}
    previous: list[float] = []
    multiplier, outcome_bonus = rules.difficulty_multiplier, rules.outcome_bonus
    window, cap, per_point = rules.improvement_window, rules.improvement_cap, rules.improvement_per_point
    counted = [f for f in facts if f.status == "finished" and f.turns > 0]
    counted.sort(key=lambda f: (f.started_at, f.session_id))
    for f in counted:
        base = f.overall * multiplier.get(f.difficulty, 1.0)
        bonus = outcome_bonus.get(f.outcome or "", 0)
        improvement = 0.0
        if previous:
            past = previous[-window:]
            gain = f.overall - sum(past) / len(past)
            improvement = min(cap, max(0.0, gain * per_point))
        points[f.session_id] = round(base + bonus + improvement)
        previous.append(f.overall)
    return points


def points_version(rules: PointRules) -> str:
    """A short name for these point rules: stored points say which rules they follow."""
    return hashlib.sha256(rules.model_dump_json().encode()).hexdigest()[:16]


def evaluate(facts: Sequence[SessionFact], rules: IncentiveRules, today: date) -> Progress:
    counted = sorted((f for f in facts if f.counts), key=lambda f: (f.started_at, f.session_id))
    points = session_points(counted, rules.points)
    total = sum(points.values())
    level, next_level = level_for(total, rules)
    by_category: dict[str, dict[str, float]] = {}
    grouped: dict[str, list[SessionFact]] = defaultdict(list)
    for f in counted:
        grouped[f.category].append(f)
    for category, group in grouped.items():
        by_category[category] = {d: round(sum(f.score(d) for f in group) / len(group), 1) for d in DIMENSIONS}
    return Progress(
        points=total, session_points=points, level=level, next_level=next_level,
        badges=tuple(badge_state(b, counted, today) for b in rules.badges),
        certification=certification(counted, rules.certification),
        by_category=by_category,
        trend=tuple((f.started_at, f.empathy, f.clarity, f.solution) for f in counted),
        sessions=len(counted), weakest=_weakest(counted, by_category),
    )


def level_for(points: int, rules: IncentiveRules) -> tuple[Level, Level | None]:
    """The level ``points`` reach (the lowest when they reach none) and the next one, if any."""
    levels = sorted(rules.levels, key=lambda lv: lv.points)
    level = [lv for lv in levels if lv.points <= points][-1] if points >= levels[0].points else levels[0]
    return level, next((lv for lv in levels if lv.points > points), None)


def badge_state(badge: Badge, counted: Sequence[SessionFact], today: date) -> BadgeState:
    kind = badge.kind
    if kind == "clean_streak":
        run: list[SessionFact] = []
        for f in counted:
            run = [*run, f] if f.critical == 0 else []
            if len(run) >= badge.count:
                window = run[-badge.count:]
                return _earned(badge, badge.count, window)
        return BadgeState(badge, len(run), badge.count)
    if kind == "resolved_difficulty":
        hit = next((f for f in counted if f.outcome == "resolved" and f.difficulty >= badge.difficulty), None)
        return _earned(badge, 1, [hit]) if hit else BadgeState(badge, 0, 1)
    if kind == "all_categories":
        first: dict[str, SessionFact] = {}
        for f in counted:
            first.setdefault(f.category, f)
            if len(first) == len(CATEGORIES):
                return _earned(badge, len(CATEGORIES), list(first.values()))
        return BadgeState(badge, len(first), len(CATEGORIES))
    if kind == "practice_streak":
        days: dict[date, SessionFact] = {}
        for f in counted:
            days.setdefault(f.started_at.date(), f)
        streak: list[date] = []
        for day in sorted(days):
            streak = [*streak, day] if streak and day - streak[-1] == timedelta(days=1) else [day]
            if len(streak) >= badge.count:
                return _earned(badge, badge.count, [days[d] for d in streak[-badge.count:]])
        current = streak if streak and (today - streak[-1]).days <= 1 else []
        return BadgeState(badge, len(current), badge.count)
    # improvement: the average overall of the last window_days beats the average before it
    start = today - timedelta(days=badge.window_days)
    recent = [f for f in counted if f.started_at.date() > start]
    before = [f for f in counted if f.started_at.date() <= start]
    if not recent or not before:
        return BadgeState(badge, 0, badge.count)
    gain = sum(f.overall for f in recent) / len(recent) - sum(f.overall for f in before) / len(before)
    if gain >= badge.count:
        return _earned(badge, badge.count, recent)
    return BadgeState(badge, max(0, int(gain)), badge.count)


def _earned(badge: Badge, target: int, sessions: Sequence[SessionFact]) -> BadgeState:
    return BadgeState(badge, target, target, tuple(f.session_id for f in sessions),
                      max(f.started_at for f in sessions).date())


def certification(counted: Sequence[SessionFact], rules: CertificationRules) -> CertificationState:
    """Certified when, on ``rules.scenarios`` different scenarios across ``rules.categories``
    categories, a session scored at or above the threshold in every dimension."""
    qualifying: dict[str, SessionFact] = {}
    for f in counted:
        if all(f.score(d) >= rules.threshold for d in DIMENSIONS):
            qualifying.setdefault(f.scenario_id, f)
    categories = {f.category for f in qualifying.values()}
    certified = len(qualifying) >= rules.scenarios and len(categories) >= rules.categories
    return CertificationState(certified, len(qualifying), len(categories), rules,
                              tuple(f.session_id for f in qualifying.values()))


def _weakest(
    counted: Sequence[SessionFact], by_category: dict[str, dict[str, float]]
) -> tuple[str, str | None]:
    if not counted:
        return ("empathy", None)
    averages = {d: sum(f.score(d) for f in counted) / len(counted) for d in DIMENSIONS}
    dimension = min(DIMENSIONS, key=lambda d: (averages[d], DIMENSIONS.index(d)))
    unpractised = [c for c in CATEGORIES if c not in by_category]
    if unpractised:
        return (dimension, unpractised[0])
    category = min(by_category, key=lambda c: (by_category[c][dimension], c))
    return (dimension, category)


class RecentPractice(NamedTuple):
    """What the attention rules look at of one trainee's practice (the coaching view reads only
    this from the database, see ``storage.standings``)."""

    recent: tuple[float, ...]
    """The overall scores of the newest ``recent_sessions`` counted sessions, oldest first."""
    critical_fails: int
    """Their critical fails."""
    earlier: tuple[float, ...]
    """The overall scores of as many counted sessions before those, oldest first."""
    last_day: date | None
    """The day of the newest session of any kind (``None``: never practised)."""


def recent_practice(facts: Sequence[SessionFact], rules: AttentionRules) -> RecentPractice:
    counted = sorted((f for f in facts if f.counts), key=lambda f: (f.started_at, f.session_id))
    n = rules.recent_sessions
    return RecentPractice(tuple(f.overall for f in counted[-n:]), sum(f.critical for f in counted[-n:]),
                          tuple(f.overall for f in counted[-2 * n:-n]),
                          max((f.started_at.date() for f in facts), default=None))


def needs_attention(
    trainee_id: int, facts: Sequence[SessionFact] | RecentPractice, rules: AttentionRules, today: date
) -> Attention | None:
    """Why a trainer should look at this trainee (low or falling scores, repeated critical fails,
    no practice lately), or None: from their sessions, or from what of them the rules look at."""
    practice = facts if isinstance(facts, RecentPractice) else recent_practice(facts, rules)
    reasons: list[str] = []
    detail: dict[str, float] = {}
    recent, earlier = practice.recent, practice.earlier
    if recent:
        avg = sum(recent) / len(recent)
        detail["recent_average"] = round(avg, 1)
        if avg < rules.low_score:
            reasons.append("low_scores")
        if earlier:
            drop = sum(earlier) / len(earlier) - avg
            detail["drop"] = round(drop, 1)
            if drop >= rules.falling_by:
                reasons.append("falling_scores")
        fails = practice.critical_fails
        detail["critical_fails"] = fails
        if fails >= rules.critical_fails:
            reasons.append("critical_fails")
    last = practice.last_day
    idle = (today - last).days if last else None
    if idle is None or idle >= rules.inactive_days:
        reasons.append("inactive")
        detail["days_idle"] = float(idle) if idle is not None else -1.0
    return Attention(trainee_id, tuple(reasons), detail) if reasons else None


def period_start(period: Literal["week", "month", "all"], today: date) -> date | None:
    if period == "week":
        return today - timedelta(days=today.weekday())
    if period == "month":
        return today.replace(day=1)
    return None


def leaderboard(
    facts_by_trainee: Mapping[int, Sequence[SessionFact]], rules: PointRules, since: date | None
) -> list[tuple[int, int, int]]:
    """(trainee id, points in the period, sessions in the period), most points first."""
    rows = []
    for trainee_id, facts in facts_by_trainee.items():
        points = session_points(facts, rules)
        in_period = [sid for sid, f in ((f.session_id, f) for f in facts)
                     if sid in points and (since is None or f.started_at.date() >= since)]
        rows.append((trainee_id, sum(points[sid] for sid in in_period), len(in_period)))
    return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))
