"""Progress and the incentive scheme: a trainee's dashboard (and their privacy choices), the team
leaderboards, and the trainers' coaching view of who needs attention (on HR's and trainers' PCs,
of the central record, as of the last sync)."""

from __future__ import annotations

from trainer.app.views import AttentionRow, Dashboard, LeaderboardRow, Scope
from trainer.ui.controller import Controller, Shell
from trainer.ui.jobs import call
from trainer.ui.progress_pages import CoachingPage, DashboardPage, LeaderboardPage


class ProgressController(Controller):
    def __init__(self, shell: Shell, dashboard: DashboardPage, leaderboard: LeaderboardPage,
                 coaching: CoachingPage) -> None:
        super().__init__(shell)
        self.dashboard_page, self.leaderboard_page, self.coaching_page = dashboard, leaderboard, coaching
        dashboard.back.connect(self.nav.back)
        dashboard.initials_only.connect(self._initials_only)
        dashboard.record_audio.connect(self._record_audio)
        leaderboard.back.connect(self.nav.back)
        leaderboard.refresh.connect(self.load_leaderboard)
        coaching.back.connect(self.nav.back)

    # -- the trainee's own progress ------------------------------------------------------------------

    def show_dashboard(self) -> None:
        if self.trainee_id is None:
            return

        def loaded(dashboard: Dashboard) -> None:
            self.dashboard_page.show_dashboard(dashboard)
            self.nav.push(self.dashboard_page, self.show_dashboard)

        self.jobs.submit(call(self.app.progress.dashboard, self.trainee_id), on_done=loaded)

    def _initials_only(self, value: bool) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(call(self.app.accounts.set_initials_only, self.trainee_id, value))

    def _record_audio(self, consent: bool) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(call(self.app.accounts.set_record_audio, self.trainee_id, consent))

    # -- leaderboards ------------------------------------------------------------------------------------

    def show_leaderboard(self) -> None:
        page = self.leaderboard_page

        def loaded(scopes: list[Scope]) -> None:
            page.set_scopes(scopes, page.scope())
            self.nav.push(page, self.show_leaderboard)
            self.load_leaderboard(page.scope(), str(page.period.currentData()))

        self.jobs.submit(self.app.progress.scopes, on_done=loaded)

    def load_leaderboard(self, scope: Scope | None, period: str) -> None:
        progress = self.app.progress
        openable = bool(self.identity and self.identity.may("review_sessions"))

        def load() -> tuple[list[LeaderboardRow], str | None]:  # on the engine thread: one record
            return progress.leaderboard(scope, period), progress.record_as_of()

        self.jobs.submit(load, on_done=lambda got: self.leaderboard_page.set_rows(*got, openable=openable))

    # -- trainers ----------------------------------------------------------------------------------------

    def show_coaching(self) -> None:
        progress = self.app.progress

        def load() -> tuple[list[AttentionRow], str | None]:
            return progress.coaching(), progress.record_as_of()

        def loaded(got: tuple[list[AttentionRow], str | None]) -> None:
            self.coaching_page.set_rows(*got)
            self.nav.push(self.coaching_page, self.show_coaching)

        self.jobs.submit(load, on_done=loaded)
