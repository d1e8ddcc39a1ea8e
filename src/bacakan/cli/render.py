"""``bacakan render``: articles in, episode folders + feed + index out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bacakan.cli.common import DEFAULT_VOICE, fail_line, load_settings
from bacakan.errors import BacakanError


def render_cmd(
    sources: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .html) or URLs.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    voice: Annotated[str | None, typer.Option(
        "--voice", help=f"Profile or ENGINE:ARG (default {DEFAULT_VOICE}).")] = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Public URL of the output folder (overrides the settings).")] = None,
    config_file: Annotated[Path | None, typer.Option(
        "--config", help="Settings file (default: ./bacakan.toml if present).")] = None,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra lexicon.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Synthesise every sentence again (ignore the sentence cache).")] = False,
    mastering: Annotated[str | None, typer.Option(
        "--profile", help="Mastering profile: podcast (default; -16/-19 LUFS MP3), broadcast "
        "(EBU R128, -23 LUFS, + Broadcast WAV) or a profile .toml.")] = None,
) -> None:
    """Render articles into narrated, accessible episodes and rebuild the feed."""
    # Imported here so that `bacakan --help` and the queue commands start fast.

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from bacakan import normalise, pipeline
    from bacakan.master.profiles import get_profile
    from bacakan.publish.fmt import clock
    from bacakan.synthesise import build_voice, load_profile, open_cache

    console = Console(stderr=True, soft_wrap=True)
    loaded = load_settings(config_file, base_url)
    feed, said = loaded.feed, loaded.narration
    voice = voice or said.voice or DEFAULT_VOICE
    mastering = mastering or said.mastering or "podcast"
    settings = pipeline.RenderSettings(out=out, voice=voice,
                                       lexicons=said.lexicons + tuple(lexicon or ()),
                                       feed=feed, mastering=mastering)
    try:
        get_profile(mastering)  # fail before any synthesis
        if settings.lexicons:  # a bad lexicon is one error, not one per article
            normalise.load_lexicon(settings.lexicons)
        profile = load_profile(voice)
        engine = build_voice(profile, cache=open_cache(enabled=not no_cache))
    except BacakanError as exc:
        fail_line(None, exc)
        raise typer.Exit(2) from None
    failed = 0
    show = console.is_terminal
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=console, disable=not show, transient=True) as bar:
        for source in sources:
            task = bar.add_task(f"{Path(source).name[:40]}", total=None)

            def advance(done: int, total: int, task: object = task) -> None:
                bar.update(task, completed=done, total=total)  # type: ignore[arg-type]

            try:
                episode = pipeline.render(source, settings, voice=engine, profile=profile,
                                          progress=advance)
            except BacakanError as exc:
                failed += 1
                bar.remove_task(task)
                fail_line(source, exc)
                continue
            bar.remove_task(task)
            folder = out / episode.slug
            console.print(f"[bold]{episode.title}[/bold]\n  {clock(episode.duration_s)} · "
                          f"{episode.voice} ({episode.engine}) · {folder / episode.audio}, "
                          f"{folder / episode.html}", highlight=False)
    done = len(sources) - failed
    if done or len(sources) > 1:
        console.print(f"{done} of {len(sources)} rendered into {out}/ (feed: {out / 'feed.xml'})",
                      highlight=False)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("render")(render_cmd)
