"""Signing in, and the HR administrator's pages: accounts and the audit log."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.accounts import ROLES
from trainer.domain.audit import ChainCheck
from trainer.storage.repository import local_minute
from trainer.ui import labels
from trainer.ui.widgets import Retranslating, heading, read_only_table

ERROR_RED = "#b00020"


class SignInPage(Retranslating, QWidget):
    """Sign in, or on the very first run create the HR administrator.

    Signals: sign_in(str, str) name and password; create_admin(str, str).
    """

    sign_in = Signal(str, str)
    create_admin = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_run = False
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton()
        self.button.clicked.connect(self._submit)
        for field in (self.name, self.password, self.repeat):
            field.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b00020;")
        self.name_label, self.password_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        self.name_label.setBuddy(self.name)
        self.password_label.setBuddy(self.password)
        self.repeat_label.setBuddy(self.repeat)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.password_label, self.password)
        form.addRow(self.repeat_label, self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        if self.first_run:
            self.title.setText(self.tr("Set up the teller trainer"))
            self.intro.setText(self.tr("First, create the HR administrator. The administrator creates the "
                                       "accounts of trainees and trainers."))
            self.button.setText(self.tr("&Create administrator"))
        else:
            self.title.setText(self.tr("Sign in"))
            self.intro.setText(self.tr("Use the name and password (or PIN) your administrator gave you."))
            self.button.setText(self.tr("&Sign in"))
        self.name_label.setText(self.tr("&Name:"))
        self.password_label.setText(self.tr("&Password or PIN:"))
        self.repeat_label.setText(self.tr("&Repeat it:"))
        self.name.setAccessibleName(self.tr("Name"))
        self.password.setAccessibleName(self.tr("Password or PIN"))
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.repeat.setVisible(self.first_run)
        self.repeat_label.setVisible(self.first_run)

    def show_for(self, first_run: bool) -> None:
        self.first_run = first_run
        self.retranslate()
        for field in (self.name, self.password, self.repeat):  # nobody's name is offered to the next
            field.clear()
        self.message.clear()
        self.name.setFocus()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.password.clear()
        self.password.setFocus()

    def _submit(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("Please type your name and password."))
            return
        if self.first_run:
            if password != self.repeat.text():
                self.message.setText(self.tr("The two passwords differ."))
                return
            self.create_admin.emit(name, password)
        else:
            self.sign_in.emit(name, password)


class AccountsPage(Retranslating, QWidget):
    """HR: the accounts, a form to add one, role changes, and disabling or enabling an account.

    Signals: create_account(str, str, str, str) name, password, role, team; set_role(str, str, str)
    name, role and a new password (needed when the role needs a longer one); set_disabled(str, bool)
    name and whether to disable it (False: enable it again); audit_requested();
    coaching_requested(); reports_requested().
    """

    create_account = Signal(str, str, str, str)
    set_role = Signal(str, str, str)
    set_disabled = Signal(str, bool)
    audit_requested = Signal()
    coaching_requested = Signal()
    reports_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.title = heading()
        self.table = read_only_table(3)
        self.name, self.password, self.team = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self._create)
        self.change_role = QComboBox()
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self._change)
        self.disable_button = QPushButton()  # disables the selected account, or enables it again
        self.disable_button.clicked.connect(self._toggle_disabled)
        self.audit_button = QPushButton()
        self.audit_button.clicked.connect(self.audit_requested)
        self.coaching_button = QPushButton()
        self.coaching_button.clicked.connect(self.coaching_requested)
        self.reports_button = QPushButton()
        self.reports_button.clicked.connect(self.reports_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # whatever the user starts next, the message about what they did before goes
        for line in (self.name, self.password, self.team):
            line.textEdited.connect(self.message.clear)
        for combo in (self.role, self.change_role):
            combo.activated.connect(self.message.clear)
        for button in (self.audit_button, self.coaching_button, self.reports_button):
            button.clicked.connect(self.message.clear)
        self._filling = False
        self.table.itemSelectionChanged.connect(self._selected)
        self.chain = chain_label()
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name, self.password, self.role, self.team), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        change = QHBoxLayout()
        change.addWidget(self.change_role)
        change.addWidget(self.change_button)
        change.addWidget(self.disable_button)
        change.addStretch(1)
        change.addWidget(self.reports_button)
        change.addWidget(self.coaching_button)
        change.addWidget(self.audit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.chain)
        layout.addWidget(self.table, 1)
        layout.addLayout(change)
        self.new_title = heading(scale=1.05)
        layout.addWidget(self.new_title)
        layout.addLayout(form)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Accounts"))
        self.new_title.setText(self.tr("New account"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Team")])
        self.table.setAccessibleName(self.tr("Accounts"))
        for label, text in zip(self.labels, (self.tr("&Name:"), self.tr("&Password or PIN:"),
                                             self.tr("R&ole:"), self.tr("&Team or branch:")), strict=True):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Name of the new account"))
        self.password.setAccessibleName(self.tr("Password or PIN of the new account"))
        self.team.setAccessibleName(self.tr("Team or branch"))
        self.role.setAccessibleName(self.tr("Role of the new account"))
        self.change_role.setAccessibleName(self.tr("New role for the selected account"))
        for combo in (self.role, self.change_role):
            current = combo.currentData()
            combo.clear()
            for r in ROLES:
                combo.addItem(labels.role(r), r)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.create_button.setText(self.tr("&Add account"))
        self.change_button.setText(self.tr("&Change role"))
        self.audit_button.setText(self.tr("A&udit log"))
        self.coaching_button.setText(self.tr("Coaching &view"))
        self.reports_button.setText(self.tr("&Reports and exports"))
        self.set_rows(self.rows)
        self._show_actions()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self._filling = True  # the list changing is not the user choosing an account
        try:
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                role = labels.role(row["role"])
                marks = [self.tr("disabled")] if row.get("disabled") else []
                marks += [self.tr("from the central server")] if row.get("central") else []
                if marks:
                    role = f"{role} ({', '.join(marks)})"
                for c, value in enumerate((row["username"], role, row["team"])):
                    item = QTableWidgetItem(value)
                    if row.get("disabled"):  # greyed, besides the word
                        item.setForeground(self.palette().placeholderText())
                    self.table.setItem(r, c, item)
        finally:
            self._filling = False
        self._show_actions()

    def selected_row(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _show_actions(self) -> None:
        """Disable or Enable for the selected account; neither for one this PC may not change
        (the central server's, while the PC syncs: HR changes it on HR's PC)."""
        row = self.selected_row()
        disabled = bool(row and row.get("disabled"))
        self.disable_button.setText(self.tr("&Enable account") if disabled else self.tr("&Disable account"))
        changeable = row is not None and row.get("changeable", True)
        self.disable_button.setEnabled(bool(changeable))
        self.change_button.setEnabled(row is None or bool(changeable))
        self.disable_button.setToolTip("" if row is None or changeable else self.tr(
            "An account of the central server: HR changes it on HR's PC."))
        self.change_button.setToolTip(self.disable_button.toolTip())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def start_form(self, *, afresh: bool = False) -> None:
        """The form as each time it is shown: empty, for a trainee (``afresh``: for someone who
        has just signed in, so no message of the one before either)."""
        self.clear_form()
        if afresh:
            self.message.clear()

    def _selected(self) -> None:
        """An account chosen: the role list starts at its role, and a new action begins."""
        if self._filling:
            return
        self.message.clear()
        self._show_actions()
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.change_role.setCurrentIndex(max(0, self.change_role.findData(self.rows[row]["role"])))

    def show_chain(self, check: ChainCheck) -> None:
        """Nothing while the audit log holds together; in red, plainly, when it does not."""
        show_chain(self.chain, check, quiet_when_intact=True)

    def _create(self) -> None:
        self.message.clear()
        self.create_account.emit(self.name.text().strip(), self.password.text(), str(self.role.currentData()),
                         self.team.text().strip())

    def _change(self) -> None:
        self.message.clear()
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.set_role.emit(self.rows[row]["username"], str(self.change_role.currentData()),
                               self.password.text())

    def _toggle_disabled(self) -> None:
        self.message.clear()
        row = self.selected_row()
        if row is not None:
            self.set_disabled.emit(row["username"], not row.get("disabled"))

    def clear_form(self) -> None:
        """Empty, and for a trainee: a role is chosen on purpose for each account, never left over
        from the one before."""
        for field in (self.name, self.password, self.team):
            field.clear()
        self.role.setCurrentIndex(self.role.findData("trainee"))


class AuditPage(Retranslating, QWidget):
    """HR: the append-only audit log. Signals: back()."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.title = heading()
        self.chain = chain_label()
        self.table = read_only_table(4, stretch=3)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.chain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit log"))
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Details")])
        self.table.setAccessibleName(self.tr("Audit log"))
        self.back_button.setText(self.tr("&Back"))

    def show_chain(self, check: ChainCheck) -> None:
        show_chain(self.chain, check, quiet_when_intact=False)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (local_minute(row["at"]), row["username"] or "", row["action"], audit_sentence(row))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()


