"""Shared CLI helpers: one-line errors on stderr."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bacakan.errors import BacakanError

if TYPE_CHECKING:
    from bacakan.config import Config

# The default voice profile, for help texts: equal to bacakan.synthesise.DEFAULT_VOICE (tested),
# repeated here so `bacakan --help` and `status` need not import the audio stack.
DEFAULT_VOICE = "id-espeak"


def base_url_problem(url: str | None) -> str | None:
    """What is wrong with a ``--base-url`` (checked like ``[feed] base_url``), or None."""
    if url is not None and not url.startswith(("http://", "https://")):
        return f"--base-url must start with https:// (got {url!r})"
    return None


def fail_line(source: str | None, error: BacakanError | str) -> None:
    """Print ``bacakan: <source>: <problem>`` (the source once, even if the message names it)."""
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    if source and not message.startswith(source):
        message = f"{source}: {message}"
    print(f"bacakan: {message}", file=sys.stderr)


def load_settings(config_file: Path | None, base_url: str | None) -> Config:
    """The settings file with ``--base-url`` applied; a bad value or file exits 2 with one line."""
    from bacakan import config  # imported here: keeps `bacakan --help` light

    problem = base_url_problem(base_url)
    if problem:
        fail_line(None, problem)
        raise typer.Exit(2)
    try:
        loaded = config.load(config_file)
    except BacakanError as exc:
        fail_line(None, exc)
        raise typer.Exit(2) from None
    if base_url:
        loaded = replace(loaded, feed=replace(loaded.feed, base_url=base_url))
    return loaded
