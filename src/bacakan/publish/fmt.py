"""Small Indonesian display formats shared by the page, the index and the feed."""

from __future__ import annotations

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember")


def duration_words(seconds: float) -> str:
    """``"2 menit 5 detik"``: read well by a screen reader."""
    total = round(seconds)
    minutes, secs = divmod(total, 60)
    if minutes and secs:
        return f"{minutes} menit {secs} detik"
    return f"{minutes} menit" if minutes else f"{secs} detik"


def clock(seconds: float) -> str:
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def size_words(size: int) -> str:
    """``"1,2 MB"`` / ``"850 KB"`` with the Indonesian decimal comma."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} KB"


def date_words(iso: str) -> str:
    """``2023-11-20`` -> ``20 November 2023``; anything unparsable is returned as given."""
    try:
        year, month, day = (int(part) for part in iso[:10].split("-"))
        return f"{day} {_MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso
