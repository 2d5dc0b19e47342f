"""Spoken replies score as what was meant: the same words typed or in a recogniser's form
(training/recogniser_form.py: no punctuation, lower case, numbers as words, Chinese words split
by spaces) score within 10 points on every dimension."""

from __future__ import annotations

import json
import sys

from trainer.app.scoring import scorer_for
from trainer.domain.spoken import SpokenReply, most_favourable, pause_offsets
from trainer.speech.recognizer import Transcript, Word

from helpers import ROOT

sys.path.insert(0, str(ROOT / "training"))
from recogniser_form import spoken_form

SCORER = scorer_for()
DIMENSIONS = ("empathy", "clarity", "solution")


def _corpus_sample() -> list[dict[str, str]]:
    """Every 20th typed unit of the training corpus, both languages, every register but speech."""
    rows = []
    for path in sorted((ROOT / "training" / "corpus").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for i, r in enumerate(rows) if i % 20 == 0 and r["register"] != "spoken"]


def test_typed_and_spoken_forms_of_the_corpus_score_within_10_points() -> None:
    sample = _corpus_sample()
    assert len(sample) > 300 and {r["lang"] for r in sample} == {"en", "zh-CN"}
    apart = []
    for row in sample:
        spoken = spoken_form(row["text"], row["lang"])
        if not spoken.strip():
            continue
        typed, heard = SCORER.score(row["text"]), SCORER.score(spoken)
        gap = max(abs(getattr(typed, d) - getattr(heard, d)) for d in DIMENSIONS)
        if gap > 10:
            apart.append((gap, row["text"], spoken))
    assert len(apart) <= len(sample) * 0.05, sorted(apart, reverse=True)[:10]


def test_an_action_cut_by_a_misplaced_sentence_end_still_counts() -> None:
    """A full stop in the wrong place (typed, or restored in speech) does not cut an action in two:
    the two sentences are also read as one, and the evidence spans both."""
    score = SCORER.score("I will refund. The 35 pound fee to your account today.")
    action = next(i for i in score.items if i.item == "concrete_action")
    assert action.met and "refund" in action.text and "fee" in action.text
    # ... and one action read across two sentences is not two actions
    assert "complete_plan" not in {i.item for i in score.items if i.met}


def test_two_actions_in_two_sentences_are_still_a_complete_plan() -> None:
    score = SCORER.score("I'll refund the £35 fee to your account today. I'll also order you a new card "
                         "now and it arrives by Friday.")
    assert {"concrete_action", "complete_plan"} <= {i.item for i in score.items if i.met}


def test_pauses_in_the_word_timings_become_sentence_ends() -> None:
    words = (Word("sorry", 0.0, 0.4), Word("about", 0.45, 0.7), Word("that", 0.75, 1.0),
             Word("i'll", 1.8, 2.0), Word("fix", 2.05, 2.3), Word("it", 2.35, 2.5))
    heard = Transcript(("sorry about that i'll fix it",), words, 2.5)
    assert heard.pauses == (2,)  # 0.8 s of silence after "that"
    assert pause_offsets(heard.text, heard.pauses) == (len("sorry about that"),)


def test_every_alternative_is_read_with_the_pauses() -> None:
    alternatives = ("i'm so sorry about the wait i'll check the payment now",
                    "i'm so sorry about the weight i'll check the payment now")
    spoken = SpokenReply(alternatives, pauses=(5,))
    text, score = most_favourable(SCORER, spoken, scenario=None, language="en")
    assert text in alternatives
    met = {i.item for i in score.items if i.met}
    assert {"apology", "concrete_action"} <= met
