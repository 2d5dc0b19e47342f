"""HR's Reports view: filters, a sortable table, the trend chart, and exports with progress."""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import PINS, WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from trainer.ui import i18n
from trainer.ui.jobs import call
from trainer.ui.main_window import MainWindow

from helpers import trainee_account


@pytest.fixture
def practised(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """ann (Branch 1) played two one-reply sessions about a system failure, one overridden by tina;
    Wang Lei (Branch 3) played one about service quality."""
    world = make_accounts(db_path, keep_open=True)
    app = world.app
    ann = world.ann.trainee_id
    assert ann is not None
    sessions = []
    world.sign_in("ann")
    for reply in ("I'm so sorry. May I see your ID card, please?", "Calm down."):
        _, session = app.practice.start(ann, "atm_card_swallowed")
        app.practice.reply(reply)
        app.practice.stop()
        sessions.append(session)
    world.sign_in("tina")
    app.accounts.override_score(sessions[0], "empathy", 5, "no warmth at all")
    wang = trainee_account(world, "Wang Lei", team="Branch 3")
    assert wang.trainee_id is not None
    app.practice.start(wang.trainee_id, "long_queue")
    app.practice.reply(
        "I'm very sorry about the wait. I'll open another counter now and serve you in 5 minutes.")
    app.practice.stop()
    app.close()
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    sign_in(qtbot, win, "hr")
    yield win
    i18n.install("en")
    win.close()


def open_reports(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.mouseClick(win.accounts_page.reports_button, Qt.MouseButton.LeftButton)
    page = win.reports_page
    qtbot.waitUntil(lambda: win.current_page() is page and page.report is not None, timeout=WAIT_MS)


def export_while_busy(win: MainWindow, action: QAction, out: Path,
                      monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Ask for an export to ``out`` while the export worker is busy, so it waits its turn; set the
    returned event to let the worker go on."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    hold = threading.Event()
    win.reports.worker.jobs.submit(call(hold.wait, 10))
    action.trigger()
    return hold


def rows(win: MainWindow) -> list[list[str]]:
    table = win.reports_page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_filters_sorting_and_the_trend_chart(qtbot: QtBot, practised: MainWindow) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    assert [r[0] for r in rows(win)] == ["ann", "Wang Lei"]  # by name until a header is clicked
    ann_line = next(line for line in page.report.lines if line.name == "ann")  # type: ignore[union-attr]
    ann_row = next(r for r in rows(win) if r[0] == "ann")
    assert ann_row[1:3] == ["Branch 1", "2"]
    empathy, automatic = ann_line.with_overrides["empathy"], ann_line.automatic["empathy"]
    assert ann_row[3] == f"{empathy:.0f} (automatic {automatic:.0f})"
    assert ann_row[4] == f"{ann_line.with_overrides['clarity']:.0f}" and ann_row[8] == "No"
    assert ann_row[7] == ann_line.level

    # sorting by empathy follows the numbers, both ways
    page.table.sortItems(3, Qt.SortOrder.AscendingOrder)
    lines = {line.name: line for line in page.report.lines}  # type: ignore[union-attr]
    by_empathy = sorted(lines, key=lambda n: lines[n].with_overrides["empathy"])
    assert [r[0] for r in rows(win)] == by_empathy
    page.table.sortItems(3, Qt.SortOrder.DescendingOrder)
    assert [r[0] for r in rows(win)] == by_empathy[::-1]

    # the chart shows the trend of everyone shown, per day, overrides applied
    assert "average per day" in page.chart.title()
    values = page.series_values()
    assert set(values) == {"Empathy", "Clarity", "Solution"}
    trend = page.report.trend  # type: ignore[union-attr]
    assert len(trend) == 30 and sum(p.sessions for p in trend) == 3  # every day, practised or not
    assert values["Empathy"] == [(p.start, p.averages["empathy"]) for p in trend if p.sessions]

    # one team: its trainees only, in the table and in the trainee filter
    page.team.setCurrentIndex(page.team.findData("Branch 1"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.selection.team == "Branch 1",
                    timeout=WAIT_MS)
    assert [r[0] for r in rows(win)] == ["ann"]
    assert [page.trainee.itemData(i) for i in range(page.trainee.count())] == [None, "ann"]
    assert "Trend of Branch 1" in page.chart.title()

    # one cause: nobody in Branch 1 practised service quality
    page.category.setCurrentIndex(page.category.findData("service_quality"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.selection.category == "service_quality",
                    timeout=WAIT_MS)
    assert rows(win) == [] and page.summary.text() == "Nobody practised with these filters in this period."
    assert not page.export_actions["csv"].isEnabled()


def test_exports_from_the_view_are_written_and_logged(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    target = tmp_path / "exports"
    target.mkdir()
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target / Path(suggested).stem), ""  # the user typed a name without its suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.export_actions["csv"].trigger()
    qtbot.waitUntil(lambda: "exported to" in page.message.text(), timeout=WAIT_MS)
    csv_file = next(target.glob("*.csv"))
    assert Path(asked[0]).name == csv_file.name and csv_file.name.startswith("scorecards-all-")
    assert re.fullmatch(rf"3 replies exported to {re.escape(str(csv_file))}\. Audit log chain head: "
                        r"#\d+ [0-9a-f]{16}\.", page.message.text())  # ann 2, Wang 1
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")

    # a PDF scorecard of the selected trainee, in the interface's language
    row = next(i for i, r in enumerate(rows(win)) if r[0] == "ann")
    page.table.selectRow(row)
    assert page.trainee_pdf_action.isEnabled() and "ann" in page.trainee_pdf_action.text()
    page.trainee_pdf_action.trigger()
    qtbot.waitUntil(lambda: "scorecard was written" in page.message.text(), timeout=WAIT_MS)
    pdf = next(target.glob("scorecard-ann-*.pdf"))
    assert page.message.text().startswith(f"The scorecard was written to {pdf}. Audit log chain head: #")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "ann" in text and "Branch 1" in text and "no warmth at all" in text and "Wang Lei" not in text
    assert Path(asked[-1]).parent == target  # the next dialog opens where the last export went

    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)  # back to the accounts
    qtbot.waitUntil(lambda: win.current_page() is win.accounts_page, timeout=WAIT_MS)
    qtbot.mouseClick(win.accounts_page.audit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.audit_page, timeout=WAIT_MS)
    audit = win.audit_page.table
    entries = [(audit.item(r, 1).text(), audit.item(r, 2).text()) for r in range(audit.rowCount())]
    assert entries[:2] == [("hr", "exported"), ("hr", "exported")]


def test_an_export_can_be_cancelled_and_a_bad_place_is_one_sentence(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    out = tmp_path / "all.xlsx"
    hold = export_while_busy(win, page.export_actions["xlsx"], out, monkeypatch)
    progress = win.export_progress
    assert progress is not None and not progress.cancelled
    qtbot.waitUntil(progress.dialog.isVisible, timeout=WAIT_MS)  # shown once it takes a moment
    assert progress.dialog.labelText() == "Exporting to all.xlsx…"
    qtbot.mouseClick(progress.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    hold.set()
    qtbot.waitUntil(lambda: "cancelled" in page.message.text(), timeout=WAIT_MS)
    assert page.message.text() == "Export cancelled; nothing was written."
    assert not out.exists() and not list(tmp_path.glob(".all.xlsx.*"))

    missing = tmp_path / "no such folder" / "all.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(missing), ""))
    page.export_actions["csv"].trigger()
    qtbot.waitUntil(lambda: "does not exist" in page.message.text(), timeout=WAIT_MS)
    assert page.message.text() == (f"Cannot write {missing}: the folder {missing.parent} does not exist.")


def test_only_hr_sees_reports(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    make_accounts(db_path)
    win = open_window(qtbot, db_path, tmp_path / "s.ini", tmp_path / "m")
    sign_in(qtbot, win, "tina")
    assert not win.reports_action.isEnabled()
    win.reports.show_reports()  # even if asked for, the service refuses and nothing opens
    qtbot.waitUntil(lambda: win.jobs.pending == 0, timeout=WAIT_MS)
    assert win.current_page() is not win.reports_page
    win.close()


def test_names_sort_by_pinyin_in_chinese(qtbot: QtBot) -> None:
    from trainer.app.reports import Report
    from trainer.export.report import TraineeLine
    from trainer.ui.reports_page import ReportsPage

    page = ReportsPage()
    qtbot.addWidget(page)
    scores = {"empathy": 60.0, "clarity": 60.0, "solution": 60.0}
    lines = [TraineeLine(i, name, "Branch 1", 1, 1, scores, scores, 0, {}, 0, "Bronze", "铜牌", 10, False)
             for i, name in enumerate(["张伟", "李娜", "陈静", "Ann"])]
    i18n.install("zh-CN")
    try:
        page.show_report(Report(page.selection(), lines, "day", []))
        assert [page.table.item(r, 0).text() for r in range(4)] == ["陈静", "李娜", "张伟", "Ann"]
        assert page.table.item(0, 7).text() == "铜牌"
    finally:
        i18n.install("en")


def test_one_trainees_pdf_can_be_cancelled(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    out = tmp_path / "ann.pdf"
    page.table.selectRow(next(i for i, r in enumerate(rows(win)) if r[0] == "ann"))
    hold = export_while_busy(win, page.trainee_pdf_action, out, monkeypatch)
    qtbot.waitUntil(win.export_progress.dialog.isVisible, timeout=WAIT_MS)  # type: ignore[union-attr]
    qtbot.mouseClick(win.export_progress.dialog.findChild(QPushButton),  # type: ignore[union-attr]
                     Qt.MouseButton.LeftButton)
    hold.set()
    qtbot.waitUntil(lambda: page.message.text() == "Export cancelled; nothing was written.", timeout=WAIT_MS)
    assert not out.exists() and list(tmp_path.glob(".ann.pdf.*")) == []


def test_closing_the_window_stops_a_running_export(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    out = tmp_path / "all.xlsx"
    hold = export_while_busy(win, page.export_actions["xlsx"], out, monkeypatch)
    threading.Timer(0.3, hold.set).start()  # the engine frees up while the window is closing
    win.close()  # waits for the engine: the export starts, sees the cancel and stops
    assert not out.exists() and list(tmp_path.glob(".all.xlsx.*")) == []


def test_exports_wait_until_the_table_shows_the_filters(qtbot: QtBot, practised: MainWindow) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    assert page.export_actions["csv"].isEnabled()
    refreshes: list[object] = []
    page.refresh.connect(refreshes.append)
    page.date_to.setDate(page.date_from.date().addDays(-1))  # the last day before the first
    assert page.message.text() == "The last day is before the first day."
    assert not page.export_actions["csv"].isEnabled() and not page.export_actions["pdf"].isEnabled()
    assert not page.refresh_scheduled  # nothing will be asked (until the dates make sense again)
    assert refreshes == [] and not page.export_actions["csv"].isEnabled()  # nothing asked, nothing on offer
    page.date_to.setDate(page.date_from.date().addDays(29))
    assert not page.export_actions["csv"].isEnabled()  # a refresh is on its way
    qtbot.waitUntil(lambda: page.export_actions["csv"].isEnabled(), timeout=WAIT_MS)
    assert len(refreshes) == 1 and page.report is not None and page.report.selection == page.selection()
    # a report that arrives after the filters changed again is not shown
    old = page.report
    page.team.setCurrentIndex(page.team.findData("Branch 3"))
    page.show_report(old)
    assert not page.export_actions["csv"].isEnabled()


def test_practice_is_scored_while_a_long_export_runs(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports have a worker thread of their own: a reply is scored and shown while one is still
    being written (here an export slowed down in its progress callback, mid-file)."""
    from trainer.app.progress_token import ProgressToken

    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    writing, release = threading.Event(), threading.Event()
    report = ProgressToken.report

    def slow_report(token: ProgressToken, done: int, total: int | None) -> None:
        writing.set()
        release.wait(WAIT_MS / 1000)
        report(token, done, total)

    monkeypatch.setattr(ProgressToken, "report", slow_report)
    out = tmp_path / "all.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    try:
        page.export_actions["csv"].trigger()
        qtbot.waitUntil(writing.is_set, timeout=WAIT_MS)
        # hr leaves the export running; ann signs in at the same window and practises
        # (programmatic clicks: the export's progress dialog is modal for mouse and keys)
        win.sign_out_action.trigger()
        qtbot.waitUntil(lambda: win.current_page() is win.sign_in_page, timeout=WAIT_MS)
        win.sign_in_page.name.setText("ann")
        win.sign_in_page.password.setText(PINS["ann"])
        win.sign_in_page.button.click()
        qtbot.waitUntil(lambda: win.current_page() is win.library_page, timeout=WAIT_MS)
        library = win.library_page
        library.list.setCurrentRow(library.visible_ids().index("atm_card_swallowed"))
        library.practise_button.click()
        qtbot.waitUntil(lambda: win.current_page() is win.practice_page, timeout=WAIT_MS)
        win.practice_page.reply.setPlainText("I'm so sorry. May I see your ID card, please?")
        with qtbot.waitSignal(win.reply_scored, timeout=WAIT_MS):
            win.practice_page.send_button.click()
        assert len(win.practice_page.turns) == 1  # scored and shown...
        assert not out.exists() and "exported" not in page.message.text()  # ...the export still running
    finally:
        release.set()
    qtbot.waitUntil(lambda: "exported to" in page.message.text(), timeout=WAIT_MS)
    assert page.message.text().startswith(f"3 replies exported to {out}. Audit log chain head: #")
    assert out.exists()


def test_spreadsheets_from_the_view_are_in_the_interface_language(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15, item 5: as the PDF does, the CSV and the workbook name their columns and say
    their outcomes in the language the app is in."""
    import csv

    import openpyxl

    win, page = practised, practised.reports_page
    win.set_language("zh-CN")
    open_reports(qtbot, win)
    out = tmp_path / "all.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    page.export_actions["csv"].trigger()
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["学员"] for r in rows} == {"ann", "Wang Lei"}
    assert {r["结果"] for r in rows} <= {"提前结束", "客户离开"}  # stopped early, walked out
    book_file = tmp_path / "all.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(book_file), ""))
    page.export_actions["xlsx"].trigger()
    qtbot.waitUntil(book_file.exists, timeout=WAIT_MS)
    assert openpyxl.load_workbook(book_file).sheetnames[:3] == ["汇总", "练习记录", "回复"]


def test_xapi_from_the_view_asks_where_the_statements_come_from_and_keeps_it(
        qtbot: QtBot, practised: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15, item 7: the home page (no placeholder) and the platform are asked for, filled
    with the branch's settings, and kept for the next export, the command line's too."""
    import json

    from trainer.domain.xapi import XapiSettings
    from trainer.library.xapi_settings import load_xapi_settings
    from trainer.ui.xapi_dialog import XapiSettingsDialog

    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    offered: list[XapiSettings] = []
    answers = [None, XapiSettings("https://lms.bank.example", "Branch trainer")]

    def ask(_parent: object, current: XapiSettings) -> XapiSettings | None:
        offered.append(current)
        return answers.pop(0)

    monkeypatch.setattr(XapiSettingsDialog, "ask", ask)
    out = tmp_path / "lms.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    page.export_actions["xapi"].trigger()  # cancelled in the dialog: nothing asked, nothing written
    assert offered == [XapiSettings()] and not out.exists()
    page.export_actions["xapi"].trigger()
    qtbot.waitUntil(lambda: "exported to" in page.message.text(), timeout=WAIT_MS)
    statements = json.loads(out.read_text(encoding="utf-8"))
    assert {s["actor"]["account"]["homePage"] for s in statements} == {"https://lms.bank.example"}
    assert {s["context"]["platform"] for s in statements} == {"Branch trainer"}
    data_dir = win.app.settings.rules_dir
    assert load_xapi_settings(data_dir) == XapiSettings("https://lms.bank.example", "Branch trainer")
    answers.append(XapiSettings("https://lms.bank.example", None))  # the platform emptied: this program
    page.export_actions["xapi"].trigger()
    assert offered[-1] == XapiSettings("https://lms.bank.example", "Branch trainer")  # what was kept
    qtbot.waitUntil(lambda: load_xapi_settings(data_dir).platform is None, timeout=WAIT_MS)


def test_the_xapi_dialog_checks_the_home_page(qtbot: QtBot) -> None:
    from trainer.domain.xapi import XapiSettings
    from trainer.ui.xapi_dialog import XapiSettingsDialog

    dialog = XapiSettingsDialog(XapiSettings())
    qtbot.addWidget(dialog)
    dialog.home_page.setText("bank.example")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.problem.text() == ("The xAPI home page must be a web address starting with https:// "
                                     "(got 'bank.example').")
    dialog.home_page.setText(" https://bank.example/ ")
    dialog.platform.setText("  Branch  7 trainer ")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.settings() == XapiSettings("https://bank.example", "Branch 7 trainer")


def test_export_messages_count_with_the_right_noun(qtbot: QtBot, window: MainWindow) -> None:
    """Issue 15, item 18 in the window too: "1 reply", not "1 replies"."""
    from trainer.export.run import ExportResult

    said = window.reports.exported
    assert said(ExportResult("csv", Path("x.csv"), {"replies": 1})) == "1 reply exported to x.csv."
    assert said(ExportResult("csv", Path("x.csv"), {"replies": 2})) == "2 replies exported to x.csv."
    assert said(ExportResult("xlsx", Path("x.xlsx"), {"trainees": 1, "sessions": 1, "replies": 3})) == (
        "1 trainee, 1 session and 3 replies exported to x.xlsx.")
    assert said(ExportResult("xapi", Path("x.json"), {"sessions": 1})) == (
        "1 session exported to x.json as an xAPI statement.")
