"""``bacakan cache``: size of the sentence cache, and pruning it (least recently used first)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bacakan.cli.common import fail_line
from bacakan.errors import BacakanError


def _mb(size: int) -> str:
    return f"{size / 1000**2:.1f} MB"


def cache_cmd(
    stats: Annotated[bool, typer.Option(
        "--stats", help="Show entries and size (default).")] = False,
    prune: Annotated[bool, typer.Option(
        "--prune", help="Delete least recently used clips.")] = False,
    max_size: Annotated[str, typer.Option(
        "--max-size", help="With --prune: the size to prune down to (500MB, 2GB, 0).")] = "500MB",
    cache_dir: Annotated[Path | None, typer.Option(
        "--dir", help="Cache folder (default: $BACAKAN_CACHE_DIR or the user cache dir).")] = None,
) -> None:
    """Show or prune the sentence cache that makes re-renders nearly free."""
    from bacakan.synthesise.cache import DEFAULT_MAX_BYTES, SentenceCache, parse_size

    try:
        limit = parse_size(max_size)
    except BacakanError as exc:
        fail_line(None, exc)
        raise typer.Exit(2) from None
    cache = SentenceCache(cache_dir, max_bytes=limit if prune else DEFAULT_MAX_BYTES)
    if prune:
        result = cache.prune(limit)
        typer.echo(f"pruned {result.removed} clips ({_mb(result.freed_bytes)}); "
                   f"{result.entries} clips, {_mb(result.size_bytes)} left in {cache.root}")
    if stats or not prune:
        info = cache.stats()
        typer.echo(f"{info.root}: {info.entries} clips, {_mb(info.size_bytes)} "
                   f"(limit {_mb(info.max_bytes)})")


def register(app: typer.Typer) -> None:
    app.command("cache")(cache_cmd)
