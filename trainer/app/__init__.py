"""The application layer: what the desktop app and the command line both call."""
