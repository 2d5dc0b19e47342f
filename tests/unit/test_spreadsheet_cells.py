"""No text cell of a CSV or XLSX export runs as a formula (issue 14, item 11): the OWASP CSV
injection rules, with what hides a formula from a plain ``startswith``: a line feed, spaces, NBSP,
zero-width space, BOM, NUL or another control character before the ``=``, and the full-width and
small forms of = + - @. Numbers stay numbers: a negative score is data."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from trainer.cli import main
from trainer.export.csv_export import neutralise, write_csv
from trainer.export.xlsx_export import write_xlsx

from helpers import open_app

PAYLOAD = 'HYPERLINK("http://evil.example","click")'

#: What may come before the payload, each a formula to a spreadsheet (or a way to hide one).
PREFIXES = {
    "equals": "=", "plus": "+", "minus": "-", "at": "@", "tab": "\t", "carriage return": "\r",
    "line feed": "\n", "line feed then equals": "\n=", "space": " =", "spaces": "   +",
    "tab then equals": "\t=", "NBSP": "\u00a0=", "zero-width space": "\u200b=", "BOM": "\ufeff=",
    "NUL": "\x00=", "SOH": "\x01@", "ESC": "\x1b-", "DEL": "\x7f=", "C1 control": "\x85=",
    "ideographic space": "\u3000=", "word joiner": "\u2060=", "right-to-left mark": "\u200f+",
    "line separator": "\u2028=", "mixed": " \u200b\u00a0\ufeff\x00=",
    "full-width equals": "＝", "full-width plus": "＋", "full-width minus": "－", "full-width at": "＠",
    "small equals": "﹦", "small plus": "﹢", "small minus": "﹣", "small at": "﹫",
    "superscript equals": "⁼", "subscript plus": "₊", "minus sign": "\u2212",
    "NBSP then full-width equals": "\u00a0＝",
}

HARMLESS = ["ann", "Branch 1", "I'm so sorry.", " leading space", "\u00a0NBSP first", "中文回复", "",
            "a=b", "e-mail", "50%", "'quoted"]


def cells_of_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_a_csv_cell_that_could_run_as_a_formula_starts_with_a_quote(tmp_path: Path, prefix: str) -> None:
    out = tmp_path / "scores.csv"
    write_csv(out, ["trainee", "team", "reply", "empathy", "avg"],
              [(prefix + PAYLOAD, prefix + "1+1", f"{prefix}cmd|' /C calc'!A0", -30, -2.5)])
    [header, row] = cells_of_csv(out)
    assert header == ["trainee", "team", "reply", "empathy", "avg"]
    for cell in row[:3]:
        assert cell.startswith("'"), repr(cell)
    assert row[3:] == ["-30", "-2.5"]  # numbers are data, never prefixed
    assert "\x00" not in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_no_xlsx_cell_is_a_formula(tmp_path: Path, prefix: str) -> None:
    out = tmp_path / "scores.xlsx"
    write_xlsx(out, [("Replies", ["trainee", "reply", "empathy"],
                      [(prefix + PAYLOAD, prefix + "SUM(1+1)", -30)])])
    sheet = openpyxl.load_workbook(out)["Replies"]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
    trainee, reply, empathy = next(sheet.iter_rows(min_row=2, values_only=True))
    assert str(trainee).startswith("'") and str(reply).startswith("'")
    assert empathy == -30


def test_harmless_text_and_numbers_are_left_as_they_are() -> None:
    assert [neutralise(v) for v in HARMLESS] == HARMLESS
    assert [neutralise(v) for v in (-1, 0, 2.5, None, True)] == [-1, 0, 2.5, None, True]


def test_control_characters_are_taken_out_of_text_cells() -> None:
    """They have no place in a scorecard (and Excel cannot hold them): NUL and the rest go; tab,
    line feed and carriage return inside a cell stay."""
    assert neutralise("ann\x00\x07\x1b\x9b") == "ann"
    assert neutralise("first line\nsecond\tcolumn\r") == "first line\nsecond\tcolumn\r"
    assert neutralise("\x00\x00=1+1") == "'=1+1"


def test_every_text_cell_is_quoted_and_quotes_inside_are_doubled(tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    write_csv(out, ["trainee", "reply", "empathy"], [('ann "the quick"', "fine, thanks", 80)])
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        '"trainee","reply","empathy"', '"ann ""the quick""","fine, thanks",80']


def test_a_hidden_formula_in_practice_data_is_neutralised_in_every_spreadsheet_export(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """End to end: a trainee's name, team and reply as stored, exported by the command."""
    app = open_app(db_path)
    name, team, reply = "\u200b=HYPERLINK(\"http://evil.example\")", "＝1+1", " @SUM(1+1) I'm so sorry"
    app.practice.start(app.accounts.create_trainee(name, team), "atm_card_swallowed")
    app.practice.reply(reply)
    today = str(date.today())
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"scores.{suffix}"
        code = main(["export", "--from", today, "--to", today, "--out", str(out)])
        assert code == 0, capsys.readouterr().err
        if suffix == "csv":
            cells = [c for row in cells_of_csv(out)[1:] for c in row]
        else:
            book = openpyxl.load_workbook(out)
            assert all(c.data_type != "f" for sheet in book for row in sheet.iter_rows() for c in row)
            cells = [str(c) for sheet in book for row in sheet.iter_rows(min_row=2, values_only=True)
                     for c in row if c is not None]
        for hidden in (name, team, reply.strip()):
            assert any(c.startswith("'") and hidden.strip() in c for c in cells), (suffix, hidden)
        assert not any(c.lstrip(" \u200b").startswith(("=", "＝", "@")) for c in cells), suffix
