"""What a reply means, whatever form it came in: typed, informal, or what a recogniser heard.

Spoken replies arrive as a recogniser types them: no punctuation, lower case, "five p m", "三千五百块",
Chinese words split by spaces. Informal typing drops apostrophes ("im so sorry thats awful"). Before
scoring, each of these is put in the form the rubric expects, so the same words said or typed score
the same. Every change is a replacement of a span of the original, and the result keeps, for each of
its characters, where it came from: the evidence shown to a trainee is always their own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。！？、；：“”‘’（）《》—…"

# English -------------------------------------------------------------------------------------------

#: Apostrophe-less and texting forms, as typed in a hurry; only unambiguous ones.
_INFORMAL = {
    "im": "I'm", "ive": "I've", "ill": "I'll", "id": "I'd", "youre": "you're", "youll": "you'll",
    "youve": "you've", "youd": "you'd", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "cant": "can't", "couldnt": "couldn't", "wont": "won't", "wouldnt": "wouldn't", "isnt": "isn't",
    "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "shouldnt": "shouldn't",
    "havent": "haven't", "hasnt": "hasn't", "thats": "that's", "theres": "there's", "whats": "what's",
    "lets": "let's", "weve": "we've", "theyre": "they're", "itll": "it'll", "shes": "she's",
    "u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks", "ty": "thank you",
    "sry": "sorry", "soz": "sorry", "tmrw": "tomorrow", "tmr": "tomorrow", "asap": "as soon as possible",
    "i": "I",
}
_NUMBER_WORDS = (
    "zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million point and "
    "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth first second"
).split()
_NUMBER_RUN = re.compile(
    r"\b(?:(?:a|an)\s+(?=hundred|thousand|million))?(?:{w})(?:[\s-]+(?:{w}))*\b".format(w="|".join(_NUMBER_WORDS)),
    re.IGNORECASE,
)
_SMALL_ALONE = {"one", "a", "an", "oh", "zero", "first", "second", "and", "point"}
_UNIT_AFTER = re.compile(
    r"\s*(?:minutes?|mins?|hours?|days?|working|business|weeks?|months?|years?|pounds?|quid|dollars?|"
    r"euros?|yuan|pence|p\b|cents?|percent|per cent|o'clock|a\.?\s?m\b|p\.?\s?m\b|am\b|pm\b|times?|"
    r"digits?|of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.IGNORECASE,
)
_MERIDIEM_AFTER = re.compile(r"\s+([ap])(?:\s|\.\s?)m\b\.?", re.IGNORECASE)

# Chinese -------------------------------------------------------------------------------------------

_ZH_DIGITS = "零〇一二两三四五六七八九十百千万亿"
#: A numeral, as typed or as a recogniser splits it ("二千 零 三十一", "九五 五 八八").
_ZH_RUN = re.compile(rf"[{_ZH_DIGITS}]+(?:[ \t]+[{_ZH_DIGITS}]+)*(?:[ \t]*点[ \t]*[{_ZH_DIGITS}]+)?")
#: Read digit by digit and this long, a numeral is a number (a phone number, an account's tail).
_ZH_DIGIT_STRING = 3
#: What may follow a Chinese number for it to be a quantity, a time or a date.
_ZH_UNIT = re.compile(
    r"(?:块|元|毛|角|分钟|分(?!行|享|析|开|别|期)|秒|点|个(?:小时|工作日|月|星期|礼拜|人|月)|个|小时|钟头|天|日|号|月|年|"
    r"周|星期|工作日|笔|次|张|岁|位|倍|万|%|楼|层|窗口|号窗|期|遍|趟)"
)
#: Words that start with a numeral but are not numbers ("一下", "一定", "万一").
_ZH_IDIOMS = re.compile(
    r"一下|一定|一直|一起|一样|一般|一些|一切|一旦|一点(?:点|儿)|一会|一边|一次性|一致|一律|一向|一再|"
    r"一时|一早|一声|一句|一口|一步到位|万一|统一|唯一|第一时间|一对一|十分(?![钟钟])|一方面|千万|万分|百分百|一帆风顺"
)
_ZH_TIME_BEFORE = re.compile(r"(?:上午|下午|晚上|早上|中午|凌晨|傍晚|今天|明天|后天|今晚|明早)$")
_ZH_TIME_AFTER = re.compile(r"^(?:前|之前|以前|左右|钟|半|到|至|整|以后|之后|后|多)")
_ZH_PERCENT = re.compile(rf"百分之([{_ZH_DIGITS}]+(?:点[{_ZH_DIGITS}]+)?)")
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}0-9])[ \t]+(?=[{_CJK}{_CJK_PUNCT}])|"
                        rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \t]+(?=[{_CJK}{_CJK_PUNCT}0-9])")


@dataclass(frozen=True)
class Normalised:
    """Normalised text, and for each of its characters the span of the original it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    """``text[i]`` came from ``original[starts[i]:ends[i]]`` (a replacement's characters all point
    at the whole span it replaced)."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that ``text[start:end]`` came from."""
        if not self.text:
            return 0, 0
        if end <= start:
            at = self.starts[min(start, len(self.starts) - 1)]
            return at, at
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> Normalised:
    """The reply in the form the rubric reads; see the module docstring."""
    return _normalise(text)


