"""Pairwise ranking accuracy of the scorer against human labels (prints figures; not a test).

For every two replies to the same situation whose human labels differ on a dimension, does the
scorer order them the same way? A tie counts as wrong. Goal: >= 0.90 per dimension and language.

Run: .venv/bin/python bench/score_quality.py [FILE.jsonl ...]
Default files: ../shared/eval/dev_replies.jsonl (the shared dev set) and
tests/data/heldout_replies.jsonl (written for this project, independent of the scorer).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

from trainer.domain.scoring import RubricScorer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = [ROOT.parent / "shared" / "eval" / "dev_replies.jsonl",
                 ROOT / "tests" / "data" / "heldout_replies.jsonl"]
DIMENSIONS = ("empathy", "clarity", "solution")


def pairwise_accuracy(rows: list[dict], scores: list[dict]) -> dict[tuple[str, str], tuple[int, int]]:
    by_situation: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_situation[row["situation"]].append(i)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for indices in by_situation.values():
        for a, b in itertools.combinations(indices, 2):
            for d in DIMENSIONS:
                if rows[a][d] == rows[b][d]:
                    continue
                hi, lo = (a, b) if rows[a][d] > rows[b][d] else (b, a)
                key = (d, rows[a]["lang"])
                tally[key][1] += 1
                tally[key][0] += scores[hi][d] > scores[lo][d]
    return {k: (v[0], v[1]) for k, v in tally.items()}


def main(paths: list[Path]) -> None:
    scorer = RubricScorer()
    for path in paths:
        if not path.exists():
            print(f"{path}: not found, skipped")
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        scores = [scorer.score(r["reply"]).to_dict() for r in rows]  # language detected, as in the app
        result = pairwise_accuracy(rows, scores)
        print(f"\n{path.name}: {len(rows)} replies")
        print(f"{'dimension':10} {'lang':5} {'accuracy':>8} {'pairs':>6}")
        for d in DIMENSIONS:
            for lang in sorted({r['lang'] for r in rows}):
                ok, n = result.get((d, lang), (0, 0))
                flag = "" if n == 0 or ok / n >= 0.90 else "  (below 0.90)"
                print(f"{d:10} {lang:5} {ok / n if n else float('nan'):8.3f} {n:6d}{flag}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT_FILES)
