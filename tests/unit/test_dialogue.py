"""The dialogue engine reaches every ending, deterministically, from scored replies."""

from __future__ import annotations

import pytest

from trainer.domain.dialogue import Dialogue, DialogueOver
from trainer.domain.mood import next_mood
from trainer.domain.score import ReplyScore

from helpers import bundled, make_score

GOOD = make_score(empathy=85, clarity=80, solution=80)
COLD = make_score(empathy=0, clarity=30, solution=10)


def play(replies: list[ReplyScore]) -> Dialogue:
    d = Dialogue(bundled("atm_card_swallowed"))
    for score in replies:
        d.reply("reply", score)
        if d.finished:
            break
    return d


def test_resolved_when_steps_are_taken_calmly() -> None:
    d = play([
        make_score(85, 80, 80, steps=("verify_identity",)),
        make_score(80, 80, 90, steps=("retrieve_card", "cash_today")),
    ])
    assert [e.turn_id for e in d.exchanges] == ["opening", "waiting"]
    assert d.ending is not None and d.ending.outcome == "resolved"
    assert not d.turn_limit_reached


def test_walked_out_after_dismissal() -> None:
    d = play([make_score(0, 20, 0, penalties=2, critical=1)])
    assert d.ending is not None and d.ending.id == "walked_out"
    assert d.mood >= 90


def test_escalated_when_nothing_concrete_is_offered() -> None:
    d = play([make_score(45, 40, 40), make_score(10, 40, 40), make_score(50, 40, 40)])
    assert d.ending is not None and d.ending.outcome == "escalated"


def test_turn_limit_ends_in_the_limit_ending() -> None:
    s = bundled("atm_card_swallowed").model_copy(update={"max_turns": 1})
    d = Dialogue(s)
    d.reply("ok", make_score(45, 40, 40))
    assert d.turn_limit_reached and d.ending is not None and d.ending.outcome == "escalated"
    with pytest.raises(DialogueOver):
        d.reply("more", GOOD)


def test_same_replies_same_path() -> None:
    replies = [make_score(60, 50, 50), make_score(30, 40, 20, steps=("verify_identity",)),
               make_score(70, 70, 70)]
    a, b = play(replies), play(replies)
    assert [(e.turn_id, e.mood.after, e.goto) for e in a.exchanges] == \
           [(e.turn_id, e.mood.after, e.goto) for e in b.exchanges]


def test_steps_once_covered_stay_covered_and_count_once() -> None:
    d = Dialogue(bundled("atm_card_swallowed"))
    first = d.reply("a", make_score(50, 50, 50, steps=("verify_identity",)))
    assert first.new_steps == {"verify_identity"}
    second = d.reply("b", make_score(50, 50, 50, steps=("verify_identity",)))
    assert second.new_steps == frozenset()
    assert d.covered == {"verify_identity"}


def test_fork_is_independent() -> None:
    d = Dialogue(bundled("atm_card_swallowed"))
    other = d.fork()
    other.reply("x", COLD)
    assert d.exchanges == [] and d.mood == 70 and len(other.exchanges) == 1


def test_mood_direction() -> None:
    assert next_mood(70, GOOD, 0, 2).after < 70
    assert next_mood(70, COLD, 0, 2).after > 70
    average = make_score(50, 50, 50)
    assert next_mood(70, average, 1, 2).after < next_mood(70, average, 0, 2).after
    base = next_mood(50, make_score(40, 40, 40), 0, 2).after
    assert next_mood(50, make_score(40, 40, 40, penalties=1), 0, 2).after > base
    assert next_mood(50, make_score(40, 40, 40, critical=1), 0, 2).after > base
    # harder customers calm more slowly, and mood stays within 0..100
    assert next_mood(70, GOOD, 1, 3).after > next_mood(70, GOOD, 1, 1).after
    assert next_mood(5, GOOD, 3, 1).after == 0
    assert next_mood(98, COLD, 0, 1, ).after == 100
    assert "felt heard" in next_mood(70, GOOD, 0, 2).reasons
