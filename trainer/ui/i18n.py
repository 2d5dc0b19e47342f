"""The interface language: English (the source strings) or Simplified Chinese (a Qt translation).

Translations live in ``assets/translations/trainer_zh_CN.ts`` (edit with Qt Linguist or by hand)
and are compiled to ``.qm`` with ``pyside6-lrelease``; a test keeps the two in step and checks that
every string in the code is translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from trainer.resources import bundled_path

LANGUAGES = {"en": "English", "zh-CN": "简体中文"}
_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> str:
    return str(bundled_path("assets") / "translations")


def current_language() -> str:
    return _current


def default_language() -> str:
    """Chinese when the system's language is Chinese, else English."""
    return "zh-CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install(code: str) -> bool:
    """Switch the application's language; returns False if the translation is missing."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    _current = "en"
    if code == "en":
        QCoreApplication.sendEvent(app, _language_change())
        return True
    ok = False
    ours = QTranslator(app)
    if ours.load("trainer_zh_CN", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
        ok = True
    qt = QTranslator(app)  # Qt's own dialogs and buttons
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if ok:
        _current = code
    return ok


def _language_change():
    from PySide6.QtCore import QEvent

    return QEvent(QEvent.Type.LanguageChange)
