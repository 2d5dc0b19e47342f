"""The scorer's contract: evidence spans, determinism, both languages, meaning, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from trainer.app.scoring import scorer_for
from trainer.cli import main
from trainer.domain.score import Context
from trainer.domain.scoring import EmptyReply

from helpers import ROOT, bundled

SCORER = scorer_for()


def met(text: str, **kwargs: Any) -> dict[str, str]:
    return {i.item: i.text for i in SCORER.score(text, **kwargs).items if i.met}


def test_evidence_spans_point_into_the_reply() -> None:
    text = "I'm so sorry. I'll refund the 15 pounds now and call you by 5 pm. Calm down."
    score = SCORER.score(text)
    for item in score.items:
        if item.met:
            assert item.start is not None and item.end is not None
            assert text[item.start:item.end] == item.text
        else:
            assert item.start is None and item.points == 0 and item.text  # a model phrasing
    [critical] = score.critical
    assert text[critical.start:critical.end] == "Calm down"


def test_scores_are_sums_of_their_items() -> None:
    score = SCORER.score("我理解您的心情，非常抱歉。我现在就帮您查，十分钟内给您答复，谢谢您。")
    for dimension in ("empathy", "clarity", "solution"):
        total = sum(i.points for i in score.items if i.dimension == dimension)
        assert getattr(score, dimension) == max(0, min(100, total))
    assert score.overall == round((score.empathy + score.clarity + score.solution) / 3)


#: Replies scored in fresh processes: English, Chinese, mixed, a critical fail, scenario steps.
SAME_INPUTS: list[tuple[str, str | None]] = [
    ("I can see why that would upset you. Let me trace the payment and call you by noon.", None),
    ("我理解您的心情，非常抱歉。我现在就帮您查，十分钟内给您答复，谢谢您。", None),
    ("非常抱歉 for the wait, I'll refund the fee now，十分钟内到账。", None),
    ("What's your PIN? Calm down, those are the rules.", "atm_card_swallowed"),
    ("I'm sorry. May I see your ID, please? I'll get your card out of the machine in ten minutes.",
     "atm_card_swallowed"),
]

#: Run in a fresh interpreter: score the inputs (JSON on stdin) and print their scores, with the
#: size of the process's embedding cache before the first reply (it must be empty) and after.
COLD_SCORING = """
import json, sys
from pathlib import Path
import trainer
from trainer.app.scoring import scorer_for, shared_matcher
from trainer.library.loader import load_scenario_file

inputs = json.load(sys.stdin)
scorer = scorer_for()
cache = shared_matcher()._cache  # looked at, not touched
before = len(cache)
scores = [scorer.score(text, scenario=load_scenario_file(Path("scenarios") / f"{sid}.yaml").scenario
                       if sid else None).to_dict() for text, sid in inputs]
print(json.dumps({"package": str(Path(trainer.__file__).parent), "cache_before": before,
                  "cache_after": len(cache), "scores": scores}, ensure_ascii=False))
