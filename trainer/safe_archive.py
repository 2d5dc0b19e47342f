"""Taking in someone else's zip or folder safely: for the speech-model import and scenario packs.

Every member is checked before anything is unpacked, against :class:`Limits` the caller chooses
(a speech model may be gigabytes, a pack is small): the number of files and folders, the total
size, each file's size, and each large file's compression ratio (a zip bomb packs a gigabyte of
zeros into a megabyte); every name must be a plain relative path on every platform (no leading
``/``, no drive letter or other ``:``, no backslash, no ``..``), and no entry may be a symbolic
link or a special file. Then the bytes really unpacked are counted as they come, since a zip's
headers can lie: a member that turns out larger than it said stops everything.

A folder is walked without following links: a link anywhere in it (to a file or a folder) is
refused, as in a zip, and the same limits apply. Copying opens each file without following a link
either, so one swapped in after the check is not followed.

Refusals are :class:`ArchiveError` (a ``UserError``: one sentence naming the archive and the
member), and so is a member that is damaged, encrypted or packed in a way ``zipfile`` cannot
unpack. The functions that write (:func:`extract_zip`, :func:`copy_folder`) write only into a new
folder of the caller's, which the caller removes on any error: nothing half-written stays.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from trainer.domain.errors import UserError

MB = 1024 * 1024
GB = 1024 * MB
CHUNK = 256 * 1024


@dataclass(frozen=True)
class Limits:
    """What an archive may hold. ``ratio`` applies only to files larger than ``ratio_from``
    (small text files legitimately pack 50 to 1 or more); ``file_bytes`` is one file's size."""

    total_bytes: int
    files: int
    file_bytes: int | None = None
    ratio: int = 100
    ratio_from: int = MB


class ArchiveError(UserError):
    """The zip or folder is refused before (or while) it is unpacked; nothing is kept."""


TOO_MANY = "{name} holds {count} files and folders, more than the {limit} allowed."
TOO_LARGE = "{name} holds {size} of files, more than the {limit} allowed."
FILE_TOO_LARGE = "{member} in {name} is {size}, more than the {limit} allowed for one file."
RATIO = "{member} in {name} is compressed {ratio} to 1, more than the {limit} to 1 allowed for a large file."
NOT_PLAIN = ("{member} in {name} is not a plain relative path (it is absolute, or has a drive letter, "
             "a colon, a backslash or '..').")
LINK = "{member} in {name} is a symbolic link or a special file; only plain files and folders are taken."
LIED = "{member} in {name} turned out larger than it said it was; nothing was kept."
DAMAGED = "{name} is damaged ({member} fails its checksum)."
UNSUPPORTED = "{member} in {name} is encrypted or packed in a way this program cannot unpack."
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def size_text(n: int) -> str:
    """``n`` bytes for a sentence: 4.0 GB, 50 MB, 29 KB, 12 B (binary units, as file managers)."""
    if n >= GB:
        return f"{n / GB:.1f} GB"
    if n >= MB:
        return f"{n / MB:.0f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def is_plain_relative(name: str) -> bool:
    """A path that stays inside the folder it is unpacked into, read as Windows or POSIX would:
    not absolute, no drive letter (``C:``) or other colon (an NTFS stream), no backslash (a
    separator on Windows), no ``..``."""
    if not name or name.startswith("/") or any(c in name for c in ("\\", ":", "\x00")):
        return False
    return ".." not in name.split("/")


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    """The file type in a Unix zip's mode bits (zips from elsewhere, or ``writestr``, carry none)."""
    return stat.S_IFMT(info.external_attr >> 16) not in (0, stat.S_IFREG, stat.S_IFDIR)


# -- zips --------------------------------------------------------------------------------------------

