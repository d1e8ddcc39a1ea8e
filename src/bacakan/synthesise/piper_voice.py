"""Piper neural voices (``piper-tts``, ONNX). The only module that imports ``piper``.

A model is a ``.onnx`` file with its ``.onnx.json`` config beside it, placed by the user (see
``voices/models/README.md``); nothing is ever downloaded. The model's own sample rate is carried
through, so master resamples once, at the end.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from bacakan.errors import ConfigError, SynthesisError
from bacakan.models import Clip, FloatArray

_fingerprints: dict[tuple[str, int, int], str] = {}
_fingerprint_lock = threading.Lock()


def model_fingerprint(path: Path) -> str:
    """SHA-256 of the model file, remembered per (path, size, mtime) so it is hashed once."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    with _fingerprint_lock:
        if key not in _fingerprints:
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            _fingerprints[key] = digest.hexdigest()
        return _fingerprints[key]


def check_model(model: Path) -> Path:
    """The config path for ``model``; ConfigError when either file is missing."""
    if not model.is_file():
        raise ConfigError(f"Piper model {model} not found (see voices/models/README.md)")
    config = Path(f"{model}.json")
    if not config.is_file():
        raise ConfigError(f"Piper model {model} has no config {config.name} beside it")
    return config


def check_usable(model: Path) -> str:
    """What ``bacakan voices`` shows: the model is in place and piper-tts is installed."""
    check_model(model)
    import piper  # noqa: F401  (ImportError when the piper extra is not installed)

    return f"model {model.name}"


class PiperVoice:
    """One Piper ``.onnx`` model; one clip per sentence at the model's sample rate."""

    def __init__(self, model: Path, *, speaker: int | str | None = None, speed: float = 1.0,
                 noise_scale: float | None = None, noise_w: float | None = None) -> None:
        from piper import PiperVoice as _Piper  # imported here: onnxruntime is slow to import
        from piper.config import SynthesisConfig

        if not 0.25 <= speed <= 4.0:
            raise ConfigError(f"Piper speed must be from 0.25 to 4.0, not {speed}")
        config_path = check_model(model)
        try:
            self._voice: Any = _Piper.load(model, config_path=config_path)
        except Exception as exc:  # onnxruntime raises its own untyped errors for a corrupt model
            first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
            raise ConfigError(f"Piper model {model} cannot be loaded "
                              f"({exc.__class__.__name__}: {first})") from exc
        speakers: Mapping[str, int] = self._voice.config.speaker_id_map or {}
        speaker_id: int | None
        if speaker is None or isinstance(speaker, int):
            speaker_id = speaker
        elif speaker in speakers:
            speaker_id = speakers[speaker]
        else:
            raise ConfigError(f"Piper model {model} has no speaker {speaker!r}")
        if speaker_id is not None and not 0 <= speaker_id < max(1, self._voice.config.num_speakers):
            raise ConfigError(f"Piper model {model} has no speaker number {speaker_id}")
        self.model = model
        self.speaker = speaker_id
        self.speed = speed
        self.noise_scale = noise_scale
        self.noise_w = noise_w
        # length_scale is the inverse of speed: 1.25 reads 25 % slower.
        base_length = float(self._voice.config.length_scale)
        self._syn = SynthesisConfig(speaker_id=speaker_id, length_scale=base_length / speed,
                                    noise_scale=noise_scale, noise_w_scale=noise_w)
        self._lock = threading.Lock()  # one ONNX session; Piper's phonemiser is global too

    @property
    def engine(self) -> str:
        return "piper"

    @property
    def sample_rate(self) -> int:
        return int(self._voice.config.sample_rate)

    def cache_identity(self) -> Mapping[str, object]:
        import piper  # the version changes phonemisation and so the audio

        return {"engine": "piper", "model": model_fingerprint(self.model),
                "piper": getattr(piper, "__version__", "") or _dist_version("piper-tts"),
                "speaker": self.speaker, "speed": self.speed, "noise_scale": self.noise_scale,
                "noise_w": self.noise_w}

    def synthesize(self, text: str) -> Clip:
        try:
            with self._lock:
                chunks = list(self._voice.synthesize(text, syn_config=self._syn))
        except KeyError as exc:  # a phoneme the model has no id for: bad model/language pair
            raise SynthesisError(f"Piper model {self.model.name} cannot say {exc}") from exc
        except Exception as exc:  # onnxruntime errors are not typed
            raise SynthesisError(f"Piper failed on {self.model.name} "
                                 f"({exc.__class__.__name__})", retryable=False) from exc
        parts: list[FloatArray] = [np.asarray(c.audio_float_array, dtype=np.float32)
                                   for c in chunks]
        audio = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return Clip(samples=audio, sample_rate=self.sample_rate)


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
