"""Translated names for the domain's ids: categories, outcomes, dimensions, rubric items.

Every string is a literal inside ``QCoreApplication.translate`` so ``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication


def category(cid: str) -> str:
    return {
        "service_quality": QCoreApplication.translate("Labels", "Service quality"),
        "communication": QCoreApplication.translate("Labels", "Communication"),
        "system_failure": QCoreApplication.translate("Labels", "System failure"),
        "staff_attitude": QCoreApplication.translate("Labels", "Staff attitude"),
        "policy_market": QCoreApplication.translate("Labels", "Policy and market"),
    }.get(cid, cid)


def outcome(oid: str | None) -> str:
    return {
        "resolved": QCoreApplication.translate("Labels", "Resolved"),
        "escalated": QCoreApplication.translate("Labels", "Escalated"),
        "walked_out": QCoreApplication.translate("Labels", "Walked out"),
        "stopped": QCoreApplication.translate("Labels", "Stopped early"),
        "unfinished": QCoreApplication.translate("Labels", "Interrupted"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "finished": QCoreApplication.translate("Labels", "Finished"),
    }.get(oid or "", oid or "")


def dimension(did: str) -> str:
    return {
        "empathy": QCoreApplication.translate("Labels", "Empathy"),
        "clarity": QCoreApplication.translate("Labels", "Clarity"),
        "solution": QCoreApplication.translate("Labels", "Solution"),
    }.get(did, did)


def language(code: str) -> str:
    return {"en": "English", "zh-CN": "简体中文"}.get(code, code)


def role(role_id: str) -> str:
    return {
        "trainee": QCoreApplication.translate("Labels", "Trainee"),
        "trainer": QCoreApplication.translate("Labels", "Trainer"),
        "hr_admin": QCoreApplication.translate("Labels", "HR administrator"),
    }.get(role_id, role_id)


def difficulty(level: int) -> str:
    return {
        1: QCoreApplication.translate("Labels", "Easy"),
        2: QCoreApplication.translate("Labels", "Medium"),
        3: QCoreApplication.translate("Labels", "Hard"),
    }.get(level, str(level))


def item(item_id: str) -> str:
    """A rubric item's short name."""
    if item_id.startswith("step:"):
        return QCoreApplication.translate("Labels", "Scenario step")
    return {
        "acknowledge_feeling": QCoreApplication.translate("Labels", "Acknowledges the feeling"),
        "apology": QCoreApplication.translate("Labels", "Apologises"),
        "validate_expectation": QCoreApplication.translate("Labels", "Validates the expectation"),
        "ownership": QCoreApplication.translate("Labels", "Takes ownership"),
        "courtesy": QCoreApplication.translate("Labels", "Courteous words"),
        "blame": QCoreApplication.translate("Labels", "Blames the customer"),
        "dismissal": QCoreApplication.translate("Labels", "Dismisses the customer"),
        "defensive": QCoreApplication.translate("Labels", "Hides behind rules or systems"),
        "cancelled_apology": QCoreApplication.translate("Labels", "Apology cancelled by “but”"),
        "conditional_apology": QCoreApplication.translate("Labels", "Conditional apology"),
        "concrete_specifics": QCoreApplication.translate("Labels", "Concrete specifics"),
        "more_specifics": QCoreApplication.translate("Labels", "More than one specific"),
        "steps_in_order": QCoreApplication.translate("Labels", "Steps in order"),
        "checks_understanding": QCoreApplication.translate("Labels", "Checks understanding"),
        "plain_and_short": QCoreApplication.translate("Labels", "Plain and short"),
        "jargon": QCoreApplication.translate("Labels", "Unexplained jargon"),
        "vague_promise": QCoreApplication.translate("Labels", "Vague promise"),
        "filler": QCoreApplication.translate("Labels", "Fillers and hedges"),
        "run_on": QCoreApplication.translate("Labels", "Run-on sentence"),
        "acknowledge_first": QCoreApplication.translate("Labels", "Acknowledges before solving"),
        "solved_before_acknowledging": QCoreApplication.translate("Labels", "Solves before acknowledging"),
        "clarify_details": QCoreApplication.translate("Labels", "Asks for the details"),
        "concrete_action": QCoreApplication.translate("Labels", "Concrete action"),
        "complete_plan": QCoreApplication.translate("Labels", "A complete plan"),
        "time_frame": QCoreApplication.translate("Labels", "Time frame"),
        "follow_up": QCoreApplication.translate("Labels", "Follow-up or escalation"),
        "forbidden_phrase": QCoreApplication.translate("Labels", "Forbidden phrase"),
        "asks_for_pin": QCoreApplication.translate("Labels", "Asks for a PIN or password"),
        "asks_for_secret": QCoreApplication.translate("Labels", "Asks for a PIN, password or code"),
        "other_customer_data": QCoreApplication.translate("Labels", "Discloses another customer's data"),
        "impossible_promise": QCoreApplication.translate("Labels", "Promises what the bank cannot"),
    }.get(item_id, item_id)


def assignment_status(status: str) -> str:
    return {
        "not_started": QCoreApplication.translate("Labels", "not started"),
        "in_progress": QCoreApplication.translate("Labels", "in progress"),
        "passed": QCoreApplication.translate("Labels", "passed"),
        "overdue": QCoreApplication.translate("Labels", "overdue"),
    }.get(status, status)


def central_as_of(stamp: str | None) -> str:
    """The line that says a view reads the central record and as of when (``stamp``: the end of
    the last pull; "" for never); "" when it reads this PC's own database (``None``)."""
    if stamp is None:
        return ""
    when = (datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M") if stamp
            else QCoreApplication.translate("Labels", "never synced yet"))
    return QCoreApplication.translate(
        "Labels", "From the central server's record, as of the last sync ({when}).").format(when=when)
