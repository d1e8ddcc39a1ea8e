"""The sentence cache: keys, hits, one-sentence edits, LRU pruning, damage, concurrent renders."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from bacakan import pipeline
from bacakan.cli import app
from bacakan.errors import ConfigError
from bacakan.models import Clip
from bacakan.synthesise import build_voice, load_profile, open_cache
from bacakan.synthesise.cache import CachedVoice, SentenceCache, cache_key, parse_size
from bacakan.synthesise.espeak_voice import EspeakVoice

ROOT = Path(__file__).resolve().parents[1]


class CountingVoice:
    """The real eSpeak voice, counting what actually reaches the engine."""

    def __init__(self, **settings: int) -> None:
        self.inner = EspeakVoice("id", **settings)
        self.spoken: list[str] = []

    engine = "espeak"

    @property
    def sample_rate(self) -> int:
        return self.inner.sample_rate

    def cache_identity(self):
        return self.inner.cache_identity()

    def synthesize(self, text: str) -> Clip:
        self.spoken.append(text)
        return self.inner.synthesize(text)


def test_round_trip_is_exact(tmp_path: Path):
    cache = SentenceCache(tmp_path)
    clip = EspeakVoice().synthesize("Selamat pagi.")
    cache.put("ab" * 32, clip)
    back = cache.get("ab" * 32, clip.sample_rate)
    assert back is not None and np.array_equal(back.samples, clip.samples)
    assert back.sample_rate == clip.sample_rate and back.samples.dtype == np.float32


def test_key_covers_text_and_every_setting():
    base = {"engine": "espeak", "version": "1.52", "language": "id", "rate": 160, "pitch": 45,
            "range": 40, "pronunciations": "a", "lexicons": "b", "sample_rate": 22050}
    key = cache_key(base, "Halo.")
    assert key == cache_key(dict(reversed(list(base.items()))), "Halo.")  # order-independent
    assert cache_key(base, "Halo!") != key
    for name in base:
        assert cache_key({**base, name: "changed"}, "Halo.") != key, name


def test_a_changed_setting_or_pronunciation_misses(tmp_path: Path):
    cache = SentenceCache(tmp_path)
    profile = load_profile("id-espeak")
    a = build_voice(profile, cache=cache)
    a.synthesize("Halo semua.")
    faster = replace(profile, settings={**profile.settings, "rate": 200})
    other_fix = replace(profile, pronunciations={**profile.pronunciations, "halo": "[[h'alo]]"})
    for changed in (faster, other_fix):
        voice = build_voice(changed, cache=cache)
        assert isinstance(voice, CachedVoice)
        voice.synthesize("Halo semua.")
        assert (voice.hits, voice.misses) == (0, 1)
    again = build_voice(profile, cache=cache)
    again.synthesize("Halo semua.")
    assert isinstance(again, CachedVoice) and (again.hits, again.misses) == (1, 0)


def test_rerender_after_a_one_sentence_edit_synthesises_only_that_sentence(tmp_path: Path):
    first = "Hujan Deras Landa Paringin\n\nHujan turun sejak pagi. Warga diminta waspada. " \
            "Petugas berjaga di tepi sungai.\n"
    article = tmp_path / "a.txt"
    article.write_text(first, encoding="utf-8")
    cache = SentenceCache(tmp_path / "cache")
    profile = load_profile("id-espeak")
    settings = pipeline.RenderSettings(out=tmp_path / "out")

    counting = CountingVoice(rate=160, pitch=45, range_=40)
    pipeline.render(str(article), settings, voice=CachedVoice(counting, cache), profile=profile)
    cold = len(counting.spoken)
    assert cold >= 4

    counting.spoken.clear()
    episode = pipeline.render(str(article), settings, voice=CachedVoice(counting, cache),
                              profile=profile)
    assert counting.spoken == []  # fully cached
    assert episode.engine == "espeak"

    article.write_text(first.replace("diminta waspada", "diminta tetap waspada"), encoding="utf-8")
    pipeline.render(str(article), settings, voice=CachedVoice(counting, cache), profile=profile)
    assert len(counting.spoken) == 1 and "tetap waspada" in counting.spoken[0]


def test_cached_audio_is_identical_to_fresh_audio(tmp_path: Path):
    voice = EspeakVoice()
    cached = CachedVoice(voice, SentenceCache(tmp_path))
    fresh = cached.synthesize("Polisi berjaga.")
    again = cached.synthesize("Polisi berjaga.")
    assert cached.hits == 1 and np.array_equal(fresh.samples, again.samples)


def test_prune_removes_least_recently_used_first(tmp_path: Path):
    cache = SentenceCache(tmp_path)
    clip = Clip(samples=np.ones(1000, dtype=np.float32), sample_rate=8000)
    keys = [f"{i:02x}" * 32 for i in range(5)]
    now = time.time()
    for age, key in enumerate(keys):
        cache.put(key, clip)
        os.utime(cache.path_for(key), (now - 1000 * (5 - age),) * 2)  # keys[0] is oldest
    cache.get(keys[0], 8000)  # ... but used just now
    size = cache.path_for(keys[0]).stat().st_size
    result = cache.prune(max_bytes=size * 2)
    assert result.removed == 3 and result.entries == 2 and result.size_bytes <= size * 2
    left = {k for k in keys if cache.path_for(k).exists()}
    assert left == {keys[0], keys[4]}


def test_a_damaged_entry_is_a_miss_and_is_removed(tmp_path: Path):
    cache = SentenceCache(tmp_path)
    key = "cd" * 32
    cache.put(key, Clip(samples=np.ones(10, dtype=np.float32), sample_rate=8000))
    path = cache.path_for(key)
    path.write_bytes(path.read_bytes()[:20])
    assert cache.get(key, 8000) is None
    assert not path.exists()


def test_an_unwritable_cache_never_fails_the_render(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cached = CachedVoice(EspeakVoice(), SentenceCache(blocker / "cache"))
    assert cached.synthesize("Halo.").duration_s > 0.1


WRITER = """
import sys
import numpy as np
from pathlib import Path
from bacakan.models import Clip
from bacakan.synthesise.cache import SentenceCache
cache = SentenceCache(Path(sys.argv[1]))
for round_ in range(40):
    for i in range(8):
        key = f"{i:02x}" * 32
        clip = Clip(samples=np.full(20000, i / 10, dtype=np.float32), sample_rate=8000)
        got = cache.get(key, 8000)
        if got is not None and not np.array_equal(got.samples, clip.samples):
            sys.exit(f"corrupt entry {i}")
        cache.put(key, clip)
    if round_ % 10 == 0:
        cache.prune(max_bytes=200_000)
