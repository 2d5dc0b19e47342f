"""Several processes practising on one database at once: every reply is stored, none is lost to
a lock (each write transaction takes the write lock up front and waits for it)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from trainer.storage.database import open_database

from helpers import ROOT

SESSIONS, TURNS = 60, 3

WRITER = textwrap.dedent(f"""
    import sys
    sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "tests")!r}]
    from pathlib import Path
    from helpers import bundled, make_score
    from trainer.domain.dialogue import Exchange
    from trainer.domain.mood import MoodChange
    from trainer.domain.practice import TurnTimings
    from trainer.storage.database import open_database
    from trainer.storage.repository import Repository

    repo = Repository(open_database(Path(sys.argv[1])))
    scenario = bundled("atm_card_swallowed")
    trainee = repo.trainee(sys.argv[2], "Branch 1")
    for _ in range({SESSIONS}):
        session = repo.start_session(trainee, scenario)
        for i in range({TURNS}):
            exchange = Exchange(i, "start", "Where is my card?", "I'm sorry, let me help.", make_score(),
                                MoodChange(70, 60, ()), frozenset(), "start")
            repo.record_turn(session, exchange, "typed", TurnTimings(1000, 10))
        repo.finish_session(session, "finished", None, 60, False)
""")


def test_three_processes_writing_at_once_lose_nothing(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()  # created and migrated once, before the writers start
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writers = [subprocess.Popen([sys.executable, str(script), str(db_path), f"writer {n}"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(3)]
    results = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], [err[-600:] for _, err in results]
    db = open_database(db_path)
    sessions = db.execute("SELECT COUNT(*), SUM(status = 'finished'), SUM(turn_count) "
                          "FROM sessions").fetchone()
    assert tuple(sessions) == (3 * SESSIONS, 3 * SESSIONS, 3 * SESSIONS * TURNS)
    assert db.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 3 * SESSIONS * TURNS


def test_the_apps_service_and_trainer_play_writing_at_once_lose_nothing() -> None:
    """What really writes: two processes practising through the app's service (the real scorer)
    and one running ``trainer play`` session after session, all at once (bench/concurrent_writers.py,
    run small)."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "concurrent_writers.py"), "--writers", "3",
                           "--sessions", "2", "--json"], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-800:]
    [result] = [json.loads(line) for line in done.stdout.splitlines()]
    assert result["attempted"] == 3 * 2 * 2  # every session: both replies of the resolved path
    assert result["stored"] == result["counted"] == result["attempted"]
