"""Episode audio through the real pipeline: ID3v2.3 tags and chapters, chapters JSON, WebVTT."""

# mutagen ships inline types with untyped frame methods.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from mutagen.id3 import ID3

from bacakan import pipeline
from bacakan.master import episode as episode_audio
from bacakan.master import transcript
from bacakan.master.bwf import read_bext
from bacakan.master.tags import mp3_info, read_chapters
from bacakan.models import AudioFacts, Episode, Script
from bacakan.publish import manifest
from bacakan.publish.fmt import size_words

ARTICLE = """---
title: Banjir Melanda Paringin, Ratusan Rumah Terendam
source: https://contoh.example/berita/banjir-paringin
outlet: klikkalimantan.com
published: 2024-05-06
---
# Banjir Melanda Paringin, Ratusan Rumah Terendam

Banjir melanda Kota Paringin sejak Senin pagi. Ratusan rumah warga terendam air setinggi satu meter.

## Bantuan Disalurkan

Pemerintah Kabupaten Balangan menyalurkan bantuan makanan & obat-obatan kepada warga.
Posko pengungsian didirikan di kantor kecamatan.

Warga diminta tetap waspada terhadap banjir susulan. Hujan diperkirakan turun hingga akhir pekan.
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Episode, Script, AudioFacts]:
    """One broadcast render through ``pipeline.render``; the facts master returned are recorded."""
    root = tmp_path_factory.mktemp("render")
    source = root / "banjir.md"
    source.write_text(ARTICLE, encoding="utf-8")
    settings = pipeline.RenderSettings(out=root / "out", mastering="broadcast")
    seen: list[AudioFacts] = []
    real = episode_audio.master

    def recording(*args: Any, **kwargs: Any) -> AudioFacts:
        facts = real(*args, **kwargs)
        seen.append(facts)
        return facts

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(episode_audio, "master", recording)
        episode = pipeline.render(str(source), settings)
    script = pipeline.make_script(pipeline.prepare(str(source)))
    return root / "out" / episode.slug, episode, script, seen[0]


def test_manifest_names_the_new_files(rendered: tuple[Path, Episode, Script, AudioFacts]) -> None:
    folder, episode, _, _ = rendered
    assert episode.transcript == f"{episode.slug}.vtt"
    assert episode.chapters == f"{episode.slug}.chapters.json"
    assert episode.wav == f"{episode.slug}.wav"
    assert episode.loudness_lufs == pytest.approx(-23.0, abs=0.5)
    assert episode.true_peak_dbtp is not None and episode.true_peak_dbtp <= -1.0
    for name in (episode.audio, episode.transcript, episode.chapters, episode.wav):
        assert (folder / name).is_file()
    again = manifest.read(folder / manifest.MANIFEST)
    assert again.transcript == episode.transcript and again.wav == episode.wav
    assert episode.audio_bytes == (folder / episode.audio).stat().st_size  # size after tagging
    assert read_bext(folder / episode.wav)["Version"] == 2


def test_id3_v23_tags(rendered: tuple[Path, Episode, Script, AudioFacts]) -> None:
    folder, episode, _, _ = rendered
    tags = ID3(str(folder / episode.audio), translate=False)
    assert tags.version == (2, 3, 0)
    assert str(tags["TIT2"]) == "Banjir Melanda Paringin, Ratusan Rumah Terendam"
    assert str(tags["TPE1"]) == "klikkalimantan.com"
    assert str(tags["TALB"]) == "bacakan: berita yang dibacakan"
    assert str(tags["TLAN"]) == "ind"
    assert str(tags["TCON"]) == "Podcast"
    assert str(tags["TYER"]) == "2024" and str(tags["TDAT"]) == "0605"
    assert "TDRC" not in tags  # a v2.4-only frame must not leak into the v2.3 tag
    comment = str(tags.getall("COMM")[0])
    assert "https://contoh.example/berita/banjir-paringin" in comment and "id-espeak" in comment
    picture = tags.getall("APIC")[0]
    assert picture.mime == "image/jpeg" and picture.data[:2] == b"\xff\xd8"
    assert float(str(tags["TXXX:LOUDNESS_LUFS"])) == pytest.approx(episode.loudness_lufs, abs=0.01)
    info = mp3_info(folder / episode.audio)
    assert info.cbr and info.bitrate_kbps >= 128


def test_chapters_in_id3_and_json(rendered: tuple[Path, Episode, Script, AudioFacts]) -> None:
    folder, episode, _, _ = rendered
    assert episode.chapters is not None
    data = json.loads((folder / episode.chapters).read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    chapters = data["chapters"]
    titles = [c["title"] for c in chapters]
    assert titles[0] == "Banjir Melanda Paringin, Ratusan Rumah Terendam"
    assert "Bantuan Disalurkan" in titles  # the subheading is its own chapter
    assert len(chapters) == 5  # headline, 3 paragraphs, 1 subheading
    starts = [c["startTime"] for c in chapters]
    assert starts[0] == 0 and starts == sorted(starts) and len(set(starts)) == len(starts)
    id3 = read_chapters(folder / episode.audio)
    assert [t for t, _, _ in id3] == titles
    assert [s for _, s, _ in id3] == [round(s * 1000) for s in starts]
    assert id3[-1][2] == round(episode.duration_s * 1000)
    # The CHAP frames are stored in chapter order too (ffmpeg lists them in file order).
    tags = ID3(str(folder / episode.audio))
    assert [f.element_id for f in tags.getall("CHAP")] == [f"chp{i}" for i in range(len(id3))]
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == [f"chp{i}" for i in range(len(id3))]


CUE = re.compile(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)")


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    blocks = text.strip().split("\n\n")
    assert blocks[0].splitlines() == ["WEBVTT", "Language: id"]
    cues = []
    for block in blocks[1:]:
        lines = block.splitlines()
        match = CUE.fullmatch(lines[1])
        assert match, lines
        g = [int(x) for x in match.groups()]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        assert "<" not in "".join(lines[2:]) and "-->" not in "".join(lines[2:])
        cues.append((start, end, html.unescape(" ".join(lines[2:]))))
    return cues


def test_vtt_matches_clip_timings(rendered: tuple[Path, Episode, Script, AudioFacts]) -> None:
    folder, episode, script, facts = rendered
    assert episode.transcript is not None
    cues = parse_vtt((folder / episode.transcript).read_text(encoding="utf-8"))
    written = [s.written for s in script.sentences if s.spoken]
    assert [text for _, _, text in cues] == written
    assert any("makanan & obat-obatan" in text for _, _, text in cues)
    raw = (folder / episode.transcript).read_text(encoding="utf-8")
    assert "&amp;" in raw and " & " not in raw
    spoken = [t for t in facts.timings if t.end > t.start]
    for (start, end, _), timing, last in zip(cues, spoken, [False] * (len(cues) - 1) + [True],
                                             strict=True):
        assert start == pytest.approx(timing.start, abs=0.0006)
        if not last:
            assert end == pytest.approx(timing.end, abs=0.0006)
    assert cues[-1][1] == pytest.approx(episode.duration_s, abs=0.05)  # ends with the audio


def test_vtt_escaping_and_wrapping() -> None:
    assert transcript.escape("a < b & c --> d") == "a &lt; b &amp; c --&gt; d"
    assert transcript.timestamp(3723.4567) == "01:02:03.457"


def test_more_than_255_chapters(tmp_path: Path) -> None:
    """CTOC holds at most 255 entries: long articles get fewer ID3 chapters, evenly, in order."""
    from bacakan.master import chapters, codec, tags

    mp3 = tmp_path / "x.mp3"
    codec.encode_mp3(np.zeros(44100, dtype=np.float32), 44100, mp3, 96)
    many = [chapters.Chapter(f"Paragraf {i}", i * 2.0, i * 2.0 + 2.0) for i in range(400)]
    tags.write(mp3, tags.TagInfo("Judul", "outlet", "program"), many)
    read = read_chapters(mp3)
    assert len(read) == 255
    assert read[0] == ("Paragraf 0", 0, 2000) and read[-1][2] == 800_000
    starts = [s for _, s, _ in read]
    assert starts == sorted(starts)
    assert all(end == nxt for (_, _, end), (_, nxt, _) in itertools.pairwise(read))


def test_page_links_the_broadcast_wav(rendered: tuple[Path, Episode, Script, AudioFacts]) -> None:
    """Radio stations find the Broadcast WAV on the page, with its real size."""
    folder, episode, _, _ = rendered
    assert episode.wav is not None
    page = (folder / episode.html).read_text(encoding="utf-8")
    size = size_words((folder / episode.wav).stat().st_size)
    assert f'<a href="{episode.wav}" download>Unduh WAV siaran (EBU R128), {size}</a>' in page
