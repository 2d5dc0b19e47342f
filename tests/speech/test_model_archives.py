"""Hostile model zips and folders (issue 14, item 9): every member is checked before anything is
unpacked (sizes, count, compression ratio, names, links), and a refusal leaves nothing behind.

The zips that claim gigabytes only say so in their central directory: nothing that large is
written, here or by the code under test.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from trainer.speech.models import ModelError, ModelStore

from hostile import MODEL, model_members, write_zip

GIB = 1024 ** 3


def assert_nothing_left(store: ModelStore) -> None:
    assert store.installed() == []
    assert [p.name for p in store.root.iterdir()] == []  # no model, no temporary folder


def model_folder(folder: Path) -> Path:
    for name, data in model_members().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder / MODEL


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    """5 MB of zeros packs into 5 KB: a real model file is never packed 1,000 to 1."""
    bomb = write_zip(tmp_path / "bomb.zip", {**model_members(), f"{MODEL}/am/huge.bin": bytes(5_000_000)})
    assert bomb.stat().st_size < 50_000
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match=rf"{MODEL}/am/huge\.bin in bomb\.zip is compressed \d+ to 1"):
        store.import_model(bomb, "en")
    assert_nothing_left(store)


def test_the_real_limits_refuse_a_member_declared_at_2_gib_without_writing_it(tmp_path: Path) -> None:
    member = f"{MODEL}/am/final.mdl"
    liar = write_zip(tmp_path / "liar.zip", model_members(), declared={member: (2 * GIB, None)})
    assert zipfile.ZipFile(liar).getinfo(member).file_size == 2 * GIB
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match=r"final\.mdl in liar\.zip is compressed"):
        store.import_model(liar, "en")
    assert_nothing_left(store)


def test_the_real_limits_refuse_a_model_declared_larger_than_4_gib(tmp_path: Path) -> None:
    """Three stored members of 1.5 GiB each (ratio 1 to 1): over the 4 GiB total."""
    big = {f"{MODEL}/graph/part{i}.fst": b"x" for i in range(3)}
    liar = write_zip(tmp_path / "big.zip", {**model_members(), **big}, compression=zipfile.ZIP_STORED,
                     declared={name: (3 * GIB // 2, 3 * GIB // 2) for name in big})
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match=r"big\.zip holds 4\.5 GB of files, more than the 4\.0 GB allowed"):
        store.import_model(liar, "en")
    assert_nothing_left(store)


@pytest.mark.parametrize("member", [
    "/etc/evil.conf", "../evil.conf", f"{MODEL}/../../evil.conf", "C:/evil.conf", "C:evil.conf",
    f"{MODEL}\\..\\..\\evil.conf", "..\\evil.conf", f"{MODEL}/conf/model.conf:stream",
])
def test_names_that_could_leave_the_folder_are_refused_on_every_platform(tmp_path: Path, member: str) -> None:
    hostile = write_zip(tmp_path / "names.zip", {**model_members(), member: b"x"})
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match=r"in names\.zip is not a plain relative path"):
        store.import_model(hostile, "en")
    assert_nothing_left(store)
    assert not (tmp_path / "evil.conf").exists()


def test_a_symbolic_link_entry_is_refused(tmp_path: Path) -> None:
    linked = write_zip(tmp_path / "link.zip", model_members(), links={f"{MODEL}/am/extra.mdl": "/etc/passwd"})
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match=r"am/extra\.mdl in link\.zip is a symbolic link or a special file"):
        store.import_model(linked, "en")
    assert_nothing_left(store)


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_folder_import_never_follows_a_symbolic_link(tmp_path: Path, kind: str) -> None:
    """The folder import used to copy what a link pointed at (a system file) into the store."""
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "passwords.txt").write_text("secret", encoding="utf-8")
    root = model_folder(tmp_path / "src")
    link = root / "am" / ("extra.mdl" if kind == "file" else "extra")
    os.symlink(secret / "passwords.txt" if kind == "file" else secret, link)
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match=rf"am/extra(\.mdl)? in {MODEL} is a symbolic link or a special"):
        store.import_model(tmp_path / "src", "en")
    assert_nothing_left(store)


def test_lowered_limits_refuse_too_many_or_too_large_files_in_a_zip(tmp_path: Path) -> None:
    from trainer.safe_archive import Limits

    many = write_zip(tmp_path / "many.zip", {**model_members(),
                                             **{f"{MODEL}/conf/{i}.conf": b"x" for i in range(10)}})
    store = ModelStore(tmp_path / "store", limits=Limits(total_bytes=1_000_000, files=5))
    with pytest.raises(ModelError, match=r"many\.zip holds 12 files and folders, more than the 5 allowed"):
        store.import_model(many, "en")
    large = write_zip(tmp_path / "large.zip", {**model_members(), f"{MODEL}/am/x.bin": os.urandom(40_000)})
    store = ModelStore(tmp_path / "store", limits=Limits(total_bytes=30_000, files=100))
    with pytest.raises(ModelError, match=r"large\.zip holds 68 KB of files, more than the 29 KB allowed"):
        store.import_model(large, "en")
    assert_nothing_left(store)


def test_lowered_limits_refuse_too_many_or_too_large_files_in_a_folder(tmp_path: Path) -> None:
    from trainer.safe_archive import Limits

    model_folder(tmp_path / "src")
    store = ModelStore(tmp_path / "store", limits=Limits(total_bytes=20_000, files=100))
    with pytest.raises(ModelError, match=rf"{MODEL} holds 29 KB of files, more than the 20 KB allowed"):
        store.import_model(tmp_path / "src", "en")
    store = ModelStore(tmp_path / "store", limits=Limits(total_bytes=1_000_000, files=2))
    with pytest.raises(ModelError, match=rf"{MODEL} holds 4 files and folders, more than the 2 allowed"):
        store.import_model(tmp_path / "src", "en")
    assert_nothing_left(store)


def test_a_real_sized_model_within_the_limits_still_imports(tmp_path: Path) -> None:
    """Ordinary model files (a few MB, packed 2-5 to 1) are well inside the model limits."""
    text = b"".join(b"%d word%d\n" % (i, i * 7919 % 10007) for i in range(300_000))
    ok = write_zip(tmp_path / "ok.zip", {**model_members(), f"{MODEL}/graph/words.txt": text})
    model = ModelStore(tmp_path / "store").import_model(ok, "en")
    assert (model.path / "graph" / "words.txt").read_bytes() == text
