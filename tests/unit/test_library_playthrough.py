"""Every bundled situation in both languages, with customers who listen: the model answers
resolve it, dismissive replies lose the customer, sympathy alone never resolves it, and there is a
conversation of five or more customer lines to have."""

from __future__ import annotations

from collections import Counter
from itertools import cycle

import pytest

from trainer.app.scoring import scorer_for
from trainer.domain.dialogue import Dialogue
from trainer.domain.scenario import CATEGORIES, Scenario
from trainer.domain.score import Context
from trainer.library.catalog import load_catalog

CATALOG = load_catalog()
SCORER = scorer_for()
LANGUAGES = {"en", "zh-CN"}

DISMISSIVE = {
    "en": [
        "Calm down. There's nothing I can do, it's the system.",
        "That's the rules. You should have read the notice.",
        "Okay.",
    ],
    "zh-CN": [
        "冷静一点，这是系统问题，我也没办法。",
        "规定就是这样，您自己没看通知。",
        "好的。",
    ],
}
SYMPATHY_ONLY = {
    "en": "I'm so sorry, I understand how frustrating this is for you.",
    "zh-CN": "非常抱歉，我理解您的心情，让您着急了。",
}


def play(s: Scenario, replies: list[str] | None = None) -> Dialogue:
    """Play ``replies`` in turn (cycled); with none, answer each turn with its model answer."""
    d = Dialogue(s)
    texts = cycle(replies) if replies else None
    while d.current is not None:
        text = next(texts) if texts else d.current.model_answer
        score = SCORER.score(text, scenario=s, language=s.language, context=Context(
            covered=d.covered, earlier=[e.score for e in d.exchanges], turn_id=d.current.id))
        d.reply(text, score)
    return d


def longest_conversation(s: Scenario) -> int:
    """The most customer lines (turns, then the ending's last words) on any path without repeats."""
    endings = {e.id for e in s.endings}

    def walk(turn_id: str, seen: frozenset[str]) -> int:
        turn = s.turn(turn_id)
        assert turn is not None
        best = 0
        for b in turn.branches:
            if b.goto in endings:
                best = max(best, 1)
            elif b.goto not in seen:
                best = max(best, walk(b.goto, seen | {b.goto}))
        return 1 + best

    return walk(s.first_turn.id, frozenset({s.first_turn.id}))


def test_every_situation_is_in_both_languages() -> None:
    by_situation: dict[str, set[str]] = {}
    for s in CATALOG:
        assert s.situation is not None, f"{s.id} names no situation"
        by_situation.setdefault(s.situation, set()).add(s.language)
    assert len(by_situation) >= 30
    missing = {k: LANGUAGES - v for k, v in by_situation.items() if v != LANGUAGES}
    assert missing == {}


def test_the_five_causes_and_three_difficulties_are_covered_evenly() -> None:
    english = [s for s in CATALOG if s.language == "en"]
    per_cause = Counter(s.category for s in english)
    assert set(per_cause) == set(CATEGORIES)
    assert min(per_cause.values()) >= 5, per_cause
    per_level = Counter(s.difficulty for s in english)
    assert set(per_level) == {1, 2, 3} and min(per_level.values()) >= 5, per_level


def test_no_pair_has_different_steps_or_two_of_a_language() -> None:
    between = [str(r) for r in CATALOG.reports if "steps differ" in r.message or "already has" in r.message]
    assert between == []


@pytest.mark.parametrize("scenario_id", list(CATALOG.scenarios))
def test_model_answers_resolve_it(scenario_id: str) -> None:
    s = CATALOG.scenarios[scenario_id]
    d = play(s)
    assert d.ending is not None and d.ending.outcome == "resolved", [e.goto for e in d.exchanges]
    # and the mood visibly falls along the way
    assert d.mood <= s.persona.mood - 25


@pytest.mark.parametrize("scenario_id", list(CATALOG.scenarios))
def test_dismissive_replies_lose_the_customer(scenario_id: str) -> None:
    s = CATALOG.scenarios[scenario_id]
    d = play(s, DISMISSIVE[s.language])
    assert d.ending is not None and d.ending.outcome in {"walked_out", "escalated"}


@pytest.mark.parametrize("scenario_id", list(CATALOG.scenarios))
def test_sympathy_alone_never_resolves_it(scenario_id: str) -> None:
    s = CATALOG.scenarios[scenario_id]
    d = play(s, [SYMPATHY_ONLY[s.language]])
    assert d.ending is not None and d.ending.outcome != "resolved"


@pytest.mark.parametrize("scenario_id", list(CATALOG.scenarios))
def test_there_is_a_conversation_of_five_lines_or_more(scenario_id: str) -> None:
    assert longest_conversation(CATALOG.scenarios[scenario_id]) >= 5
