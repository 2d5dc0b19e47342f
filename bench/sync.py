"""Sync at the scale of a bank, against a real local PostgreSQL (prints figures; not a test).

1. Branches pushing at once: BRANCHES branch databases (default 100), each with TRAINEES trainees
   (20) and one day's practice (100 finished sessions of 4 replies), all pushed by ``trainer
   sync``'s code in WORKERS processes at once: sessions per second and the p95 round time (goal: a
   branch's day in 2 s or less).
2. The bank-wide record: BANK_TRAINEES trainees (10,000) x BANK_SESSIONS sessions (200) written
   on the server (in SQL, fast), then the central Reports query as HR's login runs it (per branch
   and for the bank; goal 1 s); and HR's PC pulling REPLIES replies (1 M: 250,000 sessions) of it
   into its copy and exporting them as CSV, time and peak memory (goal 30 s and 300 MB for the
   export).

Needs a PostgreSQL administrator's connection string in --dsn or $TRAINER_TEST_PG_DSN; without
one it starts the throwaway cluster of the tests (.ci/postgres.sh) and stops it afterwards.

Run: .venv/bin/python bench/sync.py [--branches 100] [--bank-trainees 10000] [--replies 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.app.context import App  # noqa: E402
from trainer.app.settings import Settings  # noqa: E402
from trainer.storage.database import open_database  # noqa: E402

SCORE = json.dumps({"empathy": 60, "clarity": 60, "solution": 60, "language": "en", "items": [],
                    "critical": [], "steps_taken": [], "scorer_version": "bench"})


def with_db(dsn: str, name: str) -> str:
    info = {k: str(v) for k, v in conninfo_to_dict(dsn).items() if v is not None}
    info["dbname"] = name
    return make_conninfo("", **info)


def pc(folder: Path) -> App:
    app = App(Settings(data_dir=folder, db_path=folder / "trainer.db"))
    app.open(with_scorer=False)
    return app


def make_branch(folder: Path, trainees: int, sessions: int, rng: random.Random) -> None:
    """One branch's day, written straight into its SQLite database."""
    db = open_database(folder / "trainer.db")
    now = datetime.now(UTC)
    conn = db.conn
    with conn:
        conn.executemany("INSERT INTO trainees (id, name, team, created_at, uuid) VALUES (?, ?, ?, ?, ?)",
                         [(t, f"Trainee {t}", "Team A", now.isoformat(), str(uuid.uuid4()))
                          for t in range(1, trainees + 1)])
        rows = []
        for sid in range(1, sessions + 1):
            e, c, s = (rng.uniform(30, 90) for _ in range(3))
            rows.append((sid, 1 + sid % trainees, "atm_card_swallowed", "t", "en", "system_failure", 1,
                         (now - timedelta(minutes=sid)).isoformat(), now.isoformat(), "finished",
                         "resolved", 4, e, c, s, (e + c + s) / 3, 0, 0, str(uuid.uuid4())))
        conn.executemany(
            "INSERT INTO sessions (id, trainee_id, scenario_id, scenario_title, language, category, "
            "difficulty, started_at, ended_at, status, outcome, turn_count, avg_empathy, avg_clarity, "
            "avg_solution, avg_overall, critical_count, turn_limit_reached, uuid) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany(
            "INSERT INTO turns (session_id, idx, turn_id, customer_line, reply, input_mode, empathy, "
            "clarity, solution, overall, score_json, steps_taken, mood_before, mood_after, created_at) "
            "VALUES (?, ?, 'opening', 'My card!', 'I am so sorry, let me get your card back now.', "
            "'typed', 60, 60, 60, 60, ?, '[]', 70, 60, ?)",
            [(sid, i, SCORE, now.isoformat()) for sid in range(1, sessions + 1) for i in range(4)])
    db.close()


