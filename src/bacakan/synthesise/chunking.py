"""Split one sentence into requests of at most ``limit`` characters, at the best place available.

Google's endpoint takes at most 100 characters. gTTS cuts at the last space before the limit,
which can split a clause ("... kepada | warga"). Here the order of preference is:

1. the whole sentence, when it fits;
2. clause boundaries (after , ; : or a dash), packing whole clauses greedily;
3. before a conjunction that starts a new clause ("dan", "yang", "karena" ...);
4. any space;
5. only a single word longer than the limit (a URL) is ever cut inside, because nothing else can.

Re-joining the chunks with spaces gives the sentence back (modulo whitespace).
"""

from __future__ import annotations

import re

# Indonesian words that commonly open a clause; splitting before them sounds like a natural breath.
CONJUNCTIONS = frozenset({
    "dan", "atau", "tetapi", "namun", "yang", "karena", "sehingga", "agar", "supaya", "bahwa",
    "ketika", "saat", "sementara", "serta", "untuk", "dengan", "jika", "bila", "meskipun",
    "walaupun", "sebab", "hingga", "sejak", "setelah", "sebelum", "lalu", "kemudian",
})

_CLAUSE_END = re.compile(r"(?<=[,;:\u2013\u2014])\s+|\s+(?=[\u2013\u2014]\s)")


def _pack(pieces: list[str], limit: int) -> list[str]:
    """Greedily join pieces (in order, with spaces) into chunks of at most ``limit``."""
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + 1 + len(piece) <= limit:
            chunks[-1] = f"{chunks[-1]} {piece}"
        else:
            chunks.append(piece)
    return chunks


def _split_words(clause: str, limit: int) -> list[str]:
    words = clause.split()
    # Phrases that start at a conjunction; each is then packed by words if still too long.
    phrases: list[list[str]] = [[]]
    for word in words:
        if phrases[-1] and word.lower() in CONJUNCTIONS:
            phrases.append([])
        phrases[-1].append(word)
    pieces: list[str] = []
    for phrase in phrases:
        text = " ".join(phrase)
        if len(text) <= limit:
            pieces.append(text)
            continue
        for word in phrase:
            # Only a word longer than the whole limit is cut; nothing else could be done with it.
            pieces.extend(word[i:i + limit] for i in range(0, len(word), limit))
    return _pack(pieces, limit)


def split_for_requests(sentence: str, limit: int = 100) -> list[str]:
    """The chunks to send for one sentence, each at most ``limit`` characters, none empty."""
    if limit < 1:
        raise ValueError("limit must be positive")
    text = " ".join(sentence.split())
    if not text:
        return []
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for clause in _CLAUSE_END.split(text):
        clause = clause.strip()
        if not clause:
            continue
        pieces.extend([clause] if len(clause) <= limit else _split_words(clause, limit))
    return _pack(pieces, limit)
