"""The trainer command: exit codes, one-sentence errors, headless play to every ending."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.storage.database import open_database
from trainer.storage.repository import Repository

from helpers import ROOT

REPLIES = ROOT / "tests" / "data" / "replies"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_bundled_library_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0, out
    assert out.strip().endswith("0 errors, 0 warnings.")


def test_validate_reports_every_problem_and_exits_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
    (tmp_path / "atm_card_swallowed.yaml").write_text(text.replace("difficulty: 1", "difficulty: 5"))
    (tmp_path / "broken.yaml").write_text("id: [", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "atm_card_swallowed.yaml:6: difficulty must be 1, 2 or 3 (got 5)" in out
    assert "broken.yaml:1: this is not valid YAML" in out
    assert "2 files checked: 2 errors" in out


def test_validate_missing_path_exits_2(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "validate", "no/such/dir")
    assert code == 2 and err == "trainer: no/such/dir does not exist.\n"


def test_scenarios_lists_the_library(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "scenarios")
    assert code == 0
    assert "atm_card_swallowed" in out
    assert len(out.strip().splitlines()) >= 12


@pytest.mark.parametrize(("replies", "outcome"), [
    ("atm_resolved.txt", "resolved"),
    ("atm_escalated.txt", "escalated"),
    ("atm_walked_out.txt", "walked_out"),
])
def test_play_with_a_replies_file_reaches_each_ending(
    replies: str, outcome: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "play", "atm_card_swallowed", "--replies", str(REPLIES / replies),
                         "--trainee", "Tess")
    assert code == 0, err
    assert f"Ending: {outcome}" in out
    assert "Scores: empathy" in out and "Mood: 70 ->" in out
    repo = Repository(open_database(db_path))
    [session] = repo.sessions()
    assert session["outcome"] == outcome and session["status"] == "finished"
    assert len(repo.turns(session["id"])) == sum(1 for line in out.splitlines() if line.startswith("You: "))


def test_replies_running_out_stops_the_session(db_path: Path, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one = tmp_path / "one.txt"
    one.write_text("Sorry about that, let me check.\n", encoding="utf-8")
    code, out, _ = run(capsys, "play", "atm_card_swallowed", "--replies", str(one))
    assert code == 0 and "Session stopped before an ending" in out
    [session] = Repository(open_database(db_path)).sessions()
    assert session["status"] == "stopped"


def test_unknown_scenario_is_one_sentence_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "play", "no_such_case")
    assert code == 2 and out == ""
    assert err == "trainer: there is no scenario with id 'no_such_case'; 'trainer scenarios' lists them.\n"


def test_malformed_scenario_file_exit_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ndifficulty: 9\n", encoding="utf-8")
    code, _, err = run(capsys, "play", str(bad))
    assert code == 2 and err.startswith(f"trainer: {bad}:") and err.count("\n") == 1


def test_corrupt_database_exit_2_without_traceback(tmp_path: Path, trainer_cmd: list[str]) -> None:
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"\x00garbage" * 500)
    result = subprocess.run(
        [*trainer_cmd, "--db", str(bad), "play", "atm_card_swallowed", "--replies",
         str(REPLIES / "atm_walked_out.txt")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == (f"trainer: Cannot use the database {bad}: the file is damaged or is "
                             "not a database.\n")
    assert bad.read_bytes() == b"\x00garbage" * 500  # nothing written


def test_history_lists_sessions(capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "play", "atm_card_swallowed", "--replies", str(REPLIES / "atm_walked_out.txt"),
        "--trainee", "Hal")
    code, out, _ = run(capsys, "history", "--trainee", "Hal")
    assert code == 0 and "walked_out" in out and "Hal" in out
    code, _, err = run(capsys, "history", "--trainee", "Nobody")
    assert code == 2 and "no trainee called 'Nobody'" in err


def test_python_dash_m_and_help(trainer_cmd: list[str]) -> None:
    result = subprocess.run([*trainer_cmd, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("scenarios", "validate", "play", "history"):
        assert command in result.stdout
    assert sys.executable


def test_bad_input_never_ends_in_a_traceback(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "play", "atm_card_swallowed", "--trainee", "   ")
    assert code == 2 and err == "trainer: --trainee needs a name.\n"
    latin = tmp_path / "batch.jsonl"
    latin.write_bytes('{"text": "caf\xe9"}\n'.encode("latin-1"))
    code, out, err = run(capsys, "score", "--jsonl", str(latin))
    assert code == 2 and out == "" and "is not UTF-8 text" in err


def test_a_failing_replies_file_stops_nothing_half_way(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "play", "atm_card_swallowed", "--replies", "/no/such/file.txt")
    assert code == 2 and "cannot read the replies file" in err
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []
