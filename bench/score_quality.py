"""How well the scorer agrees with human labels, typed and spoken (prints figures; not a test).

Agreement is pairwise ranking accuracy: for every two replies to the same situation whose human
labels differ on a dimension, does the scorer order them the same way? A tie counts as wrong.
Each set is also scored in its spoken form (``training/recogniser_form.py``: what a recogniser
would type: no punctuation, lower case, numbers as words, Chinese words split by spaces). Where a
set labels critical fails, their precision and recall are printed too.

The sets, and what they may be used for:
  dev        ../shared/eval/dev_replies.jsonl: the shared dev set (tuned on)
  registers  eval/dev_registers.jsonl: written by a helper from the rubric alone, every register;
             a dev set (tuned on)
  blind-1    eval/blind_replies.jsonl: the first blind set, measured once on 2026-12-01 (commit
             a4a889c) and tuned on since: a dev set now
  held-out   tests/data/heldout_replies.jsonl: written for the project by an earlier session,
             without looking at the scorer; not tuned on by the learned scorer
  blind-2    eval/blind2_replies.jsonl: the second blind set, measured once on 2026-12-01 (commit
             01994a4); spent, a dev set now
  blind-3    eval/blind3_replies.jsonl: the third blind set, measured once on 2026-12-01 (commit
             157a052); spent, a dev set now
  blind      eval/blind4_replies.jsonl: written by a helper who never saw the scorer, the corpus
             or the other sets; measured once, after tuning, on 2026-12-01 (commit e4bc79b):
             spent, so the next round of tuning needs a new one

Run: .venv/bin/python bench/score_quality.py [--tuning] [FILE.jsonl ...]
(--tuning: only the dev sets, for use while tuning.)
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

from recogniser_form import spoken_form  # noqa: E402

from trainer.app.scoring import scorer_for  # noqa: E402

DEV_SETS = {
    "dev": ROOT.parent / "shared" / "eval" / "dev_replies.jsonl",
    "registers": ROOT / "eval" / "dev_registers.jsonl",
    "blind-1": ROOT / "eval" / "blind_replies.jsonl",
    "blind-2": ROOT / "eval" / "blind2_replies.jsonl",
    "blind-3": ROOT / "eval" / "blind3_replies.jsonl",
}
HELD_OUT_SETS = {
    "held-out": ROOT / "tests" / "data" / "heldout_replies.jsonl",
    "blind": ROOT / "eval" / "blind4_replies.jsonl",
}
DIMENSIONS = ("empathy", "clarity", "solution")
GOAL = 0.95


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


def critical_agreement(rows: list[dict], scores: list[dict]) -> tuple[int, int, int] | None:
    """(true positives, false positives, false negatives) of "this reply has a critical fail"."""
    if not any("critical" in r for r in rows):
        return None
    tp = fp = fn = 0
    for row, score in zip(rows, scores, strict=True):
        said, found = bool(row.get("critical")), bool(score["critical"])
        tp += said and found
        fp += found and not said
        fn += said and not found
    return tp, fp, fn


def report(name: str, rows: list[dict], scores: list[dict]) -> None:
    result = pairwise_accuracy(rows, scores)
    print(f"\n{name}: {len(rows)} replies")
    print(f"{'dimension':10} {'lang':5} {'accuracy':>8} {'pairs':>6}")
    for d in DIMENSIONS:
        for lang in sorted({r["lang"] for r in rows}):
            ok, n = result.get((d, lang), (0, 0))
            flag = "" if n == 0 or ok / n >= GOAL else f"  (below {GOAL:.2f})"
            print(f"{d:10} {lang:5} {ok / n if n else float('nan'):8.3f} {n:6d}{flag}")
    crit = critical_agreement(rows, scores)
    if crit is not None:
        tp, fp, fn = crit
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        print(f"critical fails: precision {precision:.3f}, recall {recall:.3f} "
              f"({tp + fn} replies labelled with one)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Agreement of the scorer with human labels.")
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--tuning", action="store_true", help="only the dev sets (while tuning)")
    args = parser.parse_args(argv)
    sets = {p.stem: p for p in args.files} if args.files else (
        DEV_SETS if args.tuning else {**DEV_SETS, **HELD_OUT_SETS})
    scorer = scorer_for()
    for name, path in sets.items():
        if not path.exists():
            print(f"\n{path}: not found, skipped")
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        typed = [scorer.score(r["reply"]).to_dict() for r in rows]  # language detected, as in the app
        report(f"{name} (typed)", rows, typed)
        spoken_rows = [{**r, "reply": spoken_form(r["reply"], r["lang"])} for r in rows]
        spoken = [scorer.score(r["reply"] or "…").to_dict() for r in spoken_rows]
        report(f"{name} (spoken form)", spoken_rows, spoken)
        gaps = [max(abs(t[d] - s[d]) for d in DIMENSIONS) for t, s in zip(typed, spoken, strict=True)]
        within = sum(g <= 10 for g in gaps)
        print(f"typed vs spoken: {within}/{len(gaps)} replies within 10 points on every dimension "
              f"(largest gap {max(gaps)})")


if __name__ == "__main__":
    main()
