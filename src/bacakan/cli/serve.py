"""``bacakan serve``: preview an output folder on localhost.

Python's ``http.server`` ignores ``Range``, so browsers cannot seek in the MP3 (``seekable`` stays
[0, 0]). This handler answers single byte ranges with 206 and bad ones with 416, and names the
MIME types podcast files need.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

MIME_TYPES: dict[str, str] = {
    ".mp3": "audio/mpeg",
    ".vtt": "text/vtt; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """``(first, last)`` inclusive for one satisfiable range; ``None`` if it is unsatisfiable.

    Raises ``ValueError`` for a header we do not understand (multiple ranges, other units):
    the caller then serves the whole file, which RFC 9110 allows.
    """
    match = _RANGE.fullmatch(header.strip())
    if not match:
        raise ValueError(header)
    first_s, last_s = match.groups()
    if not first_s and not last_s:
        raise ValueError(header)
    if not first_s:  # suffix range: the last N bytes
        length = int(last_s)
        if length == 0 or size == 0:
            return None
        return max(0, size - length), size - 1
    first = int(first_s)
    last = int(last_s) if last_s else size - 1
    if first >= size or last < first:
        return None
    return first, min(last, size - 1)


class RangeRequestHandler(SimpleHTTPRequestHandler):
    """Static files with byte ranges; quiet log; no caching surprises while previewing."""

    _range: tuple[int, int] | None = None

    def send_head(self) -> BinaryIO | None:
        self._range = None
        header = self.headers.get("Range")
        path = self.translate_path(self.path)
        if header is None or os.path.isdir(path):
            return super().send_head()
        try:
            handle = open(path, "rb")  # returned to the base class, which closes it
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        size = os.fstat(handle.fileno()).st_size
        try:
            chosen = parse_range(header, size)
        except ValueError:
            handle.close()
            return super().send_head()
        if chosen is None:
            handle.close()
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        first, last = chosen
        self._range = chosen
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        handle.seek(first)
        return handle

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        known = MIME_TYPES.get(os.path.splitext(path)[1].lower())
        return known or super().guess_type(path)

    def end_headers(self) -> None:
        if self._range is None and self.command in ("GET", "HEAD"):
            self.send_header("Accept-Ranges", "bytes")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        if self._range is None:
            shutil.copyfileobj(source, outputfile)
            return
        remaining = self._range[1] - self._range[0] + 1
        while remaining > 0:
            chunk = source.read(min(64 * 1024, remaining))
            if not chunk:
                break
            outputfile.write(chunk)
            remaining -= len(chunk)

    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("BACAKAN_SERVE_QUIET"):
            return
        super().log_message(format, *args)


def make_server(folder: Path, port: int = 8000, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A server for ``folder`` (not started). ``port=0`` picks a free port."""
    handler = partial(RangeRequestHandler, directory=str(folder))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def start_background(folder: Path, port: int = 0) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Serve ``folder`` from a daemon thread (tests, screenshots); stop it with ``shutdown()``."""
    server = make_server(folder, port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="bacakan-serve", daemon=True)
    thread.start()
    return server, thread


def serve_cmd(
    folder: Annotated[Path, typer.Argument(help="Output folder to preview.")] = Path("output"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
) -> None:
    """Preview the output folder on localhost (with HTTP Range, so audio can seek)."""
    if not folder.is_dir():
        typer.echo(f"bacakan: {folder}: not a folder", err=True)
        raise typer.Exit(2)
    try:
        server = make_server(folder, port)
    except OSError as exc:
        typer.echo(f"bacakan: cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    host, bound = server.server_address[:2]
    typer.echo(f"Pratinjau {folder}/ di http://{host!s}:{bound}/  (Ctrl+C untuk berhenti)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
