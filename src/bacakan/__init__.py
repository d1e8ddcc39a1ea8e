"""bacakan: Indonesian news as clean text, narration, accessible pages and podcast feeds."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "to_spoken"]


def to_spoken(text: str) -> str:
    """What the default voice says for a snippet of article text (boilerplate dropped)."""
    from bacakan.pipeline import to_spoken as _to_spoken

    return _to_spoken(text)
