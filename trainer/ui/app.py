"""Start the desktop app: check for a display, build the window, run Qt's event loop."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.ui.display import NO_DISPLAY_MESSAGE, has_display

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

ORGANISATION = "teller-trainer"


def build(db_path: Path | None = None, settings_path: Path | None = None,
          models_dir: Path | None = None):
    """The application's main window, wired to the real services, not yet loaded or shown.

    Paths come from :class:`trainer.app.settings.Settings` (as for the command line); the
    arguments override them (tests use throwaway ones).
    """
    from PySide6.QtCore import QSettings

    from trainer.app.context import App
    from trainer.app.settings import Settings
    from trainer.speech.models import ModelStore
    from trainer.ui import i18n
    from trainer.ui.main_window import MainWindow

    settings = Settings.load(db_path)
    from trainer.ui import errors

    errors.database_in_use = settings.db_path
    preferences = QSettings(str(settings_path or settings.preferences_path), QSettings.Format.IniFormat)
    if settings_path is None and not settings.preferences_path.exists():
        _carry_over_preferences(preferences)
    i18n.install(str(preferences.value("language", i18n.default_language())))
    models = ModelStore(models_dir or settings.models_dir)
    return MainWindow(App(settings), preferences, models)


def _carry_over_preferences(target: QSettings) -> None:
    """Earlier versions kept preferences in the system's own store: copy them once."""
    from PySide6.QtCore import QSettings

    old = QSettings(ORGANISATION, "trainer")
    for key in old.allKeys():
        target.setValue(key, old.value(key))
    target.sync()


def run(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from trainer.app.settings import Settings
    from trainer.ui.errors import install_excepthook, setup_logging
    from trainer.ui.first_frame import FirstFrame

    app = QApplication(argv or sys.argv)
    app.setApplicationName("Teller trainer")
    app.setOrganizationName(ORGANISATION)
    setup_logging(Settings.load().log_path)
    window = build()
    install_excepthook(lambda: window)
    then = [window.load]  # data is opened once the first frame is on screen: the window never waits
    if os.environ.get("TRAINER_STARTUP_BENCH"):
        # bench/startup.py: report when the first frame is up, then quit.
        def report() -> None:
            print(f"first window painted {time.perf_counter() - started:.3f} s after main() started",
                  flush=True)
            app.quit()

        then.insert(0, report)
    first_frame = FirstFrame(then, window)
    window.installEventFilter(first_frame)
    window.show()
    return app.exec()

