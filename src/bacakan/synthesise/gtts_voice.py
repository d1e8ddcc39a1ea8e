"""Google Translate's text-to-speech (gTTS), done properly. The only module that imports ``gtts``.

gTTS itself sends its ≤100-character requests one after another with no retry, no timeout and TLS
verification turned off. We use it only for what it is good at: building each request (endpoint,
RPC envelope, headers) with ``gTTS._prepare_requests()``. Everything else is ours:

- chunks are cut at clause boundaries (``chunking.split_for_requests``), never inside a word;
- httpx sends them with explicit connect/read timeouts and TLS verification on;
- 429/5xx/timeouts/connection errors are retried with exponential backoff and jitter, within a
  total deadline, so being offline costs seconds, not minutes;
- a process-wide token bucket per host limits the request rate;
- each returned MP3 is decoded to PCM and the PCM is joined (MP3 bytes are never concatenated).

Every failure becomes one ``SynthesisError`` line; ``retryable`` says whether trying later can help.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import random
import time
from collections.abc import Mapping
from typing import Any

import httpx
import numpy as np
import soundfile
from gtts import gTTS
from gtts.lang import tts_langs
from scipy.signal import resample_poly

from bacakan.errors import ConfigError, SynthesisError
from bacakan.models import Clip, FloatArray
from bacakan.synthesise.chunking import split_for_requests
from bacakan.synthesise.http_policy import (
    RETRYABLE_STATUS,
    RetryPolicy,
    Sleep,
    TokenBucket,
    shared_bucket,
)

MAX_CHARS = gTTS.GOOGLE_TTS_MAX_CHARS  # 100: what the endpoint accepts per request
RPC_ID = gTTS.GOOGLE_TTS_RPC  # "jQ1olc"
SAMPLE_RATE = 24_000  # Google's TTS MP3s are 24 kHz mono; anything else is resampled to this


def _host(tld: str) -> str:
    return f"translate.google.{tld}"


def build_request(text: str, language: str, tld: str,
                  slow: bool) -> tuple[str, bytes, dict[str, str]]:
    """(url, form body, headers) for one chunk, exactly as gTTS would send it."""
    tts = gTTS(text, lang=language, tld=tld, slow=slow, lang_check=False, pre_processor_funcs=[])
    prepared = tts._prepare_requests()[0]
    body = prepared.body if isinstance(prepared.body, bytes) else str(prepared.body).encode()
    headers = {k: v for k, v in prepared.headers.items() if k.lower() != "content-length"}
    return str(prepared.url), body, headers


def extract_mp3(payload: str) -> bytes | None:
    """The MP3 inside a batchexecute response, or None when it holds no audio.

    The response is ``)]}'`` then length-prefixed JSON lines; the one we want is
    ``[["wrb.fr","jQ1olc","[\\"<base64 mp3>\\"]",null,null,null,"generic"], ...]``.
    """
    for line in payload.splitlines():
        if not line.startswith("["):
            continue  # the )]}' guard and the length prefixes
        try:
            envelope = json.loads(line)
        except json.JSONDecodeError:
            continue
        for entry in envelope if isinstance(envelope, list) else ():
            if (isinstance(entry, list) and len(entry) > 2 and entry[:2] == ["wrb.fr", RPC_ID]
                    and isinstance(entry[2], str)):
                try:
                    inner = json.loads(entry[2])
                    return base64.b64decode(inner[0], validate=True) if inner and inner[0] else None
                except (json.JSONDecodeError, binascii.Error, TypeError, IndexError):
                    return None
    return None


def decode_mp3(data: bytes, rate: int) -> FloatArray:
    """MP3 bytes -> mono float32 PCM at ``rate``."""
    samples, source_rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    mono = samples.mean(axis=1).astype(np.float32)
    if source_rate != rate and len(mono):
        g = int(np.gcd(int(source_rate), rate))
        mono = np.asarray(resample_poly(mono, rate // g, int(source_rate) // g), dtype=np.float32)
    return np.asarray(mono, dtype=np.float32)


class GttsVoice:
    """Google's voice for ``language`` via ``translate.google.<tld>``."""

    def __init__(
        self,
        language: str = "id",
        tld: str = "com",
        slow: bool = False,
        *,
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
        retry: RetryPolicy | None = None,
        requests_per_second: float = 2.0,
        burst: float = 4.0,
        transport: httpx.BaseTransport | None = None,
        bucket: TokenBucket | None = None,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if language not in tts_langs():
            raise ConfigError(f"gTTS does not speak language {language!r}")
        if not tld or "/" in tld or " " in tld:
            raise ConfigError(f"gTTS tld {tld!r} is not a domain ending such as com or co.id")
        self.language = language
        self.tld = tld
        self.slow = slow
        self.retry = retry or RetryPolicy()
        self._bucket = bucket or shared_bucket(_host(tld), requests_per_second, burst)
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            verify=True,  # gTTS turns this off; we never do
            transport=transport,
            follow_redirects=False,
        )

    @property
    def engine(self) -> str:
        return "gtts"

    @property
    def sample_rate(self) -> int:
        return SAMPLE_RATE

    def cache_identity(self) -> Mapping[str, object]:
        return {"engine": "gtts", "language": self.language, "tld": self.tld, "slow": self.slow}

    def close(self) -> None:
        self._client.close()

    def synthesize(self, text: str) -> Clip:
        parts: list[FloatArray] = []
        for chunk in split_for_requests(text, MAX_CHARS):
            try:
                url, body, headers = build_request(chunk, self.language, self.tld, self.slow)
            except AssertionError:
                continue  # gTTS found nothing speakable in it (punctuation only)
            mp3 = self._fetch(url, body, headers)
            try:
                parts.append(decode_mp3(mp3, SAMPLE_RATE))
            except (RuntimeError, ValueError) as exc:  # soundfile.LibsndfileError is a RuntimeError
                raise SynthesisError(f"gTTS: {_host(self.tld)} sent audio that cannot be decoded "
                                     f"({exc.__class__.__name__})", retryable=True) from exc
        audio = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return Clip(samples=audio.astype(np.float32, copy=False), sample_rate=SAMPLE_RATE)

    def _fetch(self, url: str, body: bytes, headers: Mapping[str, str]) -> bytes:
        """POST one chunk, retrying what can be retried; return the MP3 bytes."""
        host = _host(self.tld)
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            self._bucket.acquire()
            problem: str
            wait_hint: float | None = None
            try:
                response = self._client.post(url, content=body, headers=dict(headers))
            except httpx.TimeoutException as exc:
                problem = f"timed out ({exc.__class__.__name__})"
            except httpx.TransportError as exc:
                problem = f"cannot reach {host} ({exc.__class__.__name__})"
            else:
                status = response.status_code
                if status == 200:
                    mp3 = extract_mp3(response.text)
                    if not mp3:
                        raise SynthesisError(f"gTTS: {host} answered without audio "
                                             f"(language {self.language!r} unsupported?)")
                    return mp3
                if status not in RETRYABLE_STATUS:
                    raise SynthesisError(_fatal_message(status, host), retryable=False)
                problem = f"HTTP {status} from {host}"
                wait_hint = _retry_after(response)
            elapsed = time.monotonic() - started
            delay = self.retry.delay(attempt, self._rng)
            if wait_hint is not None:
                delay = max(delay, min(wait_hint, self.retry.cap))
            if attempt >= self.retry.attempts or elapsed + delay > self.retry.deadline:
                raise SynthesisError(
                    f"gTTS: {problem}; gave up after {attempt} attempt(s) in {elapsed:.1f} s "
                    "(offline? try --voice id-espeak)", retryable=True)
            self._sleep(delay)


