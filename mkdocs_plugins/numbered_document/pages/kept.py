"""What a rebuild under `mkdocs serve` takes from the last one when nothing it is made from
changed: the generated pages, the lists of links and the data files.

A generated page is made from the document, the settings, the interface's catalog, the site's
name and addresses, and the templates; nothing else (no clock, no environment). Each is compared
by value, the templates by their text. So while the loader gives the same document
(``LoadedFiles``: no content file changed) and the rest is as it was, the pages are the ones the
last rebuild made: editing a hand-written page under `mkdocs serve` no longer writes every
generated page again (at 2,800 points, 0.8 s of each rebuild). Where content files changed, a
page is made again only where what it reads of the points, terms and events did (``KeptPages``,
``PageKind.reads``). The lists of links and the data files are made from the same, and from
what every page refers to and its address and title: while those are the same too, so are they.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from ..graph import ReferenceGraph
from ..model import Document
from ..opendata import KeptRecords
from ..templating import TEMPLATES
from . import Generated, Same, Site

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
    """The last value made from some inputs, kept while the inputs compare equal (by value:
    what must be the same object goes in as ``Same``)."""

    def __init__(self) -> None:
        self.last: tuple[Any, T] | None = None

    def get(self, made_from: Any, make: Callable[[], T]) -> T:
        if self.last is not None and self.last[0] == made_from:
            return self.last[1]
        value = make()
        self.last = (made_from, value)
        return value


def linked(site: Site) -> tuple[Any, ...]:
    """What the lists of links show of the content: each point's number, title, page and
    related points (``Refers to``, ``Referenced by``), each term's id (``Used in``), with what
    every page may show (``Site.shared``); the document itself where the site overrides a
    template (a site's list item may show any field)."""
    document = site.document
    if site.overrides_templates:
        return (Same(document),)
    points = tuple((p.number, p.title, p.stem, p.meta.related) for p in document.points)
    return (site.shared, points, tuple(term.id for term in document.terms))


class _Made(NamedTuple):
    """What a rebuild made its pages from, and the pages."""

    document: Document
    made_from: Any
    shared: tuple[Any, ...]
    reads: dict[str, tuple[Any, ...]]
    """Each page's reads (``Site.reads``)."""
    pages: dict[str, Generated]


class KeptPages:
    """The generated pages of the last rebuild, each with what it read of the content
    (``Site.reads``). While the settings, catalog, templates (``inputs``) and what every page
    may show (``Site.shared``) are the same, a rebuild makes again only the pages whose reads
    changed: a point edited under `mkdocs serve` makes its own page and the pages that show all
    points, not every other point's page (at 2,800 points, 0.6 of a second)."""

    def __init__(self) -> None:
        self.last: _Made | None = None
        self.made: list[str] = []
        """The pages the last call made (the others it took from the rebuild before)."""

    def get(self, site: Site, made_from: Any) -> dict[str, Generated]:
        document, last = site.document, self.last
        if last is not None and last.document is document and last.made_from == made_from:
            self.made = []
            return last.pages
        shared = site.shared
        reads = {src_uri: site.reads(src_uri) for src_uri in site.pages}
        if last is None or last.made_from != made_from or last.shared != shared:
            pages = site.generate()
            self.made = list(pages)
        else:
            pages, self.made = {}, []
            for src_uri, read in reads.items():
                kept = last.pages.get(src_uri)
                if kept is None or last.reads.get(src_uri) != read:
                    kept = site.page(src_uri)
                    self.made.append(src_uri)
                pages[src_uri] = kept
        self.last = _Made(document, made_from, shared, reads, pages)
        return pages


def own_pages(pages: Mapping[str, Generated]) -> dict[str, Generated]:
    """Kept pages for one build, each with metadata of its own (a build may change a page's
    metadata, and the adapter lets go of the pages it is given)."""
    return {
        src_uri: Generated(page.markdown, _copied(page.meta)) for src_uri, page in pages.items()
    }


def _copied(value: Any) -> Any:
    return {key: _copied(item) for key, item in value.items()} if isinstance(value, dict) else value


class Served:
    """What the rebuilds of `mkdocs serve` keep from one to the next, each made again only when
    what it is made from changed: the generated pages, the lists of links, the reference graph,
    the data files and the open data's records."""

    def __init__(self) -> None:
        self.pages = KeptPages()
        self.lists: Kept[dict[str, dict[str, str]]] = Kept()
        self.graph: Kept[ReferenceGraph] = Kept()
        self.data: Kept[dict[str, str]] = Kept()
        self.records = KeptRecords()
