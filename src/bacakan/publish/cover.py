"""Podcast cover art: check a configured image, or draw a default one naming the feed.

Apple wants a square 1400–3000 px RGB JPEG or PNG (design/feeds-audio.md C03); 3000 px is its
preferred size. The default cover is redrawn only when its inputs change: a fingerprint of the
inputs is stored in the JPEG comment and compared before drawing, so rebuilding the feed after
every episode costs one header read, and concurrent rebuilds write identical bytes atomically.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bacakan import atomic
from bacakan.errors import ConfigError

SIZE = 3000
MIN_SIZE, MAX_SIZE = 1400, 3000
_DESIGN = "bacakan-cover-1"  # bump when the drawing changes, so existing covers are redrawn
# Dark backgrounds that keep white text above WCAG AA contrast; picked by the feed's name.
_PALETTE = ((0x1B, 0x4D, 0x3E), (0x7A, 0x1F, 0x2B), (0x1F, 0x3A, 0x68), (0x4A, 0x2C, 0x6D),
            (0x8A, 0x3B, 0x12), (0x22, 0x3B, 0x40))
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}


def problems(path: Path) -> list[str]:
    """What makes ``path`` unacceptable as podcast artwork (empty when it is fine)."""
    expected = _FORMATS.get(path.suffix.lower())
    if expected is None:
        return [f"cover must be .jpg, .jpeg or .png, not {path.suffix or 'no extension'}"]
    try:
        with Image.open(path) as image:
            found, mode, (width, height) = image.format, image.mode, image.size
    except (OSError, ValueError) as exc:
        return [f"cannot read cover image: {exc}"]
    issues = []
    if found != expected:
        issues.append(f"cover is {found} but named {path.suffix}")
    if width != height:
        issues.append(f"cover must be square, is {width}x{height}")
    elif not MIN_SIZE <= width <= MAX_SIZE:
        issues.append(f"cover must be {MIN_SIZE}-{MAX_SIZE} px wide, is {width}")
    if mode != "RGB":
        issues.append(f"cover must be RGB without alpha, is {mode}")
    return issues


def install(source: Path, out: Path, stem: str) -> str:
    """Copy a configured cover into ``out`` as ``<stem><ext>`` (only when its bytes changed).

    Returns its path relative to ``out``. A cover already inside ``out`` is used where it is.
    """
    if not source.is_file():
        raise ConfigError(f"cover image {source} does not exist")
    issues = problems(source)
    if issues:
        raise ConfigError(f"cover image {source}: {'; '.join(issues)}")
    resolved, root = source.resolve(), out.resolve()
    if resolved.is_relative_to(root):
        return resolved.relative_to(root).as_posix()
    name = f"{stem}{source.suffix.lower()}"
    data = source.read_bytes()
    target = out / name
    if not (target.is_file() and target.read_bytes() == data):
        atomic.write_bytes(target, data)
    return name


def _fingerprint(title: str, subtitle: str) -> str:
    return hashlib.sha256(f"{_DESIGN}\n{SIZE}\n{title}\n{subtitle}".encode()).hexdigest()


def _stored_fingerprint(path: Path) -> str | None:
    try:
        with Image.open(path) as image:
            comment = image.info.get("comment")
    except (OSError, ValueError):
        return None
    return comment.decode("ascii", "replace") if isinstance(comment, bytes) else None


def _draw(title: str, subtitle: str) -> Image.Image:
    digest = hashlib.sha256(title.encode()).digest()
    background = _PALETTE[digest[0] % len(_PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    margin = SIZE // 10
    # Pillow's bundled font: the same glyphs on every machine, no system font needed.
    big = ImageFont.load_default(size=SIZE // 11)
    small = ImageFont.load_default(size=SIZE // 24)
    # A row of bars like a sound wave, from the title's hash: each feed looks a little different.
    bar_w, gap, base_y = SIZE // 40, SIZE // 60, SIZE // 4
    for index in range(16):
        height = SIZE // 40 + digest[index + 1] % (SIZE // 10)
        x = margin + index * (bar_w + gap)
        draw.rounded_rectangle((x, base_y - height, x + bar_w, base_y + height), radius=bar_w // 2,
                               fill=(255, 255, 255))
    lines = textwrap.wrap(title, width=16, max_lines=5, placeholder="…") or [" "]
    y = SIZE * 2 // 5
    for line in lines:
        draw.text((margin, y), line, font=big, fill=(255, 255, 255))
        y += SIZE // 9
    draw.text((margin, SIZE - margin - SIZE // 24), subtitle, font=small, fill=(235, 235, 235))
    return image


def ensure_default(out: Path, name: str, title: str, subtitle: str = "bacakan · berita dibacakan"
                   ) -> str:
    """Draw ``out/name`` (JPEG) for ``title`` unless the file there has the same inputs."""
    target = out / name
    key = _fingerprint(title, subtitle)
    if _stored_fingerprint(target) == key:
        return name
    image = _draw(title, subtitle)
    with atomic.atomic_path(target) as tmp:
        image.save(tmp, format="JPEG", quality=88, dpi=(72, 72), comment=key.encode("ascii"))
    return name


def resolve(cover: str | None, out: Path, stem: str, title: str) -> str:
    """The cover for a feed: an https URL as given, a configured file installed into ``out``,
    or the default drawing at ``out/<stem>.jpg``. Returns the URL or path relative to ``out``."""
    if cover and cover.startswith(("http://", "https://")):
        return cover
    if cover:
        return install(Path(cover), out, stem)
    return ensure_default(out, f"{stem}.jpg", title)