def push_branch(folder: str) -> tuple[float, int]:
    app = pc(Path(folder))
    start = time.perf_counter()
    report = app.sync.run_round()
    took = time.perf_counter() - start
    app.close()
    return took, report.pushed["sessions"]


def branches_at_once(admin: str, tmp: Path, branches: int, trainees: int, sessions: int,
                     workers: int) -> None:
    hq = pc(tmp / "hq")
    hq.server.init(admin)
    rng = random.Random(7)
    start = time.perf_counter()
    folders = []
    for b in range(branches):
        folder = tmp / f"b{b:03d}"
        make_branch(folder, trainees, sessions, rng)
        branch = pc(folder)
        branch.sync.configure(hq.server.add_login(admin, "branch", f"b{b:03d}").dsn, f"b{b:03d}")
        branch.close()
        folders.append(str(folder))
    print(f"made {branches} branches x {trainees} trainees x {sessions} sessions x 4 replies in "
          f"{time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(push_branch, folders))
    wall = time.perf_counter() - start
    times = sorted(t for t, _ in results)
    pushed = sum(n for _, n in results)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"pushed {pushed} sessions ({pushed * 4} replies) from {branches} branches, {workers} at "
          f"once: {wall:.1f} s wall including each PC opening its app, {pushed / wall:.0f} sessions/s; "
          f"in the rounds alone {pushed * workers / sum(times):.0f} sessions/s; a branch's day: median "
          f"{statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s (goal 2 s)")
    hq.close()


def bank_record(admin: str, tmp: Path, trainees: int, sessions: int, replies: int) -> None:
    hq = pc(tmp / "hq2")
    hq.server.init(admin)
    hq.server.add_login(admin, "branch", "bank")
    start = time.perf_counter()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("INSERT INTO branches (id, name, region, role_name) SELECT 'br' || g, 'Branch ' || g, "
                     "'region ' || mod(g, 10), 'branch_br' || g FROM generate_series(1, 500) g")
        conn.execute("INSERT INTO trainees (uuid, branch_id, name, team, created_at) SELECT "
                     "md5('t' || g)::uuid, 'br' || (1 + mod(g, 500)), 'Trainee ' || g, 'Team A', "
                     "'2026-01-01' FROM generate_series(1, %s) g", [trainees])
        conn.execute(
            "INSERT INTO sessions (uuid, branch_id, trainee_uuid, scenario_id, language, category, "
            "difficulty, started_at, status, outcome, turn_count, avg_empathy, avg_clarity, avg_solution, "
            "avg_overall, critical_count, points, received_at) SELECT md5('s' || g)::uuid, "
            "'br' || (1 + mod(1 + mod(g, %s), 500)), md5('t' || (1 + mod(g, %s)))::uuid, "
            "'atm_card_swallowed', 'en', "
            "'system_failure', 1, to_char(now() - mod(g, 365) * interval '1 day', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS+00:00'), 'finished', "
            "(ARRAY['resolved','escalated','walked_out'])[1 + mod(g, 3)], 4, 40 + mod(g, 50), "
            "50 + mod(g, 40), 30 + mod(g, 60), 50, 0, 10, now() - mod(g, 365) * interval '1 day' "
            "FROM generate_series(1, %s) g", [trainees, trainees, trainees * sessions])
        per_session = 4
        with_turns = replies // per_session
        conn.execute(
            "INSERT INTO turns (session_uuid, idx, branch_id, turn_id, customer_line, reply, input_mode, "
            "empathy, clarity, solution, overall, score_json, steps_taken, mood_before, mood_after, "
            "created_at) SELECT s.uuid, i, s.branch_id, 'opening', 'My card!', "
            "'I am so sorry, let me get your card back now.', 'typed', 60, 60, 60, 60, %s, '[]', 70, 60, "
            "s.started_at FROM (SELECT uuid, branch_id, started_at FROM sessions ORDER BY received_at DESC "
            "LIMIT %s) s, generate_series(0, 3) i", [SCORE, with_turns])
        conn.execute("ANALYZE")
    print(f"wrote the bank's record on the server: {trainees} trainees x {sessions} sessions "
          f"({trainees * sessions} sessions, {replies} replies of the newest) in "
          f"{time.perf_counter() - start:.1f} s")
    hr_dsn = hq.server.add_login(admin, "hr", "bench").dsn
    times = []
    for _ in range(3):
        start = time.perf_counter()
        totals = hq.server.report(hr_dsn)
        times.append(time.perf_counter() - start)
    print(f"bank-wide Reports query as HR ({len(totals.branches)} branches, {totals.bank.sessions} "
          f"sessions): median {statistics.median(times) * 1000:.0f} ms (goal 1,000 ms)")
    hr_pc = pc(tmp / "hr")
    hr_pc.sync.configure(hr_dsn)
    # HR's PC pulls what it reads; here the sessions that have replies (the newest), so the copy
    # holds REPLIES replies to export
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DELETE FROM sessions s WHERE NOT EXISTS "
                     "(SELECT 1 FROM turns t WHERE t.session_uuid = s.uuid)")
    start = time.perf_counter()
    pulled = hr_pc.sync.run_round(batch_sessions=5000)
    took = time.perf_counter() - start
    print(f"HR's PC pulled {pulled.pulled['sessions']} sessions ({pulled.pulled['turns']} replies) into its "
          f"copy of the central record: {took:.1f} s, {pulled.pulled['turns'] / took:.0f} replies/s")
    hr_pc.close()
    today = date.today()
    for layout in (["--machine"], []):
        out = tmp / "bank.csv"
        env = {**os.environ, "TRAINER_DATA_DIR": str(tmp / "hr"),
               "TRAINER_DB": str(tmp / "hr" / "trainer.db")}
        args = ["export", "--from", (today - timedelta(days=400)).isoformat(), "--to", today.isoformat(),
                "--out", str(out), *layout]
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", MEASURED, *args], check=True, env=env, cwd=ROOT,
                              capture_output=True, text=True)
        took = time.perf_counter() - start
        peak_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
        rows = sum(1 for _ in out.open(encoding="utf-8-sig")) - 1
        print(f"bank-wide CSV ({'machine' if layout else 'readable'} layout) of {rows} replies from HR's "
              f"copy: {took:.1f} s, peak {peak_mb:.0f} MB resident (goal 30 s, 300 MB)")


