"""A few lexical features that the sentence encoder is weak at, added to each clause's embedding.

A multilingual sentence encoder is good at topic and tone and weaker at small words that flip what
a clause does: a negation, a "but", a question, a digit, "I'll". The detectors see these beside the
embedding, so "there's nothing I can do" and "here's what I can do" part ways. The same features
are computed in training (``training/train_scorer.py``) and in scoring, from the normalised text.
"""

from __future__ import annotations

import math
import re

import numpy as np

_FEATURES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE | re.ASCII))
    for name, pattern in (
        ("negation", r"\b(?:not|no|never|nothing|nobody|none|can't|cannot|won't|don't|doesn't|didn't|"
                     r"isn't|aren't|wasn't|unable)\b|n't\b|不|没|别|无法|未"),
        ("contrast", r"\b(?:but|however|though|although)\b|但是?|可是|不过|然而"),
        ("question", r"\?|？|吗[。？?]?$|呢[。？?]?$|"
                     r"\b(?:when|which|what|how|where|could you|can you|may I)\b|"
                     r"请问|哪|多少|几|什么"),
        ("digit", r"\d"),
        ("first_person_will", r"\b(?:I'll|I will|we'll|we will|let me|I'm going to|we're going to|"
                              r"I can|we can)\b|"
                              r"我(?:会|来|马上|现在|立刻|这就|先|去|帮|给|可以)|我们(?:会|来|可以|马上)"),
        ("done", r"\b(?:I've|we've|I have|we have)\s+\w+ed\b|已经|已(?:为|帮|给)"),
        ("second_person", r"\byou(?:r|'re|'ll|'ve)?\b|您|你"),
        ("imperative", r"^(?:please\s+)?(?:go|tap|click|select|open|choose|log|enter|bring|call|send|visit|"
                       r"press|check|try|use|fill|sign|download|update)\b|^(?:请|麻烦)?(?:您)?(?:点|打开|进入|选择|"
                       r"输入|登录|带|拨打|前往|填|下载|更新)"),
        ("apology_word", r"\b(?:sorry|apologi[sz]e|apologies)\b|抱歉|对不起|不好意思|道歉"),
        ("conditional", r"\b(?:if|unless)\b|如果|要是|假如"),
        ("secret_word", r"\b(?:PIN|password|passcode|CVV|CVC|code|OTP)\b|密码|验证码|动态码|安全码"),
        ("hedge", r"\b(?:maybe|perhaps|probably|might|possibly|I guess|I think)\b|"
                  r"可能|也许|大概|估计|说不定"),
        ("should", r"\b(?:should|must|have to|need to|ought)\b|应该|必须|得|要"),
        ("policy", r"\b(?:policy|rules?|system|procedure|regulations?)\b|规定|制度|系统|流程|政策"),
    )
)
FEATURE_NAMES: tuple[str, ...] = (*(name for name, _ in _FEATURES), "length")


class Cues:
    """Named cue patterns (``training/cues.yaml``, stored with the trained weights): one feature
    each, 1.0 when any of its patterns is in the clause."""

    def __init__(self, cues: dict[str, list[str]]) -> None:
        self.names = tuple(cues)
        self._regexes = tuple(re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.ASCII)
                              for patterns in cues.values())

    def features(self, text: str) -> np.ndarray:
        return np.asarray([1.0 if r.search(text) else 0.0 for r in self._regexes], dtype=np.float32)


def lexical_features(text: str) -> np.ndarray:
    """The features of one clause, as floats in 0..1."""
    values = [1.0 if pattern.search(text) else 0.0 for _, pattern in _FEATURES]
    words = len(re.findall(r"[A-Za-z0-9']+", text)) + len(re.findall(r"[\u3400-\u9fff]", text)) / 1.7
    values.append(min(1.0, math.log1p(words) / math.log1p(40)))
    return np.asarray(values, dtype=np.float32)


def feature_matrix(texts: list[str], cues: Cues | None = None) -> np.ndarray:
    """The lexical features, then the cue features, of each text: one row a text."""
    width = len(FEATURE_NAMES) + (len(cues.names) if cues else 0)
    if not texts:
        return np.zeros((0, width), dtype=np.float32)
    rows = [lexical_features(t) for t in texts]
    if cues is not None:
        rows = [np.concatenate([r, cues.features(t)]) for r, t in zip(rows, texts, strict=True)]
    return np.stack(rows)
