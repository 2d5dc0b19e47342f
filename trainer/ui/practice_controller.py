"""Practising: the library, a session on the practice page (typed or spoken replies, the
customer's voice), and the summary when it ends.

A reply goes once from the page to here, to the engine thread, and back: the page sends the text
with the recognition behind it (if spoken), the input mode is decided here, and the scored
outcome goes straight to the page.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal

from trainer.app.views import LibraryEntry, ReplyOutcome, SessionSummary
from trainer.domain.delivery import Delivery
from trainer.domain.practice import InputMode
from trainer.domain.scenario import Scenario
from trainer.domain.spoken import SpokenReply
from trainer.speech.models import ModelStore
from trainer.speech.recognizer import Transcript
from trainer.ui.controller import Controller, Shell
from trainer.ui.jobs import OnError, call
from trainer.ui.practice_page import PracticePage
from trainer.ui.review_pages import SummaryPage
from trainer.ui.start_pages import LibraryPage
from trainer.ui.voice import CustomerVoice, TraineeVoice


class PracticeController(Controller):
    """Signals:
    reply_scored(object): a reply came back scored (a ``ReplyOutcome``).
    heard(object): a spoken reply was transcribed (a ``Transcript``).
    """

    reply_scored = Signal(object)
    heard = Signal(object)

    def __init__(self, shell: Shell, library: LibraryPage, page: PracticePage, summary: SummaryPage,
                 preferences: QSettings, models: ModelStore) -> None:
        super().__init__(shell)
        self.library_page, self.page, self.summary_page = library, page, summary
        self.preferences = preferences
        self.scenario: Scenario | None = None
        self._last_summary: SessionSummary | None = None
        self.customer_voice = CustomerVoice(self)
        self.trainee_voice = TraineeVoice(models, self)

        library.practise.connect(self.start)
        summary.again.connect(self.start)
        summary.back.connect(self.nav.back)
        page.send.connect(self.reply)
        page.stop_requested.connect(self.stop)
        page.summary_requested.connect(self.show_summary)
        page.talk_pressed.connect(self.start_listening)
        page.talk_released.connect(self.trainee_voice.stop)
        page.mute_toggled.connect(self._mute)
        page.replay_requested.connect(self.customer_voice.replay)
        self.trainee_voice.partial.connect(page.show_partial)
        self.trainee_voice.heard.connect(self._heard)
        self.trainee_voice.notice.connect(page.show_notice)
        self.customer_voice.notice.connect(page.show_notice)
        page.mute_button.setChecked(str(preferences.value("muted", "false")).lower() == "true")

    # -- the library ---------------------------------------------------------------------------------

    def show_library(self, home: bool = False) -> None:
        """The library, with the trainee's best scores (``home``: as the first page after signing in)."""
        open_page = self.nav.home if home else self.nav.push

        def loaded(entries: list[LibraryEntry]) -> None:
            self.library_page.set_entries(entries)
            open_page(self.library_page, self.show_library)

        self.jobs.submit(call(self.app.practice.library, self.trainee_id), on_done=loaded)

    # -- a session -------------------------------------------------------------------------------------

    def start(self, scenario_id: str) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(call(self.app.practice.start, self.trainee_id, scenario_id),
                             on_done=self._started)

    def start_draft(self, text: str, on_error: OnError) -> None:
        """Test-play a scenario from the editor, before it is saved."""
        if self.trainee_id is not None:
            self.jobs.submit(call(self.app.practice.start_draft, self.trainee_id, text),
                             on_done=self._test_play_started, on_error=on_error)

    def _test_play_started(self, started: tuple[Scenario, int]) -> None:
        self._started(started)
        self.page.show_test_play()

    def _started(self, started: tuple[Scenario, int]) -> None:
        scenario, _session_id = started
        self.scenario = scenario
        self.page.start(scenario, self.app.scorer.rubric)
        # practising again from a finished session's summary: Back goes where that summary's did
        (self.nav.replace if self.nav.current() is self.summary_page else self.nav.push)(self.page)
        self._speak(scenario.first_turn.customer, scenario.persona.mood)
        missing = self.trainee_voice.model_missing(scenario.language)
        self.page.talk_button.setToolTip(missing or self.page.talk_button.toolTip())

    def reply(self, text: str, spoken: SpokenReply | None) -> None:
        mode: InputMode = "spoken" if spoken is not None else "typed"
        self.jobs.submit(call(self.app.practice.reply, text, mode, spoken),
                         on_done=self._scored, on_error=self._reply_failed)

    def _scored(self, outcome: ReplyOutcome) -> None:
        self.page.show_outcome(outcome)
        self._last_summary = outcome.summary
        if outcome.next_line is not None:
            self._speak(outcome.next_line, outcome.mood)
        elif outcome.summary is not None and outcome.summary.ending is not None:
            self._speak(outcome.summary.ending.customer, outcome.mood)
        self.reply_scored.emit(outcome)

    def _reply_failed(self, exc: BaseException) -> None:
        self.page.reply_failed()  # the reply stays in the box, to send again
        self.show_error(exc)

    def stop(self) -> None:
        self.jobs.submit(self.app.practice.stop, on_done=lambda _: self.nav.back())

    def show_summary(self) -> None:
        """The summary of the session just finished, in place of its practice page."""
        if self._last_summary is not None:
            self.summary_page.show_summary(self._last_summary)
            self.nav.replace(self.summary_page)

    # -- voice -------------------------------------------------------------------------------------------

    def _speak(self, line: str, mood: int) -> None:
        if self.scenario is not None:
            self.customer_voice.say(line, self.scenario.language, self.scenario.persona, mood)

    def start_listening(self) -> None:
        if self.scenario is None or self.page.waiting:
            return
        if self.trainee_voice.start(self.scenario.language, self.customer_voice.remaining_s()):
            self.page.show_listening(True)

    def _heard(self, result: tuple[Transcript, Delivery | None, bytes]) -> None:
        transcript, delivery, audio = result
        self.page.show_listening(False)
        self.page.show_heard(transcript, delivery, audio)
        self.heard.emit(transcript)

    def _mute(self, muted: bool) -> None:
        self.customer_voice.set_muted(muted)
        self.preferences.setValue("muted", muted)

    def shutdown(self) -> None:
        self.trainee_voice.shutdown()
        self.customer_voice.shutdown()
