"""The trainer command: exit codes, one-sentence errors, headless play to every ending."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from trainer.cli import main
from trainer.storage.database import open_database
from trainer.storage.repository import Repository

from helpers import PINS, ROOT, hr_tina_and_ann

REPLIES = ROOT / "tests" / "data" / "replies"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_bundled_library_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0, out
    assert out.strip().endswith("0 errors, 0 warnings.")


def test_validate_reports_every_problem_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
    (tmp_path / "atm_card_swallowed.yaml").write_text(text.replace("difficulty: 1", "difficulty: 5"))
    (tmp_path / "broken.yaml").write_text("id: [", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "atm_card_swallowed.yaml:7: difficulty must be 1, 2 or 3 (got 5)" in out
    assert "broken.yaml:1: this is not valid YAML" in out
    assert "2 files checked: 2 errors" in out


def test_validate_missing_path_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "no/such/dir")
    assert code == 2 and err == "trainer: no/such/dir does not exist.\n"


def test_scenarios_lists_the_library(capsys: pytest.CaptureFixture[str]) -> None:
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
    assert f"Ending: {outcome.replace('_', ' ')}" in out  # in words: "walked out"
    assert "Scores: empathy" in out and "Mood: 70 ->" in out
    repo = Repository(open_database(db_path))
    [session] = repo.sessions()
    assert session["outcome"] == outcome and session["status"] == "finished"
    assert len(repo.turns(session["id"])) == sum(1 for line in out.splitlines() if line.startswith("You: "))


def test_replies_running_out_stops_the_session(
        db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Sorry about that, let me check.\n", encoding="utf-8")
    code, out, _ = run(capsys, "play", "atm_card_swallowed", "--replies", str(one))
    assert code == 0 and "Session stopped before an ending" in out
    [session] = Repository(open_database(db_path)).sessions()
    assert session["status"] == "stopped"


def test_unknown_scenario_is_one_sentence_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "play", "no_such_case")
    assert code == 2 and out == ""
    assert err == "trainer: There is no scenario with id 'no_such_case'; 'trainer scenarios' lists them.\n"


def test_malformed_scenario_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
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
    assert result.stderr == (f"trainer: The database file {bad} is damaged or is not a database; "
                             "restore it from a backup.\n")
    assert bad.read_bytes() == b"\x00garbage" * 500  # nothing written


def test_history_lists_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "play", "atm_card_swallowed", "--replies", str(REPLIES / "atm_walked_out.txt"),
        "--trainee", "Hal")
    code, out, _ = run(capsys, "history", "--trainee", "Hal")
    assert code == 0 and "walked out" in out and "Hal" in out
    code, _, err = run(capsys, "history", "--trainee", "Nobody")
    assert code == 2 and "no trainee called 'Nobody'" in err


def test_python_dash_m_and_help(trainer_cmd: list[str]) -> None:
    result = subprocess.run([*trainer_cmd, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("scenarios", "validate", "play", "history"):
        assert command in result.stdout
    assert sys.executable


def test_bad_input_never_ends_in_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "play", "atm_card_swallowed", "--trainee", "   ")
    assert code == 2 and err == "trainer: --trainee needs a name.\n"
    latin = tmp_path / "batch.jsonl"
    latin.write_bytes('{"text": "caf\xe9"}\n'.encode("latin-1"))
    code, out, err = run(capsys, "score", "--jsonl", str(latin))
    assert code == 2 and out == "" and "is not UTF-8 text" in err


def test_a_failing_replies_file_stops_nothing_half_way(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "play", "atm_card_swallowed", "--replies", "/no/such/file.txt")
    assert code == 2 and err.startswith("trainer: Cannot read the replies file /no/such/file.txt: ")
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []


# -- a database with accounts: --user, with the same rights as in the app -----------------------------


def played_by_ann_and_bob(db_path: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The usual accounts; ann and bob each play one session from the command line, signed in."""
    hr_tina_and_ann(db_path, with_scorer=False)
    for name, replies in (("ann", "atm_walked_out.txt"), ("bob", "atm_resolved.txt")):
        monkeypatch.setenv("TRAINER_PASSWORD", PINS[name])
        code, out, err = run(capsys, "--user", name, "play", "atm_card_swallowed", "--replies",
                             str(REPLIES / replies))
        assert code == 0 and out.splitlines()[-1].endswith(" saved."), err


def history_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    code, out, err = run(capsys, *args)
    return code, [json.loads(line) for line in out.splitlines()], err


