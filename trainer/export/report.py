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

from trainer.domain.incentives import IncentiveRules, Level, Progress, evaluate, level_for
from trainer.export.selection import DIMENSIONS, ExportFilter, day_start
from trainer.storage.records import Records
from trainer.storage.repository import local_time


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


def trainee_lines(records: Records, selection: ExportFilter, rules: IncentiveRules) -> list[TraineeLine]:
    """Every trainee with at least one scored session in the selection, by team then name, with
    their standing at the end of the period: added up in the database (the stored points of
    ``storage.standings`` must be current), not computed trainee by trainee."""
    params = selection.parameters()
    totals = records.trainee_totals(params)
    cert = rules.certification
    standing = records.standing_totals([r["trainee_id"] for r in totals], params["end"], rules)
    lines = []
    for r in totals:
        points, scenarios, categories = standing[r["trainee_id"]]
        level, _next = level_for(points, rules)
        lines.append(_line(r, level, points, scenarios >= cert.scenarios and categories >= cert.categories))
    return lines


def _line(r: dict[str, Any], level: Level, points: int, certified: bool) -> TraineeLine:
    return TraineeLine(
        trainee_id=r["trainee_id"], name=r["trainee"], team=r["team"] or "",
        sessions=r["sessions"], replies=r["replies"] or 0,
        automatic={d: r[f"avg_{d}"] or 0.0 for d in DIMENSIONS},
        with_overrides={d: r[f"with_overrides_{d}"] or 0.0 for d in DIMENSIONS},
        critical_fails=r["critical_fails"] or 0,
        outcomes={o: r[o] or 0 for o in ("resolved", "escalated", "walked_out")},
        overrides=r["overrides"], level=level.name, level_zh=level.name_zh, points=points,
        certified=certified)


def _lines(records: Records, selection: ExportFilter,
           rules: IncentiveRules) -> list[tuple[TraineeLine, Progress]]:
    """Each trainee's line with their whole standing (badges too), for the scorecards."""
    params = selection.parameters()
    totals = records.trainee_totals(params)
    facts = records.facts_before([r["trainee_id"] for r in totals], params["end"])
    lines = []
    for r in totals:
        progress = evaluate(facts.get(r["trainee_id"], []), rules, selection.date_to)
        lines.append((_line(r, progress.level, progress.points, progress.certification.certified), progress))
    return lines


SUMMARY_COLUMNS = ["trainee", "team", "level", "points", "certified", "sessions", "replies",
                   *[f"{kind}_{d}" for d in DIMENSIONS for kind in ("avg", "with_overrides")],
                   "critical_fails", "resolved", "escalated", "walked_out", "overrides"]


def summary_table(records: Records, selection: ExportFilter,
                  rules: IncentiveRules) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The XLSX summary sheet: one row per trainee, with level and certification."""
    def rows() -> Iterator[tuple[Any, ...]]:
        for line in trainee_lines(records, selection, rules):
            scores = [v for d in DIMENSIONS for v in (line.automatic[d], line.with_overrides[d])]
            yield (line.name, line.team, line.level, line.points, line.certified, line.sessions,
                   line.replies, *scores, line.critical_fails, *line.outcomes.values(), line.overrides)
    return SUMMARY_COLUMNS, rows()


def _session_points(records: Records, selection: ExportFilter) -> Iterator[SessionPoint]:
    for stamp, title, outcome, *scores in records.session_scores(selection.parameters()):
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


def trend(records: Records, selection: ExportFilter) -> tuple[str, list[TrendPoint]]:
    """The selection's average scores (overrides applied) per day, week or month, oldest first:
    every one in the period, those without practice included (so gaps show as gaps)."""
    size = bucket_size(selection.date_from, selection.date_to)
    found: dict[date, tuple[int, dict[str, float]]] = {}

    def add(start: date, n: int, sums: dict[str, float]) -> None:
        seen, totals = found.get(start, (0, dict.fromkeys(DIMENSIONS, 0.0)))
        found[start] = (seen + n, {d: totals[d] + sums[d] for d in DIMENSIONS})

    params = selection.parameters()
    if size == "month" and selection.category is None:  # the months stored added up, see Records
        whole, quarters = records.month_sums(params, _months(selection))
        for month, (n, sums) in whole.items():
            add(date(int(month[:4]), int(month[5:7]), 1), n, sums)
    else:
        quarters = records.quarter_hours(params)
    for quarter, (n, sums) in quarters.items():
        day = local_time(f"{quarter[:13]}:{int(quarter[13:]) * 15:02d}:00+00:00").date()
        add(_bucket(day, size), n, sums)
    points = []
    start = _bucket(selection.date_from, size)
    while start <= selection.date_to:
        n, sums = found.get(start, (0, {}))
        points.append(TrendPoint(start, n, {d: round(sums[d] / n, 1) for d in DIMENSIONS} if n else {}))
        start = _next(start, size)
    return size, points


def _months(selection: ExportFilter) -> dict[str, tuple[str, str]]:
    """Per month from the one before the period to the one after: the stored stamps of the
    start of that local month and of the next."""
    months = {}
    start = (selection.date_from.replace(day=1) - timedelta(days=1)).replace(day=1)
    stamp = day_start(start)
    while start <= selection.date_to + timedelta(days=31):
        following = _next(start, "month")
        months[f"{start:%Y-%m}"] = (stamp, day_start(following))
        start, stamp = following, months[f"{start:%Y-%m}"][1]
    return months


def scorecards(records: Records, selection: ExportFilter, rules: IncentiveRules) -> list[Scorecard]:
    """One scorecard per trainee in the selection, in the order of :func:`trainee_lines`."""
    params = selection.parameters()
    cards = []
    for line, progress in _lines(records, selection, rules):
        only = ExportFilter(selection.date_from, selection.date_to, None, line.name, selection.category)
        sessions = list(_session_points(records, only))
        notes = [NoteLine(datetime.fromisoformat(at).astimezone(), by, note)
                 for at, by, note in records.coaching_notes(line.trainee_id, params)]
        overrides = [
            OverrideLine(datetime.fromisoformat(started).astimezone(), title or "", dimension, automatic,
                         value, by, comment)
            for started, title, dimension, automatic, value, by, comment
            in records.overrides_of(line.trainee_id, params)]
        cards.append(Scorecard(line, selection.date_from, selection.date_to, progress, sessions, notes,
                               overrides))
    return cards
