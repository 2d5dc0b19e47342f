"""Where the program keeps things (Settings) and the composition root that opens them (App)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.app.context import App
from trainer.app.settings import Settings

from helpers import ROOT, open_app


def test_the_database_and_the_data_directory_come_from_the_arguments_then_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_DB", str(tmp_path / "env" / "trainer.db"))
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    from_env = Settings.load()
    assert from_env == Settings(tmp_path / "data", tmp_path / "env" / "trainer.db")
    given = Settings.load(tmp_path / "given.db", tmp_path / "other")
    assert given == Settings(tmp_path / "other", tmp_path / "given.db")
    monkeypatch.delenv("TRAINER_DB")
    assert Settings.load().db_path == tmp_path / "data" / "trainer.db"  # in the data directory


def test_scenarios_and_recordings_live_beside_the_database_the_rest_in_the_data_directory(
        tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "data", db_path=tmp_path / "shared" / "branch.db")
    assert s.user_scenarios_dir == tmp_path / "shared" / "scenarios"
    assert s.recordings_dir == tmp_path / "shared" / "recordings"
    assert s.rules_dir == tmp_path / "data"
    assert (s.log_path, s.models_dir, s.preferences_path) == (
        tmp_path / "data" / "trainer.log", tmp_path / "data" / "speech-models",
        tmp_path / "data" / "preferences.ini")


def test_the_app_must_be_opened_before_the_database_is_used(tmp_path: Path) -> None:
    app = App(Settings(tmp_path, tmp_path / "t.db"))
    with pytest.raises(RuntimeError, match="open"):
        _ = app.repo
    with pytest.raises(RuntimeError, match="open"):
        _ = app.account_store
    assert not (tmp_path / "t.db").exists()
    assert app.open(with_scorer=False) == [] and (tmp_path / "t.db").exists()
    app.close()
    with pytest.raises(RuntimeError):
        _ = app.repo


def test_the_library_is_bundled_plus_the_scenarios_beside_the_database(db_path: Path) -> None:
    folder = db_path.parent / "scenarios"
    folder.mkdir()
    text = (ROOT / "scenarios" / "long_queue.yaml").read_text(encoding="utf-8")
    (folder / "ours.yaml").write_text(text.replace("id: long_queue\n", "id: ours\n"), encoding="utf-8")
    app = open_app(db_path, with_scorer=False)
    assert app.catalog.get("ours") is not None and app.catalog.get("long_queue") is not None
    assert app.is_bundled("long_queue") and not app.is_bundled("ours") and not app.is_bundled("nope")
    assert app.authoring.scenario_source("ours") == (text.replace("id: long_queue\n", "id: ours\n"), False)
