"""Check labelled corpus files against training/LABELLING.md and print what they hold.

Run: python training/check_corpus.py training/corpus/*.jsonl
Exit status 1, naming the file, line and field, when a record is malformed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = (
    "acknowledge_feeling", "apology", "validate_expectation", "ownership", "courtesy",
    "blame", "dismissal", "defensive", "cancelled_apology", "conditional_apology",
    "concrete_specifics", "steps_in_order", "checks_understanding", "jargon", "vague_promise",
    "filler", "clarify_details", "concrete_action", "time_frame", "follow_up",
    "asks_for_secret", "other_customer_data", "impossible_promise",
)
REGISTERS = ("counter", "call_centre", "chat", "microblog", "informal", "non_native", "spoken", "mixed")
KINDS = ("positive", "near_miss", "hard_negative", "neutral")
LANGS = ("en", "zh-CN")


def problems(record: object) -> list[str]:
    if not isinstance(record, dict):
        return ["the line is not a JSON object"]
    out = []
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        out.append("text: missing or empty")
    if record.get("lang") not in LANGS:
        out.append(f"lang: must be one of {', '.join(LANGS)}")
    if record.get("register") not in REGISTERS:
        out.append(f"register: must be one of {', '.join(REGISTERS)}")
    if record.get("kind") not in KINDS:
        out.append(f"kind: must be one of {', '.join(KINDS)}")
    labels = record.get("labels")
    if not isinstance(labels, list) or any(x not in LABELS for x in labels):
        bad = [x for x in labels or [] if x not in LABELS] if isinstance(labels, list) else labels
        out.append(f"labels: unknown label(s) {bad!r}")
    elif record.get("kind") == "positive" and not labels:
        out.append("labels: a positive record needs at least one label")
    return out


def main(paths: list[str]) -> int:
    counts: Counter[str] = Counter()
    per: Counter[tuple[str, str]] = Counter()
    seen: dict[str, str] = {}
    bad = 0
    total = 0
    for name in paths:
        for number, line in enumerate(Path(name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{name}:{number}: not valid JSON ({e.msg})")
                bad += 1
                continue
            found = problems(record)
            for p in found:
                print(f"{name}:{number}: {p}")
            bad += bool(found)
            if found:
                continue
            total += 1
            key = " ".join(record["text"].split()).casefold()
            if key in seen:
                print(f"{name}:{number}: duplicate of {seen[key]}")
            seen.setdefault(key, f"{name}:{number}")
            counts[record["lang"]] += 1
            for label in record["labels"] or ["(none)"]:
                per[(record["lang"], label)] += 1
            per[(record["lang"], "kind:" + record["kind"])] += 1
            per[(record["lang"], "register:" + record["register"])] += 1
    print(f"\n{total} records: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for lang in LANGS:
        if not counts[lang]:
            continue
        print(f"\n{lang}:")
        for key in sorted(k for (lg, k) in per if lg == lang):
            print(f"  {key:32} {per[(lang, key)]:5d}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
