"""What of the central record the signed-in account may read, on HR's and trainers' PCs.

On a PC that syncs with an HR or trainer login (``App.central_login``), the leaderboard, the
coaching view and their drill-down into a trainee's history and a session's review read the copy
of the central record (``App.central_mirror``) for reviewers: accounts with the ``coach`` right
(trainers and HR), or anyone on a database with no accounts. A trainee signed in there, a branch PC
and a PC that does not sync read this PC's own database, as they always have. The copy's ids are
its own, not this database's: every view says which record its ids are of (``central``), and
every call given such an id is told so too.

Rights are checked here against the signed-in session, as everywhere: HR (``view_reports``) reads
all of the copy (which holds what the PC's login may read on the server); a trainer the teams they
coach, their own team or branch as their account has it on this PC (``domain.teams.covered``: a
branch is every team of it); a trainer whose account names no team reads, on a trainer's PC, all
the PC's trainer login may read (the server keeps it to that login's teams), and on HR's PC nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.app.views import Scope
from trainer.domain.accounts import AccessDenied, Identity
from trainer.domain.errors import InvalidInput, NotFound
from trainer.domain.teams import branch_of, covered
from trainer.storage.standings import Standings

if TYPE_CHECKING:
    from trainer.app.context import App
    from trainer.storage.repository import Repository

_NOT_THEIRS = "{name} may only see the trainees of the teams they coach."


class CentralAccess:
    def __init__(self, app: App) -> None:
        self._app = app

    def in_use(self) -> bool:
        """Whether the signed-in account's leaderboard, coaching view and drill-down read the
        central record here (see the module's note)."""
        if not self._app.reads_central_record:
            return False
        who = self._app.accounts.caller()
        return who is None or who.may("coach")

    def as_of(self) -> str:
        """When the copy was last brought up to date; "" when it never was."""
        return self._app.central_mirror.as_of() or ""

    @property
    def repo(self) -> Repository:
        """The copy of the central record (once :meth:`teams` or another check has passed)."""
        return self._app.central_repo

    @property
    def standings(self) -> Standings:
        return Standings(self.repo.db)

    def _reviewer(self) -> Identity | None:
        if not self._app.reads_central_record:
            raise InvalidInput("this PC keeps no copy of the central record: it does not sync with "
                               "an HR or trainer login")
        who = self._app.accounts.caller()
        if who is not None:
            who.require("coach", "read the central record")
        return who

    def teams(self) -> list[str] | None:
        """The central record's teams the signed-in account may see (``None``: all of them)."""
        who = self._reviewer()
        if who is None or who.may("view_reports"):
            return None
        own = self._app.repo.trainee_row(who.trainee_id) if who.trainee_id is not None else None
        team = str((own or {}).get("team") or "")
        if not team:
            return None if self._app.central_login == "coach" else []
        return covered(team, self.repo.teams())

    def scopes(self) -> list[Scope]:
        """What a leaderboard of the central record may rank: the regions (where the branches
        have them), the branches and the teams the signed-in account may see."""
        visible = self.teams()
        teams = self.repo.teams() if visible is None else visible
        branches = sorted({branch_of(t) for t in teams})
        regions = self._app.central_mirror.regions()
        return ([Scope("region", r) for r in sorted({regions[b] for b in branches if b in regions})]
                + [Scope("branch", b) for b in branches]
                + [Scope("team", t) for t in teams if t != branch_of(t)])

    def teams_for(self, scope: Scope | None) -> list[str] | None:
        """The teams of ``scope`` the signed-in account may see (``None``: everyone's, no filter)."""
        visible = self.teams()
        if scope is None:
            return visible
        pool = self.repo.teams() if visible is None else visible
        if scope.kind == "region":
            regions = self._app.central_mirror.regions()
            return [t for t in pool if regions.get(branch_of(t)) == scope.name]
        if scope.kind == "branch":
            return [t for t in pool if branch_of(t) == scope.name]
        return [t for t in pool if t == scope.name]

    def trainee(self, trainee_id: int) -> dict[str, Any]:
        """The central record's trainee ``trainee_id``, if the signed-in account may see them."""
        visible = self.teams()
        row = self.repo.trainee_row(trainee_id)
        if row is None:
            raise NotFound("there is no trainee {id} in the central record", id=trainee_id)
        if visible is not None and row["team"] not in visible:
            who = self._app.accounts.caller()
            raise AccessDenied(_NOT_THEIRS, name=who.username if who else "?")
        return row

    def trainee_named(self, name: str) -> int:
        """The id of the central record's trainee called ``name`` (a name two branches share
        has the branch in brackets: ``ann (south)``), if the signed-in account may see them."""
        self._reviewer()
        row = self.repo.trainee_by_name(name)
        if row is None:
            raise NotFound("there is no trainee called '{name}' in the central record", name=name)
        return int(self.trainee(int(row["id"]))["id"])

    def session(self, session_id: int) -> dict[str, Any]:
        """The central record's session ``session_id``, if the signed-in account may see its trainee."""
        self._reviewer()
        session = self.repo.session(session_id)
        if session is None:
            raise NotFound("there is no session {id} in the central record", id=session_id)
        self.trainee(int(session["trainee_id"]))
        return session

    def history_of(self, trainee_id: int | None) -> tuple[int | None, list[str] | None]:
        """Whose sessions a history of the central record lists: (the trainee, checked; or
        ``None`` for everyone the account may see, with the teams that limits it to)."""
        if trainee_id is not None:
            self.trainee(trainee_id)
            return trainee_id, None
        return None, self.teams()