#: ``trainer ARGS`` in this process, then its peak resident memory (KiB) on standard error.
MEASURED = (
    "import resource, sys\n"
    "from trainer.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsn", default=os.environ.get("TRAINER_TEST_PG_DSN"))
    parser.add_argument("--branches", type=int, default=100)
    parser.add_argument("--trainees", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--bank-trainees", type=int, default=10_000)
    parser.add_argument("--bank-sessions", type=int, default=200)
    parser.add_argument("--replies", type=int, default=1_000_000)
    parser.add_argument("--only", choices=["branches", "bank"], help="run one of the two parts")
    args = parser.parse_args()
    started = None
    if not args.dsn:
        args.dsn = subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), "start"], check=True,
                                  capture_output=True, text=True).stdout.strip()
        started = True
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(with_db(args.dsn, "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        conn.execute(f'CREATE DATABASE "{name}_bank"')
    try:
        with tempfile.TemporaryDirectory() as tmp:
            if args.only != "bank":
                branches_at_once(with_db(args.dsn, name), Path(tmp), args.branches, args.trainees,
                                 args.sessions, args.workers)
            if args.only != "branches":
                bank_record(with_db(args.dsn, f"{name}_bank"), Path(tmp), args.bank_trainees,
                            args.bank_sessions, args.replies)
    finally:
        with psycopg.connect(with_db(args.dsn, "postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'DROP DATABASE IF EXISTS "{name}_bank" WITH (FORCE)')
        if started:
            subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), "stop"], check=False)


if __name__ == "__main__":
    main()
