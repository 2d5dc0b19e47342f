"""The one error type meant for users: a sentence they can act on, in their language.

``UserError(template, **fields)`` carries an English sentence with ``{named}`` fields. ``str()``
gives the English sentence (the command line and the log use it); the desktop app looks the
template up in its translations (context ``UserError``) and fills the same fields, so the message
appears in the interface language. Every error a user may see is a subclass: storage, access,
export, speech models, scenario packs, sign-in, an empty reply, bad input, something not found.
Anything else is a programming error: logged with its traceback, shown as a generic sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class UserError(Exception):
    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields) if fields else template)

    @property
    def sentence(self) -> str:
        """The English sentence: capitalised (unless it begins with a name or a path, kept as
        typed) and ending in a full stop."""
        return as_sentence(self.template, self.fields)


class InvalidInput(UserError, ValueError):
    """What the user typed or chose cannot be used (a ``ValueError`` too)."""


class NotFound(UserError, LookupError):
    """The scenario, session, trainee or account asked for does not exist (a ``LookupError`` too)."""


def as_sentence(template: str, fields: Mapping[str, Any] | None = None) -> str:
    """``template`` with its ``fields`` filled, as a sentence: its first letter capitalised unless
    it begins with a field (a name or a path stays as it was typed), ending in a full stop unless
    it ends in its own (。！？ ? !). Raises ``KeyError``/``ValueError`` for a broken template."""
    text = template.strip()
    if text and not text.startswith("{"):
        text = text[0].upper() + text[1:]
    text = (text.format(**fields) if fields else text).strip()
    if not text or text.endswith(("。", "！", "？", "?", "!")):
        return text
    return text.rstrip(".").rstrip() + "."
