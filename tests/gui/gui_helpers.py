"""What the GUI tests share: the real main window on a real database file, driven through its
widgets (the ``window`` fixture in ``conftest`` opens it).

Before the window opens, the database gets the usual accounts of ``helpers.hr_tina_and_ann``: an
HR administrator (hr), a trainer (tina) and two trainees (ann and bob, team Branch 1), each with
the password in ``PINS``, so tests sign in as a user would. Tests import these from here, not from
``conftest``: with several test folders named on the command line, the last folder's
``conftest`` is the module of that name (``tests/sync`` has one too).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.storage.sync_config import SyncConfig, write_config
from trainer.ui.app import build
from trainer.ui.main_window import MainWindow

from helpers import PINS, World, hr_tina_and_ann

WAIT_MS = 30_000
__all__ = ["PINS", "WAIT_MS", "make_accounts", "open_window", "sign_in", "sync_as_branch"]


def sync_as_branch(branch: str) -> None:
    """Set this PC up to sync as ``branch`` with a server that is never reachable (port 9)."""
    write_config(Path(os.environ["TRAINER_DATA_DIR"]) / "sync.json",
                 SyncConfig("postgresql://branch_x:pw@127.0.0.1:9/trainer", branch))


def make_accounts(db_path: Path, *, keep_open: bool = False) -> World:
    """The usual accounts in the database at ``db_path``; its app is closed unless ``keep_open``
    (to add practice before the window opens: close it then)."""
    world = hr_tina_and_ann(db_path, with_scorer=False)
    if not keep_open:
        world.app.close()
    return world


def sign_in(qtbot: QtBot, win: MainWindow, name: str = "ann") -> None:
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
