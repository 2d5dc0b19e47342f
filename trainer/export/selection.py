"""Which practice turns an export covers, read from the database one row at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlite_utils import Database

DIMENSIONS = ("empathy", "clarity", "solution")


@dataclass(frozen=True)
class ExportFilter:
    """Sessions started between two local dates (both included), optionally one team, trainee
    or scenario category."""

    date_from: date
    date_to: date
    team: str | None = None
    trainee: str | None = None
    category: str | None = None

    def utc_bounds(self) -> tuple[str, str]:
        """The period as stored UTC stamps: [start of date_from, start of the day after date_to)."""
        def stamp(day: date) -> str:
            local = datetime.combine(day, time.min).astimezone()
            return local.astimezone(UTC).isoformat(timespec="milliseconds")
        return stamp(self.date_from), stamp(self.date_to + timedelta(days=1))

    def parameters(self) -> dict[str, Any]:
        """The named parameters of :data:`WHERE`."""
        start, end = self.utc_bounds()
        return {"start": start, "end": end, "team": self.team, "trainee": self.trainee,
                "category": self.category}


WHERE = """
WHERE s.started_at >= :start AND s.started_at < :end
  AND (:team IS NULL OR t.team = :team)
  AND (:trainee IS NULL OR t.name = :trainee)
  AND (:category IS NULL OR s.category = :category)
"""

LATEST_OVERRIDE = """(SELECT o.value FROM score_overrides o WHERE o.session_id = s.id
        AND o.dimension = '{d}' ORDER BY o.id DESC LIMIT 1)"""

# One row per scored reply, with its session and the latest override of each session score.
# Overrides are per session and dimension; the automatic figure beside them is the session average.
_TURNS_SQL = """
SELECT s.id AS session_id, t.name AS trainee, t.team AS team,
       s.scenario_id, s.scenario_title, s.category, s.language,
       s.started_at, s.ended_at, COALESCE(s.outcome, s.status) AS outcome,
       u.idx + 1 AS reply_number, u.customer_line, u.reply, u.input_mode,
       u.empathy, u.clarity, u.solution, u.overall, u.critical_count,
       s.avg_empathy, s.avg_clarity, s.avg_solution,
       {override_columns}
FROM sessions s
JOIN trainees t ON t.id = s.trainee_id
JOIN turns u ON u.session_id = s.id
{where}
ORDER BY s.started_at, s.id, u.idx
"""

_OVERRIDE_COLUMN = """
       {latest} AS override_{d},
       (SELECT a.username || ': ' || o.comment FROM score_overrides o
        JOIN accounts a ON a.id = o.account_id
        WHERE o.session_id = s.id AND o.dimension = '{d}'
        ORDER BY o.id DESC LIMIT 1) AS override_{d}_comment"""

TURNS_SQL = _TURNS_SQL.format(
    where=WHERE,
    override_columns=",".join(_OVERRIDE_COLUMN.format(d=d, latest=LATEST_OVERRIDE.format(d=d))
                              for d in DIMENSIONS))

# One row per session that has at least one scored reply.
SESSIONS_SQL = """
SELECT s.id AS session_id, t.name AS trainee, t.team AS team,
       s.scenario_id, s.scenario_title, s.category, s.language, s.difficulty,
       s.started_at, s.ended_at, COALESCE(s.outcome, s.status) AS outcome,
       s.turn_count AS replies, s.final_mood, s.critical_count AS critical_fails,
       s.avg_overall, {columns}
FROM sessions s JOIN trainees t ON t.id = s.trainee_id
{where} AND s.turn_count > 0
ORDER BY s.started_at, s.id
""".format(where=WHERE, columns=",\n       ".join(
    f"s.avg_{d} AS avg_{d}, {LATEST_OVERRIDE.format(d=d)} AS override_{d}" for d in DIMENSIONS))

# One row per trainee: the automatic averages and the averages once trainers' overrides apply.
SUMMARY_SQL = """
SELECT t.id AS trainee_id, t.name AS trainee, t.team AS team,
       COUNT(*) AS sessions, SUM(s.turn_count) AS replies,
       {columns},
       SUM(s.critical_count) AS critical_fails,
       SUM(s.outcome = 'resolved') AS resolved, SUM(s.outcome = 'escalated') AS escalated,
       SUM(s.outcome = 'walked_out') AS walked_out,
       (SELECT COUNT(*) FROM score_overrides o JOIN sessions x ON x.id = o.session_id
        WHERE x.trainee_id = t.id AND x.started_at >= :start AND x.started_at < :end
          AND (:category IS NULL OR x.category = :category)) AS overrides
FROM sessions s JOIN trainees t ON t.id = s.trainee_id
{where} AND s.turn_count > 0
GROUP BY t.id
ORDER BY t.team, t.name
""".format(where=WHERE, columns=",\n       ".join(
    f"ROUND(AVG(s.avg_{d}), 1) AS avg_{d}, "
    f"ROUND(AVG(COALESCE({LATEST_OVERRIDE.format(d=d)}, s.avg_{d})), 1) AS with_overrides_{d}"
    for d in DIMENSIONS))


Rows = tuple[list[str], Iterator[tuple[Any, ...]]]


def turn_rows(db: Database, selection: ExportFilter) -> Rows:
    """The column names and a lazy stream of rows: nothing is loaded into memory at once."""
    return _query(db, TURNS_SQL, selection)


def session_rows(db: Database, selection: ExportFilter) -> Rows:
    return _query(db, SESSIONS_SQL, selection)


def summary_rows(db: Database, selection: ExportFilter) -> Rows:
    return _query(db, SUMMARY_SQL, selection)


def _query(db: Database, sql: str, selection: ExportFilter) -> Rows:
    cursor = db.conn.execute(sql, selection.parameters())
    return [c[0] for c in cursor.description], iter(cursor)