def test_history_on_a_database_with_accounts_needs_signing_in(
        db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    played_by_ann_and_bob(db_path, capsys, monkeypatch)
    monkeypatch.delenv("TRAINER_PASSWORD")
    for args in (["history"], ["history", "--trainee", "ann"], ["history", "--json"]):
        code, out, err = run(capsys, *args)
        assert (code, out) == (2, ""), args
        assert err == ("trainer: This database has accounts: sign in with --user NAME (the password is "
                       "read from TRAINER_PASSWORD, or asked for).\n")
    # no password in the environment and no terminal to ask in: refused, not hung
    code, out, err = run(capsys, "--user", "ann", "history")
    assert (code, out) == (2, "") and "TRAINER_PASSWORD" in err and err.count("\n") == 1
    monkeypatch.setenv("TRAINER_PASSWORD", "wrong")
    assert run(capsys, "--user", "ann", "history") == (2, "",
                                                       "trainer: That name and password do not match.\n")


def test_a_trainee_sees_only_their_own_history(
        db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    played_by_ann_and_bob(db_path, capsys, monkeypatch)
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["ann"])
    code, rows, _ = history_json(capsys, "--user", "ann", "history", "--json")
    assert code == 0 and [(r["trainee"], r["outcome"]) for r in rows] == [("ann", "walked_out")]
    code, out, _ = run(capsys, "--user", "ann", "history")
    assert code == 0 and len(out.splitlines()) == 1 and "ann" in out and "bob" not in out
    code, rows, _ = history_json(capsys, "--user", "ann", "history", "--trainee", "ann", "--json")
    assert code == 0 and [r["trainee"] for r in rows] == ["ann"]
    code, out, err = run(capsys, "--user", "ann", "history", "--trainee", "bob")
    assert (code, out) == (2, "") and err.lower() == "trainer: ann may only see their own sessions.\n"
    # a trainer reviews everyone's
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["tina"])
    code, rows, _ = history_json(capsys, "--user", "tina", "history", "--json")
    assert code == 0 and sorted(r["trainee"] for r in rows) == ["ann", "bob"]
    code, rows, _ = history_json(capsys, "--user", "tina", "history", "--trainee", "bob", "--json")
    assert code == 0 and [(r["trainee"], r["outcome"]) for r in rows] == [("bob", "resolved")]


def test_play_on_a_database_with_accounts_is_as_yourself(
        db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    hr_tina_and_ann(db_path, with_scorer=False)
    replies = ["--replies", str(REPLIES / "atm_walked_out.txt")]
    code, out, err = run(capsys, "play", "atm_card_swallowed", *replies)
    assert (code, out) == (2, "") and "sign in with --user NAME" in err
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["ann"])
    code, out, err = run(capsys, "--user", "ann", "play", "atm_card_swallowed", "--trainee", "bob", *replies)
    assert (code, out) == (2, "") and "you practise as yourself" in err
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["hr"])
    code, out, err = run(capsys, "--user", "hr", "play", "atm_card_swallowed", *replies)
    assert (code, out) == (2, "") and "has no trainee profile" in err
    assert Repository(open_database(db_path)).sessions() == []  # nothing was started
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["ann"])
    code, out, err = run(capsys, "--user", "ann", "play", "atm_card_swallowed", "--trainee", "ann", *replies)
    assert code == 0 and "Ending: walked out" in out, err
    repo = Repository(open_database(db_path))
    [session] = repo.sessions()
    assert repo.trainee_by_name("ann") is not None
    assert session["trainee_id"] == repo.trainee_by_name("ann")["id"]  # type: ignore[index]


