"""All audio for one episode: master the MP3 (+ Broadcast WAV), tag it, write VTT and chapters.

``pipeline.publish`` calls :func:`produce`. Tags are written to the temp MP3 before it is renamed
into place, so the published file is always complete; the VTT and chapters JSON are written
atomically after it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bacakan import atomic
from bacakan.master import chapters as chapter_list
from bacakan.master import master, tags, transcript

__all__ = ["Credits", "EpisodeAudio", "credits_for", "master", "produce"]
from bacakan.master.profiles import MasteringProfile, get_profile
from bacakan.models import Article, AudioFacts, Clip, Script
from bacakan.publish import cover
from bacakan.publish.feed import FeedSettings
from bacakan.synthesise.base import Pauses, VoiceProfile

_COVER_PX = 1400  # embedded art: Apple's minimum, keeps the MP3 small


@dataclass(frozen=True)
class EpisodeAudio:
    facts: AudioFacts
    transcript: str  # file names relative to the episode folder
    chapters: str
    wav: str | None


@dataclass(frozen=True)
class Credits:
    """Who and what the tags name."""

    programme: str  # the feed title (ID3 album)
    author: str  # used as artist when the article names no outlet
    voice: str
    voice_licence: str = ""
    cover: Path | None = None  # a JPEG/PNG to embed; None = no APIC


def cover_jpeg(path: Path | None) -> bytes | None:
    """The cover scaled to 1400 px JPEG for APIC (a 3000 px cover would add ~1 MB to every MP3)."""
    if path is None or not path.is_file():
        return None
    from PIL import Image

    try:
        with Image.open(path) as image:
            rgb = image.convert("RGB")
    except (OSError, ValueError):
        return None  # the feed engineer's cover checks report bad covers; the MP3 just goes without
    if rgb.width > _COVER_PX:
        rgb = rgb.resize((_COVER_PX, round(rgb.height * _COVER_PX / rgb.width)))
    buffer = io.BytesIO()
    rgb.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def produce(
    article: Article,
    script: Script,
    clips: Sequence[Clip],
    pauses: Pauses,
    folder: Path,
    slug: str,
    profile: MasteringProfile | str,
    credits: Credits,
) -> EpisodeAudio:
    profile = get_profile(profile)
    audio = folder / f"{slug}.mp3"
    wav = folder / f"{slug}.wav" if profile.wav else None
    art = cover_jpeg(credits.cover)
    chapters: list[chapter_list.Chapter] = []

    def tag(tmp: Path, facts: AudioFacts) -> None:
        chapters.extend(chapter_list.build(article, script, facts.timings, facts.duration_s))
        info = tags.TagInfo(
            title=article.title,
            artist=article.outlet or credits.author,
            album=credits.programme,
            date=article.published,
            source=article.source,
            voice=credits.voice,
            voice_licence=credits.voice_licence,
            cover_jpeg=art,
            loudness_lufs=facts.loudness_lufs,
            true_peak_dbtp=facts.true_peak_dbtp,
        )
        tags.write(tmp, info, chapters)

    facts = master(
        clips,
        [s.block for s in script.sentences],
        pauses,
        audio,
        profile,
        wav_target=wav,
        finish=tag,
        description=article.title,
    )
    vtt_name, json_name = f"{slug}.vtt", f"{slug}.chapters.json"
    atomic.write_text(folder / vtt_name, transcript.build(script, facts.timings, facts.duration_s))
    atomic.write_text(folder / json_name, chapter_list.to_json(chapters))
    return EpisodeAudio(
        facts=facts, transcript=vtt_name, chapters=json_name, wav=wav.name if wav else None
    )


def credits_for(feed: FeedSettings, out: Path, voice: VoiceProfile) -> Credits:
    """Tag credits from the feed settings; the cover is the feed's (publish.cover draws a default).

    An https cover URL is not downloaded: the MP3 then carries no embedded art.
    """
    name = cover.resolve(feed.cover, out, "cover", feed.title)
    art = None if name.startswith(("http://", "https://")) else out / name
    return Credits(programme=feed.title, author=feed.author, voice=voice.name,
                   voice_licence=voice.licence, cover=art)
