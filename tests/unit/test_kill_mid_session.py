"""A playing process killed with SIGKILL loses no finished turn; the next start marks the session
unfinished."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from trainer.storage.database import open_database
from trainer.storage.repository import Repository

REPLIES = [
    "I'm sorry about that, I understand it's frustrating.",
    "I'm so sorry, I really understand how stressful this is.",
]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_session_keeps_every_finished_turn(db_path: Path, trainer_cmd: list[str]) -> None:
    env = {**os.environ, "TRAINER_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [*trainer_cmd, "play", "atm_card_swallowed", "--replies", "-", "--trainee", "Kim"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    assert proc.stdin and proc.stdout
    try:
        for reply in REPLIES:
            proc.stdin.write(reply + "\n")
            proc.stdin.flush()
            for line in proc.stdout:  # wait until the turn has been played (and so stored)
                if line.startswith("  Mood:"):
                    break
            else:
                pytest.fail(f"the player stopped early: {proc.stderr.read() if proc.stderr else ''}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    # The next start of the program marks the session unfinished.
    result = subprocess.run([*trainer_cmd, "history", "--json"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    [session] = [json.loads(line) for line in result.stdout.splitlines()]
    assert session["status"] == "unfinished" and session["turns"] == len(REPLIES)

    turns = Repository(open_database(db_path)).turns(session["id"])
    assert [t["reply"] for t in turns] == REPLIES
    assert all(t["empathy"] is not None and t["mood_after"] is not None for t in turns)
