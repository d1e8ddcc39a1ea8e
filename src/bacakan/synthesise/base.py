"""The Voice protocol every engine implements, and the voice profile it is built from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from bacakan.models import Clip


@dataclass(frozen=True)
class Pauses:
    """Silences inserted by master between clips, in seconds."""

    sentence: float = 0.35
    paragraph: float = 0.75
    headline: float = 1.0


@dataclass(frozen=True)
class VoiceProfile:
    """A voice as configured in ``voices/<name>.toml``."""

    name: str
    engine: str
    settings: Mapping[str, object] = field(default_factory=dict)
    pauses: Pauses = Pauses()
    pronunciations: Mapping[str, str] = field(default_factory=dict)
    lexicons: tuple[str, ...] = ()
    licence: str = ""
    attribution: str = ""
    fallback: str | None = None


class Voice(Protocol):
    """An engine that turns one sentence of spoken-form text into a mono clip."""

    @property
    def engine(self) -> str: ...

    @property
    def sample_rate(self) -> int: ...

    def synthesize(self, text: str) -> Clip:
        """Speak one sentence. Raises SynthesisError (with ``retryable``) on failure."""
        ...
