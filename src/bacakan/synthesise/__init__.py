"""Synthesise: voice profiles (``voices/<name>.toml``), the engines behind them, the sentence cache.

Public API::

    profile = load_profile("id-espeak")            # or "espeak:id", "gtts:id", "piper:/m.onnx"
    voice = build_voice(profile, cache=SentenceCache())   # cache=None: no cache
    clip = voice.synthesize("Selamat pagi.")
    used = effective_profile(voice, profile)       # the voice really used (after a fallback)

``ENGINES`` maps an engine name to its factory; each engine lives in its own adapter module
(``espeak_voice``, ``gtts_voice``, ``piper_voice``), imported only when that engine is built.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bacakan.errors import ConfigError
from bacakan.paths import lexicon_dir, voices_dir
from bacakan.synthesise import profiles
from bacakan.synthesise.base import Identified, Pauses, Voice, VoiceProfile
from bacakan.synthesise.cache import CachedVoice, SentenceCache, open_cache
from bacakan.synthesise.fallback import FallbackVoice
from bacakan.synthesise.pronounce import apply_pronunciations

DEFAULT_VOICE = "id-espeak"

__all__ = [
    "DEFAULT_VOICE", "ENGINES", "Availability", "Pauses", "SentenceCache", "Voice", "VoiceProfile",
    "apply_pronunciations", "availability", "build_voice", "effective_profile", "load_profile",
    "open_cache", "profile_names",
]


def _number(settings: Mapping[str, Any], key: str, default: float, kind: type = float) -> Any:
    value = settings.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"setting {key} must be a number, not {value!r}")
    if kind is int and value != int(value):
        raise ConfigError(f"setting {key} must be a whole number, not {value!r}")
    return kind(value)


def _check_keys(engine: str, settings: Mapping[str, Any], known: set[str]) -> None:
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"unknown {engine} setting {unknown[0]!r} "
                          f"(known: {', '.join(sorted(known))})")


def _espeak(profile: VoiceProfile) -> Voice:
    from bacakan.synthesise.espeak_voice import EspeakVoice

    s = profile.settings
    _check_keys("espeak", s, {"language", "rate", "pitch", "range"})
    return EspeakVoice(language=str(s.get("language", "id")), rate=_number(s, "rate", 160, int),
                       pitch=_number(s, "pitch", 50, int), range_=_number(s, "range", 50, int))


def _gtts(profile: VoiceProfile) -> Voice:
    from bacakan.synthesise.gtts_voice import GttsVoice, settings_from

    return GttsVoice(**settings_from(profile.settings))


def model_path(profile: VoiceProfile) -> Path:
    """A Piper profile's model file; relative paths are relative to ``voices/``."""
    raw = profile.settings.get("model")
    if not isinstance(raw, str) or not raw:
        raise ConfigError("piper settings need model = \"models/<name>.onnx\"")
    path = Path(raw).expanduser()
    return path if path.is_absolute() else voices_dir() / path


def _piper(profile: VoiceProfile) -> Voice:
    from bacakan.synthesise.piper_voice import PiperVoice

    s = profile.settings
    _check_keys("piper", s, {"model", "speaker", "speed", "noise_scale", "noise_w"})
    speaker = s.get("speaker")
    if speaker is not None and (isinstance(speaker, bool) or not isinstance(speaker, int | str)):
        raise ConfigError(f"piper speaker must be a number or a name, not {speaker!r}")
    noise = {k: _number(s, k, 0.0) for k in ("noise_scale", "noise_w") if k in s}
    return PiperVoice(model_path(profile), speaker=speaker, speed=_number(s, "speed", 1.0),
                      noise_scale=noise.get("noise_scale"), noise_w=noise.get("noise_w"))


ENGINES: dict[str, Callable[[VoiceProfile], Voice]] = {
    "espeak": _espeak,
    "gtts": _gtts,
    "piper": _piper,
}


def profile_names() -> list[str]:
    return profiles.profile_names()


