"""The per-session totals every progress query reads, how they are computed from the turns, and a
session's score once a trainer has overridden it."""

#: Recomputes every session's totals from its turns (used by the migration; the repository keeps
#: them current one turn at a time).
SESSION_TOTALS_SQL = """
UPDATE sessions SET
  turn_count = (SELECT COUNT(*) FROM turns t WHERE t.session_id = sessions.id),
  avg_empathy = (SELECT AVG(empathy) FROM turns t WHERE t.session_id = sessions.id),
  avg_clarity = (SELECT AVG(clarity) FROM turns t WHERE t.session_id = sessions.id),
  avg_solution = (SELECT AVG(solution) FROM turns t WHERE t.session_id = sessions.id),
  avg_overall = (SELECT AVG(overall) FROM turns t WHERE t.session_id = sessions.id),
  critical_count = (SELECT COALESCE(SUM(critical_count), 0) FROM turns t WHERE t.session_id = sessions.id)
"""

#: The latest trainer's override of session ``s``'s score on dimension ``{d}`` (NULL if none): a
#: correlated subquery through the score_overrides(session_id) index.
LATEST_OVERRIDE = """(SELECT o.value FROM score_overrides o WHERE o.session_id = s.id
        AND o.dimension = '{d}' ORDER BY o.id DESC LIMIT 1)"""
