"""Progress and reports at scale (prints figures; not a test).

Generates 2,000 trainees in 20 branches with 200 finished sessions of 4 replies each (400,000
sessions, 1.6 M turns) in a throwaway database, then times, through the services the app and the
command line use: one trainee's dashboard and one branch's leaderboard (goal 100 ms each); the
history of everyone (goal 300 ms, 150 MB: its first page and the total), the leaderboard of all
trainees (goal 150 ms), the coaching view of all teams (goal 200 ms) and the reports of all
teams, all time (goal 500 ms). Memory is the peak of Python allocations during the call
(tracemalloc).

Run: .venv/bin/python bench/progress.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from trainer.app.context import App
from trainer.app.settings import Settings
from trainer.domain.accounts import hash_password, new_salt
from trainer.domain.scenario import CATEGORIES
from trainer.export.selection import ExportFilter
from trainer.storage.database import open_database

HR_PASSWORD = "bench-secret-pass"

TRAINEES, SESSIONS, BRANCHES = 2000, 200, 20


def generate(path: Path) -> None:
    rng = random.Random(7)
    db = open_database(path)
    now = datetime.now(UTC)
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")  # a throwaway database: no need to wait for the disk
    with conn:
        conn.executemany(
            "INSERT INTO trainees (id, name, team, created_at, initials_only) VALUES (?, ?, ?, ?, 0)",
            [(t, f"Trainee {t}", f"Branch {t % BRANCHES}", now.isoformat())
             for t in range(1, TRAINEES + 1)],
        )
        # each a trainee account (once HR's exists, only trainee accounts are ranked and reported);
        # a throwaway hash: nobody signs in as them here
        conn.executemany(
            "INSERT INTO accounts (username, role, trainee_id, salt, password_hash, created_at) "
            "VALUES (?, 'trainee', ?, '00', 'bench', ?)",
            [(f"Trainee {t}", t, now.isoformat()) for t in range(1, TRAINEES + 1)],
        )
        salt = new_salt()  # and HR, who reads everything below
        conn.execute("INSERT INTO accounts (username, role, salt, password_hash, created_at) "
                     "VALUES ('hr', 'hr_admin', ?, ?, ?)",
                     [salt, hash_password(HR_PASSWORD, salt), now.isoformat()])
        rows = []
        sid = 0
        for t in range(1, TRAINEES + 1):
            skill = rng.uniform(30, 85)
            for n in range(SESSIONS):
                sid += 1
                category = CATEGORIES[rng.randrange(5)]
                e, c, s = (max(0, min(100, rng.gauss(skill + n / 10, 12))) for _ in range(3))
                started = now - timedelta(days=SESSIONS - n, minutes=rng.randrange(600))
                outcome = rng.choice(["resolved", "escalated", "walked_out"])
                rows.append((sid, t, f"{category}_{rng.randrange(3)}", "t", "en", category,
                             1 + rng.randrange(3), started.isoformat(), "finished", outcome,
                             4, e, c, s, (e + c + s) / 3, int(rng.random() < 0.1), 0))
        conn.executemany(
            "INSERT INTO sessions (id, trainee_id, scenario_id, scenario_title, language, category, "
            "difficulty, started_at, status, outcome, turn_count, avg_empathy, avg_clarity, avg_solution, "
            "avg_overall, "
            "critical_count, turn_limit_reached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        turn = ('{"empathy": 0, "clarity": 0, "solution": 0, "language": "en", "items": [], '
                '"critical": []}')
        conn.executemany(
            "INSERT INTO turns (session_id, idx, turn_id, customer_line, reply, input_mode, empathy, "
            "clarity, solution, overall, score_json, steps_taken, mood_before, mood_after, created_at) "
            "VALUES (?, ?, 'start', 'My card!', 'I am sorry, let me help.', 'typed', 60, 60, 60, 60, ?, "
            "'[]', 70, 60, ?)",
            ((sid, i, turn, now.isoformat()) for sid in range(1, sid + 1) for i in range(4)),
        )
    db.close()


def timed(fn, runs: int = 7) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def peak_mb(fn) -> float:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def report(what: str, fn, goal_ms: float, runs: int = 5) -> None:  # type: ignore[no-untyped-def]
    median, worst = timed(fn, runs)
    verdict = "" if median <= goal_ms else f"  (goal {goal_ms:.0f} ms)"
    print(f"{what}: median {median:.1f} ms, max {worst:.1f} ms{verdict}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "progress.db"
        start = time.perf_counter()
        generate(path)
        print(f"generated {TRAINEES} trainees x {SESSIONS} sessions x 4 turns in "
              f"{time.perf_counter() - start:.1f} s")
        app = App(Settings(data_dir=Path(tmp), db_path=path))
        app.open(with_scorer=False)
        app.accounts.sign_in("hr", HR_PASSWORD)
        per_branch = TRAINEES // BRANCHES
        start = time.perf_counter()
        app.progress.leaderboard(None, "all")
        print(f"points of all {TRAINEES * SESSIONS} sessions computed and stored once (after a change "
              f"of the point rules): {time.perf_counter() - start:.1f} s")
        report(f"dashboard of one trainee ({SESSIONS} sessions)", lambda: app.progress.dashboard(1234), 100)
        report(f"leaderboard of one branch ({per_branch} trainees), this month",
               lambda: app.progress.leaderboard("Branch 7", "month"), 100)
        report("leaderboard of one branch, all time",
               lambda: app.progress.leaderboard("Branch 7", "all"), 100)
        report("coaching view of one branch", lambda: app.progress.coaching("Branch 7"), 100, runs=3)
        page = app.progress.history_page(None)
        report(f"history of everyone (first page of {len(page.rows)}, {page.total} sessions)",
               lambda: app.progress.history_page(None), 300)
        print(f"  memory: {peak_mb(lambda: app.progress.history_page(None)):.1f} MB peak (goal 150 MB)")
        report(f"leaderboard of all {TRAINEES} trainees, this month",
               lambda: app.progress.leaderboard(None, "month"), 150, runs=3)
        report("leaderboard of all trainees, all time", lambda: app.progress.leaderboard(None, "all"), 150,
               runs=3)
        report("coaching view of all teams", lambda: app.progress.coaching(None), 200, runs=3)
        everything = ExportFilter(date(2000, 1, 1), date.today())
        report("reports of all teams, all time", lambda: app.reports.report(everything), 500, runs=3)
        print(f"  memory: {peak_mb(lambda: app.reports.report(everything)):.1f} MB peak")


if __name__ == "__main__":
    main()
