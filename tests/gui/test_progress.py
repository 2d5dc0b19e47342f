"""Dashboard, leaderboard and coaching view on the real window, with generated sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from gui_helpers import PINS, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.storage.database import open_database
from trainer.ui.main_window import MainWindow

from helpers import open_app

WAIT_MS = 30_000
NOW = datetime.now(UTC)


PIN = "482916"


def generate(db_path: Path) -> None:
    """Three more trainees (accounts made by hr) in two branches, with sessions over the last weeks
    (one struggling)."""
    app = open_app(db_path, with_scorer=False)
    app.accounts.sign_in("hr", PINS["hr"])
    ids = {}
    for name, team in (("Ann Lee", "Branch 1"), ("Bob Wu", "Branch 1"), ("Cy Ho", "Branch 2")):
        trainee_id = app.accounts.create_account(name, PIN, "trainee", team).trainee_id
        assert trainee_id is not None
        ids[name] = trainee_id
    app.close()
    db = open_database(db_path)
    plan = {"Ann Lee": (85, 0, ["system_failure", "service_quality", "communication", "staff_attitude"]),
            "Bob Wu": (40, 1, ["system_failure"]), "Cy Ho": (70, 0, ["policy_market"])}
    for name, (score, critical, categories) in plan.items():
        for i in range(8):
            started = NOW - timedelta(days=20 - 2 * i)
            db.table("sessions").insert({
                "trainee_id": ids[name], "scenario_id": f"{categories[i % len(categories)]}_{i}",
                "scenario_title": "t", "language": "en", "category": categories[i % len(categories)],
                "difficulty": 1 + i % 3, "started_at": started.isoformat(), "status": "finished",
                "outcome": "resolved" if score > 60 else "walked_out", "turn_count": 3,
                "avg_empathy": score, "avg_clarity": score - 5, "avg_solution": score + 5,
                "avg_overall": score, "critical_count": critical, "turn_limit_reached": 0,
            })
    db.close()


def choose(qtbot: QtBot, win: MainWindow, name: str) -> None:
    """Signed in as that generated trainee."""
    page = win.sign_in_page
    qtbot.waitUntil(lambda: win.current_page() is page, timeout=WAIT_MS)
    page.name.setText(name)
    page.password.setText(PIN)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.library_page, timeout=WAIT_MS)


def test_dashboard_shows_trends_badges_level_and_a_recommendation(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    generate(db_path)
    choose(qtbot, window, "Ann Lee")
    qtbot.mouseClick(window.library_page.progress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.dashboard_page, timeout=WAIT_MS)
    page = window.dashboard_page
    progress = page.dashboard.progress  # type: ignore[union-attr]
    assert progress.sessions == 8 and progress.points > 0
    assert page.level.text().startswith(f"Level: {progress.level.name} · {progress.points} points")
    assert len(page.chart.series()) == 3 and page.chart.series()[0].count() == 8
    assert page.categories.rowCount() == 5
    policy_row = next(r for r in range(5) if page.categories.item(r, 0).text() == "Policy and market")
    assert page.categories.item(policy_row, 1).text() == "—"  # never practised
    badges = [page.badges.item(i).text() for i in range(page.badges.count())]
    assert any(b.startswith("Every cause practised") and "(4/5)" in b for b in badges)
    assert "Policy and market" in page.recommended.text()  # aimed at the weakest, unpractised cause
    qtbot.mouseClick(page.practise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.practice_page, timeout=WAIT_MS)
    assert window.practice_page.scenario.category == "policy_market"  # type: ignore[union-attr]


def test_leaderboard_per_team_and_initials(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    generate(db_path)
    choose(qtbot, window, "Ann Lee")
    qtbot.mouseClick(window.library_page.progress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.dashboard_page, timeout=WAIT_MS)
    window.dashboard_page.initials.setChecked(True)  # Ann prefers initials
    qtbot.mouseClick(window.dashboard_page.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.library_page, timeout=WAIT_MS)
    qtbot.mouseClick(window.library_page.leaderboard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.leaderboard_page, timeout=WAIT_MS)
    page = window.leaderboard_page
    page.period.setCurrentIndex(page.period.findData("all"))
    # all time: Ann leads (by initials); the 3 generated trainees and the other 2 trainees (ann, bob)
    # are listed, not the trainer tina
    qtbot.waitUntil(lambda: page.table.rowCount() == 5 and page.table.item(0, 1).text() == "A.L.",
                    timeout=WAIT_MS)
    assert page.table.item(0, 0).text() == "1"
    page.team.setCurrentIndex(page.team.findData("Branch 2"))
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)
    assert page.table.item(0, 1).text() == "Cy Ho"


def test_coaching_view_lists_who_needs_attention_and_drills_down(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    generate(db_path)
    sign_in(qtbot, window, "tina")
    window.coaching_action.trigger()
    qtbot.waitUntil(lambda: window.current_page() is window.coaching_page, timeout=WAIT_MS)
    page = window.coaching_page
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "Bob Wu" in names and "Ann Lee" not in names
    page.table.selectRow(names.index("Bob Wu"))
    why = page.table.item(names.index("Bob Wu"), 2).text()
    assert "low scores" in why and "repeated critical fails" in why
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.history_page, timeout=WAIT_MS)
    assert window.history_page.table.rowCount() == 8
