"""The rubric scorer: reads what each clause of a reply does and adds up the rubric's items.

Deterministic and explainable. Each point comes from an item of the rubric (``assets/rubric``)
that found words in the reply (their span is kept) or did not (a model phrasing is shown instead).
Items are found by learned detectors (what a clause does, in any wording or register), by
patterns (courtesy words, times and amounts, jargon), or by a rule; critical fails are listed
apart. The reply is normalised first, so a spoken reply scores as what was meant.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from trainer.domain.errors import InvalidInput
from trainer.domain.scenario import Scenario
from trainer.domain.score import Context, CriticalFail, ItemResult, ReplyScore
from trainer.domain.scoring.critical import critical_fails
from trainer.domain.scoring.detectors import Detectors
from trainer.domain.scoring.meaning import MeaningMatcher
from trainer.domain.scoring.negation import all_negated
from trainer.domain.scoring.punctuation import Punctuator
from trainer.domain.scoring.reading import REVISION, Reading, highlight, matches, read
from trainer.domain.scoring.rubric import CriticalSpec, ItemSpec, Rubric
from trainer.domain.scoring.scaling import scaled
from trainer.domain.scoring.scenario_phrasings import ScenarioPhrasings
from trainer.domain.scoring.steps import StepMatcher
from trainer.domain.scoring.text import (
    Sentence,
    clause_spans,
    content_words,
    detect_language,
    sentence_length,
)
from trainer.domain.wording import plural

MAX_REPLY_CHARS = 5000
#: A sentence this long buries the answer (run-on).
LONG_SENTENCE_WORDS = 35
#: Plain and short: clauses of about this many words or fewer on average.
PLAIN_AVERAGE_WORDS = 18
PENALTY_CLAUSE_WORDS = 20
PLAIN_MIN_WORDS = 8
#: The detector's certainty at which a penalty counts without its key words in the clause.
UNCUED_PENALTY = 0.99
#: Items that, found in a sentence, keep it from earning empathy or action there:
#: "I understand, but there's nothing I can do" acknowledges nothing and does nothing.
SPOILERS = ("blame", "dismissal", "defensive", "cancelled_apology", "conditional_apology")
#: An action or a time inside a hollow promise ("we will keep improving") is not one.
HOLLOWED = ("concrete_action", "time_frame")
ACKNOWLEDGING = ("acknowledge_feeling", "apology", "validate_expectation")
ACTIONABLE = ("concrete_action", "clarify_details", "follow_up", "time_frame")
_HEDGE = re.compile(r"(?:\b(?:maybe|probably|perhaps|possibly|might|may be|or so|I guess|I think)\b|"
                    r"可能|也许|说不定|估计|不一定)[^.!?。！？]{0,12}$", re.IGNORECASE | re.ASCII)
_RELATIVE_TIME = re.compile(r"^(?:today|tonight|now|right now|this (?:morning|afternoon|evening)|"
                            r"今天|今晚|现在|马上|当天)$", re.IGNORECASE | re.ASCII)


class EmptyReply(InvalidInput):
    """The reply has nothing to score."""


class RubricScorer:
    """Scores replies against the rubric; implements :class:`~trainer.domain.score.ReplyScorer`."""

    def __init__(self, rubric: Rubric, detectors: Detectors, matcher: MeaningMatcher,
                 punctuator: Punctuator | None = None) -> None:
        missing = [i.id for i in rubric.items if i.found_by == "detector" and not detectors.has(i.id)]
        missing += [c.id for c in rubric.critical if c.found_by == "detector" and not detectors.has(c.id)]
        if missing:
            raise ValueError(f"the detectors have no head for {', '.join(missing)}; run make train-scorer")
        self.rubric = rubric
        self._detectors = detectors
        self._matcher = matcher
        self._punctuator = punctuator
        self._steps = StepMatcher(matcher)
        self._models = ScenarioPhrasings(self)
        digest = hashlib.sha1(rubric.model_dump_json().encode("utf-8")).hexdigest()[:8]
        self.version = f"rubric-{digest}+reading-{REVISION}+detectors-{detectors.version}" + (
            f"+punctuation-{punctuator.version}" if punctuator else "")

    def warm_up(self) -> None:
        """Load the encoder and the word segmenter now (about a second), not on the first reply."""
        self.score("I'm sorry, I'll sort it out now.")
        self.score("非常抱歉，我马上帮您退回三千五百元。")
        content_words("热身")

    def prepare(self, scenario: Scenario) -> None:
        """Read the scenario's own model answers and step examples now (a tenth of a second or
        two, once a scenario), so its first reply is scored as fast as the rest."""
        self._models.prepare(scenario)

    # -- the port -----------------------------------------------------------------------------------

    def score(
        self,
        text: str,
        *,
        scenario: Scenario | None = None,
        language: str | None = None,
        context: Context | None = None,
    ) -> ReplyScore:
        context = context or Context()
        text = _clean(text)
        if not text.strip():
            raise EmptyReply("the reply is empty")
        lang = language if language in ("en", "zh-CN") else detect_language(text)
        reading = self.read(text, context.breaks)
        # A plan that needs the customer's PIN or one-time code is no plan at all.
        no_solution = any(self.critical_in(c, reading, i) for c in self.rubric.critical
                          if c.id == "asks_for_secret" for i in range(len(reading.units)))
        found: dict[str, ItemResult] = {}
        results: list[ItemResult] = []
        for spec in self.rubric.items:
            if spec.found_by == "rule" or (no_solution and spec.dimension == "solution" and spec.points > 0):
                continue
            for result in self.find(spec, reading):
                found.setdefault(spec.id, result)
                results.append(result)
        results += [r for r in self._rules(reading, found) if not (no_solution and r.dimension == "solution")]
        results = self._with_missed(results, reading, lang, scenario, context)
        steps_taken, step_results = self._scenario_steps(reading, scenario, context, lang)
        items, scaling = scaled(self.rubric, results, step_results)
        totals = {d: max(0, min(100, sum(i.points for i in items if i.dimension == d)))
                  for d in ("empathy", "clarity", "solution")}
        return ReplyScore(
            empathy=totals["empathy"], clarity=totals["clarity"], solution=totals["solution"],
            language=lang, items=tuple(items),
            critical=tuple(critical_fails(self, reading, found, scenario)),
            steps_taken=frozenset(steps_taken), scaling=tuple(scaling), scorer_version=self.version,
        )

    def read(self, text: str, breaks: tuple[int, ...] = ()) -> Reading:
        """The reply read unit by unit, with the units that can earn nothing marked: a unit that
        blames, dismisses, hides behind the rules or asks for a secret (and the units inside it,
        and the sentence holding it) earns no empathy and no solution; one that promises what the
        bank cannot earns no solution."""
        reading = read(text, self._detectors, self._matcher, breaks, self._punctuator)
        spoilers = [spec for spec in (self.rubric.item(i) for i in SPOILERS) if spec is not None]
        bad: list[Sentence] = []
        unkeepable: list[Sentence] = []
        for i, unit in enumerate(reading.units):
            if not self._whole_enough(reading, i):
                continue
            fails = {c.id for c in self.rubric.critical if c.found_by and self.critical_in(c, reading, i)}
            if "asks_for_secret" in fails or any(self._unit_shows(spec, reading, i) for spec in spoilers):
                bad.append(unit)
            elif "impossible_promise" in fails:
                unkeepable.append(unit)
        reading.spoiled = _touching(reading.units, bad)
        reading.no_solution = _touching(reading.units, bad + unkeepable)
        return reading

    def critical_in(self, spec: CriticalSpec, reading: Reading, i: int) -> bool:
        if spec.requires and not matches(self.rubric.regex(spec.requires), reading.units[i]):
            return False
        if spec.blockers and matches(self.rubric.regex(spec.blockers), reading.units[i]):
            return False
        if spec.negatable and self._negated(spec, reading.units[i]):
            return False
        p = reading.probabilities[spec.id][i]
        if spec.cue_threshold is not None and matches(self.rubric.regex(spec.cues), reading.units[i]):
            return bool(p >= min(spec.cue_threshold, self.threshold(spec.id)))
        return bool(p >= self.threshold(spec.id))

    def detected(self, label: str, reading: Reading) -> list[int]:
        """Indices of the units that show ``label`` by its detector (no rubric gates applied)."""
        p = reading.probabilities[label]
        t = self.threshold(label)
        return [i for i in range(len(reading.units)) if p[i] >= t]

    # -- finding items ------------------------------------------------------------------------------

    def threshold(self, label: str) -> float:
        spec = self.rubric.item(label) or self.rubric.critical_spec(label)
        if spec is not None and spec.threshold is not None:
            return spec.threshold
        return self._detectors.threshold(label)

    def _unit_shows(self, spec: ItemSpec, reading: Reading, i: int) -> bool:
        """Does unit ``i`` show the item? A penalty needs its key words in the unit unless the
        detector is all but certain: a false penalty costs a trainee the most trust."""
        unit = reading.units[i]
        if spec.requires and not matches(self.rubric.regex(spec.requires), unit):
            return False
        if spec.blockers and matches(self.rubric.regex(spec.blockers), unit):
            return False
        if spec.negatable and self._negated(spec, unit):
            return False
        p = reading.probabilities[spec.id][i]
        key_words = spec.highlight or spec.patterns
        if spec.points < 0 and key_words and not self._has_key_words(spec, key_words, reading, unit):
            return bool(p >= max(self.threshold(spec.id), UNCUED_PENALTY))
        return bool(p >= self.threshold(spec.id))

    def _has_key_words(self, spec: ItemSpec, key_words: list[str], reading: Reading, unit: Sentence) -> bool:
        """Are the penalty's key words in the unit (a term explained right after it is not jargon)?"""
        regex = self.rubric.regex(key_words)
        assert regex is not None
        text, explained = reading.text, spec.explained_by
        return any(m.end() > m.start() and not (
            explained and re.match(explained, text[unit.start + m.end():], re.IGNORECASE))
            for m in regex.finditer(unit.text))

    def _negated(self, spec: ItemSpec | CriticalSpec, unit: Sentence) -> bool:
        return all_negated(self.rubric.key_words(spec), self.rubric.regex(self.rubric.negation), unit.text)

    def find(self, spec: ItemSpec, reading: Reading, limit: int | None = None) -> list[ItemResult]:
        """Where the reply shows ``spec``, each different phrase once: by default one result for an
        item that earns and up to two (different sentences or phrases) for one that costs."""
        limit = limit or (1 if spec.points > 0 else 2)
        spans = self._pattern_spans(spec, reading) if spec.patterns else []
        if spec.found_by == "detector":
            spans += [s for s in self._detector_spans(spec, reading)
                      if not any(a <= s[0] < b or s[0] <= a < s[1] for a, b in spans)]
        out: list[ItemResult] = []
        seen: set[str] = set()
        for start, end in spans:
            o_start, o_end, words = reading.evidence(start, end)
            key = words.casefold()
            if not words or key in seen:
                continue
            seen.add(key)
            out.append(ItemResult(spec.dimension, spec.id, True, spec.points, words, o_start, o_end,
                                  spec.why.en))
            if len(out) == limit:
                break
        return out

    def _detector_spans(self, spec: ItemSpec, reading: Reading) -> list[tuple[int, int]]:
        """The units showing ``spec``, most certain first, at most one per sentence."""
        positive = spec.points > 0
        hits = []
        for i in range(len(reading.units)):
            if positive and spec.dimension == "empathy" and reading.spoiled[i]:
                continue
            if positive and spec.id in ACTIONABLE and reading.no_solution[i]:
                continue
            if not positive and not self._whole_enough(reading, i):
                continue
            if spec.id in HOLLOWED and self._hollow(reading, i):
                continue
            if self._unit_shows(spec, reading, i):
                hits.append((float(reading.probabilities[spec.id][i]), i))
        # The most certain unit first (among equals, the earliest and shortest); a unit across
        # sentences only where none of its sentences showed the item on its own.
        hits.sort(key=lambda h: (len(reading.sentences_in(reading.units[h[1]])) > 1, -h[0],
                                 reading.units[h[1]].start, reading.units[h[1]].end))
        spans: list[tuple[int, int]] = []
        sentences: set[Sentence] = set()
        for unit in (reading.units[i] for _, i in hits):
            if not sentences.isdisjoint(covered := reading.sentences_in(unit)):
                continue
            sentences.update(covered)
            spans.append(highlight(reading, self.rubric, spec.highlight, unit) if spec.highlight
                         else (unit.start, unit.end))
        return spans

    def _hollow(self, reading: Reading, i: int) -> bool:
        vague = self.rubric.item("vague_promise")
        return vague is not None and self._unit_shows(vague, reading, i)

    @staticmethod
    def _whole_enough(reading: Reading, i: int) -> bool:
        """A penalty is judged on a sentence, or on a clause of a long one: a fragment of a warm
        sentence ("oh no, I'm so sorry") read alone can look curt."""
        unit = reading.units[i]
        sentence = reading.sentence_of(unit)
        return unit == sentence or sentence_length(sentence.text) > PENALTY_CLAUSE_WORDS

    def _pattern_spans(self, spec: ItemSpec, reading: Reading) -> list[tuple[int, int]]:
        regex = self.rubric.regex(spec.patterns)
        assert regex is not None
        text = reading.text
        spans = []
        for m in regex.finditer(text):
            if m.end() == m.start():
                continue
            if spec.explained_by and re.match(spec.explained_by, text[m.end():], re.IGNORECASE):
                continue
            i = reading.unit_of(m.start())
            blockers = self.rubric.regex(spec.blockers)
            if blockers is not None and i is not None and matches(blockers, reading.units[i]):
                continue
            if spec.id == "concrete_specifics" and not self._specific_counts(m, reading, i):
                continue
            spans.append((m.start(), m.end()))
        return spans

    def _specific_counts(self, m: re.Match[str], reading: Reading, i: int | None) -> bool:
        """A hedged time is a guess; "today" or "now" count only where something is promised.
        (Clarity is not undone by a curt sentence: "come back at 9 am with your ID" is clear.)"""
        if i is None:
            return False
        if _HEDGE.search(reading.text[max(0, m.start() - 30):m.start()]):
            return False
        if _RELATIVE_TIME.match(m.group(0).strip()):
            sentence = reading.sentence_of(reading.units[i])
            committing = (reading.units[j] for label in ACTIONABLE for j in self.detected(label, reading))
            return any(reading.sentence_of(u) == sentence for u in committing)
        return True

    # -- rules --------------------------------------------------------------------------------------

    def _rules(self, reading: Reading, found: dict[str, ItemResult]) -> list[ItemResult]:
        out: list[ItemResult] = []
        rule = self.rubric.item
        specific = rule("concrete_specifics")
        specifics = self.find(specific, reading, limit=2) if specific is not None else []
        more = rule("more_specifics")
        if more is not None and len(specifics) >= 2:
            second = specifics[1]
            out.append(ItemResult("clarity", more.id, True, more.points, second.text, second.start,
                                  second.end, more.why.en))
        # A run-on is a sentence too long to follow; "plain" is judged clause by clause (between
        # any two marks, typed or restored in speech), which missing full stops move far less.
        sentence_lengths = [sentence_length(x.text) for x in reading.sentences]
        long = [x for x, n in zip(reading.sentences, sentence_lengths, strict=True)
                if n > LONG_SENTENCE_WORDS]
        run_on = rule("run_on")
        # Where the sentence ends were restored (speech with no pauses known), how long a
        # sentence was cannot be known, and recognition doubt is never charged to the trainee.
        if run_on is not None and long and reading.sentence_ends_heard:
            s_start, s_end, words = reading.evidence(long[0].start, long[0].end)
            out.append(ItemResult("clarity", run_on.id, True, run_on.points, words, s_start, s_end,
                                  run_on.why.en))
        lengths = [sentence_length(reading.text[a:b]) for a, b in clause_spans(reading.text)]
        plain = rule("plain_and_short")
        average = sum(lengths) / max(1, len(lengths))
        # Plain words earn only where they say something: what will happen, or enough words to be
        # a real reply ("ok" or "calm down, it's just a card" tells the customer nothing).
        substance = any(k in found for k in (*ACTIONABLE, "concrete_specifics", "checks_understanding")) or (
            sum(lengths) >= PLAIN_MIN_WORDS)
        long_heard = bool(long) and reading.sentence_ends_heard
        if (plain is not None and substance and reading.sentences and not long_heard and "jargon" not in found
                and average <= PLAIN_AVERAGE_WORDS):
            first = reading.sentences[0]
            s_start, s_end, words = reading.evidence(first.start, first.end)
            out.append(ItemResult("clarity", plain.id, True, plain.points, words, s_start, s_end,
                                  f"{plain.why.en} (about {plural(round(average), 'word')} between pauses)"))
        forward = self._way_forward(reading, found)
        out += forward + self._complete_plan(reading, found)
        out += self._order({**found, **{r.item: r for r in forward}})
        return out

    def _way_forward(self, reading: Reading, found: dict[str, ItemResult]) -> list[ItemResult]:
        """No concrete action, but a clause that is probably one: an offer, an option, a next step."""
        spec, action = self.rubric.item("way_forward"), self.rubric.item("concrete_action")
        if spec is None or action is None or spec.threshold is None or "concrete_action" in found:
            return []
        p = reading.probabilities["concrete_action"]
        blockers = self.rubric.regex(action.blockers)
        ok = [i for i in range(len(reading.units))
              if p[i] >= spec.threshold and not reading.no_solution[i] and not self._hollow(reading, i)
              and not (blockers is not None and matches(blockers, reading.units[i]))]
        if not ok:
            return []
        best = max(ok, key=lambda i: (p[i], -reading.units[i].start))
        start, end, words = reading.evidence(reading.units[best].start, reading.units[best].end)
        return [ItemResult("solution", spec.id, True, spec.points, words, start, end, spec.why.en)]

    def _complete_plan(self, reading: Reading, found: dict[str, ItemResult]) -> list[ItemResult]:
        """The whole plan: an action, with its steps in order or a second action or option."""
        spec, action = self.rubric.item("complete_plan"), self.rubric.item("concrete_action")
        if spec is None or action is None or "concrete_action" not in found:
            return []
        spans = self._detector_spans(action, reading)
        if len(spans) >= 2:
            evidence = spans[1]
        elif "steps_in_order" in found:
            r = found["steps_in_order"]
            return [ItemResult("solution", spec.id, True, spec.points, r.text, r.start, r.end, spec.why.en)]
        else:
            return []
        start, end, words = reading.evidence(*evidence)
        return [ItemResult("solution", spec.id, True, spec.points, words, start, end, spec.why.en)]

    def _order(self, found: dict[str, ItemResult]) -> list[ItemResult]:
        """CARP: acknowledging the customer before solving (or offering a way forward) earns a little."""
        first = self.rubric.item("acknowledge_first")
        action = found.get("concrete_action") or found.get("way_forward")
        acks = [found[k] for k in ACKNOWLEDGING if k in found]
        ack = min(acks, key=lambda r: r.start or 0, default=None)
        if first is None or action is None or ack is None or (ack.start or 0) > (action.start or 0):
            return []
        return [ItemResult("solution", first.id, True, first.points, ack.text, ack.start, ack.end,
                           first.why.en)]

    # -- missed items, steps, scaling -----------------------------------------------------------------

    def _with_missed(self, results: list[ItemResult], reading: Reading, lang: str,
                     scenario: Scenario | None, context: Context) -> list[ItemResult]:
        met = {r.item for r in results}
        earlier = frozenset().union(*(s.met() for s in context.earlier)) if context.earlier else frozenset()
        out = list(results)
        for spec in self.rubric.items:
            if spec.points <= 0 or spec.id in met or (spec.id == "way_forward" and "concrete_action" in met):
                continue
            if spec.carries_over and spec.id in earlier:
                out.append(ItemResult(spec.dimension, spec.id, False, 0, "", None, None,
                                      "Done in an earlier reply: not needed again.", carried=True))
                continue
            model = self._models.phrasing(spec, scenario, context.turn_id, lang)
            out.append(ItemResult(spec.dimension, spec.id, False, 0, model, None, None, spec.why.en))
        order = {spec.id: n for n, spec in enumerate(self.rubric.items)}
        return sorted(out, key=lambda r: (order.get(r.item, 99), r.start if r.start is not None else 10**6))

    def _scenario_steps(self, reading: Reading, scenario: Scenario | None, context: Context,
                        lang: str) -> tuple[set[str], list[ItemResult]]:
        if scenario is None:
            return set(), []
        actionable = [not s and any(reading.probabilities[label][i] >= self.threshold(label)
                                    for label in ACTIONABLE)
                      for i, s in enumerate(reading.no_solution)]
        explaining = [not s for s in reading.spoiled]
        taken: set[str] = set()
        results: list[ItemResult] = []
        for step in scenario.steps:
            gate = actionable if self._models.is_action_step(step) else explaining
            match = self._steps.match(step, reading.units, gate)
            if match:
                taken.add(step.id)
            if step.id in context.covered:
                continue
            why = f"Takes the scenario step: {step.description}"
            if match:
                u = match.unit
                start, end, words = reading.evidence(u.start, u.end)
                results.append(ItemResult("solution", f"step:{step.id}", True, 1, words, start, end, why))
            else:
                results.append(ItemResult("solution", f"step:{step.id}", False, 0, step.examples[0], None,
                                          None, f"Scenario step not taken yet: {step.description}"))
        return taken, results


def _touching(units: list[Sentence], marked: list[Sentence]) -> list[bool]:
    """For each unit: does it overlap one of ``marked``?"""
    return [any(b.start <= u.start < b.end or u.start <= b.start < u.end for b in marked) for u in units]


def _clean(text: str) -> str:
    """Control characters become spaces (offsets stay valid) and the length is capped."""
    cleaned = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text
    )
    return cleaned[:MAX_REPLY_CHARS]


__all__ = ["CriticalFail", "EmptyReply", "RubricScorer"]
