"""Shared CLI helpers: one-line errors on stderr."""

from __future__ import annotations

import sys

from bacakan.errors import BacakanError

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
