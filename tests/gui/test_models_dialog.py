"""Settings → Speech models: lists what is installed, imports, and remembers the choice."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from gui_helpers import WAIT_MS, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.speech.models import ModelStore
from trainer.ui.main_window import MainWindow
from trainer.ui.models_dialog import ModelsDialog

from helpers import PINS, open_app
from hostile import MODEL, LocalServer, model_members, write_zip


def fake_model(folder: Path, name: str) -> Path:
    (folder / name / "am").mkdir(parents=True)
    (folder / name / "conf").mkdir()
    return folder / name


def test_dialog_lists_imports_and_chooses(qtbot: QtBot, tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    dialog = ModelsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    assert "No speech model is installed" in dialog.message.text()
    dialog.language.setCurrentIndex(dialog.language.findData("zh-CN"))
    with qtbot.waitSignal(dialog.jobs.busy, timeout=10_000, raising=False):
        dialog._import(str(fake_model(tmp_path / "src", "vosk-model-small-cn")))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 1).text() == "vosk-model-small-cn"
    assert dialog.table.item(0, 2).text() == "✓"
    assert "Installed vosk-model-small-cn" in dialog.message.text()
    dialog._import(str(tmp_path / "src"))  # a folder holding a model: refused, it is already there
    qtbot.waitUntil(lambda: "already installed" in dialog.message.text(), timeout=10_000)
    dialog.table.selectRow(0)
    dialog._use_selected()
    assert store.chosen("zh-CN") is not None
    dialog.reject()


def test_a_failure_is_a_plain_sentence_and_its_details_are_logged(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    store = ModelStore(tmp_path / "models")

    def broken(*_: object) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(store, "import_model", broken)
    dialog = ModelsDialog(store)
    qtbot.addWidget(dialog)
    dialog._import(str(tmp_path))
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Something went wrong"), timeout=10_000)
    assert "internal detail" not in dialog.message.text()
    assert any(r.exc_info and "internal detail" in str(r.exc_info[1]) for r in caplog.records)
    dialog.reject()


def test_a_download_uses_the_catalogue_shows_the_sha256_and_is_audited(
        qtbot: QtBot, window: MainWindow, db_path: Path, tmp_path: Path) -> None:
    """The catalogue an IT department edits gives the URL (no SHA-256 here): the SHA-256 of what
    was installed is shown in the dialog and entered in the audit log with who installed it."""
    sign_in(qtbot, window, "hr")
    payload = write_zip(tmp_path / "m.zip", model_members()).read_bytes()
    sha = hashlib.sha256(payload).hexdigest()
    with LocalServer(payload) as server:
        window.models.root.mkdir(parents=True, exist_ok=True)
        (window.models.root / "catalogue.json").write_text(json.dumps({"en": {"url": server.url}}),
                                                           encoding="utf-8")
        window.show_models()
        dialog = window.findChild(ModelsDialog)
        assert dialog is not None
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT_MS)
    assert sha in dialog.message.text()
    assert dialog.table.item(0, 3).toolTip() == sha and sha.startswith(dialog.table.item(0, 3).text()[:12])
    qtbot.waitUntil(lambda: window.jobs.pending == 0, timeout=WAIT_MS)
    app = open_app(db_path, with_scorer=False)
    try:
        app.accounts.sign_in("hr", PINS["hr"])
        entries = [e for e in app.accounts.audit_log() if e["action"] == "speech_model_installed"]
    finally:
        app.close()
    assert len(entries) == 1 and entries[0]["username"] == "hr"
    detail = json.loads(entries[0]["detail"])
    assert detail == {"language": "en", "name": MODEL, "source": server.url, "sha256": sha,
                      "sha256_checked": False}
    dialog.reject()


def test_a_download_that_does_not_match_the_catalogue_sha256_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    payload = write_zip(tmp_path / "m.zip", model_members()).read_bytes()
    with LocalServer(payload) as server:
        store.root.mkdir(parents=True)
        entry = {"url": server.url, "sha256": "1" * 64}
        (store.root / "catalogue.json").write_text(json.dumps({"zh-CN": entry}), encoding="utf-8")
        dialog = ModelsDialog(store)
        qtbot.addWidget(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("zh-CN"))
        dialog._download(restart=False)
        qtbot.waitUntil(lambda: "does not match the SHA-256" in dialog.message.text(), timeout=WAIT_MS)
    assert store.installed() == [] and dialog.table.rowCount() == 0
    dialog.reject()
