"""GUI fixtures: the real main window on a real database file, driven through its widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trainer.ui import i18n
from trainer.ui.app import build
from trainer.ui.main_window import MainWindow

WAIT_MS = 30_000  # the first reply loads the sentence encoder


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    win = build(db_path=db_path, settings_path=tmp_path / "settings.ini", models_dir=tmp_path / "models")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=WAIT_MS):
        win.load()
    yield win
    i18n.install("en")
    win.close()  # stops the engine and voice threads, as when the user closes the app
