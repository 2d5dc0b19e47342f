"""Write docs/screenshots/*.png: library, practice with feedback, summary, HR's reports and a PDF
scorecard, in both languages.

Run under a virtual display: `make screenshots` (xvfb-run .venv/bin/python docs/screenshots.py).
Uses a throwaway database and settings, so your own practice data is untouched.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trainer.app.context import App
from trainer.app.settings import Settings
from trainer.export.run import ExportRequest, run_export
from trainer.export.selection import ExportFilter
from trainer.storage.database import open_database
from trainer.storage.records import Records
from trainer.ui import i18n
from trainer.ui.app import build

OUT = Path(__file__).resolve().parent / "screenshots"
RUNS = {
    "en": ("atm_card_swallowed", "Ann Lee", [
        "I'm so sorry, that's really stressful when you need the money today. May I see your ID card, "
        "please? I'll open the machine with my colleague and bring your card back within ten minutes.",
        "Thank you, Ms Park. While you wait I can give you cash at the counter right away, so you'll be "
        "at the school before four.",
    ]),
    "zh-CN": ("zh_transfer_failed_deducted", "王小明", [
        "非常抱歉，让您着急了，房租今天要交，我完全理解您的心情。请您把身份证和银行卡给我，我马上帮您查这笔转账的交易记录。",
        "钱没有丢，我已经帮您查到了，这笔钱会在两个工作日内退回您的账户。您房租今天要交的话，我现在就帮您在柜台重新转一笔，十分钟内到账。今天下午五点前我再给您打电话确认退款进度。",
    ]),
}


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def shoot(window, name: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    QTest.qWait(900)  # let the mood meter finish gliding
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print(f"wrote {path}")


TEAM = {"en": ["Ben Ortiz", "Chloe Wu", "Dev Patel", "Emma Stone"],
        "zh-CN": ["李娜", "张伟", "陈静", "刘洋"]}


def add_team_history(db_path: Path, names: list[str]) -> None:
    """A month of practice for four more trainees of Branch 7, so the reports have something to show."""
    rng = random.Random(3)
    db = open_database(db_path)
    now = datetime.now(UTC)
    with db.conn:
        for name in names:
            trainee = db.table("trainees").insert({"name": name, "team": "Branch 7", "initials_only": 0,
                                                   "created_at": now.isoformat()}).last_pk
            skill = rng.uniform(45, 75)
            for day in range(28, 0, -3):
                skill = min(95, skill + rng.uniform(-2, 4))
                scores = [max(0, min(100, skill + rng.uniform(-12, 12))) for _ in range(3)]
                db.table("sessions").insert({
                    "trainee_id": trainee, "scenario_id": "long_queue", "scenario_title": "The long queue",
                    "language": "en", "category": "service_quality", "difficulty": 1,
                    "started_at": (now - timedelta(days=day, hours=rng.randrange(8))).isoformat(),
                    "status": "finished", "outcome": rng.choice(["resolved", "resolved", "escalated"]),
                    "turn_count": 3, "avg_empathy": scores[0], "avg_clarity": scores[1],
                    "avg_solution": scores[2], "avg_overall": sum(scores) / 3,
                    "critical_count": int(rng.random() < 0.15)})
    db.close()


def shoot_reports(app: QApplication, window, lang: str, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.sign_out_action.trigger()
    wait_until(app, lambda w=window: w.current_page() is w.sign_in_page and not w.jobs.pending)
    window.sign_in_page.name.setText("hr")
    window.sign_in_page.password.setText("screenshot-admin")
    window.sign_in_page.button.click()
    wait_until(app, lambda w=window: w.current_page() is w.accounts_page)
    window.accounts_page.reports_button.click()
    wait_until(app, lambda w=window: w.current_page() is w.reports_page and w.reports_page.report is not None
               and not w.jobs.pending)
    shoot(window, f"reports-{lang}")
    # page 2 of the team PDF: the first trainee's scorecard, as HR files it
    pdf = db_path.with_name("team.pdf")
    selection = ExportFilter(date.today() - timedelta(days=29), date.today(), "Branch 7")
    run_export(Records(open_database(db_path)), ExportRequest("pdf", pdf, selection, lang),
               window.app.rules)
    subprocess.run(["pdftoppm", "-f", "2", "-l", "2", "-r", "70", "-png", "-singlefile", str(pdf),
                    str(OUT / f"scorecard-{lang}")], check=True)
    print(f"wrote {OUT / f'scorecard-{lang}.png'}")


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, (scenario_id, trainee, replies) in RUNS.items():
        with tempfile.TemporaryDirectory() as tmp:
            setup = App(Settings(data_dir=Path(tmp), db_path=Path(tmp) / "shots.db"))
            setup.open(with_scorer=False)
            setup.accounts.create_first_admin("hr", "screenshot-admin")  # and signed in
            setup.accounts.create_account(trainee, "638201", "trainee", "Branch 7")
            # what a trainer assigned: shown first in the library, with its due date and status
            situation = setup.practice.scenario(scenario_id).situation_id
            setup.assignments.assign(situation, date.today() + timedelta(days=5), 70,
                                     trainee=trainee)
            setup.close()
            add_team_history(Path(tmp) / "shots.db", TEAM[lang])
            window = build(db_path=Path(tmp) / "shots.db", settings_path=Path(tmp) / "settings.ini")
            window.set_language(lang)
            window.resize(1280, 800)
            window.show()
            window.load()
            wait_until(app, lambda w=window: w.current_page() is w.sign_in_page and not w.jobs.pending)
            window.sign_in_page.name.setText(trainee)
            window.sign_in_page.password.setText("638201")
            window.sign_in_page.button.click()
            wait_until(app, lambda w=window: w.current_page() is w.library_page)
            shoot(window, f"library-{lang}")
            page = window.library_page
            page.list.setCurrentRow(page.visible_ids().index(scenario_id))
            page.practise_button.click()
            wait_until(app, lambda w=window: w.current_page() is w.practice_page)
            practice = window.practice_page
            for n in range(8):  # our replies, then the model answers until an ending
                if practice.ending_line is not None:
                    break
                if n < len(replies):
                    reply = replies[n]
                else:
                    turn_id = practice.turns[-1].turn_id if practice.turns else ""
                    reply = next(t.model_answer for t in practice.scenario.turns
                                 if t.customer == practice.next_line) if turn_id else replies[0]
                practice.reply.setPlainText(reply)
                QTest.keyClick(practice.reply, Qt.Key.Key_Return)
                wait_until(app, lambda p=practice, k=n: len(p.turns) > k)
                if n == 0:
                    shoot(window, f"practice-{lang}")
            if window.practice_page.summary_button.isVisible():
                window.practice_page.summary_button.click()
                shoot(window, f"summary-{lang}")
            shoot_reports(app, window, lang, Path(tmp) / "shots.db")
            window.close()
    i18n.install("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
