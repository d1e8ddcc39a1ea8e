"""The README stays true: every command is documented and has help; lint and types stay clean."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from bacakan.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands.items())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_is_documented_with_an_example(name: str, command: object) -> None:
    assert f"bacakan {name}" in README
    assert getattr(command, "help", None), f"{name} has no help text"


def test_readme_commands_name_real_examples() -> None:
    for line in README.splitlines():
        for word in line.split():
            if word.startswith("examples/") and "*" not in word:
                assert (ROOT / word).is_file(), word


@pytest.mark.parametrize(
    "tool",
    [
        pytest.param(
            [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "scripts"],
            id="ruff",
        ),
        pytest.param([sys.executable, "-m", "mypy", "src"], id="mypy-strict"),
    ],
)
def test_code_quality_gate(tool: list[str]) -> None:
    if importlib.util.find_spec(tool[2]) is None:
        pytest.skip(f"{tool[2]} is not installed (it comes with the test extra)")
    result = subprocess.run(tool, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
