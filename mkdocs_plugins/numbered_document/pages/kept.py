"""What a rebuild under `mkdocs serve` takes from the last one when nothing it is made from
changed: the generated pages, the lists of links and the data files.

A generated page is made from the document, the settings, the interface's catalog, the site's
name and addresses, and the templates; nothing else (no clock, no environment). So while the
loader gives the same document (``LoadedFiles``: no content file changed) and the rest is as it
was, the pages are the ones the last rebuild made: editing a hand-written page under `mkdocs
serve` no longer writes every generated page again (at 2,800 points, 0.8 s of each rebuild).
The lists of links and the data files are made from the same, and from what every page refers
to and its address and title: while those are the same too, so are they.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..catalog import LOCALES
from ..model import Document
from ..templating import TEMPLATES
from . import Generated, Site

T = TypeVar("T")


def inputs(site: Site, *more: Any) -> tuple[Any, ...]:
    """What the pages are made from besides the document: the settings, the language, the
    site's name and address, each template and catalog file (by its time of change and size:
    a site's template edited under `mkdocs serve` makes the pages again), and ``more`` (what
    the adapter knows of pages' addresses)."""
    folders = [*site.template_folders, TEMPLATES, LOCALES]
    files = tuple((path, found.st_mtime_ns, found.st_size) for path, found in _files(folders))
    settings = tuple(site.settings.items())
    return (settings, site.catalog.language, site.site_name, site.site_url, files, more)


def _files(folders: Iterable[Path]) -> Iterator[tuple[Path, Any]]:
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    yield path, path.stat()


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
