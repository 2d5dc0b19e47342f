"""Settings → Speech models: lists what is installed, imports, and remembers the choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trainer.speech.models import ModelStore
from trainer.ui.models_dialog import ModelsDialog


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
