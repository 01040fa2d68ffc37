"""Synthetic content of the same shape as the real document, at any size, for `make bench`.

Each point's text mentions about 20 glossary terms and a few other points, like the real
content's context sections; terms are two pseudo-words, so no form is a prefix of English prose.
"""

from __future__ import annotations

import random
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ve", "ri", "do", "pa", "ze", "gu", "fi", "ho"]


def words(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct pseudo-words of four syllables (14⁴ = 38,416 to draw from)."""
    if count > len(SYLLABLES) ** 4 // 2:
        raise ValueError(f"too many words asked for: {count}")
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(rng.choice(SYLLABLES) for _ in range(4))] = None
    return list(found)


def generate(root: Path, points: int, terms: int, events: int, seed: int = 7) -> None:
    """Write document.yml, points/, glossary/ and timeline/ under ``root``."""
    rng = random.Random(seed)
    vocabulary = words(terms * 2 + 200, rng)
    term_forms = [f"{vocabulary[2 * i]} {vocabulary[2 * i + 1]}" for i in range(terms)]
    filler = vocabulary[terms * 2 :]
    (root / "points").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "timeline").mkdir()
    actors = [f"actor-{n}" for n in range(10)]
    (root / "document.yml").write_text(
        "title: Synthetic document\nshort_title: Synthetic\ndescription: Generated for the "
        "benchmark.\ndate: 2025-01-01\ntext_source: source-0\nitems:\n  singular: point\n"
        "  plural: points\nsources:\n"
        + "".join(
            f"  - id: source-{n}\n    title: Source {n}\n    date: 2025-01-0{n + 1}\n"
            for n in range(3)
        )
        + "parties:\n"
        + "".join(f"  - id: party-{n}\n    name: Party {n}\n    kind: state\n" for n in range(6))
        + "topics:\n"
        + "".join(
            f"  - id: topic-{n}\n    name: Topic {n}\n    description: Topic {n}.\n"
            for n in range(8)
        )
        + "actors:\n"
        + "".join(f"  - id: {a}\n    name: Actor {a[6:]}\n    kind: person\n" for a in actors),
        encoding="utf-8",
    )
    for n in range(terms):
        (root / "glossary" / f"term-{n:05d}.yml").write_text(
            f"term: {term_forms[n]}\n"
            f"definition: Meaning number {n}, see point {rng.randint(1, points)}.\n"
            "sources: [source-0]\n",
            encoding="utf-8",
        )

    def sentence(mentions: int) -> str:
        parts = []
        for _ in range(mentions):
            parts += [*rng.sample(filler, 5), rng.choice(term_forms)]
        return " ".join(parts).capitalize() + "."

    for n in range(1, points + 1):
        others = rng.sample(range(1, points + 1), 3)
        items = "".join(f"- {sentence(2)}\n" for _ in range(rng.randint(0, 3)))
        body = (
            f"{sentence(8)} {sentence(6)}\n\n{items}\n## Context\n\n"
            f"{sentence(4)} See point {others[0]}, and points {others[1]} and {others[2]}.\n"
        )
        front = (
            f"---\nnumber: {n}\ntitle: Point title {n}\nsummary: {sentence(1)}\n"
            f"parties: [party-{n % 6}]\ntopics: [topic-{n % 8}]\nrelated: []\n"
            "sources: [source-0]\n---\n"
        )
        (root / "points" / f"{n:05d}-point.md").write_text(front + body, encoding="utf-8")
    for n in range(events):
        day = 1 + n % 28
        (root / "timeline" / f"2025-02-{day:02d}-event-{n:05d}.yml").write_text(
            f"date: 2025-02-{day:02d}\nprecision: day\nactor: {rng.choice(actors)}\n"
            f"summary: {sentence(2)} It concerns point {rng.randint(1, points)}.\n"
            f"sources: [source-1]\npoints: [{rng.randint(1, points)}]\n",
            encoding="utf-8",
        )
