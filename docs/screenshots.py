"""Write docs/screenshots/*.png: library, practice with feedback and summary, in both languages.

Run under a virtual display: `make screenshots` (xvfb-run .venv/bin/python docs/screenshots.py).
Uses a throwaway database and settings, so your own practice data is untouched.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trainer.practice_service import PracticeService
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


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, (scenario_id, trainee, replies) in RUNS.items():
        with tempfile.TemporaryDirectory() as tmp:
            service = PracticeService(db_path=Path(tmp) / "shots.db", rules_dir=Path(tmp))
            service.open()
            admin = service.access.create_first_admin("hr", "screenshot-admin")
            service.access.create_account(admin, trainee, "1234", "trainee", "Branch 7")
            service.repo.db.close()
            window = build(db_path=Path(tmp) / "shots.db", settings_path=Path(tmp) / "settings.ini")
            window.set_language(lang)
            window.resize(1280, 800)
            window.show()
            window.load()
            wait_until(app, lambda w=window: w.current_page() is w.sign_in_page and not w.jobs.pending)
            window.sign_in_page.name.setText(trainee)
            window.sign_in_page.password.setText("1234")
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
            window.close()
    i18n.install("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
