"""Hostile input on the command line (issue 14, item 8): bytes that are not UTF-8 in arguments and
files, a damaged database, a named pipe where a scenario file should be, huge values and control
characters in scenario files. Each gets one sentence naming what is wrong and where, a non-zero
exit and nothing half-written; never a traceback, never a hang."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.domain.dialogue import Exchange
from trainer.domain.mood import MoodChange
from trainer.domain.practice import TurnTimings
from trainer.library.loader import ScenarioError, load_scenario_file, load_scenario_text
from trainer.storage.database import open_database
from trainer.storage.repository import Repository

from helpers import ROOT, bundled, make_score

REPLIES = ROOT / "tests" / "data" / "replies"
EXAMPLE = ROOT / "scenarios" / "atm_card_swallowed.yaml"
TRAINER = [sys.executable.encode(), b"-m", b"trainer"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_bytes(*args: bytes, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """The command in its own process with raw bytes for arguments, as a shell passes $'\\xff', on
    a terminal that refuses to print what is not UTF-8 (strict errors, not surrogateescape)."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*TRAINER, *args], input=stdin, capture_output=True, timeout=timeout,
                          env=env, cwd=ROOT)


def one_sentence(err: bytes | str) -> str:
    text = err.decode("utf-8") if isinstance(err, bytes) else err
    assert "Traceback" not in text and text.count("\n") == 1 and text.startswith("trainer: "), text
    return text


# -- a. arguments that are not UTF-8 ------------------------------------------------------------------


def test_a_trainee_name_that_is_not_utf8_is_one_sentence_and_starts_nothing(db_path: Path) -> None:
    result = run_bytes(b"play", b"atm_card_swallowed", b"--trainee", b"bad\xffname",
                       b"--replies", str(REPLIES / "atm_resolved.txt").encode())
    assert result.returncode == 2 and result.stdout == b""
    assert one_sentence(result.stderr) == ("trainer: --trainee is not UTF-8 text (it has the byte "
                                           "\\xff); check your terminal's encoding.\n")
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []


def test_a_reply_to_score_that_is_not_utf8_is_one_sentence() -> None:
    result = run_bytes(b"score", b"sorry \xff")
    assert result.returncode == 2 and result.stdout == b""
    assert one_sentence(result.stderr) == ("trainer: TEXT is not UTF-8 text (it has the byte \\xff); "
                                           "check your terminal's encoding.\n")


def test_a_file_name_that_is_not_utf8_is_still_a_file_name(tmp_path: Path) -> None:
    """File names are bytes on Linux: one that is not UTF-8 is read, and printed escaped."""
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(folder)
    shutil.copy(EXAMPLE, os.fsdecode(folder + b"/atm_card_swallowed.yaml"))
    result = run_bytes(b"validate", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").endswith("1 file checked: 0 errors, 0 warnings.\n")
    missing = os.fsencode(tmp_path) + b"/gone\xe9.yaml"
    result = run_bytes(b"validate", missing)
    assert result.returncode == 2
    assert one_sentence(result.stderr) == f"trainer: {tmp_path}/gone\\xe9.yaml does not exist.\n"


# -- b. a database damaged inside a page ---------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A real database of 400 sessions of 3 replies, and a copy of it to damage."""
    good = tmp_path / "good.db"
    repo = Repository(open_database(good))
    scenario = bundled("atm_card_swallowed")
    for t in range(20):
        trainee = repo.trainee(f"trainee{t}", "Branch 1")
        for _ in range(20):
            session = repo.start_session(trainee, scenario)
            for i in range(3):
                repo.record_turn(session, Exchange(i, "t", "What are you doing about my card? " * 3,
                                                   "I'm sorry, let me check that for you. " * 3,
                                                   make_score(), MoodChange(70, 60, ()), frozenset(), "x"),
                                 "typed", TurnTimings(1, 1))
            repo.finish_session(session, "finished", None, 60, False)
    repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    repo.db.close()
    return good, tmp_path / "damaged.db"


def _garbage(n: int) -> bytes:
    return bytes((i * 37 + 11) % 256 for i in range(n))


def _root_page(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0])


