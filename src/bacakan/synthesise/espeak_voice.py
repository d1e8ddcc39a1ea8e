"""eSpeak NG through ctypes, with the library and data shipped by the ``espeakng-loader`` wheel.

The only module that imports ``espeakng_loader``. libespeak-ng keeps global state, so one process
holds one initialised engine and calls into it under a lock.

Text is synthesised with ``espeakPHONEMES`` on, so a profile's ``[pronunciations]`` can hand eSpeak
raw phonemes as ``[[b@l'as]]``. :meth:`EspeakVoice.phonemes` reports what eSpeak actually spoke (its
phoneme trace during synthesis), which is how tests "listen" to a pronunciation fix.
"""

from __future__ import annotations

import ctypes
import os
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import espeakng_loader
import numpy as np

from bacakan.errors import ConfigError, SynthesisError
from bacakan.models import Clip

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_CHARS_UTF8 = 1
_PHONEMES = 0x100  # espeakPHONEMES: honour [[...]] phoneme input
_PARAM_RATE = 1
_PARAM_VOLUME = 2
_PARAM_PITCH = 3
_PARAM_RANGE = 4
_EE_BUFFER_FULL = 1  # the only eSpeak status worth retrying
_TRACE_PHONEMES = 1  # espeak_SetPhonemeTrace: ASCII phoneme names

_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)

_lock = threading.Lock()
_lib: Any = None
_libc: Any = None
_sample_rate = 0
_chunks: list[np.ndarray[Any, np.dtype[np.int16]]] = []


@_CALLBACK  # type: ignore[untyped-decorator]
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
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_TextToPhonemes.argtypes = [
            ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int,
        ]
        lib.espeak_SetPhonemeTrace.argtypes = [ctypes.c_int, ctypes.c_void_p]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        _lib, _sample_rate = lib, int(rate)
    return _lib, _sample_rate


def _c_stdio() -> Any:
    """libc's fopen/fclose: espeak_SetPhonemeTrace writes to a C ``FILE*``."""
    global _libc
    if _libc is None:
        libc = ctypes.CDLL(None)
        libc.fopen.restype = ctypes.c_void_p
        libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        libc.fclose.argtypes = [ctypes.c_void_p]
        _libc = libc
    return _libc


def espeak_version() -> str:
    with _lock:
        lib, _ = _library()
        raw: bytes | None = lib.espeak_Info(None)
    return raw.decode() if raw else "unknown"


class EspeakVoice:
    """The offline default voice: eSpeak NG, Indonesian (``id``)."""

    def __init__(self, language: str = "id", rate: int = 165, pitch: int = 50,
                 range_: int = 50) -> None:
        for label, value, low, high in (("rate", rate, 80, 450), ("pitch", pitch, 0, 99),
                                        ("range", range_, 0, 99)):
            if not low <= value <= high:
                raise ConfigError(f"eSpeak {label} must be from {low} to {high}, not {value}")
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

    def cache_identity(self) -> Mapping[str, object]:
        return {"engine": "espeak", "version": espeak_version(), "language": self.language,
                "rate": self.rate, "pitch": self.pitch, "range": self.range}

    def _prepare(self, lib: Any) -> None:
        # Settings are global in libespeak-ng: set them on every call so voices can coexist.
        lib.espeak_SetVoiceByName(self.language.encode())
        lib.espeak_SetParameter(_PARAM_RATE, self.rate, 0)
        lib.espeak_SetParameter(_PARAM_PITCH, self.pitch, 0)
        lib.espeak_SetParameter(_PARAM_RANGE, self.range, 0)
        lib.espeak_SetParameter(_PARAM_VOLUME, 100, 0)

    def _synth_locked(self, lib: Any, text: str) -> tuple[int, np.ndarray[Any, np.dtype[np.int16]]]:
        data = text.encode("utf-8") + b"\0"
        self._prepare(lib)
        _chunks.clear()
        flags = _CHARS_UTF8 | _PHONEMES
        status = int(lib.espeak_Synth(data, len(data), 0, 1, 0, flags, None, None))
        lib.espeak_Synchronize()
        pcm = np.concatenate(_chunks) if _chunks else np.zeros(0, dtype=np.int16)
        _chunks.clear()
        return status, pcm

    def synthesize(self, text: str) -> Clip:
        with _lock:
            lib, rate_hz = _library()
            status, pcm = self._synth_locked(lib, text)
        if status != 0:
            raise SynthesisError(f"eSpeak NG could not synthesise the text (status {status})",
                                 retryable=status == _EE_BUFFER_FULL)
        samples = (pcm.astype(np.float32) / 32768.0).astype(np.float32)
        return Clip(samples=samples, sample_rate=rate_hz)

    def phonemes(self, text: str) -> str:
        """The phonemes eSpeak speaks for ``text`` (ASCII names), taken from a real synthesis.

        Unlike :meth:`text_to_phonemes` this honours ``[[...]]`` phoneme input, so it shows what a
        listener hears after the profile's pronunciation fixes.
        """
        stdio = _c_stdio()
        fd, name = tempfile.mkstemp(prefix="bacakan-espeak-", suffix=".txt")
        os.close(fd)
        try:
            with _lock:
                lib, _ = _library()
                handle = stdio.fopen(name.encode(), b"w")
                if not handle:
                    raise SynthesisError(f"cannot open {name} for the eSpeak phoneme trace")
                lib.espeak_SetPhonemeTrace(_TRACE_PHONEMES, handle)
                try:
                    self._synth_locked(lib, text)
                finally:
                    lib.espeak_SetPhonemeTrace(0, None)
                    stdio.fclose(handle)
            return " ".join(Path(name).read_text(encoding="utf-8").split())
        finally:
            os.unlink(name)

    def text_to_phonemes(self, text: str) -> str:
        """eSpeak's own ``espeak_TextToPhonemes`` for plain text (no ``[[...]]`` support)."""
        buffer = ctypes.create_string_buffer(text.encode("utf-8") + b"\0")
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        parts: list[str] = []
        with _lock:
            lib, _ = _library()
            self._prepare(lib)
            while pointer.value:
                raw: bytes | None = lib.espeak_TextToPhonemes(ctypes.byref(pointer), _CHARS_UTF8, 0)
                if raw:
                    parts.append(raw.decode("utf-8"))
        return " ".join(" ".join(parts).split())
