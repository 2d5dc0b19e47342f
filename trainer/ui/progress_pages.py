"""Progress and incentives: the trainee's dashboard, the leaderboard, and the coaching view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.app.views import AttentionRow, Dashboard, LeaderboardRow, Scope
from trainer.domain.incentives import Level
from trainer.domain.scenario import CATEGORIES, DIMENSIONS
from trainer.ui import i18n, labels
from trainer.ui.score_chart import count_axis, plot_scores, score_chart
from trainer.ui.widgets import Retranslating, TablePage, heading, read_only_table


def _level_name(level: Level) -> str:
    return (level.name_zh or level.name) if i18n.current_language() == "zh-CN" else level.name


class DashboardPage(Retranslating, QWidget):
    """A trainee's progress. Signals: practise(str) a scenario id; back(); initials_only(bool)."""

    practise = Signal(str)
    back = Signal()
    initials_only = Signal(bool)
    record_audio = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dashboard: Dashboard | None = None
        self.title = heading()
        self.level = QLabel()
        self.level_bar = QProgressBar()
        self.level_bar.setFormat("%v / %m")
        self.certification = QLabel()
        self.certification.setWordWrap(True)
        self.chart, self.chart_view = score_chart(200)
        self.categories = read_only_table(1 + len(DIMENSIONS))
        self.badges = QListWidget()
        self.badges.setWordWrap(True)
        self.recommended = QLabel()
        self.recommended.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("background:#fff8e1; padding:6px; border-radius:4px;")
        self.practise_button = QPushButton()
        self.practise_button.clicked.connect(self._practise)
        self.initials = QCheckBox()
        self.initials.toggled.connect(self.initials_only)
        self.recordings = QCheckBox()
        self.recordings.toggled.connect(self.record_audio)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)

        grid = QGridLayout()
        grid.addWidget(self.chart_view, 0, 0, 1, 2)
        self.categories_title, self.badges_title = heading(scale=1.05), heading(scale=1.05)
        grid.addWidget(self.categories_title, 1, 0)
        grid.addWidget(self.badges_title, 1, 1)
        grid.addWidget(self.categories, 2, 0)
        grid.addWidget(self.badges, 2, 1)
        next_row = QHBoxLayout()
        next_row.addWidget(self.recommended, 1)
        next_row.addWidget(self.practise_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.initials)
        bottom.addWidget(self.recordings)
        bottom.addStretch(1)
        bottom.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.level)
        layout.addWidget(self.level_bar)
        layout.addWidget(self.certification)
        layout.addLayout(grid, 1)
        layout.addWidget(self.notes)
        layout.addLayout(next_row)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.level_bar.setAccessibleName(self.tr("Points toward the next level"))
        self.chart_view.setAccessibleName(self.tr("Score trends"))
        self.categories.setAccessibleName(self.tr("Scores by cause"))
        self.badges.setAccessibleName(self.tr("Badges"))
        self.categories_title.setText(self.tr("Strengths and weaknesses by cause"))
        self.badges_title.setText(self.tr("Badges"))
        self.practise_button.setText(self.tr("&Practise it"))
        self.initials.setText(self.tr("Show only my &initials on leaderboards"))
        self.recordings.setText(self.tr("&Keep recordings of my spoken replies for my trainer"))
        self.back_button.setText(self.tr("&Back"))
        self.categories.setHorizontalHeaderLabels(
            [self.tr("Cause")] + [labels.dimension(d) for d in DIMENSIONS]
        )
        self._render()

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        for box, key in ((self.initials, "initials_only"), (self.recordings, "record_audio")):
            box.blockSignals(True)
            box.setChecked(bool(dashboard.trainee.get(key)))
            box.blockSignals(False)
        self._render()
        self.back_button.setFocus()

    def _render(self) -> None:
        d = self.dashboard
        if d is None:
            return
        p = d.progress
        self.title.setText(self.tr("Progress of {name}").format(name=d.trainee["name"]))
        if p.next_level is not None:
            self.level.setText(
                self.tr("Level: {level} · {points} points · {missing} to {next}").format(
                    level=_level_name(p.level),
                    points=p.points,
                    missing=p.next_level.points - p.points,
                    next=_level_name(p.next_level),
                )
            )
            self.level_bar.setRange(0, p.next_level.points)
            self.level_bar.setValue(p.points)
        else:
            self.level.setText(
                self.tr("Level: {level} · {points} points (top level)").format(
                    level=_level_name(p.level), points=p.points
                )
            )
            self.level_bar.setRange(0, 1)
            self.level_bar.setValue(1)
        c = p.certification
        if c.certified:
            self.certification.setText(
                self.tr(
                    "Certified: every dimension at {t} or above on {n} scenarios across {m} causes."
                ).format(t=c.rules.threshold, n=c.scenarios, m=c.categories)
            )
        else:
            self.certification.setText(
                self.tr(
                    "Certification: every dimension at {t} or above on {n} scenarios across {m} causes "
                    "(so far {have_n} scenarios, {have_m} causes)."
                ).format(
                    t=c.rules.threshold,
                    n=c.rules.scenarios,
                    m=c.rules.categories,
                    have_n=c.scenarios,
                    have_m=c.categories,
                )
            )
        self._render_chart()
        self.categories.setRowCount(len(CATEGORIES))
        for row, category in enumerate(CATEGORIES):
            scores = p.by_category.get(category)
            values = [labels.category(category)] + [
                f"{scores[dim]:.0f}" if scores else "—" for dim in DIMENSIONS
            ]
            for col, value in enumerate(values):
                self.categories.setItem(row, col, QTableWidgetItem(value))
        self.badges.clear()
        for b in p.badges:
            mark = "✓ " if b.earned else ""
            title, description = b.badge.title, b.badge.description
            if i18n.current_language() == "zh-CN":
                title, description = b.badge.title_zh or title, b.badge.description_zh or description
            text = f"{mark}{title} — {description} ({b.current}/{b.target})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, b.badge.id)
            if b.earned:
                item.setToolTip(
                    self.tr("Earned on {day} by sessions {ids}").format(
                        day=b.earned_on, ids=", ".join(str(i) for i in b.sessions)
                    )
                )
            self.badges.addItem(item)
        if d.notes:
            title = self.tr("From your trainer")
            self.notes.setText(title + ": " + " · ".join(f"{n['note']} ({n['by']})" for n in d.notes[:3]))
        self.notes.setVisible(bool(d.notes))
        dimension, _category = p.weakest
        if d.recommended is not None:
            self.recommended.setText(
                self.tr("Recommended next: “{title}” — to work on {dimension} in {cause}.").format(
                    title=d.recommended.title,
                    dimension=labels.dimension(dimension),
                    cause=labels.category(d.recommended.category),
                )
            )
        self.practise_button.setEnabled(d.recommended is not None)

    def _render_chart(self) -> None:
        assert self.dashboard is not None
        trend = self.dashboard.progress.trend
        plot_scores(self.chart, count_axis(len(trend), self.tr("Session")), {
            d: [(n, float(point[1 + index])) for n, point in enumerate(trend, 1)]  # type: ignore[arg-type]
            for index, d in enumerate(DIMENSIONS)}, points_visible=False)

    def _practise(self) -> None:
        if self.dashboard is not None and self.dashboard.recommended is not None:
            self.practise.emit(self.dashboard.recommended.id)


