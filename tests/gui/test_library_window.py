"""The first window: a real Qt window listing the scenario library."""

from __future__ import annotations

import subprocess
import sys

from pytestqt.qtbot import QtBot

from trainer.library.catalog import load_catalog
from trainer.ui.display import NO_DISPLAY_MESSAGE, has_display
from trainer.ui.library_window import LibraryWindow

from helpers import ROOT


def test_window_lists_every_bundled_scenario(qtbot: QtBot) -> None:
    catalog = load_catalog()
    window = LibraryWindow(catalog)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert sorted(window.scenario_ids()) == sorted(catalog.scenarios)
    titles = {window.table.item(r, 0).text() for r in range(window.table.rowCount())}
    assert "The ATM swallowed my card" in titles
    assert any(window.table.item(r, 1).text() == "简体中文" for r in range(window.table.rowCount()))
    assert not window.problems.isVisible()


def test_display_detection() -> None:
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32")


def test_no_display_is_one_plain_sentence() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True,
                            text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY_MESSAGE
    assert "trainer play" in NO_DISPLAY_MESSAGE
