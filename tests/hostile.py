"""Hostile inputs shared by tests: zips that lie, escape or link.

Nothing here writes much: a zip that claims gigabytes says so in its central directory only
(as a hostile tool would write it).
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

MODEL = "vosk-model-small-test"


def model_members(root: str = MODEL) -> dict[str, bytes]:
    """The files of a tiny Vosk model (``am/`` and ``conf/``) under ``root``."""
    return {f"{root}/am/final.mdl": b"\x00model" * 5000,
            f"{root}/conf/model.conf": b"--sample-frequency=16000\n"}


def write_zip(path: Path, members: dict[str, bytes], *, links: dict[str, str] | None = None,
              declared: dict[str, tuple[int, int | None]] | None = None,
              compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip of ``members``; ``links`` become symbolic-link entries (name -> target, as Info-ZIP
    stores them); ``declared`` rewrites what the central directory says of a member (its unpacked
    size, and its packed size unless None), without writing that much."""
    declared = declared or {}
    with zipfile.ZipFile(path, "w", compression=compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3  # Unix: the high 16 bits of external_attr are the file mode
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, target)
        for info in z.filelist:  # the central directory is written from these on close
            if info.filename in declared:
                info.file_size, packed = declared[info.filename]
                if packed is not None:
                    info.compress_size = packed
    return path
