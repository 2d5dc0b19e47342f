"""Progress at scale (prints figures; not a test). Goal: <= 100 ms each.

Generates 2,000 trainees in 20 branches with 200 finished sessions each (400,000 sessions) in a
throwaway database, then times the dashboard of one trainee and the leaderboard of one branch
(100 trainees) for this month, through the same service the app uses.

Run: .venv/bin/python bench/progress.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.domain.scenario import CATEGORIES
from trainer.practice_service import PracticeService
from trainer.storage.database import open_database

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
    db.close()


def timed(fn, runs: int = 7) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "progress.db"
        start = time.perf_counter()
        generate(path)
        print(f"generated {TRAINEES} trainees x {SESSIONS} sessions in {time.perf_counter() - start:.1f} s")
        service = PracticeService(db_path=path, rules_dir=Path(tmp))
        service.open()
        median, worst = timed(lambda: service.dashboard(1234))
        print(f"dashboard of one trainee ({SESSIONS} sessions): median {median:.1f} ms, max {worst:.1f} ms")
        median, worst = timed(lambda: service.leaderboard("Branch 7", "month"))
        per_branch = TRAINEES // BRANCHES
        print(f"leaderboard of one branch ({per_branch} trainees, {per_branch * SESSIONS} sessions), "
              f"this month: median {median:.1f} ms, max {worst:.1f} ms")
        median, worst = timed(lambda: service.leaderboard("Branch 7", "all"))
        print(f"leaderboard of one branch, all time: median {median:.1f} ms, max {worst:.1f} ms")
        median, worst = timed(lambda: service.coaching("Branch 7"), runs=3)
        print(f"coaching view of one branch: median {median:.1f} ms, max {worst:.1f} ms")


if __name__ == "__main__":
    main()
