"""A voice that falls back to another when its engine is unavailable, and says so truthfully.

Used for online voices (``id-google`` names ``fallback = "id-espeak"``): if Google cannot be
reached, the render goes on offline instead of failing. From the first failure on, every
sentence uses the fallback (switching back and forth would mix voices sentence by sentence).
``engine`` and :func:`bacakan.synthesise.effective_profile` report what was really used, so the
manifest, ID3 comment and feed credit the right voice and licence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from bacakan.errors import SynthesisError
from bacakan.models import Clip
from bacakan.synthesise.base import Voice, VoiceProfile

log = logging.getLogger(__name__)


class FallbackVoice:
    def __init__(self, primary: Voice, profile: VoiceProfile,
                 make_fallback: Callable[[], tuple[Voice, VoiceProfile]]) -> None:
        self.primary = primary
        self.profile = profile
        self._make_fallback = make_fallback
        self.fallback: Voice | None = None
        self.fallback_profile: VoiceProfile | None = None
        self.reason: str | None = None
        self.used: list[VoiceProfile] = []  # profiles that produced audio, in first-use order

    @property
    def engine(self) -> str:
        used = self.used or [self.profile]
        return "+".join(p.engine for p in used)

    @property
    def sample_rate(self) -> int:
        return (self.fallback or self.primary).sample_rate

    def _record(self, profile: VoiceProfile) -> None:
        if profile not in self.used:
            self.used.append(profile)

    def synthesize(self, text: str) -> Clip:
        if self.fallback is None:
            try:
                clip = self.primary.synthesize(text)
            except SynthesisError as exc:
                # Offline, rate-limited past our retries, or blocked (403): all mean "not now".
                self._switch(str(exc))
            else:
                self._record(self.profile)
                return clip
        voice, profile = self._active_fallback()
        clip = voice.synthesize(text)
        self._record(profile)
        return clip

    def _active_fallback(self) -> tuple[Voice, VoiceProfile]:
        if self.fallback is None or self.fallback_profile is None:
            raise RuntimeError("no fallback voice is active")
        return self.fallback, self.fallback_profile

    def _switch(self, reason: str) -> None:
        voice, profile = self._make_fallback()
        # The engine's own "try --voice id-espeak" advice is moot: we are switching already.
        said = re.sub(r"\s*\(offline\? try --voice [^)]*\)$", "", reason)
        log.warning("%s unavailable (%s); using fallback voice %s", self.profile.name, said,
                    profile.name)
        self.fallback, self.fallback_profile, self.reason = voice, profile, reason
