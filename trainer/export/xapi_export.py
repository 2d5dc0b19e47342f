"""xAPI statements (JSON) for a learning-management system: one statement a finished session.

Each statement says that the trainee *completed* the scenario (an xAPI "simulation" activity),
with ``result.success`` true when the customer left calmed (outcome ``resolved``), the overall
score scaled to 0..1, and every dimension's automatic score and trainer override in a result
extension. The trainee is an account on the organisation's home page named by the trainee's own
UUID (``trainees.uuid``: never their name, which may change, nor a number another database
reuses). Statement ids are derived from the home page, that UUID and the session id, so a
re-export of the same period is recognised by the LMS as the same statements, and two branches'
databases never make the same id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer import __version__
from trainer.domain.xapi import DEFAULT_PLATFORM
from trainer.export.atomic import atomic_output
from trainer.export.selection import DIMENSIONS

COMPLETED = {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
XAPI_VERSION = "1.0.3"
OUTCOMES = ("resolved", "escalated", "walked_out")


def default_platform() -> str:
    """The platform statements name when the branch has set none: this program and its version."""
    return f"{DEFAULT_PLATFORM} {__version__}"


def statements(columns: Sequence[str], rows: Iterable[Sequence[Any]], home_page: str,
               platform: str | None = None) -> Iterator[dict[str, Any]]:
    """One statement per finished session row (``Records.session_rows`` with the trainee's
    UUID); sessions still in progress, stopped by the trainee or cut off did not complete, so
    they make no statement."""
    base = home_page.rstrip("/")
    platform = platform or default_platform()
    for row in rows:
        s = dict(zip(columns, row, strict=True))
        if s["outcome"] not in OUTCOMES:
            continue
        language = "zh-CN" if s["language"] == "zh-CN" else "en-US"
        scores = {d: {"automatic": s[f"avg_{d}"], "override": s[f"override_{d}"]} for d in DIMENSIONS}
        statement: dict[str, Any] = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL,
                                 f"{base}/trainees/{s['trainee_uuid']}/sessions/{s['session_id']}")),
            "actor": {"objectType": "Agent", "name": s["trainee"],
                      "account": {"homePage": base, "name": s["trainee_uuid"]}},
            "verb": COMPLETED,
            "object": {
                "objectType": "Activity",
                "id": f"{base}/scenarios/{s['scenario_id']}",
                "definition": {"type": SIMULATION, "name": {language: s["scenario_title"]}},
            },
            "result": {
                "completion": True,
                "success": s["outcome"] == "resolved",
                "score": {"scaled": round((s["avg_overall"] or 0) / 100, 4),
                          "raw": round(s["avg_overall"] or 0, 1), "min": 0, "max": 100},
                "extensions": {
                    f"{base}/xapi/outcome": s["outcome"],
                    f"{base}/xapi/scores": scores,
                    f"{base}/xapi/critical-fails": s["critical_fails"] or 0,
                    f"{base}/xapi/replies": s["replies"],
                },
            },
            "context": {
                "platform": platform,
                "language": language,
                "extensions": {f"{base}/xapi/team": s["team"] or "",
                               f"{base}/xapi/category": s["category"]},
            },
            "timestamp": s["started_at"],
            "version": XAPI_VERSION,
        }
        duration = _duration(s["started_at"], s["ended_at"])
        if duration:
            statement["result"]["duration"] = duration
        yield statement


def write_xapi(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]], home_page: str,
               platform: str | None = None) -> int:
    """A JSON array of statements, streamed; returns how many."""
    count = 0
    with atomic_output(path) as temporary, temporary.open("w", encoding="utf-8") as out:
        out.write("[")
        for statement in statements(columns, rows, home_page, platform):
            out.write(",\n" if count else "\n")
            out.write(json.dumps(statement, ensure_ascii=False))
            count += 1
        out.write("\n]\n")
    return count


def _duration(started: str | None, ended: str | None) -> str | None:
    """ISO 8601 duration (PT…S) between two stored stamps, or None when unknown."""
    if not started or not ended:
        return None
    try:
        seconds = (datetime.fromisoformat(ended) - datetime.fromisoformat(started)).total_seconds()
    except ValueError:
        return None
    return f"PT{max(seconds, 0):.2f}S"
