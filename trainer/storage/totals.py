"""The per-session totals every progress query reads, and how they are computed from the turns."""

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
