"""One way to tell the user something went wrong: a plain sentence in a dialog, details in the log.

No traceback ever reaches the user; it goes to ``trainer.log`` in the data directory.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from trainer.app.settings import Settings
from trainer.domain.errors import UserError, as_sentence
from trainer.storage.errors import database_failure, is_damage
from trainer.storage.private import private_file
from trainer.ui.audio import AudioUnavailable

log = logging.getLogger("trainer")
_log_file: Path | None = None
database_in_use: Path | None = None
"""The database the window works on (set by ``ui.app.build``): named when it turns out damaged."""


def log_path() -> Path:
    return _log_file or Settings.load().log_path


class PrivateLogFile(RotatingFileHandler):
    """The log, and each file it rotates into, readable by its owner only (it names trainees)."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        private_file(Path(self.baseFilename))
        return stream


def setup_logging(path: Path | None = None) -> Path:
    global _log_file
    target = path or log_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    handler = PrivateLogFile(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _log_file = target
    return target


def plain_message(exc: BaseException) -> str:
    """What to tell the user, in the interface language: a :class:`UserError`'s own sentence
    (its template translated, its fields filled, each field translated too where a translation
    exists), or, for anything else, that something went wrong and where the details are."""
    if isinstance(exc, AudioUnavailable):
        return str(exc)  # already a sentence in the interface language
    if isinstance(exc, sqlite3.DatabaseError) and is_damage(exc):  # a read met a damaged page
        exc = database_failure(exc, database_in_use or Settings.load().db_path)
    reports = getattr(exc, "reports", None)  # a scenario, rubric or pack file's problems
    if isinstance(exc, UserError) and reports:
        return str(reports[0])  # file:line: field: problem, as the validator prints it
    if isinstance(exc, UserError):
        fields = {k: _translated(v) if isinstance(v, str) else v for k, v in exc.fields.items()}
        try:
            return as_sentence(_translated(exc.template), fields)
        except (KeyError, IndexError, ValueError):  # a translation with a broken field
            return exc.sentence
    return QCoreApplication.translate(
        "Errors", "Something went wrong. Your finished turns are saved; details are in {log}."
    ).format(log=log_path())


def _translated(text: str) -> str:
    return QCoreApplication.translate("UserError", text)


def log_error(exc: BaseException) -> None:
    """The traceback into the log (every error the user is told about is logged first)."""
    log.error("error shown to the user: %s", exc, exc_info=(type(exc), exc, exc.__traceback__))


def logged_message(exc: BaseException) -> str:
    """:func:`plain_message`, after logging the traceback: for handlers that show the sentence in
    their page (a dialog is :func:`show_error`)."""
    log_error(exc)
    return plain_message(exc)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    log_error(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "Teller trainer"))
    box.setText(plain_message(exc))
    box.setAccessibleName(QCoreApplication.translate("Errors", "Error message"))
    box.open()


def install_excepthook(parent_getter) -> None:
    """Unexpected exceptions on the UI thread go to :func:`show_error`, never to the terminal."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        show_error(parent_getter(), exc)

    sys.excepthook = hook
