"""English and 简体中文: every string in the code is translated, the compiled file is current,
and the language switches live."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from trainer.ui import i18n
from trainer.ui.main_window import MainWindow

from helpers import ROOT

TRANSLATIONS = ROOT / "assets" / "translations"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(TRANSLATIONS))
import fill_translations  # noqa: E402


def test_every_interface_string_is_translated_and_the_qm_is_current(tmp_path: Path) -> None:
    ts, qm = tmp_path / "trainer_zh_CN.ts", tmp_path / "trainer_zh_CN.qm"
    shutil.copy(TRANSLATIONS / "trainer_zh_CN.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "trainer" / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete", "-silent"],
                   check=True, timeout=120)
    assert fill_translations.fill(ts) == []
    fill_translations.compile_qm(ts, qm)
    assert qm.read_bytes() == (TRANSLATIONS / "trainer_zh_CN.qm").read_bytes(), \
        "run `make translations` and commit the result"


def test_language_switches_live_and_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    assert window.windowTitle() == "Teller trainer"
    window.set_language("zh-CN")
    assert i18n.current_language() == "zh-CN"
    qtbot.waitUntil(lambda: window.windowTitle() == "柜员情景训练", timeout=5000)  # Qt posts the change
    assert window.sign_in_page.title.text() == "登录"
    assert window.sign_in_page.button.text() == "登录(&S)"
    assert window.settings.value("language") == "zh-CN"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.sign_in_page.title.text() == "Sign in", timeout=5000)
