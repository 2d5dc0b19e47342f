"""What the terminal prints reads as English (issue 15, item 18): rubric items and scenario steps
by their names, outcomes in words, and every count with the right form of its noun."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.domain.wording import plural

from helpers import ROOT, bundled

REPLIES = ROOT / "tests" / "data" / "replies"
#: An internal id: lower-case words joined by underscores (acknowledge_feeling, verify_identity).
INTERNAL_ID = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_play_names_the_items_and_steps_and_says_the_ending_in_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_text("I'm so sorry, I understand how worrying this is. May I see your ID card, please?\n"
                       "Calm down. There's nothing I can do about the machine.\n", encoding="utf-8")
    code, out, err = run(capsys, "play", "atm_card_swallowed", "--replies", str(replies), "--trainee", "Tess")
    assert code == 0, err
    steps = {s.id: s.description for s in bundled("atm_card_swallowed").steps}
    evidence = [line for line in out.splitlines() if line.lstrip().startswith(("Evidence:", "Steps taken:"))]
    assert evidence and any("Acknowledges the feeling" in line for line in evidence)
    for line in evidence:
        assert not INTERNAL_ID.search(line), line
    assert f"Steps taken: {steps['verify_identity']}" in out
    assert f"Step “{steps['verify_identity']}”" in out
    ending = next(line for line in out.splitlines() if line.startswith("Ending:"))
    assert not INTERNAL_ID.search(ending), ending


def test_score_names_the_scenario_steps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", "--scenario", "atm_card_swallowed",
                       "Calm down. May I see your ID card?")
    assert code == 0
    steps = {s.id: s.description for s in bundled("atm_card_swallowed").steps}
    for step_id, description in steps.items():
        assert step_id not in out and f"Step “{description}”" in out
    for line in out.splitlines():
        if line.startswith("  ") and "“" in line:  # an item's line: its name comes before the quote
            assert not INTERNAL_ID.search(line.split("“")[0]), line


def test_counts_take_the_right_form_of_their_noun(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert [plural(n, "turn") for n in (0, 1, 2)] == ["0 turns", "1 turn", "2 turns"]
    assert plural(1, "reply", "replies") == "1 reply" and plural(3, "entry", "entries") == "3 entries"
    one = tmp_path / "one.txt"
    one.write_text("Sorry about that, let me check.\n", encoding="utf-8")
    assert run(capsys, "play", "atm_card_swallowed", "--replies", str(one), "--trainee", "Hal")[0] == 0
    code, out, _ = run(capsys, "history")
    assert code == 0 and " 1 turn " in out and "1 turns" not in out
    assert out.rstrip().endswith(" stopped")  # the outcome column
    today = str(date.today())
    for kind, printed in (("csv", "1 reply exported to"),
                          ("xlsx", "1 trainee, 1 session and 1 reply exported to")):
        out_file = str(tmp_path / f"x.{kind}")
        code, out, err = run(capsys, "export", "--from", today, "--to", today, "--out", out_file)
        assert code == 0 and out.startswith(printed), (out, err)
        if kind == "csv":  # the export is the audit log's first entry
            code, out, _ = run(capsys, "audit", "verify")
            assert code == 0 and out.startswith("The audit log holds together: 1 entry, chain head"), out
