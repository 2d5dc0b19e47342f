"""Downloads against misbehaving servers (issue 14, item 10), all on 127.0.0.1: a server that
stalls or never answers (cancel is honoured within a second), ignores Range or answers it with the
whole file, redirects to another host, sends more than expected or the wrong file; and the
catalogue that pins every official model's size and SHA-256 (an IT file may override it)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from time import monotonic

import pytest

from trainer.speech.models import Cancelled, ModelError, ModelStore

from hostile import MODEL, LocalServer, model_members, self_signed, write_zip


@pytest.fixture
def model_zip(tmp_path: Path) -> Iterator[bytes]:
    yield write_zip(tmp_path / "model.zip", model_members(), compression=zipfile.ZIP_STORED).read_bytes()


def parts(store: ModelStore) -> list[str]:
    downloads = store.root / ".downloads"
    return sorted(p.name for p in downloads.iterdir()) if downloads.exists() else []


@pytest.mark.parametrize("how", ["stalls mid-file", "never answers"])
def test_cancel_is_honoured_within_a_second_against_a_stalled_server(
        tmp_path: Path, model_zip: bytes, how: str) -> None:
    store = ModelStore(tmp_path / "store")
    behaviour = {"stall_after": 1000} if how == "stalls mid-file" else {"silent": True}
    with LocalServer(model_zip, **behaviour) as server:  # type: ignore[arg-type]
        started = monotonic()
        with pytest.raises(Cancelled):
            store.download(server.url, "en", cancelled=lambda: monotonic() > started + 0.3, timeout=5)
        assert monotonic() - started < 1.5
    assert store.installed() == []


def test_over_https_a_stalled_download_is_cancelled_and_a_broken_one_resumed(
        tmp_path: Path, model_zip: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """The official models come over https: the reads retried after each timeout go through TLS."""
    contexts = self_signed(tmp_path)
    if contexts is None:
        pytest.skip("needs the openssl command to make a certificate")
    server_tls, client_tls = contexts
    import trainer.speech.download as download

    monkeypatch.setattr(download.ssl, "create_default_context", lambda: client_tls)
    store = ModelStore(tmp_path / "store")
    with LocalServer(model_zip, stall_after=1000, tls=server_tls) as server:
        started = monotonic()
        with pytest.raises(Cancelled):
            store.download(server.url, "en", cancelled=lambda: monotonic() > started + 0.6, timeout=5)
        assert monotonic() - started < 2
    with LocalServer(model_zip, cut_first_after=len(model_zip) // 2, tls=server_tls) as server:
        with pytest.raises(ModelError, match="try again to resume"):
            store.download(server.url, "en", timeout=5)
        model = store.download(server.url, "en", sha256=hashlib.sha256(model_zip).hexdigest(), timeout=5)
    assert server.url.startswith("https://")  # the cancelled part resumed, then the broken one
    assert [rng for _, rng in server.requests] == ["bytes=1000-", f"bytes={1000 + len(model_zip) // 2}-"]
    assert store.installed() == [model] and model.sha256_verified


def test_a_server_that_stops_sending_is_given_up_after_the_timeout(tmp_path: Path, model_zip: bytes) -> None:
    store = ModelStore(tmp_path / "store")
    with LocalServer(model_zip, stall_after=1000) as server:
        started = monotonic()
        with pytest.raises(ModelError, match=r"The server sent nothing for 1 s; the download stopped"):
            store.download(server.url, "en", timeout=1)
        assert monotonic() - started < 3
    assert (store.root / ".downloads" / f"{MODEL}.zip.part").stat().st_size == 1000  # kept to resume


@pytest.mark.parametrize("ranges", ["ignore", "whole"])
def test_a_server_that_answers_a_resume_with_the_whole_file_starts_the_part_over(
        tmp_path: Path, model_zip: bytes, ranges: str) -> None:
    """200 with the whole file, or 206 with the whole file: the part is started over, never
    appended to (it used to grow by the whole file on every try)."""
    store = ModelStore(tmp_path / "store")
    seen: list[tuple[int, int | None]] = []
    with LocalServer(model_zip, cut_first_after=len(model_zip) // 3, ranges=ranges) as server:
        with pytest.raises(ModelError, match="try again to resume"):
            store.download(server.url, "en", timeout=5)
        model = store.download(server.url, "en", progress=lambda d, t: seen.append((d, t)), timeout=5)
    assert server.requests[1][1] == f"bytes={len(model_zip) // 3}-"  # it did ask to resume
    assert max(d for d, _ in seen) == len(model_zip) and seen[-1] == (len(model_zip), len(model_zip))
    assert store.installed() == [model] and model.sha256 == hashlib.sha256(model_zip).hexdigest()
    assert parts(store) == []


def test_a_redirect_to_another_host_is_refused_and_one_to_the_same_host_followed(
        tmp_path: Path, model_zip: bytes) -> None:
    store = ModelStore(tmp_path / "store")
    elsewhere = "http://localhost:{port}/moved/" + f"{MODEL}.zip"
    with LocalServer(model_zip, redirect=elsewhere) as server:
        with pytest.raises(ModelError, match=r"redirected to another host \(localhost\), which is refused"):
            store.download(server.url, "en", timeout=5)
        assert [path for path, _ in server.requests] == [f"/{MODEL}.zip"]  # never went there
    same = "http://127.0.0.1:{port}/moved/" + f"{MODEL}.zip"
    with LocalServer(model_zip, redirect=same) as server:
        model = store.download(server.url, "en", timeout=5)
        assert [path for path, _ in server.requests] == [f"/{MODEL}.zip", f"/moved/{MODEL}.zip"]
    assert store.installed() == [model]


def test_more_than_expected_is_stopped_and_deleted(tmp_path: Path, model_zip: bytes,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store = ModelStore(tmp_path / "store")
    with LocalServer(model_zip) as server:  # the Content-Length says too much: nothing is read
        with pytest.raises(ModelError, match=rf"{MODEL}\.zip is larger than the {len(model_zip) - 10} bytes "
                                             "expected; the download was stopped and deleted"):
            store.download(server.url, "en", size=len(model_zip) - 10, timeout=5)
        with pytest.raises(ModelError, match=rf"{MODEL}\.zip is {len(model_zip)} bytes on the server, not "
                                             rf"the {len(model_zip) + 10} bytes the catalogue gives"):
            store.download(server.url, "en", size=len(model_zip) + 10, timeout=5)
    assert parts(store) == []
    too_much = pytest.raises(ModelError, match=rf"larger than the {len(model_zip)} bytes expected")
    with LocalServer(model_zip, length=False, extra=bytes(300_000)) as server, too_much:  # counted
        store.download(server.url, "en", size=len(model_zip), timeout=5)
    assert parts(store) == []
    import trainer.speech.download as download

    monkeypatch.setattr(download, "MAX_DOWNLOAD_BYTES", 10_000)  # nothing pinned: the global cap
    too_much = pytest.raises(ModelError, match=r"larger than the 10000 bytes expected")
    with LocalServer(model_zip, length=False) as server, too_much:
        store.download(server.url, "en", timeout=5)
    assert parts(store) == [] and store.installed() == []


def test_the_catalogue_pins_the_official_models_and_an_it_file_overrides_it(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "store")
    bundled = store.catalogue()
    assert bundled["en"].url == "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"
    assert (bundled["en"].size, bundled["zh-CN"].size) == (41_205_931, 43_898_754)
    assert all(len(e.sha256 or "") == 64 for e in bundled.values())
    store.root.mkdir(parents=True)
    it_file = store.root / "catalogue.json"
    it_file.write_text(json.dumps({"en": {"url": "https://mirror.bank.example/en.zip", "size": 123}}),
                       encoding="utf-8")
    catalogue = store.catalogue()
    assert (catalogue["en"].url, catalogue["en"].size, catalogue["en"].sha256) == (
        "https://mirror.bank.example/en.zip", 123, None)
    assert catalogue["en"].source == str(it_file) and catalogue["zh-CN"] == bundled["zh-CN"]


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", r"catalogue\.json is not a speech model catalogue \(JSON\): "),
    ('["en"]', r"catalogue\.json is not a speech model catalogue \(JSON\): "),
    ('{"en": {"size": 1}}', r"catalogue\.json: the en entry needs a url that starts with https:// or http://"),
    ('{"en": {"url": "ftp://x/y.zip"}}', r"the en entry needs a url that starts with https://"),
    ('{"en": {"url": "https://x/y.zip", "sha256": "abc"}}', r"the en entry's sha256 must be 64 hexadecimal"),
    ('{"en": {"url": "https://x/y.zip", "size": -1}}', r"the en entry's size must be a whole number of"),
    ('{"en": {"url": "https://x/y.zip", "sha265": ""}}', r"the en entry has a field sha265 this program"),
])
def test_a_broken_catalogue_is_one_sentence_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    store = ModelStore(tmp_path / "store")
    store.root.mkdir(parents=True)
    (store.root / "catalogue.json").write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        store.catalogue()


def test_a_sha256_from_the_catalogue_is_checked_and_a_mismatch_deleted(tmp_path: Path,
                                                                       model_zip: bytes) -> None:
    store = ModelStore(tmp_path / "store")
    store.root.mkdir(parents=True)
    with LocalServer(model_zip) as server:
        entry_json = {"en": {"url": server.url, "sha256": "0" * 64}}
        (store.root / "catalogue.json").write_text(json.dumps(entry_json), encoding="utf-8")
        entry = store.catalogue()["en"]
        with pytest.raises(ModelError, match=rf"{MODEL}\.zip does not match the SHA-256 0{{64}}; "
                                             "the download was deleted"):
            store.download(entry.url, "en", sha256=entry.sha256, size=entry.size, timeout=5)
        assert store.installed() == [] and parts(store) == []
        right = hashlib.sha256(model_zip).hexdigest()
        model = store.download(server.url, "en", sha256=right.upper(), size=len(model_zip), timeout=5)
    assert (model.sha256, model.sha256_verified) == (right, True)


def test_without_a_sha256_the_one_installed_is_recorded_beside_the_model(tmp_path: Path,
                                                                         model_zip: bytes) -> None:
    store = ModelStore(tmp_path / "store")
    with LocalServer(model_zip) as server:
        model = store.download(server.url, "en", timeout=5)
    assert (model.sha256, model.sha256_verified) == (hashlib.sha256(model_zip).hexdigest(), False)
    record = json.loads((store.root / "en" / f"{MODEL}.installed.json").read_text(encoding="utf-8"))
    assert record["sha256"] == model.sha256 and record["source"] == server.url
    assert ModelStore(store.root).installed() == [model]  # read back as it was written
    store.remove(model)
    assert list((store.root / "en").iterdir()) == []
