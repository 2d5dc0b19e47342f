"""HR reports and PDF scorecards: trainee lines with level and certification, the team trend, the
PDF read back with pdftotext, the category filter, progress and cancelling an export."""

from __future__ import annotations

import csv
import itertools
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from trainer.cli import main
from trainer.domain.incentives import IncentiveRules, Progress, SessionFact, evaluate
from trainer.export.atomic import ExportError
from trainer.export.report import bucket_size, trainee_lines, trend
from trainer.export.run import ExportCancelled, ExportRequest, format_for, run_export
from trainer.export.selection import ExportFilter
from trainer.library.incentive_rules import bundled_rules_path, load_rules
from trainer.storage.database import open_database
from trainer.storage.records import Records
from trainer.storage.repository import Repository

from helpers import PINS, enrol, hr_tina_and_ann, open_app, trainee_account

TODAY = date.today()
#: The database has accounts: the command line exports for HR, signed in (the password comes from
#: TRAINER_PASSWORD, set by ``team``).
AS_HR = ["--user", "hr"]
PERIOD = ["--from", str(TODAY - timedelta(days=1)), "--to", str(TODAY)]
RULES = load_rules(bundled_rules_path())
NOTE = "Say sorry before you explain. 先道歉，再解释。"


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The app's QApplication, made first: the PDF writer would otherwise make a QGuiApplication
    (as the command line does), and widget tests later in the run need a QApplication."""


@pytest.fixture
def team(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The usual accounts (hr, tina, and ann and bob in Branch 1). Branch 1: ann (two English
    sessions, one overridden, a coaching note) and 李娜 (Chinese); bob has not practised. Branch 2:
    zoe, whose session is about another cause."""
    world = hr_tina_and_ann(db_path)
    app, ann = world.app, world.ann
    assert ann.trainee_id is not None
    world.sign_in("ann")
    for _ in range(2):
        _, session_id = app.practice.start(ann.trainee_id, "atm_card_swallowed")
        app.practice.reply("I'm so sorry. May I see your ID card, please?")
        app.practice.reply("Calm down.")
    world.sign_in("tina")
    app.accounts.override_score(session_id, "empathy", 10, "ignored the customer's fear")
    app.accounts.add_coaching_note(ann.trainee_id, NOTE)
    for name, team, scenario in (("李娜", "Branch 1", "zh_fund_loss"), ("zoe", "Branch 2", "long_queue")):
        who = trainee_account(world, name, team)
        assert who.trainee_id is not None
        app.practice.start(who.trainee_id, scenario)
        if name == "李娜":
            app.practice.reply("非常抱歉让您着急了，我马上帮您查。")
    app.practice.reply("I'm sorry about the wait; I'll help now.")
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    return db_path


def pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is installed by `make test`"
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def selection(**kwargs: str) -> ExportFilter:
    return ExportFilter(TODAY - timedelta(days=1), TODAY, **kwargs)


def test_trainee_lines_have_both_averages_level_and_certification(team: Path) -> None:
    db = open_database(team)
    lines = {line.name: line for line in trainee_lines(Records(db), selection(team="Branch 1"), RULES)}
    assert set(lines) == {"ann", "李娜"}
    ann = lines["ann"]
    assert ann.sessions == 2 and ann.replies == 4 and ann.overrides == 1
    assert ann.with_overrides["empathy"] < ann.automatic["empathy"]  # one session overridden to 10
    assert ann.with_overrides["clarity"] == ann.automatic["clarity"]
    assert ann.level == RULES.levels[0].name and ann.points > 0 and ann.certified is False
    assert ann.overall == pytest.approx(sum(ann.with_overrides.values()) / 3, abs=0.05)


def standing(facts: list[SessionFact], rules: IncentiveRules, at_end_of: date) -> Progress:
    """The reference: the rules applied to every session up to the end of a day."""
    end = datetime.combine(at_end_of + timedelta(days=1), datetime.min.time()).astimezone()
    return evaluate([f for f in facts if f.started_at < end], rules, at_end_of)


