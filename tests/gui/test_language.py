"""English and 简体中文: every string in the code is translated, the compiled file is current,
and the language switches live."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

from gui_helpers import WAIT_MS, sign_in
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


# -- the errors users see -----------------------------------------------------------------------------

NOT_TRANSLATED_HERE = {"CommandError",  # the command line's own, in English
                       "ScenarioError", "PackError"}  # a file's problems, as the validator prints them


def user_error_texts() -> tuple[set[str], set[str], list[str]]:
    """Every literal template passed to a ``UserError`` subclass in ``trainer/``, every ``what``
    passed to ``Identity.require``, and where a template is an f-string (so cannot be translated)."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in (ROOT / "trainer").rglob("*.py")}
    kinds = {"UserError"}
    while True:  # the subclasses, however deep
        found = {c.name for tree in trees.values() for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
                 and any(isinstance(b, ast.Name) and b.id in kinds for b in c.bases)}
        if found <= kinds:
            break
        kinds |= found
    kinds -= NOT_TRANSLATED_HERE
    templates, whats, f_strings = set(), set(), []
    for path, tree in trees.items():
        constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                     and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                     for t in n.targets if isinstance(t, ast.Name)}
        calls = [(None, n) for n in ast.walk(tree) if isinstance(n, ast.Call)]
        calls += [(c.name, n) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name in kinds
                  for n in ast.walk(c) if isinstance(n, ast.Call)]  # super().__init__("...") in them
        for cls, call in calls:
            func = call.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "require" and len(call.args) == 2 and isinstance(call.args[1], ast.Constant):
                whats.add(call.args[1].value)
            is_super = cls is not None and name == "__init__" and isinstance(func, ast.Attribute) \
                and isinstance(func.value, ast.Call) and getattr(func.value.func, "id", "") == "super"
            if not call.args or (name not in kinds and not is_super):
                continue
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                templates.add(first.value)
            elif isinstance(first, ast.Name) and first.id in constants:
                templates.add(constants[first.id])
            elif isinstance(first, ast.JoinedStr):
                f_strings.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    return templates, whats, f_strings


def test_every_user_error_template_has_a_chinese_translation(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from trainer.ui import user_error_texts as listed

    templates, whats, _ = user_error_texts()
    assert len(templates) > 25 and "{user} ({role}) may not {what}." in templates and "see reports" in whats
    assert sorted(templates - set(listed.TEMPLATES)) == [], "add them to trainer/ui/user_error_texts.py"
    assert sorted(whats - set(listed.WHATS)) == [], "add them to trainer/ui/user_error_texts.py"
    i18n.install("zh-CN")
    try:
        texts = templates | whats | set(listed.ROLES)
        untranslated = [t for t in texts if QCoreApplication.translate("UserError", t) == t]
        assert sorted(untranslated) == [], "translate them in assets/translations/zh_CN.py"
        for text in texts:  # the fields survive translation
            assert set(re.findall(r"{\w+}", QCoreApplication.translate("UserError", text))) == \
                set(re.findall(r"{\w+}", text)), text
    finally:
        i18n.install("en")


def test_a_service_s_refusal_is_shown_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    sign_in(qtbot, window, "tina")
    window.set_language("zh-CN")
    window.reports.show_reports()  # tina is a trainer: the reports service refuses
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=WAIT_MS)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == "tina（培训师）无权查看报表。"
    box.close()
    assert window.current_page() is window.library_page


def test_the_audit_log_reads_as_sentences_and_the_status_follows_the_language(
        qtbot: QtBot, window: MainWindow) -> None:
    """Issue 15, item 17: no raw "exported", "team: None" or "trainee_id: 2" in the audit log; a
    status message set before a change of language is translated too."""
    qtbot.waitUntil(lambda: window.message.text() == "Ready.", timeout=WAIT_MS)
    window.set_language("zh-CN")
    qtbot.waitUntil(lambda: window.message.text() == "就绪。", timeout=5000)  # Qt posts the change
    sign_in(qtbot, window, "hr")
    window.accounts_page.audit_button.click()
    audit = window.audit_page
    qtbot.waitUntil(lambda: window.current_page() is audit and audit.table.rowCount() > 0, timeout=WAIT_MS)
    details = [audit.table.item(r, 3).text() for r in range(audit.table.rowCount())]
    assert "添加了账户 ann，角色为学员。" in details and "已登录。" in details
    assert not any(re.search(r"\w+_\w+: |None", d) for d in details), details
    window.set_language("en")
