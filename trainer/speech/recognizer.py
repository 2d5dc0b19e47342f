"""The trainee's voice: vosk (Kaldi) speech recognition, offline, fed 16 kHz mono 16-bit PCM.

A :class:`Transcriber` takes audio in chunks as it is recorded, reports partial text as it goes
and, at the end, the n-best alternatives with word timings. Words the recogniser was unsure of
(where the alternatives disagree) are marked, so they can be shown greyed and never charged to
the trainee.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SAMPLE_RATE = 16_000
MAX_ALTERNATIVES = 5
#: A silence this long between two words ends a sentence, for scoring (speech has no full stops).
PAUSE_S = 0.45


class ModelUnavailable(RuntimeError):
    """The speech model cannot be loaded; the message says why in plain words."""


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    unsure: bool = False


@dataclass(frozen=True)
class Transcript:
    """The final result of one utterance: best text first, then the other alternatives."""

    alternatives: tuple[str, ...]
    words: tuple[Word, ...] = ()
    duration_s: float = 0.0

    @property
    def text(self) -> str:
        return self.alternatives[0] if self.alternatives else ""

    @property
    def unsure_words(self) -> tuple[str, ...]:
        return tuple(w.text for w in self.words if w.unsure)

    @property
    def pauses(self) -> tuple[int, ...]:
        """Indices of the words followed by a pause of at least ``PAUSE_S`` seconds."""
        gaps = itertools.pairwise(self.words)
        return tuple(i for i, (a, b) in enumerate(gaps) if b.start - a.end >= PAUSE_S)


class SpeechModel:
    """A loaded vosk model (loading takes a second or more; share one per language)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            import vosk

            vosk.SetLogLevel(-1)
            if not (path / "am").is_dir() and not (path / "final.mdl").exists():
                raise ModelUnavailable(f"{path} is not a Vosk speech model (no 'am' folder)")
            self._model = vosk.Model(str(path))
        except ModelUnavailable:
            raise
        except Exception as exc:  # vosk raises plain Exception for a damaged model
            raise ModelUnavailable(f"the speech model in {path} could not be loaded") from exc

    def transcriber(self, grammar: list[str] | None = None) -> Transcriber:
        return Transcriber(self, grammar)


@dataclass
class Transcriber:
    """One utterance. ``feed`` chunks of PCM as they arrive; ``finish`` for the transcript."""

    model: SpeechModel
    grammar: list[str] | None = None
    _recognizer: Any = field(init=False, default=None)
    _bytes: int = field(init=False, default=0)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _segments: list[dict[str, Any]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        import vosk

        args: list[Any] = [self.model._model, SAMPLE_RATE]
        if self.grammar is not None:
            args.append(json.dumps(self.grammar, ensure_ascii=False))
        self._recognizer = vosk.KaldiRecognizer(*args)
        self._recognizer.SetWords(True)
        self._recognizer.SetMaxAlternatives(MAX_ALTERNATIVES)

    def feed(self, pcm: bytes) -> str:
        """Add audio; returns the partial text heard so far."""
        with self._lock:
            self._bytes += len(pcm)
            if self._recognizer.AcceptWaveform(pcm):
                self._segments.append(json.loads(self._recognizer.Result()))
                return self._joined_partial("")
            partial = json.loads(self._recognizer.PartialResult()).get("partial", "")
            return self._joined_partial(partial)

    def finish(self) -> Transcript:
        with self._lock:
            self._segments.append(json.loads(self._recognizer.FinalResult()))
            return _transcript(self._segments, self._bytes / 2 / SAMPLE_RATE)

    def _joined_partial(self, partial: str) -> str:
        done = " ".join(_alternatives(s)[0] for s in self._segments if _alternatives(s)[0])
        return " ".join(t for t in (done, partial) if t)


def _alternatives(segment: dict[str, Any]) -> list[str]:
    alts = [a.get("text", "") for a in segment.get("alternatives", [])]
    return alts or [segment.get("text", "")]


def _transcript(segments: list[dict[str, Any]], duration: float) -> Transcript:
    """Join the segments vosk cut the utterance into; alternatives combine per segment."""
    best_words: list[Word] = []
    texts: list[list[str]] = []
    for segment in segments:
        alts = segment.get("alternatives") or [segment]
        if not (alts[0].get("text") or "").strip():
            continue
        texts.append([a.get("text", "") for a in alts])
        others = [set((a.get("text") or "").split()) for a in alts[1:]]
        for w in alts[0].get("result", []):
            unsure = any(w["word"] not in o for o in others)
            best_words.append(Word(w["word"], float(w["start"]), float(w["end"]), unsure))
    if not texts:
        return Transcript((), (), duration)
    # n-best of the whole utterance: the best text, then each segment's alternatives swapped in.
    best = [t[0] for t in texts]
    alternatives = [" ".join(best)]
    for i, segment_alts in enumerate(texts):
        for alt in segment_alts[1:]:
            candidate = " ".join([*best[:i], alt, *best[i + 1:]]).strip()
            if candidate and candidate not in alternatives:
                alternatives.append(candidate)
    return Transcript(tuple(alternatives[:MAX_ALTERNATIVES]), tuple(best_words), duration)
