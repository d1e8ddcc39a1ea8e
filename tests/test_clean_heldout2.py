"""Held-out set 2 (tests/data/clean/heldout2.json): select-all pastes and a few HTML pages written
by a third reviewer from how the sites look, before reading the rules or the other fixtures.

Also the body-loss set (tests/data/clean/bodyloss2.json): body lines of risky shapes (short
sentences, quotes, lines starting with "Foto", "Sumber", "Editor", "Baca", "Iklan", …, scores,
list items, Q&A, platforms named in a sentence) that must survive ``clean`` and ``to_spoken``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bacakan import to_spoken
from bacakan.clean import clean, clean_snippet
from bacakan.models import RawArticle
from tests import clean_golden

DATA = Path(__file__).parent / "data" / "clean"
HELDOUT2 = clean_golden.load("heldout2.json")
KEEP: list[str] = json.loads((DATA / "bodyloss2.json").read_text(encoding="utf-8"))["keep"]

_INTRO = (
    "PARINGIN - Banjir merendam tiga desa di Kecamatan Juai, Kabupaten Balangan, sejak Senin pagi.",
    "Warga mulai mengungsi ke balai desa dan masjid terdekat.",
)
_OUTRO = "Petugas BPBD masih berjaga di lokasi hingga malam hari."


def body_loss_articles(line: str) -> list[RawArticle]:
    """``line`` in the middle of a short pasted article (single and blank-line separated) and,
    when it is a sentence, as the last paragraph."""
    out = []
    endings = [[_OUTRO], []] if re.search(r"[.!?\"”]$", line) else [[_OUTRO]]
    for sep in ("\n", "\n\n"):
        for tail in endings:
            text = sep.join(["Banjir Rendam Tiga Desa di Juai", *_INTRO, line, *tail])
            out.append(RawArticle(source="bodyloss.txt", kind="text", text=text, metadata={}))
    return out


def test_enough_heldout2_fixtures() -> None:
    assert len(HELDOUT2) >= 20
    assert {f.rsplit(".", 1)[1] for f in HELDOUT2} >= {"html", "txt"}


@pytest.mark.parametrize("name", sorted(HELDOUT2), ids=sorted(HELDOUT2))
def test_heldout2_fixture(name: str) -> None:
    clean_golden.check(HELDOUT2[name])


@pytest.mark.parametrize("line", KEEP, ids=range(len(KEEP)))
def test_body_line_survives_clean(line: str) -> None:
    for raw in body_loss_articles(line):
        article = clean(raw)
        body = "\n".join(b.text for b in article.blocks)
        assert line in body, raw.text
        assert _INTRO[1] in body and article.dateline == "Paringin"


@pytest.mark.parametrize("line", KEEP, ids=range(len(KEEP)))
def test_body_line_survives_snippet(line: str) -> None:
    assert clean_snippet(line) == line
    spoken = to_spoken(line).casefold()
    words: list[str] = re.findall(r"[^\W\d_]{4,}", line.casefold())
    assert spoken.strip()
    assert sum(w in spoken for w in words) >= 0.6 * len(words), spoken
