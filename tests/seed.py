"""Where the seed article lives: beside the repository (../shared/seed), not in it."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"
SEED = SEED_DIR / "klikkalimantan-balangan-pemilu.txt"
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"seed article not present at {SEED}")
