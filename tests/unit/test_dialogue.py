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


def test_a_warm_reply_with_steps_calms_visibly_and_a_reply_that_ignores_angers() -> None:
    # an excellent first reply (apology, two concrete steps) brings a furious customer well down
    excellent = next_mood(71, make_score(85, 80, 85), 2, 2)
    assert excellent.after <= 40
    # a reply that neither hears nor helps makes things worse, with the reason given
    ignored = next_mood(50, make_score(5, 60, 10), 0, 2)
    assert ignored.after > 50 and "got no help" in ignored.reasons
    # a low empathy score on a later, practical reply does not anger by itself
    practical = next_mood(40, make_score(10, 80, 70), 1, 2)
    assert practical.after < 40


def _branching_on_the_last_reply(**when: object) -> Dialogue:
    from trainer.domain.scenario import Scenario

    data = bundled("atm_card_swallowed").model_dump()
    data["turns"][0]["branches"] = [{"when": when, "goto": "waiting"}, {"goto": "still_angry"}]
    return Dialogue(Scenario.model_validate(data))


def test_a_branch_reacts_to_what_the_last_reply_itself_did() -> None:
    from trainer.domain.score import ItemResult

    # reply_steps: the step must be taken by this reply, not only earlier in the session
    d = _branching_on_the_last_reply(reply_steps=["cash_today"])
    d.reply("x", make_score(50, 50, 50, steps=("verify_identity",)))
    assert d.current is not None and d.current.id == "still_angry"
    d = _branching_on_the_last_reply(reply_steps=["cash_today"])
    d.reply("x", make_score(50, 50, 50, steps=("cash_today",)))
    assert d.current is not None and d.current.id == "waiting"
    # reply_met: a rubric item the reply met (here a promise with a time)
    promised = ItemResult("solution", "time_frame", True, 15, "in ten minutes", 0, 14, "A time.")
    base = make_score(50, 50, 50)
    d = _branching_on_the_last_reply(reply_met=["time_frame"])
    d.reply("x", base)
    assert d.current is not None and d.current.id == "still_angry"
    d = _branching_on_the_last_reply(reply_met=["time_frame"])
    d.reply("x", ReplyScore(50, 50, 50, "en", (promised,)))
    assert d.current is not None and d.current.id == "waiting"
