"""The ``trainer`` command (see :mod:`trainer.cli.main`)."""

from trainer.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
