"""Fetching a model zip over HTTP(S) into a partial file: resumable, cancellable, bounded.

- **Cancel within a second.** No wait on the network is longer than a second: connecting (and the
  TLS handshake) times out after :data:`CONNECT_TIMEOUT` and is tried again, every read after
  :data:`READ_TICK`, and each time ``cancelled()`` is asked before waiting again (and between
  blocks). A server that sends nothing at all for ``stall`` seconds is given up (the part is kept
  to resume). The reads are retried on the same connection: the socket is wrapped so that a read
  timeout never reaches ``http.client`` (whose file object is unusable after one).
- **Resume.** A part on disk is resumed with ``Range``; a server that answers with the whole file
  instead (``200``, or ``206`` from byte 0) starts the part over rather than appending to it, and
  one that answers from some other byte has the part deleted.
- **Redirects** are followed on the same host only (and never from https to http).
- **Size.** With a size pinned by the catalogue the announced length must be exactly that and no
  more bytes than that are taken; without one, :data:`MAX_DOWNLOAD_BYTES`. Too much: the part is
  deleted.
"""

from __future__ import annotations

import http.client
import io
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path
from time import monotonic
from typing import Any, cast
from urllib.parse import urlsplit

from trainer.safe_archive import GB
from trainer.speech.model_errors import Cancelled, ModelError

Progress = Callable[[int, int | None], None]

#: Without a pinned size: the most a download may be (the model import allows 4 GB unpacked).
MAX_DOWNLOAD_BYTES = 4 * GB
CONNECT_TIMEOUT = 1.0
READ_TICK = 0.25
CHUNK = 256 * 1024

STALLED = "The server sent nothing for {seconds} s; the download stopped, try again to resume it."
REDIRECTED = "The download of {url} was redirected to another host ({host}), which is refused."
DOWNGRADED = "The download of {url} was redirected from https to http, which is refused."
TOO_LARGE = "{name} is larger than the {limit} bytes expected; the download was stopped and deleted."
WRONG_SIZE = "{name} is {size} bytes on the server, not the {expected} bytes the catalogue gives; the download was deleted."  # noqa: E501 - one message
WRONG_PART = "The server sent {name} from byte {start} when asked for byte {have}; the partial download was deleted, try again."  # noqa: E501 - one message
INCOMPLETE = "The download is incomplete ({size} of {total} bytes); try again to resume it."


def fetch(url: str, part: Path, *, size: int | None, progress: Progress | None,
          cancelled: Callable[[], bool], stall: float) -> None:
    """Download ``url`` into ``part``, resuming what is there; complete (as announced, or as
    pinned by ``size``) when it returns. Raises :class:`ModelError` (:class:`Cancelled`)."""
    name = Path(urlsplit(url).path).name or "model.zip"
    limit = size or MAX_DOWNLOAD_BYTES
    have = part.stat().st_size if part.exists() else 0
    if have > limit:  # cannot be the start of the right file
        part.unlink()
        have = 0
    patience = _Patience(cancelled, stall)
    opener = urllib.request.build_opener(_HTTP(patience), _HTTPS(patience), _SameHostRedirects(url))
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    try:
        with opener.open(request, timeout=CONNECT_TIMEOUT) as response:
            start, total = _start_and_total(response)
            if total is not None and total > limit:
                _give_up(part, TOO_LARGE, name=name, limit=limit)
            if total is not None and size is not None and total != size:
                _give_up(part, WRONG_SIZE, name=name, size=total, expected=size)
            if start not in (0, have):
                _give_up(part, WRONG_PART, name=name, start=start, have=have)
            with part.open("ab" if start and start == have else "wb") as out:  # from 0: over
                done = start
                while True:
                    if cancelled():
                        raise Cancelled()
                    block = response.read1(CHUNK)  # what has arrived, up to a chunk
                    if not block:
                        break
                    done += len(block)
                    if done > limit:
                        out.close()
                        _give_up(part, TOO_LARGE, name=name, limit=limit)
                    out.write(block)
                    if progress:
                        progress(done, total if total is not None else size)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have and have == (size or have):  # nothing left: the part is complete
            total = have
        elif exc.code == 416 and have:  # the part is not the start of this file
            _give_up(part, INCOMPLETE, size=have, total=size)
        else:
            raise ModelError("The download failed: the server answered {code} {reason}.",
                             code=exc.code, reason=exc.reason) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ModelError("The download stopped ({reason}); try again to resume it.", reason=reason) from None
    got = part.stat().st_size
    expected = total if total is not None else size
    if expected is not None and got != expected:
        raise ModelError(INCOMPLETE, size=got, total=expected)


