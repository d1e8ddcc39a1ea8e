"""The ``bacakan`` command: a thin Typer skin over the library. One file per command group."""

from __future__ import annotations

import typer

from bacakan.cli import articles, cache, render, serve, voices, worker

app = typer.Typer(
    help="bacakan: artikel berita menjadi teks bersih, narasi MP3, halaman aksesibel dan feed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
render.register(app)
articles.register(app)
worker.register(app)
serve.register(app)
voices.register(app)
cache.register(app)


def main() -> None:
    app()
