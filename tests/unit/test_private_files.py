"""People's practice is readable by its owner only: the database (and its WAL), the program's
folder and recordings are 0600/0700 (the log: tests/gui/test_private_log.py), whatever the process's umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from trainer.domain.spoken import SpokenReply

from helpers import open_app


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def lax_umask():  # type: ignore[no-untyped-def]
    old = os.umask(0o022)  # what most desktops use: new files 0644, folders 0755
    yield
    os.umask(old)


def test_the_database_recordings_and_folders_are_owner_only(tmp_path: Path, lax_umask: None) -> None:
    data = tmp_path / "data"
    app = open_app(data / "trainer.db", data_dir=data)
    trainee = app.accounts.create_trainee("Rec", "")
    app.accounts.set_record_audio(trainee, True)
    app.practice.start(trainee, "atm_card_swallowed")
    heard = SpokenReply(("I'm so sorry, may I see your ID card please",), (), None, b"\x01\x00" * 16000)
    turn = app.practice.reply(heard.alternatives[0], "spoken", heard).turn
    assert turn.audio_path is not None
    wal = data / "trainer.db-wal"
    assert mode(data) == 0o700 and mode(data / "trainer.db") == 0o600
    assert wal.exists() and mode(wal) == 0o600
    assert mode(app.settings.recordings_dir) == 0o700 and mode(Path(turn.audio_path)) == 0o600


def test_an_older_world_readable_database_is_made_private(tmp_path: Path, lax_umask: None) -> None:
    db = tmp_path / "trainer.db"
    open_app(db, with_scorer=False).close()
    os.chmod(db, 0o644)
    open_app(db, with_scorer=False).close()
    assert mode(db) == 0o600
