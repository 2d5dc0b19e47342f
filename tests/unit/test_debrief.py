"""Issue 15, item 3: the debrief describes the session that was played: its own number of
replies, the mood it moved, and the scenario's own steps taken and missed."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.debrief import TurnFacts, debrief

from helpers import ROOT, bundled, make_score, open_app

RESOLVED = (ROOT / "tests" / "data" / "replies" / "atm_resolved.txt").read_text(encoding="utf-8").splitlines()


def test_one_cold_reply_is_described_as_one_cold_reply(db_path: Path) -> None:
    app = open_app(db_path)
    trainee = app.accounts.create_trainee("Lin")
    app.practice.start(trainee, "atm_card_swallowed")
    summary = app.practice.reply("Calm down. There's nothing I can do about the machine.").summary
    assert summary is not None and summary.debrief is not None
    d = summary.debrief
    steps = [s.description for s in app.practice.scenario("atm_card_swallowed").steps]
    assert d.replies == 1 and d.steps_taken == () and list(d.steps_missing) == steps
    assert d.hardest is not None and d.hardest[0] == 1 and d.mood_to > d.mood_from and d.calmest is None
    assert app.practice.summary(summary.session_id).debrief == d  # the same when reopened


def test_a_good_session_names_the_steps_it_took(db_path: Path) -> None:
    app = open_app(db_path)
    app.practice.start(app.accounts.create_trainee("Lin"), "atm_card_swallowed")
    outcome = None
    for line in filter(None, RESOLVED):
        outcome = app.practice.reply(line)
    assert outcome is not None and outcome.summary is not None and outcome.summary.debrief is not None
    d = outcome.summary.debrief
    assert d.replies == 2 and d.steps_taken and d.calmest is not None and d.mood_to < d.mood_from
    scenario = bundled("atm_card_swallowed")
    assert set(d.steps_taken) | set(d.steps_missing) == {s.description for s in scenario.steps}


def test_the_debrief_is_built_from_the_turns_alone() -> None:
    scenario = bundled("long_queue")
    first, second = scenario.steps[0], scenario.steps[1]
    d = debrief(scenario, [TurnFacts(make_score(steps=(first.id,)), 70, 75),
                           TurnFacts(make_score(steps=(second.id,), critical=1), 75, 50)])
    assert d is not None and d.replies == 2 and (d.mood_from, d.mood_to) == (70, 50)
    assert d.steps_taken == (first.description, second.description)
    assert d.calmest == (2, 25) and d.hardest == (1, 5) and d.critical_fails == 1
    assert debrief(scenario, []) is None
