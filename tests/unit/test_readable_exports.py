"""CSV and XLSX exports a person can read, in English or Chinese, and the machine layout an LMS
reads (issue 15, item 5): read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from trainer.cli import main
from trainer.export.layout import HEADINGS, SHEETS
from trainer.storage.database import open_database

from helpers import PINS, ROOT, hr_tina_and_ann, trainee_account

TODAY = date.today()
PERIOD = ["--from", str(TODAY - timedelta(days=2)), "--to", str(TODAY + timedelta(days=2))]
AS_HR = ["--user", "hr"]
#: What the database holds for ann's session's empathy average: a third, never rounded.
THIRD = 25 + 1 / 3

EN_REPLIES = [
    "Session no.", "Trainee", "Team", "Scenario id", "Scenario", "Cause", "Language", "Started", "Ended",
    "Outcome", "Reply no.", "Customer said", "Reply", "Typed or spoken", "Empathy", "Clarity", "Solution",
    "Overall", "Critical fails", "Session empathy (automatic)", "Session clarity (automatic)",
    "Session solution (automatic)", "Session empathy (override)", "Empathy override: by and why",
    "Session clarity (override)", "Clarity override: by and why", "Session solution (override)",
    "Solution override: by and why"]
ZH_REPLIES = [
    "练习编号", "学员", "团队", "情景编号", "情景", "原因", "语言", "开始时间", "结束时间", "结果",
    "回复序号", "客户的话", "回复", "输入方式", "同理心", "清晰度", "解决方案", "总分", "严重失误",
    "本次练习同理心（自动评分）",
    "本次练习清晰度（自动评分）", "本次练习解决方案（自动评分）", "本次练习同理心（培训师调整）",
    "同理心调整：调整人与理由", "本次练习清晰度（培训师调整）", "清晰度调整：调整人与理由",
    "本次练习解决方案（培训师调整）", "解决方案调整：调整人与理由"]
MACHINE_REPLIES = [
    "session_id", "trainee", "team", "scenario_id", "scenario_title", "category", "language", "started_at",
    "ended_at", "outcome", "reply_number", "customer_line", "reply", "input_mode", "empathy", "clarity",
    "solution", "overall", "critical_count", "avg_empathy", "avg_clarity", "avg_solution", "override_empathy",
    "override_empathy_comment", "override_clarity", "override_clarity_comment", "override_solution",
    "override_solution_comment"]
#: Words each language uses: ann's session walked out, typed, about a system failure, in English;
#: 李娜's is in Chinese; neither trainee is certified, both at the first level.
WORDS = {"en": {"walked_out": "Walked out", "system_failure": "System failure", "en": "English",
                "zh-CN": "Chinese", "typed": "Typed", "no": "No", "level": "Trainee"},
         "zh-CN": {"walked_out": "客户离开", "system_failure": "系统故障", "en": "英文", "zh-CN": "中文",
                   "typed": "打字", "no": "否", "level": "学员"}}


@pytest.fixture(autouse=True)
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC+8, so a local time can never be mistaken for the stored UTC one."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def practised(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ann walked out of the ATM scenario in one typed reply, her empathy overridden by tina (the
    stored average made a third, as three replies would make it); 李娜 practised in Chinese."""
    world = hr_tina_and_ann(db_path)
    assert world.ann.trainee_id is not None
    world.sign_in("ann")
    _, session = world.app.practice.start(world.ann.trainee_id, "atm_card_swallowed")
    world.app.practice.reply("Calm down. There's nothing I can do about the machine.")
    li = trainee_account(world, "李娜", team="Branch 1")
    assert li.trainee_id is not None
    world.app.practice.start(li.trainee_id, "zh_fund_loss")
    world.app.practice.reply("非常抱歉让您着急了，我马上帮您查。")
    world.sign_in("tina")
    world.app.accounts.override_score(session, "empathy", 10, "no warmth")
    db = open_database(db_path)
    with db.conn:
        db.execute("UPDATE sessions SET avg_empathy = ? WHERE id = ?", [THIRD, session])
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    return db_path


def export(capsys: pytest.CaptureFixture[str], *args: str) -> None:
    code = main([*AS_HR, "export", *PERIOD, *args])
    err = capsys.readouterr().err
    assert code == 0, err


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def stored(db_path: Path, name: str) -> dict[str, Any]:
    """A trainee's session as the database has it."""
    db = open_database(db_path)
    return dict(next(db.query("SELECT s.* FROM sessions s JOIN trainees t ON t.id = s.trainee_id "
                              "WHERE t.name = ?", [name])))


