"""What HR's reports and exports read: replies, sessions and per-trainee summaries of a period,
streamed from SQLite one row at a time (nothing is loaded into memory at once). The per-trainee
totals, a trend by month and the points of a standing add up the per-trainee, per-month sums of
``report_months`` (migration 14, kept exact by triggers) where a month lies wholly in the period,
and the sessions themselves only of the months the period cuts.

The period and filters arrive as the named parameters of :data:`WHERE` (``start``/``end`` UTC
stamps, ``team``, ``trainee``, ``category``: ``ExportFilter.parameters()`` gives them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from trainer.domain.incentives import IncentiveRules, SessionFact
from trainer.domain.scenario import DIMENSIONS
from trainer.storage.migrations import CERTIFYING
from trainer.storage.repository import FACT_COLUMNS, fact_from_row
from trainer.storage.standings import Standings
from trainer.storage.totals import LATEST_OVERRIDE

if TYPE_CHECKING:
    from sqlite_utils import Database

WHERE = """
WHERE s.started_at >= :start AND s.started_at < :end
  AND t.id IN (SELECT id FROM ranked_trainees)
  AND (:team IS NULL OR t.team = :team)
  AND (:trainee IS NULL OR t.name = :trainee)
  AND (:category IS NULL OR s.category = :category)
"""

# One row per scored reply, with its session and the latest override of each session score.
# Overrides are per session and dimension; the automatic figure beside them is the session average.
_TURNS_TEMPLATE = """
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

