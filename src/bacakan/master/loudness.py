"""BS.1770-4 loudness, a 4x-oversampled true-peak meter and a true-peak limiter, all chunked.

Everything here consumes audio block by block so a one-hour narration never has to sit in memory
(a whole-file 4x resample of ten minutes took ~2 GB, design/feeds-audio.md §4). Chunked results
equal whole-file results: filters carry their state and windowed steps see enough context on both
sides. The only module that imports pyloudnorm (K-weighting coefficients, reference meter).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pyloudnorm
from scipy.ndimage import maximum_filter1d, uniform_filter1d
from scipy.signal import lfilter, resample_poly

from bacakan.models import FloatArray

_OVERSAMPLE = 4
_ABS_GATE = -70.0
_SUB_S = 0.1  # 400 ms gating blocks with 75 % overlap = sums of four 100 ms sub-blocks
F64 = npt.NDArray[np.float64]


class LoudnessMeter:
    """Integrated loudness (BS.1770-4), max momentary/short-term, loudness range (EBU Tech 3342).

    Feed mono (1-D) or N x C blocks with :meth:`add`; the K-weighting filters keep their state
    between blocks, and only one energy per channel per 100 ms is kept (36,000 numbers for an hour).
    """

    def __init__(self, rate: int, channels: int = 1) -> None:
        stages = pyloudnorm.Meter(rate)._filters.values()
        self.rate = rate
        self.channels = channels
        self._stages = [(np.asarray(f.b), np.asarray(f.a), float(f.passband_gain)) for f in stages]
        self._state = [[np.zeros(2) for _ in self._stages] for _ in range(channels)]
        self._sub = round(_SUB_S * rate)
        self._pending = np.zeros((0, channels))
        self._energies: list[F64] = []
        self.samples = 0

    def add(self, block: FloatArray) -> None:
        x = np.asarray(block, dtype=np.float64).reshape(len(block), -1)
        if x.shape[1] != self.channels:
            raise ValueError(f"meter expects {self.channels} channel(s), got {x.shape[1]}")
        self.samples += len(x)
        weighted = np.empty_like(x)
        for ch in range(self.channels):
            y = x[:, ch]
            for i, (b, a, gain) in enumerate(self._stages):
                y, self._state[ch][i] = lfilter(b, a, y, zi=self._state[ch][i])
                y = y * gain
            weighted[:, ch] = y
        data = np.concatenate([self._pending, weighted]) if len(self._pending) else weighted
        full = len(data) // self._sub * self._sub
        if full:
            squares = np.square(data[:full]).reshape(-1, self._sub, self.channels).sum(axis=1)
            self._energies.extend(squares)
        self._pending = data[full:]

    def _sub_energies(self) -> F64:
        rows = [*self._energies]
        if len(self._pending):
            rows.append(np.square(self._pending).sum(axis=0))  # a partial last block, as pyloudnorm
        return np.array(rows, dtype=np.float64).reshape(-1, self.channels)

    def _windows(self, width: int) -> F64:
        """Loudness of each window of ``width`` sub-blocks, hop one sub-block (channel gains 1)."""
        subs = self._sub_energies().sum(axis=1)
        duration = self.samples / self.rate
        count = round((duration - width * _SUB_S) / _SUB_S) + 1
        if count <= 0:
            return np.zeros(0)
        padded = np.concatenate([subs, np.zeros(width)])
        cumulative = np.concatenate([[0.0], np.cumsum(padded)])
        index = np.arange(count)
        power = (cumulative[index + width] - cumulative[index]) / (width * self._sub)
        with np.errstate(divide="ignore"):
            return np.asarray(-0.691 + 10 * np.log10(power), dtype=np.float64)

    def integrated(self) -> float:
        """Gated integrated loudness in LUFS; ``-inf`` when every block is below -70 LUFS."""
        blocks = self._windows(4)
        power = 10 ** ((blocks + 0.691) / 10)
        above = blocks >= _ABS_GATE
        if not above.any():
            return -math.inf
        relative = -0.691 + 10 * math.log10(float(power[above].mean())) - 10.0
        gated = (blocks > relative) & (blocks > _ABS_GATE)
        if not gated.any():
            return -math.inf
        return -0.691 + 10 * math.log10(float(power[gated].mean()))

    def max_momentary(self) -> float:
        blocks = self._windows(4)
        return float(blocks.max()) if len(blocks) else -math.inf

    def max_short_term(self) -> float:
        windows = self._windows(30)
        return float(windows.max()) if len(windows) else self.max_momentary()

    def loudness_range(self) -> float:
        """LRA (EBU Tech 3342): 10th to 95th percentile of gated 3 s short-term loudness."""
        short = self._windows(30)
        short = short[short >= _ABS_GATE]
        if len(short) < 2:
            return 0.0
        relative = 10 * math.log10(float((10 ** (short / 10)).mean())) - 20.0
        short = short[short >= relative]
        if len(short) < 2:
            return 0.0
        low, high = np.percentile(short, [10, 95])
        return float(high - low)


class _Windowed:
    """Run a whole-array function over a stream exactly: calls see ``context`` samples each side.

    ``fn`` maps a 1-D segment to an equal-length result; because its result at a sample depends only
    on samples within ``context`` of it, cropping the edges makes the chunked output identical to
    running ``fn`` on the whole file (true file edges are seen as edges, as in the whole-file run).
    """

    def __init__(
        self, fn: Callable[[FloatArray], FloatArray], context: int, factor: int = 1
    ) -> None:
        self._fn = fn
        self._factor = factor  # fn returns this many values per input sample (e.g. oversampled)
        self._context = context
        self._buf = np.zeros(0, dtype=np.float32)
        self._done = 0  # samples at the start of _buf that are context only (already returned)

    def push(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Return (input, result) for the samples that are now final."""
        self._buf = np.concatenate([self._buf, np.asarray(x, dtype=np.float32)])
        end = len(self._buf) - self._context
        if end - self._done < 4 * self._context:  # wait for enough new audio to be worth a call
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
        result = self._fn(self._buf)
        out = self._buf[self._done : end], result[self._done * self._factor : end * self._factor]
        self._buf = self._buf[end - self._context :]
        self._done = self._context
        return out

    def flush(self) -> tuple[FloatArray, FloatArray]:
        if len(self._buf) <= self._done:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
        result = self._fn(self._buf)
        out = self._buf[self._done :], result[self._done * self._factor :]
        self._buf, self._done = np.zeros(0, dtype=np.float32), 0
        return out


