"""Build the Chinese word list the scorer segments with: ``assets/rubric/zh_words.txt``.

jieba's full dictionary (349,000 words) takes over a second to load, every time the app starts.
The scorer needs words only to keep Chinese evidence on word boundaries, to read the gaps where a
transcript's punctuation was, and to compare a reply with a scenario step: the 60,000 most
frequent words, plus every word of the full dictionary that appears in this project's own Chinese
text (the corpus, the punctuated replies, the scenarios), segment the same and load in a tenth of
the time. Deterministic. Run: python training/build_zh_words.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "rubric" / "zh_words.txt"
TOP = 60_000


def project_text() -> str:
    parts = []
    for path in sorted((ROOT / "training" / "corpus").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        parts += [json.loads(line)["text"] for line in lines if line.strip()]
    for path in sorted((ROOT / "training" / "punctuated").glob("*.txt")):
        parts.append(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def main() -> int:
    jieba.setLogLevel(60)
    source = Path(jieba.__file__).parent / "dict.txt"
    rows = [line.split(" ") for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (-int(r[1]), r[0]))
    keep = {r[0] for r in rows[:TOP]}
    for run in re.findall(r"[\u3400-\u9fff]+", project_text()):
        keep.update(w for w in jieba.lcut(run, HMM=False) if len(w) > 1)
    chosen = [r for r in rows if r[0] in keep]
    OUT.write_text("".join(" ".join(r) + "\n" for r in sorted(chosen, key=lambda r: r[0])), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(chosen)} words ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