"""


def cold_scores(inputs: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """The scores of ``inputs`` from a new interpreter (this checkout's ``trainer`` package)."""
    result = subprocess.run([sys.executable, "-c", COLD_SCORING], input=json.dumps(inputs),
                            capture_output=True, text=True, timeout=180, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["package"] == str(ROOT / "trainer")
    assert out["cache_before"] == 0 < out["cache_after"]  # cold: nothing was encoded before
    return list(out["scores"])


def test_same_input_same_output() -> None:
    """The same reply gets the same score warm (this process, its embedding cache filled by every
    test before) and cold (two fresh processes, the second scoring in the other order, so every
    reply meets a different cache)."""
    def warm(text: str, scenario_id: str | None) -> dict[str, Any]:
        score = SCORER.score(text, scenario=bundled(scenario_id) if scenario_id else None)
        return json.loads(json.dumps(score.to_dict(), ensure_ascii=False))

    warm_scores = [warm(*row) for row in SAME_INPUTS]
    assert [warm(*row) for row in SAME_INPUTS] == warm_scores  # again, all cached now
    assert cold_scores(SAME_INPUTS) == warm_scores
    assert cold_scores(SAME_INPUTS[::-1]) == warm_scores[::-1]


@pytest.mark.parametrize("text", [
    "I can see why that would upset you.",
    "让您跑了好几趟，辛苦了。",
    "Anyone in your shoes would be fed up by now.",
])
def test_paraphrases_acknowledge_feelings(text: str) -> None:
    assert "acknowledge_feeling" in met(text)


def test_negated_and_cancelled_apologies() -> None:
    assert "apology" not in met("I'm not sorry, those are the rules.")
    cancelled = met("Sorry, but you should have read the terms.")
    assert "cancelled_apology" in cancelled and "blame" in cancelled


def test_language_is_detected_and_mixed_replies_work() -> None:
    assert SCORER.score("I'm so sorry about this.").language == "en"
    assert SCORER.score("非常抱歉给您带来不便。").language == "zh-CN"
    mixed = met("非常抱歉 for the wait, I'll refund the fee now，十分钟内到账。")
    assert {"apology", "concrete_action", "concrete_specifics"} <= set(mixed)


def test_scenario_steps_in_any_wording_and_across_a_session() -> None:
    scenario = bundled("atm_card_swallowed")
    first = SCORER.score("I'm sorry. May I see your ID, please?", scenario=scenario)
    assert "verify_identity" in first.steps_taken
    assert "retrieve_card" not in first.steps_taken
    # a step already covered is neither asked for again nor paid twice
    later = SCORER.score("I'll get your card out of the machine in ten minutes.", scenario=scenario,
                         context=Context(covered=frozenset({"verify_identity"})))
    assert "retrieve_card" in later.steps_taken
    assert not any(i.item == "step:verify_identity" for i in later.items)
    # explaining is not taking an action step
    facts = SCORER.score("The machine keeps cards when the PIN is wrong three times.", scenario=scenario)
    assert "retrieve_card" not in facts.steps_taken


def test_critical_fails_are_apart_from_scores() -> None:
    score = SCORER.score("What's your PIN? 这是上级规定，我有什么办法。",
                         scenario=bundled("atm_card_swallowed"))
    kinds = {c.item for c in score.critical}
    assert kinds == {"asks_for_secret", "forbidden_phrase"}


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_reply_is_refused(text: str) -> None:
    with pytest.raises(EmptyReply):
        SCORER.score(text)


@pytest.mark.parametrize("text", [
    "x" * 50_000,
    "I'm sorry 😡😡😡 I'll fix it now 👍",
    "I'm\x00 so\x07 sorry\x1b[31m, I'll call you by 5 pm.",
    "Lo siento mucho, le devolveremos el dinero mañana.",
    "ごめんなさい、すぐに確認します。",
    "😀" * 1000,
])
def test_odd_input_gets_a_sensible_score(text: str) -> None:
    score = SCORER.score(text)
    for value in (score.empathy, score.clarity, score.solution, score.overall):
        assert 0 <= value <= 100
    assert score.language in ("en", "zh-CN")


def test_cli_score_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "I'm so sorry. I'll refund the fee now.", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"empathy", "clarity", "solution", "overall", "language", "items", "critical"}
    assert set(result["items"][0]) == {"dimension", "item", "met", "points", "text", "start", "end", "why",
                                       "carried"}
    assert result["scorer_version"].startswith("rubric-")
    assert main(["score", "非常抱歉，我马上帮您处理。", "--lang", "zh-CN"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("empathy ") and "Apologises: “非常抱歉”" in out


def test_cli_score_jsonl_keeps_order_and_refuses_bad_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.jsonl"
    rows = [{"text": "Calm down."}, {"text": "非常抱歉，我现在就帮您查。", "lang": "zh-CN"},
            {"text": "I'll check your card.", "scenario": "atm_card_swallowed"}]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert main(["score", "--jsonl", str(batch)]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["language"] for r in results] == ["en", "zh-CN", "en"]
    assert results[0]["critical"] and "steps_taken" in results[2]

    batch.write_text('{"text": "fine"}\n{"txt": "oops"}\n', encoding="utf-8")
    assert main(["score", "--jsonl", str(batch)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and f"{batch}:2: each line needs a \"text\" string." in captured.err


def test_cli_score_bad_input_exit_2(trainer_cmd: list[str]) -> None:
    for args in (["score", "hello", "--scenario", "nope"], ["score", "   "], ["score"]):
        result = subprocess.run([*trainer_cmd, *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, args
        assert result.stderr.startswith("trainer: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
