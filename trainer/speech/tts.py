"""The customer's voice: pyttsx3 (espeak-ng on Linux) synthesising to a WAV file.

pyttsx3 allows one engine per process and one request at a time, and ``runAndWait()`` can return
before the file is written, so :class:`Synthesizer` serialises requests with a lock and waits for
the engine's ``finished-utterance`` notification before handing the file back.
"""

from __future__ import annotations

import contextlib
import io
import sys
import threading
import wave
from pathlib import Path
from typing import Any

from trainer.speech.voices import Utterance

FINISH_TIMEOUT_S = 30.0


class SpeechUnavailable(RuntimeError):
    """The text-to-speech engine cannot be used; the message says why in plain words."""


class Synthesizer:
    """Speaks text into WAV files. Thread-safe; the engine starts on first use."""

    _engine: Any = None
    _lock = threading.Lock()  # one engine per process, one request at a time

    def synthesize(self, utterance: Utterance, path: Path) -> Path:
        with self._lock:
            engine = self._get_engine()
            finished = threading.Event()
            token = engine.connect("finished-utterance", lambda name, completed: finished.set())
            try:
                engine.setProperty("voice", utterance.voice)
                engine.setProperty("rate", utterance.rate)
                engine.setProperty("volume", utterance.volume)
                _set_pitch(engine, utterance.pitch)
                path.parent.mkdir(parents=True, exist_ok=True)
                with contextlib.redirect_stdout(io.StringIO()):  # the driver prints "Audio saved"
                    engine.save_to_file(_engine_text(utterance), str(path))
                    engine.runAndWait()
                    if not finished.wait(FINISH_TIMEOUT_S):
                        raise SpeechUnavailable("the speech engine did not finish the line")
            except (RuntimeError, ValueError, OSError) as exc:
                if isinstance(exc, SpeechUnavailable):
                    raise
                raise SpeechUnavailable(f"the speech engine failed: {exc}") from exc
            finally:
                engine.disconnect(token)
        if not _is_wav(path):
            raise SpeechUnavailable("the speech engine wrote no audio")
        return path

    @classmethod
    def _get_engine(cls) -> Any:
        if cls._engine is None:
            try:
                import pyttsx3

                cls._engine = pyttsx3.init()
            except Exception as exc:  # any failure here means: no voice, carry on typed
                raise SpeechUnavailable(
                    "no text-to-speech engine is available (on Debian install libespeak-ng1)"
                ) from exc
        return cls._engine


def _engine_text(utterance: Utterance) -> str:
    """On espeak-ng, speed, pitch and volume also go inline as embedded commands (ctrl-A + value
    + letter): measured here, a property set through pyttsx3 sometimes reached the next line
    instead of this one, while embedded commands always apply to the text that follows."""
    if not sys.platform.startswith("linux"):
        return utterance.text
    volume = round(utterance.volume * 100)
    return f"\x01{utterance.rate}S\x01{utterance.pitch}P\x01{volume}A {utterance.text}"


def _set_pitch(engine: Any, pitch: int) -> None:
    with contextlib.suppress(KeyError, ValueError):  # not every engine has pitch
        engine.setProperty("pitch", pitch)


def _is_wav(path: Path) -> bool:
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() > 0
    except (OSError, wave.Error, EOFError):
        return False
