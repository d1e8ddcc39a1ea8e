"""Where the seed article lives: beside the repository (../shared/seed), not in it."""

from __future__ import annotations

from pathlib import Path

import pytest

_NAME = "klikkalimantan-balangan-pemilu.txt"
_PLACES = (Path(__file__).resolve().parents[2] / "shared" / "seed", Path("/work/shared/seed"))
SEED_DIR = next((p for p in _PLACES if (p / _NAME).is_file()), _PLACES[0])
SEED = SEED_DIR / _NAME
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"seed article not present at {SEED}")
