"""Signing in and out: the sign-in page (and the first run's administrator), who is signed in, and
which menu entries that account may use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction

from trainer.domain.accounts import Identity
from trainer.domain.errors import UserError
from trainer.ui.account_pages import SignInPage
from trainer.ui.controller import Controller, Shell
from trainer.ui.errors import logged_message
from trainer.ui.jobs import call


class SessionController(Controller):
    """Signals:
    signed_in(object): an ``Identity``; the window opens its first page.
    """

    signed_in = Signal(object)

    def __init__(self, shell: Shell, page: SignInPage) -> None:
        super().__init__(shell)
        self.page = page
        self._gates: list[tuple[QAction, Callable[[Identity], bool]]] = []
        page.sign_in.connect(self.sign_in)
        page.create_admin.connect(self.create_admin)

    def gate(self, action: QAction, allowed: Callable[[Identity], bool]) -> None:
        """``action`` is enabled only while someone ``allowed`` is signed in."""
        self._gates.append((action, allowed))
        self._update_menus()

    def show_sign_in(self, first_run: bool = False) -> None:
        self.page.show_for(first_run)
        self.nav.home(self.page)
        self._update_menus()

    def sign_in(self, name: str, password: str) -> None:
        self.jobs.submit(call(self.app.accounts.sign_in, name, password),
                         on_done=self._signed_in, on_error=self._failed)

    def create_admin(self, name: str, password: str) -> None:
        self.jobs.submit(call(self.app.accounts.create_first_admin, name, password),
                         on_done=self._signed_in, on_error=self._failed)

    def sign_out(self) -> None:
        self.jobs.submit(self.app.practice.stop)  # a session being played is saved as stopped
        self.jobs.submit(self.app.accounts.sign_out)
        self.shell.user.identity = None
        self.show_sign_in(False)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):  # a wrong password, too short a one, the database locked
            self.page.show_error(logged_message(exc))
        else:
            self.show_error(exc)

    def _signed_in(self, identity: Identity) -> None:
        self.shell.user.identity = identity
        self._update_menus()
        self.signed_in.emit(identity)

    def _update_menus(self) -> None:
        who = self.identity
        for action, allowed in self._gates:
            action.setEnabled(who is not None and allowed(who))
