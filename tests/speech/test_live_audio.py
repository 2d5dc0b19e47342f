"""The live-microphone adapter, for real: speech played into the PulseAudio fake speaker is
recorded by the Qt microphone adapter from the fake microphone and recognised by vosk.

`make test` sets up the fake microphone (.ci/fake-microphone.sh) and sets TRAINER_FAKE_MIC=1,
so there a missing device is a failure, not a skip.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from trainer.speech.recognizer import SpeechModel
from trainer.ui.audio import Microphone, Player

from speech_helpers import speak_to_wav


@pytest.fixture
def owner() -> Iterator[QObject]:
    """Parent for the audio objects, deleted at teardown: Qt multimedia objects left for the
    garbage collector at interpreter exit crash CPython's finalisation."""
    parent = QObject()
    yield parent
    shiboken6.delete(parent)


@pytest.fixture
def fake_devices() -> tuple[str, str]:
    inputs = [d.description() for d in QMediaDevices.audioInputs()]
    outputs = [d.description() for d in QMediaDevices.audioOutputs()]
    if "FakeMicrophone" not in inputs or "FakeSpeaker" not in outputs:
        if os.environ.get("TRAINER_FAKE_MIC") == "1":
            pytest.fail(f"the fake microphone is missing (inputs {inputs}, outputs {outputs})")
        pytest.skip("no PulseAudio fake microphone: run the suite with `make test`")
    return "FakeMicrophone", "FakeSpeaker"


def test_played_speech_is_recorded_and_recognised(
    qtbot: QtBot, korean_model: SpeechModel, tmp_path: Path, fake_devices: tuple[str, str], owner: QObject
) -> None:
    mic_name, speaker_name = fake_devices
    wav = speak_to_wav("감사합니다 안녕하세요", "ko", tmp_path / "line.wav")
    recorded = bytearray()
    mic = Microphone(recorded.extend, owner, device_name=mic_name)
    player = Player(owner, device_name=speaker_name)
    mic.start()
    assert mic.recording
    with qtbot.waitSignal(player.started, timeout=5000) as started:
        player.play(wav)
    length = started.args[0]
    assert player.remaining_s() > 0
    # the sound server buffers: wait for the whole line (and a little silence) to come back in
    qtbot.waitUntil(lambda: len(recorded) / 2 / 16000 > length + 0.5, timeout=int(length * 1000) + 10_000)
    mic.stop()
    assert not mic.recording
    transcriber = korean_model.transcriber(["감사합니다", "안녕하세요"])
    for start in range(0, len(recorded), 3200):
        transcriber.feed(bytes(recorded[start:start + 3200]))
    assert transcriber.finish().text == "감사합니다 안녕하세요"


def test_an_unknown_device_name_falls_back_to_the_default(
    qtbot: QtBot, fake_devices: tuple[str, str], owner: QObject
) -> None:
    mic = Microphone(lambda pcm: None, owner, device_name="No Such Device")
    mic.start()
    time.sleep(0.05)
    mic.stop()
    assert not mic.recording
