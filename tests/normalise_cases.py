"""Shared loader for the table-driven normalise cases in ``tests/data/normalise_cases_*.tsv``."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def load_cases(name: str) -> list[object]:
    """``id<TAB>written<TAB>expected`` lines -> pytest.param(written, expected, id=id)."""
    params: list[object] = []
    seen: set[str] = set()
    for lineno, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 3, f"{name}:{lineno}: expected 3 tab-separated columns"
        case_id, written, expected = cols
        assert case_id not in seen, f"{name}:{lineno}: duplicate id {case_id}"
        seen.add(case_id)
        params.append(pytest.param(written, expected, id=case_id))
    return params
