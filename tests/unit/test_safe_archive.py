"""The shared safe-archive checks, below what the model import and the packs already test: a zip
whose headers say less than a member holds, the byte counter, sizes in sentences, names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from trainer.safe_archive import MB, ArchiveError, Limits, _counted, extract_zip, is_plain_relative, size_text

from hostile import write_zip

LIMITS = Limits(total_bytes=10 * MB, files=100)


def test_a_member_whose_header_says_less_than_it_holds_never_gives_more(tmp_path: Path) -> None:
    """zipfile stops at the declared size, so the CRC fails: refused, naming the member."""
    liar = write_zip(tmp_path / "liar.zip", {"m/data.bin": b"abc" * 10_000},
                     declared={"m/data.bin": (10, None)})
    with pytest.raises(ArchiveError, match=r"liar\.zip is damaged \(m/data\.bin fails its checksum\)"):
        extract_zip(liar, tmp_path / "out", LIMITS)


def test_the_bytes_produced_are_counted_against_what_was_declared() -> None:
    assert b"".join(_counted(io.BytesIO(b"x" * 1000), "a", 1000, "z.zip")) == b"x" * 1000
    with pytest.raises(ArchiveError, match=r"a in z\.zip turned out larger than it said it was"):
        list(_counted(io.BytesIO(b"x" * 1001), "a", 1000, "z.zip"))


def test_an_encrypted_member_is_one_sentence(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "secret.zip", {"m/a.txt": b"x"})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the central directory's "encrypted" flag
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match=r"m/a\.txt in secret\.zip is encrypted or packed in a way"):
        extract_zip(path, tmp_path / "out", LIMITS)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "plain"), [
    ("am/final.mdl", True), ("graph/", True), ("./conf/model.conf", True), ("a..b/c", True),
    ("", False), ("/x", False), ("../x", False), ("a/../b", False), ("a/..", False), ("C:x", False),
    ("c:/x", False), ("a\\b", False), ("\\\\server\\share\\x", False), ("a:b", False),
])
def test_plain_relative_names(name: str, plain: bool) -> None:
    assert is_plain_relative(name) is plain


def test_sizes_read_as_a_file_manager_shows_them() -> None:
    sizes = (12, 30_000, 50 * MB, 4 * 1024 * MB)
    assert [size_text(n) for n in sizes] == ["12 B", "29 KB", "50 MB", "4.0 GB"]
