"""Replies in any form read as what was meant, with every change traceable to the trainee's words."""

from __future__ import annotations

import pytest

from trainer.domain.scoring.normalise import canonical, edit, normalise


@pytest.mark.parametrize(("heard", "meant"), [
    ("i'll call you at five p m today", "i'll call you at 5 pm today"),
    ("the refund of thirty five pounds arrives within ten minutes",
     "the refund of 35 pounds arrives within 10 minutes"),
    ("it's a hundred and twenty pounds", "it's 120 pounds"),
    ("see you at nine thirty a m", "see you at 9:30 am"),
    ("give me one minute", "give me 1 minute"),
    ("im so sorry thats awful", "I'm so sorry that's awful"),
    ("pls bring ur ID thx", "please bring your ID thanks"),
    ("您好 非常 抱歉 让 您 久等 了", "您好非常抱歉让您久等了"),
    ("我 帮 您 退 三千五百块", "我帮您退3500块"),
    ("退您三千五", "退您3500"),
    ("十分钟内到账", "10分钟内到账"),
    ("下午三点半前", "下午3点半前"),
    ("尾号六六八八的卡", "尾号6688的卡"),
    ("年化利率百分之三点五", "年化利率3.5%"),
])
def test_spoken_forms_read_as_meant(heard: str, meant: str) -> None:
    assert normalise(heard).text == meant


@pytest.mark.parametrize("text", [
    "one of us will help you", "first I'll check, then I'll call", "我一定帮您看一下",
    "万一有问题，我第一时间通知您", "十分抱歉", "I'm 100% sure it's 2 pm.",
])
def test_words_that_only_look_like_numbers_are_left_alone(text: str) -> None:
    assert normalise(text).text == text


def test_every_character_maps_back_to_the_original() -> None:
    original = "im so sorry i'll call you at five p m 您好 非常 抱歉 三千五百块"
    n = normalise(original)
    at = n.text.index("5 pm")
    start, end = n.span(at, at + len("5 pm"))
    assert original[start:end] == "five p m"
    at = n.text.index("3500块")
    start, end = n.span(at, at + len("3500块"))
    assert original[start:end] == "三千五百块"
    at = n.text.index("I'm")
    assert original[slice(*n.span(at, at + 3))] == "im"


def test_inserted_marks_map_to_no_words() -> None:
    n = normalise("sorry about that ill fix it")
    at = n.text.index(" I'll")
    marked = edit(n, [(at, at, ".")])
    assert marked.text == "sorry about that. I'll fix it"
    dot = marked.text.index(".")
    start, end = marked.span(dot, dot + 1)
    assert start == end  # an inserted mark covers none of the trainee's words
    whole = marked.span(0, len(marked.text))
    assert whole == (0, len("sorry about that ill fix it"))


def test_canonical_form_is_the_same_typed_or_spoken() -> None:
    typed = normalise("I'm so sorry, Ms Evans! I'll refund the £35 now.").text
    spoken = normalise("i'm so sorry ms evans i'll refund the £35 now").text
    assert canonical(typed) == canonical(spoken)
    assert canonical(normalise("非常抱歉，我现在就帮您退回3500元。").text) == \
        canonical(normalise("非常 抱歉 我 现在 就 帮 您 退回 三千五百 元").text)

