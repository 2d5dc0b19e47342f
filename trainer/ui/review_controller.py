"""Looking back: past sessions, a session reopened read-only, and a trainer's review of it (score
overrides and coaching notes); a kept recording can be played."""

from __future__ import annotations

from pathlib import Path

from trainer.app.views import HistoryPage as HistoryPageData
from trainer.app.views import SessionSummary
from trainer.ui.audio import AudioUnavailable, Player
from trainer.ui.controller import Controller, Shell
from trainer.ui.jobs import call
from trainer.ui.review_pages import HistoryPage, SummaryPage


class ReviewController(Controller):
    def __init__(self, shell: Shell, history: HistoryPage, summary: SummaryPage, player: Player) -> None:
        super().__init__(shell)
        self.history_page, self.summary_page = history, summary
        self.player = player
        history.open_session.connect(self.open_session)
        history.more.connect(self._more_history)
        self._history_owner: int | None = None
        self._history_central = False
        history.back.connect(self.nav.back)
        summary.override.connect(self.override)
        summary.note.connect(self.note)
        summary.play_recording.connect(self.play_recording)

    def show_history(self, trainee_id: int | None = None, central: bool = False) -> None:
        """Past sessions of ``trainee_id`` (a trainer drilling down; ``central``: the id is the
        central record's), else the signed-in trainee's."""
        owner = trainee_id if trainee_id is not None else self.trainee_id
        self._history_owner, self._history_central = owner, central

        def loaded(page: HistoryPageData) -> None:
            self.history_page.set_sessions(page.rows, page.total)
            self.history_page.set_context(page.standing, page.central_as_of)
            self.nav.push(self.history_page, lambda: self.show_history(trainee_id, central))

        self.jobs.submit(call(self.app.progress.history_page, owner, central=central), on_done=loaded)

    def _more_history(self) -> None:
        shown = list(self.history_page.sessions)

        def loaded(page: HistoryPageData) -> None:
            self.history_page.set_sessions(shown + page.rows, page.total)

        self.jobs.submit(call(self.app.progress.history_page, self._history_owner,
                              offset=len(shown), central=self._history_central), on_done=loaded)

    def open_session(self, session_id: int, central: bool | None = None) -> None:
        """A session of the history shown (``central``: of the central record; by default as that
        history is): a review of the central record's is read-only (overrides and notes are made
        where the session is, at its branch)."""
        central = self._history_central if central is None else central

        def loaded(summary: SessionSummary) -> None:
            who = self.identity
            reviewing = bool(who and who.may("override_scores") and summary.trainee_id != who.trainee_id
                             and summary.central_as_of is None)
            self.summary_page.show_summary(summary, read_only=True, reviewing=reviewing)
            self.nav.push(self.summary_page, lambda: self.open_session(session_id, central))

        self.jobs.submit(call(self.app.practice.summary, session_id, central=central), on_done=loaded)

    def override(self, session_id: int, dimension: str, value: int, comment: str) -> None:
        self.jobs.submit(call(self.app.accounts.override_score, session_id, dimension, value,
                              comment), on_done=lambda _: self._saved(session_id))

    def note(self, trainee_id: int, session_id: int, note: str) -> None:
        self.jobs.submit(call(self.app.accounts.add_coaching_note, trainee_id, note, session_id),
                         on_done=lambda _: self._saved(session_id))

    def _saved(self, session_id: int) -> None:
        self.summary_page.review_saved()
        self.open_session(session_id, False)

    def play_recording(self, path: str) -> None:
        try:
            self.player.play(Path(path))
        except (AudioUnavailable, OSError) as exc:
            self.show_error(exc)
