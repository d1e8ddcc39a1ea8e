"""How we talk to an online TTS service: a process-wide rate limit and retries with backoff.

Kept apart from the gTTS adapter so it can be tested with a fake clock and reused by any later
online engine.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class TokenBucket:
    """Allow ``rate`` requests per second on average, bursts of up to ``capacity``.

    Thread-safe: every voice in the process that talks to the same host shares one bucket, so
    parallel renders cannot together exceed the rate and get the whole machine blocked.
    """

    def __init__(self, rate: float, capacity: float, *, clock: Clock = time.monotonic,
                 sleep: Sleep = time.sleep) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be > 0 and capacity >= 1")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._sleep = sleep
        self._tokens = capacity
        self._stamp = clock()
        self._lock = threading.Lock()

    def _reserve(self) -> float:
        """Take one token; return how long the caller must wait before using it."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= 1  # may go negative: a queue of waiters, each waiting its turn
            return 0.0 if self._tokens >= 0 else -self._tokens / self.rate

    def acquire(self) -> float:
        """Block until a request may be sent; return the seconds waited."""
        wait = self._reserve()
        if wait > 0:
            self._sleep(wait)
        return wait


_buckets: dict[str, TokenBucket] = {}
_buckets_lock = threading.Lock()


def shared_bucket(host: str, rate: float, capacity: float) -> TokenBucket:
    """The one bucket for ``host`` in this process (the first caller's rate wins)."""
    with _buckets_lock:
        bucket = _buckets.get(host)
        if bucket is None:
            bucket = _buckets[host] = TokenBucket(rate, capacity)
        return bucket


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with "equal jitter", bounded both in attempts and in total time.

    ``deadline`` keeps "offline" a matter of seconds: no retry starts once the time spent on one
    request would pass it.
    """

    attempts: int = 4
    base: float = 0.5
    cap: float = 8.0
    deadline: float = 12.0

    def delay(self, retry: int, rng: random.Random) -> float:
        """Seconds to wait before retry number ``retry`` (1-based): uniform in [d/2, d]."""
        ceiling = min(self.cap, self.base * 2 ** (retry - 1))
        return float(ceiling / 2 + rng.random() * ceiling / 2)


RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
