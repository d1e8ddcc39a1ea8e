"""Benchmark: build the feed of 1,000 episodes (budget 2 s), next to a baseline in the same run.

    PYTHONPATH=src python benchmarks/feed.py [N]

Baseline: serialising the same episode list to JSON (what the manifests already cost), so the
figure can be compared across machines. The feed is built with ``out`` set, i.e. with a stat of
every MP3, transcript and chapters file, as ``site.rebuild`` does. Exit code 1 when over budget.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bacakan.models import Episode
from bacakan.publish import manifest, site
from bacakan.publish.feed import FeedSettings, build_feed

BUDGET_S = 2.0


def make_site(out: Path, count: int) -> list[Episode]:
    episodes = []
    for n in range(count):
        slug = f"artikel-{n:04d}"
        folder = out / slug
        folder.mkdir(parents=True)
        (folder / f"{slug}.mp3").write_bytes(b"\xff\xfb" * (500 + n))
        (folder / f"{slug}.vtt").write_text("WEBVTT\n", encoding="utf-8")
        episode = Episode(
            title=f"Banjir rendam {n} rumah & jalan di Paringin ]]> 😀", slug=slug,
            guid=f"00000000-0000-5000-8000-{n:012d}",
            published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+07:00",
            audio=f"{slug}.mp3", audio_bytes=1000 + n, duration_s=60 + n % 300, html="index.html",
            voice="id-espeak", engine="espeak", source=f"https://klikkalimantan.com/{slug}",
            outlet="klikkalimantan.com", summary="Banjir merendam rumah warga. " * 8,
            updated="2024-12-31T10:00:00+07:00" if n % 10 == 0 else None,
            transcript=f"{slug}.vtt", chapters=f"{slug}.chapters.json")
        # Plain write, not manifest.write: its fsync per file would dominate setting up the run.
        (folder / manifest.MANIFEST).write_text(json.dumps(asdict(episode), ensure_ascii=False),
                                                encoding="utf-8")
        episodes.append(episode)
    return episodes


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(count: int = 1000, *, root: Path | None = None, rebuild_too: bool = True) -> int:
    """Print the figures; ``root`` holds the temporary site (tests pass a tmpfs to save time)."""
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        out = Path(tmp)
        episodes = make_site(out, count)
        settings = FeedSettings(base_url="https://pod.example.id/", max_items=count)
        baseline = best_of(3, lambda: json.dumps([asdict(e) for e in episodes],
                                                  ensure_ascii=False).encode())
        feed = best_of(3, lambda: build_feed(episodes, settings, out=out))
        rebuild = 0.0
        if rebuild_too:
            site.rebuild(out, settings)  # draws the cover once
            rebuild = best_of(3, lambda: site.rebuild(out, settings))
        size = len(build_feed(episodes, settings, out=out))
    print(f"episodes: {count}")
    print(f"baseline json.dumps of the episode list: {baseline * 1000:8.1f} ms")
    print(f"build_feed (with file stats):            {feed * 1000:8.1f} ms  "
          f"({feed / baseline:.1f}x baseline, {size / 1e6:.2f} MB)")
    if rebuild_too:
        print(f"site.rebuild (read manifests, all pages): {rebuild * 1000:8.1f} ms")
    print(f"budget {BUDGET_S:.1f} s: {'ok' if feed < BUDGET_S else 'OVER'}")
    return 0 if feed < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
