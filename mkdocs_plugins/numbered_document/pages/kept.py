"""Generated pages kept between the rebuilds of `mkdocs serve`: made again only when what they
are made from changed.

A generated page is made from the document, the settings, the interface's catalog, the site's
name and addresses, and the templates; nothing else (no clock, no environment). So while the
loader gives the same document (``LoadedFiles``: no content file changed) and the rest is as it
was, the pages are the ones the last rebuild made: editing a hand-written page under `mkdocs
serve` no longer writes every generated page again (at 2,800 points, 0.8 s of each rebuild).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..catalog import LOCALES
from ..model import Document
from ..templating import TEMPLATES
from . import Generated, Site


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


class KeptPages:
    """The last pages made, with the document object and the inputs they were made from."""

    def __init__(self) -> None:
        self.last: tuple[Document, tuple[Any, ...], dict[str, Generated]] | None = None

    def pages(self, site: Site, *more: Any) -> dict[str, Generated]:
        """Every generated page by source path: the kept ones if the document is the same
        object and every other input is equal; else made, and kept."""
        made_from = inputs(site, *more)
        if self.last is not None:
            document, before, pages = self.last
            if document is site.document and before == made_from:
                return {src_uri: _copy(page) for src_uri, page in pages.items()}
        pages = site.generate()
        self.last = (site.document, made_from, dict(pages))
        return pages


def _copy(page: Generated) -> Generated:
    """A page as made, with metadata of its own (a build may change a page's metadata)."""
    return Generated(page.markdown, {key: _copied(value) for key, value in page.meta.items()})


def _copied(value: Any) -> Any:
    return {key: _copied(item) for key, item in value.items()} if isinstance(value, dict) else value
