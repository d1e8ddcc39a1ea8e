"""Markdown body -> pieces with markdown-it-py: headings stay headings, inline markup is dropped."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from bacakan.clean.draft import Piece, split_pieces

_MD = MarkdownIt("commonmark")


def _inline_text(token: Any) -> str:
    """Plain text of an inline token: links keep their words, images and raw HTML are dropped."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def markdown_pieces(text: str) -> tuple[str | None, list[Piece]]:
    """(first ``#`` heading if any, body pieces in reading order)."""
    tokens = _MD.parse(text)
    pieces: list[Piece] = []
    h1: str | None = None
    pending: str | None = None  # "heading" or "paragraph" while inside such a block
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            pending = "heading"
            if tok.tag == "h1" and h1 is None and not pieces:
                pending = "title"
        elif tok.type == "paragraph_open":
            pending = "paragraph"
        elif tok.type == "inline" and pending:
            content = _inline_text(tok)
            if pending == "title":
                h1 = " ".join(content.split())
            elif pending == "heading":
                pieces.extend(split_pieces("heading", content.replace("\n", " ")))
            else:
                pieces.extend(split_pieces("paragraph", content))
            pending = None
        elif tok.type in ("fence", "code_block") and tokens[i].content.strip():
            pieces.extend(split_pieces("paragraph", tok.content))
    return h1, pieces