def _fatal_message(status: int, host: str) -> str:
    if status == 403:
        return f"gTTS: HTTP 403 from {host}: request refused (blocked, or Google changed its API)"
    if status == 404:
        return f"gTTS: HTTP 404 from {host}: no TTS endpoint there (check the profile's tld)"
    return f"gTTS: HTTP {status} from {host}: request rejected"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def reachable(tld: str = "com", timeout: float = 2.0,
              transport: httpx.BaseTransport | None = None) -> tuple[bool, str]:
    """A quick check for ``bacakan voices``: can we open a TLS connection to the host at all?"""
    url = f"https://{_host(tld)}/"
    try:
        with httpx.Client(timeout=timeout, verify=True, transport=transport) as client:
            response = client.head(url)
    except httpx.HTTPError as exc:
        return False, f"{_host(tld)} unreachable ({exc.__class__.__name__})"
    return True, f"{_host(tld)} reachable (HTTP {response.status_code})"


def settings_from(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Profile ``[settings]`` -> keyword arguments, with one clear error per bad value."""
    known = {"language": str, "tld": str, "slow": bool, "connect_timeout": float,
             "read_timeout": float, "requests_per_second": float, "burst": float}
    out: dict[str, Any] = {}
    for key, value in settings.items():
        if key in {"attempts", "deadline", "backoff"}:
            continue
        if key not in known:
            raise ConfigError(f"unknown gtts setting {key!r} (known: {', '.join(sorted(known))})")
        kind = known[key]
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if kind is float and number and value > 0:
            out[key] = float(value)
        elif isinstance(value, kind) and kind is not float:
            out[key] = value
        else:
            raise ConfigError(f"gtts setting {key} has a bad value {value!r}")
    retry = RetryPolicy()
    out["retry"] = RetryPolicy(
        attempts=int(settings.get("attempts", retry.attempts)),
        base=float(settings.get("backoff", retry.base)),
        deadline=float(settings.get("deadline", retry.deadline)),
    )
    return out
