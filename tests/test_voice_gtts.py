"""gTTS voice: chunking, request building, retries, rate limit, MP3 decoding, fallback.

Only Google's HTTP exchange is stubbed (httpx.MockTransport). The stub answers like the real
batchexecute endpoint: a ``)]}'`` guard, length-prefixed JSON lines, and the MP3 as base64 inside
``[["wrb.fr","jQ1olc","[\\"<base64>\\"]",...]]``. The MP3 is real: the requested text spoken by
eSpeak NG, resampled to 24 kHz and encoded by libsndfile, so durations follow the text.
"""

from __future__ import annotations

import base64
import io
import json
import random
import ssl
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np
import pytest
import soundfile
from hypothesis import given
from hypothesis import strategies as st
from scipy.signal import resample_poly

from bacakan import pipeline
from bacakan.errors import SynthesisError
from bacakan.synthesise import ENGINES, build_voice, effective_profile, load_profile
from bacakan.synthesise.chunking import split_for_requests
from bacakan.synthesise.espeak_voice import EspeakVoice
from bacakan.synthesise.fallback import FallbackVoice
from bacakan.synthesise.gtts_voice import SAMPLE_RATE, GttsVoice, decode_mp3, settings_from
from bacakan.synthesise.http_policy import RetryPolicy, TokenBucket, shared_bucket

Reply = Callable[[httpx.Request], httpx.Response]


def mp3_of(text: str) -> bytes:
    """Real MP3 bytes of ``text`` spoken by eSpeak, at Google's 24 kHz."""
    clip = EspeakVoice("id").synthesize(text)
    pcm = resample_poly(clip.samples, 320, 294).astype(np.float32)  # 22050 -> 24000
    out = io.BytesIO()
    soundfile.write(out, pcm, SAMPLE_RATE, format="MP3")
    return out.getvalue()


def envelope(mp3: bytes | None) -> str:
    """The batchexecute response body as Google sends it."""
    inner = None if mp3 is None else json.dumps([base64.b64encode(mp3).decode("ascii")])
    first = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"],
                        ["di", 57], ["af.httprm", 56, "-4541346207232148929", 27]],
                       separators=(",", ":"))
    last = json.dumps([["e", 4, None, None, len(first) + 30]], separators=(",", ":"))
    return f")]}}'\n\n{len(first)}\n{first}\n{len(last)}\n{last}\n"


def spoken_text(request: httpx.Request) -> tuple[str, str]:
    """(text, language) from a request body built like gTTS's ``f.req=...&``."""
    form = urllib.parse.parse_qs(request.content.decode())
    rpc = json.loads(form["f.req"][0])
    text, language, _speed, _ = json.loads(rpc[0][0][1])
    assert rpc[0][0][0] == "jQ1olc"
    return text, language


class GoogleStub:
    """Stands in for translate.google.*: scripted failures first, then real-looking audio."""

    def __init__(self, script: list[int | Exception | Reply] | None = None) -> None:
        self.script = list(script or [])
        self.requests: list[httpx.Request] = []
        self.texts: list[str] = []
        self.replies: list[bytes] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, Exception):
                raise step
            if callable(step):
                return step(request)
            return httpx.Response(step, text="error")
        text, _ = spoken_text(request)
        self.texts.append(text)
        mp3 = mp3_of(text)
        self.replies.append(mp3)
        return httpx.Response(200, text=envelope(mp3),
                              headers={"content-type": "application/json; charset=utf-8"})


def stub_voice(stub: GoogleStub, sleeps: list[float] | None = None, **kwargs: object) -> GttsVoice:
    recorded = sleeps if sleeps is not None else []
    return GttsVoice("id", transport=httpx.MockTransport(stub),
                     bucket=TokenBucket(1000, 1000), sleep=recorded.append,
                     rng=random.Random(7), **kwargs)  # type: ignore[arg-type]


LONG = ("Kapolres Balangan AKBP Riza Muttaqin, melalui Kasi Humas Polres Balangan, mengatakan "
        "bahwa "
        "kegiatan patroli dilaksanakan untuk menjaga keamanan dan ketertiban masyarakat menjelang "
        "hari raya, serta memberikan rasa aman kepada warga yang sedang beribadah.")


# --- chunking -------------------------------------------------------------------------------

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Z", "C")),
                min_size=1, max_size=30)


@given(st.lists(st.tuples(words, st.sampled_from(["", ",", ";", ":"])), min_size=1, max_size=60))
def test_chunks_fit_keep_every_word_whole_and_rejoin_to_the_sentence(parts: list[tuple[str, str]]):
    sentence = " ".join(w + p for w, p in parts)
    chunks = split_for_requests(sentence, 100)
    assert all(0 < len(c) <= 100 for c in chunks)
    assert " ".join(chunks).split() == sentence.split()  # nothing lost, nothing cut inside a word


