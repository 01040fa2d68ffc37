"""Word-level differences between two wordings: exact HTML for each kind of change."""

from __future__ import annotations

import pytest

from mkdocs_plugins.numbered_document.diffs import word_diff

CASES = [
    # (before, after, expected HTML)
    ("a b c", "a b c", "a b c"),
    ("a b", "a x b", "a <ins>x</ins> b"),
    ("a x b", "a b", "a <del>x</del> b"),
    ("a b c d", "a c", "a <del>b</del> c <del>d</del>"),
    ("a b c", "c", "<del>a b</del> c"),
    ("x", "y z", "<del>x</del> <ins>y z</ins>"),
    (
        "reduced to 600 000 military personnel.",
        "capped at 800 000 in peacetime.",
        "<del>reduced to 600</del> <ins>capped at 800</ins> 000 "
        "<del>military personnel</del> <ins>in peacetime</ins>.",
    ),
    # A word keeps its inner apostrophe, typographic or not.
    ("Ukraineʼs army", "Ukraine’s army", "<del>Ukraineʼs</del> <ins>Ukraine’s</ins> army"),
    # Punctuation is a change of its own.
    ("war, and peace", "war and peace", "war<del>,</del> and peace"),
    # Only spacing changed: nothing is marked.
    ("a  b\nc", "a b c", "a b c"),
    # Text is escaped, never markup.
    ("<b>&", "<b> &amp;", "&lt;b&gt; &amp;<ins>amp;</ins>"),
    ("", "new words", "<ins>new words</ins>"),
    ("old words", "", "<del>old words</del>"),
    ("Путін", "Путін та Зеленський", "Путін <ins>та Зеленський</ins>"),
]


@pytest.mark.parametrize(("before", "after", "expected"), CASES)
def test_word_diff(before: str, after: str, expected: str) -> None:
    assert word_diff(before, after) == expected
