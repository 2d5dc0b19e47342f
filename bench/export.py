"""Exporting at scale (prints figures; not a test). Goal: 100,000 turns in <= 30 s, <= 300 MB peak.

Generates 25,000 finished sessions of 4 scored replies each (100,000 turns) for 1,000 trainees in
10 branches, with a trainer override on one session in ten, in a throwaway database; then runs
``trainer export --format csv`` over the whole period in a child process, exactly as HR would, and
reports its wall time, its peak memory (max RSS) and the file size.

Run: .venv/bin/python bench/export.py
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.storage.database import open_database

TRAINEES, SESSIONS_EACH, TURNS_EACH, BRANCHES = 1000, 25, 4, 10
REPLY = ("I'm sorry you've waited so long, that must be frustrating. I'll check the transfer now "
         "and call you by 3 pm with the result; here is the reference number.")


def generate(path: Path) -> datetime:
    rng = random.Random(7)
    db = open_database(path)
    now = datetime.now(UTC)
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")  # a throwaway database: no need to wait for the disk
    with conn:
        conn.execute("INSERT INTO accounts (id, username, role, salt, password_hash, failed_attempts, "
                     "created_at) VALUES (1, 'tina', 'trainer', '', '', 0, ?)", [now.isoformat()])
        conn.executemany(
            "INSERT INTO trainees (id, name, team, created_at, initials_only) VALUES (?, ?, ?, ?, 0)",
            [(t, f"Trainee {t} 学员", f"Branch {t % BRANCHES}", now.isoformat())
             for t in range(1, TRAINEES + 1)])
        sessions, turns, overrides = [], [], []
        sid = 0
        for t in range(1, TRAINEES + 1):
            for _ in range(SESSIONS_EACH):
                sid += 1
                started = (now - timedelta(days=rng.randrange(1, 60), minutes=rng.randrange(600)))
                stamp = started.isoformat(timespec="milliseconds")
                sessions.append((sid, t, "atm_card_swallowed", "ATM kept my card", "en", "system",
                                 1, stamp, "finished", "resolved", TURNS_EACH, 60.0, 70.0, 50.0, 60.0, 0))
                for i in range(TURNS_EACH):
                    turns.append((sid, i, f"t{i}", "Where is my card?!", REPLY, "typed",
                                  rng.randrange(101), rng.randrange(101), rng.randrange(101), 60,
                                  "{}", "[]", 70, 60, 0, stamp))
                if sid % 10 == 0:
                    overrides.append((sid, "empathy", 60.0, 75, "kind but slow", 1, stamp))
        conn.executemany(
            "INSERT INTO sessions (id, trainee_id, scenario_id, scenario_title, language, category, "
            "difficulty, started_at, status, outcome, turn_count, avg_empathy, avg_clarity, "
            "avg_solution, avg_overall, critical_count) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sessions)
        conn.executemany(
            "INSERT INTO turns (session_id, idx, turn_id, customer_line, reply, input_mode, empathy, "
            "clarity, solution, overall, score_json, steps_taken, mood_before, mood_after, "
            "critical_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", turns)
        conn.executemany(
            "INSERT INTO score_overrides (session_id, dimension, automatic, value, comment, "
            "account_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)", overrides)
    db.close()
    return now


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "trainer.db", Path(tmp) / "scores.csv"
        t0 = time.perf_counter()
        now = generate(db)
        print(f"generated {TRAINEES * SESSIONS_EACH * TURNS_EACH:,} turns in "
              f"{time.perf_counter() - t0:.1f} s")
        start = (now - timedelta(days=90)).date().isoformat()
        end = (now + timedelta(days=1)).date().isoformat()
        t0 = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "trainer", "--db", str(db), "export", "--format", "csv",
             "--from", start, "--to", end, "--out", str(out)],
            capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - t0
        if result.returncode != 0:
            sys.exit(f"export failed: {result.stderr.strip()}")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(result.stdout.strip())
        print(f"csv: {seconds:.1f} s wall (goal <= 30 s), peak memory {peak_mb:.0f} MB "
              f"(goal <= 300 MB), file {out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
