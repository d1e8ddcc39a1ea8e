"""The settings file (``bacakan.toml``): one declarative table of settings, loaded in layers.

Layers, later wins: the defaults in :data:`SETTINGS` -> the settings file (``--config FILE``, else
``$BACAKAN_CONFIG``, else ``./bacakan.toml`` when present) -> ``BACAKAN_FEED_<NAME>`` environment
variables -> command-line options (applied by the CLI). A bad file or value raises
:class:`ConfigError` with one line naming the file (or variable) and the problem.

    [feed]
    title = "Klik Kalimantan dibacakan"
    base_url = "https://podcast.example.id/"

    [feeds.kalimantan]          # writes feeds/kalimantan.xml
    outlet = "klikkalimantan.com"

Every setting has a name, a default and a help text (Datasette style); README.md's
"## Configuration" section documents each one and a test keeps the two in step.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bacakan.errors import ConfigError
from bacakan.publish.feed import (
    APPLE_CATEGORIES,
    MEDIUMS,
    FeedSettings,
    SubFeed,
    valid_feed_name,
)

FILE_NAME = "bacakan.toml"
ENV_FILE = "BACAKAN_CONFIG"
ENV_PREFIX = "BACAKAN_FEED_"
_DEFAULTS = FeedSettings()


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | int | bool | None
    help: str


# [feed]: the main feed and everything every feed shares. Types follow the defaults (None = text).
SETTINGS: tuple[Setting, ...] = (
    Setting("title", _DEFAULTS.title, "Podcast title shown in apps."),
    Setting("description", _DEFAULTS.description, "Podcast description (at most 4000 bytes)."),
    Setting("base_url", _DEFAULTS.base_url,
            "Public URL of the output folder; every feed, audio and cover URL starts with it. "
            "Use https (Podcasting 2.0 requires it). `bacakan render --base-url` overrides it."),
    Setting("link", _DEFAULTS.link, "The podcast's web page; empty means base_url."),
    Setting("author", _DEFAULTS.author, "itunes:author, usually the outlet's name."),
    Setting("owner_name", _DEFAULTS.owner_name, "itunes:owner name."),
    Setting("owner_email", _DEFAULTS.owner_email,
            "itunes:owner email; directories send ownership checks here; also podcast:locked's "
            "owner."),
    Setting("cover", _DEFAULTS.cover,
            "Cover image: a square 1400-3000 px RGB .jpg/.png file (relative to the settings "
            "file) or an https URL. Unset: bacakan draws DIR/cover.jpg with the title."),
    Setting("itunes_category", _DEFAULTS.itunes_category, "Apple Podcasts category (exact case)."),
    Setting("itunes_subcategory", _DEFAULTS.itunes_subcategory,
            "Apple Podcasts subcategory of itunes_category; empty for none."),
    Setting("max_items", _DEFAULTS.max_items, "Newest episodes listed in each feed."),
    Setting("locked", _DEFAULTS.locked,
            "podcast:locked: true stops other hosts importing the feed."),
    Setting("medium", _DEFAULTS.medium, f"podcast:medium, one of {', '.join(MEDIUMS)}."),
)

# [feeds.<name>]: one extra feed, DIR/feeds/<name>.xml. Unset values come from [feed].
SUBFEED_SETTINGS: tuple[Setting, ...] = (
    Setting("outlet", None, "Only episodes of this outlet (e.g. klikkalimantan.com)."),
    Setting("category", None,
            "Only episodes of this article category (the episode's extra.category)."),
    Setting("title", None, "Title; default \"<feed title> – <name>\"."),
    Setting("description", None, "Description; default the main feed's."),
    Setting("cover", None, "Cover file or URL; default a drawn DIR/feeds/<name>.jpg."),
    Setting("itunes_category", None, "Apple category; default the main feed's."),
    Setting("itunes_subcategory", None, "Apple subcategory; default the main feed's."),
    Setting("max_items", None, "Newest episodes listed; default the main feed's."),
)
_INT = {"max_items"}
_BOOL = {"locked"}
_PATHS = {"cover"}
_TRUE, _FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}


# [narration]: how articles are spoken. Lists are TOML arrays; paths are relative to the file.
NARRATION_SETTINGS: tuple[Setting, ...] = (
    Setting("voice", None, "Voice profile or ENGINE:ARG (default id-espeak); --voice overrides."),
    Setting("lexicons", None,
            "Extra lexicon TSV files, later files win over earlier ones and over the shipped base; "
            "--lexicon adds more. Environment: BACAKAN_LEXICON (paths joined with ':')."),
    Setting("mastering", None, "Mastering profile: podcast, broadcast or a .toml file; --profile "
            "overrides."),
)
ENV_LEXICON = "BACAKAN_LEXICON"


@dataclass(frozen=True)
class Narration:
    voice: str | None = None
    lexicons: tuple[Path, ...] = ()
    mastering: str | None = None


@dataclass(frozen=True)
class Config:
    feed: FeedSettings
    source: Path | None = None  # the settings file read, if any
    narration: Narration = Narration()


def _narration(table: Any, where: str, folder: Path) -> Narration:
    _check_keys(table, NARRATION_SETTINGS, where)
    lexicons = table.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(x, str) for x in lexicons):
        raise ConfigError(f"{where}: lexicons must be a list of file paths, not {lexicons!r}")
    paths = tuple(folder / x for x in lexicons)
    for path in paths:
        if not path.is_file():
            raise ConfigError(f"{where}: lexicon file {path} not found")
    text = {k: _coerce(k, table[k], where) for k in ("voice", "mastering") if k in table}
    return Narration(voice=text.get("voice"), lexicons=paths, mastering=text.get("mastering"))


def _coerce(name: str, value: Any, where: str) -> Any:
    """Check one value's type (TOML values as given; environment strings are converted)."""
    if name in _INT:
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise ConfigError(f"{where}: {name} must be a whole number, not {value!r}"
                                  ) from None
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{where}: {name} must be a whole number >= 1, not {value!r}")
        return value
    if name in _BOOL:
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {name} must be true or false, not {value!r}")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be a text string, not {value!r}")
    return value


