"""Small data tables shipped in ``normalise/data/*.tsv`` (read once at import)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

_DATA = Path(__file__).resolve().parent / "data"


def table(name: str) -> Mapping[str, str]:
    """``written<TAB>spoken`` pairs; ``#`` lines are comments. Order is kept."""
    out: dict[str, str] = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        out[key.strip()] = value.strip()
    return MappingProxyType(out)


def words(name: str) -> tuple[str, ...]:
    """One word per line (first column); ``#`` lines are comments."""
    return tuple(table(name).keys())


MONTHS = table("months.tsv")
UNITS = table("units.tsv")
CURRENCIES = table("currencies.tsv")
