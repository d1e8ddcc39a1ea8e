"""Shared fixtures: the real eSpeak voice, the bundled examples, a rendered output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bacakan import pipeline
from bacakan.models import Episode
from bacakan.synthesise import DEFAULT_VOICE, Voice, VoiceProfile, build_voice, load_profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".md", ".html"})


@pytest.fixture(scope="session")
def espeak_profile() -> VoiceProfile:
    return load_profile(DEFAULT_VOICE)


@pytest.fixture(scope="session")
def espeak_voice(espeak_profile: VoiceProfile) -> Voice:
    return build_voice(espeak_profile)


@pytest.fixture(scope="session")
def rendered_examples(
    tmp_path_factory: pytest.TempPathFactory, espeak_voice: Voice, espeak_profile: VoiceProfile
) -> tuple[Path, dict[str, Episode]]:
    """Every bundled example rendered once with the real eSpeak voice into one output folder."""
    out = tmp_path_factory.mktemp("output")
    settings = pipeline.RenderSettings(out=out)
    episodes = {
        path.name: pipeline.render(str(path), settings, voice=espeak_voice, profile=espeak_profile)
        for path in EXAMPLES
    }
    return out, episodes
