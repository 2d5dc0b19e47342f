"""Which page is shown, and where Back goes: a stack of pages.

Opening a page pushes it; Back pops to the page before. A page already on the stack is not pushed
twice: opening it again returns to it (so the stack never loops). A page can be pushed with a
``reload``: going back to it runs that (which fetches fresh data and opens the page again when the
data is there), so a list shows what changed meanwhile (a best score, a new session).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QStackedWidget, QWidget


@dataclass
class _Entry:
    page: QWidget
    reload: Callable[[], None] | None


class Navigation:
    def __init__(self, pages: QStackedWidget) -> None:
        self.pages = pages
        self._stack: list[_Entry] = []

    def home(self, page: QWidget, reload: Callable[[], None] | None = None) -> None:
        """Start again from ``page`` (after signing in or out)."""
        self._stack = [_Entry(page, reload)]
        self.pages.setCurrentWidget(page)

    def push(self, page: QWidget, reload: Callable[[], None] | None = None) -> None:
        """Show ``page``, Back returning to the page shown before it."""
        for i, entry in enumerate(self._stack):
            if entry.page is page:
                del self._stack[i + 1:]
                entry.reload = reload
                break
        else:
            self._stack.append(_Entry(page, reload))
        self.pages.setCurrentWidget(page)

    def replace(self, page: QWidget, reload: Callable[[], None] | None = None) -> None:
        """Show ``page`` instead of the current one: Back skips what it replaces (a finished
        session's practice page, once its summary is shown)."""
        if self._stack:
            self._stack.pop()
        self.push(page, reload)

    def back(self) -> None:
        """Return to the page before the current one (reloaded, if it was pushed with a reload)."""
        if len(self._stack) > 1:
            self._stack.pop()
        if not self._stack:
            return
        entry = self._stack[-1]
        if entry.reload is not None:
            entry.reload()
        else:
            self.pages.setCurrentWidget(entry.page)

    def current(self) -> QWidget | None:
        return self.pages.currentWidget()

    def stack(self) -> list[QWidget]:
        """The pages Back goes through, the current one last."""
        return [entry.page for entry in self._stack]
