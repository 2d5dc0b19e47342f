"""One reply, read: normalised, cut into units, embedded, and what each unit does.

The scorer asks a :class:`Reading` which unit shows an item and where its words are; evidence is
always mapped back to a span of the reply as the trainee typed or said it, widened to whole words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import numpy as np

from trainer.domain.scoring.detectors import Detectors
from trainer.domain.scoring.meaning import MeaningMatcher
from trainer.domain.scoring.normalise import Normalised, canonical, normalise
from trainer.domain.scoring.punctuation import Punctuator
from trainer.domain.scoring.rubric import Rubric
from trainer.domain.scoring.text import (
    Sentence,
    sentence_length,
    sentences,
    snap_to_words,
    units,
    unpunctuated,
)

#: The revision of how a reply is read (units, spans): part of the scorer's version, so a change
#: of code that can move a score is seen as a new scorer (central re-scoring compares versions).
REVISION = 3
#: Two neighbouring sentences are also read as one while they are this short together (in words):
#: where a full stop can cut an action in two. (Runs of three, and longer pairs, helped less than
#: they cost: a spoken reply's five alternatives took twice as long.)
ACROSS_WORDS = 24


@dataclass
class Reading:
    original: str
    norm: Normalised
    sentences: list[Sentence]
    units: list[Sentence]
    probabilities: dict[str, np.ndarray]
    spoiled: list[bool] = field(default_factory=list)
    """Units that can earn no empathy and no solution (see ``RubricScorer.read``)."""
    sentence_ends_heard: bool = True
    """Are the sentence ends the trainee's own (typed marks, or pauses heard), not restored?"""
    no_solution: list[bool] = field(default_factory=list)
    """Units that can earn no solution: the spoiled ones and promises the bank cannot keep."""

    @property
    def text(self) -> str:
        """The normalised text that units and patterns refer to."""
        return self.norm.text

    def evidence(self, start: int, end: int) -> tuple[int, int, str]:
        """A span of the normalised text as a span of the original, widened to whole words."""
        o_start, o_end = self.norm.span(start, end)
        o_start, o_end = snap_to_words(self.original, o_start, o_end)
        while o_end > o_start and self.original[o_end - 1] in " ,，。.!?！？;；:：、":
            o_end -= 1
        return o_start, o_end, self.original[o_start:o_end]

    def unit_of(self, at: int) -> int | None:
        """The index of the shortest unit holding offset ``at`` of the normalised text."""
        holding = [i for i, u in enumerate(self.units) if u.start <= at < u.end]
        return min(holding, key=lambda i: self.units[i].end - self.units[i].start, default=None)

    def sentence_of(self, unit: Sentence) -> Sentence:
        return next((s for s in self.sentences if s.start <= unit.start < s.end), unit)

    def sentences_in(self, unit: Sentence) -> list[Sentence]:
        """The sentences ``unit`` touches: one, or two for a unit read across them."""
        return [s for s in self.sentences if s.start < unit.end and unit.start < s.end] or [unit]


def read(text: str, detectors: Detectors, matcher: MeaningMatcher, breaks: tuple[int, ...] = (),
         punctuator: Punctuator | None = None) -> Reading:
    """Normalise ``text``, restore punctuation where it has none (pauses are sentence ends), cut it
    into units and ask the detectors what each unit does."""
    norm = normalise(text)
    mapped = tuple(_to_normalised(norm, b) for b in breaks)
    if punctuator is not None:
        norm = punctuator.restore(norm, mapped)
        mapped = ()
    sents = sentences(norm.text, mapped)
    parts = units(norm.text, mapped)
    heard = bool(breaks) or not unpunctuated(text)
    parts = list(dict.fromkeys([*parts, *_spans_across(norm.text, sents)]))
    texts = [canonical(u.text) or u.text for u in parts]
    probabilities = detectors.probabilities(matcher.embed(texts), texts)
    return Reading(text, norm, sents, parts, probabilities, sentence_ends_heard=heard)


def _spans_across(text: str, sents: list[Sentence]) -> list[Sentence]:
    """Each two neighbouring sentences read as one (see ``ACROSS_WORDS``): a sentence end in the
    wrong place (typed, or restored in speech) must not cut what the trainee said in two."""
    pairs = [Sentence(text[a.start:b.end], a.start, b.end) for a, b in itertools.pairwise(sents)]
    return [p for p in pairs if sentence_length(p.text) <= ACROSS_WORDS]


def _to_normalised(norm: Normalised, offset: int) -> int:
    return next((i for i, s in enumerate(norm.starts) if s >= offset), len(norm.text))


def highlight(reading: Reading, rubric: Rubric, patterns: list[str], unit: Sentence) -> tuple[int, int]:
    """The key words of ``patterns`` inside ``unit`` (normalised offsets), else the whole unit."""
    regex = rubric.regex(patterns)
    if regex is not None:
        m = regex.search(unit.text)
        if m and m.end() > m.start():
            return unit.start + m.start(), unit.start + m.end()
    return unit.start, unit.end


def matches(regex: re.Pattern[str] | None, unit: Sentence) -> bool:
    return regex is not None and regex.search(unit.text) is not None
