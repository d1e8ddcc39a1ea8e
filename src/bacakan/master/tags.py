"""ID3v2.3 tags with chapters (CHAP + CTOC) and cover art. The only module that imports mutagen.

v2.3 is the conservative choice for older players and radio automation. mutagen needs
``update_to_v23()`` before ``save(v2_version=3)``, or a v2.4 TDRC frame lands in a v2.3 tag; and it
sorts frames by size, so CHAP frames are re-ordered by start time afterwards (players such as
ffmpeg list chapters in file order, even though the CTOC order is the authoritative one).
"""

# mutagen ships inline types with untyped frame constructors; everything else stays strict.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TPE1,
    TXXX,
    CTOCFlags,
    PictureType,
)
from mutagen.mp3 import MP3, BitrateMode

from bacakan.master.chapters import Chapter, limit

_MAX_CHAPTERS = 255  # CTOC's entry count is one byte; the JSON chapters keep them all
_NO_OFFSET = 0xFFFFFFFF  # CHAP byte offsets unused: times are authoritative


@dataclass(frozen=True)
class Mp3Info:
    duration_s: float
    sample_rate: int
    channels: int
    bitrate_kbps: int
    cbr: bool


def mp3_info(path: Path) -> Mp3Info:
    """Stream facts from the LAME/Info header (exact length, without encoder delay and padding)."""
    info = MP3(str(path)).info
    if info is None:
        raise ValueError(f"{path} has no MPEG audio stream")
    return Mp3Info(
        duration_s=float(info.length),
        sample_rate=int(info.sample_rate),
        channels=int(info.channels),
        bitrate_kbps=round(info.bitrate / 1000),
        cbr=info.bitrate_mode == BitrateMode.CBR,
    )


@dataclass(frozen=True)
class TagInfo:
    title: str
    artist: str  # the outlet, else the feed's author
    album: str  # the programme (feed title)
    date: str | None = None  # ISO 8601 date or datetime
    source: str = ""  # article URL or path
    voice: str = ""
    voice_licence: str = ""
    cover_jpeg: bytes | None = None
    loudness_lufs: float | None = None
    true_peak_dbtp: float | None = None


def _comment(info: TagInfo) -> str:
    parts = [f"Sumber: {info.source}"] if info.source else []
    if info.voice:
        licence = f" (lisensi: {info.voice_licence})" if info.voice_licence else ""
        parts.append(f"Suara: {info.voice}{licence}")
    return "\n".join(parts)


def write(path: Path, info: TagInfo, chapters: Sequence[Chapter]) -> None:
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[info.title]))
    tags.add(TPE1(encoding=3, text=[info.artist]))
    tags.add(TALB(encoding=3, text=[info.album]))
    tags.add(TCON(encoding=3, text=["Podcast"]))
    tags.add(TLAN(encoding=3, text=["ind"]))  # ID3 wants ISO 639-2
    if info.date:
        tags.add(TDRC(encoding=3, text=[info.date[:10]]))  # becomes TYER + TDAT in v2.3
    comment = _comment(info)
    if comment:
        tags.add(COMM(encoding=3, lang="ind", desc="", text=[comment]))
    if info.loudness_lufs is not None:
        tags.add(TXXX(encoding=3, desc="LOUDNESS_LUFS", text=[f"{info.loudness_lufs:.2f}"]))
    if info.true_peak_dbtp is not None:
        tags.add(TXXX(encoding=3, desc="TRUE_PEAK_DBTP", text=[f"{info.true_peak_dbtp:.2f}"]))
    if info.cover_jpeg:
        tags.add(
            APIC(
                encoding=3,
                mime="image/jpeg",
                type=PictureType.COVER_FRONT,
                desc="Cover",
                data=info.cover_jpeg,
            )
        )
    chapters = limit(chapters, _MAX_CHAPTERS)
    ids = [f"chp{i}" for i in range(len(chapters))]
    if chapters:
        tags.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[TIT2(encoding=3, text=[info.title])],
            )
        )
    for element_id, chapter in zip(ids, chapters, strict=True):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=round(chapter.start * 1000),
                end_time=round(chapter.end * 1000),
                start_offset=_NO_OFFSET,
                end_offset=_NO_OFFSET,
                sub_frames=[TIT2(encoding=3, text=[chapter.title])],
            )
        )
    tags.update_to_v23()
    tags.save(str(path), v2_version=3)
    _order_chapters(path, ids)


def _order_chapters(path: Path, ids: Sequence[str]) -> None:
    """Rewrite the CHAP frames of a v2.3 tag in chapter order, in place (same total size)."""
    with open(path, "r+b") as f:
        header = f.read(10)
        if header[:3] != b"ID3" or header[3] != 3 or header[5] & 0xC0:  # unsync/ext header: leave
            return
        size = sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(header[6:10]))
        body = f.read(size)
        frames: list[bytes] = []
        pos = 0
        while pos + 10 <= len(body) and body[pos : pos + 4] != b"\0\0\0\0":
            frame_size = struct.unpack(">I", body[pos + 4 : pos + 8])[0]
            frames.append(body[pos : pos + 10 + frame_size])
            pos += 10 + frame_size
        order = {element_id.encode("latin-1"): i for i, element_id in enumerate(ids)}
        chaps = [fr for fr in frames if fr[:4] == b"CHAP"]
        chaps.sort(key=lambda fr: order.get(fr[10:].split(b"\0", 1)[0], len(order)))
        queue = iter(chaps)
        rebuilt = b"".join(next(queue) if fr[:4] == b"CHAP" else fr for fr in frames)
        if len(rebuilt) == pos:
            f.seek(10)
            f.write(rebuilt)


def read_chapters(path: Path) -> list[tuple[str, int, int]]:
    """(title, start ms, end ms) in CTOC order (for tests and ``bacakan`` inspection)."""
    tags = ID3(str(path))
    tocs = tags.getall("CTOC")
    if not tocs:
        return []
    out: list[tuple[str, int, int]] = []
    for element_id in tocs[0].child_element_ids:
        chap = tags[f"CHAP:{element_id}"]
        title = chap.sub_frames.get("TIT2")
        out.append((str(title.text[0]) if title else "", int(chap.start_time), int(chap.end_time)))
    return out