@lru_cache(maxsize=2048)
def _normalise(text: str) -> Normalised:
    edits: list[tuple[int, int, str]] = []
    edits += [(m.start(), m.end(), "") for m in _CJK_SPACE.finditer(text)]
    edits += _chinese_numbers(text)
    edits += _english_numbers(text)
    edits += _informal_words(text)
    return _apply(text, edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> Normalised:
    """Apply non-overlapping replacements (the first one wins where two overlap)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], -(e[1] - e[0]))):
        if start < pos:
            continue
        out.append(text[pos:start])
        starts += range(pos, start)
        ends += range(pos + 1, start + 1)
        out.append(new)
        starts += [start] * len(new)
        ends += [end] * len(new)
        pos = end
    out.append(text[pos:])
    starts += range(pos, len(text))
    ends += range(pos + 1, len(text) + 1)
    return Normalised("".join(out), tuple(starts), tuple(ends))


def _informal_words(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for m in re.finditer(r"(?<!['’])\b[A-Za-z]+\b(?!['’])", text):
        word = m.group(0)
        new = _INFORMAL.get(word) if word == word.lower() else None
        if new is not None and new != word:
            edits.append((m.start(), m.end(), new))
    return edits


def _alpha2digit(run: str) -> str:
    from text_to_num import alpha2digit

    return str(alpha2digit(run, "en", threshold=0))


def _english_numbers(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for m in _NUMBER_RUN.finditer(text):
        run = re.sub(r"[\s-]+and$", "", m.group(0), flags=re.IGNORECASE)
        end = m.start() + len(run)
        words = run.lower().split()
        meridiem = _MERIDIEM_AFTER.match(text, end)
        if all(w in _SMALL_ALONE for w in words) and not (
            words[-1] == "one" and (meridiem or _UNIT_AFTER.match(text, end))
        ):
            continue
        if words[0] in ("a", "an"):  # "a hundred pounds": 100
            run = "one " + run.split(None, 1)[1]
        converted = _alpha2digit(run)
        if meridiem:  # "nine thirty p m" -> "9:30 pm"
            converted = re.sub(r"^(\d{1,2}) (\d{2})$", r"\1:\2", converted)
            converted += f" {meridiem.group(1).lower()}m"
            end = meridiem.end()
        if converted != text[m.start():end]:
            edits.append((m.start(), end, converted))
    for m in re.finditer(r"(?<=\d)" + _MERIDIEM_AFTER.pattern, text, re.IGNORECASE):
        edits.append((m.start(), m.end(), f" {m.group(1).lower()}m"))  # "5 p m" typed as digits
    return edits


def _chinese_numbers(text: str) -> list[tuple[int, int, str]]:
    edits = []
    idioms = [(m.start(), m.end()) for m in _ZH_IDIOMS.finditer(text)]
    for m in _ZH_PERCENT.finditer(text):
        number = _zh_value(m.group(1))
        if number is not None:
            edits.append((m.start(), m.end(), f"{number}%"))
    for m in _ZH_RUN.finditer(text):
        start, end = m.start(), m.end()
        if any(s <= start < e for s, e in idioms) or text[max(0, start - 3):start].endswith("百分之"):
            continue
        run = re.sub(r"[ \t]+", "", m.group(0))
        after = text[end:end + 5].lstrip()
        before = text[max(0, start - 4):start].rstrip()
        if "点" in run:
            hour, _, minute = run.partition("点")
            timeish = _ZH_TIME_BEFORE.search(before) or minute.endswith("十") or after.startswith("分")
            if timeish:
                h, mi = _zh_value(hour), _zh_value(minute)
                if h is not None and mi is not None:
                    edits.append((start, end, f"{h}点{mi}"))
                continue
        is_quantity = _ZH_UNIT.match(after) or before.endswith(("尾号", "第")) or (
            len(run) >= 2 and any(c in run for c in "十百千万") and not after.startswith(("分之",))
        ) or (len(run) >= _ZH_DIGIT_STRING and all(c in "零〇一二两三四五六七八九" for c in run))
        if not is_quantity:
            continue
        value = _zh_value(run)
        if value is not None:
            edits.append((start, end, value))
    return edits


def _zh_value(run: str) -> str | None:
    """A Chinese numeral as digits ("三千五" → "3500", "六六八八" → "6688"), or None."""
    if not run:
        return None
    if all(c in "零〇一二两三四五六七八九" for c in run) and len(run) > 1:
        return "".join(str("零一二三四五六七八九".find(c)) if c not in "〇两" else ("0" if c == "〇" else "2")
                       for c in run)
    import cn2an  # imported when a Chinese numeral is first met: it takes a quarter of a second

    try:
        value = cn2an.cn2an(run, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def edit(norm: Normalised, edits: list[tuple[int, int, str]]) -> Normalised:
    """``norm`` with further replacements made in its text (offsets in ``norm.text``); the
    result still maps every character to the original. An insertion (``start == end``) maps to
    an empty span of the original at that place."""
    inner = _apply(norm.text, edits)
    starts, ends = [], []
    for s, e in zip(inner.starts, inner.ends, strict=True):
        if e > s:
            starts.append(norm.starts[s])
            ends.append(norm.ends[e - 1])
        else:
            at = norm.ends[s - 1] if s > 0 else (norm.starts[0] if norm.starts else 0)
            starts.append(at)
            ends.append(at)
    return Normalised(inner.text, tuple(starts), tuple(ends))


_NOT_SPOKEN = re.compile(r"(?<!\d)[.:](?!\d)|[,!?;\"“”‘’()（）\[\]【】「」《》—–…，。！？、；：~～*#@]|"
                         r"(?<![A-Za-z])'|'(?![A-Za-z])")


def canonical(text: str) -> str:
    """A unit as the detectors read it: what a speaker's words would be, whatever the form.

    Lower case, and no punctuation but what belongs to a word or a number (apostrophes, "5:30",
    "2.5%"), so the same words typed or spoken reach the detectors identically. Applied to
    normalised text (numbers already digits).
    """
    spaced = " ".join(_NOT_SPOKEN.sub(" ", text).lower().split())
    return _CJK_SPACE.sub("", spaced)