def load_profile(name: str) -> VoiceProfile:
    """A profile by name (``id-espeak``), file (``x.toml``) or ``ENGINE:ARG`` (``espeak:id``)."""
    return profiles.load_profile(name, ENGINES)


def lexicon_digest(profile: VoiceProfile) -> str:
    """Hash of the profile's lexicon files; part of the cache key (missing files hash too)."""
    digest = hashlib.sha256()
    for name in profile.lexicons:
        path = Path(name) if Path(name).is_absolute() else lexicon_dir() / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()[:16]


def _construct(profile: VoiceProfile, cache: SentenceCache | None) -> Voice:
    try:
        voice = ENGINES[profile.engine](profile)
    except ConfigError as exc:
        message = str(exc)
        raise ConfigError(message if message.startswith(profile.where)
                          else f"{profile.where}: {message}") from exc
    if cache is None:
        return voice
    extra = {"pronunciations": profile.pronunciation_digest(), "lexicons": lexicon_digest(profile)}
    return CachedVoice(voice, cache, extra)


def build_voice(profile: VoiceProfile, cache: SentenceCache | None = None) -> Voice:
    """The voice for ``profile``: cached when ``cache`` is given, with its fallback if it names one.

    Bad settings, a missing or corrupt model raise ``ConfigError`` naming the profile's file.
    """
    if profile.engine not in ENGINES:
        raise ConfigError(f"{profile.where}: unknown engine {profile.engine!r}")
    primary = _construct(profile, cache)
    if not profile.fallback:
        return primary
    fallback_name = profile.fallback

    def make_fallback() -> tuple[Voice, VoiceProfile]:
        fallback_profile = load_profile(fallback_name)
        if fallback_profile.fallback:  # one level only: no chains or loops
            fallback_profile = replace(fallback_profile, fallback=None)
        return _construct(fallback_profile, cache), fallback_profile

    return FallbackVoice(primary, profile, make_fallback)


def effective_profile(voice: Voice, profile: VoiceProfile) -> VoiceProfile:
    """The profile that really spoke: the fallback's after a switch, a joint one if both spoke.

    What the manifest (``voice``/``engine``), the ID3 comment and the feed must credit.
    """
    if not isinstance(voice, FallbackVoice) or not voice.used or voice.used == [profile]:
        return profile
    if len(voice.used) == 1:
        return voice.used[0]
    used = voice.used
    return replace(
        profile,
        name="+".join(p.name for p in used),
        engine="+".join(p.engine for p in used),
        licence="; ".join(p.licence for p in used if p.licence),
        attribution="; ".join(p.attribution for p in used if p.attribution),
    )


@dataclass(frozen=True)
class Availability:
    usable: bool
    detail: str


def availability(profile: VoiceProfile, *, timeout: float = 2.0) -> Availability:
    """Whether ``profile`` can speak right now, without synthesising anything.

    eSpeak: the voice loads. Piper: the model and its config are there and the package imports.
    gTTS: the host answers within ``timeout`` seconds.
    """
    try:
        if profile.engine == "gtts":
            from bacakan.synthesise.gtts_voice import reachable

            tld = profile.settings.get("tld", "com")
            ok, detail = reachable(str(tld), timeout)
            if not ok and profile.fallback:
                detail += f"; falls back to {profile.fallback}"
            return Availability(ok, detail)
        if profile.engine == "piper":
            from bacakan.synthesise.piper_voice import check_usable

            return Availability(True, check_usable(model_path(profile)))
        voice = ENGINES[profile.engine](profile)
        return Availability(True, f"{voice.engine}, {voice.sample_rate} Hz")
    except ConfigError as exc:
        return Availability(False, str(exc))
    except ImportError as exc:
        return Availability(False, f"{exc.name} is not installed (pip install bacakan[piper])")


def is_cached(voice: Voice) -> bool:
    return isinstance(voice, CachedVoice) or (
        isinstance(voice, FallbackVoice) and isinstance(voice.primary, CachedVoice))


_ = Identified  # re-exported for engines written elsewhere
