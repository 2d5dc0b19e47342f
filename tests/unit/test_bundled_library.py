"""The bundled library: loads cleanly, covers the domain, and every reachable ending can be
reached by replies scored with the real scorer."""

from __future__ import annotations

from collections import Counter, deque
from functools import cache

import pytest

from trainer.app.scoring import scorer_for
from trainer.domain.dialogue import Dialogue
from trainer.domain.scenario import CATEGORIES, Scenario
from trainer.domain.scenario_checks import reachable_ids
from trainer.domain.score import Context, ReplyScore
from trainer.library.catalog import load_catalog

CATALOG = load_catalog()
SCORER = scorer_for()

GENERIC = {
    "en": [
        "Calm down. There's nothing I can do, it's the system.",
        "Okay.",
        "I'm so sorry, I understand how frustrating this is for you.",
        "I'm sorry about that. Let me check with my supervisor.",
    ],
    "zh-CN": [
        "冷静一点，这是系统问题，我也没办法。",
        "好的。",
        "非常抱歉，我理解您的心情，让您着急了。",
        "不好意思，我去问一下主管。",
    ],
}


def test_library_loads_without_problems() -> None:
    assert [str(r) for r in CATALOG.reports] == []


def test_library_covers_the_domain() -> None:
    scenarios = list(CATALOG)
    assert len(scenarios) >= 12
    assert sum(s.language == "zh-CN" for s in scenarios) >= 5
    assert set(Counter(s.category for s in scenarios)) == set(CATEGORIES)
    assert {s.difficulty for s in scenarios} == {1, 2, 3}


def candidate_replies(s: Scenario) -> list[str]:
    """What a trainee might say: model answers, step examples, and some poor replies."""
    texts = [t.model_answer for t in s.turns]
    texts += [ex for step in s.steps for ex in step.examples]
    texts += [" ".join(step.examples[0] for step in s.steps)]
    texts += GENERIC[s.language]
    return list(dict.fromkeys(texts))


def endings_reached(s: Scenario) -> dict[str, list[str]]:
    """Breadth-first over dialogue states; for each ending reached, the replies that got there."""

    @cache
    def score(text: str, covered: frozenset[str]) -> ReplyScore:
        return SCORER.score(text, scenario=s, language=s.language, context=Context(covered=covered))

    replies = candidate_replies(s)
    found: dict[str, list[str]] = {}
    start = Dialogue(s)
    queue: deque[tuple[Dialogue, list[str]]] = deque([(start, [])])
    seen: set[tuple[object, ...]] = set()
    while queue:
        dialogue, path = queue.popleft()
        for text in replies:
            nxt = dialogue.fork()
            nxt.reply(text, score(text, nxt.covered))
            if nxt.ending is not None:
                found.setdefault(nxt.ending.id, [*path, text])
                continue
            assert nxt.current is not None
            key = (nxt.current.id, nxt.mood // 5, nxt.covered, len(nxt.exchanges))
            if key not in seen:
                seen.add(key)
                queue.append((nxt, [*path, text]))
    return found


@pytest.mark.parametrize("scenario_id", list(CATALOG.scenarios))
def test_every_reachable_ending_can_be_played_to(scenario_id: str) -> None:
    s = CATALOG.scenarios[scenario_id]
    wanted = {e.id for e in s.endings} & reachable_ids(s)
    found = endings_reached(s)
    assert wanted <= set(found), f"never reached: {sorted(wanted - set(found))}"
    # and the outcomes are real: each reached ending has the outcome the scenario gives it
    assert {"resolved", "escalated", "walked_out"} <= {s.ending(e).outcome for e in found}  # type: ignore[union-attr]
