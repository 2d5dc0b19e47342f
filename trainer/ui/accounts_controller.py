"""HR's accounts: the list, adding an account, changing a role, disabling or enabling an account,
and the audit log."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QMessageBox

from trainer.domain.accounts import Identity, Role
from trainer.ui import labels
from trainer.ui.account_pages import AccountsPage, AuditPage
from trainer.ui.controller import Controller, Shell
from trainer.ui.jobs import call


class AccountsController(Controller):
    def __init__(self, shell: Shell, page: AccountsPage, audit_page: AuditPage) -> None:
        super().__init__(shell)
        self.page = page
        self.audit_page = audit_page
        page.create_account.connect(self.create_account)
        page.set_role.connect(self.set_role)
        page.set_disabled.connect(self.set_disabled)
        page.audit_requested.connect(self.show_audit)
        audit_page.back.connect(self.nav.back)

    def show_accounts(self, home: bool = False) -> None:
        """The accounts page (``home``: as the first page after signing in)."""
        open_page = self.nav.home if home else self.nav.push
        self.page.start_form(afresh=home)

        def loaded(rows: list[dict[str, Any]]) -> None:
            self.page.set_rows(rows)
            open_page(self.page, self.show_accounts)

        self.jobs.submit(call(self.app.accounts.accounts), on_done=loaded)
        self.jobs.submit(call(self.app.accounts.audit_check), on_done=self.page.show_chain)

    def create_account(self, name: str, password: str, role: str, team: str) -> None:
        def done(_: Identity) -> None:
            self.page.clear_form()
            self.page.show_message(self.tr("Account {name} added.").format(name=name))
            self.show_accounts()

        # the role comes from the page's list of roles; the service checks it all the same
        self.jobs.submit(call(self.app.accounts.create_account, name, password, cast(Role, role),
                              team), on_done=done, on_error=self.tell(self.page.show_message))

    def set_role(self, name: str, role: str, password: str) -> None:
        """After HR confirms it (naming the person, the old role and the new one)."""
        old = next((str(r["role"]) for r in self.page.rows if r["username"] == name), "")
        if old == role:
            self.page.show_message(self.tr("{name} already has the role {role}.").format(
                name=name, role=labels.role(role)))
            return
        answer = QMessageBox.question(
            self.shell.window, self.tr("Change the role?"),
            self.tr("Change the role of {name} from {old} to {new}?").format(
                name=name, old=labels.role(old), new=labels.role(role)))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_: None) -> None:
            self.page.clear_form()
            self.page.show_message(self.tr("{name} now has the role {role}.").format(
                name=name, role=labels.role(role)))
            self.show_accounts()

        self.jobs.submit(call(self.app.accounts.set_role, name, cast(Role, role), password),
                         on_done=done, on_error=self.tell(self.page.show_message))

    def set_disabled(self, name: str, disabled: bool) -> None:
        """After HR confirms it: the account cannot sign in (its record stays), or can again. The
        service checks the right against whoever is signed in, and refuses the central server's
        accounts on a PC that syncs."""
        if disabled:
            title = self.tr("Disable the account?")
            text = self.tr("Disable the account {name}? They can no longer sign in; their practice and "
                           "records stay, and you can enable the account again.").format(name=name)
        else:
            title = self.tr("Enable the account?")
            text = self.tr("Enable the account {name} again? They can sign in again.").format(name=name)
        if QMessageBox.question(self.shell.window, title, text) != QMessageBox.StandardButton.Yes:
            return

        def done(changed: bool) -> None:
            if not changed:
                said = (self.tr("{name} is already disabled.") if disabled
                        else self.tr("{name} is not disabled."))
            else:
                said = (self.tr("{name} is disabled: they can no longer sign in.") if disabled
                        else self.tr("{name} is enabled again: they can sign in."))
            self.page.show_message(said.format(name=name))
            self.show_accounts()

        self.jobs.submit(call(self.app.accounts.set_disabled, name, disabled),
                         on_done=done, on_error=self.tell(self.page.show_message))

    def show_audit(self) -> None:
        def loaded(rows: list[dict[str, Any]]) -> None:
            self.audit_page.set_rows(rows)
            self.nav.push(self.audit_page, self.show_audit)

        self.jobs.submit(call(self.app.accounts.audit_log), on_done=loaded)
        self.jobs.submit(call(self.app.accounts.audit_check), on_done=self.audit_page.show_chain)