def _check_keys(table: Any, known: tuple[Setting, ...], where: str) -> None:
    """A TOML table holding only settings named in ``known``."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of settings")
    names = {s.name for s in known}
    for key in table:
        if key not in names:
            known_names = ", ".join(sorted(names))
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {known_names})")


def _check_table(table: Any, known: tuple[Setting, ...], where: str) -> dict[str, Any]:
    _check_keys(table, known, where)
    return {key: _coerce(key, value, where) for key, value in table.items()}


def _resolve_cover(cover: str, folder: Path) -> str:
    if cover.startswith(("http://", "https://")):
        return cover
    return str((folder / cover).resolve()) if cover else ""


def _validate(feed: FeedSettings, where: str) -> None:
    if not feed.base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: base_url must start with https:// (got {feed.base_url!r})")
    if "@" not in feed.owner_email:
        raise ConfigError(f"{where}: owner_email is not an email address: {feed.owner_email!r}")
    if feed.medium not in MEDIUMS:
        raise ConfigError(f"{where}: medium must be one of {', '.join(MEDIUMS)}, "
                          f"not {feed.medium!r}")
    channels = [(where, feed.itunes_category, feed.itunes_subcategory, feed.cover)]
    channels += [(f"{where}: [feeds.{sub.name}]", for_sub.itunes_category,
                  for_sub.itunes_subcategory, sub.cover)
                 for sub in feed.feeds for for_sub in [feed.for_subfeed(sub)]]
    for label, category, subcategory, cover in channels:
        if category not in APPLE_CATEGORIES:
            raise ConfigError(f"{label}: itunes_category {category!r} is not an Apple Podcasts "
                              "category (exact case, e.g. 'News')")
        if subcategory and subcategory not in APPLE_CATEGORIES[category]:
            allowed = ", ".join(APPLE_CATEGORIES[category]) or "none"
            raise ConfigError(f"{label}: itunes_subcategory {subcategory!r} is not in {category!r} "
                              f"(allowed: {allowed})")
        if cover and not cover.startswith(("http://", "https://")) and not cover.lower().endswith(
                (".jpg", ".jpeg", ".png")):
            raise ConfigError(f"{label}: cover must be a .jpg, .jpeg or .png file or a URL")


def _subfeeds(table: Any, where: str, folder: Path) -> tuple[SubFeed, ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [feeds] must hold [feeds.<name>] tables")
    subs = []
    for name, body in table.items():
        label = f"{where}: [feeds.{name}]"
        if not valid_feed_name(name):
            raise ConfigError(f"{label}: the name must be lower-case letters, digits and hyphens")
        values = _check_table(body, SUBFEED_SETTINGS, label)
        if ("outlet" in values) == ("category" in values):
            raise ConfigError(f"{label}: set exactly one of outlet or category")
        if "cover" in values:
            values["cover"] = _resolve_cover(values["cover"], folder) or None
        subs.append(SubFeed(name=name, **values))
    return tuple(subs)


def find_file(explicit: Path | None = None, env: Mapping[str, str] | None = None,
              cwd: Path | None = None) -> Path | None:
    """The settings file to read: ``explicit``, else $BACAKAN_CONFIG, else ./bacakan.toml if any."""
    env = os.environ if env is None else env
    chosen = explicit or (Path(env[ENV_FILE]) if env.get(ENV_FILE) else None)
    if chosen is not None:
        if not chosen.is_file():
            raise ConfigError(f"{chosen}: settings file not found")
        return chosen
    default = (cwd or Path.cwd()) / FILE_NAME
    return default if default.is_file() else None


def load(path: Path | None = None, *, env: Mapping[str, str] | None = None,
         cwd: Path | None = None) -> Config:
    """Defaults, then the settings file, then ``BACAKAN_FEED_*`` variables."""
    env = os.environ if env is None else env
    source = find_file(path, env, cwd)
    values: dict[str, Any] = {}
    subs: tuple[SubFeed, ...] = ()
    narration = Narration()
    where = str(source) if source else "settings"
    if source is not None:
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{source}: invalid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read: {exc.strerror or exc}") from None
        for key in data:
            if key not in ("feed", "feeds", "narration"):
                raise ConfigError(f"{source}: unknown section {key!r} "
                                  "(known: [feed], [feeds.<name>], [narration])")
        values = _check_table(data.get("feed", {}), SETTINGS, f"{source}: [feed]")
        if "cover" in values:
            values["cover"] = _resolve_cover(values["cover"], source.parent) or None
        subs = _subfeeds(data.get("feeds", {}), str(source), source.parent)
        narration = _narration(data.get("narration", {}), f"{source}: [narration]", source.parent)
    for setting in SETTINGS:
        variable = ENV_PREFIX + setting.name.upper()
        if variable in env:
            value = _coerce(setting.name, env[variable], f"environment {variable}")
            if setting.name in _PATHS:
                value = _resolve_cover(value, cwd or Path.cwd()) or None
            values[setting.name] = value
    if env.get(ENV_LEXICON):
        extra = tuple(Path(p) for p in env[ENV_LEXICON].split(os.pathsep) if p)
        missing = [str(p) for p in extra if not p.is_file()]
        if missing:
            raise ConfigError(f"environment {ENV_LEXICON}: lexicon file {missing[0]} not found")
        narration = Narration(narration.voice, narration.lexicons + extra, narration.mastering)
    feed = FeedSettings(**values, feeds=subs)
    _validate(feed, where)
    return Config(feed=feed, source=source, narration=narration)
