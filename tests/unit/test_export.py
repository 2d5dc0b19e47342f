"""Scorecard exports: CSV and XLSX read back, filters, formula injection, failures leave no file."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import openpyxl
import pytest

from trainer.cli import main
from trainer.export.atomic import ExportError
from trainer.export.csv_export import neutralise, write_csv
from trainer.export.selection import ExportFilter
from trainer.export.xlsx_export import write_xlsx
from trainer.storage.database import open_database
from trainer.storage.records import Records

from helpers import PINS, ROOT, World, hr_tina_and_ann, open_app, trainee_account

TODAY = date.today()


def head_line(db_path: Path) -> str:
    """What an export prints last: the audit log's chain head as the export was written (the
    entry before the export's own), which the export's entry records too."""
    conn = sqlite3.connect(db_path)
    seq, detail = conn.execute("SELECT seq, detail FROM audit_log WHERE action = 'exported' "
                               "ORDER BY seq DESC LIMIT 1").fetchone()
    before = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq - 1]).fetchone()
    head = f"#{seq - 1} {(before[0] if before else '0' * 64)[:16]}"  # the first entry: nothing before
    assert json.loads(detail)["chain_head"] == head
    return f"Audit log chain head: {head}.\n"
HOSTILE_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")"
HOSTILE_REPLY = "@SUM(1+1)*cmd|' /C calc'!A0 calm down"
#: The database has accounts, so the command line exports only for a signed-in account with the
#: export right: HR (the password comes from TRAINER_PASSWORD, set by ``filled``).
AS_HR = ["--user", "hr"]


def play_ann_and_a_hostile_trainee(world: World) -> None:
    """ann: one English session of two replies; a trainee with a formula for a name: one Chinese
    reply that looks like a formula."""
    app, ann = world.app, world.ann
    assert ann.trainee_id is not None
    world.sign_in("ann")
    app.practice.start(ann.trainee_id, "atm_card_swallowed")
    app.practice.reply("I'm so sorry. May I see your ID card, please?")
    app.practice.reply("Calm down.")
    hostile = trainee_account(world, HOSTILE_NAME, team="+Branch 9")
    assert hostile.trainee_id is not None
    app.practice.start(hostile.trainee_id, "zh_fund_loss")
    app.practice.reply(HOSTILE_REPLY)  # left unfinished, as a closed window leaves it


@pytest.fixture
def filled(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The usual accounts; ann's session overridden by tina; HR's password in TRAINER_PASSWORD."""
    world = hr_tina_and_ann(db_path)
    assert world.ann.trainee_id is not None
    play_ann_and_a_hostile_trainee(world)
    world.sign_in("tina")
    [session] = world.app.progress.history(world.ann.trainee_id)
    world.app.accounts.override_score(session["id"], "empathy", 10, "=ignored the customer")
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    return db_path


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to read Chinese"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def export(capsys: pytest.CaptureFixture[str], *args: str, user: list[str] = AS_HR) -> tuple[int, str, str]:
    code = main([*user, "export", "--from", str(TODAY - timedelta(days=1)), "--to", str(TODAY), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_reply_exported_with_automatic_and_overridden_scores(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scores.csv"
    code, printed, _ = export(capsys, "--machine", "--out", str(out))
    assert code == 0 and printed == f"3 replies exported to {out}.\n{head_line(filled)}"
    rows = read(out)
    assert [r["trainee"] for r in rows].count("ann") == 2
    ann = [r for r in rows if r["trainee"] == "ann"]
    assert ann[0]["reply"] == "I'm so sorry. May I see your ID card, please?"
    assert ann[0]["reply_number"] == "1" and ann[1]["reply_number"] == "2"
    assert int(ann[0]["empathy"]) > int(ann[1]["empathy"])  # per reply, automatic
    automatic = (int(ann[0]["empathy"]) + int(ann[1]["empathy"])) / 2
    assert float(ann[0]["avg_empathy"]) == pytest.approx(automatic)  # the automatic average ...
    assert ann[0]["override_empathy"] == "10"                        # ... and the override
    assert ann[0]["override_empathy_comment"] == "tina: =ignored the customer"
    assert ann[0]["override_clarity"] == ""
    zh = [r for r in rows if r["scenario_id"] == "zh_fund_loss"]
    assert zh and any("\u4e00" <= ch <= "\u9fff" for ch in zh[0]["customer_line"])


def test_hostile_cells_are_neutralised(filled: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scores.csv"
    assert export(capsys, "--machine", "--out", str(out))[0] == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = read(out)
    hostile = [r for r in rows if r["trainee"].endswith(HOSTILE_NAME)]
    assert hostile[0]["trainee"] == "'" + HOSTILE_NAME
    assert hostile[0]["team"] == "'+Branch 9"
    assert hostile[0]["reply"] == "'" + HOSTILE_REPLY
    for row in csv.reader(text.splitlines()):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert [neutralise(v) for v in ("\tx", "\rx", "-1", -1, "ok")] == ["'\tx", "'\rx", "'-1", -1, "ok"]


def test_filters_by_team_trainee_and_period(filled: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "team.csv"
    export(capsys, "--team", "Branch 1", "--machine", "--out", str(out))
    assert {r["trainee"] for r in read(out)} == {"ann"}
    export(capsys, "--trainee", HOSTILE_NAME, "--machine", "--out", str(out))
    assert len(read(out)) == 1
    code = main([*AS_HR, "export", "--from", "2020-01-01", "--to", "2020-12-31", "--machine", "--out",
                 str(out)])
    assert code == 0 and read(out) == [] and "0 replies exported" in capsys.readouterr().out
    db = open_database(filled)
    later = ExportFilter(TODAY + timedelta(days=1), TODAY + timedelta(days=2))
    columns, rows = Records(db).turn_rows(later.parameters())
    assert "override_solution" in columns and list(rows) == []


def test_bad_dates_and_impossible_places_are_one_sentence(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = export(capsys, "--out", str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == 2 and err == (f"trainer: Cannot write {tmp_path / 'no' / 'such' / 'dir.csv'}: "
                                 f"the folder {tmp_path / 'no' / 'such'} does not exist.\n")
    code = main([*AS_HR, "export", "--from", "2026-12-01", "--to", "2026-11-01", "--out", "x.csv"])
    assert code == 2 and "--to (2026-11-01) is before --from (2026-12-01)." in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*AS_HR, "export", "--from", "28/11/2026", "--to", "2026-11-30", "--out", "x.csv"])
    assert "'28/11/2026' is not a date like 2026-11-28" in capsys.readouterr().err


def test_exporting_onto_a_folder_fails_cleanly(filled: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Runs as root too (unlike the read-only test): the target is a folder, so the final move fails."""
    target = tmp_path / "reports.xlsx"
    target.mkdir()
    code, _, err = export(capsys, "--out", str(target))
    assert code == 2 and err == f"trainer: Cannot write {target}: is a directory.\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert target.is_dir() and list(target.iterdir()) == []


def test_read_only_folder_leaves_nothing(filled: Path) -> None:
    """Run as another user when the tests run as root, since root may write anywhere."""
    shared = Path(tempfile.mkdtemp(prefix="trainer-readonly-"))
    try:
        shared.chmod(0o777)
        db = shared / "trainer.db"
        with sqlite3.connect(filled) as source, sqlite3.connect(db) as copy:
            source.backup(copy)
        db.chmod(0o666)
        locked = shared / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        command = [sys.executable, "-m", "trainer", "--db", str(db), *AS_HR, "export", "--from", str(TODAY),
                   "--to", str(TODAY), "--out", str(locked / "scores.csv")]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                env={**os.environ, "HOME": str(shared), "PYTHONPATH": str(ROOT),  # this code
                                     "TRAINER_DATA_DIR": str(shared / "data")}, cwd=shared)
        assert (result.returncode, result.stderr) == (
            2, f"trainer: Cannot write {locked / 'scores.csv'}: permission denied.\n")
        assert list(locked.iterdir()) == []
    finally:
        shutil.rmtree(shared, ignore_errors=True)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 KiB filesystem, filled up. Needs root (CI and `make test` run as root here)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(disk)],
                             capture_output=True, check=False).returncode == 0
    if not mounted:
        pytest.skip("mounting a small filesystem needs root")
    try:
        (disk / "old").write_text("last month's export\n", encoding="utf-8")
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 512)
        except OSError:
            pass
        finally:
            os.close(fd)
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.parametrize("name", ["scores.csv", "scores.xlsx", "scores.json", "scores.pdf"])
def test_a_full_disk_is_one_sentence_and_the_old_file_stays(
        filled: Path, full_disk: Path, name: str, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    out = full_disk / name
    (full_disk / "old").rename(out)
    code, printed, err = export(capsys, "--out", str(out), "--home-page", "https://bank.example")
    assert (code, printed, err) == (2, "", f"trainer: Cannot write {out}: no space left on device.\n")
    assert out.read_text(encoding="utf-8") == "last month's export\n"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", name]


def test_a_failure_mid_export_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    """A full disk or a dropped share fails part-way: the earlier export stays as it was."""
    out = tmp_path / "scores.csv"
    out.write_text("last month's export\n", encoding="utf-8")

    def rows() -> Iterator[tuple[str, int]]:
        yield ("ann", 80)
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match=r"cannot write .*scores.csv: no space left on device\."):
        write_csv(out, ["trainee", "empathy"], rows())
    assert out.read_text(encoding="utf-8") == "last month's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.csv"]


def test_xlsx_has_typed_summary_sessions_and_replies(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scores.xlsx"
    code, printed, _ = export(capsys, "--machine", "--out", str(out))  # the format follows the suffix
    expected = f"2 trainees, 2 sessions and 3 replies exported to {out}.\n{head_line(filled)}"
    assert code == 0 and printed == expected
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Sessions", "Replies", "Assignments", "Audit"]
    assert f"Audit log chain head: {book['Audit']['A2'].value}.\n" == head_line(filled)
    for sheet in book:
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    summary = {row[0]: dict(zip(next(book["Summary"].values), row, strict=True))
               for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    ann = summary["ann"]
    assert ann["sessions"] == 1 and ann["replies"] == 2 and ann["overrides"] == 1
    assert isinstance(ann["avg_empathy"], float) and ann["with_overrides_empathy"] == 10
    assert ann["with_overrides_clarity"] == ann["avg_clarity"]
    sessions = list(book["Sessions"].iter_rows(values_only=True))
    header = sessions[0]
    first = dict(zip(header, sessions[1], strict=True))
    assert first["trainee"] == "ann" and first["override_empathy"] == 10
    assert isinstance(first["started_at"], str) and isinstance(first["avg_clarity"], int | float)  # --machine
    replies = list(book["Replies"].iter_rows(min_row=2, values_only=True))
    assert len(replies) == 3
    cells = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert "'" + HOSTILE_NAME in cells and "'" + HOSTILE_REPLY in cells and "'+Branch 9" in cells
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"


def test_xlsx_strips_characters_excel_cannot_hold_and_failures_leave_nothing(
        tmp_path: Path) -> None:
    out = tmp_path / "odd.xlsx"
    write_xlsx(out, [("Replies", ["reply", "empathy"], [("bell\x07 ok", 5), ("=1+1", -3)])])
    rows = list(openpyxl.load_workbook(out)["Replies"].iter_rows(min_row=2, values_only=True))
    assert rows == [("bell ok", 5), ("'=1+1", -3)]

    def broken() -> Iterator[tuple[str, int]]:
        yield ("ann", 80)
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="no space left on device"):
        write_xlsx(out, [("Replies", ["trainee", "empathy"], broken())])
    assert openpyxl.load_workbook(out)["Replies"]["A2"].value == "bell ok"  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd.xlsx"]


def test_xapi_statements_match_the_schema(filled: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "statements.json"
    code, printed, _ = export(capsys, "--out", str(out), "--home-page", "https://bank.example/")
    assert code == 0 and printed == f"2 sessions exported to {out} as xAPI statements.\n{head_line(filled)}"
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "xapi-statement.schema.json").read_text())
    jsonschema.validate(data, schema)
    ann = next(s for s in data if s["actor"]["name"] == "ann")
    assert ann["actor"]["account"]["homePage"] == "https://bank.example"
    assert ann["actor"]["account"]["name"] != "ann"  # the trainee's own UUID (see test_xapi_settings)
    assert ann["object"]["id"] == "https://bank.example/scenarios/atm_card_swallowed"
    scores = ann["result"]["extensions"]["https://bank.example/xapi/scores"]
    assert scores["empathy"]["override"] == 10 and scores["empathy"]["automatic"] > 0
    assert scores["clarity"]["override"] is None
    assert 0 <= ann["result"]["score"]["scaled"] <= 1
    zh = next(s for s in data if s["context"]["language"] == "zh-CN")
    assert "zh-CN" in zh["object"]["definition"]["name"]
    again = tmp_path / "again.json"
    export(capsys, "--format", "xapi", "--out", str(again), "--home-page", "https://bank.example")
    assert [s["id"] for s in json.loads(again.read_text())] == [s["id"] for s in data]  # same ids
    broken = [dict(data[0], id="not-a-uuid")]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    code, _, err = export(capsys, "--out", str(out), "--home-page", "bank")
    assert code == 2 and "--home-page must be a web address" in err
    app = open_app(filled)
    ann = app.accounts.sign_in("ann", PINS["ann"])
    assert ann.trainee_id is not None
    app.practice.start(ann.trainee_id, "atm_card_swallowed")
    app.practice.reply("I'm sorry, let me check.")
    app.practice.stop()                    # stopped by the trainee: not "completed"
    code, printed, _ = export(capsys, "--out", str(out))
    assert printed.startswith("2 sessions exported") and len(json.loads(out.read_text())) == 2


def test_every_export_is_in_the_audit_log(filled: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "branch.csv"
    assert export(capsys, "--team", "Branch 1", "--out", str(out))[0] == 0
    export(capsys, "--out", str(tmp_path / "no" / "where.csv"))  # failed: nothing exported, no entry
    app = open_app(filled, with_scorer=False)
    hr = app.accounts.sign_in("hr", PINS["hr"])
    entries = [e for e in app.accounts.audit_log() if e["action"] == "exported"]
    assert len(entries) == 1
    detail = json.loads(entries[0]["detail"])
    assert entries[0]["username"] == "hr" and entries[0]["account_id"] == hr.account_id  # who signed in
    assert detail["format"] == "csv" and detail["team"] == "Branch 1" and detail["rows"] == 2
    assert detail["file"] == str(out.resolve())


@pytest.mark.parametrize("user", [[], ["--user", "ann"], ["--user", "tina"]])
def test_on_a_database_with_accounts_only_the_export_right_exports(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        user: list[str]) -> None:
    """Without --user, or signed in as a trainee or a trainer: exit 2, one sentence, no file, no
    export in the audit log."""
    if user:
        monkeypatch.setenv("TRAINER_PASSWORD", PINS[user[1]])
    out = tmp_path / "scores.csv"
    code, printed, err = export(capsys, "--out", str(out), user=user)
    assert (code, printed) == (2, "") and err.startswith("trainer: ") and err.count("\n") == 1
    if user:  # (the name's case is another matter: see test_cli's sentences test)
        role = {"ann": "trainee", "tina": "trainer"}[user[1]]
        assert err.lower() == f"trainer: {user[1]} ({role}) may not export scorecards.\n"
    else:
        assert "sign in with --user NAME" in err
    assert not out.exists() and list(tmp_path.glob("*.part")) == list(tmp_path.glob(".*.part")) == []
    app = open_app(filled, with_scorer=False)
    app.accounts.sign_in("hr", PINS["hr"])
    log = app.accounts.audit_log()
    assert [e for e in log if e["action"] == "exported"] == []


def test_a_wrong_password_exports_nothing(filled: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_PASSWORD", "not-the-password")
    out = tmp_path / "scores.csv"
    assert export(capsys, "--out", str(out)) == (2, "", "trainer: That name and password do not match.\n")
    assert not out.exists()
    monkeypatch.delenv("TRAINER_PASSWORD")  # no password and no terminal to ask in
    code, _, err = export(capsys, "--out", str(out))
    assert code == 2 and "TRAINER_PASSWORD" in err and not out.exists()


def test_a_database_without_accounts_exports_without_signing_in(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One person's database, from the command line: no --user; the export is audited with the
    operating-system login, marked as the command line."""
    app = open_app(db_path)
    for name, team, scenario, replies in (
            ("ann", "Branch 1", "atm_card_swallowed", ["I'm so sorry. May I see your ID card, please?",
                                                       "Calm down."]),
            (HOSTILE_NAME, "+Branch 9", "zh_fund_loss", [HOSTILE_REPLY])):
        app.practice.start(app.accounts.create_trainee(name, team), scenario)
        for reply in replies:
            app.practice.reply(reply)
    assert app.accounts.needs_first_admin()
    out = tmp_path / "scores.csv"
    code, printed, err = export(capsys, "--machine", "--out", str(out), user=[])
    assert (code, printed, err) == (0, f"3 replies exported to {out}.\n{head_line(db_path)}", "")
    assert [r["trainee"] for r in read(out)].count("ann") == 2
    code, _, err = export(capsys, "--out", str(out), user=["--user", "ann"])  # nobody to sign in as
    assert code == 2 and "has no accounts yet" in err
    [entry] = [e for e in app.repo.db.table("audit_log").rows if e["action"] == "exported"]
    assert entry["account_id"] is None and entry["username"].endswith("(command line)")
    assert json.loads(entry["detail"])["rows"] == 3


def test_an_unreadable_database_mid_export_is_one_sentence(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*_: object) -> tuple[list[str], Iterator[tuple[int]]]:
        def rows() -> Iterator[tuple[int]]:
            yield (1,)
            raise sqlite3.DatabaseError("database disk image is malformed")
        return ["n"], rows()

    monkeypatch.setattr(Records, "turn_rows", failing)
    out = tmp_path / "scores.csv"
    code, _, err = export(capsys, "--out", str(out))
    assert code == 2 and err == (f"trainer: The database file {filled} is damaged; restore it from a "
                                 f"backup ({out} was not changed).\n")
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_an_export_whose_audit_entry_cannot_be_written_leaves_no_file(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Complete and audited, or no file: with the audit log refusing (a locked or full database)
    the personal data is not left behind, an earlier file stays as it was, and nothing is logged."""
    from trainer.storage.accounts import AccountStore
    from trainer.storage.errors import StorageError

    out = tmp_path / "scores.csv"
    out.write_text("last month's file\n", encoding="utf-8")
    audited = len(audit_rows(filled))
    real = AccountStore.audit

    def refusing(self: AccountStore, at: str, account_id: int | None, username: str | None, action: str,
                 detail: dict[str, object]) -> None:
        if action == "exported":
            raise StorageError("Cannot write to the database: {reason}.", reason="the disk is full")
        real(self, at, account_id, username, action, detail)

    monkeypatch.setattr(AccountStore, "audit", refusing)
    code, _, err = export(capsys, "--out", str(out))
    assert code == 2 and err == "trainer: Cannot write to the database: the disk is full.\n"
    assert out.read_text(encoding="utf-8") == "last month's file\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert len(audit_rows(filled)) == audited + 1  # the sign-in only: no "exported" entry
    monkeypatch.setattr(AccountStore, "audit", real)
    code, _, _ = export(capsys, "--out", str(out))
    assert code == 0 and out.read_text(encoding="utf-8") != "last month's file\n"
    assert [r["action"] for r in audit_rows(filled)][:1] == ["exported"]


def audit_rows(db_path: Path) -> list[dict[str, object]]:
    return list(open_database(db_path).table("audit_log").rows_where(order_by="id desc"))
