"""The rubric scorer: applies every rubric item to a reply and keeps the evidence.

Deterministic and explainable: each point comes from an item in :mod:`rubric` that either found
words in the reply (their span is kept) or did not (a model phrasing is shown instead).
"""

from __future__ import annotations

import re
import unicodedata

from trainer.domain.scenario import Scenario
from trainer.domain.score import CriticalFail, ItemResult, ReplyScore
from trainer.domain.scoring import rubric as R
from trainer.domain.scoring.steps import match_step
from trainer.domain.scoring.text import detect_language, sentence_length, sentences

MAX_REPLY_CHARS = 5000
LONG_SENTENCE_WORDS = 35
PLAIN_AVERAGE_WORDS = 20
_EXPLAINED = re.compile(r"^[^.!?。！？]{0,12}(?:\(|（|which means|that is|i\.e\.|meaning|in other words|"
                        r"就是|也就是|意思是|即)", re.IGNORECASE)


class EmptyReply(ValueError):
    """The reply has nothing to score."""


class RubricScorer:
    """Scores replies against the rubric; implements :class:`~trainer.domain.score.ReplyScorer`."""

    def score(
        self,
        text: str,
        *,
        scenario: Scenario | None = None,
        language: str | None = None,
        covered: frozenset[str] = frozenset(),
    ) -> ReplyScore:
        text = _clean(text)
        if not text.strip():
            raise EmptyReply("the reply is empty")
        lang = language if language in ("en", "zh-CN") else detect_language(text)
        items: list[ItemResult] = []
        empathy = self._empathy(text, lang, items)
        clarity = self._clarity(text, lang, items)
        solution, steps = self._solution(text, lang, scenario, covered, items)
        critical = self._critical(text, scenario)
        return ReplyScore(
            empathy=empathy, clarity=clarity, solution=solution, language=lang,
            items=tuple(items), critical=tuple(critical), steps_taken=frozenset(steps),
        )

    # -- dimensions -------------------------------------------------------------------------------

    def _empathy(self, text: str, lang: str, items: list[ItemResult]) -> int:
        total = 0
        for item in R.EMPATHY_ITEMS:
            total += _apply(item, text, lang, items)
        return _clamp(total)

    def _clarity(self, text: str, lang: str, items: list[ItemResult]) -> int:
        total = 0
        has_time = R.TIME_COMMIT.regex.search(text) is not None
        for item in (R.SPECIFICS, R.ORDERED, R.CHECKS, R.FILLER):
            total += _apply(item, text, lang, items)
        if not has_time:
            total += _apply(R.VAGUE, text, lang, items)
        jargon = [m for m in R.JARGON.regex.finditer(text) if not _EXPLAINED.match(text[m.end():])]
        for m in jargon[:2]:
            total += _found(R.JARGON, m.start(), m.end(), text, items)
        sents = sentences(text)
        long = [s for s in sents if sentence_length(s.text) > LONG_SENTENCE_WORDS]
        for s in long[:1]:
            total += _found(R.RUN_ON, s.start, s.end, text, items)
        average = sum(sentence_length(s.text) for s in sents) / max(1, len(sents))
        if not jargon and not long and average <= PLAIN_AVERAGE_WORDS:
            first = sents[0] if sents else None
            start, end = (first.start, first.end) if first else (0, len(text))
            items.append(ItemResult(
                "clarity", R.PLAIN.id, True, R.PLAIN.points, text[start:end], start, end,
                f"{R.PLAIN.why} (about {round(average)} words a sentence)",
            ))
            total += R.PLAIN.points
        else:
            items.append(_missed(R.PLAIN, lang))
        return _clamp(total)

    def _solution(
        self, text: str, lang: str, scenario: Scenario | None, covered: frozenset[str],
        items: list[ItemResult],
    ) -> tuple[int, set[str]]:
        remaining = [s for s in scenario.steps if s.id not in covered] if scenario else []
        share = R.SCENARIO_STEPS_SHARE if remaining else 0
        scale = (100 - share) / 100
        total = 0
        acks = [m for it in (R.ACKNOWLEDGE, R.APOLOGY, R.VALIDATE) if (m := it.regex.search(text))]
        ack = min(acks, key=lambda m: m.start(), default=None)
        action = R.ACTION.regex.search(text)
        if action and (ack is None or action.start() < ack.start()):
            total += _found(R.SOLVED_FIRST, action.start(), action.end(), text, items, scale)
        elif ack is not None:
            total += _found(R.ACK_FIRST, ack.start(), ack.end(), text, items, scale)
        else:
            items.append(_missed(R.ACK_FIRST, lang))
        for item in (R.CLARIFY, R.ACTION, R.TIME_COMMIT, R.FOLLOW_UP):
            total += _apply(item, text, lang, items, scale)
        taken: set[str] = set()
        sents = sentences(text)
        if scenario is not None:
            for step in scenario.steps:
                match = match_step(step, sents)
                if match:
                    taken.add(step.id)
                if step.id in covered:
                    continue
                points = round(share / len(remaining))
                if match:
                    s = match.sentence
                    items.append(ItemResult(
                        "solution", f"step:{step.id}", True, points, s.text, s.start, s.end,
                        f"Takes the scenario step: {step.description}",
                    ))
                    total += points
                else:
                    items.append(ItemResult(
                        "solution", f"step:{step.id}", False, 0, step.examples[0], None, None,
                        f"Scenario step not taken yet: {step.description}",
                    ))
        return _clamp(total), taken

    def _critical(self, text: str, scenario: Scenario | None) -> list[CriticalFail]:
        found: list[CriticalFail] = []
        phrases = list(R.FORBIDDEN_PHRASES) + (list(scenario.forbidden) if scenario else [])
        folded = text.casefold().replace("’", "'")
        for phrase in dict.fromkeys(phrases):
            at = folded.find(phrase.casefold())
            if at >= 0:
                found.append(CriticalFail(
                    "forbidden_phrase", text[at:at + len(phrase)], at, at + len(phrase),
                    "A forbidden phrase (服务禁语): never say this to a customer.",
                ))
        for name, (why, patterns) in R.CRITICAL_PATTERNS.items():
            for m in R._compiled(patterns).finditer(text):
                found.append(CriticalFail(name, m.group(0), m.start(), m.end(), why))
        # A longer forbidden phrase contains a shorter one ("that's not my department"): keep one.
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[CriticalFail] = []
        for c in found:
            if not any(k.start <= c.start and c.end <= k.end for k in kept):
                kept.append(c)
        return kept


