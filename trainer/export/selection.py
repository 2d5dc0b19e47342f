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
    """Sessions started between two local dates (both included), optionally one team or trainee."""

    date_from: date
    date_to: date
    team: str | None = None
    trainee: str | None = None

    def utc_bounds(self) -> tuple[str, str]:
        """The period as stored UTC stamps: [start of date_from, start of the day after date_to)."""
        def stamp(day: date) -> str:
            local = datetime.combine(day, time.min).astimezone()
            return local.astimezone(UTC).isoformat(timespec="milliseconds")
        return stamp(self.date_from), stamp(self.date_to + timedelta(days=1))


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
WHERE s.started_at >= :start AND s.started_at < :end
  AND (:team IS NULL OR t.team = :team)
  AND (:trainee IS NULL OR t.name = :trainee)
ORDER BY s.started_at, s.id, u.idx
"""

_OVERRIDE_COLUMN = """
       (SELECT o.value FROM score_overrides o WHERE o.session_id = s.id AND o.dimension = '{d}'
        ORDER BY o.id DESC LIMIT 1) AS override_{d},
       (SELECT a.username || ': ' || o.comment FROM score_overrides o
        JOIN accounts a ON a.id = o.account_id
        WHERE o.session_id = s.id AND o.dimension = '{d}'
        ORDER BY o.id DESC LIMIT 1) AS override_{d}_comment"""

TURNS_SQL = _TURNS_SQL.format(
    override_columns=",".join(_OVERRIDE_COLUMN.format(d=d) for d in DIMENSIONS))


def turn_rows(db: Database, selection: ExportFilter) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The column names and a lazy stream of rows: nothing is loaded into memory at once."""
    start, end = selection.utc_bounds()
    cursor = db.conn.execute(TURNS_SQL, {"start": start, "end": end, "team": selection.team,
                                         "trainee": selection.trainee})
    columns = [c[0] for c in cursor.description]
    return columns, iter(cursor)
