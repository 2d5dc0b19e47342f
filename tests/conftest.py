"""Shared fixtures. Qt runs offscreen in every test; each test gets its own database file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
DATA = Path(__file__).resolve().parent / "data"


#: Tests that share something outside their own folder run one after another, in one worker, when
#: the suite runs on several cores (`make test`: pytest-xdist, ``--dist loadgroup``): the fake
#: microphone (one PulseAudio sink), and the test PostgreSQL server (some tests stop and start it).
SHARED = {"tests/speech/": "sound", "tests/gui/test_voice.py": "sound", "tests/sync/": "postgresql"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix()
        group = next((g for prefix, g in SHARED.items() if where.startswith(prefix)), None)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


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
