"""Sound in and out with QtMultimedia: the microphone (16 kHz mono 16-bit) and WAV playback.

The microphone hands its audio to a plain callback, not a Qt signal: measured here (PySide6 6.12),
emitting a Python signal for every audio chunk while a QSoundEffect plays crashes the interpreter
at exit (``bool_dealloc``), while a callback does not.

Signals (Player):
    started(float): playback began; the argument is the clip's length in seconds.
    finished(): playback ended or was stopped.
"""

from __future__ import annotations

import time
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSource,
    QMediaDevices,
    QSoundEffect,
    QtAudio,
)

from trainer.speech.recognizer import SAMPLE_RATE


class AudioUnavailable(RuntimeError):
    """No microphone or no sound output; the message says which, in plain words."""


def speech_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def _device(devices: list[QAudioDevice], name: str | None) -> QAudioDevice | None:
    return next((d for d in devices if d.description() == name), None) if name else None


class Microphone(QObject):
    """Records 16 kHz mono 16-bit PCM; ``on_chunk(bytes)`` gets the audio as it arrives."""

    def __init__(self, on_chunk: Callable[[bytes], None], parent: QObject | None = None,
                 device_name: str | None = None) -> None:
        super().__init__(parent)
        self.on_chunk = on_chunk
        self.device_name = device_name
        self._source: QAudioSource | None = None
        self._device: QIODevice | None = None
        self._recorded = 0

    @staticmethod
    def available() -> bool:
        return bool(QMediaDevices.audioInputs())

    def start(self) -> None:
        """Start recording (from the default input, or the one named); raises :class:`AudioUnavailable`."""
        device = _device(QMediaDevices.audioInputs(), self.device_name) or QMediaDevices.defaultAudioInput()
        if device.isNull():
            raise AudioUnavailable(QCoreApplication.translate(
                "Audio", "No microphone was found; you can type your reply instead."))
        fmt = speech_format()
        if not device.isFormatSupported(fmt):
            raise AudioUnavailable(QCoreApplication.translate(
                "Audio", "The microphone cannot record 16 kHz mono audio."))
        self._source = QAudioSource(device, fmt, self)
        self._recorded = 0
        self._device = self._source.start()
        if self._device is None or self._source.error() is not QtAudio.Error.NoError:
            self.stop()
            raise AudioUnavailable(QCoreApplication.translate(
                "Audio", "The microphone could not be started; you can type your reply instead."))
        self._device.readyRead.connect(self._read)

    @Slot()
    def _read(self) -> None:
        if self._device is not None:
            data = bytes(self._device.readAll().data())
            if data:
                self._recorded += len(data)
                self.on_chunk(data)

    def stop(self) -> None:
        if self._source is not None:
            self._read()
            self._source.stop()
            self._source.deleteLater()
        self._source, self._device = None, None

    @property
    def recording(self) -> bool:
        return self._source is not None

    @property
    def recorded_s(self) -> float:
        """How much audio the latest recording has handed on so far, in seconds."""
        return self._recorded / (2 * SAMPLE_RATE)


class Player(QObject):
    """Plays the customer's lines: short uncompressed WAVs, so QSoundEffect (low latency, no
    decoder) rather than a media player."""

    started = Signal(float)
    finished = Signal()

    def __init__(self, parent: QObject | None = None, device_name: str | None = None) -> None:
        super().__init__(parent)
        device = _device(QMediaDevices.audioOutputs(), device_name)
        self._effect = QSoundEffect(device, self) if device is not None else QSoundEffect(self)
        self._effect.playingChanged.connect(self._playing_changed)
        self._started_at = 0.0
        self._length = 0.0

    @staticmethod
    def available() -> bool:
        return bool(QMediaDevices.audioOutputs())

    def play(self, wav: Path) -> None:
        if not self.available():
            raise AudioUnavailable(QCoreApplication.translate(
                "Audio", "No sound output was found; the customer's lines are shown as subtitles."))
        with wave.open(str(wav), "rb") as w:
            self._length = w.getnframes() / w.getframerate()
        self._effect.stop()
        self._effect.setSource(QUrl.fromLocalFile(str(wav)))
        self._effect.play()
        self._started_at = time.monotonic()
        self.started.emit(self._length)

    def stop(self) -> None:
        self._effect.stop()

    def remaining_s(self) -> float:
        """How much of the current clip is still to be heard (0 when nothing plays)."""
        if not self._effect.isPlaying() and time.monotonic() - self._started_at > self._length:
            return 0.0
        return max(0.0, self._length - (time.monotonic() - self._started_at))

    @Slot()
    def _playing_changed(self) -> None:
        if not self._effect.isPlaying():
            self.finished.emit()
