"""The rubric as a file a branch can change: checked with file, line and field, used by the app
and the command line alike, and the same scores from a cold start."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from trainer.app.context import App
from trainer.app.scoring import scorer_for
from trainer.app.settings import Settings
from trainer.cli import main
from trainer.library.loader import ScenarioError
from trainer.library.rubric_files import bundled_rubric_path, load_rubric

from helpers import open_app

BUNDLED = bundled_rubric_path().read_text(encoding="utf-8")


def test_the_bundled_rubric_is_valid() -> None:
    rubric = load_rubric(bundled_rubric_path())
    assert {i.dimension for i in rubric.items} == {"empathy", "clarity", "solution"}
    assert rubric.item("apology") is not None and rubric.critical_spec("asks_for_secret") is not None


def test_a_branch_rubric_changes_the_points(tmp_path: Path) -> None:
    text = "I'm so sorry about the wait."
    before = scorer_for(None).score(text)
    own = BUNDLED.replace("  - id: apology\n    dimension: empathy\n    points: 25",
                          "  - id: apology\n    dimension: empathy\n    points: 40")
    (tmp_path / "rubric.yaml").write_text(own, encoding="utf-8")
    after = scorer_for(tmp_path).score(text)
    apology = [i for i in after.items if i.item == "apology" and i.met]
    assert apology and apology[0].points == 40
    assert after.empathy == before.empathy + 15


@pytest.mark.parametrize(("change", "expected"), [
    (("points: 25", "points: lots"), "points must be a whole number"),
    (("found_by: detector\n    carries_over: true\n    requires:",
      "found_by: magic\n    carries_over: true\n    requires:"), "found_by must be"),
    (("    blockers:\n      - '\\b(?:not|never", "    blockers:\n      - '((?:not|never"),
     "not a valid regular expression"),
])
def test_a_broken_rubric_is_refused_with_file_line_and_field(
        tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in BUNDLED
    path = tmp_path / "rubric.yaml"
    path.write_text(BUNDLED.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_rubric(path)
    report = str(raised.value.reports[0])
    assert report.startswith(f"{path}:") and expected in report
    line = report.split(":")[1]
    assert line.isdigit()


def test_the_cli_checks_and_prints_the_rubric(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric", "--check", str(bundled_rubric_path())]) == 0
    assert "no problems" in capsys.readouterr().out
    bad = tmp_path / "rubric.yaml"
    bad.write_text("version: 1\nitems: []\n", encoding="utf-8")
    assert main(["rubric", "--check", str(bad)]) == 1
    assert str(bad) in capsys.readouterr().out
    assert main(["rubric", "--lang", "zh-CN"]) == 0
    assert "真诚致歉" in capsys.readouterr().out


def test_the_app_reports_a_broken_branch_rubric_and_uses_the_bundled_one(
        tmp_path: Path) -> None:
    (tmp_path / "rubric.yaml").write_text("version: 1\nitems: nope\n", encoding="utf-8")
    app = App(Settings(data_dir=tmp_path, db_path=tmp_path / "t.db"))
    problems = app.open()
    assert any(p.startswith(f"{tmp_path / 'rubric.yaml'}:") for p in problems)
    assert app.scorer.rubric == scorer_for(None).rubric  # the bundled one
    assert app.scorer.score("I'm so sorry.").empathy > 0


def test_the_app_scores_with_the_branch_rubric_beside_its_data(tmp_path: Path) -> None:
    own = BUNDLED.replace("  - id: apology\n    dimension: empathy\n    points: 25",
                          "  - id: apology\n    dimension: empathy\n    points: 40")
    (tmp_path / "rubric.yaml").write_text(own, encoding="utf-8")
    app = open_app(tmp_path / "t.db")
    apology = [i for i in app.scorer.score("I'm so sorry.").items if i.item == "apology" and i.met]
    assert apology and apology[0].points == 40


def test_the_same_reply_scores_the_same_from_a_cold_start(trainer_cmd: list[str]) -> None:
    """Two fresh processes (no shared embedding cache) give byte-identical results."""
    reply = "im so sorry about that, i'll refund the 35 pounds now and call you by five p m"
    runs = [subprocess.run([*trainer_cmd, "score", reply, "--json"], capture_output=True, text=True,
                           timeout=120, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])["scorer_version"] == scorer_for().version
    warm = scorer_for().score(reply).to_dict()
    assert json.loads(runs[0]) == json.loads(json.dumps(warm, ensure_ascii=False))
