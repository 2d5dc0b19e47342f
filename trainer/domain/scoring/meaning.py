"""Matching by meaning: the sentence-encoder port, and a cache of the embeddings it makes.

The encoder (an adapter: :mod:`trainer.sentence_encoder`, Google's multilingual USE v3) puts
English and Chinese in one space, so the detectors read a clause's meaning in either language and
a Chinese reply can take a scenario step whose examples are English. Embeddings are cached, so a
clause seen before (a model answer, a step example, a repeated reply) is encoded once a process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

#: Similarities are rounded before any comparison, so a last-bit difference in floating point
#: can never flip a decision: same reply, same score.
SIMILARITY_DECIMALS = 3


class SentenceEncoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        ...


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
