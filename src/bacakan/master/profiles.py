"""Mastering profiles: where the narration has to land (loudness, true peak, formats).

``podcast`` (default) follows Apple/AES: -16 LUFS for a stereo file, -19 LUFS for a mono file
(a mono file measures 3 LU lower for the same perceived level), true peak <= -1 dBTP, CBR MP3
44.1 kHz. ``broadcast`` follows EBU R 128: -23 LUFS, <= -1 dBTP, a Broadcast WAV (48 kHz, bext v2
loudness fields) next to a 128 kbps MP3. A TOML file gives a custom profile (e.g. a station ident)::

    base = "podcast"          # start from a built-in profile
    channels = 2
    intro = "ident.wav"       # relative to the TOML file
    outro = "outro.wav"
    ident_gap = 0.5           # seconds of silence between ident and narration
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from bacakan.errors import ConfigError

__all__ = ["BROADCAST", "PODCAST", "PROFILES", "MasteringProfile", "get_profile"]


@dataclass(frozen=True)
class MasteringProfile:
    name: str
    target_lufs_mono: float  # integrated loudness of a mono file
    target_lufs_stereo: float  # integrated loudness of a stereo file (same perceived level or not)
    true_peak_ceiling: float = -1.0  # dBTP the final files must stay under
    channels: int = 1  # of the MP3; narration is mono, stereo duplicates it
    sample_rate: int = 44100  # of the MP3
    bitrate_kbps: int = 96
    wav: bool = False  # also write a Broadcast WAV
    wav_rate: int = 48000
    wav_bits: int = 24
    intro: Path | None = None  # station ident before the narration, loudness-matched
    outro: Path | None = None
    ident_gap: float = 0.5  # silence between ident and narration, seconds
    tolerance_lu: float = 0.5  # what the issue allows; master aims much closer (see master())

    @property
    def target_lufs(self) -> float:
        return self.target_lufs_stereo if self.channels == 2 else self.target_lufs_mono


PODCAST = MasteringProfile("podcast", target_lufs_mono=-19.0, target_lufs_stereo=-16.0)
BROADCAST = MasteringProfile(
    "broadcast",
    target_lufs_mono=-23.0,
    target_lufs_stereo=-23.0,
    bitrate_kbps=128,
    wav=True,
)
PROFILES = {p.name: p for p in (PODCAST, BROADCAST)}
_BITRATES = {1: (80, 96, 112, 128, 160), 2: (128, 160)}  # what libsndfile can make CBR


def _check(profile: MasteringProfile, where: str) -> MasteringProfile:
    if profile.channels not in (1, 2):
        raise ConfigError(f"{where}: channels must be 1 or 2, not {profile.channels}")
    if profile.bitrate_kbps not in _BITRATES[profile.channels]:
        allowed = ", ".join(map(str, _BITRATES[profile.channels]))
        raise ConfigError(f"{where}: bitrate_kbps {profile.bitrate_kbps} not one of {allowed}")
    if profile.sample_rate not in (44100, 48000) or profile.wav_rate not in (44100, 48000):
        raise ConfigError(f"{where}: sample rates must be 44100 or 48000")
    if profile.wav_bits not in (16, 24):
        raise ConfigError(f"{where}: wav_bits must be 16 or 24")
    if not -40.0 <= profile.target_lufs <= -10.0 or profile.true_peak_ceiling > 0:
        raise ConfigError(f"{where}: loudness target or true-peak ceiling out of range")
    for ident in (profile.intro, profile.outro):
        if ident is not None and not ident.is_file():
            raise ConfigError(f"{where}: ident audio {ident} not found")
    return profile


def _from_toml(path: Path) -> MasteringProfile:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read mastering profile {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    base = PROFILES.get(str(data.pop("base", "podcast")))
    if base is None:
        raise ConfigError(f"{path}: base must be one of {', '.join(PROFILES)}")
    known = {f.name for f in fields(MasteringProfile)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    for key in ("intro", "outro"):
        if key in data:
            data[key] = (path.parent / str(data[key])).resolve()
    data.setdefault("name", path.stem)
    try:
        return replace(base, **data)
    except TypeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def get_profile(name: str | MasteringProfile) -> MasteringProfile:
    """A built-in profile by name (``podcast``, ``broadcast``) or a ``.toml`` file."""
    if isinstance(name, MasteringProfile):
        return _check(name, name.name)
    if name in PROFILES:
        return PROFILES[name]
    if name.endswith(".toml"):
        return _check(_from_toml(Path(name)), name)
    raise ConfigError(
        f"unknown mastering profile {name!r} (known: {', '.join(PROFILES)}, or a .toml)"
    )
