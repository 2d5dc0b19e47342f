"""What HR's reports show: a line per trainee, a team's trend over time, and per-trainee scorecards.

Plain data read from the database (no Qt), shared by the Reports view, the XLSX summary sheet and
the PDF scorecards. Averages are the automatic ones and, beside them, the ones with trainers'
overrides applied. Level, points, badges and certification are a trainee's standing at the end
of the period (from every session up to then, in any category), as the incentive rules compute
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from trainer.domain.incentives import IncentiveRules, Progress, SessionFact, evaluate
from trainer.export.selection import DIMENSIONS, LATEST_OVERRIDE, WHERE, ExportFilter, summary_rows
from trainer.storage.repository import Repository


@dataclass(frozen=True)
class TraineeLine:
    """One trainee's results in the period."""

    trainee_id: int
    name: str
    team: str
    sessions: int
    replies: int
    automatic: dict[str, float]
    """Average session score per dimension, as the scorer gave it."""
    with_overrides: dict[str, float]
    """The same with each session's latest override (if any) in place of the automatic score."""
    critical_fails: int
    outcomes: dict[str, int]
    overrides: int
    level: str
    level_zh: str | None
    points: int
    certified: bool

    @property
    def overall(self) -> float:
        return round(sum(self.with_overrides.values()) / len(DIMENSIONS), 1)


@dataclass(frozen=True)
class TrendPoint:
    """Sessions that started in one day, week (from Monday) or month, and their average scores
    with overrides applied; ``averages`` is empty for a day, week or month without practice."""

    start: date
    sessions: int
    averages: dict[str, float]


@dataclass(frozen=True)
class SessionPoint:
    started_at: datetime
    """Local time."""
    scenario_title: str
    outcome: str
    automatic: dict[str, float]
    with_overrides: dict[str, float]


@dataclass(frozen=True)
class OverrideLine:
    session_started: datetime
    scenario_title: str
    dimension: str
    automatic: float
    value: int
    by: str
    comment: str


@dataclass(frozen=True)
class NoteLine:
    at: datetime
    by: str
    note: str


@dataclass(frozen=True)
class Scorecard:
    """Everything one trainee's PDF scorecard shows."""

    line: TraineeLine
    date_from: date
    date_to: date
    progress: Progress
    sessions: list[SessionPoint] = field(default_factory=list)
    notes: list[NoteLine] = field(default_factory=list)
    overrides: list[OverrideLine] = field(default_factory=list)


def trainee_lines(db: Database, selection: ExportFilter, rules: IncentiveRules) -> list[TraineeLine]:
    """Every trainee with at least one scored session in the selection, by team then name."""
    return [line for line, _progress in _lines(db, selection, rules)]


def _lines(db: Database, selection: ExportFilter,
           rules: IncentiveRules) -> list[tuple[TraineeLine, Progress]]:
    repo = Repository(db)
    columns, rows = summary_rows(db, selection)
    lines = []
    for row in rows:
        r = dict(zip(columns, row, strict=True))
        progress = standing(repo.session_facts(r["trainee_id"]), rules, selection.date_to)
        lines.append((TraineeLine(
            trainee_id=r["trainee_id"], name=r["trainee"], team=r["team"] or "",
            sessions=r["sessions"], replies=r["replies"] or 0,
            automatic={d: r[f"avg_{d}"] or 0.0 for d in DIMENSIONS},
            with_overrides={d: r[f"with_overrides_{d}"] or 0.0 for d in DIMENSIONS},
            critical_fails=r["critical_fails"] or 0,
            outcomes={o: r[o] or 0 for o in ("resolved", "escalated", "walked_out")},
            overrides=r["overrides"], level=progress.level.name, level_zh=progress.level.name_zh,
            points=progress.points, certified=progress.certification.certified), progress))
    return lines


def standing(facts: list[SessionFact], rules: IncentiveRules, at_end_of: date) -> Progress:
    """Points, level, badges and certification from every session up to the end of a day."""
    end = datetime.combine(at_end_of + timedelta(days=1), datetime.min.time()).astimezone()
    return evaluate([f for f in facts if f.started_at < end], rules, at_end_of)


SUMMARY_COLUMNS = ["trainee", "team", "level", "points", "certified", "sessions", "replies",
                   *[f"{kind}_{d}" for d in DIMENSIONS for kind in ("avg", "with_overrides")],
                   "critical_fails", "resolved", "escalated", "walked_out", "overrides"]


