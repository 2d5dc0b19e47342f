"""The live-microphone adapter, for real: speech played into the PulseAudio fake speaker is
recorded by the Qt microphone adapter from the fake microphone and recognised by vosk.

`make test` sets up the fake microphone (.ci/fake-microphone.sh) and sets TRAINER_FAKE_MIC=1,
so there a missing device is a failure, not a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from trainer.speech.recognizer import SpeechModel
from trainer.ui import audio
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


def loudness(pcm: bytes | bytearray) -> float:
    """The loudest tenth of a second in 16 kHz 16-bit mono PCM (root mean square; 0 for silence)."""
    window = 1600
    samples = np.frombuffer(bytes(pcm[: len(pcm) - len(pcm) % (2 * window)]), dtype="<i2")
    if not samples.size:
        return 0.0
    frames = samples.astype(np.float64).reshape(-1, window)
    return float(np.sqrt(np.mean(frames**2, axis=1)).max())


@pytest.fixture
def chosen_inputs(monkeypatch: pytest.MonkeyPatch) -> list[QAudioDevice]:
    """The devices the microphone adapter opens, in order (it still opens them for real)."""
    chosen: list[QAudioDevice] = []

    def spy(device: QAudioDevice, fmt: QAudioFormat, parent: QObject) -> QAudioSource:
        chosen.append(device)
        return QAudioSource(device, fmt, parent)

    monkeypatch.setattr(audio, "QAudioSource", spy)
    return chosen


def test_an_unknown_device_name_falls_back_to_the_default(
    qtbot: QtBot, fake_devices: tuple[str, str], owner: QObject, tmp_path: Path,
    chosen_inputs: list[QAudioDevice],
) -> None:
    mic_name, speaker_name = fake_devices
    default = QMediaDevices.defaultAudioInput()
    assert not default.isNull()
    # named and present: that device
    named = Microphone(lambda pcm: None, owner, device_name=mic_name)
    named.start()
    named.stop()
    assert chosen_inputs[-1].description() == mic_name
    # named but absent: the default input, really recording
    recorded = bytearray()
    mic = Microphone(recorded.extend, owner, device_name="No Such Device")
    mic.start()
    assert mic.recording and len(chosen_inputs) == 2
    assert chosen_inputs[-1].id() == default.id() and chosen_inputs[-1].description() == default.description()
    qtbot.waitUntil(lambda: len(recorded) >= 2 * 16000 // 5, timeout=5000)  # a fifth of a second came in
    if default.description() == mic_name:
        # the suite's own sound server (.ci/fake-microphone.sh) makes the fake microphone the default:
        # what is played into the fake speaker is heard through the fallback too
        silence = loudness(recorded)
        player = Player(owner, device_name=speaker_name)
        heard_from = len(recorded)
        with qtbot.waitSignal(player.started, timeout=5000):
            player.play(speak_to_wav("안녕하세요", "ko", tmp_path / "hello.wav"))
        threshold = max(300.0, 3 * silence)
        try:
            qtbot.waitUntil(lambda: loudness(recorded[heard_from:]) > threshold, timeout=15_000)
        except TimeoutError:
            pytest.fail(f"the speech was not heard through the fallback: loudness "
                        f"{loudness(recorded[heard_from:]):.0f} over {len(recorded) - heard_from} bytes "
                        f"after playing, {silence:.0f} before over {heard_from} bytes")
    mic.stop()
    assert not mic.recording
