"""Settings → Speech models: what is installed per language, import, download, and the choice.

Import and download run on a background thread; a download shows its progress (through a
``ProgressToken``), can be cancelled and is resumed the next time (or restarted cleanly). A
download comes from the store's catalogue (the bundled one, or an IT department's
``catalogue.json``), which pins its size and SHA-256. Each model's SHA-256 (of the zip it was
installed from) is shown; ``installed`` tells the main window, which enters it in the audit log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.app.progress_token import ProgressToken
from trainer.domain.errors import UserError
from trainer.speech.models import Cancelled, InstalledModel, ModelStore
from trainer.ui import labels
from trainer.ui.errors import logged_message, plain_message
from trainer.ui.jobs import Jobs, call
from trainer.ui.widgets import Retranslating, read_only_table


class _Progress(QObject):
    """Carries download progress from the worker thread to the dialog (queued signal); a total
    of 0 means the size is unknown."""

    moved = Signal(int, int)


class ModelsDialog(Retranslating, QDialog):
    """Signals:
    installed(object): a model was imported or downloaded (its ``InstalledModel``).
    """

    installed = Signal(object)

    def __init__(self, store: ModelStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = Jobs(on_error=self._failed, parent=self)
        self._download_token: ProgressToken | None = None
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)

        self.table = read_only_table(4, stretch=1)
        self.language = QComboBox()
        for code in ("en", "zh-CN"):
            self.language.addItem(labels.language(code), code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self._use_selected)
        self.import_zip = QPushButton()
        self.import_zip.clicked.connect(self._import_zip)
        self.import_folder = QPushButton()
        self.import_folder.clicked.connect(self._import_folder)
        self.download_button = QPushButton()
        self.download_button.clicked.connect(lambda: self._download(restart=False))
        self.restart_button = QPushButton()
        self.restart_button.clicked.connect(lambda: self._download(restart=True))
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel_download)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.use_button)
        actions = QHBoxLayout()
        for button in (self.import_zip, self.import_folder, self.download_button, self.restart_button,
                       self.cancel_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(720, 420)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Speech models"))
        self.table.setHorizontalHeaderLabels([self.tr("Language"), self.tr("Model"), self.tr("In use"),
                                              self.tr("SHA-256 of the zip")])
        self.table.setAccessibleName(self.tr("Installed speech models"))
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language of the model"))
        self.use_button.setText(self.tr("&Use selected model"))
        self.import_zip.setText(self.tr("Import &zip…"))
        self.import_folder.setText(self.tr("Import &folder…"))
        self.download_button.setText(self.tr("&Download the official small model"))
        self.restart_button.setText(self.tr("Download again from the &start"))
        self.cancel_button.setText(self.tr("&Cancel download"))
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.close_button.setText(self.tr("Close"))

    def refresh(self) -> None:
        models = self.store.installed()
        chosen = {lang: self.store.chosen(lang) for lang in {m.language for m in models}}
        self.table.setRowCount(len(models))
        for row, m in enumerate(models):
            in_use = "✓" if chosen.get(m.language) == m else ""
            sha = f"{m.sha256[:16]}…" if m.sha256 else "—"
            for col, text in enumerate((labels.language(m.language), m.name, in_use, sha)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (m.language, m.name))
                if col == 3:
                    item.setToolTip(m.sha256 or self.tr("Imported from a folder: no zip"))
                self.table.setItem(row, col, item)
        if not models:
            self.message.setText(self.tr("No speech model is installed: import one (banks without internet "
                                         "access can copy the zip from another computer) or download the "
                                         "official small model. Typed replies work without one."))

    # -- actions -------------------------------------------------------------------------------------------

    def _lang(self) -> str:
        return str(self.language.currentData())

    def _use_selected(self) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        language, name = item.data(Qt.ItemDataRole.UserRole)
        self.store.choose(language, name)
        self.refresh()

    def _import_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a speech model"), "",
                                              self.tr("Zip files (*.zip)"))
        if path:
            self._import(path)

    def _import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a speech model folder"))
        if path:
            self._import(path)

    def _import(self, path: str) -> None:
        self.message.setText(self.tr("Importing…"))
        self.jobs.submit(call(self.store.import_model, Path(path), self._lang()), on_done=self._installed)

    def _download(self, restart: bool) -> None:
        try:
            entry = self.store.catalogue().get(self._lang())
        except UserError as exc:  # the IT department's catalogue.json cannot be used
            self.message.setText(logged_message(exc))
            return
        if entry is None:
            return  # every language the dialog offers is in the bundled catalogue
        url = entry.url
        token = ProgressToken(lambda done, total: self._progress.moved.emit(done, total or 0))
        self._download_token = token
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        for button in (self.download_button, self.restart_button, self.import_zip, self.import_folder):
            button.setEnabled(False)
        self.message.setText(self.tr("Downloading {url}…").format(url=url))
        self.jobs.submit(call(self.store.download, url, self._lang(), token.report, token.is_cancelled,
                              sha256=entry.sha256, size=entry.size, restart=restart),
                         on_done=self._installed)

    def _cancel_download(self) -> None:
        if self._download_token is not None:
            self._download_token.cancel()

    def _moved(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * done / total))
        megabytes = f"{done / 1e6:.1f} / {total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
        self.progress.setFormat(megabytes)

    def _installed(self, model: InstalledModel) -> None:
        self._done()
        name, language = model.name, labels.language(model.language)
        if model.sha256 and model.sha256_verified:
            text = self.tr("Installed {name} for {language}; its SHA-256 {sha256} matches the catalogue.")
        elif model.sha256:
            text = self.tr("Installed {name} for {language}; the SHA-256 of its zip, {sha256}, is recorded.")
        else:
            text = self.tr("Installed {name} for {language}.")
        self.message.setText(text.format(name=name, language=language, sha256=model.sha256))
        self.refresh()
        self.installed.emit(model)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        # a ModelError's sentence (in the interface language when it has a translation), else where
        # the details are; a cancelled download is no error
        self.message.setText(plain_message(exc) if isinstance(exc, Cancelled) else logged_message(exc))

    def _done(self) -> None:
        self._download_token = None
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        for button in (self.download_button, self.restart_button, self.import_zip, self.import_folder):
            button.setEnabled(True)

    def done(self, result: int) -> None:
        # Closing never waits: a download stops within a second, an import finishes (into a
        # temporary folder, moved into place at the end) on its own.
        self._cancel_download()
        self.jobs.shutdown(wait=False)
        super().done(result)
