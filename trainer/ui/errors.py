"""One way to tell the user something went wrong: a plain sentence in a dialog, details in the log.

No traceback ever reaches the user; it goes to ``trainer.log`` in the data directory.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from trainer.access_service import SignInFailed
from trainer.domain.accounts import AccessDenied
from trainer.domain.scoring import EmptyReply
from trainer.export.atomic import ExportError
from trainer.library.loader import ScenarioError
from trainer.library.packs import PackError
from trainer.speech.models import ModelError
from trainer.storage.database import StorageError, data_dir

log = logging.getLogger("trainer")


def log_path() -> Path:
    return data_dir() / "trainer.log"


def setup_logging(path: Path | None = None) -> Path:
    target = path or log_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return target


def plain_message(exc: BaseException) -> str:
    """What to tell the user: the error's own sentence when it has one meant for people."""
    ours = isinstance(exc, StorageError | AccessDenied | ModelError | PackError | SignInFailed | EmptyReply
                      | ExportError)
    # The services raise LookupError and ValueError with sentences for people; their built-in
    # subclasses (KeyError, UnicodeDecodeError...) are programming errors and go to the log.
    plain = type(exc) in (LookupError, ValueError)
    if ours or plain:
        text = str(exc).strip().rstrip(".").strip("'\"")
        return text[:1].upper() + text[1:] + "."
    if isinstance(exc, ScenarioError):
        return str(exc.reports[0]) if exc.reports else str(exc)
    return QCoreApplication.translate(
        "Errors", "Something went wrong. Your finished turns are saved; details are in {log}."
    ).format(log=log_path())


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    log.error("error shown to the user", exc_info=(type(exc), exc, exc.__traceback__))
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
