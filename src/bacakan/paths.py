"""Where bacakan finds its data: voice profiles and lexicons (``voices/``)."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def voices_dir() -> Path:
    """The ``voices/`` folder: $BACAKAN_VOICES_DIR, else the copy shipped inside the package.

    ``src/bacakan/voices`` is a symlink to the repository's ``voices/`` so a checkout and an
    installed wheel see the same files.
    """
    env = os.environ.get("BACAKAN_VOICES_DIR")
    if env:
        return Path(env)
    return _PACKAGE_DIR / "voices"


def lexicon_dir() -> Path:
    return voices_dir() / "lexicon"
