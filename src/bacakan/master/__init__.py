"""Master: join sentence clips with explicit pauses, normalise loudness (BS.1770), encode CBR MP3.

Streaming, in passes over a float32 spool on disk (peak memory does not grow with length):

A. assemble clips (+ optional loudness-matched intro/outro ident) into the spool, metering loudness
   and true peak of the unscaled narration;
B. gain (+ true-peak limiter only when the gained signal would pass the ceiling) -> MP3,
   block by block;
C. decode the MP3 and measure it (BS.1770-4 integrated, 4x true peak). If it misses the target
   by more than 0.15 LU or passes the ceiling, correct the gain once and repeat B and C.

LAME at <= 160 kbps lowers integrated loudness by ~0.45 LU (design/feeds-audio.md §4), so the first
encode is pre-compensated and the second one is rarely needed. The broadcast profile also writes a
Broadcast WAV (no codec loss, so no pre-compensation) whose bext chunk holds its own measurements.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bacakan.atomic import atomic_path
from bacakan.errors import ConfigError, OutputError
from bacakan.master import codec
from bacakan.master.assemble import Spool, assemble_to, faded, resample_to, write_silence
from bacakan.master.bwf import BextLoudness, BwfWriter
from bacakan.master.loudness import Limiter, LoudnessMeter, TruePeakMeter, sample_peak_db
from bacakan.master.profiles import BROADCAST, PODCAST, MasteringProfile, get_profile
from bacakan.master.tags import mp3_info
from bacakan.models import AudioFacts, Clip, FloatArray, Timing
from bacakan.synthesise.base import Pauses

__all__ = ["BROADCAST", "PODCAST", "MasteringProfile", "get_profile", "master"]

_RETRY_LU = 0.15  # re-encode when the MP3 misses by more than this (the issue allows 0.5)
_LIMITER_MARGIN_DB = 0.5  # MP3 encoding moved true peak by -0.5...+0.3 dB (design §4)
_LAME_DROP_DB = 0.45  # measured at every CBR rate <= 160 kbps (design §4)
_BLOCK = 1 << 16
_SILENT_LUFS = -70.0
_OVERSHOOT_DB = 1.0  # 4x true peak exceeds the sample peak of speech by far less than this

Finish = Callable[[Path, AudioFacts], None]


@dataclass
class _Track:
    """One rate's spool plus what pass A learned about it."""

    rate: int
    spool: Spool
    segments: list[
        tuple[int, int, float]
    ]  # (first frame, end frame, gain dB relative to narration)
    narration_lufs: float = -math.inf
    narration_peak_db: float = -math.inf  # peak estimate (dB) at the segment gains, before gain


def _load_ident(path: Path, rate: int) -> FloatArray:
    try:
        samples, source_rate = codec.read_audio(path)
    except (
        RuntimeError,
        OSError,
        ValueError,
    ) as exc:  # soundfile raises LibsndfileError(RuntimeError)
        raise ConfigError(f"cannot read ident audio {path}: {exc}") from exc
    if source_rate < 8000 or source_rate > 384000:
        raise ConfigError(f"ident audio {path} has an unusable sample rate {source_rate} Hz")
    if not len(samples) or not np.isfinite(samples).all():
        raise ConfigError(f"ident audio {path} is empty or damaged")
    return faded(np.clip(resample_to(samples, source_rate, rate), -1.0, 1.0), rate)


def _ident_lufs(samples: FloatArray, rate: int, path: Path) -> float:
    meter = LoudnessMeter(rate)
    meter.add(samples)
    lufs = meter.integrated()
    if not lufs > _SILENT_LUFS:
        raise ConfigError(f"ident audio {path} is silent")
    return lufs