def local_minute(stamp: str) -> str:
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(("language", "headers"), [("en", EN_REPLIES), ("zh-CN", ZH_REPLIES)])
def test_csv_reads_as_a_person_would(practised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     language: str, headers: list[str]) -> None:
    out = tmp_path / "replies.csv"
    export(capsys, "--lang", language, "--out", str(out))
    columns, rows = read_csv(out)
    assert columns == headers
    words, name = WORDS[language], dict(zip(MACHINE_REPLIES, headers, strict=True))
    ann = next(r for r in rows if r[name["trainee"]] == "ann")
    session = stored(practised, "ann")
    assert ann[name["outcome"]] == words["walked_out"]
    assert ann[name["category"]] == words["system_failure"]
    assert ann[name["language"]] == words["en"] and ann[name["input_mode"]] == words["typed"]
    assert ann[name["avg_empathy"]] == "25.3"  # one decimal
    assert ann[name["override_empathy"]] == "10"
    assert ann[name["override_empathy_comment"]] == "tina: no warmth"
    assert ann[name["started_at"]] == local_minute(session["started_at"])  # local time, to the minute
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", ann[name["ended_at"]])
    li = next(r for r in rows if r[name["trainee"]] == "李娜")
    assert li[name["language"]] == words["zh-CN"]
    for row in rows:
        for column in ("avg_empathy", "avg_clarity", "avg_solution"):
            assert re.fullmatch(r"-?\d+(\.\d)?", row[name[column]]), (column, row[name[column]])


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_xlsx_reads_as_a_person_would(practised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      language: str) -> None:
    out = tmp_path / "all.xlsx"
    export(capsys, "--lang", language, "--out", str(out))
    book = openpyxl.load_workbook(out)
    zh = language == "zh-CN"
    sheets = ("summary", "sessions", "replies", "assignments", "audit")
    assert book.sheetnames == [SHEETS[t][1 if zh else 0] for t in sheets]
    words = WORDS[language]

    def table(sheet: str) -> tuple[list[str], list[tuple[Any, ...]], dict[str, int]]:
        rows = list(book[sheet].iter_rows(values_only=True))
        header = [str(h) for h in rows[0]]
        return header, rows[1:], {h: i for i, h in enumerate(header)}

    summary_sheet, sessions_sheet, replies_sheet = book.sheetnames[:3]
    header, rows, at = table(summary_sheet)
    assert header[:5] == (["学员", "团队", "等级", "积分", "已认证"] if zh else
                          ["Trainee", "Team", "Level", "Points", "Certified"])
    ann = next(r for r in rows if r[0] == "ann")
    assert ann[at[header[4]]] == words["no"] and ann[at[header[2]]] == words["level"]
    empathy = "同理心（自动评分）" if zh else "Empathy (automatic)"
    assert ann[at[empathy]] == 25.3 and isinstance(ann[at[header[3]]], int)
    column = at[empathy] + 1
    assert book[summary_sheet].cell(row=2, column=column).number_format == "0.0"

    header, rows, at = table(sessions_sheet)
    name = {k: h.name(language) for k, h in HEADINGS["sessions"].items()}
    assert header == list(name.values())  # the machine layout's columns, in its order
    session = stored(practised, "ann")
    row_number, ann = next((i, r) for i, r in enumerate(rows, 2) if r[at[name["trainee"]]] == "ann")
    assert ann[at[name["outcome"]]] == words["walked_out"]
    assert ann[at[name["avg_empathy"]]] == 25.3  # a number, rounded to one decimal
    started = ann[at[name["started_at"]]]
    expected = datetime.fromisoformat(session["started_at"]).astimezone().replace(tzinfo=None)
    assert isinstance(started, datetime) and abs(started - expected) < timedelta(milliseconds=1)
    cell = book[sessions_sheet].cell(row=row_number, column=at[name["started_at"]] + 1)
    assert cell.number_format == "yyyy-mm-dd hh:mm"
    cell = book[sessions_sheet].cell(row=row_number, column=at[name["avg_empathy"]] + 1)
    assert cell.number_format == "0.0"
    assert ann[at[name["difficulty"]]] == ("简单" if zh else "Easy")

    header, rows, at = table(replies_sheet)
    assert header == (ZH_REPLIES if zh else EN_REPLIES)
    for sheet in book:
        assert not any("_" in str(h) for h in next(sheet.iter_rows(values_only=True)))


def test_the_machine_layout_keeps_codes_full_precision_and_utc_stamps(
        practised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = stored(practised, "ann")
    out = tmp_path / "lms.csv"
    export(capsys, "--machine", "--lang", "zh-CN", "--out", str(out))  # --lang does not change it
    columns, rows = read_csv(out)
    assert columns == MACHINE_REPLIES
    ann = next(r for r in rows if r["trainee"] == "ann")
    assert ann["outcome"] == "walked_out" and ann["category"] == "system_failure"
    assert ann["language"] == "en" and ann["input_mode"] == "typed"
    assert float(ann["avg_empathy"]) == THIRD  # every digit
    assert ann["started_at"] == session["started_at"] and ann["started_at"].endswith("+00:00")

    out = tmp_path / "lms.xlsx"
    export(capsys, "--machine", "--out", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Sessions", "Replies", "Assignments", "Audit"]
    rows = list(book["Sessions"].iter_rows(values_only=True))
    ann_row = dict(zip(rows[0], next(r for r in rows[1:] if r[1] == "ann"), strict=True))
    assert ann_row["started_at"] == session["started_at"] and ann_row["outcome"] == "walked_out"
    assert ann_row["avg_empathy"] == pytest.approx(THIRD, rel=1e-14)  # all a workbook holds (15 digits)
    assert ann_row["difficulty"] == 1
    rows = list(book["Summary"].iter_rows(values_only=True))
    summary = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == "ann"), strict=True))
    assert summary["certified"] is False and summary["level"] == "Trainee"
    assert [c for c in rows[0] if c is not None] == list(HEADINGS["summary"])


def test_machine_is_for_spreadsheets_only(practised: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*AS_HR, "export", *PERIOD, "--machine", "--out", str(tmp_path / "x.pdf")])
    assert (code, capsys.readouterr().err) == (
        2, "trainer: --machine is for CSV and XLSX exports; PDF has one layout.\n")
    assert not (tmp_path / "x.pdf").exists()


def test_every_column_of_both_layouts_is_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `(\w+)` \| (.+?) \| (.+?) \|", doc, flags=re.MULTILINE))
    for table, headings in HEADINGS.items():
        for key, heading in headings.items():
            assert (key, heading.en, heading.zh) in rows, (table, key)
