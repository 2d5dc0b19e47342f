"""Text helpers for scoring: language, sentences and clauses with offsets, words, content words.

A reply is read unit by unit: its sentences, the clauses of long sentences, and overlapping word
windows where a long stretch has no punctuation at all (speech, or hurried typing). Sentence
boundaries come from punctuation, from pauses the recogniser heard (``breaks``), and, in text with
no punctuation at all, from the words that start a new sentence in speech ("so", "I'll", "首先").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?。！？；;\n]+")
_PUNCTUATION = re.compile(r"[.!?。！？；;,，、:：—\n]")
_TOKEN = re.compile(r"[A-Za-z0-9'’:.%£$€¥]+|[\u3400-\u9fff]")

_EN_STOP = frozenset(
    "a an the and or but so to of in on at for with by from as is are was were be been being am "
    "i you he she it we they me my your our their this that these those there here do does did "
    "will would can could shall should may might must have has had not no yes please okay ok "
    "just very really also then now what which who when where how if because about into up out "
    "get got let us i'll i'm you're we'll we're it's that's let's today tomorrow right away "
    "minute minutes way need while sorry help".split()
)
_ZH_STOP = frozenset(
    "的 了 是 我 您 你 我们 你们 在 就 都 也 和 吧 吗 呢 啊 给 把 这 那 一下 一个 请 会 要 能 可以 "
    # function words that any two bank sentences share: they say nothing about which step it is
    "不了 不能 没有 不是 已经 现在 马上 这个 那个 这边 那边 这样 什么 怎么 因为 所以 但是 如果 还是 "
    "或者 就是 还有 一样 时候 一点 然后 首先 之后 以后 一直 为了 帮您 给您 为您 您的 我们的 好的 "
    "一下子 等等 有点 一些 这里 那里 其实 真的 肯定 应该 需要 可能 比较 非常 确实".split()
)
#: Where a new sentence starts in unpunctuated speech: English words, Chinese openers.
_SPOKEN_START_EN = re.compile(
    r"\b(?:I'm|I am|I'll|I will|I can|I've|I have|let me|we'll|we will|we can|we've|so|and then|then|"
    r"first|after that|please|sorry|thank you|thanks|your|you'll|you can|you will|is that|does that|"
    r"could you|can you|would you|in the meantime|if|once|that's|this is|it's|there's|don't)\b",
    re.IGNORECASE,
)
_SPOKEN_START_ZH = re.compile(
    r"您好|非常抱歉|实在抱歉|真的抱歉|不好意思|对不起|我(?:现在|马上|会|来|先|这边|帮您|给您|已经|理解|明白|们)|"
    r"请您|麻烦您|首先|然后|接着|最后|另外|如果|您看|您可以|您放心|这样|谢谢|今天|明天|稍后|我跟您"
)
SPOKEN_MIN_WORDS = 5
#: Sentences longer than this (in words) are also read clause by clause, and a clause counts as
#: a unit of its own only with at least CLAUSE_MIN_WORDS words: a fragment such as "还耽误你上班"
#: says little without its sentence.
CLAUSE_SPLIT_WORDS = 12
CLAUSE_MIN_WORDS = 4
#: Stretches longer than this with no punctuation are also read in windows of WINDOW words.
WINDOW_OVER = 18
WINDOW = 10


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


def unpunctuated(text: str) -> bool:
    """Text with no punctuation at all, as a recogniser types it."""
    return _PUNCTUATION.search(text) is None and sentence_length(text) > 1


def sentences(text: str, breaks: tuple[int, ...] = ()) -> list[Sentence]:
    """Sentences with their character offsets in ``text`` (ending punctuation included).

    ``breaks`` are offsets where the speaker paused; with no punctuation and no pauses, speech is
    cut where a new sentence plainly starts.
    """
    cuts = sorted({m.end() for m in _SENTENCE_END.finditer(text)} | {b for b in breaks if 0 < b < len(text)})
    out: list[Sentence] = []
    pos = 0
    for cut in [*cuts, len(text)]:
        _add(out, text, pos, cut)
        pos = cut
    if unpunctuated(text):
        out = [piece for s in out for piece in _spoken_sentences(s)]
    return out


def _spoken_sentences(s: Sentence) -> list[Sentence]:
    if sentence_length(s.text) < 2 * SPOKEN_MIN_WORDS:
        return [s]
    starts = [m.start() for m in (*_SPOKEN_START_EN.finditer(s.text), *_SPOKEN_START_ZH.finditer(s.text))]
    out: list[Sentence] = []
    pos = 0
    for at in sorted(set(starts)):
        if sentence_length(s.text[pos:at]) >= SPOKEN_MIN_WORDS and sentence_length(s.text[at:]) >= 2:
            _add(out, s.text, pos, at)
            pos = at
    _add(out, s.text, pos, len(s.text))
    return [Sentence(p.text, s.start + p.start, s.start + p.end) for p in out]


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not re.search(r"\w", stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(stripped, s, s + len(stripped)))


_CLAUSE_END = re.compile(r"[,，、:：—]+|\s-\s")


def units(text: str, breaks: tuple[int, ...] = ()) -> list[Sentence]:
    """What the detectors read: sentences, clauses of long ones, windows over long bare stretches."""
    out: list[Sentence] = []
    for s in sentences(text, breaks):
        out.append(s)
        if sentence_length(s.text) <= CLAUSE_SPLIT_WORDS:
            continue
        pieces: list[Sentence] = []
        pos = 0
        for m in _CLAUSE_END.finditer(s.text):
            _add(pieces, s.text, pos, m.start())
            pos = m.end()
        _add(pieces, s.text, pos, len(s.text))
        clauses = ([Sentence(c.text, s.start + c.start, s.start + c.end) for c in pieces]
                   if len(pieces) > 1 else [s])
        for c in clauses:
            if c is not s and sentence_length(c.text) >= CLAUSE_MIN_WORDS:
                out.append(c)
            if sentence_length(c.text) > WINDOW_OVER:
                out += _windows(text, c)
    return list(dict.fromkeys(out))


def _windows(text: str, s: Sentence) -> list[Sentence]:
    tokens = [(s.start + m.start(), s.start + m.end()) for m in _TOKEN.finditer(s.text)]
    size = WINDOW * (2 if _CJK.search(s.text) else 1)  # a Chinese word is about two characters
    step = size // 2
    out = []
    for i in range(0, max(1, len(tokens) - step), step):
        chunk = tokens[i:i + size]
        if len(chunk) < size // 2:
            break
        start, end = chunk[0][0], chunk[-1][1]
        out.append(Sentence(text[start:end], start, end))
    return out


_ANY_MARK = re.compile(r"[.!?。！？；;,，、:：—\n]+|\s-\s")


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the stretches between any two marks (commas, full stops, colons…)."""
    out, pos = [], 0
    for m in [*_ANY_MARK.finditer(text), None]:
        end = m.start() if m else len(text)
        if re.search(r"\w", text[pos:end]):
            out.append((pos, end))
        pos = m.end() if m else len(text)
    return out


