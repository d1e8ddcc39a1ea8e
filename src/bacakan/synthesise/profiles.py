"""Voice profiles: ``voices/<name>.toml`` files and ``ENGINE:ARG`` shorthands -> VoiceProfile.

Every problem becomes one ``ConfigError`` line that names the file and the key, because a typo in
a profile is the most common way a render goes wrong.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from bacakan.errors import ConfigError
from bacakan.paths import voices_dir
from bacakan.synthesise.base import Pauses, VoiceProfile

_TOP_KEYS = frozenset({
    "name", "engine", "description", "licence", "attribution", "fallback",
    "settings", "pauses", "pronunciations", "lexicons",
})

# What a shorthand voice credits; a TOML profile states its own.
SHORTHAND_LICENCES = {
    "espeak": ("GPL-3.0-or-later (eSpeak NG)", "Suara sintetis eSpeak NG"),
    "gtts": ("Google Translate text-to-speech; Google's terms of service apply",
             "Suara sintetis Google Terjemahan (gTTS)"),
    "piper": ("see the model's MODEL_CARD", "Suara sintetis Piper"),
}


def profile_names() -> list[str]:
    return sorted(p.stem for p in voices_dir().glob("*.toml"))


def profile_path(name: str) -> Path:
    return Path(name) if name.endswith(".toml") else voices_dir() / f"{name}.toml"


def _table(data: Mapping[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [{key}] must be a table")
    return value


def _pauses(table: Mapping[str, Any], path: Path) -> Pauses:
    known = set(Pauses.__dataclass_fields__)
    values: dict[str, float] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown pause {key!r} (known: {', '.join(sorted(known))})")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 10:
            raise ConfigError(f"{path}: pauses.{key} must be a number of seconds from 0 to 10")
        values[key] = float(value)
    return Pauses(**values)


def parse_profile(data: Mapping[str, Any], path: Path, engines: Collection[str]) -> VoiceProfile:
    """Validate one decoded TOML document."""
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}")
    engine = data.get("engine")
    if engine not in engines:
        known = ", ".join(sorted(engines))
        raise ConfigError(f"{path}: unknown engine {engine!r} (known: {known})")
    pronunciations = _table(data, "pronunciations", path)
    for word, said in pronunciations.items():
        if not isinstance(said, str) or not said.strip():
            raise ConfigError(f"{path}: pronunciations.{word} must be a non-empty string")
    lexicons = data.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(x, str) for x in lexicons):
        raise ConfigError(f"{path}: lexicons must be a list of file names")
    for key in ("name", "licence", "attribution", "description", "fallback"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(f"{path}: {key} must be a string")
    return VoiceProfile(
        name=str(data.get("name", path.stem)),
        engine=str(engine),
        settings=_table(data, "settings", path),
        pauses=_pauses(_table(data, "pauses", path), path),
        pronunciations=dict(pronunciations),
        lexicons=tuple(lexicons),
        licence=str(data.get("licence", "")),
        attribution=str(data.get("attribution", "")),
        fallback=data.get("fallback"),
        description=str(data.get("description", "")),
        source=str(path),
    )


def read_profile(path: Path, engines: Collection[str]) -> VoiceProfile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read voice profile ({exc.__class__.__name__})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    return parse_profile(data, path, engines)


def shorthand(spec: str, engines: Collection[str]) -> VoiceProfile:
    """``espeak:id``, ``gtts:id``, ``piper:/path/model.onnx`` -> a profile with default settings."""
    engine, _, arg = spec.partition(":")
    if engine not in engines:
        raise ConfigError(f"unknown voice engine {engine!r} in --voice {spec} "
                          f"(known: {', '.join(sorted(engines))})")
    settings: dict[str, object]
    if engine == "piper":
        if not arg:
            raise ConfigError(f"--voice {spec}: give the model file, e.g. piper:/path/model.onnx")
        # Typed on the command line, so relative to the current folder (profiles' own relative
        # models are relative to voices/).
        settings = {"model": os.path.abspath(os.path.expanduser(arg))}
    else:
        settings = {"language": arg or "id"}
    licence, attribution = SHORTHAND_LICENCES.get(engine, ("", ""))
    return VoiceProfile(name=spec, engine=engine, settings=settings, licence=licence,
                        attribution=attribution)


def load_profile(name: str, engines: Collection[str]) -> VoiceProfile:
    """A profile by name (``id-espeak``), by file (``x.toml``) or an ``ENGINE:ARG`` shorthand."""
    if ":" in name and not name.endswith(".toml") and not Path(name).is_file():
        return shorthand(name, engines)
    path = profile_path(name)
    if not path.is_file():
        if name.endswith(".toml"):
            raise ConfigError(f"{path}: voice profile not found")
        known = ", ".join(profile_names()) or "none"
        raise ConfigError(f"unknown voice {name!r}: no {path} (known: {known})")
    return read_profile(path, engines)
