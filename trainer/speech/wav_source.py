"""Audio from a WAV file, as the recogniser wants it: 16 kHz, mono, 16-bit, in chunks."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from trainer.speech.recognizer import SAMPLE_RATE

CHUNK_S = 0.1


def pcm16k(path: Path) -> bytes:
    """The whole file as 16 kHz mono 16-bit PCM (mixed down and resampled if needed)."""
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError(f"{path} is not 16-bit PCM audio")
        channels, rate = w.getnchannels(), w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    if rate != SAMPLE_RATE and len(samples):
        positions = np.arange(0, len(samples), rate / SAMPLE_RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples)
    return np.asarray(np.clip(np.round(samples), -32768, 32767), dtype="<i2").tobytes()


def chunks(pcm: bytes, seconds: float = CHUNK_S) -> Iterator[bytes]:
    size = int(SAMPLE_RATE * seconds) * 2
    for start in range(0, len(pcm), size):
        yield pcm[start:start + size]
