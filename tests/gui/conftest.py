"""GUI fixtures: the real main window on a real database file, driven through its widgets.

Before the window opens, the database gets an HR administrator ("hr"), a trainer ("tina") and a
trainee ("Mei Chen", team "Branch 7"), each with a PIN, so tests sign in as a user would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.practice_service import PracticeService
from trainer.ui import i18n
from trainer.ui.app import build
from trainer.ui.main_window import MainWindow

WAIT_MS = 30_000
PINS = {"hr": "hr-secret", "tina": "2468", "Mei Chen": "1234"}


def make_accounts(db_path: Path) -> None:
    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    admin = service.access.create_first_admin("hr", PINS["hr"])
    service.access.create_account(admin, "tina", PINS["tina"], "trainer", "Branch 7")
    service.access.create_account(admin, "Mei Chen", PINS["Mei Chen"], "trainee", "Branch 7")
    service.repo.db.close()


def sign_in(qtbot: QtBot, win: MainWindow, name: str = "Mei Chen") -> None:
    page = win.sign_in_page
    qtbot.waitUntil(lambda: win.current_page() is page, timeout=WAIT_MS)
    page.name.setText(name)
    page.password.setText(PINS[name])
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    target = win.accounts_page if name == "hr" else win.library_page
    qtbot.waitUntil(lambda: win.current_page() is target, timeout=WAIT_MS)


def open_window(qtbot: QtBot, db_path: Path, settings_path: Path, models_dir: Path) -> MainWindow:
    """The main window as the app builds it, shown and loaded (ready for sign-in)."""
    win = build(db_path=db_path, settings_path=settings_path, models_dir=models_dir)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=WAIT_MS):
        win.load()
    return win


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    make_accounts(db_path)
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    yield win
    i18n.install("en")
    win.close()  # stops the engine and voice threads, as when the user closes the app
