"""Rule machinery: ordered regex rules that replace written spans by protected spoken spans.

A finished span is swapped for one private-use character (plane 15) surrounded by spaces, so
later rules cannot see its digits, dots or slashes again, and ``explain`` can report it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bacakan.normalise.lexicon import Lexicon

PH_BASE = 0xF0000
PH_LIMIT = 0xFFFFD
PLACEHOLDER_RE = re.compile("[\U000f0000-\U000ffffd]")


@dataclass(frozen=True)
class Change:
    """One edit: the written span, what is said instead, and the rule or lexicon entry
    (``file:line``) that made it."""

    written: str
    spoken: str
    rule: str


class Work:
    """The text being normalised plus the spans already done."""

    __slots__ = ("changes", "lexicon", "text")

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.changes: list[Change] = []

    def written(self, raw: str) -> str:
        """``raw`` with placeholders put back to their written text."""
        if not PLACEHOLDER_RE.search(raw):
            return " ".join(raw.split())
        out = PLACEHOLDER_RE.sub(lambda m: self.changes[ord(m.group()) - PH_BASE].written, raw)
        return " ".join(out.split())

    def protect(self, raw: str, spoken: str, rule: str) -> str:
        index = len(self.changes)
        if PH_BASE + index > PH_LIMIT:  # absurdly long input: leave the rest to the word pass
            return raw
        self.changes.append(Change(self.written(raw), " ".join(spoken.split()), rule))
        return f" {chr(PH_BASE + index)} "


RuleFn = Callable[[re.Match[str], Work], str | None]


@dataclass(frozen=True)
class Rule:
    """``fn`` returns the spoken form, or None to leave the match alone.

    If the pattern has a group named ``x`` only that group is replaced; the rest of the match
    is context that stays for later rules.
    """

    name: str
    pattern: re.Pattern[str]
    fn: RuleFn
    gate: re.Pattern[str] | None = None  # cheap pre-check: skip the rule when it finds nothing

    def apply(self, work: Work) -> None:
        if self.gate is not None and self.gate.search(work.text) is None:
            return
        has_x = "x" in self.pattern.groupindex

        def repl(m: re.Match[str]) -> str:
            spoken = self.fn(m, work)
            if spoken is None:
                return m.group(0)
            if has_x and m.start("x") >= 0:
                start, end = m.span("x")
                whole = m.string
                return (
                    whole[m.start() : start]
                    + work.protect(m.group("x"), spoken, self.name)
                    + whole[end : m.end()]
                )
            return work.protect(m.group(0), spoken, self.name)

        work.text = self.pattern.sub(repl, work.text)


DIGIT_GATE = "[0-9]"


def rule(
    name: str, pattern: str, flags: int = 0, gate: str | None = None
) -> Callable[[RuleFn], Rule]:
    """Decorator: compile ``pattern`` (and the optional ``gate``) once and wrap the function."""

    def wrap(fn: RuleFn) -> Rule:
        return Rule(name, re.compile(pattern, flags), fn, re.compile(gate) if gate else None)

    return wrap


def const(name: str, pattern: str, spoken: str, flags: int = 0, gate: str | None = None) -> Rule:
    """A rule that always says the same thing (``spoken`` may be '' to drop the span)."""
    return Rule(
        name, re.compile(pattern, flags), lambda _m, _w: spoken, re.compile(gate) if gate else None
    )