def _pass_a(
    clips: Sequence[Clip],
    blocks: Sequence[int],
    pauses: Pauses,
    rate: int,
    profile: MasteringProfile,
    folder: Path,
) -> tuple[_Track, list[Timing], int]:
    spool = Spool(folder)
    track = _Track(rate, spool, [])
    narration = LoudnessMeter(rate)
    peak = [0.0]
    gap = round(profile.ident_gap * rate)

    def ident(path: Path) -> tuple[FloatArray, float]:
        samples = _load_ident(path, rate)
        return samples, _ident_lufs(samples, rate, path)

    intro = ident(profile.intro) if profile.intro else None
    outro = ident(profile.outro) if profile.outro else None
    if intro:
        spool.write(intro[0])
        write_silence(spool.write, gap)

    def narrate(samples: FloatArray) -> None:
        spool.write(samples)
        narration.add(samples)
        peak[0] = max(peak[0], float(np.abs(samples).max(initial=0.0)))

    start = spool.frames
    timings, frames = assemble_to(narrate, clips, blocks, pauses, rate, start)
    track.narration_lufs = narration.integrated()
    if not track.narration_lufs > _SILENT_LUFS:
        spool.close()
        raise OutputError("the narration is silent (below -70 LUFS): nothing to encode")
    # Sample peak plus a 1 dB allowance for inter-sample overshoot only decides whether the limiter
    # runs at all (a 4x meter here cost a fifth of the render); the MP3's true peak is measured.
    peak_db = 20 * math.log10(peak[0]) + _OVERSHOOT_DB
    track.segments.append((start, start + frames, 0.0))
    if intro:
        match = track.narration_lufs - intro[1]
        track.segments.append((0, len(intro[0]), match))
        peak_db = max(peak_db, sample_peak_db(intro[0]) + _OVERSHOOT_DB + match)
    if outro:
        write_silence(spool.write, gap)
        match = track.narration_lufs - outro[1]
        track.segments.append((spool.frames, spool.frames + len(outro[0]), match))
        peak_db = max(peak_db, sample_peak_db(outro[0]) + _OVERSHOOT_DB + match)
        spool.write(outro[0])
    track.narration_peak_db = peak_db
    return track, timings, spool.frames


def _shaped(track: _Track, gain_db: float, ceiling_db: float) -> Iterator[FloatArray]:
    """Pass B's signal: gained (per segment) and, only when needed, true-peak limited; in blocks."""
    limiter = (
        Limiter(track.rate, ceiling_db) if track.narration_peak_db + gain_db > ceiling_db else None
    )
    for first, block in track.spool.blocks(_BLOCK):
        gains = np.full(len(block), 10 ** (gain_db / 20), dtype=np.float32)
        for lo, hi, rel in track.segments:
            if rel and lo < first + len(block) and hi > first:
                gains[max(lo - first, 0) : hi - first] *= np.float32(10 ** (rel / 20))
        shaped = block * gains
        if limiter:
            shaped = limiter.process(shaped)
        if len(shaped):
            yield shaped
    if limiter:
        tail = limiter.flush()
        if len(tail):
            yield tail


def _encode(
    track: _Track, tmp: Path, profile: MasteringProfile, gain_db: float, ceiling_db: float
) -> tuple[float, float]:
    """Pass B then C: write the MP3, then decode and measure it: (integrated LUFS, dBTP)."""
    writer = codec.Mp3Writer(tmp, profile.sample_rate, profile.channels, profile.bitrate_kbps)
    try:
        for block in _shaped(track, gain_db, ceiling_db):
            writer.write(block)
    finally:
        writer.close()
    lufs = LoudnessMeter(profile.sample_rate, profile.channels)
    peak = TruePeakMeter(profile.channels)
    for block in codec.blocks(tmp):
        lufs.add(block)
        peak.add(block)
    return lufs.integrated(), peak.dbtp()


def _write_wav(
    track: _Track,
    tmp: Path,
    profile: MasteringProfile,
    gain_db: float,
    ceiling_db: float,
    description: str,
) -> BextLoudness:
    meter = LoudnessMeter(track.rate)
    peak = TruePeakMeter()
    with BwfWriter(tmp, track.rate, 1, profile.wav_bits, description=description) as writer:
        for block in _shaped(track, gain_db, ceiling_db):
            q = writer.quantise(block)
            writer.write(q)
            meter.add(q)  # measure exactly what the file holds
            peak.add(q)
        values = BextLoudness(
            meter.integrated(),
            meter.loudness_range(),
            peak.dbtp(),
            meter.max_momentary(),
            meter.max_short_term(),
        )
        writer.close(values)
    return values


