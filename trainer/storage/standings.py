"""Leaderboards and the coaching view at the scale of a whole bank, added up in SQL.

A counted session's points depend on the trainee's earlier sessions (the improvement bonus), so
they are computed by the domain (``incentives.session_points``) one trainee at a time and stored
in ``sessions.points``; a leaderboard is then one ``SUM`` per trainee. Which point rules the
stored points follow is kept in ``meta``: when the rules change, every session's points are
computed again (once). With a trainee's points go the point sums of their months in the report
summary (``report_months``). The coaching view adds up only each trainee's newest sessions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.domain.incentives import (
    AttentionRules,
    PointRules,
    RecentPractice,
    points_version,
    session_points,
)
from trainer.storage.repository import FACT_COLUMNS, fact_from_row, local_time, team_condition
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

_COUNTED = "status = 'finished' AND turn_count > 0"
#: How many trainees' points one transaction stores (a few hundred milliseconds at most).
TRAINEES_PER_WRITE = 25


# The points of a trainee's months in the report summary (migration 14), from their sessions: the
# summary's triggers leave the points to where they are stored (here), so a change of the point
# rules does not fire a trigger per session.
_MONTH_POINTS = """
UPDATE report_months SET points = (
  SELECT SUM(s.points) FROM sessions s INDEXED BY sessions_points_by_trainee
  WHERE s.trainee_id = report_months.trainee_id AND s.points IS NOT NULL
    AND s.started_at >= report_months.first_at AND s.started_at <= report_months.last_at
    AND substr(s.started_at, 1, 7) = report_months.month)
WHERE trainee_id = ?
"""

# Per ranked trainee: the start of their ``counted``-th newest counted session (a few index probes)
# and their newest session of any kind; then those counted sessions by an index range, numbered
# newest first; then per trainee how many, the critical fails of the newest ``n`` and each score.
_RECENT_PRACTICE = f"""
WITH cut AS MATERIALIZED (
  SELECT t.id AS trainee_id, t.name, t.team,
         COALESCE((SELECT started_at FROM sessions INDEXED BY sessions_counted
                   WHERE trainee_id = t.id AND {_COUNTED} ORDER BY started_at DESC LIMIT 1 OFFSET :skip),
                  '') AS since,
         (SELECT MAX(started_at) FROM sessions WHERE trainee_id = t.id) AS newest
  FROM ranked_trainees t {{team_filter}}),
r AS (
  SELECT s.trainee_id, COALESCE(s.avg_overall, 0.0) AS overall, COALESCE(s.critical_count, 0) AS critical,
         ROW_NUMBER() OVER (PARTITION BY s.trainee_id ORDER BY s.started_at DESC, s.id DESC) AS n
  FROM cut JOIN sessions s INDEXED BY sessions_counted
    ON s.trainee_id = cut.trainee_id AND s.started_at >= cut.since
  WHERE s.status = 'finished' AND s.turn_count > 0)
SELECT cut.trainee_id, cut.name, cut.team, cut.newest, COALESCE(g.k, 0), COALESCE(g.fails, 0), {{scores}}
FROM cut LEFT JOIN (
  SELECT r.trainee_id AS of_trainee, COUNT(*) AS k, SUM(CASE WHEN r.n <= :n THEN r.critical END) AS fails,
         {{overall}}
  FROM r WHERE r.n <= :counted GROUP BY r.trainee_id) g ON g.of_trainee = cut.trainee_id
