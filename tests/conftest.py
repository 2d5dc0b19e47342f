"""Shared fixtures. Qt runs offscreen in every test; each test gets its own database file."""

from __future__ import annotations

import fcntl
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
DATA = Path(__file__).resolve().parent / "data"


#: Tests that share something outside their own folder, by what they share: the one fake microphone
#: (a PulseAudio sink) and the test PostgreSQL server (which some tests stop and start). When the
#: suite runs on several cores (`make test`: pytest-xdist), a test holds its resource's lock while
#: it runs, so no two of them use it at once, whichever workers they are on.
SHARED = {"tests/speech/test_live_audio.py": "microphone", "tests/gui/test_voice.py": "microphone",
          "tests/sync/": "postgresql"}


@pytest.fixture(autouse=True, scope="session")
def _a_qapplication_first(qapp: object) -> object:
    """The application object, made before any test: a command-line PDF export makes a bare
    QGuiApplication when there is none, and a window test later in the same process would then
    find no QApplication (Qt aborts). The app and the command line never share a process."""
    return qapp


@pytest.fixture(autouse=True)
def _one_at_a_time(request: pytest.FixtureRequest) -> Iterator[None]:
    where = Path(str(request.node.fspath)).resolve().relative_to(ROOT).as_posix()
    resource = next((r for prefix, r in SHARED.items() if where.startswith(prefix)), None)
    if resource is None or "PYTEST_XDIST_WORKER" not in os.environ:
        yield
        return
    lock = Path(tempfile.gettempdir()) / f"trainer-tests-{resource}.lock"
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point TRAINER_DB at a fresh file, and TRAINER_DATA_DIR at a folder of the test's own
    (the branch's files and settings, the log), so no test touches the user's real data."""
    db = tmp_path / "trainer.db"
    monkeypatch.setenv("TRAINER_DB", str(db))
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    return db


@pytest.fixture
def db_path(_isolated_db: Path) -> Path:
    return _isolated_db


@pytest.fixture(scope="session")
def trainer_cmd() -> list[str]:
    """How to run the CLI in a subprocess with this interpreter."""
    return [sys.executable, "-m", "trainer"]
