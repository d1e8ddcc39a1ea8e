"""``bacakan voices``: every voice profile, its engine, whether it can speak now, its licence."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Annotated

import typer

from bacakan.cli.common import DEFAULT_VOICE, fail_line
from bacakan.errors import BacakanError

if TYPE_CHECKING:
    from bacakan.synthesise import Availability, VoiceProfile


def voices_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON list.")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds to wait for online engines to answer.")] = 2.0,
) -> None:
    """List voice profiles and engines: usable now (model present, network up) and licence."""
    from bacakan.synthesise import (
        ENGINES,
        Availability,
        availability,
        load_profile,
        profile_names,
    )

    rows: list[tuple[str, VoiceProfile | None, Availability]] = []
    for name in profile_names():
        try:
            rows.append((name, load_profile(name), Availability(False, "")))
        except BacakanError as exc:
            rows.append((name, None, Availability(False, str(exc))))
    profiles = [p for _, p, _ in rows if p is not None]
    # Checked in parallel so several online voices cost one timeout, not one each.
    with ThreadPoolExecutor(max_workers=max(1, len(profiles))) as pool:
        checked = dict(zip([p.name for p in profiles],
                           pool.map(lambda p: availability(p, timeout=timeout), profiles),
                           strict=True))
    rows = [(n, p, checked[p.name] if p else a) for n, p, a in rows]
    if as_json:
        typer.echo(json.dumps([
            {"name": n, "engine": p.engine if p else None, "usable": a.usable, "detail": a.detail,
             "default": n == DEFAULT_VOICE, "licence": p.licence if p else None,
             "attribution": p.attribution if p else None,
             "fallback": p.fallback if p else None} for n, p, a in rows
        ], ensure_ascii=False, indent=2))
        return
    for name, profile, state in rows:
        mark = "ok" if state.usable else "--"
        default = " (default)" if name == DEFAULT_VOICE else ""
        if profile is None:
            typer.echo(f"{mark} {name}: invalid profile: {state.detail}")
            continue
        typer.echo(f"{mark} {name}{default} [{profile.engine}] {profile.description}".rstrip())
        typer.echo(f"     status:  {state.detail}")
        typer.echo(f"     licence: {profile.licence or 'not stated'}")
    typer.echo(f"\nengines: {', '.join(sorted(ENGINES))} "
               "(shorthands: espeak:id, gtts:id, piper:/path/model.onnx)")
    if not any(s.usable for _, _, s in rows):
        fail_line(None, "no voice is usable right now")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("voices")(voices_cmd)