"""


def test_concurrent_processes_sharing_the_cache_never_see_a_broken_clip(tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], env=env,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temp files left behind


def test_parse_size():
    assert parse_size("500MB") == 500_000_000
    assert parse_size("1.5g") == 1_500_000_000
    assert parse_size("200MiB") == 200 * 1024**2
    assert parse_size("0") == 0
    with pytest.raises(ConfigError):
        parse_size("lots")


def test_open_cache_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BACAKAN_CACHE_DIR", str(tmp_path / "c"))
    cache = open_cache()
    assert cache is not None and cache.root == tmp_path / "c"
    assert open_cache(enabled=False) is None
    monkeypatch.setenv("BACAKAN_NO_CACHE", "1")
    assert open_cache() is None


def test_render_uses_the_cache_unless_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BACAKAN_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "a.txt"
    article.write_text("Judul\n\nSatu kalimat. Dua kalimat.\n", encoding="utf-8")
    runner = CliRunner()
    args = ["render", str(article), "--out", str(tmp_path / "out")]
    assert runner.invoke(app, [*args, "--no-cache"]).exit_code == 0
    assert SentenceCache(tmp_path / "cache").stats().entries == 0
    assert runner.invoke(app, args).exit_code == 0
    assert SentenceCache(tmp_path / "cache").stats().entries >= 3


def test_cache_command_stats_and_prune(tmp_path: Path):
    cache = SentenceCache(tmp_path)
    for i in range(3):
        cache.put(f"{i:02x}" * 32, Clip(samples=np.ones(50_000, dtype=np.float32),
                                        sample_rate=8000))
    runner = CliRunner()
    stats = runner.invoke(app, ["cache", "--stats", "--dir", str(tmp_path)])
    assert stats.exit_code == 0 and "3 clips" in stats.stdout
    pruned = runner.invoke(app, ["cache", "--prune", "--max-size", "250KB", "--dir", str(tmp_path)])
    assert pruned.exit_code == 0 and "pruned 2 clips" in pruned.stdout
    assert cache.stats().entries == 1
    bad = runner.invoke(app, ["cache", "--prune", "--max-size", "huge", "--dir", str(tmp_path)])
    assert bad.exit_code == 2 and "huge" in bad.stderr