READ_COMMANDS = [
    ["history"], ["history", "--json"],
    *(["export", "--from", "2000-01-01", "--to", "2100-12-31", "--format", kind,
       *(["--home-page", "https://bank.example"] if kind == "xapi" else []), "--out", f"out.{kind}"]
      for kind in ("csv", "xlsx", "xapi", "pdf")),
]


@pytest.mark.parametrize("where", ["header", "sessions", "middle"])
def test_a_damaged_database_is_one_sentence_for_every_read_command(
        damaged: tuple[Path, Path], where: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    good, bad = damaged
    raw = bytearray(good.read_bytes())
    page = 4096
    if where == "header":
        offset, size = 0, 100
    elif where == "sessions":  # the root of the sessions table: every history reads it
        offset, size = (_root_page(good, "sessions") - 1) * page, page
    else:  # a page in the middle of the file, whatever it holds
        offset, size = (len(raw) // page // 2) * page, page
    raw[offset:offset + size] = _garbage(size)
    bad.write_bytes(bytes(raw))
    monkeypatch.chdir(bad.parent)
    sentence = (f"trainer: The database file {bad} is damaged; restore it from a backup.\n"
                if where != "header" else
                f"trainer: The database file {bad} is damaged or is not a database; restore it from "
                "a backup.\n")
    failed = 0
    for args in READ_COMMANDS:
        code, out, err = run(capsys, "--db", str(bad), *args)
        if code == 0:  # a command that never reads the damaged page
            assert err == "" and where == "middle", (args, err)
            continue
        failed += 1
        assert (code, out) == (2, ""), args
        written = args[-1] if args[0] == "export" else None
        if written is not None and where != "header":
            assert err == sentence.replace(".\n", f" ({written} was not changed).\n"), args
            assert not (bad.parent / written).exists()
        else:
            assert err == sentence, args
    assert failed >= (len(READ_COMMANDS) if where != "middle" else 1)


# -- c. a named pipe (or a device) where a scenario file should be --------------------------------------


@pytest.fixture
def library_with_a_pipe(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    os.mkfifo(folder / "pipe.yaml")
    os.symlink("/dev/zero", folder / "zero.yaml")
    return folder


def test_validate_skips_a_named_pipe_without_waiting(library_with_a_pipe: Path) -> None:
    result = run_bytes(b"validate", os.fsencode(library_with_a_pipe), timeout=30)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 1 and result.stderr == b"", result.stderr
    assert f"{library_with_a_pipe}/pipe.yaml: not a regular file (a named pipe); only files are read\n" in out
    assert f"{library_with_a_pipe}/zero.yaml: not a regular file (a device); only files are read\n" in out
    assert out.endswith("3 files checked: 2 errors, 0 warnings.\n")


@pytest.mark.parametrize("args", [
    [b"validate", b"pipe.yaml"], [b"play", b"pipe.yaml"], [b"rubric", b"--check", b"pipe.yaml"],
])
def test_a_named_pipe_is_refused_wherever_a_yaml_file_is_read(
        library_with_a_pipe: Path, args: list[bytes]) -> None:
    args = [a if a != b"pipe.yaml" else os.fsencode(library_with_a_pipe / "pipe.yaml") for a in args]
    result = run_bytes(*args, timeout=30)
    assert result.returncode in (1, 2)
    text = (result.stdout + result.stderr).decode("utf-8")
    assert "pipe.yaml: not a regular file (a named pipe)" in text and "Traceback" not in text


def test_a_named_pipe_among_a_trainer_s_own_scenarios_does_not_hang_the_library(db_path: Path) -> None:
    folder = db_path.parent / "scenarios"
    folder.mkdir()
    os.mkfifo(folder / "stuck.yaml")
    result = run_bytes(b"scenarios", timeout=30)
    assert result.returncode == 0 and b"atm_card_swallowed" in result.stdout
    assert b"stuck.yaml: not a regular file (a named pipe)" in result.stderr


def test_loading_a_pipe_never_blocks(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    said: list[str] = []

    def load() -> None:
        try:
            load_scenario_file(pipe)  # an open() without O_NONBLOCK waits for a writer, forever
        except ScenarioError as exc:
            said.append(str(exc))

    loading = threading.Thread(target=load, daemon=True)
    loading.start()
    loading.join(10)
    hung = loading.is_alive()
    if hung:
        open(pipe, "wb").close()  # the writer it waits for: it reads nothing and goes on
        loading.join(10)
    assert not hung and said == [f"{pipe}: not a regular file (a named pipe); only files are read"]


# -- d. a huge value is quoted as an excerpt ------------------------------------------------------------


def _text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


HUGE = "9" * 5000


@pytest.mark.parametrize("change", [
    ("difficulty: 1", f"difficulty: {HUGE}"),                 # a 5,000-digit number
    ("difficulty: 1", f"difficulty: 1.{HUGE}e{HUGE}"),         # ... a float
    ("difficulty: 1", f"difficulty: '{HUGE}'"),                # ... text
    ("difficulty: 1", f"difficulty: !!int x{HUGE}"),           # ... a tagged value
    ("difficulty: 1", f"difficulty: !tag{HUGE} 1"),            # a tag
    ("language: en", f"language: x{HUGE}"),                    # a literal
    ("  age: 38", f"  age: 38\n  ? k{HUGE}\n  : 1"),           # a key
    ("  age: 38", f"  age: 38\n  ? k{HUGE}\n  : 1\n  ? k{HUGE}\n  : 2"),  # ... twice
    ("id: atm_card_swallowed", f"id: A{HUGE}"),                # a pattern
    ("  age: 38", f"  age: {HUGE}"),
])
def test_a_huge_value_is_quoted_as_a_short_excerpt(change: tuple[str, str]) -> None:
    text = _text().replace(*change, 1)
    assert text != _text()
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "big.yaml")
    for report in info.value.reports:
        assert len(str(report)) < 200, str(report)[:300]
        assert report.line is not None


# -- e. control characters get a line and a column ------------------------------------------------------


@pytest.mark.parametrize(("char", "name"), [
    ("\x00", "control character U+0000"), ("\x07", "control character U+0007"),
    ("\x1b", "control character U+001B"), ("\x7f", "control character U+007F"),
    ("\x9b", "control character U+009B"), ("\ufffe", "character U+FFFE"),
])
def test_a_control_character_is_placed_by_line_and_column(char: str, name: str) -> None:
    text = _text().replace("title: The ATM", f"title: The{char} ATM")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("title:"))
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "ctrl.yaml")
    assert [str(r) for r in info.value.reports] == [
        f"ctrl.yaml:{line}: column 11 holds the {name}; the file must be plain text"]


def test_a_nul_in_a_scenario_file_on_disk_is_placed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "atm_card_swallowed.yaml"
    path.write_bytes(_text().replace("difficulty: 1", "difficulty: 1\x00").encode("utf-8"))
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert out.startswith(f"{path}:7: column 14 holds the control character U+0000; the file must be "
                          "plain text\n")


# -- f. a replies file that is not UTF-8 --------------------------------------------------------------


def test_a_replies_file_that_is_not_utf8_starts_no_session(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_bytes("I'm so sorry about your card.\nJe suis d\xe9sol\xe9.\n".encode("latin-1"))
    code, out, err = run(capsys, "play", "atm_card_swallowed", "--replies", str(replies))
    assert (code, out) == (2, "")
    assert err == f"trainer: {replies}:2: the replies are not UTF-8 text.\n"
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []


def test_replies_redirected_from_a_file_that_is_not_utf8_start_no_session(
        db_path: Path, tmp_path: Path) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_bytes(b"Sorry.\nSorry again.\n\xff\xfe\n")
    with replies.open("rb") as stdin:  # trainer play ... --replies - < replies.txt
        result = subprocess.run([*TRAINER, b"play", b"atm_card_swallowed", b"--replies", b"-"], stdin=stdin,
                                capture_output=True, timeout=60, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.returncode == 2 and result.stdout == b""
    assert one_sentence(result.stderr) == "trainer: standard input:3: the replies are not UTF-8 text.\n"
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []


def test_piped_replies_are_checked_line_by_line_as_they_come(db_path: Path) -> None:
    """A pipe may come from a program that answers each customer line, so it cannot be read to
    its end first: the lines before a bad one are played (and kept), the bad one is named."""
    result = run_bytes(b"play", b"atm_card_swallowed", b"--replies", b"-",
                       stdin=b"I'm so sorry, I understand how stressful this is.\n\n\xff\xfe\n")
    assert result.returncode == 2 and result.stdout.count(b"\nYou: ") == 1
    assert one_sentence(result.stderr) == "trainer: standard input:3: the replies are not UTF-8 text.\n"
    repo = Repository(open_database(db_path))
    [session] = repo.sessions()
    assert session["status"] == "stopped" and len(repo.turns(session["id"])) == 1


def test_an_empty_replies_file_starts_no_session(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replies = tmp_path / "empty.txt"
    replies.write_text("\n  \n", encoding="utf-8")
    code, out, err = run(capsys, "play", "atm_card_swallowed", "--replies", str(replies))
    assert (code, out) == (2, "")
    assert err == f"trainer: {replies} has no replies (one a line); nothing was started.\n"
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []


def test_a_reply_longer_than_the_scorer_reads_starts_no_session(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line of 5 MB would be stored and echoed whole (and burst an XLSX cell), scored only in
    its first 5,000 characters."""
    replies = tmp_path / "huge.txt"
    replies.write_text("I'm so sorry.\n" + "sorry " * 1000 + "\n", encoding="utf-8")
    code, out, err = run(capsys, "play", "atm_card_swallowed", "--replies", str(replies))
    assert (code, out) == (2, "")
    assert err == (f"trainer: {replies}:2: a reply of 5,999 characters is longer than the 5,000 a "
                   "reply may have.\n")
    assert not db_path.exists() or Repository(open_database(db_path)).sessions() == []


# -- more of the same kind ------------------------------------------------------------------------------


def test_a_password_that_is_not_utf8_is_one_sentence(db_path: Path) -> None:
    from helpers import hr_tina_and_ann

    hr_tina_and_ann(db_path, with_scorer=False)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "TRAINER_PASSWORD": os.fsdecode(b"bad\xffpin")}
    result = subprocess.run([*TRAINER, b"--user", b"ann", b"history"], capture_output=True, timeout=60,
                            env=env)
    assert result.returncode == 2 and result.stdout == b""
    assert one_sentence(result.stderr) == ("trainer: $TRAINER_PASSWORD is not UTF-8 text; check your "
                                           "terminal's encoding.\n")


def test_a_batch_on_standard_input_that_is_not_utf8_names_its_line() -> None:
    """Python reads standard input with surrogateescape in a C locale: decoded strictly here."""
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    result = subprocess.run([*TRAINER, b"score", b"--jsonl", b"-"], capture_output=True, timeout=60, env=env,
                            input=b'{"text": "sorry"}\n{"text": "sorry \xff"}\n')
    assert result.returncode == 2 and result.stdout == b""
    assert one_sentence(result.stderr) == "trainer: standard input:2: the file is not UTF-8 text.\n"


def test_a_batch_line_naming_a_huge_scenario_id_quotes_an_excerpt(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """... and a relative file name stays as typed (not 'Batch.jsonl')."""
    monkeypatch.chdir(tmp_path)
    Path("batch.jsonl").write_text('{"text": "sorry", "scenario": "' + "x" * 5000 + '"}\n', encoding="utf-8")
    code, out, err = run(capsys, "score", "--jsonl", "batch.jsonl")
    assert (code, out) == (2, "")
    assert err == f"trainer: batch.jsonl:1: there is no scenario with id '{'x' * 40}…'.\n"


@pytest.mark.parametrize(("what", "kind"), [("folder", "a folder"), ("/dev/null", "a device")])
def test_a_folder_or_a_device_given_as_a_scenario_is_named_as_such(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, kind: str) -> None:
    path = tmp_path / what if what == "folder" else Path(what)
    path.mkdir(exist_ok=True) if what == "folder" else None
    for args in (["play", str(path)], ["rubric", "--check", str(path)]):
        code, out, err = run(capsys, *args)
        assert code in (1, 2), args
        assert f"{path}: not a regular file ({kind}); only files are read" in out + err, args