def test_standing_counts_only_sessions_up_to_the_end_of_the_period(team: Path) -> None:
    c = "communication"
    insert_sessions(team, "fay", "Branch 4", [(3, "a", c, 80), (1, "b", c, 80), (0, "c", c, 80)])
    records = Records(open_database(team))

    def line(day: date):  # type: ignore[no-untyped-def]
        return trainee_lines(records, ExportFilter(TODAY - timedelta(days=3), day, "Branch 4"), RULES)[0]
    assert line(TODAY - timedelta(days=1)).sessions == 2 and line(TODAY).sessions == 3
    assert line(TODAY).points > line(TODAY - timedelta(days=1)).points


def test_trend_buckets_by_day_week_or_month(team: Path) -> None:
    assert bucket_size(date(2026, 11, 1), date(2026, 11, 30)) == "day"
    assert bucket_size(date(2026, 9, 1), date(2026, 11, 30)) == "week"
    assert bucket_size(date(2026, 1, 1), date(2026, 11, 30)) == "month"
    db = open_database(team)
    size, points = trend(Records(db), selection(team="Branch 1"))  # yesterday and today
    assert size == "day" and [(p.start, p.sessions) for p in points] == [(TODAY - timedelta(days=1), 0),
                                                                         (TODAY, 3)]
    assert points[0].averages == {} and set(points[1].averages) == {"empathy", "clarity", "solution"}


