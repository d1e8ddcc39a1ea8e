"""Mastering: loudness targets measured on the rendered files, true peak, BWF, joins, bad input."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import soundfile

from bacakan.errors import ConfigError, OutputError, SynthesisError
from bacakan.master import BROADCAST, PODCAST, get_profile, master
from bacakan.master import loudness as L
from bacakan.master.assemble import assemble
from bacakan.master.bwf import read_bext
from bacakan.master.tags import mp3_info
from bacakan.models import AudioFacts, Clip, FloatArray
from bacakan.synthesise.base import Pauses
from bacakan.synthesise.espeak_voice import EspeakVoice

SENTENCES = (
    "Banjir melanda Kota Paringin sejak Senin pagi.",
    "Ratusan rumah warga terendam air setinggi satu meter.",
    "Pemerintah Kabupaten Balangan menyalurkan bantuan makanan dan obat-obatan.",
    "Posko pengungsian didirikan di kantor kecamatan.",
    "Warga diminta tetap waspada terhadap banjir susulan.",
)
BLOCKS = (-1, 0, 0, 1, 1)


@pytest.fixture(scope="module")
def clips() -> list[Clip]:
    voice = EspeakVoice()
    return [voice.synthesize(s) for s in SENTENCES]


def measure_file(path: Path) -> tuple[float, float, int, int]:
    """Reference BS.1770 meter (pyloudnorm, whole file) and our 4x true-peak meter on the file."""
    data, rate = soundfile.read(str(path), dtype="float32", always_2d=False)
    return L.reference_integrated(data, rate), L.true_peak_db(data, rate), rate, (
        1 if data.ndim == 1 else data.shape[1])


def render(clips: Sequence[Clip], tmp_path: Path, profile: object, **kw: object) -> AudioFacts:
    return master(clips, BLOCKS, Pauses(), tmp_path / "out.mp3", profile, **kw)  # type: ignore[arg-type]


# -- meters -------------------------------------------------------------------------------------

def tone(amplitude_db: float, seconds: float = 5.0, rate: int = 48000,
         hz: float = 997.0) -> FloatArray:
    t = np.arange(int(seconds * rate)) / rate
    return (10 ** (amplitude_db / 20) * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def test_meter_calibration_tone() -> None:
    """BS.1770: a 997 Hz sine at -23 dBFS in both channels reads -23 LUFS; as a mono file -26."""
    x = tone(-23.0)
    stereo = np.stack([x, x], axis=1)
    assert L.integrated(stereo, 48000) == pytest.approx(-23.0, abs=0.1)
    assert L.integrated(x, 48000) == pytest.approx(-26.0, abs=0.1)  # mono file: 3 LU lower


def test_chunked_meter_equals_pyloudnorm_on_speech(clips: list[Clip]) -> None:
    audio, _ = assemble(clips, BLOCKS, Pauses(), 44100)
    meter = L.LoudnessMeter(44100)
    for start in range(0, len(audio), 12345):  # odd block size: sub-blocks straddle calls
        meter.add(audio[start:start + 12345])
    assert meter.integrated() == pytest.approx(L.reference_integrated(audio, 44100), abs=0.01)


def test_true_peak_finds_intersample_peak_and_chunking_is_exact(clips: list[Clip]) -> None:
    # A sine at fs/4 sampled at 45 degrees: samples reach 0.707 of the true peak (-3 dB).
    n = np.arange(48000)
    x = (0.5 * np.sin(np.pi / 2 * n + np.pi / 4)).astype(np.float32)
    assert 20 * math.log10(float(np.abs(x).max())) == pytest.approx(-9.03, abs=0.05)
    # (the abrupt start and end of the test sine add a little Gibbs overshoot)
    assert L.true_peak_db(x, 48000) == pytest.approx(-6.02, abs=0.15)
    audio, _ = assemble(clips, BLOCKS, Pauses(), 44100)
    meter = L.TruePeakMeter()
    for start in range(0, len(audio), 777):
        meter.add(audio[start:start + 777])
    from scipy.signal import resample_poly

    whole = 20 * math.log10(float(np.abs(resample_poly(audio, 4, 1)).max()))
    assert meter.dbtp() == pytest.approx(whole, abs=1e-4)


def test_limiter_holds_the_ceiling() -> None:
    x = tone(0.0, 2.0, 44100, 5000.0) * np.float32(1.4)  # true peak ~ +3 dBTP
    limiter = L.Limiter(44100, -1.5)
    out = np.concatenate([limiter.process(x[:30000]), limiter.process(x[30000:]), limiter.flush()])
    assert len(out) == len(x)
    assert L.true_peak_db(out, 44100) <= -1.5 + 0.01


# -- profiles, measured on the rendered files ---------------------------------------------------

def test_podcast_mono(clips: list[Clip], tmp_path: Path) -> None:
    facts = render(clips, tmp_path, PODCAST)
    lufs, tp, rate, channels = measure_file(Path(facts.path))
    assert lufs == pytest.approx(-19.0, abs=0.5)
    assert tp <= -1.0
    assert (rate, channels) == (44100, 1)
    info = mp3_info(Path(facts.path))
    assert info.cbr and info.bitrate_kbps == 96 and info.sample_rate == 44100
    assert facts.loudness_lufs == pytest.approx(lufs, abs=0.1)


def test_podcast_stereo(clips: list[Clip], tmp_path: Path) -> None:
    profile = replace(PODCAST, channels=2, bitrate_kbps=128)
    facts = render(clips, tmp_path, profile)
    lufs, tp, rate, channels = measure_file(Path(facts.path))
    assert lufs == pytest.approx(-16.0, abs=0.5)
    assert tp <= -1.0
    assert (rate, channels) == (44100, 2)
    assert mp3_info(Path(facts.path)).bitrate_kbps == 128


def test_broadcast_mp3_and_bwf(clips: list[Clip], tmp_path: Path) -> None:
    facts = render(clips, tmp_path, BROADCAST, description="Banjir di Paringin")
    lufs, tp, _, _ = measure_file(Path(facts.path))
    assert lufs == pytest.approx(-23.0, abs=0.5) and tp <= -1.0
    assert mp3_info(Path(facts.path)).bitrate_kbps >= 128
    wav = tmp_path / "out.wav"
    info = soundfile.info(str(wav))
    assert (info.samplerate, info.channels, info.subtype) == (48000, 1, "PCM_24")
    wav_lufs, wav_tp, _, _ = measure_file(wav)
    assert wav_lufs == pytest.approx(-23.0, abs=0.5) and wav_tp <= -1.0
    bext = read_bext(wav)
    assert bext["Version"] == 2
    assert bext["Description"] == "Banjir di Paringin"
    assert bext["LoudnessValue"] == pytest.approx(wav_lufs, abs=0.02)
    assert bext["MaxTruePeakLevel"] == pytest.approx(wav_tp, abs=0.02)
    assert float(bext["MaxMomentaryLoudness"]) >= float(bext["MaxShortTermLoudness"]) - 0.01  # type: ignore[arg-type]
    assert 0.0 <= float(bext["LoudnessRange"]) < 20.0  # type: ignore[arg-type]
    assert str(bext["CodingHistory"]).startswith("A=PCM,F=48000,W=24")


def test_timings_match_decoded_audio(clips: list[Clip], tmp_path: Path) -> None:
    """The MP3 (gapless decode) has speech exactly where the timings say, silence in the pauses."""
    facts = render(clips, tmp_path, PODCAST)
    data, rate = soundfile.read(facts.path, dtype="float32")
    assert len(data) / rate == pytest.approx(facts.duration_s, abs=0.002)
    for before, after in itertools.pairwise(facts.timings):
        gap = data[round((before.end + 0.03) * rate):round((after.start - 0.03) * rate)]
        assert np.abs(gap).max() < 0.01  # the pause is silent (codec noise only)
    spoken = data[round(facts.timings[0].start * rate):round(facts.timings[0].end * rate)]
    assert np.abs(spoken).max() > 0.1


def test_joins_are_faded(clips: list[Clip]) -> None:
    """No clicks: every clip starts and ends at zero, and no join has a jump."""
    audio, timings = assemble(clips, BLOCKS, Pauses(), 44100)
    for t in timings:
        first, last = round(t.start * 44100), round(t.end * 44100) - 1
        assert abs(audio[first]) < 1e-6 and abs(audio[last]) < 1e-3
    assert float(np.abs(np.diff(audio)).max()) < 0.5


def test_pauses_are_configurable(clips: list[Clip]) -> None:
    _, default = assemble(clips, BLOCKS, Pauses(), 44100)
    _, longer = assemble(clips, BLOCKS, Pauses(sentence=0.5, paragraph=1.0, headline=2.0), 44100)
    assert longer[1].start - (longer[0].end) == pytest.approx(2.0, abs=1e-3)
    assert longer[2].start - longer[1].end == pytest.approx(0.5, abs=1e-3)
    assert longer[3].start - longer[2].end == pytest.approx(1.0, abs=1e-3)
    assert default[1].start - default[0].end == pytest.approx(1.0, abs=1e-3)


# -- idents -------------------------------------------------------------------------------------

def write_ident(path: Path, level_db: float, rate: int = 22050) -> Path:
    """A station ident stand-in: a short chord (a tone is the right signal for level matching)."""
    t = np.arange(int(2.0 * rate)) / rate
    x = np.mean([np.sin(2 * np.pi * f * t) for f in (440.0, 554.4, 659.3)], axis=0)
    soundfile.write(str(path), (10 ** (level_db / 20) * x).astype(np.float32), rate)
    return path


def test_intro_outro_loudness_matched(clips: list[Clip], tmp_path: Path) -> None:
    intro = write_ident(tmp_path / "intro.wav", -30.0, rate=22050)  # quiet and at another rate
    outro = write_ident(tmp_path / "outro.wav", -3.0, rate=96000)  # loud
    profile = replace(PODCAST, intro=intro, outro=outro)
    facts = render(clips, tmp_path, profile)
    lufs, tp, _, _ = measure_file(Path(facts.path))
    assert lufs == pytest.approx(-19.0, abs=0.5) and tp <= -1.0
    data, rate = soundfile.read(facts.path, dtype="float32")
    assert facts.timings[0].start == pytest.approx(2.0 + profile.ident_gap, abs=0.01)
    intro_lufs = L.integrated(data[: 2 * rate], rate)
    outro_lufs = L.integrated(data[-2 * rate:], rate)
    assert intro_lufs == pytest.approx(-19.0, abs=1.0)
    assert outro_lufs == pytest.approx(-19.0, abs=1.0)


def test_unreadable_intro_is_a_config_error(clips: list[Clip], tmp_path: Path) -> None:
    bad = tmp_path / "ident.wav"
    bad.write_bytes(b"RIFF not really a wave file")
    with pytest.raises(ConfigError, match="ident audio"):
        render(clips, tmp_path, replace(PODCAST, intro=bad))
    assert not (tmp_path / "out.mp3").exists()
    with pytest.raises(ConfigError, match="not found"):
        get_profile(replace(PODCAST, intro=tmp_path / "missing.wav"))


def test_silent_narration_is_an_error_and_leaves_no_file(tmp_path: Path) -> None:
    silent = [Clip(np.zeros(22050, dtype=np.float32), 22050)] * len(BLOCKS)
    with pytest.raises(OutputError, match="silent"):
        render(silent, tmp_path, PODCAST)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_wrong_sample_rate_clip(clips: list[Clip], tmp_path: Path) -> None:
    broken = [*clips[:-1], Clip(clips[-1].samples, 0)]
    with pytest.raises(SynthesisError, match="sample rate"):
        render(broken, tmp_path, PODCAST)
    assert not (tmp_path / "out.mp3").exists()


def test_clips_at_other_rates_are_resampled(clips: list[Clip], tmp_path: Path) -> None:
    from scipy.signal import resample_poly

    mixed = [Clip(np.asarray(resample_poly(c.samples, 160, 147 * 5 // 5), dtype=np.float32),
                  24000) if i % 2 else c for i, c in enumerate(clips)]
    facts = render(mixed, tmp_path, PODCAST)
    lufs, tp, _, _ = measure_file(Path(facts.path))
    assert lufs == pytest.approx(-19.0, abs=0.5) and tp <= -1.0


def test_profile_names_and_toml(tmp_path: Path) -> None:
    assert get_profile("podcast") is PODCAST and get_profile("broadcast") is BROADCAST
    with pytest.raises(ConfigError, match="unknown mastering profile"):
        get_profile("loud")
    write_ident(tmp_path / "id.wav", -20.0)
    toml = tmp_path / "station.toml"
    toml.write_text('base = "broadcast"\nintro = "id.wav"\nwav_bits = 16\n', encoding="utf-8")
    profile = get_profile(str(toml))
    assert profile.intro == (tmp_path / "id.wav").resolve() and profile.wav_bits == 16
    assert profile.target_lufs == -23.0
    toml.write_text('bitrate_kbps = 64\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="bitrate"):
        get_profile(str(toml))
    toml.write_text('loudness = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        get_profile(str(toml))
