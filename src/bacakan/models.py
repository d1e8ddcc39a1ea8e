"""Frozen dataclasses passed between the stages.

ingest -> RawArticle -> clean -> Article -> normalise -> Script -> synthesise -> Clip*
-> master -> AudioFacts -> publish -> Episode.  Only ``pipeline.py`` knows this order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

InputKind = Literal["text", "markdown", "html"]
BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True)
class RawArticle:
    """What ingest read: decoded text plus provenance. No cleaning has happened yet."""

    source: str  # file path or URL, as given by the user
    kind: InputKind
    text: str  # decoded document (plain text, Markdown body or HTML)
    metadata: Mapping[str, str] = field(default_factory=dict)  # front matter / page meta


@dataclass(frozen=True)
class Block:
    """One body block of the clean article, in reading order."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Article:
    """The article only: headline, body blocks and the metadata clean pulled out of the body."""

    title: str
    blocks: tuple[Block, ...]
    source: str
    dateline: str | None = None  # the place, e.g. "Paringin"
    outlet: str | None = None  # e.g. "klikkalimantan.com"
    published: str | None = None  # ISO 8601 date or datetime
    byline: str | None = None
    credit: str | None = None  # e.g. "pr/klik"
    caption: str | None = None
    category: str | None = None  # the outlet's rubric ("Hukum", "Pemilu"), for per-category feeds

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")


@dataclass(frozen=True)
class Sentence:
    """One sentence as written (shown on the page) and as spoken (sent to the voice)."""

    written: str
    spoken: str
    block: int  # -1 for the headline, else index into Article.blocks


@dataclass(frozen=True)
class Script:
    """Everything the voice will say, in order: the headline sentence(s), then the body."""

    sentences: tuple[Sentence, ...]

    def paragraphs(self) -> list[str]:
        """Spoken text grouped by block, one string per headline/paragraph/heading."""
        out: list[str] = []
        last: int | None = None
        for s in self.sentences:
            if not s.spoken:
                continue
            if s.block != last:
                out.append(s.spoken)
                last = s.block
            else:
                out[-1] = f"{out[-1]} {s.spoken}"
        return out


FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, eq=False)
class Clip:
    """Mono float32 samples in [-1, 1] for one sentence."""

    samples: FloatArray
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


@dataclass(frozen=True)
class Timing:
    """Where one sentence sits in the final audio, in seconds."""

    index: int  # index into Script.sentences
    start: float
    end: float


@dataclass(frozen=True)
class AudioFacts:
    """Facts measured from the final encoded file, never from what we intended to write."""

    path: str
    size_bytes: int
    duration_s: float
    loudness_lufs: float
    true_peak_dbtp: float
    sample_rate: int
    channels: int
    bitrate_kbps: int
    timings: tuple[Timing, ...] = ()


@dataclass(frozen=True)
class Episode:
    """The manifest of one published article (episode.json)."""

    title: str
    slug: str
    guid: str
    published: str
    audio: str  # relative to the episode folder
    audio_bytes: int
    duration_s: float
    html: str
    voice: str
    engine: str
    source: str
    outlet: str | None = None
    dateline: str | None = None
    summary: str = ""
    updated: str | None = None
    transcript: str | None = None  # WebVTT file name, relative to the episode folder
    chapters: str | None = None  # Podcasting 2.0 chapters JSON file name
    wav: str | None = None  # Broadcast WAV (broadcast profile only)
    loudness_lufs: float | None = None  # measured on the encoded MP3
    true_peak_dbtp: float | None = None
    extra: Mapping[str, object] = field(default_factory=dict)
