"""Scenario packs: export, preview, import; a broken pack changes nothing."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from trainer.library.catalog import load_catalog
from trainer.library.packs import PackError, apply_pack, export_pack, preview_pack

from helpers import ROOT
from hostile import write_zip

ATM = ROOT / "scenarios" / "atm_card_swallowed.yaml"
QUEUE = ROOT / "scenarios" / "long_queue.yaml"


def test_export_then_import_adds_and_replaces(tmp_path: Path) -> None:
    avatar = ROOT / "assets" / "avatars" / "male_adult.svg"
    pack = export_pack([ATM, QUEUE], tmp_path / "branch.zip", assets=[avatar])
    assert sorted(zipfile.ZipFile(pack).namelist()) == [
        "assets/male_adult.svg", "scenarios/atm_card_swallowed.yaml", "scenarios/long_queue.yaml"]
    user = tmp_path / "user-scenarios"
    preview = preview_pack(pack, existing_ids={"long_queue"})
    assert preview.added == ["atm_card_swallowed"] and preview.replaced == ["long_queue"]
    written = apply_pack(preview, user)
    assert sorted(p.name for p in written) == ["atm_card_swallowed.yaml", "long_queue.yaml", "male_adult.svg"]
    catalog = load_catalog([user])
    assert sorted(catalog.scenarios) == ["atm_card_swallowed", "long_queue"] and catalog.reports == []
    assert not list(user.glob(".*importing"))


def test_a_broken_pack_changes_nothing(tmp_path: Path) -> None:
    user = tmp_path / "user-scenarios"
    apply_pack(preview_pack(export_pack([QUEUE], tmp_path / "ok.zip"), set()), user)
    before = {p: p.read_bytes() for p in user.rglob("*") if p.is_file()}
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as z:
        z.write(ATM, "scenarios/atm_card_swallowed.yaml")
        bad = ATM.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: 9")
        z.writestr("scenarios/bad.yaml", bad)
    with pytest.raises(PackError) as info:
        preview_pack(broken, set())
    messages = [str(r) for r in info.value.reports]
    expected = "broken.zip:scenarios/bad.yaml:7: difficulty must be 1, 2 or 3 (got 9)"
    assert any(m.startswith(expected) for m in messages)
    with zipfile.ZipFile(broken, "a") as z:  # a name that escapes: refused before anything is read
        z.writestr("../escape.yaml", "id: x")
    with pytest.raises(PackError) as info:
        preview_pack(broken, set())
    assert [str(r) for r in info.value.reports] == [
        f"{broken}: ../escape.yaml in broken.zip is not a plain relative path (it is absolute, or has a "
        "drive letter, a colon, a backslash or '..')."]
    assert {p: p.read_bytes() for p in user.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(("content", "message"), [
    (b"not a zip", "this is not a zip file"),
    (None, "holds no scenario files"),
])
def test_unusable_packs_are_one_sentence(tmp_path: Path, content: bytes | None, message: str) -> None:
    pack = tmp_path / "p.zip"
    if content is None:
        with zipfile.ZipFile(pack, "w") as z:
            z.writestr("readme.txt", "hello")
    else:
        pack.write_bytes(content)
    with pytest.raises(PackError, match=message):
        preview_pack(pack, set())


def test_export_to_an_impossible_place_leaves_no_partial_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        export_pack([ATM], not_a_folder / "x.zip")
    with pytest.raises(OSError):
        export_pack([ATM, tmp_path / "missing.yaml"], tmp_path / "y.zip")  # fails half-way
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_member_that_would_replace_the_assets_folder_is_refused_first(tmp_path: Path) -> None:
    """A pack holding a file named just "assets" used to install its scenario, then fail on the
    assets folder (IsADirectoryError): now it is refused before anything is written."""
    user = tmp_path / "user-scenarios"
    avatar = ROOT / "assets" / "avatars" / "male_adult.svg"
    apply_pack(preview_pack(export_pack([QUEUE], tmp_path / "ok.zip", assets=[avatar]), set()), user)
    before = {p: p.read_bytes() for p in user.rglob("*") if p.is_file()}
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as z:
        z.write(ATM, "scenarios/atm_card_swallowed.yaml")
        z.writestr("assets", b"not a folder")
    with pytest.raises(PackError) as info:
        preview_pack(hostile, {"long_queue"})
    assert any("hostile.zip:assets" in str(r) and "inside assets/" in str(r) for r in info.value.reports)
    assert {p: p.read_bytes() for p in user.rglob("*") if p.is_file()} == before


def test_a_move_that_fails_half_way_puts_everything_back(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import trainer.library.packs as packs

    user = tmp_path / "user-scenarios"
    apply_pack(preview_pack(export_pack([QUEUE], tmp_path / "ok.zip"), set()), user)
    before = {p: p.read_bytes() for p in user.rglob("*") if p.is_file()}
    preview = preview_pack(export_pack([QUEUE, ATM], tmp_path / "both.zip"), {"long_queue"})
    preview.files["long_queue.yaml"] = preview.files["long_queue.yaml"].replace(b"title:", b"title: X")
    real, calls = os.replace, []

    def failing(src: object, dst: object) -> None:
        calls.append(dst)
        if str(dst).endswith("atm_card_swallowed.yaml"):
            raise OSError(28, "No space left on device", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(packs.os, "replace", failing)
    with pytest.raises(PackError) as info:
        apply_pack(preview, user)
    monkeypatch.setattr(packs.os, "replace", real)
    assert "No space left on device" in str(info.value.reports[0])
    assert {p: p.read_bytes() for p in user.rglob("*") if p.is_file()} == before  # as it was
    assert len(calls) >= 3  # long_queue was moved aside and replaced before atm failed


# -- hostile packs (issue 14, item 9): refused before a single member is read -----------------------

def _scenario_members() -> dict[str, bytes]:
    return {"scenarios/atm_card_swallowed.yaml": ATM.read_bytes()}


def test_a_pack_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    """4.9 MB of zeros packs into 5 KB: 40 of them made a 197 KB pack that unpacked 196 MB."""
    bomb = write_zip(tmp_path / "bomb.zip", {**_scenario_members(), "assets/big.svg": bytes(4_900_000)})
    with pytest.raises(PackError) as info:
        preview_pack(bomb, set())
    assert "assets/big.svg in bomb.zip is compressed" in str(info.value.reports[0])


def test_the_real_pack_limits_refuse_50_mb_or_500_files(tmp_path: Path) -> None:
    many = write_zip(tmp_path / "many.zip", {**_scenario_members(),
                                             **{f"assets/{i}.svg": b"<svg/>" for i in range(500)}})
    with pytest.raises(PackError, match=r"many\.zip holds 501 files and folders, more than the 500 allowed"):
        preview_pack(many, set())
    big = {f"assets/{i}.png": b"x" for i in range(11)}  # stored, each declared 4.9 MB: 53.9 MB
    liar = write_zip(tmp_path / "big.zip", {**_scenario_members(), **big}, compression=zipfile.ZIP_STORED,
                     declared={name: (4_900_000, 4_900_000) for name in big})
    with pytest.raises(PackError, match=r"big\.zip holds 51 MB of files, more than the 50 MB allowed"):
        preview_pack(liar, set())


@pytest.mark.parametrize("member", [
    "C:atm.yaml", "C:/scenarios/atm.yaml", "assets\\..\\..\\evil.svg", "/scenarios/atm.yaml",
    "scenarios/../../evil.yaml", "assets/a.svg:hidden",
])
def test_pack_names_that_could_leave_the_folder_are_refused(tmp_path: Path, member: str) -> None:
    hostile = write_zip(tmp_path / "names.zip", {**_scenario_members(), member: QUEUE.read_bytes()})
    with pytest.raises(PackError) as info:
        preview_pack(hostile, set())
    assert "in names.zip is not a plain relative path" in str(info.value.reports[0])


def test_a_symbolic_link_in_a_pack_is_refused(tmp_path: Path) -> None:
    linked = write_zip(tmp_path / "link.zip", _scenario_members(), links={"assets/avatar.svg": "/etc/passwd"})
    with pytest.raises(PackError) as info:
        preview_pack(linked, set())
    assert "assets/avatar.svg in link.zip is a symbolic link or a special file" in str(info.value.reports[0])


def test_lowered_pack_limits(tmp_path: Path) -> None:
    from trainer.library.packs import PACK_LIMITS

    pack = export_pack([ATM, QUEUE], tmp_path / "two.zip")
    assert preview_pack(pack, set(), limits=PACK_LIMITS).added == ["atm_card_swallowed", "long_queue"]
    with pytest.raises(PackError, match=r"two\.zip holds 2 files and folders, more than the 1 allowed"):
        preview_pack(pack, set(), limits=replace(PACK_LIMITS, files=1))
