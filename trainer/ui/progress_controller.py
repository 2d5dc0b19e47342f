"""Progress and the incentive scheme: a trainee's dashboard (and their privacy choices), the team
leaderboards, and the trainers' coaching view of who needs attention."""

from __future__ import annotations

from trainer.app.views import AttentionRow, Dashboard
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

        def loaded(teams: list[str]) -> None:
            page.set_teams(teams, page.team.currentData())
            self.nav.push(page, self.show_leaderboard)
            self.load_leaderboard(page.team.currentData(), str(page.period.currentData()))

        self.jobs.submit(self.app.progress.teams, on_done=loaded)

    def load_leaderboard(self, team: str | None, period: str) -> None:
        self.jobs.submit(call(self.app.progress.leaderboard, team, period),
                         on_done=self.leaderboard_page.set_rows)

    # -- trainers ----------------------------------------------------------------------------------------

    def show_coaching(self) -> None:
        def loaded(rows: list[AttentionRow]) -> None:
            self.coaching_page.set_rows(rows)
            self.nav.push(self.coaching_page, self.show_coaching)

        self.jobs.submit(call(self.app.progress.coaching), on_done=loaded)
