"""Judgements a fair trainer would sign: the kinds of reply that the pattern scorer got wrong.

Each case is a kind of failure found by trying the scorer as a new user would (issue 12); the
replies are not in the training corpus.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from trainer.app.scoring import scorer_for
from trainer.domain.dialogue import Dialogue
from trainer.domain.score import Context, ReplyScore
from trainer.library.catalog import load_catalog

from helpers import bundled

SCORER = scorer_for()


def score(text: str, **kwargs: Any) -> ReplyScore:
    return SCORER.score(text, **kwargs)


def met(s: ReplyScore) -> set[str]:
    return {i.item for i in s.items if i.met}


def critical(s: ReplyScore) -> set[str]:
    return {c.item for c in s.critical}


# -- bad replies earn nothing --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'm sorry, there's nothing I can do.",
    "I'll see what I can do at some point.",
    "Sorry, there's nothing we can do about that, it's the system.",
    "对不起，这个我也没有办法。",
    "我们会尽快处理的，到时候再说吧。",
])
def test_dismissals_and_vague_promises_earn_no_solution(text: str) -> None:
    s = score(text)
    assert s.solution == 0, [(i.item, i.text) for i in s.items if i.met]
    assert "concrete_action" not in met(s)


@pytest.mark.parametrize("text", ["/quit", "ok", "Calm down, it's just a card.", "好的", "嗯"])
def test_empty_or_dismissive_replies_earn_no_clarity(text: str) -> None:
    assert score(text).clarity == 0


@pytest.mark.parametrize("text", [
    "I'm not going to apologise for the bank's policy.",
    "Calm down, it's just a card.",
    "我不会道歉的，这是银行的规定。",
])
def test_refusing_or_dismissing_earns_no_empathy(text: str) -> None:
    s = score(text)
    assert s.empathy == 0
    assert "apology" not in met(s)


# -- critical fails by meaning ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Please share your PIN so I can verify the account.",
    "Could you read me the six-digit code we just texted you?",
    "Type your online banking password here and I'll check what's wrong.",
    "What are the three numbers on the back of your card?",
    "请把手机收到的验证码告诉我，我帮您核实。",
    "您的银行卡密码是多少？我帮您查一下。",
    "麻烦把网银登录密码发给我。",
])
def test_asking_for_a_secret_is_a_critical_fail_and_earns_no_solution(text: str) -> None:
    s = score(text)
    assert "asks_for_secret" in critical(s)
    assert s.solution == 0


@pytest.mark.parametrize("text", [
    "I'll never ask for your PIN, so please don't share it with anyone.",
    "Please enter your PIN on the keypad yourself; I can't see it.",
    "请勿向任何人透露短信验证码，我们的工作人员不会向您索要。",
    "请您在密码器上自己输入密码。",
])
def test_warnings_about_secrets_are_not_fails(text: str) -> None:
    assert "asks_for_secret" not in critical(score(text))


@pytest.mark.parametrize("text", [
    "The gentleman before you, Mr Patel, had the same problem with account 40112233.",
    "刚才那位王女士的账户余额也被扣了两次。",
])
def test_disclosing_another_customer_is_a_critical_fail(text: str) -> None:
    assert "other_customer_data" in critical(score(text))


@pytest.mark.parametrize("text", [
    "This fund is guaranteed to make money, you can't lose.",
    "这个理财产品稳赚不赔，您放心买。",
])
def test_impossible_promises_are_critical_fails(text: str) -> None:
    assert "impossible_promise" in critical(score(text))


@pytest.mark.parametrize("text", ["You should have told us you were travelling.",
                                  "您下次早点来就不用排队了。"])
def test_blame_is_a_critical_fail_and_costs_empathy(text: str) -> None:
    s = score(text)
    assert "blame" in critical(s)
    assert any(i.item == "blame" and i.points < 0 for i in s.items if i.met)


def test_a_harmless_should_have_is_not_blame() -> None:
    s = score("You should have received a text from us this morning with the new card's details.")
    assert not critical(s)


# -- instructions are solutions; hollow promises are not -----------------------------------------

@pytest.mark.parametrize("text", [
    "You can go to Settings, then Security, then Reset login, and choose a new password there.",
    "您可以打开手机银行，点“我的”—“安全中心”—“重置登录密码”，按提示操作就可以了。",
])
def test_instructions_the_customer_can_follow_are_a_solution(text: str) -> None:
    s = score(text)
    assert "concrete_action" in met(s)
    assert s.solution >= 35


@pytest.mark.parametrize("text", [
    "We will keep improving our services. Thank you for your feedback.",
    "我们会不断提升服务质量，感谢您的反馈。",
])
def test_hollow_promises_earn_no_solution(text: str) -> None:
    s = score(text)
    assert s.solution == 0
    assert "vague_promise" in met(s)


# -- the form of a reply is not its meaning -------------------------------------------------------

def test_informal_typing_keeps_its_apology_and_acknowledgement() -> None:
    s = score("im so sorry this happened to you thats really stressful")
    assert {"apology", "acknowledge_feeling"} <= met(s)
    assert s.empathy >= 50


@pytest.mark.parametrize(("typed", "spoken"), [
    ("I'm so sorry. I'll refund the £35 fee now and call you by 5 pm today.",
     "i'm so sorry i'll refund the thirty five pounds fee now and call you by five p m today"),
    ("非常抱歉让您久等了。我现在就帮您退回3500元，10分钟内到账。",
     "非常 抱歉 让 您 久等 了 我 现在 就 帮 您 退回 三千五百 元 十分钟 内 到账"),
])
def test_spoken_and_typed_forms_score_alike(typed: str, spoken: str) -> None:
    a, b = score(typed), score(spoken)
    for d in ("empathy", "clarity", "solution"):
        assert abs(getattr(a, d) - getattr(b, d)) <= 10, (d, getattr(a, d), getattr(b, d))
    assert "concrete_specifics" in met(b) and "time_frame" in met(b)


def test_pauses_are_sentence_boundaries() -> None:
    text = "i'm so sorry about the wait i'll check the payment now and call you back by five p m"
    pause = text.index(" i'll")
    s = score(text, context=Context(breaks=(pause,)))
    assert {"apology", "concrete_action"} <= met(s)
    assert "acknowledge_first" in met(s)


# -- evidence: honest colours, whole words, the scenario's own phrasings ---------------------------

def test_a_penalty_is_never_highlighted_in_a_reward_colour() -> None:
    from trainer.palette import COLOURS
    from trainer.ui.highlight import highlighted_html

    text = "You should have come earlier. I'm sorry for the wait."
    s = score(text)
    blame = next(i for i in s.items if i.item == "blame" and i.met)
    html = highlighted_html(text, s)
    assert f"color:{COLOURS['penalty']}; text-decoration: underline;\">{blame.text}" in html
    assert f"color:{COLOURS['empathy']}; text-decoration: underline;\">{blame.text}" not in html


@pytest.mark.parametrize("text", [
    "非常抱歉让您久等了，我马上请大堂经理过来帮您处理。",
    "不好意思，我现在就帮您把手续费退回去，今天下午五点前到账。",
])
def test_chinese_evidence_spans_whole_words(text: str) -> None:
    import jieba

    bounds = {0}
    for word in jieba.lcut(text, HMM=False):
        bounds.add(max(bounds) + len(word))
    for i in score(text).items:
        if i.met and i.start is not None and i.end is not None:
            assert i.start in bounds and i.end in bounds, (i.item, i.text)
            assert text[i.start:i.end] == i.text


def test_model_phrasings_come_from_the_scenario_or_name_no_facts() -> None:
    address = bundled("zh_new_id_rules")
    s = score("好的。", scenario=address, language="zh-CN")
    own_text = " ".join([t.model_answer for t in address.turns]
                        + [e for st in address.steps for e in st.examples])
    for i in s.items:
        if i.met or i.carried or not i.text:
            continue
        spec = SCORER.rubric.item(i.item)
        generic = spec.model.zh if spec is not None else None
        assert i.text in own_text or i.text == generic, (i.item, i.text)
    plain = score("ok")
    for i in plain.items:
        if not i.met and i.text:
            for fact in ("card", "200", "pounds", "transfer", "ATM"):
                assert fact not in i.text, (i.item, i.text)


# -- the whole conversation -------------------------------------------------------------------------

def test_a_later_reply_is_not_asked_to_apologise_again() -> None:
    first = score("I'm so sorry about this, I can see how worrying it is. I'll sort it out myself.")
    second_text = ("Thanks for waiting. I've traced the payment: "
                   "it will be back in your account by 3 pm today.")
    alone = score(second_text)
    later = score(second_text, context=Context(earlier=(first,)))
    assert later.empathy > alone.empathy
    assert later.empathy >= 40
    carried = {i.item for i in later.items if i.carried}
    assert {"apology", "acknowledge_feeling", "ownership"} <= carried
    assert any(sc.dimension == "empathy" for sc in later.scaling)
    # what is shown adds up to the score
    for d in ("empathy", "clarity", "solution"):
        assert getattr(later, d) == max(0, min(100, sum(i.points for i in later.items if i.dimension == d)))


@cache
def model_session(scenario_id: str) -> tuple[str, list[int]]:
    """Play a scenario with its own model answers, with the session's context: the outcome and
    each reply's overall score."""
    scenario = load_catalog().get(scenario_id)
    assert scenario is not None
    dialogue = Dialogue(scenario)
    overall = []
    while not dialogue.finished and dialogue.current is not None:
        turn = dialogue.current
        s = score(turn.model_answer, scenario=scenario, language=scenario.language,
                  context=Context(covered=dialogue.covered, turn_id=turn.id,
                                  earlier=tuple(e.score for e in dialogue.exchanges)))
        overall.append(s.overall)
        dialogue.reply(turn.model_answer, s)
    assert dialogue.ending is not None
    return dialogue.ending.outcome, overall


