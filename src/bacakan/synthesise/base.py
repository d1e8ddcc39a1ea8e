"""The Voice protocol every engine implements, and the voice profile it is built from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from bacakan.models import Clip


@dataclass(frozen=True)
class Pauses:
    """Silences inserted by master between clips, in seconds."""

    sentence: float = 0.35
    paragraph: float = 0.75
    headline: float = 1.0


@dataclass(frozen=True)
class VoiceProfile:
    """A voice as configured in ``voices/<name>.toml`` (or built from an ``ENGINE:ARG`` shorthand).

    ``licence`` and ``attribution`` are what the manifest, the ID3 comment and the feed credit;
    ``source`` is the file the profile came from, so errors can name it.
    """

    name: str
    engine: str
    settings: Mapping[str, object] = field(default_factory=dict)
    pauses: Pauses = Pauses()
    pronunciations: Mapping[str, str] = field(default_factory=dict)
    lexicons: tuple[str, ...] = ()
    licence: str = ""
    attribution: str = ""
    fallback: str | None = None
    description: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        """A listener's name for the voice ("eSpeak NG, bahasa Indonesia"): the description up to
        its first colon, else the profile name."""
        return self.description.split(":", 1)[0].strip() or self.name

    @property
    def where(self) -> str:
        """How error messages name this profile: its file, else its name."""
        return self.source or self.name

    def pronunciation_digest(self) -> str:
        """A short hash of the pronunciation fixes; part of the sentence-cache key."""
        blob = json.dumps(sorted(self.pronunciations.items()), ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


class Voice(Protocol):
    """An engine that turns one sentence of spoken-form text into a mono clip."""

    @property
    def engine(self) -> str: ...

    @property
    def sample_rate(self) -> int: ...

    def synthesize(self, text: str) -> Clip:
        """Speak one sentence. Raises SynthesisError (with ``retryable``) on failure."""
        ...


@runtime_checkable
class Identified(Protocol):
    """A voice that can say what determines its output; the sentence cache keys on this.

    Everything that changes the audio for the same text must be in here: engine, model file
    fingerprint, every setting, engine library version.
    """

    def cache_identity(self) -> Mapping[str, object]: ...
