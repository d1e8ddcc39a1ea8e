"""Benchmark: loudness error, true peak, encode speed and peak memory, short and one-hour articles.

    PYTHONPATH=src python benchmarks/audio.py [--profile podcast|broadcast] [--words 9000]

Each case runs the real pipeline (``pipeline.render`` with eSpeak) in a fresh subprocess, so its
peak RSS (``ru_maxrss``) is the whole render's: synthesis, clips held by the pipeline, mastering,
tags, page and feed. The long article is ~9,000 words of Indonesian news prose (about an hour at
eSpeak's rate). Loudness is re-measured here on the published MP3 with pyloudnorm (whole file).
Targets: |loudness error| <= 0.5 LU, true peak <= -1 dBTP, peak RSS < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = (
    "Banjir melanda Kota Paringin sejak Senin pagi setelah hujan deras mengguyur selama dua hari. "
    "Ratusan rumah warga terendam air setinggi satu meter, dan sejumlah jalan tidak bisa dilalui.",
    "Pemerintah Kabupaten Balangan menyalurkan bantuan makanan dan obat-obatan kepada warga yang "
    "mengungsi. Posko pengungsian didirikan di kantor kecamatan dan di gedung sekolah terdekat.",
    "Kepala pelaksana badan penanggulangan bencana daerah mengatakan petugas terus memantau "
    "ketinggian air di sungai. Warga diminta tetap waspada terhadap banjir susulan dan longsor.",
    "Pedagang di pasar tradisional mengeluhkan turunnya pembeli selama sepekan terakhir. Harga "
    "sayuran dan beras naik karena pasokan dari desa sekitar terhambat oleh genangan air.",
)


def article(words: int) -> str:
    body, count, n = [], 0, 0
    while count < words:
        text = PARAGRAPHS[n % len(PARAGRAPHS)]
        if n % 12 == 11:
            body.append(f"## Bagian {n // 12 + 1}")
        body.append(text)
        count += len(text.split())
        n += 1
    return "# Banjir Melanda Paringin, Ratusan Rumah Terendam\n\n" + "\n\n".join(body) + "\n"


def child(source: str, out: str, profile: str) -> None:
    """Render one article; print a JSON line of measurements (runs in its own process)."""
    from bacakan import pipeline
    from bacakan.master import codec
    from bacakan.master import loudness as L
    from bacakan.master.profiles import get_profile

    start = time.perf_counter()
    episode = pipeline.render(source, pipeline.RenderSettings(out=Path(out), mastering=profile))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mp3 = Path(out) / episode.slug / episode.audio
    channels = codec.channels_of(mp3)[1]
    lufs, tp = L.LoudnessMeter(codec.channels_of(mp3)[0], channels), L.TruePeakMeter(channels)
    for block in codec.blocks(mp3):
        lufs.add(block)
        tp.add(block)
    target = get_profile(profile)
    print(json.dumps({
        "duration_s": episode.duration_s, "render_s": elapsed, "peak_rss_mb": peak_mb,
        "lufs": lufs.integrated(), "target": target.target_lufs, "dbtp": tp.dbtp(),
    }))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", default="podcast")
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.profile)
        return 0
    ok = True
    print(f"{'case':8} {'words':>6} {'audio min':>9} {'render s':>8} {'x realtime':>10} "
          f"{'LU error':>8} {'dBTP':>6} {'peak MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, words in (("short", 300), ("long", args.words)):
            source = Path(tmp) / f"{name}.md"
            source.write_text(article(words), encoding="utf-8")
            result = subprocess.run(
                [sys.executable, __file__, "--profile", args.profile, "--child", str(source),
                 str(Path(tmp) / name)], capture_output=True, text=True, check=False)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
            r = json.loads(result.stdout.strip().splitlines()[-1])
            error = r["lufs"] - r["target"]
            ok &= abs(error) <= 0.5 and r["dbtp"] <= -1.0 and r["peak_rss_mb"] < 500
            print(f"{name:8} {words:6d} {r['duration_s'] / 60:9.1f} {r['render_s']:8.1f} "
                  f"{r['duration_s'] / r['render_s']:10.1f} {error:+8.2f} {r['dbtp']:6.2f} "
                  f"{r['peak_rss_mb']:7.0f}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
