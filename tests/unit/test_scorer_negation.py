"""What a clause denies is not what it says: negated secrets, faults and promises; the customer's
own money; a vague word next to a deadline; plain bank words (issue 12, found by the scenario
authors: "不用告诉我密码" was a PIN request, "not your fault" was blame, "I can't promise…" an
impossible promise, "the 2,000 yuan is still in your account" another customer's data).

Each family holds the fail and its honest opposite, so a rule that drops the fail altogether, or
keeps flagging the opposite, fails here.
"""

from __future__ import annotations

import pytest

from trainer.app.scoring import scorer_for
from trainer.domain.score import ReplyScore

SCORER = scorer_for()


def critical(text: str) -> set[str]:
    return {c.item for c in SCORER.score(text).critical}


def met(s: ReplyScore) -> set[str]:
    return {i.item for i in s.items if i.met}


# -- secrets ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "请您放心，我们不会问您密码，也不用告诉我密码，您自己在密码器上输入就行。",
    "您不需要把验证码告诉我，我这边看得到转账记录。",
    "验证码千万别告诉任何人，包括我们银行的员工。",
    "我们的工作人员从来不会问您要密码。",
    "There's no need to tell me your password, I can see the transfer from here.",
    "You don't need to give me the code, just keep it to yourself.",
    "Nobody at the bank will ever ask you for your PIN.",
    "we will never ask for ur pin or the code on the back",
])
def test_saying_a_secret_is_not_needed_is_not_asking_for_it(text: str) -> None:
    assert "asks_for_secret" not in critical(text)


@pytest.mark.parametrize("text", [
    "不好意思，麻烦您把手机上的验证码念一下。",
    "不好意思 麻烦 您 把 验证码 念 一下",
    "Don't worry, just read me the six digits we texted you.",
    "If you don't remember it, tell me your online banking password and I'll reset it.",
    "您别着急，把卡的密码告诉我，我帮您查。",
])
def test_a_request_after_a_negated_word_is_still_a_request(text: str) -> None:
    assert "asks_for_secret" in critical(text)


# -- blame ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "This is not your fault at all, we should have explained the fee more clearly.",
    "It isn't your fault, the letter went to your old address.",
    "You did nothing wrong here.",
    "这不是您的错，是我们没有提前通知您。",
    "这事不怪您，是系统升级没通知到位。",
])
def test_denying_the_customer_is_at_fault_is_not_blame(text: str) -> None:
    s = SCORER.score(text)
    assert "blame" not in {c.item for c in s.critical}
    assert "blame" not in met(s)


@pytest.mark.parametrize("text", [
    "Well, you should have upgraded the app when we told you to.",
    "It's your own fault for not reading the letter.",
    "谁让您不看短信的，这是您自己的问题。",
])
def test_blame_is_still_blame(text: str) -> None:
    assert "blame" in critical(text)


# -- promises -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I can't promise you'll get the money back, but I'll raise the dispute today.",
    "I won't guarantee the outcome; what I can do is file the claim now.",
    "There's no guaranteed return on this fund, the value can go down.",
    "结果我没法保证，但今天我就帮您提交争议。",
    "这个产品不保本，也不承诺收益，您要考虑清楚。",
])
def test_an_honest_non_promise_is_not_an_impossible_promise(text: str) -> None:
    assert "impossible_promise" not in critical(text)


@pytest.mark.parametrize("text", [
    "I promise you'll get every penny back, guaranteed.",
    "这个理财保证不亏，收益肯定有百分之五。",
])
def test_an_impossible_promise_is_still_one(text: str) -> None:
    assert "impossible_promise" in critical(text)


# -- another customer's data, and the customer's own ------------------------------------------------

@pytest.mark.parametrize("text", [
    "The 2,000 yuan is still in your account, it has not left.",
    "这笔交易比您平时的消费高很多，所以系统先拦截了。",
    pytest.param("Your transfer of 450 pounds to your landlord's account reached it on Monday.",
                 marks=pytest.mark.xfail(strict=True, reason="known: the detector reads the customer's own "
                                         "payment to a named third party as that person's data")),
    "您转出去的那笔四千五已经退回到您尾号的卡里了。",
])
def test_the_customers_own_money_is_not_another_customers_data(text: str) -> None:
    assert "other_customer_data" not in critical(text)


@pytest.mark.parametrize("text", [
    "Mrs Green from Hove had the same 500 pound charge this morning.",
    "隔壁开超市的刘总，他的流水比您还低，也批了五十万。",
])
def test_another_customers_data_is_still_a_fail(text: str) -> None:
    assert "other_customer_data" in critical(text)


# -- vague words, deadlines; jargon and plain words -------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'll call you back soon with the result, by 5pm today at the latest.",
    "We'll sort it out shortly, within ten minutes.",
    "我会尽快处理，最晚今天下午三点前给您回电话。",
])
def test_a_vague_word_beside_a_deadline_is_not_vague(text: str) -> None:
    s = SCORER.score(text)
    assert "vague_promise" not in met(s)
    assert "time_frame" in met(s)


@pytest.mark.parametrize("text", ["We'll look into it soon.", "我们会尽快处理的。"])
def test_a_vague_word_alone_is_still_vague(text: str) -> None:
    assert "vague_promise" in met(SCORER.score(text))


@pytest.mark.parametrize("text", [
    "我给您打印一份对账单，您可以看到每一笔扣费。",
    "I'll print your statement so you can see every fee.",
    "这笔交易比您平时的消费高很多，所以系统先拦截了。",
])
def test_everyday_bank_words_are_not_jargon(text: str) -> None:
    assert "jargon" not in met(SCORER.score(text))


@pytest.mark.parametrize("text", [
    "It's a T+1 settlement so it will post after the clearing cycle.",
    "这笔是T+1到账，目前还在清算中。",
    # said aloud: the recogniser prints acronyms in lower case and "T+1" as words
    "the decision was based on affordability metrics including dscr and ltv thresholds",
    "it settles t plus one after the clearing cycle",
    "这 笔 是 t 加 一 到账 目前 还 在 处理",
])
def test_unexplained_jargon_is_still_jargon(text: str) -> None:
    assert "jargon" in met(SCORER.score(text))


@pytest.mark.parametrize("text", [
    "tbh im really sorry about this, pls bring your card and i'll sort it today thx",
    "sorry about that you'll get the refund today by five pm",
])
def test_informal_words_with_no_vowel_are_not_jargon(text: str) -> None:
    assert "jargon" not in met(SCORER.score(text))


def test_explained_jargon_is_not_charged() -> None:
    assert "jargon" not in met(SCORER.score("It's T+1, which means the money arrives the next working day."))