@pytest.mark.parametrize("scenario_id", [s.id for s in load_catalog()])
def test_a_session_of_model_answers_resolves_and_scores_well(scenario_id: str) -> None:
    outcome, overall = model_session(scenario_id)
    assert outcome == "resolved"
    assert sum(overall) / len(overall) >= 50, overall


def test_model_answer_sessions_average_well_above_the_old_48() -> None:
    scores = [x for s in load_catalog() for x in model_session(s.id)[1]]
    assert sum(scores) / len(scores) >= 65


def test_the_points_shown_add_up_and_any_scaling_is_explained() -> None:
    """Issue 15, item 16: on every scenario's model answers, in both languages, each dimension's
    score is the sum of the points shown for it, and where a shown item's points differ from the
    rubric's table there is a scaling line for that dimension saying why."""
    table = {spec.id: spec.points for spec in SCORER.rubric.items}
    checked = scaled = 0
    for scenario in load_catalog():
        for turn in scenario.turns:
            s = SCORER.score(turn.model_answer, scenario=scenario, language=scenario.language)
            checked += 1
            for d in ("empathy", "clarity", "solution"):
                shown = [i for i in s.items if i.dimension == d and i.met]
                assert getattr(s, d) == max(0, min(100, sum(i.points for i in shown))), (scenario.id, d)
                differs = [i for i in shown if i.item in table and i.points != table[i.item]]
                if differs:
                    scaled += 1
                    assert any(sc.dimension == d for sc in s.scaling), (scenario.id, turn.id, d, differs)
    assert checked > 30 and scaled > 0  # the rule was exercised
