"""What xAPI statements say about where they come from: the organisation's home page (which
names trainees' accounts and scenarios) and the platform, a branch's settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.domain.errors import InvalidInput
from trainer.domain.problems import excerpt

#: The platform when the branch has named none: this program and its version.
DEFAULT_PLATFORM = "Teller trainer"
MAX_HOME_PAGE = 200
MAX_PLATFORM = 100
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+(?:/\S*)?", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class XapiSettings:
    """``None``: not set (a home page must be set before exporting; the platform then is
    :data:`DEFAULT_PLATFORM` and the version)."""

    home_page: str | None = None
    platform: str | None = None


def home_page(text: str) -> str:
    """A home page as statements use it (without a trailing ``/``), or :class:`InvalidInput`."""
    address = text.strip().rstrip("/")
    if len(address) > MAX_HOME_PAGE or not _WEB_ADDRESS.fullmatch(address) or _CONTROL.search(address):
        raise InvalidInput("the xAPI home page must be a web address starting with https:// (got {got})",
                           got=excerpt(text))
    return address


def platform(text: str) -> str:
    """A platform's name as statements carry it, or :class:`InvalidInput`."""
    name = " ".join(text.split())
    if not name or _CONTROL.search(name):
        raise InvalidInput("the xAPI platform needs a name")
    if len(name) > MAX_PLATFORM:
        raise InvalidInput("the xAPI platform's name is longer than {most} characters", most=MAX_PLATFORM)
    return name