def chain_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_chain(label: QLabel, check: ChainCheck, *, quiet_when_intact: bool) -> None:
    """The audit log's hash chain in words: where it breaks (in red), or that it holds."""
    if check.intact:
        label.setStyleSheet("")
        label.setText(QCoreApplication.translate(
            "AuditChain", "The audit log holds together: {n} entries, chain head {head}.").format(
                n=check.entries, head=check.short_head))
        label.setVisible(not quiet_when_intact)
        return
    why = {
        "missing": QCoreApplication.translate("AuditChain", "entry {n} is missing"),
        "misnumbered": QCoreApplication.translate("AuditChain", "entry {n} is out of place"),
        "unlinked": QCoreApplication.translate("AuditChain", "entry {n} does not follow the entry before it"),
        "changed": QCoreApplication.translate("AuditChain", "entry {n} was changed after it was written"),
        "unprotected": QCoreApplication.translate(
            "AuditChain", "the database's protection against changing the log was removed"),
    }[check.problem].format(n=check.broken_at)
    label.setStyleSheet(f"color: {ERROR_RED}; font-weight: bold;")
    label.setText(QCoreApplication.translate(
        "AuditChain", "The audit log has been tampered with: {why}. Entries 1 to {n} still hold together "
        "(chain head {head}); compare it with the head printed on your last export.").format(
            why=why, n=check.entries, head=check.short_head))
    label.show()


