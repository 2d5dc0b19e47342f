"""The scenario editor's diagram: turns in columns by distance from the opening, endings in the
last column, branches as lines. It keeps a size it can be read at: shrunk to fit its pane down to
:data:`MIN_SCALE`, scrolled beyond that."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from trainer.domain.scenario import Scenario

OUTCOME_COLOURS = {"resolved": "#c8e6c9", "escalated": "#ffe0b2", "walked_out": "#ffcdd2"}
TURN_COLOUR = "#e3f2fd"
BOX_W, BOX_H, COLUMN, ROW = 140, 36, 170, 60
#: Never drawn smaller than this (the node names stay readable); the pane scrolls instead.
MIN_SCALE = 0.6
MIN_WIDTH, MIN_HEIGHT = 320, 240


class TurnDiagram(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.scene_ = QGraphicsScene()
        super().__init__(self.scene_, parent)
        self.scene_.setParent(self)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def draw(self, s: Scenario) -> None:
        scene = self.scene_
        scene.clear()
        depth = {s.first_turn.id: 0}
        queue = deque([s.first_turn])
        while queue:
            turn = queue.popleft()
            for branch in turn.branches:
                target = s.turn(branch.goto)
                if branch.goto not in depth and target is not None:
                    depth[branch.goto] = depth[turn.id] + 1
                    queue.append(target)
        last = max(depth.values(), default=0) + 1
        columns: dict[int, list[str]] = {}
        for node_id in [t.id for t in s.turns] + [e.id for e in s.endings]:
            column = depth.get(node_id, last if s.ending(node_id) else last - 1)
            columns.setdefault(column, []).append(node_id)
        boxes = {}
        font = QFont(self.font())
        for column, ids in columns.items():
            for row, node_id in enumerate(ids):
                ending = s.ending(node_id)
                colour = OUTCOME_COLOURS.get(ending.outcome, "#eeeeee") if ending else TURN_COLOUR
                rect = scene.addRect(column * COLUMN, row * ROW, BOX_W, BOX_H, QPen(QColor("#607d8b")),
                                     QBrush(QColor(colour)))
                text = scene.addText(node_id, font)
                text.setDefaultTextColor(QColor("#000000"))  # on the light boxes, whatever the theme
                text.setPos(column * COLUMN + 4, row * ROW + 6)
                boxes[node_id] = rect.rect()
        for turn in s.turns:
            for branch in turn.branches:
                if turn.id in boxes and branch.goto in boxes:
                    a, b = boxes[turn.id], boxes[branch.goto]
                    scene.addLine(a.right(), a.center().y(), b.left(), b.center().y(),
                                  QPen(QColor("#90a4ae")))
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-8, -8, 8, 8))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As large as fits the pane, up to full size, never below :data:`MIN_SCALE`."""
        rect = self.scene_.sceneRect()
        if rect.isEmpty():
            return
        room = self.viewport().size()
        scale = min(1.0, room.width() / rect.width(), room.height() / rect.height())
        self.resetTransform()
        self.scale(max(MIN_SCALE, scale), max(MIN_SCALE, scale))
