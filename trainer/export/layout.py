"""How the CSV and XLSX exports read: for a person (the default), or for a machine.

The database gives every table in its *machine* layout: snake_case columns, codes
(``walked_out``, ``system_failure``), numbers at full precision and times as stored UTC ISO
stamps. That is what ``--machine`` writes, for a learning-management system or a script.

The *readable* layout has the same columns in the same order, for a person opening the file in a
spreadsheet, in English or Simplified Chinese: column names in that language; outcomes, causes,
languages, input modes and difficulties in words; averages rounded to one decimal; times in the
local time zone (``2026-11-28 14:05``; real date-times in a workbook); yes and no as Yes/No
(是/否); a level by its name in that language. ``docs/cli.md`` lists both, column by column
(a test keeps it in step with :data:`HEADINGS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from trainer.domain.scenario import DIMENSIONS

Table = Literal["summary", "sessions", "replies", "audit", "assignments"]
Kind = Literal["text", "number", "average", "stamp", "yes_no", "level", "outcome", "category", "language",
               "input_mode", "difficulty", "assignment_status"]
LANGUAGES = ("en", "zh-CN")

#: A workbook's number formats: averages with one decimal, times as the local date and minute.
AVERAGE_FORMAT = "0.0"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
_MINUTE = "%Y-%m-%d %H:%M"

_DIMENSION = {"en": {"empathy": "Empathy", "clarity": "Clarity", "solution": "Solution"},
              "zh-CN": {"empathy": "同理心", "clarity": "清晰度", "solution": "解决方案"}}

#: Words for the codes, by kind and language (the same words as the app's interface).
WORDS: dict[str, dict[str, dict[Any, str]]] = {
    "outcome": {
        "en": {"resolved": "Resolved", "escalated": "Escalated", "walked_out": "Walked out",
               "stopped": "Stopped early", "unfinished": "Interrupted", "in_progress": "In progress",
               "finished": "Finished"},
        "zh-CN": {"resolved": "已解决", "escalated": "已升级处理", "walked_out": "客户离开",
                  "stopped": "提前结束", "unfinished": "意外中断", "in_progress": "进行中",
                  "finished": "已完成"},
    },
    "category": {
        "en": {"service_quality": "Service quality", "communication": "Communication",
               "system_failure": "System failure", "staff_attitude": "Staff attitude",
               "policy_market": "Policy and market"},
        "zh-CN": {"service_quality": "服务质量", "communication": "沟通问题", "system_failure": "系统故障",
                  "staff_attitude": "员工态度", "policy_market": "政策与市场"},
    },
    "language": {"en": {"en": "English", "zh-CN": "Chinese"}, "zh-CN": {"en": "英文", "zh-CN": "中文"}},
    "input_mode": {"en": {"typed": "Typed", "spoken": "Spoken"},
                   "zh-CN": {"typed": "打字", "spoken": "语音"}},
    "difficulty": {"en": {1: "Easy", 2: "Medium", 3: "Hard"}, "zh-CN": {1: "简单", 2: "中等", 3: "困难"}},
    "yes_no": {"en": {True: "Yes", False: "No"}, "zh-CN": {True: "是", False: "否"}},
    "assignment_status": {
        "en": {"not_started": "Not started", "in_progress": "In progress", "passed": "Passed",
               "overdue": "Overdue"},
        "zh-CN": {"not_started": "未开始", "in_progress": "进行中", "passed": "已通过", "overdue": "已逾期"},
    },
}


@dataclass(frozen=True)
class Heading:
    kind: Kind
    en: str
    zh: str

    def name(self, language: str) -> str:
        return self.zh if language == "zh-CN" else self.en


def _h(kind: Kind, en: str, zh: str) -> Heading:
    return Heading(kind, en, zh)


_SESSION = {
    "session_id": _h("number", "Session no.", "练习编号"),
    "trainee": _h("text", "Trainee", "学员"),
    "team": _h("text", "Team", "团队"),
    "scenario_id": _h("text", "Scenario id", "情景编号"),
    "scenario_title": _h("text", "Scenario", "情景"),
    "category": _h("category", "Cause", "原因"),
    "language": _h("language", "Language", "语言"),
    "difficulty": _h("difficulty", "Difficulty", "难度"),
    "started_at": _h("stamp", "Started", "开始时间"),
    "ended_at": _h("stamp", "Ended", "结束时间"),
    "outcome": _h("outcome", "Outcome", "结果"),
}


def _per_dimension(make: Mapping[str, tuple[Kind, str, str]]) -> dict[str, Heading]:
    """``make``: a key template (``avg_{d}``) -> kind and English and Chinese templates, filled
    for each dimension (``{D}`` its English name, ``{d_en}`` in lower case, ``{Z}`` its Chinese)."""
    out = {}
    for d in DIMENSIONS:
        en, zh = _DIMENSION["en"][d], _DIMENSION["zh-CN"][d]
        for key, (kind, en_text, zh_text) in make.items():
            out[key.format(d=d)] = _h(kind, en_text.format(D=en, d_en=en.lower()), zh_text.format(Z=zh))
    return out


#: Every column of every table: its kind (how its values read) and its English and Chinese names.
HEADINGS: dict[Table, dict[str, Heading]] = {
    "replies": {
        **{k: v for k, v in _SESSION.items() if k != "difficulty"},
        "reply_number": _h("number", "Reply no.", "回复序号"),
        "customer_line": _h("text", "Customer said", "客户的话"),
        "reply": _h("text", "Reply", "回复"),
        "input_mode": _h("input_mode", "Typed or spoken", "输入方式"),
        **_per_dimension({"{d}": ("number", "{D}", "{Z}")}),
        "overall": _h("number", "Overall", "总分"),
        "critical_count": _h("number", "Critical fails", "严重失误"),
        **_per_dimension({"avg_{d}": ("average", "Session {d_en} (automatic)",
                                      "本次练习{Z}（自动评分）")}),
        **_per_dimension({"override_{d}": ("number", "Session {d_en} (override)",
                                           "本次练习{Z}（培训师调整）"),
                          "override_{d}_comment": ("text", "{D} override: by and why",
                                                   "{Z}调整：调整人与理由")}),
    },
    "sessions": {
        **_SESSION,
        "replies": _h("number", "Replies", "回复数"),
        "final_mood": _h("number", "Final mood (100 = furious)", "最终情绪（100 = 非常愤怒）"),
        "critical_fails": _h("number", "Critical fails", "严重失误"),
        "avg_overall": _h("average", "Overall (automatic)", "总分（自动评分）"),
        **_per_dimension({"avg_{d}": ("average", "{D} (automatic)", "{Z}（自动评分）"),
                          "override_{d}": ("number", "{D} (override)", "{Z}（培训师调整）")}),
    },
    "summary": {
        "trainee": _h("text", "Trainee", "学员"),
        "team": _h("text", "Team", "团队"),
        "level": _h("level", "Level", "等级"),
        "points": _h("number", "Points", "积分"),
        "certified": _h("yes_no", "Certified", "已认证"),
        "sessions": _h("number", "Sessions", "练习次数"),
        "replies": _h("number", "Replies", "回复数"),
        **_per_dimension({"avg_{d}": ("average", "{D} (automatic)", "{Z}（自动评分）"),
                          "with_overrides_{d}": ("average", "{D} (with overrides)", "{Z}（含培训师调整）")}),
        "critical_fails": _h("number", "Critical fails", "严重失误"),
        "resolved": _h("number", "Resolved", "已解决"),
        "escalated": _h("number", "Escalated", "已升级处理"),
        "walked_out": _h("number", "Walked out", "客户离开"),
        "overrides": _h("number", "Overrides", "调整次数"),
    },
    "audit": {"audit_log_chain_head": _h("text", "Audit log chain head", "审计日志链头")},
    "assignments": {
        "assignment_id": _h("number", "Assignment no.", "任务编号"),
        "situation": _h("text", "Situation", "情景"),
        "assigned_to": _h("text", "Assigned to", "布置对象"),
        "trainee": _h("text", "Trainee", "学员"),
        "due": _h("text", "Due", "截止日期"),
        "pass_mark": _h("number", "Pass mark", "及格分"),
        "status": _h("assignment_status", "Status", "状态"),
        "best_overall": _h("average", "Best overall", "最高总分"),
        "late": _h("yes_no", "Passed late", "逾期后通过"),
        "assigned_by": _h("text", "Assigned by", "布置人"),
    },
}

#: The workbook's sheets, by table: their names in the machine layout (English) and in Chinese.
SHEETS: dict[Table, tuple[str, str]] = {"summary": ("Summary", "汇总"), "sessions": ("Sessions", "练习记录"),
                                        "replies": ("Replies", "回复"), "audit": ("Audit", "审计"),
                                        "assignments": ("Assignments", "布置的练习")}


def sheet_name(table: Table, language: str, machine: bool) -> str:
    en, zh = SHEETS[table]
    return zh if language == "zh-CN" and not machine else en


@dataclass(frozen=True)
class Laid:
    """A table ready to write: its column names, its rows and (for a workbook) each column's
    number format (``None``: the spreadsheet's own)."""

    columns: list[str]
    rows: Iterable[Sequence[Any]]
    formats: list[str | None]


def lay_out(table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, machine: bool,
            language: str = "en", workbook: bool = False, levels: Mapping[str, str] | None = None) -> Laid:
    """The table as it is written. ``machine``: exactly as the database gives it. Otherwise
    readable in ``language``; ``workbook``: times as date-times (a CSV has them as text);
    ``levels``: each level's Chinese name, by its English one."""
    if machine:
        return Laid(list(columns), rows, [None] * len(columns))
    # (a column without a heading would keep its machine name; the tests see that none has)
    headings = [HEADINGS[table].get(c) or Heading("text", c, c) for c in columns]
    kinds = [h.kind for h in headings]
    formats = [AVERAGE_FORMAT if k == "average" else DATE_FORMAT if k == "stamp" and workbook else None
               for k in kinds]
    zh = language == "zh-CN"
    words = {kind: WORDS[kind]["zh-CN" if zh else "en"] for kind in WORDS}
    level_words = dict(levels or {}) if zh else {}
    local_time = _workbook_time if workbook else _text_time
    times: dict[str, Any] = {}  # a session's replies share its times (a cache for this export only)

    def stamp(text: str) -> Any:
        if text not in times:
            if len(times) > 4096:
                times.clear()
            times[text] = local_time(text)
        return times[text]

    def convert(kind: Kind) -> Callable[[Any], Any] | None:
        """How a value of ``kind`` reads (``None``: as it is)."""
        if kind in ("text", "number"):
            return None
        if kind == "average":
            return lambda v: round(v, 1) if isinstance(v, int | float) else v
        if kind == "stamp":
            return lambda v: stamp(v) if isinstance(v, str) else v
        if kind == "level":
            return lambda v: level_words.get(v) or v
        if kind == "yes_no":
            yes_no = words["yes_no"]
            return lambda v: yes_no.get(bool(v), v) if isinstance(v, bool | int) else v
        table_words = words[kind]
        return lambda v: table_words.get(v, v) if v is not None else v

    converters = [convert(k) for k in kinds]

    def laid() -> Iterator[list[Any]]:
        for row in rows:
            yield [v if f is None else f(v) for f, v in zip(converters, row, strict=True)]

    return Laid([h.name(language) for h in headings], laid(), formats)


def _workbook_time(stamp: str) -> datetime | str:
    """A stored UTC stamp as the local wall-clock time a workbook shows (it has no time zones)."""
    try:
        return datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None)
    except ValueError:
        return stamp


def _text_time(stamp: str) -> str:
    """A stored UTC stamp as the local time, to the minute: ``2026-11-28 14:05``."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime(_MINUTE)
    except ValueError:
        return stamp
