"""What a rebuild under `mkdocs serve` takes from the last one when nothing it is made from
changed: the generated pages, the lists of links and the data files.

A generated page is made from the document, the settings, the interface's catalog, the site's
name and addresses, and the templates; nothing else (no clock, no environment). Each is compared
by value, the templates by their text. So while the loader gives the same document
(``LoadedFiles``: no content file changed) and the rest is as it was, the pages are the ones the
last rebuild made: editing a hand-written page under `mkdocs serve` no longer writes every
generated page again (at 2,800 points, 0.8 s of each rebuild). The lists of links and the data
files are made from the same, and from what every page refers to and its address and title:
while those are the same too, so are they.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..model import Document
from ..templating import TEMPLATES
from . import Generated, Site

T = TypeVar("T")


def inputs(site: Site, *more: Any) -> tuple[Any, ...]:
    """What the pages are made from besides the document: the settings, the catalog's language
    and messages (as read for this build), the site's name and address, each template file
    with its text (a site's template edited under `mkdocs serve` makes the pages again), and
    ``more`` (what the adapter knows of pages' addresses)."""
    templates = tuple(_texts([*site.template_folders, TEMPLATES]))
    catalog = site.catalog
    settings = tuple(site.settings.items())
    return (
        settings,
        catalog.language,
        catalog.messages,
        site.site_name,
        site.site_url,
        templates,
        more,
    )


def _texts(folders: Iterable[Path]) -> Iterator[tuple[Path, bytes]]:
    """Each file under the folders, through linked folders too (as the templates are found),
    with its bytes: they are small, and an edit need not change a file's time or size where
    times are coarse. Read before the pages are made, so an edit made meanwhile shows as a
    change at the next rebuild."""
    for folder in folders:
        seen: set[str] = set()
        for root, folders_in, names in os.walk(folder, followlinks=True):
            real = os.path.realpath(root)
            if real in seen:  # a link back up the tree
                folders_in.clear()
                continue
            seen.add(real)
            folders_in.sort()
            for name in sorted(names):
                path = Path(root, name)
                try:
                    yield path, path.read_bytes()
                except OSError:  # a link to nothing
                    continue


def frozen(found: Mapping[str, Iterable[Any]]) -> dict[str, frozenset[Any]]:
    """What each page names (points, terms), as a value the next rebuild compares."""
    return {page: frozenset(names) for page, names in found.items()}


class Kept(Generic[T]):
    """The last value made from a document and other inputs: kept while the loader gives the
    same document object and the other inputs compare equal."""

    def __init__(self) -> None:
        self.last: tuple[Document, Any, T] | None = None

    def get(self, document: Document, made_from: Any, make: Callable[[], T]) -> T:
        if self.last is not None:
            before, before_inputs, value = self.last
            if before is document and before_inputs == made_from:
                return value
        value = make()
        self.last = (document, made_from, value)
        return value


def own_pages(pages: Mapping[str, Generated]) -> dict[str, Generated]:
    """Kept pages for one build, each with metadata of its own (a build may change a page's
    metadata, and the adapter lets go of the pages it is given)."""
    return {
        src_uri: Generated(page.markdown, _copied(page.meta)) for src_uri, page in pages.items()
    }


def _copied(value: Any) -> Any:
    return {key: _copied(item) for key, item in value.items()} if isinstance(value, dict) else value