def _give_up(part: Path, template: str, **fields: object) -> None:
    part.unlink(missing_ok=True)
    raise ModelError(template, **fields)


def _start_and_total(response: Any) -> tuple[int, int | None]:
    """Where the body starts in the file, and the file's whole size (None: unknown)."""
    headers = response.headers
    if response.status == 206:
        unit_range, _, total = (headers.get("Content-Range") or "").partition("/")
        first = unit_range.removeprefix("bytes ").partition("-")[0].strip()
        return (int(first) if first.isdigit() else -1), (int(total) if total.isdigit() else None)
    length = headers.get("Content-Length")
    return 0, (int(length) if length and length.isdigit() else None)


# -- waiting on the network, a tick at a time ----------------------------------------------------------

class _Patience:
    """Asked after every network wait that timed out: cancelled, or nothing for ``stall`` s?"""

    def __init__(self, cancelled: Callable[[], bool], stall: float) -> None:
        self.cancelled, self.stall = cancelled, stall
        self.last = monotonic()

    def heard(self) -> None:
        self.last = monotonic()

    def waited(self) -> None:
        if self.cancelled():
            raise Cancelled()
        if monotonic() - self.last >= self.stall:
            raise ModelError(STALLED, seconds=f"{self.stall:g}")


class _PatientSocket:
    """The connection's socket as ``http.client`` uses it (``sendall``, ``makefile``, ``close``),
    its reads retried after each :data:`READ_TICK` timeout; closed when the connection and every
    file made from it are (as a real socket's ``makefile`` does)."""

    def __init__(self, sock: socket.socket, patience: _Patience) -> None:
        sock.settimeout(READ_TICK)
        self._sock, self._patience, self._users = sock, patience, 1

    def sendall(self, data: bytes) -> None:
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        self._users += 1
        return io.BufferedReader(_PatientReader(self))

    def recv_into(self, buffer: Any) -> int:
        while True:
            try:
                n = self._sock.recv_into(buffer)
            except TimeoutError:
                self._patience.waited()
                continue
            self._patience.heard()
            return n

    def close(self) -> None:
        self._users -= 1
        if self._users == 0:
            self._sock.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _PatientReader(io.RawIOBase):
    def __init__(self, sock: _PatientSocket) -> None:
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._sock.close()
        super().close()


def _connect_patiently(connection: http.client.HTTPConnection, connect: Callable[[], None],
                       patience: _Patience) -> None:
    while True:
        try:
            connect()
            break
        except TimeoutError:  # connecting, or the TLS handshake: ask, then try again
            if connection.sock is not None:
                connection.sock.close()
                connection.sock = None
            patience.waited()
    connection.sock = cast(socket.socket, _PatientSocket(connection.sock, patience))


class _PatientHTTP(http.client.HTTPConnection):
    def __init__(self, *args: Any, patience: _Patience, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._patience = patience

    def connect(self) -> None:
        _connect_patiently(self, super().connect, self._patience)


class _PatientHTTPS(http.client.HTTPSConnection):
    def __init__(self, *args: Any, patience: _Patience, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._patience = patience

    def connect(self) -> None:
        _connect_patiently(self, super().connect, self._patience)


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, patience: _Patience) -> None:
        super().__init__()
        self._patience = patience

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_PatientHTTP, patience=self._patience), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, patience: _Patience) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._patience = patience

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_PatientHTTPS, patience=self._patience), req, context=self._tls)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect on the same host; refuses another host, or https to http."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self._url = url

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        old, new = urlsplit(req.full_url), urlsplit(newurl)
        if (new.hostname or "") != (old.hostname or ""):
            fp.close()
            raise ModelError(REDIRECTED, url=self._url, host=new.hostname or newurl)
        if old.scheme == "https" and new.scheme != "https":
            fp.close()
            raise ModelError(DOWNGRADED, url=self._url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
