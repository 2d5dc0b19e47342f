"""How a spoken reply was delivered, from the recogniser's word timings.

Shown beside the feedback and stored with the turn; they never change the three text scores.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

FILLERS = frozenset({"um", "umm", "uh", "uhh", "er", "erm", "ah", "hmm", "嗯", "呃", "那个", "就是", "啊"})
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class TimedWord:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Delivery:
    """Speaking rate (words a minute; a Chinese character counts as a word), fillers per 100
    words, the longest pause between words, and whether the trainee began while the customer
    was still speaking."""

    words_per_minute: int
    fillers_per_100_words: float
    longest_pause_s: float
    started_while_customer_spoke: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Delivery:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__})


def delivery(
    words: Sequence[TimedWord], customer_still_speaking_s: float = 0.0
) -> Delivery | None:
    """Metrics for ``words`` (times in seconds from when recording started).

    ``customer_still_speaking_s``: how long the customer's line went on after recording started
    (0 when it had finished); the trainee started early if their first word came before that.
    """
    if not words:
        return None
    count = sum(max(1, len(_CJK.findall(w.text))) for w in words)
    speaking = max(words[-1].end - words[0].start, 0.5)
    fillers = sum(1 for w in words if w.text.lower() in FILLERS)
    pauses = [b.start - a.end for a, b in itertools.pairwise(words)]
    return Delivery(
        words_per_minute=round(count / speaking * 60),
        fillers_per_100_words=round(100 * fillers / count, 1),
        longest_pause_s=round(max(pauses, default=0.0), 2),
        started_while_customer_spoke=words[0].start < customer_still_speaking_s,
    )
