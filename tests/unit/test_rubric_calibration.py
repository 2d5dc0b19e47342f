"""Every rubric item fires on its positive cases and stays silent on its negatives, in both
languages (cases in tests/data/rubric_cases.jsonl, written as tellers speak)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from trainer.domain.scoring import RubricScorer
from trainer.domain.scoring.rubric import ALL_ITEMS

from helpers import ROOT

CASES = [json.loads(line) for line in
         (ROOT / "tests" / "data" / "rubric_cases.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
SCORER = RubricScorer()
#: Judged on the whole reply, not a phrase: covered by the cases of the items it combines.
WHOLE_REPLY_ITEMS = {"plain_and_short"}


def test_every_item_has_cases_in_both_languages() -> None:
    counts = Counter((c["item"], c["lang"], c["expect"]) for c in CASES)
    for item in ALL_ITEMS:
        if item.id in WHOLE_REPLY_ITEMS:
            continue
        for lang in ("en", "zh-CN"):
            for expect in (True, False):
                assert counts[(item.id, lang, expect)] >= 4, (item.id, lang, expect)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['item']}-{c['lang']}-{c['expect']}-{i}"
                                             for i, c in enumerate(CASES)])
def test_item_fires_only_where_it_should(case: dict[str, object]) -> None:
    score = SCORER.score(str(case["text"]), language=str(case["lang"]))
    fired = [i for i in score.items if i.item == case["item"] and i.met]
    assert bool(fired) == case["expect"], (
        f"{case['item']} {'missed' if case['expect'] else 'fired on'}: {case['text']!r} "
        f"({case.get('note', '')}); evidence: {[f.text for f in fired]}"
    )
    for f in fired:  # evidence is a real span of the reply
        assert f.start is not None and f.end is not None
        assert str(case["text"])[f.start:f.end] == f.text
