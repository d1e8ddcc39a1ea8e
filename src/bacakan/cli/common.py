"""Shared CLI helpers: one-line errors on stderr."""

from __future__ import annotations

import sys

from bacakan.errors import BacakanError


def fail_line(source: str | None, error: BacakanError | str) -> None:
    prefix = f"bacakan: {source}: " if source else "bacakan: "
    print(f"{prefix}{error}", file=sys.stderr)
