"""Benchmark: render time of the bundled examples next to a baseline measured in the same run.

    PYTHONPATH=src python benchmarks/render.py [--profile podcast|broadcast] [--repeat N]

For each ``examples/*`` article: ``pipeline.render`` (eSpeak, no sentence cache, podcast profile:
assemble, loudness, limiter when needed, MP3, decode + measure, tags, VTT, chapters, page, feed)
against a baseline of the same eSpeak synthesis of the same script plus ONE plain soundfile MP3
encode of the concatenated clips, at 44.1 kHz (the rate the episode ships at; the baseline
resamples the 22.05 kHz eSpeak audio once). The 22.05 kHz encode (half the samples, not a shippable
equivalent) is shown too. Best of ``--repeat`` runs each, so a busy machine disturbs less.
Target: render <= 2x baseline on one article.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

from bacakan import pipeline
from bacakan.master import codec
from bacakan.models import Episode
from bacakan.synthesise import DEFAULT_VOICE, build_voice, load_profile

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", default="podcast")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    profile = load_profile(DEFAULT_VOICE)
    voice = build_voice(profile)  # no cache: every run synthesises
    sources = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))
    print(f"{'example':34} {'audio s':>8} {'base s':>7} {'render s':>8} {'ratio':>6} "
          f"{'ratio@22k':>9}")
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        pipeline.render(str(sources[0]), pipeline.RenderSettings(out=Path(tmp) / "warm"),
                        voice=voice, profile=profile)  # imports and eSpeak start-up, untimed
        for n, source in enumerate(sources):
            def baseline(rate: int = 44100, source: Path = source) -> None:
                script = pipeline.make_script(pipeline.prepare(str(source)))
                clips = pipeline.synthesise(script, voice, profile)
                audio = np.concatenate([c.samples for c in clips])
                if rate != clips[0].sample_rate:
                    audio = np.asarray(resample_poly(audio, rate // clips[0].sample_rate, 1),
                                       dtype=np.float32)
                codec.encode_mp3(audio, rate, Path(tmp) / "baseline.mp3", 96)

            settings = pipeline.RenderSettings(out=Path(tmp) / f"out{n}", mastering=args.profile)
            episodes: list[Episode] = []

            def render(settings: pipeline.RenderSettings = settings, source: Path = source,
                       episodes: list[Episode] = episodes) -> None:
                episodes.append(pipeline.render(str(source), settings, voice=voice,
                                                profile=profile))

            base = best(baseline, args.repeat)
            base22 = best(lambda: baseline(22050), args.repeat)
            rendered = best(render, args.repeat)
            ratio = rendered / base
            ratios.append(ratio)
            print(f"{source.name[:34]:34} {episodes[-1].duration_s:8.1f} {base:7.2f} "
                  f"{rendered:8.2f} {ratio:6.2f} {rendered / base22:9.2f}")
    print(f"worst ratio {max(ratios):.2f} (target <= 2.0)")
    return 0 if max(ratios) <= 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
