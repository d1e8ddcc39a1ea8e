"""The only place that knows the stage order.

1. ingest     source (file or URL) -> RawArticle
2. clean      RawArticle -> Article (the article only; metadata pulled out)
3. normalise  Article -> Script (written and spoken form of every sentence)
4. synthesise Script -> one Clip per sentence (the voice profile's engine)
5. master     Clips -> loudness-normalised CBR MP3 + sentence timings (AudioFacts)
6. publish    episode folder (page, manifest), then the folder's feed and index

``bacakan render`` and the worker both call :func:`render`.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bacakan import atomic, clean, ingest, normalise
from bacakan.errors import OutputError
from bacakan.master import episode as episode_audio
from bacakan.models import Article, Clip, Episode, Script, Sentence
from bacakan.publish import manifest, site
from bacakan.publish.feed import FeedSettings
from bacakan.publish.page import render_page
from bacakan.publish.slug import article_guid, slugify
from bacakan.synthesise import (
    DEFAULT_VOICE,
    Voice,
    VoiceProfile,
    apply_pronunciations,
    build_voice,
    effective_profile,
    load_profile,
)
from bacakan.synthesise.spool import ClipSpool

Progress = Callable[[int, int], None]  # (sentences done, sentences total)
# A named mutual-exclusion lock (``lock("site")``). The worker passes one shared by all workers so
# concurrent renders of one guid, and feed/index rebuilds, never interleave; one render needs none.
Lock = Callable[[str], AbstractContextManager[object]]


def no_lock(name: str) -> AbstractContextManager[object]:
    return contextlib.nullcontext()


@dataclass(frozen=True)
class RenderSettings:
    out: Path = Path("output")
    voice: str = DEFAULT_VOICE
    lexicons: tuple[Path, ...] = ()
    feed: FeedSettings = field(default_factory=FeedSettings)
    mastering: str = "podcast"  # mastering profile: podcast, broadcast or a .toml (master.profiles)


def prepare(source: str) -> Article:
    """Stages 1-2: read and clean one article."""
    return clean.clean(ingest.read(source))


def make_script(article: Article, lexicon: normalise.Lexicon | None = None) -> Script:
    """Stage 3: the narration script: headline, then each block, sentence by sentence.

    The dateline's place is said at the start of the first paragraph, as a newsreader does.
    """
    sentences = [Sentence(s, normalise.normalise_text(s, lexicon), -1)
                 for s in normalise.split_sentences(article.title)]
    place_pending = bool(article.dateline)
    for index, block in enumerate(article.blocks):
        for written in normalise.split_sentences(block.text):
            spoken = normalise.normalise_text(written, lexicon)
            if place_pending and block.kind == "paragraph" and article.dateline:
                spoken = f"{normalise.normalise_text(article.dateline, lexicon)} {spoken}".strip()
                place_pending = False
            sentences.append(Sentence(written, spoken, index))
    return Script(tuple(sentences))


def to_spoken(text: str, lexicon: normalise.Lexicon | None = None) -> str:
    """What the default voice says for a snippet of article text (boilerplate dropped)."""
    snippet = clean.clean_snippet(text)
    spoken = (normalise.normalise_text(line, lexicon) for line in snippet.splitlines())
    return " ".join(s for s in spoken if s)


def pronounce(profile: VoiceProfile, spoken: str) -> str:
    """Apply the profile's engine-specific pronunciation fixes (whole words) after normalisation."""
    return apply_pronunciations(profile.pronunciations, spoken)


def synthesise(script: Script, voice: Voice, profile: VoiceProfile,
               progress: Progress | None = None, into: ClipSpool | None = None) -> Sequence[Clip]:
    """Stage 4: one clip per sentence (empty when there is nothing to say).

    With ``into``, clips are spooled to disk as they are made (a long article stays small in RAM).
    """
    clips: list[Clip] | ClipSpool = into if into is not None else []
    total = len(script.sentences)
    for done, sentence in enumerate(script.sentences, start=1):
        clips.append(voice.synthesize(pronounce(profile, sentence.spoken)) if sentence.spoken
                     else Clip(np.zeros(0, dtype=np.float32), voice.sample_rate))
        if progress:
            progress(done, total)
    return clips


def _identity(article: Article) -> str:
    """What makes two renders the same article: its URL (the page's, or the one its front matter
    declares), else the file it was read from, so a corrected headline keeps its guid and slug."""
    if article.source.startswith(("http://", "https://")):
        return article.source
    return Path(article.source).resolve().as_uri()


