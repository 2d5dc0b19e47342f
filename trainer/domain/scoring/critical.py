"""Critical fails: what staff must never say, listed apart from the scores with the exact words.

Found by meaning where meaning is the point (asking for a PIN in any wording, but not "I'll never
ask for your PIN"; disclosing another customer's data; promising what the bank cannot), by the
exact forbidden phrases (服务禁语, the scenario's own list), and by the items that raise one
(blame; a dismissal is a forbidden phrase in meaning). A general forbidden phrase inside a clause
the detectors read as harmless ("you should have received a text from us") is not a fail; a
scenario's own forbidden phrases always are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.domain.scenario import Scenario
from trainer.domain.score import CriticalFail, ItemResult
from trainer.domain.scoring.reading import Reading, highlight

if TYPE_CHECKING:
    from trainer.domain.scoring.scorer import RubricScorer

#: A general forbidden phrase counts unless its clause is this far from blaming or dismissing.
HARMLESS_BELOW = 0.15


def critical_fails(scorer: RubricScorer, reading: Reading, found: dict[str, ItemResult],
                   scenario: Scenario | None) -> list[CriticalFail]:
    rubric = scorer.rubric
    out: list[CriticalFail] = []

    def add(kind: str, start: int, end: int) -> None:
        spec = rubric.critical_spec(kind)
        why = spec.why.en if spec else kind
        o_start, o_end, words = reading.evidence(start, end)
        if words:
            out.append(CriticalFail(kind, words, o_start, o_end, why))

    for spec in rubric.critical:
        if spec.found_by == "detector":
            for i, unit in enumerate(reading.units):
                if not scorer.critical_in(spec, reading, i):  # its threshold, or a cue's lower one
                    continue
                add(spec.id, *highlight(reading, rubric, spec.highlight, unit) if spec.highlight
                    else (unit.start, unit.end))
        regex = rubric.regex(spec.patterns) if spec.patterns else None
        negation = rubric.regex(rubric.negation) if spec.negatable else None
        if regex is not None:
            for m in regex.finditer(reading.text):
                # "there's no guaranteed return" denies the promise it names
                if negation is not None and negation.search(reading.text[max(0, m.start() - 60):m.start()]):
                    continue
                if not _quoted(reading.text, m.start(), m.end()):
                    add(spec.id, m.start(), m.end())
    for item in rubric.items:
        if item.critical and item.id in found:
            r = found[item.id]
            if r.start is not None and r.end is not None:
                out.append(CriticalFail(item.critical, r.text, r.start, r.end,
                                        (rubric.critical_spec(item.critical) or item).why.en))
    out += _forbidden(scorer, reading, scenario)
    # Keep one fail per place: the longest, then the first listed.
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[CriticalFail] = []
    for c in out:
        if not any(k.start <= c.start < k.end for k in kept):
            kept.append(c)
    return kept


def _forbidden(scorer: RubricScorer, reading: Reading, scenario: Scenario | None) -> list[CriticalFail]:
    rubric = scorer.rubric
    spec = rubric.critical_spec("forbidden_phrase")
    why = spec.why.en if spec else "A forbidden phrase."
    folded = reading.original.casefold().replace("’", "'")
    own = list(scenario.forbidden) if scenario else []
    out = []
    for phrase in dict.fromkeys([*own, *rubric.forbidden_phrases]):
        needle = phrase.casefold().replace("’", "'")
        at = folded.find(needle)
        if at < 0:
            continue
        if phrase not in own and (_harmless(scorer, reading, at) or _excused(scorer, reading, at)):
            continue
        out.append(CriticalFail("forbidden_phrase", reading.original[at:at + len(needle)], at,
                                at + len(needle), why))
    return out


_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}


def _quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` inside quotation marks (someone's words repeated, not promised)?"""
    before = text[:start]
    for opening, closing in _QUOTES.items():
        at = before.rfind(opening)
        if at >= 0 and (opening != closing or before.count(opening) % 2 == 1) \
                and closing not in text[at + 1:start] and closing in text[end:]:
            return True
    return False


def _excused(scorer: RubricScorer, reading: Reading, at: int) -> bool:
    """Does the clause holding original offset ``at`` match a blocker of the penalty items
    ("you should have received a text from us" is the bank's duty, not the customer's fault)?"""
    unit = _unit_at(reading, at)
    if unit is None:
        return False
    rubric = scorer.rubric
    blockers = [p for spec in (rubric.item(i) for i in ("blame", "dismissal", "defensive")) if spec
                for p in spec.blockers]
    regex = rubric.regex(blockers)
    return regex is not None and regex.search(reading.units[unit].text) is not None


def _unit_at(reading: Reading, at: int) -> int | None:
    n = next((i for i, s in enumerate(reading.norm.starts) if s >= at), None)
    return reading.unit_of(n) if n is not None else None


def _harmless(scorer: RubricScorer, reading: Reading, at: int) -> bool:
    """Is the clause holding original offset ``at`` plainly not a blame or a dismissal?"""
    unit = _unit_at(reading, at)
    if unit is None:
        return False
    worst = max(float(reading.probabilities[label][unit]) for label in ("blame", "dismissal", "defensive"))
    return worst < HARMLESS_BELOW