def sentence_length(sentence: str) -> int:
    """Length in words: Latin words plus one per Chinese character divided by 1.7 (a word)."""
    latin = len(_LATIN_WORD.findall(sentence))
    cjk = len(_CJK.findall(sentence))
    return latin + round(cjk / 1.7)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words: Latin words, and Chinese words as ``segment`` cuts them."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum() and not _CJK.match(text[start]):
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum() and not _CJK.match(text[end]):
        end += 1
    if _CJK.match(text[start:start + 1] or " ") or _CJK.match(text[end - 1:end] or " "):
        run_start, run_end = start, end
        while run_start > 0 and _CJK.match(text[run_start - 1]):
            run_start -= 1
        while run_end < len(text) and _CJK.match(text[run_end]):
            run_end += 1
        offset = run_start
        for word in segment(text[run_start:run_end]):
            w_start, w_end = offset, offset + len(word)
            if w_start < start < w_end:
                start = w_start
            if w_start < end < w_end:
                end = w_end
            offset = w_end
    return start, end


#: How Chinese is cut into words: a function from a run of Chinese characters to its words. The
#: composition root installs jieba with the scorer's own word list (``use_segmenter``); without
#: one, jieba's full dictionary is loaded on first use.
_segmenter: Callable[[str], list[str]] | None = None


def use_segmenter(segmenter: Callable[[str], list[str]]) -> None:
    global _segmenter
    _segmenter = segmenter
    segment.cache_clear()


@lru_cache(maxsize=8192)
def segment(run: str) -> tuple[str, ...]:
    """The words of a run of Chinese characters."""
    global _segmenter
    if _segmenter is None:
        import jieba  # imported lazily: its dictionary takes a moment to load

        jieba.setLogLevel(60)
        _segmenter = lambda text: jieba.lcut(text, HMM=False)  # noqa: E731
    return tuple(_segmenter(run))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Meaningful words: English lower-cased and stemmed, Chinese cut into words by ``segment``."""
    words: set[str] = set()
    for token in re.findall(r"[A-Za-z0-9']+", text.lower()):
        if token not in _EN_STOP and len(token) > 1:
            words.add(_stem(token))
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        for token in segment(run):
            if token not in _ZH_STOP and (len(token) > 1 or token in "退冻查改换办"):
                words.add(token)
    return frozenset(words)