def test_one_trainees_pdf_scorecard_reads_back(team: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ann.pdf"
    assert main([*AS_HR, "export", *PERIOD, "--trainee", "ann", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"The scorecard was written to {out}."
    head = re.fullmatch(r"Audit log chain head: (#\d+ [0-9a-f]{16})\.", printed[1])
    assert head is not None and len(printed) == 2
    line = trainee_lines(Records(open_database(team)), selection(trainee="ann"), RULES)[0]
    text = pdf_text(out)
    assert pdf_pages(out) == 1
    for expected in ("Practice scorecard", "ann", "Team: Branch 1",
                     f"Period: {TODAY - timedelta(days=1)} – {TODAY}",
                     "Sessions: 2", "Replies: 4", f"Level: {line.level} · {line.points} points",
                     "Not certified yet", "Badges:", "Trainers' comments", NOTE.split(" 先")[0], "先道歉",
                     "Score overrides", "by tina: ignored the customer's fear",
                     f"audit log chain head {head[1]}"):  # the one the export's audit entry has
        assert expected in text, expected
    empathy_row = next(row for row in text.splitlines() if row.strip().startswith("Empathy"))
    assert empathy_row.split()[1:] == [f"{line.automatic['empathy']:.1f}",
                                       f"{line.with_overrides['empathy']:.1f}"]


def test_team_pdf_in_chinese_has_a_team_page_and_a_scorecard_each(
        team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "branch1.pdf"
    code = main([*AS_HR, "export", *PERIOD, "--team", "Branch 1", "--lang", "zh-CN", "--out", str(out)])
    assert code == 0 and "2 scorecards" in capsys.readouterr().out
    text = pdf_text(out)
    assert pdf_pages(out) == 3  # the team page, then ann's and 李娜's
    pages = text.split("\f")
    assert "团队成绩单：Branch 1" in pages[0] and "同理心" in pages[0] and "团队趋势" in pages[0]
    assert "ann" in pages[0] and "李娜" in pages[0] and "zoe" not in text and "bob" not in text
    assert "练习成绩单" in pages[1] and "ann" in pages[1] and "先道歉" in pages[1]
    assert "练习成绩单" in pages[2] and "李娜" in pages[2]


def test_pdf_with_nothing_to_show_or_nowhere_to_go_is_one_sentence(
        team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nobody.pdf"
    assert main([*AS_HR, "export", "--from", "2020-01-01", "--to", "2020-01-31", "--out", str(out)]) == 2
    assert capsys.readouterr().err == (f"trainer: Cannot write {out}: nobody practised in this period, "
                                       "so there is no scorecard to print.\n")
    assert main([*AS_HR, "export", *PERIOD, "--trainee", "nobody", "--out", str(out)]) == 2
    assert "nobody has no practice from" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "card.pdf"
    assert main([*AS_HR, "export", *PERIOD, "--trainee", "ann", "--out", str(missing)]) == 2
    assert capsys.readouterr().err == (f"trainer: Cannot write {missing}: the folder "
                                       f"{missing.parent} does not exist.\n")
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.part")) == []


def test_category_filter(team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cause.csv"
    assert main([*AS_HR, "export", *PERIOD, "--category", "service_quality", "--machine",
                 "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["trainee"], r["category"]) for r in rows} == {("zoe", "service_quality")}
    lines = trainee_lines(Records(open_database(team)), selection(category="system_failure"), RULES)
    assert [line.name for line in lines] == ["ann"]


def test_xlsx_summary_has_level_and_certification(team: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.xlsx"
    assert main([*AS_HR, "export", *PERIOD, "--machine", "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["Summary"]
    rows = list(sheet.iter_rows(values_only=True))
    summary = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert set(summary) == {"ann", "李娜", "zoe"}  # those who practised in the period
    assert summary["ann"]["level"] == RULES.levels[0].name and summary["ann"]["certified"] is False
    assert isinstance(summary["ann"]["points"], int) and summary["ann"]["points"] > 0


def test_progress_is_reported_and_a_cancel_leaves_the_old_file(team: Path, tmp_path: Path) -> None:
    db = open_database(team)
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "scores.csv"
    out.write_text("last month\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    result = run_export(Records(db), ExportRequest("csv", out, selection()), RULES,
                        on_progress=lambda done, total: seen.append((done, total)))
    assert result.counts == {"replies": 6} and seen[-1] == (6, 6)

    def cancel(done: int, total: int) -> None:
        raise ExportCancelled

    out.write_text("last month\n", encoding="utf-8")
    for kind in ("csv", "xlsx", "xapi", "pdf"):
        request = ExportRequest(kind, out, selection(), home_page="https://bank.example")
        with pytest.raises(ExportCancelled):
            run_export(Records(db), request, RULES, on_progress=cancel)
        assert out.read_text(encoding="utf-8") == "last month\n", kind
        assert [p.name for p in folder.iterdir()] == ["scores.csv"], kind


def test_format_follows_the_suffix_unless_given() -> None:
    assert [format_for(Path(f"x{s}")) for s in (".csv", ".XLSX", ".pdf", ".json", ".txt", "")] == [
        "csv", "xlsx", "pdf", "xapi", "csv", "csv"]
    assert format_for(Path("x.csv"), "pdf") == "pdf"
    with pytest.raises(ValueError, match="unknown export format 'doc'"):
        format_for(Path("x.doc"), "doc")


def test_a_pdf_that_cannot_be_written_leaves_the_old_one(team: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import trainer.export.scorecard_pdf as pdf

    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "ann.pdf"
    out.write_bytes(b"%PDF last month")

    def broken(self: object, card: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf._Document, "scorecard", broken)
    with pytest.raises(ExportError, match=r"cannot write .*ann.pdf: no space left on device\."):
        run_export(Records(open_database(team)), ExportRequest("pdf", out, selection(trainee="ann")), RULES)
    assert out.read_bytes() == b"%PDF last month" and [p.name for p in out.parent.iterdir()] == ["ann.pdf"]


def test_reports_and_exports_are_for_hr_only_and_logged(team: Path, tmp_path: Path) -> None:
    from trainer.domain.accounts import AccessDenied

    app = open_app(team, with_scorer=False)
    access, reports = app.accounts, app.reports
    request = ExportRequest("csv", tmp_path / "x.csv", selection())
    for name in ("tina", "ann"):
        access.sign_in(name, PINS[name])
        with pytest.raises(AccessDenied):
            reports.report(selection())
        with pytest.raises(AccessDenied):
            reports.export(request)
        with pytest.raises(AccessDenied):
            reports.choices()
    access.sign_out()
    with pytest.raises(AccessDenied):  # no account on a database that has accounts
        reports.export(request)
    assert not request.out.exists()
    access.sign_in("hr", PINS["hr"])
    report = reports.report(selection(team="Branch 1"))
    assert [line.name for line in report.lines] == ["ann", "李娜"] and report.trend_size == "day"
    assert reports.choices().teams == ["Branch 1", "Branch 2"]
    assert ("ann", "Branch 1") in reports.choices().trainees
    reports.export(request)
    [entry] = [e for e in access.audit_log() if e["action"] == "exported"]
    assert entry["username"] == "hr" and '"rows": 6' in entry["detail"]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "xapi", "pdf"])
def test_a_cancel_at_the_very_last_moment_still_leaves_no_file(team: Path, tmp_path: Path, kind: str) -> None:
    """The last progress report comes while the file is still a temporary one, for every format."""
    out = tmp_path / "exports" / f"out.{kind}"
    out.parent.mkdir()
    calls: list[tuple[int, int]] = []

    def cancel_at_the_end(done: int, total: int) -> None:
        calls.append((done, total))
        if done == total:
            raise ExportCancelled

    request = ExportRequest(kind, out, selection(), home_page="https://bank.example")  # type: ignore[arg-type]
    with pytest.raises(ExportCancelled):
        run_export(Records(open_database(team)), request, RULES, on_progress=cancel_at_the_end)
    assert calls and list(out.parent.iterdir()) == []
    one = ExportRequest("pdf", out.with_suffix(".pdf"), selection(trainee="ann"))
    with pytest.raises(ExportCancelled):
        run_export(Records(open_database(team)), one, RULES, on_progress=cancel_at_the_end)
    assert list(out.parent.iterdir()) == []


def insert_sessions(db_path: Path, name: str, team: str,
                    days_ago_scores: list[tuple[float, str, str, int]]) -> None:
    """Finished sessions straight into the database: (days ago, scenario id, category, score)."""
    db = open_database(db_path)
    trainee = Repository(db).trainee(name, team)
    now = datetime.now().astimezone()
    with db.conn:
        enrol(db.conn, trainee, name)
        for days_ago, scenario_id, category, score in days_ago_scores:
            started = (now - timedelta(days=days_ago)).astimezone(UTC).isoformat(timespec="milliseconds")
            db.table("sessions").insert({
                "trainee_id": trainee, "scenario_id": scenario_id, "scenario_title": scenario_id,
                "language": "en", "category": category, "difficulty": 2, "started_at": started,
                "status": "finished", "outcome": "resolved", "turn_count": 3, "avg_empathy": score,
                "avg_clarity": score, "avg_solution": score, "avg_overall": score, "critical_count": 0})


def test_a_certified_trainee_with_a_higher_level_shows_so_everywhere(
        team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    causes = ("communication", "service_quality", "system_failure")
    good = [(0.2, f"s{i}", causes[i % 3], 90) for i in range(12)]
    insert_sessions(team, "cara", "Branch 1", good)
    [cara] = trainee_lines(Records(open_database(team)), selection(trainee="cara"), RULES)
    expected = standing(Repository(open_database(team)).session_facts(cara.trainee_id), RULES, TODAY)
    assert cara.certified and expected.certification.certified
    assert cara.level == expected.level.name != RULES.levels[0].name and cara.points == expected.points
    out = tmp_path / "cara.pdf"
    assert main([*AS_HR, "export", *PERIOD, "--trainee", "cara", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "Certified: every dimension at 70 or above on" in text and f"Level: {cara.level}" in text
    assert "Not certified" not in text
    # at the end of a day before any of it: not certified, first level
    before = standing(Repository(open_database(team)).session_facts(cara.trainee_id), RULES,
                      TODAY - timedelta(days=2))
    assert not before.certification.certified and before.level.name == RULES.levels[0].name


def test_trend_has_every_week_and_month_of_the_period(team: Path) -> None:
    c = "communication"
    insert_sessions(team, "dan", "Branch 5", [(1, "a", c, 40), (15, "a", c, 80), (16, "a", c, 60)])
    db = open_database(team)
    size, points = trend(Records(db), ExportFilter(TODAY - timedelta(days=50), TODAY, "Branch 5"))
    assert size == "week" and all(p.start.weekday() == 0 for p in points)
    assert points[0].start <= TODAY - timedelta(days=50) < points[0].start + timedelta(days=7)
    assert points[-1].start <= TODAY < points[-1].start + timedelta(days=7)
    assert {b.start - a.start for a, b in itertools.pairwise(points)} == {timedelta(days=7)}
    assert sum(p.sessions for p in points) == 3 and sum(1 for p in points if p.averages) in (2, 3)
    empty = [p for p in points if not p.sessions]
    assert empty and all(p.averages == {} for p in empty)
    size, months = trend(Records(db), ExportFilter(date(2025, 11, 15), date(2026, 11, 28), "Branch 5"))
    assert size == "month" and months[0].start == date(2025, 11, 1) and months[-1].start == date(2026, 11, 1)
    assert len(months) == 13 and months[2].start == date(2026, 1, 1)


def test_the_period_follows_the_local_time_zone(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A session at 17:30 UTC on the 27th is on the 28th in Shanghai (UTC+8), not in New York."""
    import time as clock

    db = open_database(team)
    trainee = Repository(db).trainee("eve", "Branch 6")
    with db.conn:
        enrol(db.conn, trainee, "eve")
        db.table("sessions").insert({
            "trainee_id": trainee, "scenario_id": "a", "scenario_title": "a", "language": "en",
            "category": "communication", "difficulty": 1, "started_at": "2026-11-27T17:30:00.000+00:00",
            "status": "finished", "outcome": "resolved", "turn_count": 1, "avg_empathy": 50.0,
            "avg_clarity": 50.0, "avg_solution": 50.0, "avg_overall": 50.0, "critical_count": 0})
    day = ExportFilter(date(2026, 11, 28), date(2026, 11, 28), "Branch 6")
    try:
        for zone, expected in (("Asia/Shanghai", 1), ("America/New_York", 0), ("UTC", 0)):
            monkeypatch.setenv("TZ", zone)
            clock.tzset()
            assert len(trainee_lines(Records(db), day, RULES)) == expected, zone
            assert sum(p.sessions for p in trend(Records(db), day)[1]) == expected, zone
    finally:
        monkeypatch.undo()
        clock.tzset()


HEADERS = {"en": ["Trainee", "Sessions", "Empathy", "Clarity", "Solution", "Critical fails", "Level",
                  "Certified"],
           "zh-CN": ["学员", "练习次数", "同理心", "清晰度", "解决方案", "严重失误", "等级", "已认证"]}


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_the_team_page_prints_every_header_whole(
        team: Path, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15, item 6: the team page's columns fit their headers ("Sessi…", "Critica…" and
    "Certifi…" before); nothing on the page is cut short with an ellipsis."""
    out = tmp_path / "team.pdf"
    assert main([*AS_HR, "export", *PERIOD, "--team", "Branch 1", "--lang", language, "--out", str(out)]) == 0
    capsys.readouterr()
    page = pdf_text(out).split("\f")[0]
    assert "…" not in page
    header = next(line for line in page.splitlines() if HEADERS[language][0] in line.split())
    for text in HEADERS[language]:
        assert text in header, (text, header)


def test_a_long_name_wraps_and_never_cuts_a_header(
        team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A name wider than its share of the page wraps onto more lines; the headers stay whole."""
    long_name = "Maximiliana Konstantinopoulou-Vasilakopoulou de la Fontaine-Montgomery"
    insert_sessions(team, long_name, "Branch 1", [(0.1, "a", "communication", 70)])
    out = tmp_path / "team.pdf"
    assert main([*AS_HR, "export", *PERIOD, "--team", "Branch 1", "--out", str(out)]) == 0
    capsys.readouterr()
    page = pdf_text(out).split("\f")[0]
    assert "…" not in page
    words = page.split()
    for text in HEADERS["en"]:
        assert all(word in words for word in text.split()), text
    for part in long_name.replace("-", " ").split():  # (Qt may wrap after a hyphen)
        assert any(part in word for word in words), part


def test_columns_fit_their_text_and_the_widest_wrap_first() -> None:
    from trainer.export.table_layout import fit_columns

    assert fit_columns(100, [0.5, 0.5], [20, 30], [10, 10]) == [50, 50]  # room: the shares
    assert fit_columns(100, [0.25] * 4, [10, 10, 10, 90], [5, 5, 5, 30]) == pytest.approx([10, 10, 10, 70])
    assert fit_columns(100, [0.5, 0.5], [300, 300], [100, 100]) == [50, 50]  # words must break