def audit_sentence(row: dict[str, Any]) -> str:
    """An audit entry in words, in the interface language (its fields filled in)."""
    detail: dict[str, Any] = json.loads(row["detail"] or "{}")
    tr = _AUDIT_SENTENCES.get(row["action"])
    if tr is None:  # an action this version has no sentence for: its fields, as stored
        return ", ".join(f"{k}: {v}" for k, v in detail.items() if v not in (None, ""))
    fields = {k: ("" if v is None else ", ".join(map(str, v)) if isinstance(v, list) else v)
              for k, v in detail.items()}
    fields.setdefault("username", row.get("username") or "")
    if "role" in fields:
        fields["role"] = labels.role(str(fields["role"]))
    for key in ("from", "to"):
        if key in fields:
            fields[key] = labels.role(str(fields[key]))
    if "dimension" in fields:
        fields["dimension"] = labels.dimension(str(fields["dimension"]))
    if "language" in fields:
        fields["language"] = labels.language(str(fields["language"]))
    try:
        return tr().format_map(_Blank(fields))
    except (ValueError, IndexError):
        return tr()


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


_AUDIT_SENTENCES = {
    "first_admin_created": lambda: QCoreApplication.translate("AuditLog", "Set up the program as its first HR administrator."),  # noqa: E501 - one message, as lupdate reads it
    "account_created": lambda: QCoreApplication.translate("AuditLog", "Added the account {username} as {role}."),  # noqa: E501 - one message, as lupdate reads it
    "role_changed": lambda: QCoreApplication.translate("AuditLog", "Changed {username} from {from} to {to}."),
    "password_reset": lambda: QCoreApplication.translate("AuditLog", "Gave {username} a new password."),
    "account_disabled": lambda: QCoreApplication.translate("AuditLog", "Disabled the account {username}."),
    "account_enabled": lambda: QCoreApplication.translate("AuditLog", "Enabled the account {username} again."),  # noqa: E501 - one message, as lupdate reads it
    "sign_in_refused_disabled": lambda: QCoreApplication.translate("AuditLog", "{username} tried to sign in while disabled."),  # noqa: E501 - one message, as lupdate reads it
    "lock_lifted": lambda: QCoreApplication.translate("AuditLog", "Lifted the lock on {account} from the command line."),  # noqa: E501 - one message, as lupdate reads it
    "signed_in": lambda: QCoreApplication.translate("AuditLog", "Signed in."),
    "sign_in_failed": lambda: QCoreApplication.translate("AuditLog", "A wrong password for {username}."),
    "sign_in_refused_locked": lambda: QCoreApplication.translate("AuditLog", "{username} tried to sign in while locked."),  # noqa: E501 - one message, as lupdate reads it
    "score_overridden": lambda: QCoreApplication.translate("AuditLog", "Changed the {dimension} score of session {session_id} from {automatic} to {value}."),  # noqa: E501 - one message, as lupdate reads it
    "coaching_note": lambda: QCoreApplication.translate("AuditLog", "Wrote a coaching note for {trainee}."),
    "scenario_published": lambda: QCoreApplication.translate("AuditLog", "Saved the scenario {id} to {file}."),  # noqa: E501 - one message, as lupdate reads it
    "scenario_pack_imported": lambda: QCoreApplication.translate("AuditLog", "Imported a scenario pack: added {added}, replaced {replaced}."),  # noqa: E501 - one message, as lupdate reads it
    "scenario_pack_exported": lambda: QCoreApplication.translate("AuditLog", "Exported the scenarios {ids} to {file}."),  # noqa: E501 - one message, as lupdate reads it
    "exported": lambda: QCoreApplication.translate("AuditLog", "Exported {rows} rows ({format}) from {from} to {to} to {file}."),  # noqa: E501 - one message, as lupdate reads it
    "sync_configured": lambda: QCoreApplication.translate("AuditLog", "This PC now syncs with the central server at {server} ({kind} {branch})."),  # noqa: E501 - one message, as lupdate reads it
    "sync_forgotten": lambda: QCoreApplication.translate("AuditLog", "This PC stopped syncing with the central server."),  # noqa: E501 - one message, as lupdate reads it
    "rules_published": lambda: QCoreApplication.translate("AuditLog", "Published the incentive rules in {file} to the central server as version {version}."),  # noqa: E501 - one message, as lupdate reads it
    "pack_published": lambda: QCoreApplication.translate("AuditLog", "Published the scenario pack {name} (version {version}: {ids}) to the central server."),  # noqa: E501 - one message, as lupdate reads it
    "central_taken": lambda: QCoreApplication.translate("AuditLog", "Took from the central server: accounts {accounts}; incentive rules {rules}; scenario packs {packs}."),  # noqa: E501 - one message, as lupdate reads it
    "sync_resent": lambda: QCoreApplication.translate("AuditLog", "Sent everything of this PC's to the central server again."),  # noqa: E501 - one message, as lupdate reads it
    "assigned": lambda: QCoreApplication.translate("AuditLog", "Assigned {situation} to {trainee}{team}, due {due}, pass mark {pass_mark}."),  # noqa: E501 - one message, as lupdate reads it
    "assignment_withdrawn": lambda: QCoreApplication.translate("AuditLog", "Withdrew assignment {assignment}."),  # noqa: E501 - one message, as lupdate reads it
    "speech_model_installed": lambda: QCoreApplication.translate("AuditLog", "Installed the {language} speech model {name} (SHA-256 {sha256})."),  # noqa: E501 - one message, as lupdate reads it
}
