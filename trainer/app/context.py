"""The composition root: the one place that opens the database, loads the library, the rules and
the scorer, and builds the services the UI and the command line call.

``App(settings).open()`` runs where the database will be used (the desktop app's engine thread,
or the command line's only thread): SQLite connections stay on the thread that made them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from trainer.app.accounts import AccountsService, SignedIn
from trainer.app.assignments import AssignmentsService
from trainer.app.authoring import AuthoringService
from trainer.app.central_access import CentralAccess
from trainer.app.practice import PracticeService
from trainer.app.progress import ProgressService
from trainer.app.reports import ReportsService
from trainer.app.settings import Settings
from trainer.app.speech_models import SpeechModelsService
from trainer.app.sync import SyncService
from trainer.app.sync_admin import ServerAdmin
from trainer.domain.audit import ChainCheck
from trainer.domain.incentives import IncentiveRules
from trainer.library.catalog import Catalog, bundled_scenarios_dir, load_catalog
from trainer.library.incentive_rules import active_rules, bundled_rules_path, load_rules
from trainer.library.loader import ScenarioError
from trainer.storage.accounts import AccountStore
from trainer.storage.central_mirror import Mirror
from trainer.storage.private import private_folder
from trainer.storage.repository import Repository
from trainer.storage.standings import Standings
from trainer.storage.sync_config import read_config

if TYPE_CHECKING:
    from sqlite_utils import Database

    from trainer.domain.scoring import RubricScorer


S = TypeVar("S")
log = logging.getLogger("trainer")


def _now() -> datetime:
    return datetime.now(UTC)


class App:
    """Everything the program is made of, wired once. Services share this context: a scenario a
    trainer saves is in the library the next trainee sees."""

    def __init__(self, settings: Settings, *, scenario_folders: list[Path] | None = None,
                 clock: Callable[[], datetime] = _now, signed_in: SignedIn | None = None) -> None:
        self.settings = settings
        self.clock = clock
        self._scenario_folders = scenario_folders
        self._repo: Repository | None = None
        self._test_play_repo: Repository | None = None
        self._mirror_repo: Repository | None = None
        self._central_login: str | None = None  # "" once read: none
        self._account_store: AccountStore | None = None
        self._standings: Standings | None = None
        self.catalog = Catalog()
        self._rules: IncentiveRules | None = None
        self.rules_source = str(bundled_rules_path())
        self._scorer: RubricScorer | None = None
        self.audit_on_open: ChainCheck | None = None
        """The audit log's chain as :meth:`open` found it."""
        self.accounts = AccountsService(self, signed_in or SignedIn())
        self.central_access = CentralAccess(self)
        self.practice = PracticeService(self)
        self.authoring = AuthoringService(self)
        self.progress = ProgressService(self)
        self.reports = ReportsService(self)
        self.speech_models = SpeechModelsService(self)
        self.sync = SyncService(self)
        self.assignments = AssignmentsService(self)
        self.server = ServerAdmin(self)

    # -- opening ----------------------------------------------------------------------------------------

    def open(self, *, with_scorer: bool = True) -> list[str]:
        """Open and migrate the database (marking sessions a killed process left open), load the
        library and the branch's rules (and the scorer, unless ``with_scorer`` is False: it loads on
        first use then). Returns the problems found in branch files, one sentence each; a broken
        branch file is reported and the bundled one used instead."""
        from trainer.storage.database import open_database  # sqlite-utils: not before the window paints

        if self.settings.db_path.is_relative_to(self.settings.data_dir):
            private_folder(self.settings.data_dir)  # the program's own folder: its owner's only
        self._attach(open_database(self.settings.db_path))
        self.repo.mark_interrupted_sessions()
        self.audit_on_open = self.accounts.verify_audit_chain()
        if not self.audit_on_open.intact:
            log.warning("%s", self.audit_on_open.sentence())
        self.reload_catalog()
        problems = [str(r) for r in self.catalog.reports if r.is_error]
        try:
            self.rules, source = active_rules(self.settings.rules_dir)
            self.rules_source = str(source)
        except ScenarioError as exc:
            problems += [str(r) for r in exc.reports]
        if with_scorer:
            from trainer.app.scoring import scorer_for  # numpy and the models: off the UI thread

            try:
                self._scorer = scorer_for(self.settings.rules_dir)
            except ScenarioError as exc:
                problems += [str(r) for r in exc.reports]
                self._scorer = scorer_for(None)
        return problems

    def with_own_connection(self) -> App:
        """This app (its settings, library and rules; a scorer of its own if ever asked for) on a
        database connection of its own, for a second worker thread (the desktop app's exports):
        call it on that thread, and ``close()`` the result there. ``open()`` must have run. Both
        share one signed-in session: whoever signs in or out here does so there too."""
        other = App(self.settings, scenario_folders=self._scenario_folders, clock=self.clock,
                    signed_in=self.accounts.session)
        from trainer.storage.database import open_database  # sqlite-utils: not before the window paints

        other._attach(open_database(self.settings.db_path))
        other.catalog, other.rules, other.rules_source = self.catalog, self.rules, self.rules_source
        return other

    def _attach(self, db: Database) -> None:
        """The stores, all on this one connection."""
        self._repo, self._account_store, self._standings = Repository(db), AccountStore(db), Standings(db)

    def close(self) -> None:
        if self._mirror_repo is not None:
            self._mirror_repo.db.close()
            self._mirror_repo = None
        if self._test_play_repo is not None:
            self._test_play_repo.db.close()
            self._test_play_repo = None
        if self._repo is not None:
            self._repo.db.close()
            self._repo, self._account_store, self._standings = None, None, None

    # -- what the services share ----------------------------------------------------------------------

    @property
    def repo(self) -> Repository:
        return _opened(self._repo)

    @property
    def test_play_repo(self) -> Repository:
        """The test-play store (``Settings.test_play_db_path``), opened on first use."""
        if self._test_play_repo is None:
            from trainer.storage.database import open_database

            self._test_play_repo = Repository(open_database(self.settings.test_play_db_path))
        return self._test_play_repo

    @property
    def central_mirror(self) -> Mirror:
        """HR's or a trainer's copy of the central record (``Settings.central_mirror_path``)."""
        return Mirror(self._mirror().db)

    @property
    def central_repo(self) -> Repository:
        """The same copy, as a repository of practice (its ids are its own, not this database's)."""
        return self._mirror()

    def _mirror(self) -> Repository:
        if self._mirror_repo is None:
            from trainer.storage.database import open_database

            self._mirror_repo = Repository(open_database(self.settings.central_mirror_path))
        return self._mirror_repo

    @property
    def reads_central_record(self) -> bool:
        """Whether this PC syncs with an HR or trainer login: its reports read the central record."""
        return self.central_login is not None

    @property
    def central_login(self) -> str | None:
        """The kind of login ("hr" or "coach") this PC reads the central record with; ``None`` on
        a branch PC and one that does not sync. Read from ``sync.json`` once (reports,
        assignments, leaderboards ask on every call); ``sync_changed`` reads it again after this
        app set up or stopped syncing."""
        if self._central_login is None:
            config = read_config(self.settings.sync_config_path)
            self._central_login = config.kind if config is not None and config.kind != "branch" else ""
        return self._central_login or None

    def sync_changed(self) -> None:
        self._central_login = None

    @property
    def record_repo(self) -> Repository:
        """Where reports and exports read practice: the central record as of the last sync when
        this PC syncs with an HR or trainer login, else this PC's own database."""
        return self._mirror() if self.reads_central_record else self.repo

    @property
    def account_store(self) -> AccountStore:
        return _opened(self._account_store)

    @property
    def rules(self) -> IncentiveRules:
        """The incentive rules in force: the branch's, once ``open`` has read them, else the bundled."""
        if self._rules is None:
            self._rules = load_rules(bundled_rules_path())
        return self._rules

    @rules.setter
    def rules(self, rules: IncentiveRules) -> None:
        self._rules = rules

    @property
    def standings(self) -> Standings:
        return _opened(self._standings)

    @property
    def scorer(self) -> RubricScorer:
        """The scorer with the branch's rubric (raises ``ScenarioError`` if that file is broken and
        ``open`` did not load the scorer)."""
        if self._scorer is None:
            from trainer.app.scoring import scorer_for

            self._scorer = scorer_for(self.settings.rules_dir)
        return self._scorer

    def take_published(self, other: App) -> None:
        """The library and rules ``other`` (this app on another thread: the background sync's)
        holds now, after it took published ones from the central server. Plain references,
        swapped whole: a reader on the engine thread sees the old or the new, never half of one."""
        self.catalog, self.rules, self.rules_source = other.catalog, other.rules, other.rules_source

    def reload_catalog(self) -> None:
        user = self.settings.user_scenarios_dir
        folders = self._scenario_folders or [bundled_scenarios_dir()] + ([user] if user.is_dir() else [])
        self.catalog = load_catalog(folders)

    def is_bundled(self, scenario_id: str) -> bool:
        path = self.catalog.sources.get(scenario_id)
        return path is not None and not path.is_relative_to(self.settings.user_scenarios_dir)


def _opened(store: S | None) -> S:
    """A store, which exists once :meth:`App.open` has run."""
    if store is None:
        raise RuntimeError("App.open() was not called")
    return store
