"""Alphabetical order for readers."""

from __future__ import annotations

import unicodedata


def sort_key(text: str) -> str:
    """Alphabetical order for readers: accents and case ignored ("Élan" files under E).

    A full locale collation (ICU) would be a heavy dependency for what this order needs.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
