"""The sentence cache: a clip is synthesised once per (voice identity, spoken text).

Content-addressed: the key is a SHA-256 over the engine, its model fingerprint, every voice
setting, the engine version, the pronunciation/lexicon digests and the exact text sent to the
engine. Editing one sentence of an article changes one key, so a re-render only synthesises that
sentence. Clips are stored as ``.npy`` float32 (exact, and loading is a memory copy).

Layout: ``<root>/v1/<2 hex>/<key>.npy``. Writes go through :mod:`bacakan.atomic` (temp file +
rename), so concurrent renders sharing the cache never see half a file; two writers of the same
key write identical bytes, and the last rename wins. A hit bumps the file's mtime, which makes
pruning least-recently-used even on file systems mounted ``noatime``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import platformdirs

from bacakan import atomic
from bacakan.errors import ConfigError
from bacakan.models import Clip
from bacakan.synthesise.base import Identified, Voice

log = logging.getLogger(__name__)

FORMAT = "v1"  # bump when the key recipe or file format changes; old entries then age out
DEFAULT_MAX_BYTES = 500 * 1000**2
_STALE_TEMP_S = 3600.0  # a temp file this old belongs to a crashed writer


def default_cache_dir() -> Path:
    env = os.environ.get("BACAKAN_CACHE_DIR")
    return Path(env) if env else platformdirs.user_cache_path("bacakan") / "sentences"


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3,
          "gb": 1000**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def parse_size(text: str) -> int:
    """``500MB``, ``1.5G``, ``200MiB``, ``0`` -> bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise ConfigError(f"cannot read size {text!r} (use e.g. 500MB, 2GB, 200MiB)")
    return int(float(match.group(1)) * _UNITS[unit])


def cache_key(identity: Mapping[str, object], text: str) -> str:
    blob = json.dumps({"format": FORMAT, "voice": identity, "text": text}, sort_keys=True,
                      ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheStats:
    root: Path
    entries: int
    size_bytes: int
    max_bytes: int


@dataclass(frozen=True)
class PruneResult:
    removed: int
    freed_bytes: int
    entries: int
    size_bytes: int


class SentenceCache:
    def __init__(self, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = root or default_cache_dir()
        self.max_bytes = max_bytes

    @property
    def _base(self) -> Path:
        return self.root / FORMAT

    def path_for(self, key: str) -> Path:
        return self._base / key[:2] / f"{key}.npy"

    def get(self, key: str, sample_rate: int) -> Clip | None:
        path = self.path_for(key)
        try:
            samples = np.load(path, allow_pickle=False)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError) as exc:
            # Damaged (disk trouble, or a file from elsewhere): drop it and synthesise again.
            log.warning("sentence cache: dropping unreadable %s (%s)", path, exc.__class__.__name__)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        if samples.dtype != np.float32 or samples.ndim != 1:
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruning keeps it
        return Clip(samples=samples, sample_rate=sample_rate)

    def put(self, key: str, clip: Clip) -> None:
        buffer = io.BytesIO()
        np.save(buffer, np.ascontiguousarray(clip.samples, dtype=np.float32), allow_pickle=False)
        try:
            atomic.write_bytes(self.path_for(key), buffer.getvalue())
        except OSError as exc:
            # The cache only saves time; a full or read-only disk must not fail the render.
            log.warning("sentence cache: cannot write %s (%s)", self.path_for(key), exc)

    def _entries(self) -> list[tuple[float, int, Path]]:
        """(last use, size, path) for every entry; stale temp files are removed on the way."""
        out: list[tuple[float, int, Path]] = []
        if not self._base.is_dir():
            return out
        now = time.time()
        for folder in self._base.iterdir():
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue  # another process pruned it just now
                if path.name.startswith("."):
                    if now - stat.st_mtime > _STALE_TEMP_S:
                        with contextlib.suppress(OSError):
                            path.unlink()
                    continue
                if path.suffix == ".npy":
                    out.append((max(stat.st_atime, stat.st_mtime), stat.st_size, path))
        return out

    def stats(self) -> CacheStats:
        entries = self._entries()
        return CacheStats(self.root, len(entries), sum(e[1] for e in entries), self.max_bytes)

    def prune(self, max_bytes: int | None = None) -> PruneResult:
        """Delete least-recently-used entries until the cache holds at most ``max_bytes``."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        entries = sorted(self._entries())
        total = sum(e[1] for e in entries)
        removed = freed = 0
        for _, size, path in entries:
            if total <= limit:
                break
            try:
                path.unlink()
            except FileNotFoundError:
                pass  # a concurrent prune got there first; it is gone either way
            except OSError as exc:
                log.warning("sentence cache: cannot remove %s (%s)", path, exc)
                continue
            else:
                removed += 1
                freed += size
            total -= size
        return PruneResult(removed, freed, len(entries) - removed, total)


def open_cache(enabled: bool = True) -> SentenceCache | None:
    """The shared cache for a render, or None when disabled (``--no-cache``, BACAKAN_NO_CACHE=1).

    Opening it trims it to its size limit (BACAKAN_CACHE_MAX_SIZE, default 500MB), so the cache
    stays bounded without anyone running ``bacakan cache --prune``.
    """
    if not enabled or os.environ.get("BACAKAN_NO_CACHE", "") not in ("", "0"):
        return None
    limit = os.environ.get("BACAKAN_CACHE_MAX_SIZE")
    cache = SentenceCache(max_bytes=parse_size(limit) if limit else DEFAULT_MAX_BYTES)
    cache.prune()
    return cache


class CachedVoice:
    """Wraps a voice: sentences already in the cache are loaded, the rest synthesised and stored."""

    def __init__(self, inner: Voice, cache: SentenceCache,
                 extra: Mapping[str, object] | None = None) -> None:
        if not isinstance(inner, Identified):
            raise TypeError(f"{type(inner).__name__} has no cache_identity(); it cannot be cached")
        self.inner = inner
        self.cache = cache
        self.identity: dict[str, object] = {**inner.cache_identity(), **(extra or {}),
                                            "sample_rate": inner.sample_rate}
        self.hits = 0
        self.misses = 0

    @property
    def engine(self) -> str:
        return self.inner.engine

    @property
    def sample_rate(self) -> int:
        return self.inner.sample_rate

    def cache_identity(self) -> Mapping[str, object]:
        return self.identity

    def synthesize(self, text: str) -> Clip:
        key = cache_key(self.identity, text)
        clip = self.cache.get(key, self.inner.sample_rate)
        if clip is not None:
            self.hits += 1
            return clip
        self.misses += 1
        clip = self.inner.synthesize(text)
        if clip.sample_rate == self.inner.sample_rate:  # the key assumes the voice's own rate
            self.cache.put(key, clip)
        return clip