def test_clauses_are_kept_whole_when_they_fit():
    first = "Polisi mengamankan empat belas pemuda yang terlibat balap liar di jalan raya Paringin,"
    second = "lalu menyerahkan mereka kepada orang tua masing-masing pada malam hari itu."
    assert split_for_requests(f"{first} {second}") == [first, second]


def test_long_clause_splits_before_a_conjunction_not_mid_phrase():
    chunks = split_for_requests(LONG)
    assert all(len(c) <= 100 for c in chunks)
    assert any(c.startswith(("dan ", "serta ", "yang ", "untuk ")) for c in chunks[1:])
    assert chunks[0].endswith(",")  # the first clause boundary was used


def test_a_word_longer_than_the_limit_is_the_only_thing_ever_cut():
    url = "https://example.com/" + "a" * 150
    chunks = split_for_requests(f"Lihat {url} sekarang")
    assert "".join(chunks).replace(" ", "") == f"Lihat{url}sekarang"
    assert all(len(c) <= 100 for c in chunks)


# --- requests, decoding, PCM joining ----------------------------------------------------------

def test_requests_are_built_like_gtts_and_sent_per_clause():
    stub = GoogleStub()
    clip = stub_voice(stub).synthesize(LONG)
    assert stub.texts == split_for_requests(LONG)
    request = stub.requests[0]
    assert request.method == "POST"
    assert request.url.host == "translate.google.com"
    assert request.url.path == "/_/TranslateWebserverUi/data/batchexecute"
    assert request.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert spoken_text(request)[1] == "id"
    # PCM of each decoded MP3, joined: never MP3 bytes glued together.
    expected = sum(len(decode_mp3(mp3, SAMPLE_RATE)) for mp3 in stub.replies)
    assert len(clip.samples) == expected
    assert clip.sample_rate == SAMPLE_RATE


def test_tls_verification_is_on_and_timeouts_are_explicit():
    voice = GttsVoice("id", connect_timeout=2.5, read_timeout=7.0)
    try:
        timeout = voice._client.timeout
        assert (timeout.connect, timeout.read) == (2.5, 7.0)
        context: ssl.SSLContext = voice._client._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    finally:
        voice.close()


def test_5xx_then_success_is_retried_with_growing_jittered_backoff():
    sleeps: list[float] = []
    stub = GoogleStub([503, 500, 502])
    clip = stub_voice(stub, sleeps).synthesize("Selamat pagi.")
    assert len(stub.requests) == 4 and clip.duration_s > 0.3
    policy = RetryPolicy()
    for retry, slept in enumerate(sleeps, start=1):
        ceiling = min(policy.cap, policy.base * 2 ** (retry - 1))
        assert ceiling / 2 <= slept <= ceiling
    assert sleeps[2] > sleeps[0]


def test_429_honours_retry_after():
    sleeps: list[float] = []
    too_many = httpx.Response(429, headers={"retry-after": "3"}, text="slow down")
    stub = GoogleStub([lambda _request: too_many])
    stub_voice(stub, sleeps).synthesize("Halo.")
    assert sleeps == [pytest.approx(3.0)]


def test_timeouts_and_connection_errors_are_retried():
    stub = GoogleStub([httpx.ReadTimeout("slow"), httpx.ConnectError("reset")])
    assert stub_voice(stub).synthesize("Halo semua.").duration_s > 0.2
    assert len(stub.requests) == 3


@pytest.mark.parametrize(("status", "hint"), [(403, "refused"), (404, "tld"), (400, "rejected")])
def test_client_errors_are_fatal_at_once(status: int, hint: str):
    stub = GoogleStub([status])
    with pytest.raises(SynthesisError) as caught:
        stub_voice(stub).synthesize("Halo.")
    assert not caught.value.retryable
    assert hint in str(caught.value) and "\n" not in str(caught.value)
    assert len(stub.requests) == 1


def test_a_reply_without_audio_is_fatal():
    stub = GoogleStub([lambda _r: httpx.Response(200, text=envelope(None))])
    with pytest.raises(SynthesisError, match="without audio") as caught:
        stub_voice(stub).synthesize("Halo.")
    assert not caught.value.retryable


def test_undecodable_audio_is_retryable():
    junk = base64.b64decode(base64.b64encode(b"not an mp3 at all" * 10))
    stub = GoogleStub([lambda _r: httpx.Response(200, text=envelope(junk))])
    with pytest.raises(SynthesisError, match="cannot be decoded") as caught:
        stub_voice(stub).synthesize("Halo.")
    assert caught.value.retryable


