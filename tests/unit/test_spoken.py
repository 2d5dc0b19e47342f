"""Spoken replies: delivery metrics, the most favourable alternative, and storage of both."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from trainer.app.scoring import scorer_for
from trainer.domain.delivery import Delivery, TimedWord, delivery
from trainer.domain.practice import Practice
from trainer.domain.spoken import SpokenReply, most_favourable
from trainer.storage.database import open_database
from trainer.storage.repository import Repository

from helpers import bundled


def words(*spec: tuple[str, float, float]) -> list[TimedWord]:
    return [TimedWord(*s) for s in spec]


def test_delivery_metrics() -> None:
    d = delivery(words(("um", 0.5, 0.7), ("I'm", 0.8, 1.0), ("sorry", 1.0, 1.4), ("uh", 2.9, 3.0),
                       ("let", 3.0, 3.2), ("me", 3.2, 3.3), ("help", 3.3, 3.5)),
                 customer_still_speaking_s=0.0)
    assert d is not None
    assert d.words_per_minute == round(7 / 3.0 * 60)
    assert d.fillers_per_100_words == round(100 * 2 / 7, 1)
    assert d.longest_pause_s == 1.5
    assert not d.started_while_customer_spoke
    early = delivery(words(("wait", 0.2, 0.5)), customer_still_speaking_s=1.0)
    assert early is not None and early.started_while_customer_spoke
    chinese = delivery(words(("您好", 0.0, 0.5), ("嗯", 0.6, 0.8), ("马上", 0.9, 1.5)))
    assert chinese is not None and chinese.fillers_per_100_words == 20.0  # 5 characters, 1 filler
    assert delivery([]) is None
    assert Delivery.from_dict(d.to_dict()) == d


def test_the_most_favourable_alternative_counts() -> None:
    scorer = scorer_for()
    spoken = SpokenReply(("I'm sorry, I'll calm down the card", "I'm so sorry, I'll freeze the card now"))
    text, score = most_favourable(scorer, spoken, scenario=None, language="en")
    assert text == "I'm so sorry, I'll freeze the card now"
    other = scorer.score(spoken.alternatives[0], language="en")
    assert score.overall > other.overall


def test_spoken_turns_are_stored_with_what_was_heard(db_path: Path) -> None:
    repo = Repository(open_database(db_path))
    practice = Practice(bundled("atm_card_swallowed"), scorer_for(), repo, repo.trainee("Vi"))
    metrics = delivery(words(("sorry", 0.1, 0.5)))
    heard = SpokenReply(("calm down", "I'm so sorry, may I see your ID"), ("down",), metrics, pauses=(1,))
    exchange = practice.reply("calm down", "spoken", heard)
    assert exchange.reply == "I'm so sorry, may I see your ID"  # the favourable alternative
    assert exchange.score.critical == ()
    corrected = practice.reply("Calm down.", "spoken", heard)  # edited by the trainee: as typed
    assert corrected.reply == "Calm down." and corrected.score.critical
    rows = sqlite3.connect(db_path).execute(
        "SELECT input_mode, speech_json, delivery_json FROM turns ORDER BY idx").fetchall()
    assert rows[0][0] == "spoken"
    # and the pauses, so the centre can re-score the reply as it was scored here
    assert json.loads(rows[0][1]) == {"alternatives": list(heard.alternatives), "unsure_words": ["down"],
                                      "pauses": [1]}
    assert json.loads(rows[0][2])["words_per_minute"] == metrics.words_per_minute  # type: ignore[union-attr]
