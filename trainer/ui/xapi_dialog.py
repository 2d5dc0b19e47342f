"""The Reports view's xAPI settings: the home page and the platform the statements name, asked
for (filled with the branch's settings) before the file is chosen. What is given here becomes the
branch's setting when the export runs, for the app and the command line alike."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import xapi
from trainer.domain.errors import InvalidInput
from trainer.domain.xapi import XapiSettings
from trainer.export.xapi_export import default_platform
from trainer.ui.errors import plain_message
from trainer.ui.widgets import Retranslating


class XapiSettingsDialog(Retranslating, QDialog):
    def __init__(self, current: XapiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.home_page = QLineEdit(current.home_page or "")
        self.home_page.setPlaceholderText("https://www.bank.example")
        self.platform = QLineEdit(current.platform or "")
        self.platform.setPlaceholderText(default_platform())
        self.home_label, self.platform_label = QLabel(), QLabel()
        self.home_label.setBuddy(self.home_page)
        self.platform_label.setBuddy(self.platform)
        form = QFormLayout()
        form.addRow(self.home_label, self.home_page)
        form.addRow(self.platform_label, self.platform)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.ok_button, self.cancel_button = QPushButton(), QPushButton()
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("xAPI statements"))
        self.intro.setText(self.tr(
            "The learning-management system knows your organisation by its web address, the home "
            "page: it names each trainee's account and each scenario in the statements. The platform "
            "is what the statements say they come from (left empty: this program). Both are kept "
            "for later exports."))
        self.home_label.setText(self.tr("&Home page:"))
        self.platform_label.setText(self.tr("&Platform:"))
        self.home_page.setAccessibleName(self.tr("Home page"))
        self.platform.setAccessibleName(self.tr("Platform"))
        self.ok_button.setText(self.tr("&Choose the file…"))
        self.cancel_button.setText(self.tr("Cancel"))

    def settings(self) -> XapiSettings:
        """What was typed, checked (raises :class:`InvalidInput`); an empty platform: this program."""
        platform = self.platform.text().strip()
        return XapiSettings(xapi.home_page(self.home_page.text()),
                            xapi.platform(platform) if platform else None)

    def accept(self) -> None:
        try:
            self.settings()
        except InvalidInput as exc:
            self.problem.setText(plain_message(exc))
            return
        super().accept()

    @staticmethod
    def ask(parent: QWidget | None, current: XapiSettings) -> XapiSettings | None:
        """The settings the user confirmed, or ``None`` if they cancelled."""
        dialog = XapiSettingsDialog(current, parent)
        return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None
