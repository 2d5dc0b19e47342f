"""HR's Reports view: filters, a sortable table, the trend chart, and exports with progress."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from trainer.domain.practice import Practice
from trainer.practice_service import PracticeService
from trainer.ui import i18n
from trainer.ui.main_window import MainWindow

from helpers import bundled


@pytest.fixture
def practised(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """Mei Chen (Branch 7) played two one-reply sessions about a system failure, one overridden by tina;
    Wang Lei (Branch 3) played one about service quality."""
    make_accounts(db_path)
    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    access, repo = service.access, service.repo
    mei = next(t["id"] for t in repo.trainees() if t["name"] == "Mei Chen")
    for reply in ("I'm so sorry. May I see your ID card, please?", "Calm down."):
        Practice(bundled("atm_card_swallowed"), service.scorer, repo, mei).reply(reply)
    session = repo.sessions(mei)[0]["id"]
    access.override_score(access.sign_in("tina", "2468"), session, "empathy", 5, "no warmth at all")
    wang = repo.trainee("Wang Lei", team="Branch 3")
    Practice(bundled("long_queue"), service.scorer, repo, wang).reply(
        "I'm very sorry about the wait. I'll open another counter now and serve you in 5 minutes.")
    repo.db.close()
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
    """Ask for an export to ``out`` while the engine is busy, so it waits its turn; set the
    returned event to let the engine go on."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    hold = threading.Event()
    win.jobs.submit(hold.wait, 10)
    action.trigger()
    return hold


def rows(win: MainWindow) -> list[list[str]]:
    table = win.reports_page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_filters_sorting_and_the_trend_chart(qtbot: QtBot, practised: MainWindow) -> None:
    win, page = practised, practised.reports_page
    open_reports(qtbot, win)
    assert [r[0] for r in rows(win)] == ["Mei Chen", "Wang Lei"]  # by name until a header is clicked
    mei = next(line for line in page.report.lines if line.name == "Mei Chen")  # type: ignore[union-attr]
    mei_row = next(r for r in rows(win) if r[0] == "Mei Chen")
    assert mei_row[1:3] == ["Branch 7", "2"]
    assert mei_row[3] == f"{mei.with_overrides['empathy']:.0f} (automatic {mei.automatic['empathy']:.0f})"
    assert mei_row[4] == f"{mei.with_overrides['clarity']:.0f}" and mei_row[8] == "No"
    assert mei_row[7] == mei.level

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
    page.team.setCurrentIndex(page.team.findData("Branch 7"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.selection.team == "Branch 7",
                    timeout=WAIT_MS)
    assert [r[0] for r in rows(win)] == ["Mei Chen"]
    assert [page.trainee.itemData(i) for i in range(page.trainee.count())] == [None, "Mei Chen"]
    assert "Trend of Branch 7" in page.chart.title()

    # one cause: nobody in Branch 7 practised service quality
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
    assert page.message.text() == f"3 replies exported to {csv_file}."  # Mei 2, Wang 1
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")

    # a PDF scorecard of the selected trainee, in the interface's language
    row = next(i for i, r in enumerate(rows(win)) if r[0] == "Mei Chen")
    page.table.selectRow(row)
    assert page.trainee_pdf_action.isEnabled() and "Mei Chen" in page.trainee_pdf_action.text()
    page.trainee_pdf_action.trigger()
    qtbot.waitUntil(lambda: "scorecard was written" in page.message.text(), timeout=WAIT_MS)
    pdf = next(target.glob("scorecard-Mei-Chen-*.pdf"))
    assert page.message.text() == f"The scorecard was written to {pdf}."
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Mei Chen" in text and "Branch 7" in text and "no warmth at all" in text and "Wang Lei" not in text
    assert Path(asked[-1]).parent == target  # the next dialog opens where the last export went

    win.show_audit()
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
    win.show_reports()  # even if asked for, the service refuses and nothing opens
    qtbot.waitUntil(lambda: win.jobs.pending == 0, timeout=WAIT_MS)
    assert win.current_page() is not win.reports_page
    win.close()


def test_names_sort_by_pinyin_in_chinese(qtbot: QtBot) -> None:
    from trainer.export.report import TraineeLine
    from trainer.report_service import Report
    from trainer.ui.reports_page import ReportsPage

    page = ReportsPage()
    qtbot.addWidget(page)
    scores = {"empathy": 60.0, "clarity": 60.0, "solution": 60.0}
    lines = [TraineeLine(i, name, "Branch 7", 1, 1, scores, scores, 0, {}, 0, "Bronze", "铜牌", 10, False)
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
    out = tmp_path / "mei.pdf"
    page.table.selectRow(next(i for i, r in enumerate(rows(win)) if r[0] == "Mei Chen"))
    hold = export_while_busy(win, page.trainee_pdf_action, out, monkeypatch)
    qtbot.waitUntil(win.export_progress.dialog.isVisible, timeout=WAIT_MS)  # type: ignore[union-attr]
    qtbot.mouseClick(win.export_progress.dialog.findChild(QPushButton),  # type: ignore[union-attr]
                     Qt.MouseButton.LeftButton)
    hold.set()
    qtbot.waitUntil(lambda: page.message.text() == "Export cancelled; nothing was written.", timeout=WAIT_MS)
    assert not out.exists() and list(tmp_path.glob(".mei.pdf.*")) == []


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
    qtbot.wait(2 * 250 + 100)
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
