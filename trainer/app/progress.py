"""Progress and the incentive scheme: a trainee's dashboard, leaderboards, the coaching view and
the history of sessions; each checks the caller's rights when it shows someone else's data."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from trainer.app.views import AttentionRow, Dashboard, HistoryPage, LeaderboardRow, display_name
from trainer.domain.errors import NotFound
from trainer.domain.incentives import (
    Progress,
    SessionFact,
    evaluate,
    needs_attention,
    period_start,
)
from trainer.domain.scenario import Scenario

if TYPE_CHECKING:
    from trainer.app.context import App

HISTORY_PAGE = 200
"""Sessions a history page shows at once; the rest are fetched as the list scrolls."""


class ProgressService:
    def __init__(self, app: App) -> None:
        self._app = app

    def dashboard(self, trainee_id: int, today: date | None = None) -> Dashboard:
        who = self._app.accounts.caller()
        if who is not None and who.trainee_id != trainee_id:
            who.require("coach", "see another trainee's progress")
        repo = self._app.repo
        trainee = repo.trainee_row(trainee_id)
        if trainee is None:
            raise NotFound("there is no trainee {id}", id=trainee_id)
        facts = repo.session_facts(trainee_id)
        progress = evaluate(facts, self._app.rules, today or date.today())
        notes = repo.coaching_notes(trainee_id, limit=5)
        return Dashboard(trainee, progress, self._recommend(progress, facts), self._app.rules_source, notes)

    def _recommend(self, progress: Progress, facts: list[SessionFact]) -> Scenario | None:
        """A scenario in the weakest category, at the right difficulty, not the one just played."""
        catalog = self._app.catalog
        _dimension, category = progress.weakest
        level = 1 + min(2, progress.sessions // 5)
        last = facts[-1].scenario_id if facts else None
        played = {f.scenario_id for f in facts}
        candidates = [s for s in catalog if category is None or s.category == category] or list(catalog)
        ranked = sorted(candidates,
                        key=lambda s: (s.id == last, abs(s.difficulty - level), s.id in played, s.id))
        return ranked[0] if ranked else None

    def leaderboard(self, team: str | None, period: str, today: date | None = None) -> list[LeaderboardRow]:
        """Trainees of a team (or everyone) by points in the period: stored per session, summed
        in the database (see ``storage.standings``). Any signed-in account may see it."""
        self._app.accounts.caller()
        since = period_start(period, today or date.today())  # type: ignore[arg-type]
        self.refresh_points()
        rows = self._app.standings.points(team, local_midnight_utc(since) if since else None)
        trainees = {t["id"]: t for t in self._app.repo.trainees(team)}
        ranked = sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))
        return [LeaderboardRow(i + 1, tid, display_name(trainees[tid]), trainees[tid]["team"], pts, n)
                for i, (tid, pts, n) in enumerate(ranked) if tid in trainees]

    def refresh_points(self) -> None:
        """Store the points of sessions that have none under the point rules in force (all of
        them, once, after the rules change): leaderboards and reports add them up in SQL."""
        self._app.standings.refresh_points(self._app.rules.points)

    def coaching(self, team: str | None = None, today: date | None = None) -> list[AttentionRow]:
        """Trainees who need a trainer's attention, most reasons first: each judged on their newest
        sessions only (what the attention rules look at, added up in the database)."""
        self._app.accounts.require_unless_alone("coach", "open the coaching view")
        rules = self._app.rules.attention
        rows = []
        for t in self._app.standings.recent_practice(team, rules):
            attention = needs_attention(t.trainee_id, t.practice, rules, today or date.today())
            if attention is not None:
                rows.append(AttentionRow(t.trainee_id, t.name, t.team, attention.reasons, attention.detail))
        return sorted(rows, key=lambda r: (-len(r.reasons), r.name))

    def teams(self) -> list[str]:
        """The teams, for the leaderboard's filter: any signed-in account."""
        self._app.accounts.caller()
        return self._app.repo.teams()

    def history(self, trainee_id: int | None) -> list[dict[str, Any]]:
        """Past sessions, newest first, each with its number of turns and the trainee's name: only
        what the signed-in account may see (a trainee: their own)."""
        return self._app.repo.history(self._app.accounts.visible_trainee(trainee_id))

    def history_page(self, trainee_id: int | None, limit: int = HISTORY_PAGE, offset: int = 0) -> HistoryPage:
        """One page of :meth:`history` (newest first) and how many sessions there are in all."""
        trainee_id = self._app.accounts.visible_trainee(trainee_id)
        repo = self._app.repo
        return HistoryPage(repo.history(trainee_id, limit, offset), repo.session_count(trainee_id), offset)

    def history_for(self, trainee_name: str | None = None) -> list[dict[str, Any]]:
        """:meth:`history` for the command line: by trainee name."""
        self._app.accounts.caller()
        trainee_id = self._app.accounts.trainee_named(trainee_name) if trainee_name else None
        return self.history(trainee_id)


def local_midnight_utc(day: date) -> str:
    """The start of a local day as a stored UTC stamp."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).isoformat(timespec="milliseconds")
