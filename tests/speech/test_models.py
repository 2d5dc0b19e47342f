"""Speech models: import a zip or a folder, refuse what is not a model, and download from a
local HTTP server on 127.0.0.1 with a broken transfer, a resume and a bad checksum."""

from __future__ import annotations

import hashlib
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from trainer.speech.models import ModelError, ModelStore


def make_model(folder: Path, name: str = "vosk-model-small-test") -> Path:
    root = folder / name
    (root / "am").mkdir(parents=True)
    (root / "conf").mkdir()
    (root / "am" / "final.mdl").write_bytes(b"\x00model" * 5000)
    (root / "conf" / "model.conf").write_text("--sample-frequency=16000\n", encoding="utf-8")
    return root


def make_zip(folder: Path, source: Path, name: str = "model.zip") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as z:
        for f in source.rglob("*"):
            z.write(f, f.relative_to(source.parent))
    return path


def test_import_a_zip_and_a_folder_and_remember_the_choice(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "store")
    source = make_model(tmp_path / "src")
    zipped = make_zip(tmp_path, source)
    a = store.import_model(zipped, "en")
    assert a.name == "vosk-model-small-test" and (a.path / "am" / "final.mdl").exists()
    b = store.import_model(make_model(tmp_path / "src2", "other-model"), "en")
    assert [m.name for m in store.installed()] == ["other-model", "vosk-model-small-test"]
    assert store.chosen("en") == b  # first installed by name
    store.choose("en", "vosk-model-small-test")
    assert ModelStore(store.root).chosen("en") == a  # remembered
    assert source.exists() and zipped.exists()  # originals untouched
    with pytest.raises(ModelError, match="already installed"):
        store.import_model(zipped, "en")


def test_things_that_are_not_models_are_refused_cleanly(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "store")
    not_model = tmp_path / "notes.zip"
    with zipfile.ZipFile(not_model, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ModelError, match=r"notes\.zip is not a Vosk speech model"):
        store.import_model(not_model, "en")
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"not a zip at all")
    with pytest.raises(ModelError, match=r"garbage\.zip is not a zip file"):
        store.import_model(garbage, "en")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="is not a Vosk speech model"):
        store.import_model(tmp_path / "empty", "zh-CN")
    assert store.installed() == []
    assert [p.name for p in store.root.iterdir()] == []  # nothing half-written


class _Server:
    """Serves one file on 127.0.0.1 with Range support; can cut the first transfer short."""

    def __init__(self, payload: bytes, cut_after: int | None = None) -> None:
        self.payload, self.cut_after = payload, cut_after
        self.requests: list[str | None] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(self.headers.get("Range"))
                start = 0
                rng = self.headers.get("Range")
                if rng:
                    start = int(rng.split("=")[1].split("-")[0])
                body = server.payload[start:]
                self.send_response(206 if rng else 200)
                if rng:
                    size = len(server.payload)
                    self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.cut_after is not None:
                    self.wfile.write(body[: server.cut_after])
                    server.cut_after = None
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/vosk-model-small-test.zip"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def model_zip(tmp_path: Path) -> Iterator[bytes]:
    yield make_zip(tmp_path, make_model(tmp_path / "src")).read_bytes()


def test_download_with_a_broken_transfer_then_resume(tmp_path: Path, model_zip: bytes) -> None:
    store = ModelStore(tmp_path / "store")
    seen: list[tuple[int, int | None]] = []
    with _Server(model_zip, cut_after=len(model_zip) // 3) as server:
        with pytest.raises(ModelError, match="try again to resume"):
            store.download(server.url, "en", progress=lambda d, t: seen.append((d, t)), timeout=5)
        assert store.installed() == []
        model = store.download(server.url, "en", progress=lambda d, t: seen.append((d, t)),
                               sha256=hashlib.sha256(model_zip).hexdigest(), timeout=5)
    assert server.requests[0] is None and (server.requests[1] or "").startswith("bytes=")  # resumed
    assert model.name == "vosk-model-small-test" and store.installed() == [model]
    assert seen[-1] == (len(model_zip), len(model_zip))
    assert not list((store.root / ".downloads").iterdir())  # the partial file is gone


def test_bad_checksum_is_refused_and_cancel_keeps_the_part(tmp_path: Path, model_zip: bytes) -> None:
    store = ModelStore(tmp_path / "store")
    with _Server(model_zip) as server:
        with pytest.raises(ModelError, match="does not match the SHA-256"):
            store.download(server.url, "en", sha256="0" * 64, timeout=5)
        assert store.installed() == []
        with pytest.raises(ModelError, match="cancelled"):
            store.download(server.url, "en", cancelled=lambda: True, timeout=5)
        model = store.download(server.url, "en", restart=True, timeout=5)  # clean restart
    assert store.installed() == [model]


def test_download_errors_are_plain_sentences(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "store")
    with pytest.raises(ModelError, match="The download stopped"):
        store.download("http://127.0.0.1:9/none.zip", "en", timeout=2)