def _check_writable(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write to output folder {out}: it is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(out / ".bacakan-write-test", b"")
        (out / ".bacakan-write-test").unlink(missing_ok=True)  # another worker may have removed it
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {out}: {exc.strerror or exc}") from exc


def _slug_for(out: Path, guid: str, title: str) -> tuple[str, Episode | None]:
    previous = manifest.find_by_guid(out, guid)
    if previous:
        return previous.slug, previous
    base = slugify(title)
    slug, n = base, 2
    while (out / slug / manifest.MANIFEST).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug, None


def _text_hash(article: Article) -> str:
    """A fingerprint of what the reader sees: re-rendering unchanged text is not a correction."""
    parts = [article.title, article.published or ""]
    parts += [f"{block.kind}:{block.text}" for block in article.blocks]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _updated(previous: Episode | None, text_hash: str, now: str) -> str | None:
    """The correction date: now when the text changed, the earlier one (if any) when it did not."""
    if previous is None:
        return None
    return previous.updated if previous.extra.get("text_sha256") == text_hash else now


def _summary(article: Article) -> str:
    first = article.paragraphs[0] if article.paragraphs else article.title
    return first if len(first) <= 300 else first[:297].rsplit(" ", 1)[0] + "…"


def render(source: str, settings: RenderSettings, *, voice: Voice | None = None,
           profile: VoiceProfile | None = None, progress: Progress | None = None,
           lock: Lock = no_lock) -> Episode:
    """Run every stage for one article and publish it into ``settings.out``."""
    profile = profile or load_profile(settings.voice)
    article = prepare(source)
    _check_writable(settings.out)
    lexicon = normalise.load_lexicon(settings.lexicons) if settings.lexicons else None
    script = make_script(article, lexicon)
    voice = voice or build_voice(profile)
    with ClipSpool() as clips:
        synthesise(script, voice, profile, progress, into=clips)
        spoke = effective_profile(voice, profile)  # the fallback's, if the voice had to fall back
        return publish(article, script, clips, spoke, spoke.engine, settings, lock=lock)


def publish(article: Article, script: Script, clips: Sequence[Clip], profile: VoiceProfile,
            engine: str, settings: RenderSettings, *, lock: Lock = no_lock) -> Episode:
    """Stages 5-6. The manifest is written last, so an episode exists only once its files do."""
    guid = article_guid(_identity(article))
    # One render per guid at a time, so two workers handed the same article share one folder.
    with lock(f"episode-{guid}"):
        slug, previous = _slug_for(settings.out, guid, article.title)
        folder = settings.out / slug
        audio_name = f"{slug}.mp3"
        audio = episode_audio.produce(
            article, script, clips, profile.pauses, folder, slug, settings.mastering,
            episode_audio.credits_for(settings.feed, settings.out, profile))
        facts = audio.facts
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        text_hash = _text_hash(article)
        updated = _updated(previous, text_hash, now)
        page = render_page(article, script, facts.timings, audio=audio_name,
                           audio_bytes=facts.size_bytes, duration_s=facts.duration_s,
                           voice=profile.label, transcript=audio.transcript, wav=audio.wav,
                           wav_bytes=(folder / audio.wav).stat().st_size if audio.wav else 0,
                           lexicon=normalise.load_lexicon(settings.lexicons)
                           if settings.lexicons else None,  # None: the shipped lexicon
                           updated=updated)
        atomic.write_text(folder / "index.html", page)
        published = article.published or (previous.published if previous else now)
        extra: dict[str, object] = {"text_sha256": text_hash}
        if article.category:
            extra["category"] = article.category
        episode = Episode(
            title=article.title, slug=slug, guid=guid, published=published, audio=audio_name,
            audio_bytes=facts.size_bytes, duration_s=round(facts.duration_s, 3), html="index.html",
            voice=profile.name, engine=engine, source=article.source, outlet=article.outlet,
            dateline=article.dateline, summary=_summary(article),
            updated=updated,
            transcript=audio.transcript, chapters=audio.chapters, wav=audio.wav,
            loudness_lufs=facts.loudness_lufs, true_peak_dbtp=facts.true_peak_dbtp,
            extra=extra,
        )
        manifest.write(folder, episode)
    with lock("site"):  # rebuilds read every manifest; interleaved, one would drop an episode
        site.rebuild(settings.out, settings.feed)
    return episode
