"""The pronunciation lexicon: ``voices/lexicon/*.tsv`` plus outlet files.

Each non-comment line is ``written<TAB>mode[<TAB>expansion]`` where mode is ``spell`` (letter
names), ``word`` (read as one word), ``expand`` (say the expansion) or ``say:<text>``. The
expansion is what the HTML page shows in ``<abbr title>``. Later files override earlier ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from bacakan.errors import ConfigError
from bacakan.normalise.numbers import DIGITS
from bacakan.paths import lexicon_dir

LETTER_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "a": "a",
        "b": "be",
        "c": "ce",
        "d": "de",
        "e": "e",
        "f": "ef",
        "g": "ge",
        "h": "ha",
        "i": "i",
        "j": "je",
        "k": "ka",
        "l": "el",
        "m": "em",
        "n": "en",
        "o": "o",
        "p": "pe",
        "q": "ki",
        "r": "er",
        "s": "es",
        "t": "te",
        "u": "u",
        "v": "ve",
        "w": "we",
        "x": "eks",
        "y": "ye",
        "z": "zet",
    }
)
MODES = ("spell", "word", "expand")


def spell_letters(text: str) -> str:
    """'AKBP' -> 'a ka be pe'; digits are named one by one; other characters are silent."""
    out: list[str] = []
    for ch in text.lower():
        if ch in LETTER_NAMES:
            out.append(LETTER_NAMES[ch])
        elif "0" <= ch <= "9":
            out.append(DIGITS[ord(ch) - 48])
        elif ch.isalpha():
            out.append(ch)
    return " ".join(out)


@dataclass(frozen=True)
class Entry:
    """One lexicon line. ``source`` is ``file:line`` for editors (``--explain``)."""

    written: str
    mode: str
    spoken: str
    expansion: str | None
    source: str


def _spoken_for(written: str, mode: str, expansion: str | None) -> str:
    if mode == "spell":
        return spell_letters(written)
    if mode == "word":
        return "".join(c for c in written.lower() if c.isalpha() or c == "-")
    if mode == "expand":
        return (expansion or "").lower()
    return mode[4:].strip().lower()


def _parse_line(raw: str, where: str) -> Entry | None:
    line = raw.rstrip("\r\n")
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cols = [c.strip() for c in line.split("\t")]
    while len(cols) > 2 and not cols[-1]:
        cols.pop()
    if len(cols) < 2 or len(cols) > 3:
        raise ConfigError(f"{where}: expected 2 or 3 tab-separated columns, got {len(cols)}")
    written, mode = cols[0], cols[1]
    expansion = cols[2] if len(cols) == 3 and cols[2] else None
    if not written or any(c.isspace() for c in written):
        raise ConfigError(f"{where}: the written form must be one token without spaces")
    if mode not in MODES and not mode.startswith("say:"):
        raise ConfigError(f"{where}: unknown mode {mode!r} (use spell, word, expand or say:<text>)")
    if mode.startswith("say:") and not mode[4:].strip():
        raise ConfigError(f"{where}: 'say:' needs the text to say")
    if mode == "expand" and not expansion:
        raise ConfigError(f"{where}: mode 'expand' needs an expansion in the third column")
    return Entry(written, mode, _spoken_for(written, mode, expansion), expansion, where)


class Lexicon:
    """Read-only lookup from a written token to its entry."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        exact: dict[str, Entry] = {}
        folded: dict[str, Entry] = {}
        for e in entries:
            exact[e.written] = e
            folded[e.written.casefold()] = e
        self._exact: Mapping[str, Entry] = MappingProxyType(exact)
        self._folded: Mapping[str, Entry] = MappingProxyType(folded)
        # Spoken forms of words, filled by normalise.words; safe because entries never change.
        self.memo: dict[str, tuple[str, str | None]] = {}

    def lookup(self, token: str) -> Entry | None:
        """Exact match first. Case-folded only for SHOUTED tokens (POLRI) and sentence-initial
        capitals of lower-case entries (Dll.), so the word ``as`` never hits the entry ``AS``."""
        hit = self._exact.get(token)
        if hit is not None:
            return hit
        hit = self._folded.get(token.casefold())
        if hit is None:
            return None
        if token.isupper() and len(token.rstrip(".")) > 2:
            return hit
        if token[:1].isupper() and hit.written[:1].islower():
            return hit
        return None

    def expansion(self, word: str) -> str | None:
        entry = self.lookup(word)
        return entry.expansion if entry else None

    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._exact.values())

    def __len__(self) -> int:
        return len(self._exact)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._exact.values())


def read_entries(path: Path) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read lexicon ({exc.__class__.__name__})") from exc
    out: list[Entry] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        entry = _parse_line(raw, f"{path.name}:{lineno}")
        if entry is not None:
            out.append(entry)
    return out


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    """The shipped base lexicon (every ``*.tsv`` in ``lexicon_dir()``, by name) then ``extra``."""
    entries: list[Entry] = []
    base = lexicon_dir()
    if base.is_dir():
        for path in sorted(base.glob("*.tsv")):
            entries.extend(read_entries(path))
    for path in extra:
        entries.extend(read_entries(Path(path)))
    return Lexicon(entries)
