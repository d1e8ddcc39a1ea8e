"""Hand-made episodes for the page tests: hostile strings, long words, headings, known timings.

They exercise the templates independently of ingest/clean/normalise, with an MP3 whose length
matches the timings (a quiet tone written by soundfile, so no voice is needed).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile

from bacakan.models import Article, Block, Episode, Script, Sentence, Timing
from bacakan.publish import manifest
from bacakan.publish.page import render_page

SENTENCE_S = 1.6  # every sentence lasts this long, then a pause
PAUSE_S = 0.4

HOSTILE = Article(
    title='Kapolres <script>alert("judul")</script> temui warga',
    blocks=(
        Block("paragraph", 'Kapolres Balangan AKBP Riza <img src=x onerror=alert("img")> bertemu '
                           "Bhabinkamtibmas di Paringin. Warga menyambut <b>hangat <i>sekali."),
        Block("heading", "Subjudul <a href=\"javascript:alert('a')\">tautan</a> </p></main><p>"),
        Block("paragraph", "Kata sangat panjang: Bhabinkamtibmasbhabinkamtibmasbhabinkamtibmas "
                           "dan https://contoh.example/sebuah/alamat/yang/sangat/panjang/sekali."),
        Block("paragraph", "Paragraf terakhir <svg onload=alert(1)> ditutup di sini. Selesai."),
    ),
    source="javascript:alert('sumber')",
    dateline="Paringin",
    outlet='klik<script>x</script>.com',
    published="2023-11-20",
    byline='"><svg onload=alert(2)>Budi',
    credit="pr/klik <iframe src=javascript:alert(3)>",
    caption="Foto </figcaption><script>alert(4)</script>",
)

PARAGRAPHS = [
    "Kepolisian Resor Balangan menggelar patroli gabungan di Kecamatan Paringin pada Senin pagi. "
    "Patroli itu melibatkan tiga puluh personel. Mereka menyisir pasar dan terminal.",
    "Kapolres Balangan mengatakan patroli akan digelar setiap pekan. Tujuannya menjaga keamanan "
    "menjelang hari raya. Warga diminta melapor bila melihat hal mencurigakan.",
    "Seorang pedagang, Siti, menyambut baik kegiatan itu. Dia merasa lebih aman berjualan.",
    "Polisi juga membagikan selebaran berisi nomor layanan darurat. Nomor itu aktif dua puluh "
    "empat jam. Petugas siap datang dalam waktu singkat.",
    "Kegiatan serupa akan digelar di kecamatan lain. Jadwalnya diumumkan lewat media sosial.",
]
LONG = Article(
    title="Polres Balangan gelar patroli gabungan menjelang hari raya",
    blocks=(Block("paragraph", PARAGRAPHS[0]), Block("paragraph", PARAGRAPHS[1]),
            Block("heading", "Tanggapan warga"), Block("paragraph", PARAGRAPHS[2]),
            Block("heading", "Layanan darurat"), Block("paragraph", PARAGRAPHS[3]),
            Block("paragraph", PARAGRAPHS[4])),
    source="https://contoh.example/berita/patroli",
    dateline="Paringin",
    outlet="klikkalimantan.com",
    published="2023-11-21T08:30:00+08:00",
    byline="Penulis: Ahmad",
)


def _sentences(text: str) -> list[str]:
    # Hand-made text ends each sentence with ". ": good enough without the normaliser.
    parts = [p.strip() for p in text.replace(". ", ".\n").splitlines()]
    return [p for p in parts if p]


def script_for(article: Article) -> Script:
    sentences = [Sentence(article.title, article.title.lower(), -1)]
    for index, block in enumerate(article.blocks):
        sentences += [Sentence(s, s.lower(), index) for s in _sentences(block.text)]
    return Script(tuple(sentences))


def timings_for(script: Script) -> list[Timing]:
    step = SENTENCE_S + PAUSE_S
    return [Timing(i, round(i * step, 3), round(i * step + SENTENCE_S, 3))
            for i in range(len(script.sentences))]


def write_tone_mp3(path: Path, seconds: float, rate: int = 22050) -> None:
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    samples = (0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    soundfile.write(str(path), samples, rate, format="MP3")


def publish(out: Path, slug: str, article: Article, published: str) -> Episode:
    """One episode folder (page, MP3, manifest) as the pipeline would leave it."""
    folder = out / slug
    folder.mkdir(parents=True, exist_ok=True)
    script = script_for(article)
    timings = timings_for(script)
    duration = timings[-1].end + PAUSE_S
    audio = f"{slug}.mp3"
    write_tone_mp3(folder / audio, duration)
    size = (folder / audio).stat().st_size
    page = render_page(article, script, timings, audio=audio, audio_bytes=size, duration_s=duration,
                       voice="eSpeak NG Indonesia")
    (folder / "index.html").write_text(page, encoding="utf-8")
    episode = Episode(title=article.title, slug=slug, guid=f"bacakan:{slug}", published=published,
                      audio=audio, audio_bytes=size, duration_s=duration, html="index.html",
                      voice="eSpeak NG Indonesia", engine="espeak", source=article.source)
    manifest.write(folder, episode)
    return episode


def build(out: Path) -> list[str]:
    """Write the hand-made episodes into ``out``; returns their slugs (the index is not built)."""
    publish(out, "hostile", HOSTILE, "2023-11-20")
    publish(out, "patroli", LONG, "2023-11-21T08:30:00+08:00")
    return ["hostile", "patroli"]