def summary_table(db: Database, selection: ExportFilter,
                  rules: IncentiveRules) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The XLSX summary sheet: one row per trainee, with level and certification."""
    def rows() -> Iterator[tuple[Any, ...]]:
        for line in trainee_lines(db, selection, rules):
            scores = [v for d in DIMENSIONS for v in (line.automatic[d], line.with_overrides[d])]
            yield (line.name, line.team, line.level, line.points, line.certified, line.sessions,
                   line.replies, *scores, line.critical_fails, *line.outcomes.values(), line.overrides)
    return SUMMARY_COLUMNS, rows()


_SESSIONS_SQL = """
SELECT s.started_at, s.scenario_title, COALESCE(s.outcome, s.status), {columns}
FROM sessions s JOIN trainees t ON t.id = s.trainee_id
{where} AND s.turn_count > 0
ORDER BY s.started_at, s.id
""".format(where=WHERE, columns=", ".join(
    f"s.avg_{d}, COALESCE({LATEST_OVERRIDE.format(d=d)}, s.avg_{d})" for d in DIMENSIONS))


def _session_points(db: Database, selection: ExportFilter) -> Iterator[SessionPoint]:
    cursor = db.conn.execute(_SESSIONS_SQL, selection.parameters())
    for stamp, title, outcome, *scores in cursor:
        yield SessionPoint(
            datetime.fromisoformat(stamp).astimezone(), title or "", outcome or "",
            {d: float(scores[2 * i] or 0.0) for i, d in enumerate(DIMENSIONS)},
            {d: float(scores[2 * i + 1] or 0.0) for i, d in enumerate(DIMENSIONS)})


def bucket_size(date_from: date, date_to: date) -> str:
    """Days for a month or less, weeks up to half a year, months beyond."""
    days = (date_to - date_from).days + 1
    return "day" if days <= 31 else "week" if days <= 183 else "month"


def _bucket(day: date, size: str) -> date:
    if size == "day":
        return day
    if size == "week":
        return day - timedelta(days=day.weekday())  # Monday
    return day.replace(day=1)


def _next(start: date, size: str) -> date:
    if size == "day":
        return start + timedelta(days=1)
    if size == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def trend(db: Database, selection: ExportFilter) -> tuple[str, list[TrendPoint]]:
    """The selection's average scores (overrides applied) per day, week or month, oldest first:
    every one in the period, those without practice included (so gaps show as gaps)."""
    size = bucket_size(selection.date_from, selection.date_to)
    sums: dict[date, list[float]] = {}
    start = _bucket(selection.date_from, size)
    while start <= selection.date_to:
        sums[start] = [0.0] * (len(DIMENSIONS) + 1)
        start = _next(start, size)
    for point in _session_points(db, selection):
        acc = sums[_bucket(point.started_at.date(), size)]
        acc[0] += 1
        for i, d in enumerate(DIMENSIONS):
            acc[i + 1] += point.with_overrides[d]
    return size, [TrendPoint(key, int(acc[0]), {d: round(acc[i + 1] / acc[0], 1)
                                                for i, d in enumerate(DIMENSIONS)} if acc[0] else {})
                  for key, acc in sums.items()]


def scorecards(db: Database, selection: ExportFilter, rules: IncentiveRules) -> list[Scorecard]:
    """One scorecard per trainee in the selection, in the order of :func:`trainee_lines`."""
    repo = Repository(db)
    start, end = selection.utc_bounds()
    cards = []
    for line, progress in _lines(db, selection, rules):
        only = ExportFilter(selection.date_from, selection.date_to, None, line.name, selection.category)
        sessions = list(_session_points(db, only))
        notes = [NoteLine(datetime.fromisoformat(n["at"]).astimezone(), n["by"], n["note"])
                 for n in reversed(repo.coaching_notes(line.trainee_id, start, end))]  # oldest first
        overrides = [
            OverrideLine(datetime.fromisoformat(started).astimezone(), title or "", dimension, automatic,
                         value, by, comment)
            for started, title, dimension, automatic, value, by, comment in db.execute(
                "SELECT s.started_at, s.scenario_title, o.dimension, o.automatic, o.value, a.username, "
                "o.comment FROM score_overrides o JOIN sessions s ON s.id = o.session_id "
                "JOIN accounts a ON a.id = o.account_id "
                "WHERE s.trainee_id = ? AND s.started_at >= ? AND s.started_at < ? "
                "AND (? IS NULL OR s.category = ?) ORDER BY s.started_at, o.id",
                [line.trainee_id, start, end, selection.category, selection.category]).fetchall()]
        cards.append(Scorecard(line, selection.date_from, selection.date_to, progress, sessions, notes,
                               overrides))
    return cards
