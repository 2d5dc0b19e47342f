"""Text helpers for scoring: language detection, sentences with offsets, content words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?。！？；;\n]+")
_WORD = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff]")

_EN_STOP = frozenset(
    "a an the and or but so to of in on at for with by from as is are was were be been being am "
    "i you he she it we they me my your our their this that these those there here do does did "
    "will would can could shall should may might must have has had not no yes please okay ok "
    "just very really also then now what which who when where how if because about into up out "
    "get got let us i'll i'm you're we'll we're it's that's let's today tomorrow right away "
    "minute minutes way need while sorry help".split()
)
_ZH_STOP = frozenset(
    "的 了 是 我 您 你 我们 你们 在 就 都 也 和 吧 吗 呢 啊 给 把 这 那 一下 一个 请 会 要 能 可以".split()
)


def detect_language(text: str) -> str:
    """``zh-CN`` when Chinese characters outnumber a third of the letters, else ``en``."""
    cjk = len(_CJK.findall(text))
    latin = sum(len(w) for w in _LATIN_WORD.findall(text)) / 4  # ~4 letters a word
    return "zh-CN" if cjk and cjk >= latin / 3 else "en"


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Sentences with their character offsets in ``text`` (ending punctuation included)."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _add(out, text, pos, m.end())
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not re.search(r"\w", stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(stripped, s, s + len(stripped)))


_CLAUSE_END = re.compile(r"[,，、:：—]+|\s-\s")
#: Sentences longer than this (in words) are also looked at clause by clause, so one idea in a
#: long sentence is not drowned by the rest when matching by meaning.
CLAUSE_SPLIT_WORDS = 12


def units(text: str) -> list[Sentence]:
    """Sentences, and the clauses of long sentences: what gets matched by meaning."""
    out: list[Sentence] = []
    for s in sentences(text):
        out.append(s)
        if sentence_length(s.text) <= CLAUSE_SPLIT_WORDS:
            continue
        pos = 0
        clauses: list[Sentence] = []
        for m in _CLAUSE_END.finditer(s.text):
            _add(clauses, s.text, pos, m.start())
            pos = m.end()
        _add(clauses, s.text, pos, len(s.text))
        if len(clauses) > 1:
            out += [Sentence(c.text, s.start + c.start, s.start + c.end) for c in clauses
                    if sentence_length(c.text) >= 2]
    return out


def sentence_length(sentence: str) -> int:
    """Length in words: Latin words plus one per Chinese character divided by 1.7 (a word)."""
    latin = len(_LATIN_WORD.findall(sentence))
    cjk = len(_CJK.findall(sentence))
    return latin + round(cjk / 1.7)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Meaningful words: English lower-cased and stemmed, Chinese segmented by jieba."""
    words: set[str] = set()
    for token in re.findall(r"[A-Za-z0-9']+", text.lower()):
        if token not in _EN_STOP and len(token) > 1:
            words.add(_stem(token))
    chinese = "".join(_CJK.findall(text)) and re.findall(r"[\u3400-\u9fff]+", text)
    if chinese:
        import jieba  # imported lazily: its dictionary takes a moment to load

        jieba.setLogLevel(60)
        for run in chinese:
            for token in jieba.lcut(run):
                if token not in _ZH_STOP and (len(token) > 1 or token in "退冻查改换办"):
                    words.add(token)
    return frozenset(words)
