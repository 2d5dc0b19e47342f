"""The customer speaks and the trainee answers aloud: TTS and speech recognition, off the UI thread.

``CustomerVoice`` synthesises each line on its own thread (pyttsx3 allows one request at a time)
and plays it; ``TraineeVoice`` streams the microphone to vosk on another thread, so neither ever
waits behind scoring or the other. When something is missing (no sound output, no microphone, no
TTS engine, no or a broken speech model) the user is told once, in plain words, and typing works.

Signals (CustomerVoice):
    speaking(bool): a line started (True) or stopped (False) playing.
    notice(str): something the user should know once (e.g. no sound output).
Signals (TraineeVoice):
    partial(str): what has been heard so far.
    heard(object): the final ``Transcript`` and its ``Delivery`` (a tuple).
    notice(str): why listening is not possible.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from trainer.domain.delivery import Delivery, TimedWord, delivery
from trainer.domain.scenario import Persona
from trainer.speech.models import ModelStore
from trainer.speech.recognizer import ModelUnavailable, SpeechModel, Transcriber, Transcript
from trainer.speech.tts import Synthesizer
from trainer.speech.voices import to_pinyin, utterance
from trainer.ui import labels
from trainer.ui.audio import AudioUnavailable, Microphone, Player
from trainer.ui.errors import log_error
from trainer.ui.jobs import Jobs, call


class CustomerVoice(QObject):
    speaking = Signal(bool)
    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = Jobs(on_error=self._failed, parent=self)
        self.player = Player(self)
        self.player.finished.connect(lambda: self.speaking.emit(False))
        self.muted = False
        self._told: set[str] = set()
        self._folder = tempfile.TemporaryDirectory(prefix="trainer-voice-")
        self._count = 0
        self._last: Path | None = None
        self._synth = Synthesizer()
        self.last_started_at = 0.0
        self._closed = False

    def warm_up(self) -> None:
        """Load pypinyin's dictionary now, on the voice thread (called once the window is up)."""
        self.jobs.submit(call(to_pinyin, "预热"))

    def say(self, line: str, language: str, persona: Persona, mood: int) -> None:
        """Synthesise ``line`` on the voice thread and play it (unless muted)."""
        self._count += 1
        path = Path(self._folder.name) / f"line-{self._count}.wav"
        spec = utterance(line, language, persona, mood)
        self.jobs.submit(call(self._synth.synthesize, spec, path), on_done=self._play)

    def replay(self) -> None:
        if self._last is not None:
            self._play(self._last, force=True)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted:
            self.player.stop()
            self.speaking.emit(False)

    def remaining_s(self) -> float:
        return self.player.remaining_s()

    def _play(self, path: Path, force: bool = False) -> None:
        if self._closed or not path.exists():  # a line finished after the window closed
            return
        self._last = path
        if self.muted and not force:
            return
        try:
            self.player.play(path)
        except AudioUnavailable as exc:
            self._tell(str(exc))
            return
        self.last_started_at = time.monotonic()
        self.speaking.emit(True)

    def _failed(self, exc: BaseException) -> None:
        log_error(exc)
        self._tell(QCoreApplication.translate(
            "Voice", "The customer's voice is off ({reason}); their lines are shown as subtitles."
        ).format(reason=exc))

    def _tell(self, message: str) -> None:
        if message not in self._told:
            self._told.add(message)
            self.notice.emit(message)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.player.stop()
        self.jobs.shutdown()
        self._folder.cleanup()


class TraineeVoice(QObject):
    partial = Signal(str)
    heard = Signal(object)
    notice = Signal(str)

    def __init__(self, store: ModelStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = Jobs(on_error=self._failed, parent=self)
        self.microphone = Microphone(self._chunk, self)
        self._models: dict[Path, SpeechModel] = {}
        self._transcriber: Transcriber | None = None
        self._customer_left_s = 0.0
        self._audio = bytearray()

    def model_missing(self, language: str) -> str | None:
        """Why the microphone cannot be used for ``language`` (no model), or None."""
        if self.store.chosen(language) is None:
            return QCoreApplication.translate(
                "Voice", "There is no {language} speech model yet: add one in Settings → Speech models. "
                "You can type your reply meanwhile.",
            ).format(language=labels.language(language))
        return None

    def start(self, language: str, customer_still_speaking_s: float = 0.0) -> bool:
        """Start listening; False (with a notice) when it is not possible."""
        if self.microphone.recording:
            return True
        missing = self.model_missing(language)
        if missing:
            self.notice.emit(missing)
            return False
        model = self.store.chosen(language)
        assert model is not None
        try:
            self.microphone.start()
        except AudioUnavailable as exc:
            self.notice.emit(str(exc))
            return False
        self.jobs.submit(call(self._open, model.path, customer_still_speaking_s))
        return True

    def stop(self) -> None:
        """Stop listening; the final transcript arrives through ``heard``."""
        if not self.microphone.recording:
            return
        self.microphone.stop()
        self.jobs.submit(self._finish, on_done=self.heard.emit)

    # -- on the speech thread --------------------------------------------------------------------------

    def _open(self, path: Path, customer_still_speaking_s: float) -> None:
        # All per-utterance state is set here, on the speech thread, in order with the feeding
        # and finishing of the previous utterance.
        if path not in self._models:
            self._models[path] = SpeechModel(path)
        self._customer_left_s = customer_still_speaking_s
        self._transcriber = self._models[path].transcriber()
        self._audio = bytearray()

    def _feed(self, pcm: bytes) -> str:
        if self._transcriber is None:
            return ""
        self._audio.extend(pcm)
        return self._transcriber.feed(pcm)

    def _finish(self) -> tuple[Transcript, Delivery | None, bytes]:
        if self._transcriber is None:
            return Transcript(()), None, b""
        transcript = self._transcriber.finish()
        self._transcriber = None
        words = [TimedWord(w.text, w.start, w.end) for w in transcript.words]
        return transcript, delivery(words, self._customer_left_s), bytes(self._audio)

    # -- on the UI thread ---------------------------------------------------------------------------------

    def _chunk(self, pcm: bytes) -> None:
        self.jobs.submit(call(self._feed, pcm), on_done=self._partial)

    def _partial(self, text: str) -> None:
        if text:
            self.partial.emit(text)

    def _failed(self, exc: BaseException) -> None:
        log_error(exc)
        if self.microphone.recording:
            self.microphone.stop()
        if isinstance(exc, ModelUnavailable):
            self.notice.emit(QCoreApplication.translate(
                "Voice", "The speech model could not be used ({reason}). You can type your reply."
            ).format(reason=exc))
        else:
            self.notice.emit(QCoreApplication.translate(
                "Voice", "Listening failed ({reason}). You can type your reply."
            ).format(reason=exc))

    def shutdown(self) -> None:
        self.microphone.stop()
        if not self.jobs.closed:
            self.jobs.shutdown()
