"""eSpeak NG through ctypes, with the library and data shipped by the ``espeakng-loader`` wheel.

The only module that imports ``espeakng_loader``. libespeak-ng keeps global state, so one process holds
one initialised engine and calls into it under a lock.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

import espeakng_loader
import numpy as np

from bacakan.errors import ConfigError, SynthesisError
from bacakan.models import Clip

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_PARAM_VOLUME = 2
_PARAM_PITCH = 3
_PARAM_RANGE = 4

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

_lock = threading.Lock()
_lib: Any = None
_sample_rate = 0
_chunks: list[np.ndarray[Any, np.dtype[np.int16]]] = []


@_CALLBACK  # type: ignore[misc]
def _on_audio(wav: Any, count: int, _events: Any) -> int:
    if count > 0 and wav:
        _chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
    return 0  # keep synthesising


def _library() -> tuple[Any, int]:
    global _lib, _sample_rate
    if _lib is None:
        lib = ctypes.CDLL(str(espeakng_loader.get_library_path()))
        data = str(espeakng_loader.get_data_path()).encode()
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data, 0)
        if rate <= 0:
            raise SynthesisError(f"eSpeak NG failed to initialise with data in {data.decode()}")
        lib.espeak_SetSynthCallback(_on_audio)
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        _lib, _sample_rate = lib, int(rate)
    return _lib, _sample_rate


class EspeakVoice:
    """The offline default voice: eSpeak NG, Indonesian (``id``)."""

    def __init__(self, language: str = "id", rate: int = 165, pitch: int = 50, range_: int = 50) -> None:
        self.language = language
        self.rate = rate
        self.pitch = pitch
        self.range = range_
        with _lock:
            lib, rate_hz = _library()
            if lib.espeak_SetVoiceByName(language.encode()) != 0:
                raise ConfigError(f"eSpeak NG has no voice named {language!r}")
        self._rate_hz = rate_hz

    @property
    def engine(self) -> str:
        return "espeak"

    @property
    def sample_rate(self) -> int:
        return self._rate_hz

    def synthesize(self, text: str) -> Clip:
        data = text.encode("utf-8") + b"\0"
        with _lock:
            lib, rate_hz = _library()
            # Settings are global in libespeak-ng: set them on every call so voices can coexist.
            lib.espeak_SetVoiceByName(self.language.encode())
            lib.espeak_SetParameter(_PARAM_RATE, self.rate, 0)
            lib.espeak_SetParameter(_PARAM_PITCH, self.pitch, 0)
            lib.espeak_SetParameter(_PARAM_RANGE, self.range, 0)
            lib.espeak_SetParameter(_PARAM_VOLUME, 100, 0)
            _chunks.clear()
            status = lib.espeak_Synth(data, len(data), 0, 1, 0, _CHARS_UTF8, None, None)
            lib.espeak_Synchronize()
            pcm = np.concatenate(_chunks) if _chunks else np.zeros(0, dtype=np.int16)
            _chunks.clear()
        if status != 0:
            raise SynthesisError(f"eSpeak NG could not synthesise the text (status {status})")
        samples = (pcm.astype(np.float32) / 32768.0).astype(np.float32)
        return Clip(samples=samples, sample_rate=rate_hz)
