"""Benchmark: normalise_text sentences per second on realistic regional-news sentences.

Run from the repository root:  PYTHONPATH=src python benchmarks/normalise.py [--seconds 3]
Prints the rate, a same-run baseline (str.lower + whitespace split) and their ratio; exits 1
when the rate is below 5,000 sentences/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bacakan.normalise import normalise_text, split_sentences

TARGET = 5_000
# The seed articles live beside the repository (../shared/seed), or at the workplace's path.
SEED = next((p for p in (Path(__file__).resolve().parents[2] / "shared" / "seed",
                         Path("/work/shared/seed")) if p.is_dir()), Path("/work/shared/seed"))
CASES = Path(__file__).resolve().parent.parent / "tests" / "data"


def corpus() -> list[str]:
    """Sentences from the table-driven test cases plus any seed articles that are present."""
    sentences: list[str] = []
    for path in sorted(CASES.glob("normalise_cases_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                sentences.append(line.split("\t")[1])
    if SEED.is_dir():
        for path in sorted(SEED.glob("*.txt")):
            sentences.extend(split_sentences(path.read_text(encoding="utf-8")))
    return sentences


def rate(fn: Callable[[str], object], sentences: list[str], seconds: float) -> float:
    done = 0
    start = time.perf_counter()
    while True:
        for s in sentences:
            fn(s)
        done += len(sentences)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


def baseline(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    sentences = corpus()
    normalise_text(sentences[0])  # load the lexicon once, outside the timing
    base = rate(baseline, sentences, args.seconds / 3)
    ours = rate(normalise_text, sentences, args.seconds)
    mean_chars = sum(map(len, sentences)) / len(sentences)
    print(f"corpus: {len(sentences)} sentences, mean {mean_chars:.0f} characters")
    print(f"baseline (lower + split): {base:,.0f} sentences/s")
    print(
        f"normalise_text:           {ours:,.0f} sentences/s"
        f"  ({base / ours:.0f}x slower than baseline)"
    )
    if ours < TARGET:
        print(f"FAIL: below the {TARGET:,} sentences/s target", file=sys.stderr)
        return 1
    print(f"OK: above the {TARGET:,} sentences/s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
