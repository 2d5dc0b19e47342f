"""What the feature controllers share: the services, the engine thread, the page stack, who is
signed in, and the window (the parent of their dialogs).

Each controller wires one feature's pages to the services: it asks the engine thread for data and
hands the result to its page; pages only emit what the user did. The main window builds them and
connects one feature to another (a coaching row opens that trainee's history).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from trainer.app.context import App
from trainer.domain.accounts import Identity
from trainer.ui.errors import logged_message, show_error
from trainer.ui.jobs import Jobs
from trainer.ui.navigation import Navigation


@dataclass
class User:
    """Who is signed in (None before signing in and after signing out)."""

    identity: Identity | None = None

    @property
    def trainee_id(self) -> int | None:
        return self.identity.trainee_id if self.identity is not None else None


@dataclass
class Shell:
    app: App
    jobs: Jobs
    nav: Navigation
    window: QWidget
    user: User = field(default_factory=User)


class Controller(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.window)
        self.shell = shell
        self.app = shell.app
        self.jobs = shell.jobs
        self.nav = shell.nav

    @property
    def identity(self) -> Identity | None:
        return self.shell.user.identity

    @property
    def trainee_id(self) -> int | None:
        return self.shell.user.trainee_id

    def show_error(self, exc: BaseException) -> None:
        """In a dialog, the traceback in the log."""
        show_error(self.shell.window, exc)

    @staticmethod
    def tell(show: Callable[[str], None]) -> Callable[[BaseException], None]:
        """An ``on_error`` that logs the traceback and shows the sentence with ``show`` (a page's
        message line)."""
        return lambda exc: show(logged_message(exc))
