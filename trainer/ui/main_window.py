"""The main window: one page at a time (trainee, library, practice, summary, history), a menu,
and a status bar that shows when work is running. All program work goes through ``Jobs``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QStackedWidget, QWidget

from trainer.app.accounts import SignInFailed
from trainer.app.context import App
from trainer.app.views import ReplyOutcome, SessionSummary
from trainer.domain.accounts import AccessDenied, Identity
from trainer.domain.scenario import Scenario
from trainer.export.atomic import ExportError
from trainer.export.run import ExportCancelled, ExportRequest, ExportResult
from trainer.export.selection import ExportFilter
from trainer.library.loader import ScenarioError
from trainer.library.packs import PackError, PackPreview
from trainer.speech.models import ModelStore
from trainer.ui import i18n
from trainer.ui.account_pages import AccountsPage, AuditPage, SignInPage
from trainer.ui.audio import AudioUnavailable
from trainer.ui.editor_page import EditorPage
from trainer.ui.errors import plain_message, show_error
from trainer.ui.export_progress import ExportProgress
from trainer.ui.jobs import Jobs
from trainer.ui.models_dialog import ModelsDialog
from trainer.ui.practice_page import PracticePage
from trainer.ui.progress_pages import CoachingPage, DashboardPage, LeaderboardPage
from trainer.ui.reports_page import ReportsPage
from trainer.ui.review_pages import HistoryPage, SummaryPage
from trainer.ui.start_pages import LibraryPage
from trainer.ui.voice import CustomerVoice, TraineeVoice
from trainer.ui.widgets import Retranslating


class MainWindow(Retranslating, QMainWindow):
    """Signals:
    ready(): the database and library are loaded and the trainee page is filled.
    reply_scored(object): a reply came back scored (a ``ReplyOutcome``).
    heard(object): a spoken reply was transcribed (a ``Transcript``).
    """

    ready = Signal()
    reply_scored = Signal(object)
    heard = Signal(object)

    def __init__(self, app: App, settings: QSettings, models: ModelStore) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.models = models
        self.trainee_id: int | None = None
        self.identity: Identity | None = None
        self.scenario: Scenario | None = None
        self.jobs = Jobs(on_error=self.show_error, parent=self)
        self.jobs.busy.connect(self._busy)
        self.customer_voice = CustomerVoice(self)
        self.trainee_voice = TraineeVoice(models, self)

        self.pages = QStackedWidget()
        self.sign_in_page = SignInPage()
        self.accounts_page = AccountsPage()
        self.audit_page = AuditPage()
        self.reports_page = ReportsPage(settings)
        self.editor_page = EditorPage()
        self.library_page = LibraryPage()
        self.practice_page = PracticePage()
        self.summary_page = SummaryPage()
        self.history_page = HistoryPage()
        self.dashboard_page = DashboardPage()
        self.leaderboard_page = LeaderboardPage()
        self.coaching_page = CoachingPage()
        for page in (
            self.sign_in_page,
            self.accounts_page,
            self.audit_page,
            self.reports_page,
            self.editor_page,
            self.library_page,
            self.practice_page,
            self.summary_page,
            self.history_page,
            self.dashboard_page,
            self.leaderboard_page,
            self.coaching_page,
        ):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.library_page.practise.connect(self.start_practice)
        self.library_page.history_requested.connect(self.show_history)
        self.library_page.change_trainee.connect(self.sign_out)
        self.sign_in_page.sign_in.connect(self._sign_in)
        self.sign_in_page.create_admin.connect(self._create_admin)
        self.accounts_page.create_account.connect(self._create_account)
        self.accounts_page.set_role.connect(self._set_role)
        self.accounts_page.audit_requested.connect(self.show_audit)
        self.accounts_page.coaching_requested.connect(self.show_coaching)
        self.audit_page.back.connect(self.show_accounts)
        self.accounts_page.reports_requested.connect(self.show_reports)
        self.reports_page.refresh.connect(self._load_report)
        self.reports_page.export_requested.connect(self._export)
        self.reports_page.back.connect(self._reports_back)
        self.summary_page.override.connect(self._override)
        self.summary_page.play_recording.connect(self._play_recording)
        self.dashboard_page.record_audio.connect(self._record_audio)
        self.editor_page.open_scenario.connect(self._edit_scenario)
        self.editor_page.save.connect(self._save_scenario)
        self.editor_page.test_play.connect(self._test_play)
        self.editor_page.import_pack.connect(self._import_pack)
        self.editor_page.export_pack.connect(self._export_pack)
        self.editor_page.back.connect(self.show_library)
        self.summary_page.note.connect(self._note)
        self.practice_page.send.connect(self.send_reply)
        self.practice_page.stop_requested.connect(self.stop_practice)
        self.practice_page.summary_requested.connect(self._show_finished_summary)
        self.summary_page.back.connect(self._summary_back)
        self.summary_page.again.connect(self.start_practice)
        self.history_page.open_session.connect(self.open_session)
        self.history_page.back.connect(self._history_back)
        self.library_page.progress_requested.connect(self.show_dashboard)
        self.library_page.leaderboard_requested.connect(self.show_leaderboard)
        self.dashboard_page.back.connect(self.show_library)
        self.dashboard_page.practise.connect(self.start_practice)
        self.dashboard_page.initials_only.connect(self._initials_only)
        self.leaderboard_page.back.connect(self.show_library)
        self.leaderboard_page.refresh.connect(self._load_leaderboard)
        self.coaching_page.back.connect(self._coaching_back)
        self.coaching_page.open_trainee.connect(self._drill_down)
        self._history_owner: int | None = None
        page = self.practice_page
        page.talk_pressed.connect(self.start_listening)
        page.talk_released.connect(self.trainee_voice.stop)
        page.mute_toggled.connect(self._mute)
        page.replay_requested.connect(self.customer_voice.replay)
        self.trainee_voice.partial.connect(page.show_partial)
        self.trainee_voice.heard.connect(self._heard)
        self.trainee_voice.notice.connect(page.show_notice)
        self.customer_voice.notice.connect(page.show_notice)
        page.mute_button.setChecked(str(self.settings.value("muted", "false")).lower() == "true")

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.message = QLabel()
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self._build_menu()
        self.retranslate()
        self._restore_geometry()
        self._last_summary: SessionSummary | None = None
        self.export_progress: ExportProgress | None = None
        """The latest export's progress (for tests); all running ones are in ``_running_exports``."""
        self._running_exports: list[ExportProgress] = []

    # -- start-up -------------------------------------------------------------------------------------

    def load(self) -> None:
        """Open the database and library in the background, then load the encoder."""
        self.message.setText(self.tr("Opening your practice data…"))
        self.jobs.submit(self.app.open, on_done=self._opened)

    def _opened(self, problems: list[str]) -> None:
        if problems:
            QMessageBox.warning(self, self.tr("Some scenarios could not be loaded"), "\n".join(problems))
        self.jobs.submit(self.app.accounts.needs_first_admin, on_done=self._show_sign_in)
        self.jobs.submit(self.app.practice.warm_up, on_done=lambda _: self.message.setText(self.tr("Ready.")))

    # -- signing in -----------------------------------------------------------------------------------

    def _show_sign_in(self, first_run: bool) -> None:
        self.sign_in_page.show_for(first_run)
        self.pages.setCurrentWidget(self.sign_in_page)
        self._update_menus()
        self.ready.emit()

    def _sign_in(self, name: str, password: str) -> None:
        self.jobs.submit(
            self.app.accounts.sign_in,
            name,
            password,
            on_done=self._signed_in,
            on_error=self._sign_in_failed,
        )

    def _create_admin(self, name: str, password: str) -> None:
        self.jobs.submit(
            self.app.accounts.create_first_admin,
            name,
            password,
            on_done=self._signed_in,
            on_error=self._sign_in_failed,
        )

    def _sign_in_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SignInFailed | ValueError | AccessDenied):
            self.sign_in_page.show_error(plain_message(exc))
        else:
            self.show_error(exc)

    def _signed_in(self, identity: Identity) -> None:
        self.identity = identity
        self._update_menus()
        if identity.trainee_id is not None:
            self.choose_trainee(identity.trainee_id)
        else:
            self.show_accounts()

    def sign_out(self) -> None:
        self.jobs.submit(self.app.practice.stop)
        self.identity, self.trainee_id = None, None
        self._show_sign_in(False)

    def _update_menus(self) -> None:
        who = self.identity
        self.coaching_action.setEnabled(bool(who and who.may("coach")))
        self.accounts_action.setEnabled(bool(who and who.may("manage_accounts")))
        self.reports_action.setEnabled(bool(who and who.may("view_reports")))
        self.editor_action.setEnabled(bool(who and who.may("edit_scenarios")))
        self.history_action.setEnabled(bool(who and who.trainee_id is not None))
        self.sign_out_action.setEnabled(who is not None)

    # -- HR: accounts and audit ----------------------------------------------------------------------------

    def show_accounts(self) -> None:
        self.jobs.submit(self.app.accounts.accounts, self.identity, on_done=self._accounts_loaded)

    def _accounts_loaded(self, rows: list) -> None:
        self.accounts_page.set_rows(rows)
        self.pages.setCurrentWidget(self.accounts_page)

    def _create_account(self, name: str, password: str, role: str, team: str) -> None:
        def done(_: object) -> None:
            self.accounts_page.clear_form()
            self.accounts_page.show_message(self.tr("Account {name} added.").format(name=name))
            self.show_accounts()

        self.jobs.submit(
            self.app.accounts.create_account,
            self.identity,
            name,
            password,
            role,
            team,
            on_done=done,
            on_error=lambda e: self.accounts_page.show_message(plain_message(e)),
        )

    def _set_role(self, name: str, role: str) -> None:
        self.jobs.submit(
            self.app.accounts.set_role,
            self.identity,
            name,
            role,
            on_done=lambda _: self.show_accounts(),
            on_error=lambda e: self.accounts_page.show_message(plain_message(e)),
        )

    def show_audit(self) -> None:
        self.jobs.submit(self.app.accounts.audit_log, self.identity, on_done=self._audit_loaded)

    def _audit_loaded(self, rows: list) -> None:
        self.audit_page.set_rows(rows)
        self.pages.setCurrentWidget(self.audit_page)

    # -- HR: reports and exports -------------------------------------------------------------------------

    def show_reports(self) -> None:
        self.jobs.submit(self.app.reports.choices, self.identity, on_done=self._report_choices)

    def _report_choices(self, choices: object) -> None:
        self.reports_page.set_choices(choices)  # type: ignore[arg-type]
        self.pages.setCurrentWidget(self.reports_page)
        self._load_report(self.reports_page.selection())

    def _load_report(self, selection: ExportFilter) -> None:
        self.jobs.submit(self.app.reports.report, self.identity, selection,
                         on_done=self.reports_page.show_report)

    def _reports_back(self) -> None:
        if self.trainee_id is not None:
            self.show_library()
        else:
            self.show_accounts()

    def _export(self, kind: str, path: str, selection: ExportFilter) -> None:
        """Write the export on the engine thread, with a progress dialog that can cancel it."""
        request = ExportRequest(kind, Path(path), selection, i18n.current_language())  # type: ignore[arg-type]
        progress = ExportProgress(self, self.tr("Exporting to {file}…").format(file=Path(path).name))
        self.export_progress = progress
        self._running_exports.append(progress)

        def done(result: ExportResult) -> None:
            self._running_exports.remove(progress)
            cancelled = progress.cancelled
            progress.finish()
            message = self._exported(result)
            if cancelled:  # Cancel came as the last bytes were written: the file is complete
                message = self.tr("The export had finished before it could be cancelled. {message}").format(
                    message=message)
            self.reports_page.show_message(message)

        def failed(exc: BaseException) -> None:
            self._running_exports.remove(progress)
            progress.finish()
            if isinstance(exc, ExportCancelled):
                self.reports_page.show_message(self.tr("Export cancelled; nothing was written."))
            else:
                self.reports_page.show_message(plain_message(exc))
                if not isinstance(exc, ExportError | AccessDenied):
                    self.show_error(exc)

        self.jobs.submit(self.app.reports.export, self.identity, request, progress.report,
                         on_done=done, on_error=failed)

    def _exported(self, result: ExportResult) -> str:
        n, file = result.counts, str(result.out)
        return {
            "csv": lambda: self.tr("{n} replies exported to {file}.").format(n=n.get("replies"), file=file),
            "xlsx": lambda: self.tr("{t} trainees, {s} sessions and {r} replies exported to {file}.").format(
                t=n.get("trainees"), s=n.get("sessions"), r=n.get("replies"), file=file),
            "xapi": lambda: self.tr("{n} sessions exported to {file} as xAPI statements.").format(
                n=n.get("sessions"), file=file),
            "pdf": lambda: self.tr("The scorecard was written to {file}.").format(file=file)
            if n.get("scorecards") == 1 else self.tr("{n} scorecards written to {file}.").format(
                n=n.get("scorecards"), file=file),
        }[result.kind]()

    # -- trainers: review ---------------------------------------------------------------------------------

    def _override(self, session_id: int, dimension: str, value: int, comment: str) -> None:
        self.jobs.submit(
            self.app.accounts.override_score,
            self.identity,
            session_id,
            dimension,
            value,
            comment,
            on_done=lambda _: self._review_saved(session_id),
        )

    def _note(self, trainee_id: int, session_id: int, note: str) -> None:
        self.jobs.submit(
            self.app.accounts.add_coaching_note,
            self.identity,
            trainee_id,
            note,
            session_id,
            on_done=lambda _: self._review_saved(session_id),
        )

    # -- trainers: the scenario editor -------------------------------------------------------------------

    def show_editor(self) -> None:
        self.jobs.submit(self.app.practice.library, self.trainee_id, on_done=self._editor_list)

    def _editor_list(self, entries: list) -> None:
        self.editor_page.set_scenarios([(e.scenario.id, e.scenario.title) for e in entries])
        self.pages.setCurrentWidget(self.editor_page)
        if not self.editor_page.yaml.toPlainText() and entries:
            self._edit_scenario(entries[0].scenario.id)

    def _edit_scenario(self, scenario_id: str) -> None:
        self.jobs.submit(
            self.app.authoring.scenario_source,
            scenario_id,
            on_done=lambda source: self.editor_page.load_text(*source),
        )

    def _editor_problem(self, exc: BaseException) -> None:
        if isinstance(exc, ScenarioError | PackError):
            self.editor_page.show_message("\n".join(str(r) for r in exc.reports[:5]))
        else:
            self.editor_page.show_message(plain_message(exc))

    def _save_scenario(self, text: str) -> None:
        def saved(scenario: Scenario) -> None:
            self.editor_page.show_message(
                self.tr("Saved “{title}”; it is in the library now.").format(title=scenario.title)
            )
            self.show_editor()

        self.jobs.submit(
            self.app.authoring.save_scenario, self.identity, text, on_done=saved,
            on_error=self._editor_problem
        )

    def _test_play(self, text: str) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(
                self.app.practice.start_draft,
                self.trainee_id,
                text,
                on_done=self._practice_started,
                on_error=self._editor_problem,
            )

    def _import_pack(self, path: str) -> None:
        self.jobs.submit(
            self.app.authoring.preview_pack,
            self.identity,
            Path(path),
            on_done=self._confirm_pack,
            on_error=self._editor_problem,
        )

    def _confirm_pack(self, preview: PackPreview) -> None:
        text = self.tr("Add: {added}\nReplace: {replaced}").format(
            added=", ".join(preview.added) or "—", replaced=", ".join(preview.replaced) or "—"
        )
        answer = QMessageBox.question(self, self.tr("Import this pack?"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.jobs.submit(
                self.app.authoring.import_pack,
                self.identity,
                preview,
                on_done=lambda _: self.show_editor(),
                on_error=self._editor_problem,
            )

    def _export_pack(self, path: str) -> None:
        scenario = self.editor_page.scenario
        if scenario is not None:
            self.jobs.submit(
                self.app.authoring.export_pack,
                self.identity,
                [scenario.id],
                Path(path),
                on_done=lambda p: self.editor_page.show_message(
                    self.tr("Exported to {path}.").format(path=p)
                ),
                on_error=self._editor_problem,
            )

    def _play_recording(self, path: str) -> None:
        try:
            self.customer_voice.player.play(Path(path))
        except (AudioUnavailable, OSError) as exc:
            self.show_error(exc)

    def _record_audio(self, consent: bool) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(self.app.accounts.set_record_audio, self.trainee_id, consent)

    def _review_saved(self, session_id: int) -> None:
        self.summary_page.review_saved()
        self.open_session(session_id)

    # -- navigation ------------------------------------------------------------------------------------

    def choose_trainee(self, trainee_id: int) -> None:
        self.trainee_id = trainee_id
        self.show_library()

    def show_library(self) -> None:
        self.jobs.submit(self.app.practice.library, self.trainee_id, on_done=self._library_loaded)

    def _library_loaded(self, entries: list) -> None:
        self.library_page.set_entries(entries)
        self.pages.setCurrentWidget(self.library_page)

    def start_practice(self, scenario_id: str) -> None:
        if self.trainee_id is None:
            return
        self.jobs.submit(self.app.practice.start, self.trainee_id, scenario_id,
                         on_done=self._practice_started)

    def _practice_started(self, started: tuple) -> None:
        scenario, _session_id = started
        self.scenario = scenario
        self.practice_page.start(scenario, self.app.scorer.rubric)
        self.pages.setCurrentWidget(self.practice_page)
        self._speak(scenario.first_turn.customer, scenario.persona.mood)
        missing = self.trainee_voice.model_missing(scenario.language)
        self.practice_page.talk_button.setToolTip(missing or self.practice_page.talk_button.toolTip())

    def send_reply(self, text: str) -> None:
        spoken = self.practice_page.spoken  # cleared once the reply is scored, kept for a retry
        mode = "spoken" if spoken is not None else "typed"
        self.jobs.submit(
            self.app.practice.reply, text, mode, spoken, on_done=self._reply_done, on_error=self._reply_failed
        )

    def _reply_done(self, outcome: ReplyOutcome) -> None:
        self.practice_page.take_spoken()
        self.practice_page.show_outcome(outcome)
        self._last_summary = outcome.summary
        if outcome.next_line is not None:
            self._speak(outcome.next_line, outcome.mood)
        elif outcome.summary is not None and outcome.summary.ending is not None:
            self._speak(outcome.summary.ending.customer, outcome.mood)
        self.reply_scored.emit(outcome)

    # -- voice -------------------------------------------------------------------------------------------

    def _speak(self, line: str, mood: int) -> None:
        if self.scenario is not None:
            self.customer_voice.say(line, self.scenario.language, self.scenario.persona, mood)

    def start_listening(self) -> None:
        if self.scenario is None or self.practice_page.waiting:
            return
        if self.trainee_voice.start(self.scenario.language, self.customer_voice.remaining_s()):
            self.practice_page.show_listening(True)

    def _heard(self, result: tuple) -> None:
        transcript, delivery, audio = result
        self.practice_page.show_listening(False)
        self.practice_page.show_heard(transcript, delivery, audio)
        self.heard.emit(transcript)

    def _mute(self, muted: bool) -> None:
        self.customer_voice.set_muted(muted)
        self.settings.setValue("muted", muted)

    def show_models(self) -> None:
        dialog = ModelsDialog(self.models, self)
        dialog.open()

    def _reply_failed(self, exc: BaseException) -> None:
        self.practice_page.reply_failed()
        self.show_error(exc)

    def _show_finished_summary(self) -> None:
        if self._last_summary is not None:
            self.summary_page.show_summary(self._last_summary)
            self.pages.setCurrentWidget(self.summary_page)

    def stop_practice(self) -> None:
        self.jobs.submit(self.app.practice.stop, on_done=lambda _: self.show_library())

    def show_history(self, trainee_id: int | None = None) -> None:
        self._history_owner = trainee_id
        owner = trainee_id if trainee_id is not None else self.trainee_id
        self.jobs.submit(self.app.progress.history, owner, self.identity, on_done=self._history_loaded)

    def _history_back(self) -> None:
        if self._history_owner is not None:
            self.show_coaching()
        else:
            self.show_library()

    # -- progress and incentives ------------------------------------------------------------------------

    def show_dashboard(self) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(
                self.app.progress.dashboard, self.trainee_id, None, self.identity,
                on_done=self._dashboard_loaded
            )

    def _dashboard_loaded(self, dashboard: object) -> None:
        self.dashboard_page.show_dashboard(dashboard)  # type: ignore[arg-type]
        self.pages.setCurrentWidget(self.dashboard_page)

    def _initials_only(self, value: bool) -> None:
        if self.trainee_id is not None:
            self.jobs.submit(self.app.accounts.set_initials_only, self.trainee_id, value)

    def show_leaderboard(self) -> None:
        self.jobs.submit(self.app.progress.teams, on_done=self._teams_loaded)

    def _teams_loaded(self, teams: list) -> None:
        self.leaderboard_page.set_teams(teams, self.leaderboard_page.team.currentData())
        self.pages.setCurrentWidget(self.leaderboard_page)
        self._load_leaderboard(
            self.leaderboard_page.team.currentData(), str(self.leaderboard_page.period.currentData())
        )

    def _load_leaderboard(self, team: object, period: str) -> None:
        self.jobs.submit(self.app.progress.leaderboard, team, period, on_done=self.leaderboard_page.set_rows)

    def show_coaching(self) -> None:
        self.jobs.submit(self.app.progress.coaching, None, None, self.identity, on_done=self._coaching_loaded)

    def _coaching_loaded(self, rows: list) -> None:
        self.coaching_page.set_rows(rows)
        self.pages.setCurrentWidget(self.coaching_page)

    def _coaching_back(self) -> None:
        if self.trainee_id is not None:
            self.show_library()
        else:
            self.show_accounts()

    def _drill_down(self, trainee_id: int) -> None:
        self.show_history(trainee_id)

    def _history_loaded(self, sessions: list) -> None:
        self.history_page.set_sessions(sessions)
        self.pages.setCurrentWidget(self.history_page)

    def open_session(self, session_id: int) -> None:
        self.jobs.submit(self.app.practice.summary, session_id, self.identity, on_done=self._reopened)

    def _reopened(self, summary: SessionSummary) -> None:
        who = self.identity
        reviewing = bool(who and who.may("override_scores") and summary.trainee_id != who.trainee_id)
        self.summary_page.show_summary(summary, read_only=True, reviewing=reviewing)
        self.pages.setCurrentWidget(self.summary_page)

    def _summary_back(self) -> None:
        if self.summary_page.read_only:
            self.show_history(self._history_owner)
        else:
            self.show_library()

    # -- menu, language, errors ------------------------------------------------------------------------

    def _build_menu(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.history_action = QAction(self)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.triggered.connect(self._history_from_menu)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.history_action)
        self.coaching_action = QAction(self)
        self.coaching_action.setShortcut(QKeySequence("Ctrl+K"))
        self.coaching_action.triggered.connect(self.show_coaching)
        self.file_menu.addAction(self.coaching_action)
        self.editor_action = QAction(self)
        self.editor_action.triggered.connect(self.show_editor)
        self.file_menu.addAction(self.editor_action)
        self.accounts_action = QAction(self)
        self.accounts_action.triggered.connect(self.show_accounts)
        self.file_menu.addAction(self.accounts_action)
        self.reports_action = QAction(self)
        self.reports_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reports_action.triggered.connect(self.show_reports)
        self.file_menu.addAction(self.reports_action)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.settings_menu = self.menuBar().addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[i18n.current_language()].setChecked(True)
        self.models_action = QAction(self)
        self.models_action.triggered.connect(self.show_models)
        self.settings_menu.addAction(self.models_action)

    def _history_from_menu(self) -> None:
        if self.trainee_id is not None:
            self.show_history()

    def set_language(self, code: str) -> None:
        """Switch the interface language now; every page retranslates itself."""
        i18n.install(code)
        self.settings.setValue("language", code)
        self.language_actions[code].setChecked(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Teller trainer"))
        self.file_menu.setTitle(self.tr("&File"))
        self.history_action.setText(self.tr("Past &sessions"))
        self.quit_action.setText(self.tr("&Quit"))
        self.coaching_action.setText(self.tr("&Coaching view (trainers)"))
        self.accounts_action.setText(self.tr("&Accounts (HR)"))
        self.reports_action.setText(self.tr("&Reports and exports (HR)"))
        self.editor_action.setText(self.tr("Scenario &editor (trainers)"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.models_action.setText(self.tr("Speech &models…"))
        self.busy_bar.setAccessibleName(self.tr("Working"))

    def show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    # -- window state ----------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        for export in self._running_exports:
            export.cancel()  # closing stops a running export; it leaves no file
        if not self.jobs.closed:
            self.jobs.submit(self.app.practice.stop)  # a session left open is saved as stopped
            self.jobs.shutdown()  # queued writes finish before the window goes
        self.trainee_voice.shutdown()
        self.customer_voice.shutdown()
        super().closeEvent(event)

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()
