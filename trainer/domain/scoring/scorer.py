"""The rubric scorer: applies every rubric item to a reply and keeps the evidence.

Deterministic and explainable: each point comes from an item in :mod:`rubric` that either found
words in the reply (their span is kept) or did not (a model phrasing is shown instead). An item is
found by its patterns or, for the items that have exemplars, by meaning: a sentence (or clause)
of the reply close enough to one of the exemplars.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from trainer.domain.scenario import Scenario, Step
from trainer.domain.score import CriticalFail, ItemResult, ReplyScore
from trainer.domain.scoring import rubric as R
from trainer.domain.scoring.meaning import MeaningMatcher, Usem3Encoder
from trainer.domain.scoring.steps import StepMatcher
from trainer.domain.scoring.text import (
    Sentence,
    content_words,
    detect_language,
    sentence_length,
    sentences,
    units,
)

MAX_REPLY_CHARS = 5000
LONG_SENTENCE_WORDS = 35
PLAIN_AVERAGE_WORDS = 24
_EXPLAINED = re.compile(
    r"^[^.!?。！？]{0,12}(?:\(|（|which means|that is|that's|i\.e\.|meaning|in other words|"
    r"就是|也就是|意思是|即)",
    re.IGNORECASE,
)
#: Items whose presence in a sentence stops it earning positive items by meaning:
#: "I understand, but there's nothing I can do" does not acknowledge anything.
_SPOILERS = (R.BLAME, R.DISMISSAL, R.DEFENSIVE, R.CANCELLED_APOLOGY, R.CONDITIONAL_APOLOGY)

_shared_matcher: MeaningMatcher | None = None


def shared_matcher() -> MeaningMatcher:
    """One encoder and one embedding cache per process, loaded on first use."""
    global _shared_matcher
    if _shared_matcher is None:
        _shared_matcher = MeaningMatcher(Usem3Encoder())
    return _shared_matcher


class EmptyReply(ValueError):
    """The reply has nothing to score."""


@dataclass
class _Reply:
    """A reply being scored: its text, its units and what the items found so far."""

    text: str
    lang: str
    units: list[Sentence]
    spoiled: list[bool]
    items: list[ItemResult]
    actionable: list[bool]
    committing: list[bool]


class RubricScorer:
    """Scores replies against the rubric; implements :class:`~trainer.domain.score.ReplyScorer`."""

    def __init__(self, matcher: MeaningMatcher | None = None) -> None:
        self._matcher = matcher or shared_matcher()
        self._steps = StepMatcher(self._matcher)
        self._action_steps: dict[tuple[str, ...], bool] = {}

    def warm_up(self) -> None:
        """Load the encoder and embed every exemplar now (about a second), not on the first reply."""
        for item in R.ALL_ITEMS:
            if item.exemplars:
                self._matcher.embed(item.exemplars)
        content_words("热身")  # jieba's dictionary, used for Chinese step matching

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
        parts = units(text)
        bad = [s for s in sentences(text) if any(item.regex.search(s.text) for item in _SPOILERS)]
        spoiled = [any(b.start <= u.start < b.end for b in bad) for u in parts]
        reply = _Reply(text, lang, parts, spoiled, [], [], [])
        reply.actionable = [not bad and self._actionable(u) for u, bad in zip(parts, spoiled, strict=True)]
        # Times count where something is promised: an action, or what will happen next.
        reply.committing = [a or (not bad and R.FUTURE.search(u.text) is not None)
                            for u, a, bad in zip(parts, reply.actionable, spoiled, strict=True)]
        empathy = self._empathy(reply)
        clarity = self._clarity(reply)
        solution, steps = self._solution(reply, scenario, covered)
        return ReplyScore(
            empathy=empathy, clarity=clarity, solution=solution, language=lang,
            items=tuple(reply.items), critical=tuple(_critical(text, scenario)),
            steps_taken=frozenset(steps),
        )

    # -- dimensions -------------------------------------------------------------------------------

    def _empathy(self, r: _Reply) -> int:
        total = 0
        for item in R.EMPATHY_ITEMS:
            total += self._apply(item, r)
        return _clamp(total)

    def _clarity(self, r: _Reply) -> int:
        text = r.text
        total = 0
        total += self._specifics(r)
        for item in (R.CHECKS, R.FILLER):
            total += self._apply(item, r)
        total += self._ordered(r)
        if R.TIME_COMMIT.regex.search(text) is None:
            total += self._apply(R.VAGUE, r)
        jargon = [m for m in R.JARGON.regex.finditer(text) if not _EXPLAINED.match(text[m.end():])]
        for m in jargon[:2]:
            total += _found(R.JARGON, m.start(), m.end(), r)
        sents = sentences(text)
        long = [s for s in sents if sentence_length(s.text) > LONG_SENTENCE_WORDS]
        for s in long[:1]:
            total += _found(R.RUN_ON, s.start, s.end, r)
        average = sum(sentence_length(s.text) for s in sents) / max(1, len(sents))
        if not jargon and not long and average <= PLAIN_AVERAGE_WORDS:
            first = sents[0] if sents else Sentence(text, 0, len(text))
            r.items.append(ItemResult(
                "clarity", R.PLAIN.id, True, R.PLAIN.points, first.text, first.start, first.end,
                f"{R.PLAIN.why} (about {round(average)} words a sentence)",
            ))
            total += R.PLAIN.points
        else:
            r.items.append(_missed(R.PLAIN, r.lang))
        return _clamp(total)

    def _solution(
        self, r: _Reply, scenario: Scenario | None, covered: frozenset[str]
    ) -> tuple[int, set[str]]:
        remaining = [s for s in scenario.steps if s.id not in covered] if scenario else []
        share = R.SCENARIO_STEPS_SHARE if remaining else 0
        scale = (100 - share) / 100
        order_at = len(r.items)  # the CARP item goes first, once the others are known
        total = 0
        for item in (R.CLARIFY, R.ACTION, R.TIME_COMMIT, R.FOLLOW_UP):
            total += self._apply(item, r, scale)
        total += self._order(r, scale, order_at)
        taken: set[str] = set()
        if scenario is not None:
            for step in scenario.steps:
                # An action step ("refund the fee") is taken only by a sentence that commits to
                # something; an explaining step ("explain why the rate rose") by any sentence.
                gate = r.actionable if self._is_action_step(step) else [not x for x in r.spoiled]
                match = self._steps.match(step, r.units, gate)
                if match:
                    taken.add(step.id)
                if step.id in covered:
                    continue
                points = round(share / len(remaining))
                if match:
                    u = match.unit
                    r.items.append(ItemResult(
                        "solution", f"step:{step.id}", True, points, u.text, u.start, u.end,
                        f"Takes the scenario step: {step.description}",
                    ))
                    total += points
                else:
                    r.items.append(ItemResult(
                        "solution", f"step:{step.id}", False, 0, step.examples[0], None, None,
                        f"Scenario step not taken yet: {step.description}",
                    ))
        return _clamp(total), taken

    def _order(self, r: _Reply, scale: float, at: int) -> int:
        """CARP: acknowledging before solving earns a little; solving first costs a little."""
        acks = [i for i in r.items if i.met and i.start is not None
                and i.item in (R.ACKNOWLEDGE.id, R.APOLOGY.id, R.VALIDATE.id)]
        actions = [i for i in r.items if i.met and i.start is not None and i.item == R.ACTION.id]
        ack = min(acks, key=lambda i: i.start or 0, default=None)
        action = min(actions, key=lambda i: i.start or 0, default=None)
        if action and (ack is None or (action.start or 0) < (ack.start or 0)):
            result = _item(R.SOLVED_FIRST, action.start or 0, action.end or 0, r.text, scale)
        elif action and ack:
            result = _item(R.ACK_FIRST, ack.start or 0, ack.end or 0, r.text, scale)
        else:  # nothing to put in order: no points either way
            result = _missed(R.ACK_FIRST, r.lang)
        r.items.insert(at, result)
        return result.points

    def _is_action_step(self, step: Step) -> bool:
        key = (step.id, step.description, *step.examples)
        if key not in self._action_steps:
            votes = [self._actionable(Sentence(e, 0, len(e))) for e in step.examples]
            self._action_steps[key] = sum(votes) * 2 >= len(votes)
        return self._action_steps[key]

    def _actionable(self, unit: Sentence) -> bool:
        """Could this sentence take a step? It commits to, offers or asks for something."""
        blocker = R.ACTION.blocker_regex
        if blocker is not None and blocker.search(unit.text):
            return False
        return any(item.regex.search(unit.text) for item in R.ACTIONABLE_ITEMS) or any(
            self._near(item, [unit])[0] for item in (R.ACTION, R.CLARIFY, R.FOLLOW_UP))

    # -- applying one item ----------------------------------------------------------------------------

    def _apply(self, item: R.Item, r: _Reply, scale: float = 1.0) -> int:
        """The first match earns (or costs) the item's points; a miss shows a model phrasing."""
        blocker = item.blocker_regex
        blocked = [bool(blocker and blocker.search(u.text)) for u in r.units]
        if item.dimension == "empathy" and item.points > 0 and item is not R.COURTESY:
            blocked = [b or s for b, s in zip(blocked, r.spoiled, strict=True)]
        matches = [m for m in item.regex.finditer(r.text)
                   if not _inside_blocked(m, r.units, blocked) and self._counts(item, m, r)]
        if item.points < 0:
            # Counts-against items cost points for each distinct phrase, at most twice.
            total, seen = 0, set[str]()
            for m in matches:
                key = m.group(0).casefold()
                if key in seen or len(seen) == 2:
                    continue
                seen.add(key)
                total += _found(item, m.start(), m.end(), r, scale)
            return total
        if matches:
            return _found(item, matches[0].start(), matches[0].end(), r, scale)
        if item.exemplars:
            eligible = [u for u, b, s in zip(r.units, blocked, r.spoiled, strict=True) if not b and not s]
            hit, nearest = self._near(item, eligible)
            if hit is not None and nearest is not None:
                points = round(item.points * scale)
                r.items.append(ItemResult(
                    item.dimension, item.id, True, points, hit.text, hit.start, hit.end,
                    f"{item.why} (by meaning: close to “{nearest}”)",
                ))
                return points
        r.items.append(_missed(item, r.lang))
        return 0

    def _counts(self, item: R.Item, m: re.Match[str], r: _Reply) -> bool:
        """Context rules: hedged times are guesses; some items need a committing sentence."""
        if item in (R.SPECIFICS, R.TIME_COMMIT):
            if R.HEDGE.search(r.text[max(0, m.start() - 30):m.start()]):
                return False
            loose = item is R.TIME_COMMIT or R.RELATIVE_TIME.match(m.group(0).strip())
            if loose and not _in_units(m, r.units, r.committing):
                return False
        if item.needs_commitment:
            return _in_units(m, r.units, r.committing)
        return True

    def _specifics(self, r: _Reply) -> int:
        """The first concrete detail earns one item, a second different one another."""
        found = [m for m in R.SPECIFICS.regex.finditer(r.text)
                 if self._counts(R.SPECIFICS, m, r) and not _in_units(m, r.units, r.spoiled)]
        distinct = list({m.group(0).casefold(): m for m in found}.values())
        total = 0
        for item, index in ((R.SPECIFICS, 0), (R.MORE_SPECIFICS, 1)):
            if len(distinct) > index:
                m = distinct[index]
                total += _found(item, m.start(), m.end(), r)
            else:
                r.items.append(_missed(item, r.lang))
        return total

    def _ordered(self, r: _Reply) -> int:
        """Steps in order: two sequence words, or one joining two things the teller will do."""
        markers = list(R.ORDERED.regex.finditer(r.text))
        distinct = {m.group(0).casefold() for m in markers}
        joins_steps = markers and (sum(r.actionable) >= 2 or _clauses_around(markers[0], r) >= 3)
        if len(distinct) >= 2 or joins_steps:
            return _found(R.ORDERED, markers[0].start(), markers[0].end(), r)
        r.items.append(_missed(R.ORDERED, r.lang))
        return 0

    def _near(self, item: R.Item, candidates: list[Sentence]) -> tuple[Sentence | None, str | None]:
        """The candidate closest in meaning to the item's exemplars, if close enough."""
        if not candidates or not item.exemplars:
            return None, None
        texts = [u.text for u in candidates]
        found = self._matcher.nearest(texts, item.exemplars)
        against = self._matcher.nearest(texts, item.counter_exemplars) if item.counter_exemplars else None
        ok = [
            i for i, f in enumerate(found)
            if f.similarity >= item.threshold
            and (against is None or f.similarity >= against[i].similarity + R.MEANING_MARGIN)
        ]
        if not ok:
            return None, None
        best = max(ok, key=lambda i: found[i].similarity)
        return candidates[best], found[best].exemplar


