"""Hostile inputs shared by tests: zips that lie, escape or link, and a local HTTP server on
127.0.0.1 that misbehaves the ways real servers (and attackers) do.

Nothing here writes much: a zip that claims gigabytes says so in its central directory only
(as a hostile tool would write it), and the server serves a few kilobytes.
"""

from __future__ import annotations

import shutil
import ssl
import stat
import subprocess
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


def self_signed(folder: Path) -> tuple[ssl.SSLContext, ssl.SSLContext] | None:
    """A certificate for 127.0.0.1 made with the openssl command (None without it): the server's
    context, and a client context that trusts it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True, timeout=30)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    return server, ssl.create_default_context(cafile=str(cert))


class LocalServer:
    """Serves ``payload`` at ``/<name>`` (and ``/moved/<name>``) on 127.0.0.1, honouring Range
    requests unless told otherwise:

    - ``cut_first_after``: the first answer stops after that many bytes (a broken transfer);
    - ``ranges``: "honour", "ignore" (200 and the whole file) or "whole" (206, but the whole file);
    - ``stall_after``: send that many bytes of the body, then nothing until the test ends;
      ``silent``: accept the connection and never answer;
    - ``redirect``: answer ``/<name>`` with 302 to this URL (``{port}`` is filled in);
    - ``length``: send a Content-Length (else the body ends when the connection closes);
      ``extra``: bytes sent after the payload;
    - ``tls``: serve https with this server context (see :func:`self_signed`).
    """

    def __init__(self, payload: bytes, *, name: str = f"{MODEL}.zip", cut_first_after: int | None = None,
                 ranges: str = "honour", stall_after: int | None = None, silent: bool = False,
                 redirect: str | None = None, length: bool = True, extra: bytes = b"",
                 tls: ssl.SSLContext | None = None) -> None:
        self.payload, self.name = payload, name
        self.cut_first_after, self.ranges = cut_first_after, ranges
        self.stall_after, self.silent, self.redirect = stall_after, silent, redirect
        self.length, self.extra = length, extra
        self.requests: list[tuple[str, str | None]] = []
        self.release = threading.Event()  # set on exit: a stalled answer ends
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.serve(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}/{name}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        rng = h.headers.get("Range")
        self.requests.append((h.path, rng))
        if self.silent:
            self.release.wait(10)
            return
        if self.redirect and h.path == f"/{self.name}":
            h.send_response(302)
            h.send_header("Location", self.redirect.format(port=self.port))
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        if h.path not in (f"/{self.name}", f"/moved/{self.name}"):
            h.send_error(404)
            return
        size = len(self.payload)
        start = int(rng.split("=")[1].split("-")[0]) if rng and self.ranges == "honour" else 0
        partial = bool(rng) and self.ranges in ("honour", "whole")
        body = self.payload[start:] + self.extra
        h.send_response(206 if partial else 200)
        if partial:
            h.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        if self.length:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if self.cut_first_after is not None:
            body, self.cut_first_after = body[: self.cut_first_after], None
            h.wfile.write(body)
            h.wfile.flush()
            h.connection.shutdown(2)
            return
        if self.stall_after is not None:
            h.wfile.write(body[: self.stall_after])
            h.wfile.flush()
            self.release.wait(10)
            return
        h.wfile.write(body)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
