"""The main window, a shell: the pages (one at a time, with Back through ``Navigation``), the
menu and a status bar that shows when work is running. Each feature's wiring is in its controller
(``*_controller.py``); all program work goes through ``Jobs`` (exports through their own worker).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QStackedWidget, QWidget

from trainer.app.context import App
from trainer.app.views import ReplyOutcome
from trainer.domain.accounts import Identity, Right
from trainer.speech.models import InstalledModel, ModelStore
from trainer.ui import i18n
from trainer.ui.account_pages import AccountsPage, AuditPage, SignInPage
from trainer.ui.accounts_controller import AccountsController
from trainer.ui.assignment_pages import AssignmentsPage
from trainer.ui.assignments_controller import AssignmentsController
from trainer.ui.controller import Shell
from trainer.ui.editor_controller import EditorController
from trainer.ui.editor_page import EditorPage
from trainer.ui.errors import show_error
from trainer.ui.export_progress import ExportProgress
from trainer.ui.jobs import Jobs, call
from trainer.ui.models_dialog import ModelsDialog
from trainer.ui.navigation import Navigation
from trainer.ui.practice_controller import PracticeController
from trainer.ui.practice_page import PracticePage
from trainer.ui.progress_controller import ProgressController
from trainer.ui.progress_pages import CoachingPage, DashboardPage, LeaderboardPage
from trainer.ui.reports_controller import ReportsController
from trainer.ui.reports_page import ReportsPage
from trainer.ui.review_controller import ReviewController
from trainer.ui.review_pages import HistoryPage, SummaryPage
from trainer.ui.session_controller import SessionController
from trainer.ui.start_pages import LibraryPage
from trainer.ui.sync_controller import SyncController, SyncStatus
from trainer.ui.widgets import Retranslating


class MainWindow(Retranslating, QMainWindow):
    """Signals:
    ready(): the database and library are loaded and the sign-in page is shown.
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
        self.jobs = Jobs(on_error=self.show_error, parent=self)
        self.jobs.busy.connect(self._busy)

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
        self.assignments_page = AssignmentsPage()
        for page in (self.sign_in_page, self.accounts_page, self.audit_page, self.reports_page,
                     self.editor_page, self.library_page, self.practice_page, self.summary_page,
                     self.history_page, self.dashboard_page, self.leaderboard_page, self.coaching_page,
                     self.assignments_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.navigation = Navigation(self.pages)

        shell = Shell(app, self.jobs, self.navigation, self)
        self.session = SessionController(shell, self.sign_in_page)
        self.accounts = AccountsController(shell, self.accounts_page, self.audit_page)
        self.practice = PracticeController(shell, self.library_page, self.practice_page, self.summary_page,
                                           settings, models)
        self.review = ReviewController(shell, self.history_page, self.summary_page,
                                       self.practice.customer_voice.player)
        self.progress = ProgressController(shell, self.dashboard_page, self.leaderboard_page,
                                           self.coaching_page)
        self.reports = ReportsController(shell, self.reports_page)
        self.editor = EditorController(shell, self.editor_page, self.practice)
        self.assignments = AssignmentsController(shell, self.assignments_page)
        self.customer_voice = self.practice.customer_voice
        self.trainee_voice = self.practice.trainee_voice
        self._connect_features()

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.message = QLabel()
        self._status = ""  # "opening", "ready": see _set_status
        self.sync_status = SyncStatus()
        self.sync = SyncController(app, self.sync_status, self)
        self.practice.reply_scored.connect(self._sync_when_finished)
        self.session.signed_in.connect(lambda *_: self.sync.sync_now())
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self._build_menu()
        self.retranslate()
        self._restore_geometry()

    def _connect_features(self) -> None:
        """Where one feature leads to another."""
        self.session.signed_in.connect(self._first_page)
        self.library_page.change_trainee.connect(self.session.sign_out)
        self.library_page.history_requested.connect(self.review.show_history)
        self.library_page.progress_requested.connect(self.progress.show_dashboard)
        self.library_page.leaderboard_requested.connect(self.progress.show_leaderboard)
        self.dashboard_page.practise.connect(self.practice.start)
        self.coaching_page.open_trainee.connect(self.review.show_history)
        self.leaderboard_page.open_trainee.connect(self.review.show_history)
        self.accounts_page.coaching_requested.connect(self.progress.show_coaching)
        self.accounts_page.reports_requested.connect(self.reports.show_reports)
        self.practice.reply_scored.connect(self.reply_scored)
        self.practice.heard.connect(self.heard)

    # -- start-up -------------------------------------------------------------------------------------

    def load(self) -> None:
        """Open the database and library in the background, then load the encoder."""
        self._set_status("opening")
        self.jobs.submit(self.app.open, on_done=self._opened)
        self.customer_voice.warm_up()

    def _opened(self, problems: list[str]) -> None:
        if problems:
            QMessageBox.warning(self, self.tr("Some scenarios could not be loaded"), "\n".join(problems))
        self.jobs.submit(self.app.accounts.needs_first_admin, on_done=self._show_sign_in)
        self.jobs.submit(self.app.practice.warm_up, on_done=lambda _: self._set_status("ready"))
        self.sync.start()

    def _sync_when_finished(self, outcome: ReplyOutcome) -> None:
        if outcome.summary is not None:  # a finished session goes to the central server at once
            self.sync.sync_now()

    def _set_status(self, status: str) -> None:
        """The status bar's message, kept as a key so a change of language translates it too."""
        self._status = status
        texts = {"opening": self.tr("Opening your practice data…"), "ready": self.tr("Ready.")}
        self.message.setText(texts.get(status, ""))

    def _show_sign_in(self, first_run: bool) -> None:
        self.session.show_sign_in(first_run)
        self.ready.emit()

    def _first_page(self, identity: Identity) -> None:
        if identity.trainee_id is not None:
            self.library_page.clear_filters()  # the last person's filters are not the next one's
            self.practice.show_library(home=True)
        else:
            self.accounts.show_accounts(home=True)

    @property
    def identity(self) -> Identity | None:
        """Who is signed in."""
        return self.session.identity

    @property
    def export_progress(self) -> ExportProgress | None:
        """The latest export's progress dialog."""
        return self.reports.export_progress

    def current_page(self) -> QWidget | None:
        return self.navigation.current()

    # -- menu, language, errors ------------------------------------------------------------------------

    def _build_menu(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.history_action = self._action(self._history_from_menu, "Ctrl+H")
        self.coaching_action = self._action(self.progress.show_coaching, "Ctrl+K")
        self.leaderboard_action = self._action(self.progress.show_leaderboard, "Ctrl+L")
        self.assignments_action = self._action(self.assignments.show)
        self.editor_action = self._action(self.editor.show_editor)
        self.accounts_action = self._action(self.accounts.show_accounts)
        self.reports_action = self._action(self.reports.show_reports, "Ctrl+R")
        self.sign_out_action = self._action(self.session.sign_out)
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        for action in (self.history_action, self.coaching_action, self.leaderboard_action,
                       self.assignments_action, self.editor_action, self.accounts_action, self.reports_action,
                       self.sign_out_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        rights: dict[QAction, Right] = {
            self.coaching_action: "coach", self.assignments_action: "coach",
            self.accounts_action: "manage_accounts", self.reports_action: "view_reports",
            self.editor_action: "edit_scenarios"}
        for action, right in rights.items():
            self.session.gate(action, partial(Identity.may, right=right))
        self.session.gate(self.history_action, lambda who: who.trainee_id is not None)
        for anyone in (self.sign_out_action, self.leaderboard_action):
            self.session.gate(anyone, lambda who: True)

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
        self.models_action = self._action(self.show_models)
        self.settings_menu.addAction(self.models_action)

    def _action(self, slot: Callable[[], object],
                shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _history_from_menu(self) -> None:
        if self.session.trainee_id is not None:
            self.review.show_history()

    def show_models(self) -> None:
        dialog = ModelsDialog(self.models, self)
        dialog.installed.connect(self._model_installed)
        dialog.open()

    def _model_installed(self, model: InstalledModel) -> None:
        """Into the audit log, as whoever is signed in (on the engine thread, like every write)."""
        self.jobs.submit(call(self.app.speech_models.record_installed, model))

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
        self.leaderboard_action.setText(self.tr("&Leaderboard"))
        self.assignments_action.setText(self.tr("Assi&gnments (trainers)"))
        self.accounts_action.setText(self.tr("&Accounts (HR)"))
        self.reports_action.setText(self.tr("&Reports and exports (HR)"))
        self.editor_action.setText(self.tr("Scenario &editor (trainers)"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.models_action.setText(self.tr("Speech &models…"))
        self._set_status(self._status)
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
        self.reports.shutdown()  # a running export stops and leaves no file
        self.sync.shutdown()  # a round cut short is simply pushed again next time
        if not self.jobs.closed:
            self.jobs.submit(self.app.practice.stop)  # a session left open is saved as stopped
            self.jobs.shutdown()  # queued writes finish before the window goes
        self.practice.shutdown()
        super().closeEvent(event)
