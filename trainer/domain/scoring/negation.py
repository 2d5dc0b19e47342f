"""Negated key words: "this is not your fault", "we will never ask for your PIN", "我不能保证".

A learned detector reads what a clause does, but a clause that names a fault, a secret or a
promise only to deny it is easy to misread, and misreading it costs a trainee the most trust (a
false critical fail). An item or fail marked ``negatable`` in the rubric is not shown by a clause
in which every one of its key words comes right after a negation (the rubric's ``negation``
patterns, each anchored to the end of the text before the key word: the words between are
bounded, and a comma or a full stop ends the reach).
"""

from __future__ import annotations

import re


def all_negated(key_words: re.Pattern[str] | None, negation: re.Pattern[str] | None, text: str) -> bool:
    """Does ``text`` hold key words, each of them negated? (No key words: ``False``, the detector
    decides.)"""
    if key_words is None or negation is None:
        return False
    found = [m for m in key_words.finditer(text) if m.end() > m.start()]
    return bool(found) and all(negation.search(text[max(0, m.start() - 60):m.start()]) for m in found)
