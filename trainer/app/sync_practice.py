"""The practice played on HR's and trainers' own PCs (a trainer practising, a trainee practising on
a coach's PC), pushed into the central record like a branch's.

Such a PC syncs with an HR or trainer login, not a branch's, so each trainee's sessions go to the
branch their team names (``north · Team A``; ``north`` alone is the branch with no team), or to
the branch the server already has the trainee in. A trainee whose team names no branch (a bare
``Team A``), and on a trainer's PC one outside the teams the trainer's login covers, keeps their
sessions waiting here, and the round says so by name. Each trainee's sessions go in batches
written whole or not at all, and keyed by their UUIDs, so they reach the server exactly once
however often a round runs; the server's row-level security (schema version 3) lets an HR login
add practice to any branch and a trainer's login only to the teams it covers.

What else such a PC stores of its own (its overrides, coaching notes and audit log) stays on it:
a trainer's review of a central session is the central record's, pulled into the mirror.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.storage.central import records as central
from trainer.storage.central_mirror import branch_team
from trainer.storage.sync_outbox import Outbox

if TYPE_CHECKING:
    import psycopg

    from trainer.app.context import App
    from trainer.app.sync import SyncReport


def push_own_practice(app: App, conn: psycopg.Connection, report: SyncReport, batch_sessions: int) -> None:
    """This PC's finished sessions not yet on the server, each trainee's under their branch."""
    import psycopg

    outbox = Outbox(app.repo.db)
    waiting = outbox.practising()
    if not waiting:
        return
    branches = set(central.branch_ids(conn))
    on_server = {str(t["uuid"]): t for t in central.trainees_with(conn, [t["uuid"] for t in waiting])}
    covers = central.coached_teams(conn) if report.kind == "coach" else None
    unplaced, uncovered, refused = [], [], []
    for trainee in waiting:
        known = on_server.get(trainee["uuid"])
        placed = ((str(known["branch_id"]), str(known["team"] or "")) if known is not None
                  else branch_team(trainee["team"], branches))
        if placed is None:
            unplaced.append(trainee["name"])
            continue
        branch, team = placed
        if covers is not None and team not in covers and f"{branch} · {team}" not in covers:
            uncovered.append(trainee["name"])
            continue
        try:
            while True:
                batch = outbox.practice_of(trainee["uuid"], batch_sessions)
                if not batch.sessions:
                    break
                batch.trainees = [{**t, "team": team} for t in batch.trainees]  # the branch's own name
                pushed = central.push(conn, branch, batch)
                outbox.confirm(batch, app.clock().isoformat())
                report.batches += 1
                report.pushed["sessions"] += pushed.sessions
                report.pushed["turns"] += pushed.turns
        except psycopg.errors.InsufficientPrivilege:  # the server's rules say no: it stays waiting
            refused.append(trainee["name"])
    if unplaced:
        report.notes.append("Practice not sent (the trainee's team names no branch; write it as "
                            f"'north · Team A'): {', '.join(unplaced)}.")
    if uncovered:
        report.notes.append("Practice not sent (not of a team this trainer's login covers on the central "
                            f"server): {', '.join(uncovered)}.")
    if refused:
        report.notes.append(f"Practice not sent (the central server refused it for this login): "
                            f"{', '.join(refused)}.")
