"""Train the punctuation model for unpunctuated replies (speech): part of ``make train-scorer``.

Examples come from text that has its punctuation: whole replies written for this purpose
(``training/punctuated/*.txt``, one reply a line, by authors who saw only the domain notes), the
corpus records not written as speech, and pseudo-replies made by joining two to four records of
the same language and register (so that sentence ends between them are real ones). Every text
is normalised as the scorer normalises, its marks are taken out, and each gap between two words
is labelled none, clause (, ， 、 : ;) or sentence (. ! ? 。 ！ ？). A multinomial logistic
regression on hashed gap features (``trainer/domain/scoring/punctuation.py``) is fitted and written to
``assets/rubric/punctuation.npz``; 20% of the pseudo-replies are held out to print its accuracy,
then the model is fitted again on everything.

Deterministic (fixed seed). Run: python training/train_punctuation.py
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse import vstack as sp_vstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_scorer import CORPUS, load_corpus  # noqa: E402

from trainer.domain.scoring.normalise import normalise  # noqa: E402
from trainer.domain.scoring.punctuation import (  # noqa: E402
    CLAUSE,
    NONE,
    SENTENCE,
    feature_index,
    gap_features,
    tokens,
)
from trainer.domain.scoring.text import use_segmenter  # noqa: E402
from trainer.library.rubric_files import load_segmenter  # noqa: E402

OUT = ROOT / "assets" / "rubric" / "punctuation.npz"
PUNCTUATED = ROOT / "training" / "punctuated"
HASH_SIZE = 2**16
_SENTENCE_MARK = re.compile(r"[.!?。！？；;]")
_CLAUSE_MARK = re.compile(r"[,，、:：—]")


def labelled_gaps(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and, for each gap after a word, what mark followed it."""
    found = tokens(text)
    words = [w for w, _, _ in found]
    labels = []
    for (_, _, end), (_, start, _) in itertools.pairwise(found):
        between = text[end:start]
        labels.append(SENTENCE if _SENTENCE_MARK.search(between) else CLAUSE if _CLAUSE_MARK.search(between)
                      else NONE)
    return words, labels


def pseudo_replies(records: list[dict], rng: random.Random) -> list[str]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in records:
        if r["register"] != "spoken" and re.search(r"[.!?。！？,，]", r["text"]):
            groups[(r["lang"], r["register"])].append(r["text"].strip())
    out = []
    for key in sorted(groups):
        texts = groups[key]
        out += texts
        for _ in range(len(texts)):
            picked = rng.sample(texts, min(len(texts), rng.randint(2, 4)))
            joined = []
            for t in picked:
                end = "" if _SENTENCE_MARK.search(t[-1:]) else "。" if key[0] == "zh-CN" else "."
                joined.append(t + end)
            out.append(("" if key[0] == "zh-CN" else " ").join(joined))
    return out


def matrix(examples: list[tuple[list[str], int]]) -> csr_matrix:
    rows, cols = [], []
    for r, (words, i) in enumerate(examples):
        for f in gap_features(words, i):
            rows.append(r)
            cols.append(feature_index(f, HASH_SIZE))
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(examples), HASH_SIZE))


def main() -> int:
    use_segmenter(load_segmenter())  # the scorer's own Chinese word list, as in the app
    rng = random.Random(20261201)
    written = [line.strip() for path in sorted(PUNCTUATED.glob("*.txt"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [normalise(t).text for t in written + pseudo_replies(load_corpus(CORPUS), rng)]
    rng.shuffle(texts)
    cut = len(texts) * 4 // 5
    splits = {"train": texts[:cut], "held out": texts[cut:]}
    data = {}
    for name, part in splits.items():
        examples, labels = [], []
        for text in part:
            words, gaps = labelled_gaps(text)
            examples += [(words, i) for i in range(len(gaps))]
            labels += gaps
        data[name] = (matrix(examples), np.asarray(labels))
        print(f"{name}: {len(part)} texts, {len(labels)} gaps")
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight=None)
    model.fit(*data["train"])
    x, y = data["held out"]
    print(classification_report(y, model.predict(x), target_names=["none", "clause", "sentence"], digits=3))
    model.fit(sp_vstack([data["train"][0], x]), np.concatenate([data["train"][1], y]))  # then on all
    weights = model.coef_.astype(np.float16)
    bias = model.intercept_.astype(np.float32)
    version = hashlib.sha1(weights.tobytes() + bias.tobytes()).hexdigest()[:12]
    np.savez_compressed(OUT, weights=weights, bias=bias, version=np.asarray(version))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB, version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