_TP_CONTEXT = 64  # resample_poly's 4x filter reaches 10 input samples each way


def peak_envelope(samples: FloatArray) -> FloatArray:
    """Per input sample, the largest |value| among its 4 oversampled points (BS.1770-4 annex 2)."""
    up = _oversampled(samples).reshape(-1, _OVERSAMPLE)
    return np.asarray(np.maximum(up.max(axis=1), -up.min(axis=1)), dtype=np.float32)


def _db(amplitude: float) -> float:
    return 20 * math.log10(amplitude) if amplitude > 0 else -120.0


def _oversampled(samples: FloatArray) -> FloatArray:
    return np.asarray(resample_poly(samples, _OVERSAMPLE, 1), dtype=np.float32)


class TruePeakMeter:
    """Maximum true peak (dBTP) of a mono or multi-channel stream; call :meth:`dbtp` once, last."""

    def __init__(self, channels: int = 1) -> None:
        self._streams = [_Windowed(_oversampled, _TP_CONTEXT, _OVERSAMPLE) for _ in range(channels)]
        self.peak = 0.0

    def _take(self, oversampled: list[FloatArray]) -> None:
        for up in oversampled:
            if len(up):  # max and -min: no |x| temporary of 4x the block (that was 2/3 of the cost)
                self.peak = max(self.peak, float(up.max()), -float(up.min()))

    def add(self, block: FloatArray) -> None:
        x = np.asarray(block, dtype=np.float32).reshape(len(block), -1)
        self._take([s.push(x[:, ch])[1] for ch, s in enumerate(self._streams)])

    def dbtp(self) -> float:
        self._take([s.flush()[1] for s in self._streams])
        return _db(self.peak)


def sample_peak_db(samples: FloatArray) -> float:
    return _db(float(np.abs(samples).max(initial=0.0)))


class Limiter:
    """Streaming true-peak limiter for mono audio (output lags input by ~25 ms; call :meth:`flush`).

    A look-ahead window (max filter) followed by smoothing gives a gain curve that reaches its
    minimum before the peak and recovers over ~10 ms, which is inaudible on speech.
    """

    def __init__(self, rate: int, ceiling_db: float) -> None:
        self._ceiling = 10 ** (ceiling_db / 20)
        self._window = max(1, int(0.005 * rate))
        context = _TP_CONTEXT + 3 * self._window
        self._stream = _Windowed(self._gain, context)
        self.limited = False  # whether any gain reduction happened

    def _gain(self, samples: FloatArray) -> FloatArray:
        # 4x interpolation overshoots a sample peak by far less than 6 dB on real audio, so quiet
        # stretches skip the costly oversampling (the encoded file's true peak is verified anyway).
        if float(np.abs(samples).max(initial=0.0)) * 2 <= self._ceiling:
            return np.ones(len(samples), dtype=np.float32)
        env = peak_envelope(samples)
        if float(env.max(initial=0.0)) <= self._ceiling:
            return np.ones(len(samples), dtype=np.float32)
        self.limited = True
        wanted = np.minimum(1.0, self._ceiling / np.maximum(env, 1e-9)).astype(np.float32)
        gain = -maximum_filter1d(-wanted, size=2 * self._window + 1)
        gain = uniform_filter1d(gain, size=self._window)
        return np.asarray(np.minimum(gain, wanted), dtype=np.float32)  # never let a peak through

    def process(self, block: FloatArray) -> FloatArray:
        x, gain = self._stream.push(block)
        return (x * gain).astype(np.float32)

    def flush(self) -> FloatArray:
        x, gain = self._stream.flush()
        return (x * gain).astype(np.float32)


def integrated(samples: FloatArray, rate: int) -> float:
    """Integrated loudness in LUFS of a whole mono (1-D) or N x C array (-70.0 for silence)."""
    channels = 1 if samples.ndim == 1 else samples.shape[1]
    meter = LoudnessMeter(rate, channels)
    meter.add(samples)
    value = meter.integrated()
    return value if math.isfinite(value) else -70.0


def true_peak_db(samples: FloatArray, rate: int) -> float:
    channels = 1 if samples.ndim == 1 else samples.shape[1]
    meter = TruePeakMeter(channels)
    meter.add(samples)
    return meter.dbtp()


def reference_integrated(samples: FloatArray, rate: int) -> float:
    """pyloudnorm's whole-array meter: the independent reference the tests compare against."""
    return float(pyloudnorm.Meter(rate).integrated_loudness(np.asarray(samples, dtype=np.float64)))
