"""``bacakan clean`` and ``bacakan script``: the text stages, without audio."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bacakan.cli.common import fail_line
from bacakan.errors import BacakanError

if TYPE_CHECKING:
    from bacakan import normalise
    from bacakan.models import Script


def clean_cmd(
    source: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html) or URL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Print the cleaned article: headline and body, no boilerplate."""
    from bacakan import pipeline

    try:
        article = pipeline.prepare(source)
    except BacakanError as exc:
        fail_line(source, exc)
        raise typer.Exit(1) from None
    if as_json:
        data = {
            "title": article.title, "dateline": article.dateline, "outlet": article.outlet,
            "published": article.published, "byline": article.byline, "credit": article.credit,
            "caption": article.caption, "paragraphs": list(article.paragraphs),
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    lines = [article.title, ""]
    for block in article.blocks:
        lines += [f"## {block.text}" if block.kind == "heading" else block.text, ""]
    typer.echo("\n".join(lines).rstrip())


def script_cmd(
    source: Annotated[str | None, typer.Argument(help="Article file or URL.")] = None,
    lines: Annotated[Path | None, typer.Option("--lines", help="One output line per line.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each change, its rule.")] = False,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra lexicon.")] = None,
) -> None:
    """Print the narration script: exactly what the voice will say, one paragraph per line."""
    from bacakan import config, ingest, normalise, pipeline

    try:
        files = config.load().narration.lexicons + tuple(lexicon or ())
        lex = normalise.load_lexicon(files) if files else None
        if lines is not None:
            try:
                data = lines.read_bytes()
            except OSError as exc:
                fail_line(str(lines), f"cannot read: {exc.strerror or exc}")
                raise typer.Exit(1) from None
            text = ingest.decode(data, str(lines))  # the same encodings as an article file
            for line in text.splitlines():
                typer.echo(pipeline.to_spoken(line, lex))
            return
        if source is None:
            fail_line(None, "give an article (file or URL) or --lines FILE")
            raise typer.Exit(2)
        script = pipeline.make_script(pipeline.prepare(source), lex)
    except BacakanError as exc:
        fail_line(source, exc)
        raise typer.Exit(1) from None
    if explain:
        _print_explained(script, lex)
        return
    for paragraph in script.paragraphs():
        typer.echo(paragraph)


def _print_explained(script: Script, lex: normalise.Lexicon | None) -> None:
    """Per sentence: written text, spoken text, and each change with its rule or lexicon entry."""
    from bacakan import normalise

    for number, sentence in enumerate(script.sentences, start=1):
        typer.echo(f"[{number}] tulisan: {sentence.written}")
        typer.echo(f"    ucapan:  {sentence.spoken}")
        for change in normalise.explain(sentence.written, lex):
            spoken = change.spoken or "(dilewati)"
            typer.echo(f"    - {change.written!r} -> {spoken!r}  [{change.rule}]")
        typer.echo("")


def register(app: typer.Typer) -> None:
    app.command("clean")(clean_cmd)
    app.command("script")(script_cmd)