def test_a_database_without_accounts_needs_no_user(
        db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """One person's database from the command line: history and play as before, without --user;
    naming a user there is a mistake, said in one sentence."""
    monkeypatch.delenv("TRAINER_PASSWORD", raising=False)
    for name in ("Hal", "Ida"):
        code, _, err = run(capsys, "play", "atm_card_swallowed", "--replies",
                           str(REPLIES / "atm_resolved.txt"), "--trainee", name)
        assert code == 0, err
    code, rows, _ = history_json(capsys, "history", "--json")
    assert code == 0 and sorted(r["trainee"] for r in rows) == ["Hal", "Ida"]
    code, rows, _ = history_json(capsys, "history", "--trainee", "Ida", "--json")
    assert code == 0 and [r["trainee"] for r in rows] == ["Ida"]
    code, out, err = run(capsys, "--user", "Hal", "history")
    assert (code, out) == (2, "") and "has no accounts yet" in err and err.count("\n") == 1
    assert Repository(open_database(db_path)).db.table("accounts").count == 0


def test_error_sentences_keep_names_and_paths_as_typed(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors are printed as sentences (capital letter, full stop), but a sentence that starts with
    a user name or a file path must not change it: 'ann' is not 'Ann', a relative path stays the
    path the user typed."""
    played_by_ann_and_bob(db_path, capsys, monkeypatch)
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["ann"])
    monkeypatch.chdir(tmp_path)
    expected = {
        ("--user", "ann", "history", "--trainee", "bob"): "trainer: ann may only see their own sessions.\n",
        ("--user", "ann", "export", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "x.csv"):
            "trainer: ann (trainee) may not export scorecards.\n",
        ("validate", "missing/scenarios"): "trainer: missing/scenarios does not exist.\n",
    }
    got = {args: run(capsys, *args)[2] for args in expected}
    assert got == expected


# -- the library: bundled and trainers' own scenarios ----------------------------------------------


def own_scenario(folder: Path, scenario_id: str) -> None:
    """A trainer's scenario file in ``folder``: a bundled one under a new id and title."""
    text = (ROOT / "scenarios" / "long_queue.yaml").read_text(encoding="utf-8")
    assert "id: long_queue\n" in text
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{scenario_id}.yaml").write_text(text.replace("id: long_queue\n", f"id: {scenario_id}\n"),
                                                encoding="utf-8")


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, Any]]:
    code, out, err = run(capsys, *args, "scenarios", "--json")
    assert code == 0 and err == "", err
    return {row["id"]: row for row in map(json.loads, out.splitlines())}


def test_scenarios_lists_trainers_own_scenarios_beside_the_database(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundled_ids = set(listed(capsys))
    assert "long_queue" in bundled_ids and "branch_special" not in bundled_ids
    # saved by a trainer in the app, into the folder beside TRAINER_DB's database
    world = hr_tina_and_ann(db_path, with_scorer=False)
    text, _ = world.app.authoring.scenario_source("long_queue")
    world.app.authoring.save_scenario(text.replace("id: long_queue\n", "id: branch_special\n"))
    assert (db_path.parent / "scenarios" / "branch_special.yaml").is_file()
    rows = listed(capsys)
    assert set(rows) == bundled_ids | {"branch_special"}
    assert rows["branch_special"]["category"] == rows["long_queue"]["category"]
    code, out, _ = run(capsys, "scenarios")
    assert code == 0 and any(line.startswith("branch_special ") for line in out.splitlines())
    # --db names another database: its own scenarios folder, not TRAINER_DB's
    other = tmp_path / "elsewhere" / "branch.db"
    own_scenario(other.parent / "scenarios", "elsewhere_only")
    assert set(listed(capsys, "--db", str(other))) == bundled_ids | {"elsewhere_only"}


def test_a_broken_own_scenario_is_reported_and_the_rest_listed(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = db_path.parent / "scenarios"
    own_scenario(folder, "fine_one")
    (folder / "broken.yaml").write_text("id: [", encoding="utf-8")
    code, out, err = run(capsys, "scenarios", "--json")
    assert code == 0 and "fine_one" in {json.loads(line)["id"] for line in out.splitlines()}
    assert "broken.yaml:1:" in err


def test_quit_in_a_replies_file_ends_the_session_as_when_typing(
        db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_text("Sorry about that, let me check.\n/quit\nI'll bring your card back now.\n",
                       encoding="utf-8")
    code, out, _ = run(capsys, "play", "atm_card_swallowed", "--replies", str(replies))
    assert code == 0 and "Session stopped before an ending" in out and "/quit" not in out
    db = open_database(db_path)
    assert [t["reply"] for t in db.table("turns").rows] == ["Sorry about that, let me check."]


def test_escape_sequences_never_reach_the_terminal(
        db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A reply echoed back ("You: ...") cannot clear, recolour or retitle the terminal."""
    replies = tmp_path / "replies.txt"
    replies.write_text("I'm so sorry \x1b[2J\x1b]0;pwned\x07about the \x1b[31mwait\x9b.\n", encoding="utf-8")
    code, out, err = run(capsys, "play", "atm_card_swallowed", "--replies", str(replies))
    assert code == 0 and "You: I'm so sorry" in out and "about the" in out
    assert not any(ch in out + err for ch in "\x1b\x07\x9b")


@pytest.mark.parametrize(("line", "why"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"text": "sorry", "n": ' + "9" * 5000 + "}", "a number is too long"),
])
def test_hostile_json_lines_are_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             line: str, why: str) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(line + "\n", encoding="utf-8")
    code, out, err = run(capsys, "score", "--jsonl", str(batch))
    assert code == 2 and out == "" and err == f"trainer: {batch}:1: not a JSON object ({why}).\n"
