"""The loader names file, line and field for every problem, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.library.loader import ScenarioError, load_scenario_file, load_scenario_text

EXAMPLE = (Path(__file__).resolve().parents[2] / "scenarios" / "atm_card_swallowed.yaml")


def _text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def _errors(text: str, source: str = "scenarios/atm_card.yaml") -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, source)
    return [str(r) for r in info.value.reports]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_example_loads_without_warnings() -> None:
    loaded = load_scenario_file(EXAMPLE)
    assert loaded.scenario.id == "atm_card_swallowed"
    assert loaded.warnings == []
    assert loaded.scenario.persona.voice.rate == 1.1


def test_bad_difficulty_names_file_line_field_and_value() -> None:
    text = _text().replace("difficulty: 1", "difficulty: 5")
    line = _line_of(text, "difficulty: 5")
    assert _errors(text) == [f"scenarios/atm_card.yaml:{line}: difficulty must be 1, 2 or 3 (got 5)"]


def test_every_field_error_is_reported_at_once() -> None:
    text = (_text().replace("difficulty: 1", "difficulty: 0")
            .replace("  mood: 70", "  mood: 170").replace("language: en", "language: fr"))
    errors = _errors(text)
    assert len(errors) == 3
    assert any("persona.mood must be at most 100 (got 170)" in e for e in errors)
    assert any("language must be 'en' or 'zh-CN' (got 'fr')" in e for e in errors)


def test_unknown_keys_are_errors() -> None:
    text = _text().replace("  age: 38", "  age: 38\n  agee: 3")
    line = _line_of(text, "agee")
    [error] = _errors(text)
    assert error.startswith(f"scenarios/atm_card.yaml:{line}: persona.agee is not a field here")


def test_missing_field_is_named() -> None:
    text = _text().replace("title: The ATM swallowed my card\n", "")
    assert any(e.endswith("title is missing") for e in _errors(text))


def test_branch_target_must_exist() -> None:
    text = _text().replace("goto: still_angry_again", "goto: nowhere")
    line = _line_of(text, "goto: nowhere")
    assert _errors(text) == [
        f"scenarios/atm_card.yaml:{line}: turns[1].branches[3].goto must name a turn or an ending "
        "of this scenario (got 'nowhere')"
    ]


def test_step_in_condition_must_exist() -> None:
    text = _text().replace("steps_done: [verify_identity]\n          mood_below: 70",
                           "steps_done: [verify_id]\n          mood_below: 70")
    [error] = _errors(text)
    assert "turns[0].branches[1].when.steps_done[0] must name a step" in error


def test_last_branch_needs_no_condition() -> None:
    text = _text().replace("      - goto: manager\n  - id: waiting",
                           "      - when: {mood_at_least: 10}\n        goto: manager\n  - id: waiting")
    assert any("must have no 'when'" in e for e in _errors(text))


def test_duplicate_ids_and_keys() -> None:
    dup_id = _text().replace("  - id: last_chance", "  - id: waiting")
    assert any("id 'waiting' is already used by a turn" in e for e in _errors(dup_id))
    dup_key = _text().replace("title: The ATM", "id: again\ntitle: The ATM")
    assert any("the key 'id' appears twice" in e for e in _errors(dup_key))


def test_unreachable_turns_and_endings_are_warnings() -> None:
    text = _text().replace(
        "endings:\n",
        "  - id: orphan\n    customer: Hello?\n    model_answer: Hi.\n    branches:\n"
        "      - goto: resolved\nendings:\n",
    ).replace("max_turns: 6", "max_turns: 6\nturn_limit_ending: manager")
    text = text.replace("outcome: walked_out", "outcome: walked_out") + ""
    loaded = load_scenario_text(text, "x.yaml")
    messages = [r.message for r in loaded.warnings]
    assert "turn 'orphan' is never reached from the first turn" in messages
    assert all(r.severity == "warning" for r in loaded.warnings)


def test_id_different_from_file_name_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "other_name.yaml"
    path.write_text(_text(), encoding="utf-8")
    [warning] = load_scenario_file(path).warnings
    assert "differs from the file name 'other_name'" in warning.message


@pytest.mark.parametrize(("text", "expected"), [
    ("", ":1: the file is empty"),
    ("- a\n- b\n", ":1: a scenario must be a mapping of fields, not a list"),
    ("a: &x [1]\nb: *x\n", "anchors and aliases"),
    ("id: [unclosed\n", "this is not valid YAML"),
    ("!!python/object:os.system {}\n", "is not supported"),
    ("id: !!binary aGVsbG8=\n", "id must be"),
    ("id: !!python/name:os.system x\n", "cannot read the value"),
])
def test_malformed_documents(text: str, expected: str) -> None:
    errors = _errors(text, "f.yaml")
    assert any(expected in e for e in errors), errors


def test_non_utf8_and_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ScenarioError, match="not UTF-8"):
        load_scenario_file(bad)
    with pytest.raises(ScenarioError, match="cannot read the file"):
        load_scenario_file(tmp_path / "missing.yaml")