def _check(what: str, lufs: float, tp: float, profile: MasteringProfile) -> None:
    if abs(lufs - profile.target_lufs) > profile.tolerance_lu or tp > profile.true_peak_ceiling:
        raise OutputError(
            f"{what} missed the {profile.name} profile after correction: {lufs:.2f} LUFS, "
            f"{tp:.2f} dBTP (target {profile.target_lufs} LUFS, <= "
            f"{profile.true_peak_ceiling} dBTP)"
        )


def master(
    clips: Sequence[Clip],
    blocks: Sequence[int],
    pauses: Pauses,
    target: Path,
    profile: MasteringProfile | str = PODCAST,
    *,
    wav_target: Path | None = None,
    finish: Finish | None = None,
    description: str = "",
) -> AudioFacts:
    """Write ``target`` (MP3) from per-sentence clips; ``blocks[i]`` is the block of clip ``i``.

    With a profile that asks for it, a Broadcast WAV goes to ``wav_target`` (default: next to the
    MP3). ``finish(tmp_mp3, facts)`` runs before the MP3 is renamed into place (tags go there, so a
    crash never leaves an untagged or half-tagged file). Timings include the intro offset.
    """
    profile = get_profile(profile)
    ceiling = profile.true_peak_ceiling - _LIMITER_MARGIN_DB
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        track, timings, _frames = _pass_a(
            clips, blocks, pauses, profile.sample_rate, profile, folder
        )
        try:
            with atomic_path(target) as tmp:
                base = profile.target_lufs - track.narration_lufs
                gain = base + (_LAME_DROP_DB if profile.bitrate_kbps <= 160 else 0.0)
                # A dual-mono stereo file measures 3 LU above the mono signal it carries.
                gain -= 10 * math.log10(profile.channels)
                lufs, tp = _encode(track, tmp, profile, gain, ceiling)
                error = profile.target_lufs - lufs
                if abs(error) > _RETRY_LU or tp > profile.true_peak_ceiling:
                    if tp > profile.true_peak_ceiling:
                        ceiling -= tp - profile.true_peak_ceiling + 0.2
                    lufs, tp = _encode(track, tmp, profile, gain + error, ceiling)
                _check("the MP3", lufs, tp, profile)
                info = mp3_info(tmp)
                facts = AudioFacts(
                    path=str(target),
                    size_bytes=tmp.stat().st_size,
                    duration_s=info.duration_s,
                    loudness_lufs=round(lufs, 2),
                    true_peak_dbtp=round(tp, 2),
                    sample_rate=info.sample_rate,
                    channels=info.channels,
                    bitrate_kbps=info.bitrate_kbps,
                    timings=tuple(timings),
                )
                if profile.wav:
                    _wav(
                        clips,
                        blocks,
                        pauses,
                        profile,
                        wav_target or target.with_suffix(".wav"),
                        description,
                        track,
                    )
                if finish:
                    finish(tmp, facts)
                    facts = replace(facts, size_bytes=tmp.stat().st_size)
        finally:
            track.spool.close()
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return facts


def _wav(
    clips: Sequence[Clip],
    blocks: Sequence[int],
    pauses: Pauses,
    profile: MasteringProfile,
    target: Path,
    description: str,
    mp3_track: _Track,
) -> BextLoudness:
    """The Broadcast WAV; its own spool when its rate differs from the MP3's."""
    track = mp3_track
    if profile.wav_rate != mp3_track.rate:
        track, _, _ = _pass_a(clips, blocks, pauses, profile.wav_rate, profile, target.parent)
    ceiling = profile.true_peak_ceiling - _LIMITER_MARGIN_DB
    try:
        with atomic_path(target) as tmp:
            gain = profile.target_lufs_mono - track.narration_lufs  # the WAV is mono
            values = _write_wav(track, tmp, profile, gain, ceiling, description)
            error = profile.target_lufs_mono - values.integrated
            if abs(error) > _RETRY_LU:  # only the limiter can cost level here
                values = _write_wav(track, tmp, profile, gain + error, ceiling, description)
            _check(
                "the Broadcast WAV",
                values.integrated,
                values.max_true_peak,
                replace(profile, channels=1),
            )
    finally:
        if track is not mp3_track:
            track.spool.close()
    return values


def silence(seconds: float, rate: int) -> FloatArray:
    return np.zeros(round(seconds * rate), dtype=np.float32)