def test_offline_fails_within_seconds_with_one_line():
    """Real sleeps and the default policy: an unreachable host costs seconds, not minutes."""
    stub = GoogleStub([httpx.ConnectError("Name or service not known")] * 10)
    voice = GttsVoice("id", transport=httpx.MockTransport(stub), bucket=TokenBucket(1000, 1000))
    started = time.monotonic()
    with pytest.raises(SynthesisError) as caught:
        voice.synthesize("Halo.")
    assert time.monotonic() - started < 6
    message = str(caught.value)
    assert caught.value.retryable and "\n" not in message and "cannot reach" in message
    assert len(stub.requests) == RetryPolicy().attempts


def test_deadline_stops_retries_early():
    stub = GoogleStub([503] * 10)
    voice = stub_voice(stub, retry=RetryPolicy(attempts=10, base=1.0, deadline=2.0))
    with pytest.raises(SynthesisError):
        voice.synthesize("Halo.")
    assert len(stub.requests) < 10


def test_profile_settings_are_validated():
    assert settings_from({"language": "id", "tld": "co.id", "attempts": 2})["retry"].attempts == 2
    with pytest.raises(Exception, match="unknown gtts setting 'speed'"):
        settings_from({"speed": 2})
    with pytest.raises(Exception, match="bad value"):
        settings_from({"read_timeout": -1})


# --- rate limit --------------------------------------------------------------------------------

class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_token_bucket_allows_bursts_then_paces_requests():
    clock = FakeClock()
    bucket = TokenBucket(rate=2.0, capacity=2, clock=clock, sleep=clock.sleep)
    waits = [bucket.acquire() for _ in range(6)]
    assert waits[:2] == [0.0, 0.0]
    assert all(w == pytest.approx(0.5) for w in waits[2:])
    assert clock.now == pytest.approx(2.0)  # 6 requests at 2/s with a burst of 2


def test_one_bucket_per_host_for_the_whole_process():
    assert shared_bucket("example.test", 1, 1) is shared_bucket("example.test", 5, 5)
    a = GttsVoice("id", tld="co.id")
    b = GttsVoice("id", tld="co.id")
    try:
        assert a._bucket is b._bucket
    finally:
        a.close()
        b.close()


# --- fallback --------------------------------------------------------------------------------

@pytest.fixture
def offline_google(monkeypatch: pytest.MonkeyPatch) -> GoogleStub:
    """Every gTTS voice built from a profile talks to a stub that cannot connect."""
    stub = GoogleStub([httpx.ConnectError("offline")] * 1000)
    original = ENGINES["gtts"]

    def offline(profile):  # the real factory, with Google's HTTP replaced by the stub
        voice = original(profile)
        voice._client = httpx.Client(transport=httpx.MockTransport(stub))
        voice.retry = RetryPolicy(attempts=2, base=0.01)
        return voice

    monkeypatch.setitem(ENGINES, "gtts", offline)
    return stub


def test_offline_google_falls_back_to_espeak_and_the_manifest_says_so(
        offline_google: GoogleStub, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    article = tmp_path / "a.txt"
    article.write_text("Hujan Deras di Paringin\n\nHujan deras turun sejak pagi. Warga diminta "
                       "waspada.\n", encoding="utf-8")
    profile = load_profile("id-google")
    voice = build_voice(profile)
    assert isinstance(voice, FallbackVoice)
    episode = pipeline.render(str(article), pipeline.RenderSettings(out=tmp_path / "out"),
                              voice=voice, profile=profile)
    assert offline_google.requests  # it did try Google first
    assert (episode.voice, episode.engine) == ("id-espeak", "espeak")
    used = effective_profile(voice, profile)
    assert used.licence == load_profile("id-espeak").licence
    assert voice.reason and "cannot reach" in voice.reason
    (warning,) = [r.getMessage() for r in caplog.records if "fallback" in r.getMessage()]
    assert warning.endswith("; using fallback voice id-espeak")
    assert "try --voice" not in warning  # no advice to do what is being done already


def test_without_a_fallback_offline_is_one_clear_error(offline_google: GoogleStub):
    voice = build_voice(load_profile("gtts:id"))
    with pytest.raises(SynthesisError) as caught:
        voice.synthesize("Halo.")
    assert caught.value.retryable and "\n" not in str(caught.value)


@pytest.mark.net
def test_real_google_endpoint_speaks_indonesian():
    voice = GttsVoice("id")
    clip = voice.synthesize("Selamat pagi, ini adalah uji coba suara.")
    assert clip.sample_rate == SAMPLE_RATE and 1.0 < clip.duration_s < 10.0