def check_zip(archive: zipfile.ZipFile, limits: Limits, name: str) -> list[zipfile.ZipInfo]:
    """Every member of ``archive`` checked against ``limits`` from its headers alone (nothing is
    decompressed); raises :class:`ArchiveError` for the first problem. ``name`` is how the
    sentence names the archive (its file name)."""
    infos = archive.infolist()
    if len(infos) > limits.files:
        raise ArchiveError(TOO_MANY, name=name, count=len(infos), limit=limits.files)
    for info in infos:
        if not is_plain_relative(info.filename):
            raise ArchiveError(NOT_PLAIN, member=info.filename, name=name)
        if _is_link_or_special(info):
            raise ArchiveError(LINK, member=info.filename, name=name)
        if info.flag_bits & 0x1 or info.compress_type not in _METHODS:
            raise ArchiveError(UNSUPPORTED, member=info.filename, name=name)
        if limits.file_bytes is not None and info.file_size > limits.file_bytes:
            raise ArchiveError(FILE_TOO_LARGE, member=info.filename, name=name,
                               size=size_text(info.file_size), limit=size_text(limits.file_bytes))
        if info.file_size > limits.ratio_from and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise ArchiveError(RATIO, member=info.filename, name=name,
                               ratio=info.file_size // max(info.compress_size, 1), limit=limits.ratio)
    total = sum(i.file_size for i in infos)
    if total > limits.total_bytes:
        raise ArchiveError(TOO_LARGE, name=name, size=size_text(total), limit=size_text(limits.total_bytes))
    return infos


def _counted(source: IO[bytes], member: str, declared: int, name: str) -> Iterator[bytes]:
    """``source`` a block at a time, counting the bytes really produced: more than ``declared``
    (its header, or the size the folder listed) raises. Since every member keeps to what it
    declared and the declared sizes keep to the limits, so does the whole."""
    done = 0
    while block := source.read(CHUNK):
        done += len(block)
        if done > declared:
            raise ArchiveError(LIED, member=member, name=name)
        yield block


def read_members(archive: zipfile.ZipFile, limits: Limits,
                 name: str) -> Iterator[tuple[zipfile.ZipInfo, bytes]]:
    """Each file of ``archive`` with its content (folders are skipped), every member checked before
    the first is read, each counted as it is decompressed; raises :class:`ArchiveError`."""
    for info in check_zip(archive, limits, name):
        if not info.is_dir():
            with _damage_named(info.filename, name), archive.open(info) as member:
                data = b"".join(_counted(member, info.filename, info.file_size, name))
            yield info, data


def extract_zip(source: Path, target: Path, limits: Limits) -> None:
    """Unpack the zip ``source`` into the new folder ``target``, every member checked first;
    raises :class:`ArchiveError`, ``zipfile.BadZipFile`` (not a zip at all) or ``OSError``."""
    with zipfile.ZipFile(source) as archive:
        infos = check_zip(archive, limits, source.name)
        target.mkdir(parents=True)
        for info in infos:
            path = target.joinpath(*[p for p in info.filename.split("/") if p not in ("", ".")])
            if info.is_dir():
                path.mkdir(parents=True, exist_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with _damage_named(info.filename, source.name), archive.open(info) as member, \
                    _create(path) as out:
                for block in _counted(member, info.filename, info.file_size, source.name):
                    out.write(block)


@contextmanager
def _damage_named(member: str, name: str) -> Iterator[None]:
    """A member that fails its CRC (``BadZipFile``), whose deflate stream is broken or whose data
    ends early, as one sentence naming it."""
    try:
        yield
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise ArchiveError(DAMAGED, name=name, member=member) from None


def _create(path: Path) -> io.FileIO:
    """A new file (never an existing one, never through a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return io.FileIO(os.open(path, flags, 0o644), "w")


# -- folders ----------------------------------------------------------------------------------------

def check_folder(source: Path, limits: Limits) -> list[tuple[str, int]]:
    """Every entry under ``source`` (relative POSIX path, size; -1 for a folder) without following
    links; raises :class:`ArchiveError` for a link or special file, or a limit passed."""
    entries: list[tuple[str, int]] = []
    total = 0
    for top, dirs, files in os.walk(source, followlinks=False):
        for entry in sorted(dirs) + sorted(files):
            path = Path(top, entry)
            relative = path.relative_to(source).as_posix()
            mode = path.lstat().st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                raise ArchiveError(LINK, member=relative, name=source.name)
            size = path.lstat().st_size if stat.S_ISREG(mode) else -1
            if limits.file_bytes is not None and size > limits.file_bytes:
                raise ArchiveError(FILE_TOO_LARGE, member=relative, name=source.name, size=size_text(size),
                                   limit=size_text(limits.file_bytes))
            entries.append((relative, size))
            total += max(size, 0)
    if len(entries) > limits.files:
        raise ArchiveError(TOO_MANY, name=source.name, count=len(entries), limit=limits.files)
    if total > limits.total_bytes:
        raise ArchiveError(TOO_LARGE, name=source.name, size=size_text(total),
                           limit=size_text(limits.total_bytes))
    return entries


def copy_folder(source: Path, target: Path, limits: Limits) -> None:
    """Copy the folder ``source`` into the new folder ``target``, every entry checked first; a file
    is opened without following a link and its bytes counted (one that grew is refused)."""
    entries = check_folder(source, limits)
    target.mkdir(parents=True)
    for relative, size in entries:
        path = target / relative
        if size < 0:
            path.mkdir()
            continue
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(source / relative, flags)
        except OSError as exc:  # ELOOP: it became a link after the check
            raise ArchiveError(LINK, member=relative, name=source.name) from exc
        with os.fdopen(fd, "rb") as src, _create(path) as out:
            for block in _counted(src, relative, size, source.name):
                out.write(block)