class LeaderboardPage(Retranslating, QWidget):
    """Points per team (or branch or region of the central record) and period.

    Signals: refresh(object, str) the scope (a ``Scope``; None = everyone) and period; back();
    open_trainee(int, bool) a reviewer drills into a trainee's history (whether the id is the
    central record's)."""

    refresh = Signal(object, str)
    back = Signal()
    open_trainee = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading()
        self.team = QComboBox()
        self.period = QComboBox()
        self.team.currentIndexChanged.connect(self._changed)
        self.period.currentIndexChanged.connect(self._changed)
        self.as_of = QLabel()
        self.as_of.setWordWrap(True)
        self.as_of.hide()
        self.table = read_only_table(5)
        self.table.itemActivated.connect(lambda *_: self._open())
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open)
        self.open_button.hide()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.team_label, self.period_label = QLabel(), QLabel()
        self.team_label.setBuddy(self.team)
        self.period_label.setBuddy(self.period)
        filters = QHBoxLayout()
        for w in (self.team_label, self.team, self.period_label, self.period):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.as_of)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._scopes: list[Scope] = []
        self.rows: list[LeaderboardRow] = []
        self._stamp: str | None = None
        self.openable = False
        """Whether a row opens the trainee's history (a reviewer's leaderboard)."""
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Leaderboard"))
        self.team_label.setText(self.tr("&Team or branch:"))
        self.period_label.setText(self.tr("&Period:"))
        self.team.setAccessibleName(self.tr("Team or branch"))
        self.period.setAccessibleName(self.tr("Period"))
        self.table.setAccessibleName(self.tr("Leaderboard"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rank"), self.tr("Name"), self.tr("Team"), self.tr("Points"), self.tr("Sessions")]
        )
        self.open_button.setText(self.tr("&Open their sessions"))
        self.back_button.setText(self.tr("&Back"))
        self.period.blockSignals(True)
        current = self.period.currentData() or "week"
        self.period.clear()
        for value, text in (
            ("week", self.tr("This week")),
            ("month", self.tr("This month")),
            ("all", self.tr("All time")),
        ):
            self.period.addItem(text, value)
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self.period.blockSignals(False)
        self.set_scopes(self._scopes, self.scope())
        self.as_of.setText(labels.central_as_of(self._stamp))

    def set_scopes(self, scopes: list[Scope], selected: Scope | None = None) -> None:
        """What the filter offers besides everyone: teams (their data: the team's name), and in the
        central record regions and branches."""
        self._scopes = scopes
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("Everyone"), None)
        for scope in scopes:
            if scope.kind == "region":
                self.team.addItem(self.tr("Region: {name}").format(name=scope.name), f"region:{scope.name}")
            elif scope.kind == "branch":
                self.team.addItem(self.tr("Branch: {name}").format(name=scope.name), f"branch:{scope.name}")
            else:
                self.team.addItem(scope.name, scope.name)
        self.team.setCurrentIndex(1 + scopes.index(selected) if selected in scopes else 0)
        self.team.blockSignals(False)

    def scope(self) -> Scope | None:
        """The scope chosen (None: everyone)."""
        index = self.team.currentIndex()
        return self._scopes[index - 1] if 0 < index <= len(self._scopes) else None

    def set_rows(self, rows: list[LeaderboardRow], as_of: str | None = None, openable: bool = False) -> None:
        """The ranked rows; ``as_of``: when the central record they come from was last synced
        (None: this PC's own); ``openable``: a row opens the trainee's history."""
        self.rows, self._stamp, self.openable = rows, as_of, openable and bool(rows)
        self.as_of.setText(labels.central_as_of(as_of))
        self.as_of.setVisible(as_of is not None)
        self.open_button.setVisible(openable)
        self.open_button.setEnabled(bool(rows))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(
                (str(row.rank), row.name, row.team, str(row.points), str(row.sessions))
            ):
                item = QTableWidgetItem(value)
                if c in (0, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.openable and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _changed(self) -> None:
        self.refresh.emit(self.scope(), str(self.period.currentData()))

    def _open(self) -> None:
        row = self.table.currentRow()
        if self.openable and 0 <= row < len(self.rows):
            self.open_trainee.emit(self.rows[row].trainee_id, self.rows[row].central)


class CoachingPage(TablePage):
    """Who needs a trainer's attention. Signals: open_trainee(int, bool) drill down (whether the
    id is the central record's); back()."""

    open_trainee = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(3, parent=parent)
        self.rows: list[AttentionRow] = []
        self._stamp: str | None = None
        self.as_of = QLabel()
        self.as_of.setWordWrap(True)
        self.as_of.hide()
        self.column.insertWidget(1, self.as_of)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Who needs attention"))
        self.table.setHorizontalHeaderLabels([self.tr("Trainee"), self.tr("Team"), self.tr("Why")])
        self.table.setAccessibleName(self.tr("Trainees who need attention"))
        self.empty.setText(self.tr("Nobody needs attention right now."))
        self.open_button.setText(self.tr("&Open their sessions"))
        self.back_button.setText(self.tr("&Back"))
        self.set_rows(self.rows, self._stamp)

    def reason(self, code: str, detail: dict[str, float]) -> str:
        if code == "low_scores":
            return self.tr("low scores (recent average {n})").format(n=detail.get("recent_average", 0))
        if code == "falling_scores":
            return self.tr("falling scores (down {n} points)").format(n=detail.get("drop", 0))
        if code == "critical_fails":
            return self.tr("repeated critical fails ({n})").format(n=int(detail.get("critical_fails", 0)))
        days = int(detail.get("days_idle", -1))
        return self.tr("no practice yet") if days < 0 else self.tr("no practice for {n} days").format(n=days)

    def set_rows(self, rows: list[AttentionRow], as_of: str | None = None) -> None:
        """``as_of``: when the central record the rows come from was last synced (None: this PC's)."""
        self.rows, self._stamp = rows, as_of
        self.as_of.setText(labels.central_as_of(as_of))
        self.as_of.setVisible(as_of is not None)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            why = "; ".join(self.reason(code, row.detail) for code in row.reasons)
            for c, value in enumerate((row.name, row.team, why)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.trainee_id)
                self.table.setItem(r, c, item)
        self.show_rows(len(rows))

    def open_row(self, row: int) -> None:
        if row < len(self.rows):
            self.open_trainee.emit(self.rows[row].trainee_id, self.rows[row].central)
