"""Which practice an export or a report covers: a period and optional filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from trainer.domain.scenario import DIMENSIONS

__all__ = ["DIMENSIONS", "ExportFilter", "day_start"]


def day_start(day: date) -> str:
    """The start of a local day as a stored UTC stamp."""
    local = datetime.combine(day, time.min).astimezone()
    return local.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class ExportFilter:
    """Sessions started between two local dates (both included), optionally one team, trainee
    or scenario category."""

    date_from: date
    date_to: date
    team: str | None = None
    trainee: str | None = None
    category: str | None = None

    def utc_bounds(self) -> tuple[str, str]:
        """The period as stored UTC stamps: [start of date_from, start of the day after date_to)."""
        return day_start(self.date_from), day_start(self.date_to + timedelta(days=1))

    def parameters(self) -> dict[str, Any]:
        """The named parameters of the storage's period queries (``storage.records.WHERE``)."""
        start, end = self.utc_bounds()
        return {"start": start, "end": end, "team": self.team, "trainee": self.trainee,
                "category": self.category}
