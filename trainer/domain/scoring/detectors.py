"""Item detectors: what a clause does (apologises, takes an action, asks for a PIN…), learned.

One logistic head per label over the clause's sentence embedding and a few lexical features
(:mod:`features`). The heads are trained by ``make train-scorer`` from the labelled corpus in
``training/corpus`` and shipped as a small file (``assets/rubric/detectors.npz``), read by an
adapter (:mod:`trainer.library.rubric_files`); this module only applies them, with numpy.
Probabilities are rounded before any comparison, so the same clause always gets the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from trainer.domain.scoring.features import FEATURE_NAMES, Cues, feature_matrix

PROBABILITY_DECIMALS = 3


@dataclass(frozen=True)
class DetectorWeights:
    """Trained heads: ``weights[i] · [embedding, features] + bias[i]`` is label i's logit."""

    labels: tuple[str, ...]
    weights: np.ndarray
    """Shape (labels, embedding size + features)."""
    bias: np.ndarray
    thresholds: np.ndarray
    """The probability at or above which a clause shows the label (chosen in training)."""
    feature_names: tuple[str, ...]
    cues: dict[str, list[str]]
    """The cue patterns the weights were fitted on (their features follow the lexical ones)."""
    version: str
    """A short hash of the weights, stored with every score so a re-score can check it."""

    def __post_init__(self) -> None:
        n = len(self.labels)
        if self.weights.shape[0] != n or self.bias.shape != (n,) or self.thresholds.shape != (n,):
            raise ValueError("the detector weights do not match their labels")
        if self.feature_names != FEATURE_NAMES:
            raise ValueError("the detectors were trained with other lexical features; run make train-scorer")
        if self.weights.shape[1] <= len(FEATURE_NAMES) + len(self.cues):
            raise ValueError("the detector weights do not match their features")


class Detectors:
    """Applies the heads to clauses; ``probabilities`` is the only thing the scorer asks of it."""

    def __init__(self, weights: DetectorWeights) -> None:
        self.weights = weights
        self._index = {label: i for i, label in enumerate(weights.labels)}
        self._cues = Cues(weights.cues)

    @property
    def version(self) -> str:
        return self.weights.version

    def has(self, label: str) -> bool:
        return label in self._index

    def threshold(self, label: str) -> float:
        return float(self.weights.thresholds[self._index[label]])

    def probabilities(self, embeddings: np.ndarray, texts: list[str]) -> dict[str, np.ndarray]:
        """For each label, the probability that each clause shows it."""
        if not texts:
            return {label: np.zeros(0) for label in self.weights.labels}
        x = np.hstack([embeddings.astype(np.float32), feature_matrix(texts, self._cues)])
        logits = x @ self.weights.weights.T + self.weights.bias
        p = np.round(1.0 / (1.0 + np.exp(-logits)), PROBABILITY_DECIMALS)
        return {label: p[:, i] for i, label in enumerate(self.weights.labels)}
