"""The main window's machinery: the page stack and Back, background work delivered on the UI
thread, and the progress-and-cancel token that exports and downloads share."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from trainer.app.progress_token import ProgressToken
from trainer.ui.jobs import Jobs, call
from trainer.ui.navigation import Navigation


def test_back_returns_the_way_the_user_came_and_reloads_lists(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    home, history, summary, practice = (QWidget() for _ in range(4))
    for page in (home, history, summary, practice):
        stack.addWidget(page)
    nav = Navigation(stack)
    reloads: list[str] = []
    nav.home(home, lambda: (reloads.append("home"), nav.push(home)))
    nav.push(history, lambda: (reloads.append("history"), nav.push(history)))
    nav.push(summary)
    assert nav.current() is summary and nav.stack() == [home, history, summary]
    nav.back()
    assert reloads == ["history"] and nav.current() is history and nav.stack() == [home, history]
    nav.push(practice)
    nav.replace(summary)  # a finished session's summary takes its practice page's place
    assert nav.stack() == [home, history, summary]
    nav.push(history)  # opened again: back to it, not a second copy
    assert nav.stack() == [home, history]
    nav.back()
    nav.back()  # nothing before home
    assert nav.current() is home and nav.stack() == [home]


def test_work_runs_off_the_ui_thread_and_results_come_back_on_it(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    jobs = Jobs(on_error=errors.append)
    where: list[str] = []

    def work(a: int, b: int) -> int:
        where.append(threading.current_thread().name)
        return a + b

    results: list[tuple[int, str]] = []
    jobs.submit(call(work, 2, 3), on_done=lambda n: results.append((n, threading.current_thread().name)))
    jobs.submit(call(int, "not a number"))  # the default handler gets what failed
    qtbot.waitUntil(lambda: bool(results and errors), timeout=5000)
    assert where[0].startswith("trainer-engine") and results == [(5, threading.main_thread().name)]
    assert isinstance(errors[0], ValueError) and jobs.pending == 0
    jobs.shutdown()
    assert jobs.submit(call(work, 1, 1)).cancelled()  # nothing runs once closed


def test_the_token_passes_progress_on_and_stops_the_work_once_cancelled() -> None:
    seen: list[tuple[int, int | None]] = []

    class Stop(Exception):
        pass

    token = ProgressToken(lambda done, total: seen.append((done, total)), stop_with=Stop)
    token.report(1, 10)
    token.report(2, None)
    assert seen == [(1, 10), (2, None)] and not token.cancelled
    token.cancel()
    assert token.cancelled and token.is_cancelled()
    with pytest.raises(Stop):
        token.report(3, 10)
    polled = ProgressToken(lambda done, total: seen.append((done, total)))
    polled.cancel()
    polled.report(4, 10)  # work that polls stops itself; the figures stop here
    assert seen[-1] == (2, None)
