"""Keyboard alone, accessible names, remembered window geometry, system font size, one error dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from trainer.storage.database import StorageError
from trainer.ui.app import build
from trainer.ui.main_window import MainWindow
from trainer.ui.widgets import heading

from helpers import PINS

WAIT_MS = 30_000


def test_a_whole_session_by_keyboard_alone(qtbot: QtBot, window: MainWindow) -> None:
    page = window.sign_in_page
    assert page.name.hasFocus()
    qtbot.keyClicks(page.name, "ann")
    qtbot.keyClick(page.name, Qt.Key.Key_Tab)
    assert page.password.hasFocus()
    qtbot.keyClicks(page.password, PINS["ann"])
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.library_page, timeout=WAIT_MS)
    library = window.library_page
    assert library.list.hasFocus()
    qtbot.keyClick(library.list, Qt.Key.Key_Return)  # the first scenario
    qtbot.waitUntil(lambda: window.current_page() is window.practice_page, timeout=WAIT_MS)
    practice = window.practice_page
    assert practice.reply.hasFocus()
    qtbot.keyClicks(practice.reply, "Calm down. There's nothing I can do.")
    with qtbot.waitSignal(window.reply_scored, timeout=WAIT_MS):
        qtbot.keyClick(practice.reply, Qt.Key.Key_Return)
    assert practice.summary_button.hasFocus()
    qtbot.keyClick(practice.summary_button, Qt.Key.Key_Space)
    assert window.current_page() is window.summary_page


def test_interactive_widgets_have_accessible_names(qtbot: QtBot, window: MainWindow) -> None:
    kinds = (QLineEdit, QPlainTextEdit, QTextBrowser, QComboBox, QListWidget, QTableWidget, QProgressBar)
    unnamed = []
    for widget in window.findChildren(QAbstractButton) + [w for k in kinds for w in window.findChildren(k)]:
        if isinstance(widget, QAbstractButton):
            named = bool(widget.text() or widget.accessibleName())
        else:
            named = bool(widget.accessibleName())
        qt_internal = widget.objectName().startswith("qt_") or type(widget) is QAbstractButton
        if not named and not qt_internal:
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert unnamed == []


def test_window_remembers_size_and_place(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    settings = tmp_path / "geometry.ini"
    first = build(db_path=db_path, settings_path=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(QSize(780, 570))
    first.move(QPoint(20, 10))
    first.close()
    second = build(db_path=db_path, settings_path=settings)
    qtbot.addWidget(second)
    assert second.size() == QSize(780, 570)
    second.jobs.shutdown()


def test_text_follows_the_system_font_size(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    try:
        for size in (10.0, 16.0):
            font = QFont(original)
            font.setPointSizeF(size)
            app.setFont(font)
            assert heading("x", 1.5).font().pointSizeF() == size * 1.5
    finally:
        app.setFont(original)


def test_errors_are_one_plain_sentence_in_a_dialog(qtbot: QtBot, window: MainWindow) -> None:
    window.show_error(StorageError("Cannot use the database /x/y.db: it is locked by another program "
                                   "(close it and try again)."))
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text() == ("Cannot use the database /x/y.db: it is locked by another program "
                               "(close it and try again).")
    boxes[0].close()
    window.show_error(RuntimeError("internal detail"))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "internal detail" not in box.text() and "Traceback" not in box.text()
    assert box.text().startswith("Something went wrong. Your finished turns are saved")
    box.close()
