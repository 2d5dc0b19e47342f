"""GUI fixtures: the real main window on a real database file (see ``gui_helpers``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import make_accounts, open_window
from pytestqt.qtbot import QtBot

from trainer.ui import i18n
from trainer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    make_accounts(db_path)
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    yield win
    i18n.install("en")
    win.close()  # stops the engine and voice threads, as when the user closes the app