TURNS_SQL = _TURNS_TEMPLATE.format(
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

# The same for xAPI statements, with the trainee's own UUID (their account, whatever their name).
XAPI_SESSIONS_SQL = SESSIONS_SQL.replace("t.name AS trainee,",
                                         "t.name AS trainee, t.uuid AS trainee_uuid,", 1)

# Per session with scored replies: start, title, outcome, then per dimension the automatic score
# and the score with the latest override applied.
SESSION_SCORES_SQL = """
SELECT s.started_at, s.scenario_title, COALESCE(s.outcome, s.status), {columns}
{{sessions}}
ORDER BY s.started_at, s.id
""".format(columns=", ".join(
    f"s.avg_{d}, COALESCE({LATEST_OVERRIDE.format(d=d)}, s.avg_{d})" for d in DIMENSIONS))

# Sessions of the period without a join: the team and trainee filters pick trainee ids first.
# Only the filters given are in the SQL (see Records._sessions_of), so no row tests an unused one.
SESSIONS_OF_PERIOD = "FROM sessions s {index} WHERE s.started_at >= :start AND s.started_at < :end " \
                     "AND s.turn_count > 0 AND s.trainee_id IN (SELECT id FROM ranked_trainees){filters}"
_FILTERS = {
    "category": " AND s.category = :category",
    "team": " AND s.trainee_id IN (SELECT id FROM trainees WHERE team = :team)",
    "trainee": " AND s.trainee_id IN (SELECT id FROM trainees WHERE name = :trainee)",
}

# Per trainee with scored sessions in the period: counts, automatic averages and sums (the sums
# take the few overridden sessions' corrections, see OVERRIDE_DELTAS_SQL), fails and outcomes.
TOTALS_SQL = """
SELECT s.trainee_id AS trainee_id, COUNT(*) AS sessions, SUM(s.turn_count) AS replies, {columns},
       SUM(s.critical_count) AS critical_fails, SUM(s.outcome = 'resolved') AS resolved,
       SUM(s.outcome = 'escalated') AS escalated, SUM(s.outcome = 'walked_out') AS walked_out
{sessions}
GROUP BY s.trainee_id
""".format(sessions="{sessions}", columns=", ".join(
    f"ROUND(AVG(s.avg_{d}), 1) AS avg_{d}, SUM(s.avg_{d}) AS sum_{d}" for d in DIMENSIONS))

# UTC quarter hours (every zone's offset is a whole number of them): "2026-11-28T09" + "0".."3".
QUARTER = "substr(s.started_at, 1, 13) || (CAST(substr(s.started_at, 15, 2) AS INTEGER) / 15)"

# Per UTC quarter hour with scored sessions: how many, and the automatic sums per dimension.
QUARTERS_SQL = """
SELECT {quarter}, COUNT(*), {sums}
{sessions}
GROUP BY 1
""".format(quarter=QUARTER, sessions="{sessions}",
           sums=", ".join(f"SUM(s.avg_{d})" for d in DIMENSIONS))

#: Periods longer than this read the whole table in order rather than through the start-time
#: index (a range over most of the rows is slower through an index than a plain scan).
LONG_PERIOD_DAYS = 92

_AUTOMATIC = "CASE o.dimension " + " ".join(f"WHEN '{d}' THEN s.avg_{d}" for d in DIMENSIONS) + " END"

# What the latest override of each overridden session and dimension changes: value - automatic.
# (Read from the overrides, which are few: CROSS JOIN keeps SQLite from reading every session.)
OVERRIDE_DELTAS_SQL = f"""
SELECT {{key}}, o.dimension, SUM(o.value - COALESCE({_AUTOMATIC}, 0))
FROM score_overrides o CROSS JOIN sessions s ON s.id = o.session_id
CROSS JOIN trainees t ON t.id = s.trainee_id
{WHERE} AND s.turn_count > 0
  AND o.id = (SELECT MAX(x.id) FROM score_overrides x WHERE x.session_id = o.session_id
              AND x.dimension = o.dimension)
GROUP BY 1, 2
"""

# Every override written on a trainee's sessions of the period (and category), however many.
OVERRIDE_COUNTS_SQL = """
SELECT s.trainee_id, COUNT(*) FROM score_overrides o CROSS JOIN sessions s ON s.id = o.session_id
WHERE s.started_at >= :start AND s.started_at < :end AND (:category IS NULL OR s.category = :category)
GROUP BY s.trainee_id
"""

# The trainees a report reads (the team and trainee filters given, or NULL).
_PICKED = """
picked AS MATERIALIZED (
  SELECT id FROM ranked_trainees
  WHERE (:team IS NULL OR team = :team) AND (:trainee IS NULL OR name = :trainee))"""
# Their rows of ``report_months`` (migration 14) that lie wholly in the period (their sums are used
# as they are), and the sessions with replies in the period of those that overlap it only in part.
_WHOLE = "r.first_at >= :start AND r.last_at < :end"
# (CROSS JOIN: the months first, then their sessions through the index.)
_IN_PART = """
FROM report_months r {join}
CROSS JOIN sessions s INDEXED BY idx_sessions_trainee_id_started_at
  ON s.trainee_id = r.trainee_id AND s.started_at >= r.first_at AND s.started_at <= r.last_at
WHERE r.trainee_id IN (SELECT id FROM picked) AND r.first_at < :end AND r.last_at >= :start
  AND NOT COALESCE({whole}, 0) AND s.started_at >= :start AND s.started_at < :end AND s.turn_count > 0
  AND substr(s.started_at, 1, 7) = r.month
"""

# TOTALS_SQL from the months: their sums where whole, their sessions' where not.
MONTH_TOTALS_SQL = f"""
WITH {_PICKED}
SELECT trainee_id, SUM(sessions) AS sessions, SUM(replies) AS replies, {{columns}},
       SUM(critical) AS critical_fails, SUM(resolved) AS resolved, SUM(escalated) AS escalated,
       SUM(walked_out) AS walked_out
FROM (SELECT trainee_id, SUM(sessions) AS sessions, SUM(replies) AS replies, {{whole}},
             SUM(critical) AS critical, SUM(resolved) AS resolved, SUM(escalated) AS escalated,
             SUM(walked_out) AS walked_out
      FROM report_months r WHERE r.trainee_id IN (SELECT id FROM picked) AND {_WHOLE} GROUP BY trainee_id
      UNION ALL
      SELECT s.trainee_id, COUNT(*), SUM(s.turn_count), {{session}}, SUM(s.critical_count),
             SUM(s.outcome = 'resolved'), SUM(s.outcome = 'escalated'), SUM(s.outcome = 'walked_out')
      {_IN_PART.format(join="", whole=_WHOLE)}
      GROUP BY s.trainee_id)
GROUP BY trainee_id
""".format(
    columns=", ".join(f"ROUND(SUM(sum_{d}) / SUM(n_{d}), 1) AS avg_{d}, SUM(sum_{d}) AS sum_{d}"
                      for d in DIMENSIONS),
    whole=", ".join(f"SUM(n_{d}) AS n_{d}, SUM(sum_{d}) AS sum_{d}" for d in DIMENSIONS),
    session=", ".join(f"COUNT(s.avg_{d}), SUM(s.avg_{d})" for d in DIMENSIONS))

# QUARTERS_SQL from the months, for a trend by local month: ``:months`` maps each UTC month to the
# stamps of the start of the local month of that name and of the next; a row wholly in both the
# period and that local month counts there as it is, the sessions of the others per quarter hour.
_IN_MONTH = f"{_WHOLE} AND r.first_at >= b.lo AND r.last_at < b.hi"
MONTH_TREND_SQL = f"""
WITH b AS MATERIALIZED (
  SELECT key AS month, json_extract(value, '$[0]') AS lo, json_extract(value, '$[1]') AS hi
  FROM json_each(:months)), {_PICKED}
SELECT r.month, SUM(r.sessions), {{whole}}
FROM b CROSS JOIN report_months r INDEXED BY report_months_by_month ON r.month = b.month
WHERE r.trainee_id IN (SELECT id FROM picked) AND {_IN_MONTH} GROUP BY r.month
UNION ALL
SELECT {{quarter}}, COUNT(*), {{sums}}
{_IN_PART.format(join="LEFT JOIN b ON b.month = r.month", whole=_IN_MONTH)}
GROUP BY 1
""".format(whole=", ".join(f"SUM(r.sum_{d})" for d in DIMENSIONS), quarter=QUARTER,
           sums=", ".join(f"SUM(s.avg_{d})" for d in DIMENSIONS))

# Per trainee (``:ids``): the points of their sessions before ``:end``, from the months wholly before
# it and the sessions of the month it cuts (points are stored for counted sessions only).
POINTS_SQL = """
WITH r AS MATERIALIZED (
  SELECT trainee_id, month, first_at, last_at, points FROM report_months
  WHERE trainee_id IN (SELECT value FROM json_each(:ids)) AND first_at < :end)
SELECT trainee_id, SUM(points) FROM (
  SELECT trainee_id, points FROM r WHERE last_at < :end
  UNION ALL
  SELECT s.trainee_id, s.points FROM r CROSS JOIN sessions s INDEXED BY idx_sessions_trainee_id_started_at
    ON s.trainee_id = r.trainee_id AND s.started_at >= r.first_at AND s.started_at < :end
  WHERE r.last_at >= :end AND s.turn_count > 0 AND substr(s.started_at, 1, 7) = r.month)
GROUP BY trainee_id
"""

# Per trainee (``:ids``): on how many scenarios a counted session before ``:end`` scored at least
# ``:threshold`` in every dimension, and in how many categories the first such session of each
# was ("scenarios categories"); through the index of such sessions (migration 14), one trainee at
# a time.
CERTIFYING_SQL = f"""
SELECT j.value, (
  SELECT COUNT(*) || ' ' || COUNT(DISTINCT category) FROM (
    SELECT scenario_id, category, MIN(started_at) FROM sessions INDEXED BY sessions_certifying
    WHERE trainee_id = j.value AND status = 'finished' AND turn_count > 0
      AND {CERTIFYING} >= :threshold AND started_at < :end
    GROUP BY scenario_id))
FROM json_each(:ids) j
"""

Rows = tuple[list[str], Iterator[tuple[Any, ...]]]


class Standing(NamedTuple):
    """A trainee's standing at the end of a period (see :meth:`Records.standing_totals`)."""

    points: int
    scenarios: int
    """Scenarios on which a counted session scored at least the certification threshold in every
    dimension."""
    categories: int
    """The categories of the first such session of each of them."""

Parameters = dict[str, Any]
Sums = dict[str, tuple[int, dict[str, float]]]
"""Per key (a quarter hour, a month): how many sessions, and the sum of each dimension's scores."""


class Records:
    def __init__(self, db: Database) -> None:
        self.db = db

    def turn_rows(self, params: Parameters) -> Rows:
        """One row per scored reply: the column names and a lazy stream of rows."""
        return self._query(TURNS_SQL, params)

    def session_rows(self, params: Parameters, *, with_trainee_uuid: bool = False) -> Rows:
        """One row per session with scored replies (and, ``with_trainee_uuid``, the trainee's
        ``trainee_uuid`` after their name)."""
        return self._query(XAPI_SESSIONS_SQL if with_trainee_uuid else SESSIONS_SQL, params)

    def session_scores(self, params: Parameters) -> Iterator[tuple[Any, ...]]:
        sql = SESSION_SCORES_SQL.format(sessions=self._sessions_of(params))
        return iter(self.db.conn.execute(sql, params))

    def count(self, params: Parameters, what: Literal["sessions", "turns"]) -> int:
        join = "JOIN turns u ON u.session_id = s.id" if what == "turns" else ""
        sql = (f"SELECT COUNT(*) FROM sessions s JOIN trainees t ON t.id = s.trainee_id {join} {WHERE} "
               "AND s.turn_count > 0")
        return int(self.db.execute(sql, params).fetchone()[0])

    def overrides_of(self, trainee_id: int, params: Parameters) -> list[tuple[Any, ...]]:
        """A trainee's overridden scores in the period: session start, title, dimension,
        automatic, value, by (username), comment; oldest session first."""
        return self.db.execute(
            "SELECT s.started_at, s.scenario_title, o.dimension, o.automatic, o.value, a.username, "
            "o.comment FROM score_overrides o JOIN sessions s ON s.id = o.session_id "
            "JOIN accounts a ON a.id = o.account_id "
            "WHERE s.trainee_id = :trainee_id AND s.started_at >= :start AND s.started_at < :end "
            "AND (:category IS NULL OR s.category = :category) ORDER BY s.started_at, o.id",
            {**params, "trainee_id": trainee_id}).fetchall()

    def trainee_totals(self, params: Parameters) -> list[dict[str, Any]]:
        """Per trainee with scored sessions in the period, by team then name: ``trainee``,
        ``team``, ``sessions``, ``replies``, ``avg_<d>`` (automatic), ``with_overrides_<d>``
        (each session's latest override in place of its automatic score), ``critical_fails``,
        the outcomes and ``overrides`` (how many were written). One aggregate pass in SQL."""
        if params.get("category") is None:  # the months (which know no category), see MONTH_TOTALS_SQL
            cursor = self.db.execute(MONTH_TOTALS_SQL, params)
        else:
            cursor = self.db.execute(TOTALS_SQL.format(sessions=self._sessions_of(params)), params)
        names = [c[0] for c in cursor.description]
        totals = [dict(zip(names, row, strict=True)) for row in cursor]
        who = {int(i): (str(n), str(t or "")) for i, n, t in self.db.execute(
            "SELECT id, name, team FROM trainees WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps([r["trainee_id"] for r in totals])])}
        deltas: dict[tuple[int, str], float] = {
            (int(t), str(d)): float(v) for t, d, v in self.db.execute(
                OVERRIDE_DELTAS_SQL.format(key="s.trainee_id"), params)}
        counts = {int(t): int(n) for t, n in self.db.execute(OVERRIDE_COUNTS_SQL, params)}
        for r in totals:
            r["trainee"], r["team"] = who[r["trainee_id"]]
            for d in DIMENSIONS:
                r[f"with_overrides_{d}"] = round(
                    ((r.pop(f"sum_{d}") or 0.0) + deltas.get((r["trainee_id"], d), 0.0)) / r["sessions"], 1)
            r["overrides"] = counts.get(r["trainee_id"], 0)
        return sorted(totals, key=lambda r: (r["team"], r["trainee"]))

    def quarter_hours(self, params: Parameters) -> Sums:
        """Per UTC quarter hour (``YYYY-MM-DDTHH`` and 0-3) with scored sessions: how many, and
        the sum per dimension with overrides applied (the caller buckets them in local time)."""
        out = self._sums(QUARTERS_SQL.format(sessions=self._sessions_of(params)), params)
        self._correct(out, params)
        return out

    def month_sums(self, params: Parameters, months: dict[str, tuple[str, str]]) -> tuple[Sums, Sums]:
        """:meth:`quarter_hours` for a trend by local month, without a category filter, from
        ``report_months``: ``months`` gives, per UTC month (``YYYY-MM``), the stored stamps of the
        start of the local month of that name and of the next. Returns the local months whose
        sessions were added up whole (how many, the automatic sums), and per quarter hour the
        rest, with every override's correction (a quarter hour may have only a correction)."""
        rows = self._sums(MONTH_TREND_SQL, {**params, "months": json.dumps(months)})
        whole = {k: v for k, v in rows.items() if len(k) == len("YYYY-MM")}
        quarters = {k: v for k, v in rows.items() if len(k) != len("YYYY-MM")}
        self._correct(quarters, params)
        return whole, quarters

    def _sums(self, sql: str, params: Parameters) -> Sums:
        return {str(key): (int(n), {str(d): float(v or 0.0) for d, v in zip(DIMENSIONS, sums, strict=True)})
                for key, n, *sums in self.db.execute(sql, params)}

    def _correct(self, out: Sums, params: Parameters) -> None:
        """Add each override's correction to its quarter hour's sums."""
        for key, dimension, delta in self.db.execute(OVERRIDE_DELTAS_SQL.format(key=QUARTER), params):
            out.setdefault(key, (0, dict.fromkeys(DIMENSIONS, 0.0)))[1][dimension] += float(delta)

    @staticmethod
    def _sessions_of(params: Parameters) -> str:
        start, end = (datetime.fromisoformat(params[k]) for k in ("start", "end"))
        if params.get("trainee") is not None or params.get("team") is not None:
            index = "INDEXED BY idx_sessions_trainee_id_started_at"  # a few trainees: each one's period
        else:
            index = "NOT INDEXED" if (end - start).days > LONG_PERIOD_DAYS else ""
        filters = "".join(sql for key, sql in _FILTERS.items() if params.get(key) is not None)
        return SESSIONS_OF_PERIOD.format(index=index, filters=filters)

    def standing_totals(self, trainee_ids: list[int], end: str, rules: IncentiveRules) -> dict[int, Standing]:
        """Per trainee, from every counted session before ``end`` (any category): their points
        (stored by ``storage.standings``, brought up to date first), and the scenarios and
        categories on which a session scored at least the certification threshold in every
        dimension."""
        Standings(self.db).refresh_points(rules.points)
        args = {"ids": json.dumps(trainee_ids), "end": end, "threshold": rules.certification.threshold}
        points = {int(t): int(p or 0) for t, p in self.db.execute(POINTS_SQL, args)}
        qualifying = {int(t): q.split() for t, q in self.db.execute(CERTIFYING_SQL, args)}
        return {t: Standing(points.get(t, 0), *map(int, qualifying.get(t, (0, 0)))) for t in trainee_ids}

    def facts_before(self, trainee_ids: list[int], end: str) -> dict[int, list[SessionFact]]:
        """Every session of these trainees that started before ``end`` (a UTC stamp), oldest
        first, keyed by trainee: one query, however many trainees."""
        columns = ", ".join("s." + c.strip() for c in FACT_COLUMNS.split(","))
        rows = self.db.execute(
            f"SELECT {columns} FROM sessions s WHERE s.trainee_id IN (SELECT value FROM json_each(?)) "
            "AND s.started_at < ? ORDER BY s.trainee_id, s.started_at", [json.dumps(trainee_ids), end])
        out: dict[int, list[SessionFact]] = {}
        for r in rows:
            out.setdefault(int(r[1]), []).append(fact_from_row(r))
        return out

    def coaching_notes(self, trainee_id: int, params: Parameters) -> list[tuple[Any, ...]]:
        """Trainers' notes to a trainee written in the period: at, by (username), note; oldest first."""
        return self.db.execute(
            "SELECT n.at, a.username, n.note FROM coaching_notes n JOIN accounts a ON a.id = n.account_id "
            "WHERE n.trainee_id = ? AND n.at >= ? AND n.at < ? ORDER BY n.id",
            [trainee_id, params["start"], params["end"]]).fetchall()

    def _query(self, sql: str, params: Parameters) -> Rows:
        cursor = self.db.conn.execute(sql, params)
        return [c[0] for c in cursor.description], iter(cursor)
