"""`bacakan --help` and the queue commands start fast: the CLI imports the audio and HTML stack
(scipy, numpy, trafilatura, the pipeline) only inside the commands that need it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import bacakan
from bacakan.cli.common import DEFAULT_VOICE
from bacakan.synthesise import DEFAULT_VOICE as SYNTHESISE_DEFAULT

HEAVY = ("scipy", "numpy", "trafilatura", "bacakan.pipeline", "soundfile", "jinja2", "huey")


def test_importing_the_cli_does_not_import_the_pipeline() -> None:
    code = ("import sys, bacakan.cli; "
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(Path(bacakan.__file__).resolve().parents[1])}
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=env).stdout.split()
    assert loaded == []


def test_the_cli_default_voice_is_the_synthesiser_default() -> None:
    assert DEFAULT_VOICE == SYNTHESISE_DEFAULT
