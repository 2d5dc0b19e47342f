"""xAPI for a real LMS (issue 15, item 7): the home page and the platform are the branch's
settings (no placeholder), and a trainee's account id is a UUID of their own that survives a
rename."""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from trainer import __version__
from trainer.cli import main
from trainer.export.run import ExportRequest
from trainer.export.selection import ExportFilter
from trainer.library.xapi_settings import load_xapi_settings
from trainer.storage.database import open_database

from helpers import PINS, ROOT, hr_tina_and_ann, open_app, trainee_account

TODAY = date.today()
PERIOD = ["--from", str(TODAY - timedelta(days=1)), "--to", str(TODAY)]
AS_HR = ["--user", "hr"]
SCHEMA = json.loads((ROOT / "tests" / "data" / "xapi-statement.schema.json").read_text(encoding="utf-8"))
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The branch's data folder, where the settings are kept (not the user's real one)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TRAINER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def finished(db_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ann and 李娜 each finished a session (both walked out)."""
    world = hr_tina_and_ann(db_path)
    assert world.ann.trainee_id is not None
    world.sign_in("ann")
    world.app.practice.start(world.ann.trainee_id, "atm_card_swallowed")
    world.app.practice.reply("Calm down. There's nothing I can do about the machine.")
    li = trainee_account(world, "李娜", team="Branch 1")
    assert li.trainee_id is not None
    world.app.practice.start(li.trainee_id, "atm_card_swallowed")
    world.app.practice.reply("Calm down. There's nothing I can do about the machine.")
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    return db_path


def export(capsys: pytest.CaptureFixture[str], out: Path, *args: str) -> tuple[int, str, str]:
    code = main([*AS_HR, "export", *PERIOD, "--format", "xapi", "--out", str(out), *args])
    printed, err = capsys.readouterr()
    return code, printed, err


def statements(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    return list(data)


def test_without_a_home_page_there_is_no_placeholder_but_one_sentence(
        finished: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lms.json"
    assert export(capsys, out) == (2, "", "trainer: No xAPI home page is set: give your organisation's "
                                          "web address with --home-page, or in the Reports view's xAPI "
                                          "export.\n")
    assert not out.exists() and list(tmp_path.glob(".*")) == []
    app = open_app(finished, data_dir=tmp_path / "data", with_scorer=False)
    app.accounts.sign_in("hr", PINS["hr"])
    with pytest.raises(Exception, match="No xAPI home page is set"):
        app.reports.export(ExportRequest("xapi", out, ExportFilter(TODAY, TODAY)))
    assert "teller-trainer.invalid" not in (ROOT / "trainer" / "export" / "xapi_export.py").read_text()


def test_the_home_page_and_platform_are_remembered_from_the_command_line(
        finished: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, again = tmp_path / "first.json", tmp_path / "again.json"
    code, printed, err = export(capsys, first, "--home-page", "https://lms.bank.example/", "--platform",
                                "Bank of Example teller trainer")
    assert code == 0 and printed.startswith("2 sessions exported"), err
    settings = load_xapi_settings(data_dir)
    assert (settings.home_page, settings.platform) == ("https://lms.bank.example",
                                                       "Bank of Example teller trainer")
    assert export(capsys, again)[0] == 0  # no flags: the settings
    for statement in statements(again):
        assert statement["actor"]["account"]["homePage"] == "https://lms.bank.example"
        assert statement["context"]["platform"] == "Bank of Example teller trainer"
        assert statement["object"]["id"].startswith("https://lms.bank.example/scenarios/")
    assert [s["id"] for s in statements(first)] == [s["id"] for s in statements(again)]
    [entry, *_] = open_database(finished).query(
        "SELECT detail FROM audit_log WHERE action = 'exported' ORDER BY seq DESC")
    assert json.loads(entry["detail"])["home_page"] == "https://lms.bank.example"  # where they went
    code, _, err = export(capsys, again, "--platform", " ")
    assert (code, err) == (2, "trainer: --platform needs a name.\n")


def test_the_platform_is_the_program_by_default(finished: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lms.json"
    assert export(capsys, out, "--home-page", "https://bank.example")[0] == 0
    assert {s["context"]["platform"] for s in statements(out)} == {f"Teller trainer {__version__}"}


def test_an_account_id_is_the_trainees_own_uuid_and_survives_a_rename(
        finished: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    assert export(capsys, before, "--home-page", "https://bank.example")[0] == 0
    accounts = {s["actor"]["name"]: s["actor"]["account"]["name"] for s in statements(before)}
    assert set(accounts) == {"ann", "李娜"} and len(set(accounts.values())) == 2
    assert all(UUID.match(a) for a in accounts.values()), accounts
    db = open_database(finished)
    stored = {r["name"]: r["uuid"] for r in db.table("trainees").rows}
    assert accounts == {name: stored[name] for name in accounts}
    with db.conn:  # (the app has no rename yet: the database is changed as a rename would)
        db.table("trainees").update(db.execute("SELECT id FROM trainees WHERE name = 'ann'").fetchone()[0],
                                    {"name": "Ann Li"})
    assert export(capsys, after)[0] == 0
    renamed = {s["actor"]["name"]: s["actor"]["account"]["name"] for s in statements(after)}
    assert renamed == {"Ann Li": accounts["ann"], "李娜": accounts["李娜"]}
    assert [s["id"] for s in statements(after)] == [s["id"] for s in statements(before)]


def test_statement_ids_differ_between_branches_with_the_same_home_page(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Two branches' databases both have a session 1: the LMS must not take one for the other."""
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    ids = []
    for branch in ("one", "two"):
        db = tmp_path / branch / "trainer.db"
        db.parent.mkdir()
        world = hr_tina_and_ann(db, fresh=True)  # two databases made apart
        assert world.ann.trainee_id is not None
        world.sign_in("ann")
        world.app.practice.start(world.ann.trainee_id, "atm_card_swallowed")
        world.app.practice.reply("Calm down. There's nothing I can do about the machine.")
        out = tmp_path / branch / "lms.json"
        code = main(["--db", str(db), *AS_HR, "export", *PERIOD, "--format", "xapi", "--out", str(out),
                     "--home-page", "https://bank.example"])
        assert code == 0, capsys.readouterr().err
        [statement] = statements(out)
        ids.append(statement["id"])
    assert ids[0] != ids[1]


def test_every_trainee_gets_a_uuid_of_their_own_and_keeps_it(db_path: Path) -> None:
    """Trainees from before (filled by the migration), new ones (however they are written) and
    the id is never changed."""
    from sqlite_utils import Database

    from trainer.storage.migrations import migrations

    old = Database(db_path)
    migrations.apply(old, stop_before="m0010_trainee_uuids")
    old.execute("PRAGMA user_version = 9")
    for i, name in enumerate(("Old", "Older"), 1):
        old.table("trainees").insert({"id": i, "name": name, "team": "", "created_at": "2026-01-01"})
    old.close()
    db = open_database(db_path)
    with db.conn:
        db.execute("INSERT INTO trainees (name, team, created_at) VALUES ('New', '', '2026-12-01')")
    ids = {r["name"]: r["uuid"] for r in db.table("trainees").rows}
    assert set(ids) == {"Old", "Older", "New"} and len(set(ids.values())) == 3
    assert all(UUID.match(i) and uuid.UUID(i).version == 4 for i in ids.values()), ids
    with pytest.raises(sqlite3.DatabaseError, match="never changes"), db.conn:
        db.execute("UPDATE trainees SET uuid = ? WHERE name = 'Old'", [str(uuid.uuid4())])
    with db.conn:
        db.execute("UPDATE trainees SET name = 'Oldest' WHERE name = 'Old'")
    assert db.execute("SELECT uuid FROM trainees WHERE name = 'Oldest'").fetchone()[0] == ids["Old"]


def test_a_broken_settings_file_is_named_with_its_line(
        finished: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir()
    (data_dir / "xapi.yaml").write_text("platform: Branch 7\nhome_page: bank.example\n", encoding="utf-8")
    code, printed, err = export(capsys, tmp_path / "lms.json")
    assert (code, printed) == (2, "") and err.startswith(f"trainer: {data_dir / 'xapi.yaml'}:2:"), err
    assert "must be a web address starting with https://" in err and err.count("\n") == 1
