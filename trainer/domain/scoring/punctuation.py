"""Punctuation for text that has none: where a recogniser's transcript would have its commas and
full stops.

A spoken reply arrives as one long run of words; scoring reads it sentence by sentence and clause
by clause, as it reads typed text. A small learned model (``make train-scorer``; hashed word
features either side of each gap, one multinomial logistic layer) predicts at every gap between
two words: nothing, a clause break, or a sentence end. Pauses the recogniser heard are sentence
ends whatever the model says. The restored marks are inserted into the normalised text only; the
evidence shown to a trainee is still their own words.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from trainer.domain.scoring.normalise import Normalised, edit
from trainer.domain.scoring.text import segment

_CJK = re.compile(r"[\u3400-\u9fff]")
_TOKEN = re.compile(r"[A-Za-z0-9'’]+|[\u3400-\u9fff]+")
#: Punctuation that already marks a clause or a sentence.
_MARKED = re.compile(r"[.!?。！？；;,，、:：—\n]")
NONE, CLAUSE, SENTENCE = 0, 1, 2
#: A stretch with no marks longer than this (in tokens) gets marks restored.
BARE_TOKENS = 8


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets: Latin words as they are, Chinese runs cut into words."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        if _CJK.match(m.group(0)):
            pos = m.start()
            for word in segment(m.group(0)):
                out.append((word, pos, pos + len(word)))
                pos += len(word)
        else:
            out.append((m.group(0).lower().replace("’", "'"), m.start(), m.end()))
    return out


def gap_features(words: list[str], i: int) -> list[str]:
    """The features of the gap after ``words[i]``."""
    def w(k: int) -> str:
        return words[k] if 0 <= k < len(words) else ("<s>" if k < 0 else "</s>")

    return [
        f"p={w(i)}", f"n={w(i + 1)}", f"pp={w(i - 1)}|{w(i)}", f"nn={w(i + 1)}|{w(i + 2)}",
        f"pn={w(i)}|{w(i + 1)}", f"p2={w(i - 1)}", f"n2={w(i + 2)}",
        f"pc={w(i)[-1:]}", f"nc={w(i + 1)[:1]}",  # a Chinese word's last and first characters
        f"left={min(i + 1, 12)}", f"right={min(len(words) - i - 1, 12)}",
    ]


def feature_index(feature: str, size: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % size


@dataclass(frozen=True)
class PunctuationWeights:
    weights: np.ndarray
    """Shape (3, hash size): none, clause, sentence."""
    bias: np.ndarray
    version: str


class Punctuator:
    def __init__(self, weights: PunctuationWeights) -> None:
        self._w = weights.weights.astype(np.float32)
        self._b = weights.bias.astype(np.float32)
        self.version = weights.version

    def marks(self, text: str, pauses: tuple[int, ...] = ()) -> list[tuple[int, int]]:
        """(offset, kind) for each mark to insert into ``text``: after the word ending there."""
        out: list[tuple[int, int]] = []
        for start, end in _bare_stretches(text):
            found = tokens(text[start:end])
            words = [t[0] for t in found]
            for i in range(len(words) - 1):
                at = start + found[i][2]
                if any(at <= p < start + found[i + 1][1] for p in pauses):
                    out.append((at, SENTENCE))
                    continue
                kind = self._predict(words, i)
                if kind != NONE:
                    out.append((at, kind))
        return out

    def restore(self, norm: Normalised, pauses: tuple[int, ...] = ()) -> Normalised:
        """``norm`` with restored marks inserted (each maps to an empty span of the original)."""
        marks = self.marks(norm.text, pauses)
        if not marks:
            return norm
        cjk = bool(_CJK.search(norm.text))
        signs = {CLAUSE: "，" if cjk else ",", SENTENCE: "。" if cjk else "."}
        return edit(norm, [(at, at, signs[kind]) for at, kind in marks])

    def _predict(self, words: list[str], i: int) -> int:
        size = self._w.shape[1]
        idx = [feature_index(f, size) for f in gap_features(words, i)]
        logits = self._w[:, idx].sum(axis=1) + self._b
        return int(np.argmax(np.round(logits, 4)))


def _bare_stretches(text: str) -> list[tuple[int, int]]:
    """Stretches between marks that run longer than BARE_TOKENS words."""
    out = []
    pos = 0
    for m in [*_MARKED.finditer(text), None]:
        end = m.start() if m else len(text)
        if len(tokens(text[pos:end])) > BARE_TOKENS:
            out.append((pos, end))
        pos = m.end() if m else len(text)
    return out
