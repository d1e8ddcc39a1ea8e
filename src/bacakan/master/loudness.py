"""BS.1770 loudness (pyloudnorm) and a 4x-oversampled true-peak meter and limiter (numpy/scipy).

The only module that imports pyloudnorm.
"""

from __future__ import annotations

import math

import numpy as np
import pyloudnorm
from scipy.ndimage import maximum_filter1d, uniform_filter1d
from scipy.signal import resample_poly

from bacakan.models import FloatArray

_OVERSAMPLE = 4
_CHUNK = 1 << 18  # true peak is measured in chunks so long files do not need 4x their size in RAM
_GUARD = 256


def integrated(samples: FloatArray, rate: int) -> float:
    """Integrated loudness in LUFS of a mono (1-D) or multi-channel (N x C) signal."""
    value = float(pyloudnorm.Meter(rate).integrated_loudness(np.asarray(samples, dtype=np.float64)))
    return value if math.isfinite(value) else -70.0


def _oversampled_abs(samples: FloatArray) -> FloatArray:
    up = resample_poly(samples, _OVERSAMPLE, 1)
    return np.abs(np.asarray(up, dtype=np.float32))


def true_peak_db(samples: FloatArray, rate: int) -> float:
    mono = samples if samples.ndim == 1 else samples.max(axis=1)
    peak = 0.0
    for start in range(0, len(mono), _CHUNK):
        lo = max(0, start - _GUARD)
        hi = min(len(mono), start + _CHUNK + _GUARD)
        chunk = _oversampled_abs(mono[lo:hi])
        inner = chunk[(start - lo) * _OVERSAMPLE : (start - lo + min(_CHUNK, len(mono) - start)) * _OVERSAMPLE]
        if len(inner):
            peak = max(peak, float(inner.max()))
    return 20 * math.log10(peak) if peak > 0 else -120.0


def _limit(samples: FloatArray, rate: int, ceiling_db: float) -> FloatArray:
    """Reduce gain wherever the oversampled signal would exceed the ceiling.

    A look-ahead window (max filter) followed by smoothing gives a gain curve that reaches its minimum
    before the peak and recovers over ~10 ms, which is inaudible on speech.
    """
    ceiling = 10 ** (ceiling_db / 20)
    env = _oversampled_abs(samples).reshape(-1, _OVERSAMPLE).max(axis=1)[: len(samples)]
    wanted = np.minimum(1.0, ceiling / np.maximum(env, 1e-9)).astype(np.float32)
    window = max(1, int(0.005 * rate))
    gain = -maximum_filter1d(-wanted, size=2 * window + 1)
    gain = uniform_filter1d(gain, size=window)
    gain = np.minimum(gain, wanted)  # smoothing must never let a peak through
    return (samples * gain).astype(np.float32)


def normalise(samples: FloatArray, rate: int, target_lufs: float, ceiling_db: float) -> FloatArray:
    """Gain to ``target_lufs``, then limit true peaks to ``ceiling_db``; repeat once if limiting cost level."""
    out = samples
    for _ in range(3):
        current = integrated(out, rate)
        out = (out * 10 ** ((target_lufs - current) / 20)).astype(np.float32)
        if true_peak_db(out, rate) <= ceiling_db:
            break
        out = _limit(out, rate, ceiling_db)
        if abs(integrated(out, rate) - target_lufs) < 0.05:
            break
    return out
