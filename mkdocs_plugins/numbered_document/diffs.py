"""Word-level differences between two wordings of a point, as HTML.

Python's own ``difflib`` does the matching (a well-kept library that needs no install); this
module only cuts the texts into words and writes the result as ``<del>`` and ``<ins>``, which
the stylesheet also marks with brackets, so a diff reads without colour and in print.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

TOKEN = re.compile(r"\s+|\w+(?:[’'ʼ]\w+)*|[^\w\s]")
"""Words (with their inner apostrophes), single punctuation marks, and runs of spaces."""


def tokens(text: str) -> list[str]:
    return TOKEN.findall(" ".join(text.split()))


def word_diff(before: str, after: str) -> str:
    """HTML of ``after`` against ``before``: removed words in ``<del>``, added in ``<ins>``.

    A space between two changed words stays inside the change, so "a b" replaced by "c d" reads
    as one deletion and one insertion, not four.
    """
    old, new = tokens(before), tokens(after)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    parts: list[str] = []
    for kind, i1, i2, j1, j2 in _merged(matcher.get_opcodes(), old):
        if kind == "equal":
            parts.append(html.escape("".join(old[i1:i2])))
            continue
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if not removed.strip() and not added.strip():  # only spacing changed: keep the new one
            parts.append(" " if added else "")
            continue
        # Spaces at the edges of a change stay outside it, so words never run together.
        edges = [text for text in (removed, added) if text]
        if any(text[0].isspace() for text in edges) and not "".join(parts)[-1:].isspace():
            parts.append(" ")
        if removed.strip():
            parts.append(f"<del>{html.escape(removed.strip())}</del>")
        if added.strip():
            # A space between the removed and the added words: text read without its tags
            # (the search index, a copied quote) would otherwise run them together.
            if removed.strip():
                parts.append(" ")
            parts.append(f"<ins>{html.escape(added.strip())}</ins>")
        if any(text[-1].isspace() for text in edges):
            parts.append(" ")
    return "".join(parts)


def _merged(
    opcodes: list[tuple[str, int, int, int, int]], old: list[str]
) -> list[tuple[str, int, int, int, int]]:
    """Fold an unchanged run of spaces alone between two changes into one change."""
    merged: list[tuple[str, int, int, int, int]] = []
    for opcode in opcodes:
        kind, _, i2, _, j2 = opcode
        if (
            len(merged) >= 2
            and kind != "equal"
            and merged[-1][0] == "equal"
            and "".join(old[merged[-1][1] : merged[-1][2]]).isspace()
            and merged[-2][0] != "equal"
        ):
            merged.pop()
            _, p1, _, q1, _ = merged.pop()
            merged.append(("replace", p1, i2, q1, j2))
            continue
        merged.append(opcode)
    return merged
