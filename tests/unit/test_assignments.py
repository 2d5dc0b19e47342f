"""Assignments: a trainer assigns a situation with a due date and a pass mark; the trainee sees it
first in the library with its status; trainers see completion per team; the command line does the
same; HR's workbook lists them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from trainer.cli import main
from trainer.domain.accounts import AccessDenied
from trainer.domain.assignments import Assignment, Attempt, progress_of
from trainer.domain.errors import InvalidInput, NotFound
from trainer.export.run import ExportRequest
from trainer.export.selection import ExportFilter

from helpers import PINS, World, hr_tina_and_ann

TODAY = date.today()
GOOD = [
    "I'm so sorry, that's really stressful when you need the cash today. May I see your ID card, please?",
    "I'll open the ATM with my colleague and bring your card back in about ten minutes, and I can give "
    "you cash at the counter right now.",
    "Is there anything else I can help you with today?",
]


def assignment(created: str = "2026-01-01T00:00:00+00:00", due: date = TODAY, mark: int = 70) -> Assignment:
    return Assignment(1, "u", "atm_card_swallowed", due, mark, 1, None, "tina", created)


def attempt(started: str, overall: float | None, finished: bool = True, day: date = TODAY) -> Attempt:
    return Attempt(started, finished, overall, day)


def test_status_follows_the_sessions_since_it_was_assigned() -> None:
    a = assignment()
    assert progress_of(a, [], TODAY).status == "not_started"
    assert progress_of(a, [attempt("2025-12-31T00:00:00+00:00", 95)], TODAY).status == "not_started"
    assert progress_of(a, [attempt("2026-02-01T00:00:00+00:00", 50)], TODAY).status == "in_progress"
    assert progress_of(a, [attempt("2026-02-01T00:00:00+00:00", 90, finished=False)], TODAY).status == \
        "in_progress"
    passed = progress_of(a, [attempt("2026-02-01T00:00:00+00:00", 70)], TODAY)
    assert passed.status == "passed" and passed.best == 70 and not passed.late
    assert progress_of(a, [], TODAY + timedelta(days=1)).status == "overdue"
    late = progress_of(a, [attempt("2026-02-01T00:00:00+00:00", 80, day=TODAY + timedelta(days=2))],
                       TODAY + timedelta(days=3))
    assert late.status == "passed" and late.late


def play(world: World, trainee: str, scenario_id: str, replies: list[str]) -> None:
    me = world.sign_in(trainee)
    app = world.app
    assert me.trainee_id is not None
    app.practice.start(me.trainee_id, scenario_id)
    for text in replies:
        if app.practice.reply(text).summary is not None:
            break
    app.practice.stop()


@pytest.fixture
def world(db_path: Path) -> World:
    return hr_tina_and_ann(db_path)


def test_a_trainer_assigns_and_the_trainee_sees_it_first_with_its_status(world: World) -> None:
    app = world.app
    world.sign_in("tina")
    made = app.assignments.assign("callback_never_came", TODAY + timedelta(days=3), 0, trainee="ann")
    ann = world.sign_in("ann")
    assert ann.trainee_id is not None
    library = app.practice.library(ann.trainee_id)
    first = library[0]
    assert first.assigned is not None and first.assigned.assignment.id == made.id
    assert {e.scenario.id for e in library[:2]} == {"callback_never_came", "zh_callback_never_came"}
    assert first.assigned.progress.status == "not_started"
    assert all(e.assigned is None for e in library if e.scenario.situation_id != "callback_never_came")
    # played in Chinese to its end: the situation counts in either language (pass mark 0)
    play(world, "ann", "zh_callback_never_came", ["好的。"] * 10)
    status = app.assignments.for_trainee(ann.trainee_id)[0].progress
    assert status.status == "passed" and status.attempts == 1
    # and bob, not assigned, sees nothing assigned
    bob = world.sign_in("bob")
    assert bob.trainee_id is not None
    assert all(e.assigned is None for e in app.practice.library(bob.trainee_id))


def test_a_team_assignment_covers_everyone_and_trainers_see_completion(world: World) -> None:
    app = world.app
    world.sign_in("tina")
    app.assignments.assign("atm_card_swallowed", TODAY + timedelta(days=7), 95, team="Branch 1")
    play(world, "ann", "atm_card_swallowed", GOOD[:1])  # practised, not passed
    world.sign_in("tina")
    (row,) = app.assignments.completion("Branch 1")
    assert dict((name, p.status) for name, p in row.trainees) == {"ann": "in_progress", "bob": "not_started"}
    assert row.count("in_progress") == 1 and row.count("not_started") == 1
    assert app.assignments.completion("Another team") == []


def test_only_trainers_assign_and_a_trainee_reads_only_their_own(world: World) -> None:
    app = world.app
    world.sign_in("tina")
    app.assignments.assign("atm_card_swallowed", TODAY, trainee="bob")
    ann = world.sign_in("ann")
    with pytest.raises(AccessDenied):
        app.assignments.assign("atm_card_swallowed", TODAY, trainee="ann")
    with pytest.raises(AccessDenied):
        app.assignments.completion()
    bob_id = app.accounts.trainee_named("bob")
    with pytest.raises(AccessDenied):
        app.assignments.for_trainee(bob_id)
    assert ann.trainee_id is not None and app.assignments.for_trainee(ann.trainee_id) == []


def test_bad_assignments_are_refused_in_one_sentence_and_nothing_is_stored(world: World) -> None:
    app = world.app
    world.sign_in("tina")
    with pytest.raises(NotFound, match="no situation called 'nope'"):
        app.assignments.assign("nope", TODAY, trainee="ann")
    with pytest.raises(InvalidInput, match="already past"):
        app.assignments.assign("atm_card_swallowed", TODAY - timedelta(days=1), trainee="ann")
    with pytest.raises(InvalidInput, match="one trainee or to one team"):
        app.assignments.assign("atm_card_swallowed", TODAY, trainee="ann", team="Branch 1")
    with pytest.raises(InvalidInput, match="pass mark"):
        app.assignments.assign("atm_card_swallowed", TODAY, 101, trainee="ann")
    with pytest.raises(NotFound, match="no team called"):
        app.assignments.assign("atm_card_swallowed", TODAY, team="Nowhere")
    assert app.assignments.completion() == []


def test_a_withdrawn_assignment_disappears_and_is_audited(world: World) -> None:
    app = world.app
    world.sign_in("tina")
    made = app.assignments.assign("atm_card_swallowed", TODAY, trainee="ann")
    app.assignments.withdraw(made.id)
    assert app.assignments.completion() == []
    with pytest.raises(NotFound):
        app.assignments.withdraw(made.id)
    world.sign_in("hr")
    actions = [e["action"] for e in app.accounts.audit_log()]
    assert actions[1:3] == ["assignment_withdrawn", "assigned"]  # after HR's sign-in


def test_hrs_workbook_lists_each_assignment_and_trainee(world: World, tmp_path: Path) -> None:
    app = world.app
    world.sign_in("tina")
    app.assignments.assign("atm_card_swallowed", TODAY + timedelta(days=2), team="Branch 1")
    play(world, "ann", "atm_card_swallowed", GOOD)
    world.sign_in("hr")
    out = tmp_path / "scores.xlsx"
    app.reports.export(ExportRequest("xlsx", out, ExportFilter(TODAY - timedelta(days=1), TODAY)))
    sheet = load_workbook(out)["Assignments"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("Assignment no.", "Situation", "Assigned to", "Trainee", "Due", "Pass mark",
                           "Status")
    by_trainee = {r[3]: r for r in rows[1:]}
    assert set(by_trainee) == {"ann", "bob"} and by_trainee["bob"][6] == "Not started"
    assert by_trainee["ann"][6] in ("Passed", "In progress")


def test_the_command_line_assigns_lists_and_shows_a_trainees_own(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    world.app.close()
    due = (TODAY + timedelta(days=5)).isoformat()
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["tina"])
    assert main(["--user", "tina", "assign", "add", "atm_card_swallowed", "--due", due, "--trainee", "ann",
                 "--pass-mark", "75"]) == 0
    assert "Assignment 1: atm_card_swallowed for ann" in capsys.readouterr().out
    assert main(["--user", "tina", "assign", "list"]) == 0
    out = capsys.readouterr().out
    assert "#1 atm_card_swallowed for ann" in out and "ann" in out and "not started" in out
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["ann"])
    assert main(["--user", "ann", "assign", "mine"]) == 0
    assert "atm_card_swallowed" in capsys.readouterr().out
    refused = ["--user", "ann", "assign", "add", "atm_card_swallowed", "--due", due, "--trainee", "ann"]
    assert main(refused) == 2
    assert "may not assign practice" in capsys.readouterr().err


def test_hrs_reports_count_the_assignments_of_the_team(world: World) -> None:
    app = world.app
    world.sign_in("tina")
    app.assignments.assign("atm_card_swallowed", TODAY + timedelta(days=2), team="Branch 1")
    play(world, "ann", "atm_card_swallowed", GOOD[:1])
    world.sign_in("hr")
    report = app.reports.report(ExportFilter(TODAY - timedelta(days=1), TODAY, team="Branch 1"))
    assert report.assignments == {"not_started": 1, "in_progress": 1, "passed": 0, "overdue": 0}
    other = app.reports.report(ExportFilter(TODAY - timedelta(days=1), TODAY, team="Elsewhere"))
    assert other.assignments == {"not_started": 0, "in_progress": 0, "passed": 0, "overdue": 0}
