"""Exporting at scale (prints figures; not a test). Goal: 100,000 turns in <= 30 s, <= 300 MB peak,
for CSV and for XLSX each.

Generates 25,000 finished sessions of 4 scored replies each (100,000 turns) for 1,000 trainees in
10 branches, with a trainer override on one session in ten, in a throwaway database; then runs
``trainer --user hr export --format csv`` and ``--format xlsx`` over the whole period, each in its
own child process exactly as HR would, and reports wall time, peak memory (max RSS) and file size. Then the
same for a PDF of one branch (100 trainees, 2,500 sessions: a team page and 100 scorecards), and
the Reports view's query (trainee lines and trend) for everyone and for one branch.

Run: .venv/bin/python bench/export.py
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.domain.accounts import hash_password, new_salt
from trainer.storage.database import open_database
from trainer.storage.records import Records

TRAINEES, SESSIONS_EACH, TURNS_EACH, BRANCHES = 1000, 25, 4, 10
HR_PASSWORD = "bench-hr-secret"
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
        salt = new_salt()  # HR, who runs the exports (signed in, as the command line requires)
        conn.execute("INSERT INTO accounts (id, username, role, salt, password_hash, failed_attempts, "
                     "created_at) VALUES (2, 'hr', 'hr_admin', ?, ?, 0, ?)",
                     [salt, hash_password(HR_PASSWORD, salt), now.isoformat()])
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


def export(db: Path, kind: str, start: str, end: str, *extra: str) -> None:
    """One export in a fresh process; the peak memory figure is that process's max RSS."""
    code = (
        "import resource, sys\n"
        "from trainer.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "sys.exit(code)\n"
    )
    out = db.with_name(f"scores.{kind}")
    t0 = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "--user", "hr", "export", "--format", kind,
         "--from", start, "--to", end, "--out", str(out), *extra],
        capture_output=True, text=True, check=False, env={**os.environ, "TRAINER_PASSWORD": HR_PASSWORD})
    seconds = time.perf_counter() - t0
    if result.returncode != 0:
        sys.exit(f"{kind} export failed: {result.stderr.strip()}")
    message, peak_kb = result.stdout.strip().rsplit("\n", 1)
    goals = (" (goal <= 30 s)", " (goal <= 300 MB)") if kind in ("csv", "xlsx") else ("", "")
    print(f"{kind}: {seconds:.1f} s wall{goals[0]}, peak memory {int(peak_kb) / 1024:.0f} MB{goals[1]}, "
          f"file {out.stat().st_size / 1e6:.1f} MB  [{message}]")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "trainer.db"
        t0 = time.perf_counter()
        now = generate(db)
        print(f"generated {TRAINEES * SESSIONS_EACH * TURNS_EACH:,} turns in "
              f"{time.perf_counter() - t0:.1f} s")
        start = (now - timedelta(days=90)).date().isoformat()
        end = (now + timedelta(days=1)).date().isoformat()
        for kind in ("csv", "xlsx"):
            export(db, kind, start, end)
        export(db, "pdf", start, end, "--team", "Branch 1")
        report(db, start, end)


def report(db_path: Path, start: str, end: str) -> None:
    """What the Reports view asks the engine thread for when a filter changes."""
    from datetime import date

    from trainer.export.report import trainee_lines, trend
    from trainer.export.selection import ExportFilter
    from trainer.library.incentive_rules import bundled_rules_path, load_rules

    records, rules = Records(open_database(db_path)), load_rules(bundled_rules_path())
    for team in (None, "Branch 1"):
        selection = ExportFilter(date.fromisoformat(start), date.fromisoformat(end), team)
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            lines = trainee_lines(records, selection, rules)
            trend(records, selection)
            times.append(time.perf_counter() - t0)
        print(f"reports view, {team or 'every branch'} ({len(lines)} trainees): "
              f"{min(times) * 1000:.0f} ms best of 3, {max(times) * 1000:.0f} ms worst")


if __name__ == "__main__":
    main()
