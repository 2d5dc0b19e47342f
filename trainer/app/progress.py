"""Progress and the incentive scheme: a trainee's dashboard, leaderboards, the coaching view and
the history of sessions; each checks the caller's rights when it shows someone else's data.

On HR's and trainers' PCs a reviewer's leaderboard, coaching view and their drill-down read the
central record (``central_access``): its rows say so (``central``), and a history or a session of
it is asked for with ``central=True``, since its ids are not this PC's."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from trainer.app.views import (
    AttentionRow,
    Dashboard,
    HistoryPage,
    LeaderboardRow,
    Scope,
    Standing,
    display_name,
)
from trainer.domain.errors import InvalidInput, NotFound
from trainer.domain.incentives import (
    Progress,
    SessionFact,
    evaluate,
    needs_attention,
    period_start,
)
from trainer.domain.scenario import Scenario

if TYPE_CHECKING:
    from trainer.app.central_access import CentralAccess
    from trainer.app.context import App
    from trainer.storage.repository import Repository

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

    # -- the leaderboard and the coaching view: this PC's record, or the central one -------------

    @property
    def _central(self) -> CentralAccess:
        return self._app.central_access

    def record_as_of(self) -> str | None:
        """When the record the signed-in account's leaderboard, coaching view and drill-down read
        was last brought up to date: ``None`` when they read this PC's own database; "" for the
        central record never pulled yet; else the end of the last pull (``central_access``)."""
        return self._central.as_of() if self._central.in_use() else None

    def scopes(self) -> list[Scope]:
        """What the leaderboard's filter offers (besides everyone): this PC's teams, or the
        regions, branches and teams of the central record the account may see."""
        self._app.accounts.caller()
        if self._central.in_use():
            return self._central.scopes()
        return [Scope("team", t) for t in self._app.repo.teams()]

    def teams(self) -> list[str]:
        """The teams, for the leaderboard's filter: any signed-in account."""
        return [s.name for s in self.scopes() if s.kind == "team"]

    def leaderboard(self, team: str | Scope | None, period: str,
                    today: date | None = None) -> list[LeaderboardRow]:
        """Trainees of a team (or of a branch or region of the central record; ``None``: everyone
        the account may see) by points in the period: stored per session, summed in the database
        (see ``storage.standings``). Any signed-in account may see it; a reviewer's on HR's and
        trainers' PCs ranks the central record (``central_access``)."""
        self._app.accounts.caller()
        since = period_start(period, today or date.today())  # type: ignore[arg-type]
        central = self._central.in_use()
        if central:
            own_team, teams = None, self._central.teams_for(_scope(team))
            standings, repo = self._central.standings, self._central.repo
        else:
            own_team, teams, standings, repo = _own_team(team), None, self._app.standings, self._app.repo
        standings.refresh_points(self._app.rules.points)
        rows = standings.points(own_team, local_midnight_utc(since) if since else None, teams)
        trainees = {t["id"]: t for t in repo.trainees(own_team, teams)}
        ranked = sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))
        return [LeaderboardRow(i + 1, tid, display_name(trainees[tid]), trainees[tid]["team"], pts, n,
                               central) for i, (tid, pts, n) in enumerate(ranked) if tid in trainees]

    def refresh_points(self) -> None:
        """Store the points of sessions that have none under the point rules in force (all of
        them, once, after the rules change): leaderboards and reports add them up in SQL."""
        self._app.standings.refresh_points(self._app.rules.points)

    def coaching(self, team: str | Scope | None = None, today: date | None = None) -> list[AttentionRow]:
        """Trainees who need a trainer's attention, most reasons first: each judged on their newest
        sessions only (what the attention rules look at, added up in the database). On HR's and
        trainers' PCs, those of the central record the account may see."""
        self._app.accounts.require_unless_alone("coach", "open the coaching view")
        rules = self._app.rules.attention
        central = self._central.in_use()
        if central:
            teams = self._central.teams_for(_scope(team))
            practice = self._central.standings.recent_practice(None, rules, teams)
        else:
            practice = self._app.standings.recent_practice(_own_team(team), rules)
        rows = []
        for t in practice:
            attention = needs_attention(t.trainee_id, t.practice, rules, today or date.today())
            if attention is not None:
                rows.append(AttentionRow(t.trainee_id, t.name, t.team, attention.reasons, attention.detail,
                                         central))
        return sorted(rows, key=lambda r: (-len(r.reasons), r.name))

    # -- history: drilled down from them, or a trainee's own -----------------------------------------

    def history(self, trainee_id: int | None, *, central: bool = False) -> list[dict[str, Any]]:
        """Past sessions, newest first, each with its number of turns and the trainee's name: only
        what the signed-in account may see (a trainee: their own). ``central``: ``trainee_id`` is
        the central record's, and so are the sessions (a reviewer's, on HR's and trainers' PCs)."""
        repo, trainee_id, teams = self._whose(trainee_id, central)
        return repo.history(trainee_id, teams=teams)

    def history_page(self, trainee_id: int | None, limit: int = HISTORY_PAGE, offset: int = 0, *,
                     central: bool = False, today: date | None = None) -> HistoryPage:
        """One page of :meth:`history` (newest first) and how many sessions there are in all; the
        first page of one trainee's also gives their level, points and certification."""
        repo, trainee_id, teams = self._whose(trainee_id, central)
        standing = None
        row = repo.trainee_row(trainee_id) if trainee_id is not None and offset == 0 else None
        if row is not None:
            progress = evaluate(repo.session_facts(int(row["id"])), self._app.rules, today or date.today())
            standing = Standing(str(row["name"]), str(row.get("team") or ""), progress)
        return HistoryPage(repo.history(trainee_id, limit, offset, teams),
                           repo.session_count(trainee_id, teams), offset,
                           self._central.as_of() if central else None, standing)

    def _whose(self, trainee_id: int | None,
               central: bool) -> tuple[Repository, int | None, list[str] | None]:
        """Where a history is read, of whom, and (everyone's in the central record) of which teams."""
        if central:
            trainee_id, teams = self._central.history_of(trainee_id)
            return self._central.repo, trainee_id, teams
        return self._app.repo, self._app.accounts.visible_trainee(trainee_id), None

    def history_for(self, trainee_name: str | None = None) -> list[dict[str, Any]]:
        """:meth:`history` for the command line: by trainee name, from the record the app's
        coaching view would drill into (a reviewer's on HR's and trainers' PCs: the central one)."""
        self._app.accounts.caller()
        if self._central.in_use():
            trainee_id = self._central.trainee_named(trainee_name) if trainee_name else None
            return self.history(trainee_id, central=True)
        trainee_id = self._app.accounts.trainee_named(trainee_name) if trainee_name else None
        return self.history(trainee_id)


def _scope(team: str | Scope | None) -> Scope | None:
    return Scope("team", team) if isinstance(team, str) else team


def _own_team(team: str | Scope | None) -> str | None:
    """A team of this PC's own database: it knows no branches or regions."""
    if isinstance(team, Scope) and team.kind != "team":
        raise InvalidInput("this PC reads its own database, which has teams, not branches or regions "
                           "(those are the central record's)")
    return team.name if isinstance(team, Scope) else team


def local_midnight_utc(day: date) -> str:
    """The start of a local day as a stored UTC stamp."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).isoformat(timespec="milliseconds")
