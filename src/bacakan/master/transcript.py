"""WebVTT transcript: one cue per spoken sentence, timed from the clip timings, written text as cue.

Apple Podcasts ingests WebVTT; Podcasting 2.0 suggests at most ~65 characters per line
(design/feeds-audio.md P10), so long sentences wrap onto several lines of the same cue.
The last cue is stretched over the trailing silence (and any outro ident) to the end of the audio.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from bacakan.models import Script, Timing

_LINE = 65


def timestamp(seconds: float) -> str:
    ms = max(0, round(seconds * 1000))
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def escape(text: str) -> str:
    """``&`` and ``<`` would start entities/tags; ``>`` is escaped so ``-->`` never appears."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build(script: Script, timings: Sequence[Timing], end_s: float, language: str = "id") -> str:
    cues = [(t, script.sentences[t.index].written.strip()) for t in timings if t.end > t.start]
    cues = [(t, text) for t, text in cues if text]
    lines = ["WEBVTT", f"Language: {language}", ""]
    for number, (timing, text) in enumerate(cues, start=1):
        end = max(timing.end, end_s) if number == len(cues) else timing.end
        body = textwrap.wrap(
            " ".join(text.split()), width=_LINE, break_long_words=False, break_on_hyphens=False
        )
        lines += [
            str(number),
            f"{timestamp(timing.start)} --> {timestamp(end)}",
            *(escape(line) for line in body),
            "",
        ]
    return "\n".join(lines)