def _apply(item: R.Item, text: str, lang: str, items: list[ItemResult], scale: float = 1.0) -> int:
    """Apply a pattern item: the first match earns (or costs) its points; a miss shows a model."""
    matches = list(item.regex.finditer(text))
    if not matches:
        if item.points > 0:
            items.append(_missed(item, lang))
        return 0
    if item.points > 0:
        m = matches[0]
        return _found(item, m.start(), m.end(), text, items, scale)
    # Counts-against items cost points for each distinct phrase, at most twice.
    total, seen = 0, set[str]()
    for m in matches:
        key = m.group(0).casefold()
        if key in seen or len(seen) == 2:
            continue
        seen.add(key)
        total += _found(item, m.start(), m.end(), text, items, scale)
    return total


def _found(item: R.Item, start: int, end: int, text: str, items: list[ItemResult],
           scale: float = 1.0) -> int:
    points = round(item.points * scale)
    items.append(ItemResult(item.dimension, item.id, True, points, text[start:end], start, end,
                            item.why))
    return points


def _missed(item: R.Item, lang: str) -> ItemResult:
    model = item.model.get(lang) or item.model.get("en", "")
    return ItemResult(item.dimension, item.id, False, 0, model, None, None, item.why)


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def _clean(text: str) -> str:
    """Drop control characters (keeping newlines and tabs) and cap the length; offsets stay valid
    for the text returned, which is what the caller scored."""
    cleaned = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text
    )
    return cleaned[:MAX_REPLY_CHARS]
