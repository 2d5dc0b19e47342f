"""Turn typed text into what a speech recogniser would type for it (the "spoken form").

Used to measure the scorer on spoken replies and to teach its detectors the spoken form. The
transform is deterministic and follows what Vosk's models print:

- English: lower case; no punctuation except apostrophes inside words ("i'm"); a menu path read
  aloud ("Settings > Security" → "settings then security"); numbers, amounts
  and times as words ("£35" → "thirty five pounds", "5:30 pm" → "five thirty p m", "3,200" →
  "three thousand two hundred", "23rd" → "twenty third", "10%" → "ten percent").
- Chinese: no punctuation; a menu path read aloud (“我的”—“安全中心” → 我的再点安全中心); numbers in
  Chinese characters ("3500元" → "三千五百元", "5点" → "五点",
  card or phone digits one by one: "尾号6688" → "尾号六六八八"); the words separated by single spaces,
  as the recogniser segments them (jieba's segmentation stands in for the recogniser's lexicon);
  English words inside Chinese lower-cased.

Run: python training/recogniser_form.py IN.jsonl OUT.jsonl [--field reply]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import cn2an
import jieba
from num2words import num2words

jieba.setLogLevel(60)

_CJK = re.compile(r"[\u3400-\u9fff]")
_CURRENCY = {"£": "pounds", "$": "dollars", "€": "euros", "¥": "yuan"}


def spoken_form(text: str, lang: str | None = None) -> str:
    """``text`` as a recogniser would print it (see the module docstring)."""
    chinese = lang.startswith("zh") if lang else bool(_CJK.search(text))
    return _chinese(text) if chinese else _english(text)


# English ------------------------------------------------------------------------------------------

def _words(n: str) -> str:
    value = float(n) if "." in n else int(n)
    out = num2words(value, lang="en")
    return out.replace(",", "").replace("-", " ").replace(" and ", " ")


def _english(text: str) -> str:
    t = text.replace("’", "'")
    t = re.sub(r"\s*(?:>|→|->|»)\s*", " then ", t)  # a menu path read aloud: "settings then security"
    t = re.sub(r"([£$€¥])\s?(\d[\d,]*(?:\.\d+)?)",
               lambda m: f"{m.group(2)} {_CURRENCY[m.group(1)]}", t)
    t = re.sub(r"(\d)\s*%", r"\1 percent", t)
    t = re.sub(r"\b(\d{1,2}):(\d{2})\b",
               lambda m: f"{m.group(1)} {'' if m.group(2) == '00' else m.group(2)}", t)
    t = re.sub(r"\b(\d{1,2})\s*([ap])\.?m\.?\b", r"\1 \2 m", t, flags=re.IGNORECASE)
    t = re.sub(r"\b(\d+)(st|nd|rd|th)\b",
               lambda m: num2words(int(m.group(1)), to="ordinal").replace("-", " "), t)
    t = re.sub(r"\d[\d,]*(?:\.\d+)?", lambda m: f" {_words(m.group(0).replace(',', ''))} ", t)
    t = t.lower()
    t = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", t)  # quotes, not apostrophes inside words
    t = re.sub(r"[^a-z0-9' ]+", " ", t)
    return " ".join(t.split())


# Chinese ------------------------------------------------------------------------------------------

_ZH_DIGIT = "零一二三四五六七八九"


def _zh_number(digits: str, before: str) -> str:
    """Card, phone and reference digits one by one; quantities, times and dates as numerals."""
    if before in ("尾号", "卡号", "编号", "电话", "号码", "单号") or (len(digits) >= 5 and "." not in digits):
        return "".join(_ZH_DIGIT[int(c)] for c in digits if c.isdigit())
    return str(cn2an.an2cn(digits, "low"))


def _zh_clock(m: re.Match[str]) -> str:
    minutes = "" if m.group(2) == "00" else m.group(2) + "分"
    return f"{m.group(1)}点{minutes}"


def _zh_digits(m: re.Match[str]) -> str:
    return _zh_number(m.group(0).replace(",", ""), m.string[max(0, m.start() - 2):m.start()])


def _chinese(text: str) -> str:
    text = re.sub(r"[”\"’」]\s*(?:—+|-+|>|→)\s*[“\"‘「]", "再点", text)  # “我的”—“安全中心”: 我的再点安全中心
    t = re.sub(r"([£$€¥])\s?(\d[\d,]*(?:\.\d+)?)", lambda m: f"{m.group(2)}元", text)
    t = re.sub(r"(\d+(?:\.\d+)?)\s*%", lambda m: "百分之" + m.group(1), t)
    t = re.sub(r"(\d{1,2}):(\d{2})", _zh_clock, t)
    t = re.sub(r"\d+(?:,\d{3})*(?:\.\d+)?", _zh_digits, t)
    t = re.sub(r"[^\w\u3400-\u9fff]+", " ", t)
    words: list[str] = []
    for chunk in t.split():
        if _CJK.search(chunk):
            words += [w for w in jieba.lcut(chunk) if w.strip()]
        else:
            words.append(chunk.lower())
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--field", default="reply", help="the field holding the text (default: reply)")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with args.target.open("w", encoding="utf-8") as out:
        for row in rows:
            row[args.field] = spoken_form(row[args.field], row.get("lang"))
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
