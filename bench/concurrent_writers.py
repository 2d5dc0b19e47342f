"""Several processes practising on one database at once: prints the replies each stored against
the replies it attempted, for 2 and 3 writers (not a test; tests/unit/test_concurrent_writers.py
runs it small and asserts that nothing is lost).

The writers are what really writes: the app's practice service (the real scorer, one session
after another, with a short pause between replies as a person would leave) and ``trainer play``
with a replies file (a process per session, as a script would run it), taking turns.

Run: .venv/bin/python bench/concurrent_writers.py [--sessions N] [--writers 2 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCENARIO = "atm_card_swallowed"
REPLIES = ROOT / "tests" / "data" / "replies" / "atm_resolved.txt"


def service_writer(db: Path, name: str, sessions: int, pause: float) -> int:
    """Plays ``sessions`` sessions through the app's practice service; returns the replies sent."""
    from trainer.app.context import App
    from trainer.app.settings import Settings

    app = App(Settings(data_dir=db.parent, db_path=db))
    app.open()
    trainee = app.accounts.create_trainee(name, "Branch 1")
    sent = 0
    replies = [line for line in REPLIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for _ in range(sessions):
        app.practice.start(trainee, SCENARIO)
        practice = app.practice.current
        for reply in replies:
            if practice is None or practice.finished:
                break
            app.practice.reply(reply)
            sent += 1
            time.sleep(pause)
        app.practice.stop()
    app.close()
    return sent


def cli_writer(db: Path, name: str, sessions: int) -> int:
    """Runs ``trainer play`` ``sessions`` times; returns the replies it printed as scored."""
    sent = 0
    env = {**os.environ, "TRAINER_DB": str(db)}
    for _ in range(sessions):
        done = subprocess.run([sys.executable, "-m", "trainer", "play", SCENARIO, "--trainee", name,
                               "--replies", str(REPLIES)], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=600, check=False)
        if done.returncode != 0:
            raise SystemExit(f"trainer play failed: {done.stderr.strip()}")
        sent += done.stdout.count("\n  Scores: ")
    return sent


def run(writers: int, sessions: int, folder: Path) -> dict[str, int]:
    """``writers`` processes at once on one new database; replies attempted and stored."""
    from trainer.storage.database import open_database

    db = folder / f"writers-{writers}.db"
    open_database(db).close()  # created and migrated once, before the writers start
    procs = []
    for n in range(writers):
        kind = "service" if n % 2 == 0 else "cli"
        procs.append(subprocess.Popen(
            [sys.executable, __file__, "--writer", kind, "--db", str(db), "--name", f"writer {n}",
             "--sessions", str(sessions)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    attempted = 0
    for p in procs:
        out, err = p.communicate(timeout=1800)
        if p.returncode != 0:
            raise SystemExit(f"a writer failed: {err.strip()[-600:]}")
        attempted += int(out.strip().splitlines()[-1])
    conn = open_database(db)
    stored = int(conn.execute("SELECT COUNT(*) FROM turns").fetchone()[0])
    in_sessions = int(conn.execute("SELECT COALESCE(SUM(turn_count), 0) FROM sessions").fetchone()[0])
    return {"writers": writers, "attempted": attempted, "stored": stored, "counted": in_sessions}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=25, help="sessions per writer")
    parser.add_argument("--writers", type=int, nargs="+", default=[2, 3])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--writer", choices=["service", "cli"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--name", help=argparse.SUPPRESS)
    parser.add_argument("--pause", type=float, default=0.01, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer == "service":
        print(service_writer(args.db, args.name, args.sessions, args.pause))
        return
    if args.writer == "cli":
        print(cli_writer(args.db, args.name, args.sessions))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for writers in args.writers:
            start = time.perf_counter()
            result = run(writers, args.sessions, Path(tmp))
            result["seconds"] = round(time.perf_counter() - start, 1)
            if args.json:
                print(json.dumps(result))
            else:
                print(f"{writers} writers: {result['stored']} of {result['attempted']} replies stored "
                      f"({result['counted']} counted in their sessions) in {result['seconds']} s")


if __name__ == "__main__":
    main()