"""


class Standings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def refresh_points(self, rules: PointRules) -> int:
        """Store the points of every counted session that has none yet (all of them when the
        stored points follow other rules); returns how many trainees were recomputed. Written a
        few trainees at a time, so no write of another thread (a turn) waits long behind it."""
        rules_key = points_version(rules)
        row = self.db.execute("SELECT value FROM meta WHERE key = 'points_rules'").fetchone()
        if row is None or row[0] != rules_key:
            with transaction(self.db):
                self.db.execute("UPDATE sessions SET points = NULL WHERE points IS NOT NULL")
                self.db.execute("UPDATE report_months SET points = NULL")
                self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('points_rules', ?)",
                                [rules_key])
        stale = [r[0] for r in self.db.execute(
            "SELECT DISTINCT trainee_id FROM sessions INDEXED BY sessions_without_points "
            f"WHERE points IS NULL AND {_COUNTED}")]
        for start in range(0, len(stale), TRAINEES_PER_WRITE):
            with transaction(self.db):
                for trainee_id in stale[start:start + TRAINEES_PER_WRITE]:
                    facts = [fact_from_row(r) for r in self.db.execute(
                        f"SELECT {FACT_COLUMNS} FROM sessions WHERE trainee_id = ? ORDER BY started_at",
                        [trainee_id])]
                    self.db.conn.executemany(
                        "UPDATE sessions SET points = ? WHERE id = ?",
                        [(p, sid) for sid, p in session_points(facts, rules).items()])
                    self.db.execute(_MONTH_POINTS, [trainee_id])
        return len(stale)

    def points(self, team: str | None, since_utc: str | None,
               teams: list[str] | None = None) -> list[tuple[int, int, int]]:
        """(trainee id, points, counted sessions) since a UTC stamp (or ever), for every trainee
        of the team (or everyone; or, with ``teams``, of those teams only), trainees without
        sessions included with 0."""
        where, args = ["points IS NOT NULL"], []
        team_filter, team_args = team_condition("", team, teams)
        if team_filter:
            where.append(f"trainee_id IN (SELECT id FROM trainees WHERE {team_filter})")
            args += team_args
        if since_utc:
            where.append("started_at >= ?")
            args.append(since_utc)
        index = "sessions_points_by_time" if since_utc and not team_filter else "sessions_points_by_trainee"
        totals = {int(t): (int(p), int(n)) for t, p, n in self.db.execute(
            f"SELECT trainee_id, SUM(points), COUNT(*) FROM sessions INDEXED BY {index} "
            f"WHERE {' AND '.join(where)} GROUP BY trainee_id", args)}
        ids = [int(r[0]) for r in self.db.execute(
            "SELECT id FROM trainees" + (f" WHERE {team_filter}" if team_filter else ""), team_args)]
        return [(t, *totals.get(t, (0, 0))) for t in ids]

    def recent_practice(self, team: str | None, rules: AttentionRules,
                        teams: list[str] | None = None) -> list[TraineePractice]:
        """Per ranked trainee of the team (or everyone; or, with ``teams``, of those teams only):
        what the attention rules look at, added up in SQL from their newest ``2 * recent_sessions``
        counted sessions (a few index probes per trainee: the start of the last of them, then
        those sessions by an index range) and their newest session of any kind; in no set order."""
        n = rules.recent_sessions
        where: list[str] = []
        args: dict[str, object] = {}
        if team is not None:
            where.append("t.team = :team")
            args["team"] = team
        if teams is not None:
            where.append("t.team IN (SELECT value FROM json_each(:teams))")
            args["teams"] = json.dumps(teams)
        team_filter = f"WHERE {' AND '.join(where)}" if where else ""
        # the scores one by one, newest first (added up in Python in the rules' order: the same figures)
        ranks = range(1, 2 * n + 1)
        sql = _RECENT_PRACTICE.format(
            team_filter=team_filter, scores=", ".join(f"g.o{k}" for k in ranks),
            overall=", ".join(f"MAX(CASE WHEN r.n = {k} THEN r.overall END) AS o{k}" for k in ranks))
        rows = self.db.execute(sql, {**args, "skip": 2 * n - 1, "counted": 2 * n, "n": n})
        out = []
        for trainee_id, name, team_of, newest, k, fails, *scores in rows:
            practice = RecentPractice(tuple(scores[i] for i in reversed(range(min(k, n)))), int(fails),
                                      tuple(scores[i] for i in reversed(range(n, k))),
                                      local_time(newest).date() if newest is not None else None)
            out.append(TraineePractice(int(trainee_id), str(name), team_of, practice))
        return out


@dataclass(frozen=True)
class TraineePractice:
    """A ranked trainee and what the attention rules look at of their practice."""

    trainee_id: int
    name: str
    team: str
    practice: RecentPractice
