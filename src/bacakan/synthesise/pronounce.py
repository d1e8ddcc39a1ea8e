"""Engine-specific pronunciation fixes from a profile's ``[pronunciations]`` table.

Applied after normalisation (``pipeline.pronounce``), to whole words only, whatever punctuation
or capitals surround them: "Empat belas." must be fixed as surely as "empat belas".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache


@lru_cache(maxsize=32)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first so "empat belas" wins over "empat"; never inside a word or an existing [[...]].
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w\[])(?:{alternatives})(?![\w\]])", re.IGNORECASE)


def apply_pronunciations(pronunciations: Mapping[str, str], text: str) -> str:
    if not pronunciations or not text:
        return text
    lowered = {k.lower(): v for k, v in pronunciations.items()}
    pattern = _pattern(tuple(sorted(lowered)))
    return pattern.sub(lambda m: lowered[m.group(0).lower()], text)