def _clauses_around(m: re.Match[str], r: _Reply) -> int:
    """How many clauses the sentence holding ``m`` has ("log out, reinstall, then sign in")."""
    for s in sentences(r.text):
        if s.start <= m.start() < s.end:
            return len(re.split(r"[,，、;；]", s.text))
    return 1


def _in_units(m: re.Match[str], parts: list[Sentence], flags: list[bool]) -> bool:
    return any(f and u.start <= m.start() < u.end for u, f in zip(parts, flags, strict=True))


def _inside_blocked(m: re.Match[str], parts: list[Sentence], blocked: list[bool]) -> bool:
    return any(b and u.start <= m.start() < u.end for u, b in zip(parts, blocked, strict=True))


def _critical(text: str, scenario: Scenario | None) -> list[CriticalFail]:
    found: list[CriticalFail] = []
    phrases = list(R.FORBIDDEN_PHRASES) + (list(scenario.forbidden) if scenario else [])
    folded = text.casefold().replace("’", "'")
    for phrase in dict.fromkeys(phrases):
        needle = phrase.casefold().replace("’", "'")
        at = folded.find(needle)
        if at >= 0:
            found.append(CriticalFail(
                "forbidden_phrase", text[at:at + len(needle)], at, at + len(needle),
                "A forbidden phrase (服务禁语): never say this to a customer.",
            ))
    for name, (why, patterns) in R.CRITICAL_PATTERNS.items():
        for m in R.compiled(patterns).finditer(text):
            found.append(CriticalFail(name, m.group(0), m.start(), m.end(), why))
    # A longer forbidden phrase contains a shorter one ("that's not my department"): keep one.
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[CriticalFail] = []
    for c in found:
        if not any(k.start <= c.start and c.end <= k.end for k in kept):
            kept.append(c)
    return kept


def _item(item: R.Item, start: int, end: int, text: str, scale: float = 1.0) -> ItemResult:
    return ItemResult(item.dimension, item.id, True, round(item.points * scale), text[start:end],
                      start, end, item.why)


def _found(item: R.Item, start: int, end: int, r: _Reply, scale: float = 1.0) -> int:
    result = _item(item, start, end, r.text, scale)
    r.items.append(result)
    return result.points


def _missed(item: R.Item, lang: str) -> ItemResult:
    model = item.model.get(lang) or item.model.get("en", "")
    return ItemResult(item.dimension, item.id, False, 0, model, None, None, item.why)


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def _clean(text: str) -> str:
    """Control characters become spaces (offsets stay valid) and the length is capped."""
    cleaned = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text
    )
    return cleaned[:MAX_REPLY_CHARS]
