"""Synthesise: voice profiles (``voices/<name>.toml``) and the engines behind them."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bacakan.errors import ConfigError
from bacakan.paths import voices_dir
from bacakan.synthesise.base import Pauses, Voice, VoiceProfile

DEFAULT_VOICE = "id-espeak"

__all__ = ["DEFAULT_VOICE", "Voice", "VoiceProfile", "build_voice", "load_profile", "profile_names"]


def _espeak(settings: Mapping[str, Any]) -> Voice:
    from bacakan.synthesise.espeak_voice import EspeakVoice

    return EspeakVoice(
        language=str(settings.get("language", "id")),
        rate=int(settings.get("rate", 160)),
        pitch=int(settings.get("pitch", 50)),
        range_=int(settings.get("range", 50)),
    )


ENGINES: dict[str, Callable[[Mapping[str, Any]], Voice]] = {"espeak": _espeak}


def profile_names() -> list[str]:
    return sorted(p.stem for p in voices_dir().glob("*.toml"))


def _profile_from_toml(path: Path) -> VoiceProfile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    engine = data.get("engine")
    if engine not in ENGINES:
        raise ConfigError(f"{path}: unknown engine {engine!r} (known: {', '.join(sorted(ENGINES))})")
    pauses = Pauses(**{k: float(v) for k, v in data.get("pauses", {}).items()})
    return VoiceProfile(
        name=str(data.get("name", path.stem)),
        engine=str(engine),
        settings=dict(data.get("settings", {})),
        pauses=pauses,
        pronunciations=dict(data.get("pronunciations", {})),
        lexicons=tuple(data.get("lexicons", ())),
        licence=str(data.get("licence", "")),
        attribution=str(data.get("attribution", "")),
        fallback=data.get("fallback"),
    )


def load_profile(name: str) -> VoiceProfile:
    """A profile by name (``id-espeak``) or an ``ENGINE:ARG`` shorthand (``espeak:id``)."""
    if ":" in name and not name.endswith(".toml"):
        engine, _, arg = name.partition(":")
        if engine == "espeak":
            return VoiceProfile(name=name, engine="espeak", settings={"language": arg or "id"},
                                licence="GPL-3.0-or-later (eSpeak NG)")
        raise ConfigError(f"unknown voice engine {engine!r} in --voice {name}")
    path = Path(name) if name.endswith(".toml") else voices_dir() / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(profile_names()) or "none"
        raise ConfigError(f"unknown voice {name!r} (known: {known})")
    return _profile_from_toml(path)


def build_voice(profile: VoiceProfile) -> Voice:
    return ENGINES[profile.engine](profile.settings)
