"""Helpers for the worker tests: article fixtures, a Redis server, running the real CLI."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_PLACES = ["PARINGIN", "BANJARMASIN", "MARTAPURA", "AMUNTAI", "BARABAI", "KANDANGAN", "RANTAU",
           "TANJUNG", "PELAIHARI", "BATULICIN", "KOTABARU", "MARABAHAN", "BANJARBARU", "NEGARA",
           "MUARA TEWEH", "SAMPIT", "PALANGKA RAYA", "BALIKPAPAN", "SAMARINDA", "TARAKAN"]
_SUBJECTS = ["jembatan", "pasar rakyat", "puskesmas", "sekolah dasar", "jalan desa", "embung",
             "balai desa", "taman kota", "terminal", "perpustakaan", "dermaga", "lapangan",
             "posyandu", "irigasi", "masjid", "gedung olahraga", "rumah singgah", "kantor camat",
             "menara air", "halte"]


def article_text(i: int, paragraphs: int = 2) -> str:
    """A short Indonesian news article; ``i`` makes the title, place and figures different."""
    place, subject = _PLACES[i % 20], _SUBJECTS[i % 20]
    title = f"Warga {place.title()} Sambut Peresmian {subject.title()} Baru Nomor {i + 1}"
    body = [f"{place} - Pemerintah daerah meresmikan {subject} baru di kawasan {place.title()}, "
            f"Senin (20/11). Pembangunan itu menelan anggaran Rp {i + 2},5 miliar."]
    extra = [f"Kepala dinas mengatakan {subject} tersebut dapat dimanfaatkan oleh {100 + i * 7} "
             f"keluarga. Ia meminta warga ikut menjaga fasilitas umum itu bersama-sama.",
             "Seorang warga mengaku senang karena tidak perlu lagi menempuh perjalanan jauh. "
             "Menurutnya, pelayanan kini jauh lebih cepat dan mudah dijangkau."]
    body += [extra[k % 2] for k in range(paragraphs - 1)]
    return title + "\n\n" + "\n\n".join(body) + "\n"


def write_articles(folder: Path, count: int, paragraphs: int = 2, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(first, first + count):
        path = folder / f"berita-{i + 1:02d}.txt"
        path.write_text(article_text(i, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def env(queue: str, out: Path, **extra: str) -> dict[str, str]:
    e = dict(os.environ)
    e.update(BACAKAN_QUEUE=queue, BACAKAN_OUT=str(out), PYTHONPATH=str(ROOT / "src"), **extra)
    return e


def cli(args: list[str], queue: str, out: Path, **kw: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bacakan", *args], env=env(queue, out, **kw),
                          capture_output=True, text=True, timeout=120, check=False)


def start_worker(queue: str, out: Path, *args: str, log: Path,
                 **kw: str) -> subprocess.Popen[bytes]:
    """``bacakan worker`` in its own session, so a test can kill it and its children at once."""
    handle = log.open("ab")
    return subprocess.Popen([sys.executable, "-m", "bacakan", "worker", *args],
                            env=env(queue, out, **kw), stdout=handle, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen[bytes], sig: int, timeout: float = 60) -> int:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.wait()
        raise


def wait_for(check: Callable[[], bool], timeout: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{tail}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@contextlib.contextmanager
def redis_server(tmp: Path) -> Iterator[str]:
    """$BACAKAN_TEST_REDIS_URL (as CI sets), else a private redis-server, else skip."""
    url = os.environ.get("BACAKAN_TEST_REDIS_URL")
    if url and _reachable(url):
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server binary and BACAKAN_TEST_REDIS_URL unset or unreachable")
    port = _free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_for(lambda: _reachable(url), 10, "redis-server to start")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
