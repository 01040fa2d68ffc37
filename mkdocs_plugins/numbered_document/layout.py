"""Where each generated page lives, as source paths relative to the docs root."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from .model import Point


@dataclass(frozen=True)
class Layout:
    """Source paths of the generated pages; MkDocs derives their URLs from these."""

    points_dir: str = "points"
    full_text: str = "full-text.md"
    format_page: str = ""
    glossary: str = ""
    """The glossary page; empty when the document has no glossary."""
    timeline: str = ""
    """The timeline page; empty when the document has no timeline."""
    actors: str = ""
    """The page of actors' profiles; empty when the document has no timeline."""
    parties_dir: str = ""
    """Folder of the party pages and their overview; empty for none."""
    topics_dir: str = ""
    """Folder of the topic pages and their overview; empty for none."""
    drafts_dir: str = ""
    """Folder of the draft pages; empty for none (and when the document names no drafts)."""
    changes: str = ""
    """The page of every change between drafts; empty for none."""
    site_name: str = ""
    """The site's name, for citations."""

    def point(self, point: Point) -> str:
        """A point's page: its file's name under the points folder, so its URL never drifts."""
        return f"{self.points_dir}/{point.stem}.md"

    @property
    def index(self) -> str:
        return f"{self.points_dir}/index.md"

    def party(self, party_id: str) -> str:
        return f"{self.parties_dir}/{party_id}.md"

    def topic(self, topic_id: str) -> str:
        return f"{self.topics_dir}/{topic_id}.md"

    def draft(self, draft_id: str) -> str:
        return f"{self.drafts_dir}/{draft_id}.md"

    @staticmethod
    def index_of(folder: str) -> str:
        """The overview page of a folder of generated pages."""
        return f"{folder}/index.md"


def relative_path(page: str, target: str) -> str:
    """The Markdown link from one source file to another, both relative to the docs root."""
    if page == target:
        return ""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def expand_nav(nav: list[Any], index: str, pages: list[str], title: str) -> bool:
    """Put the point pages under the points index wherever a site's ``nav`` lists the index.

    ``- Points: points/index.md`` becomes a section whose first page is the index (Material's
    ``navigation.indexes`` makes it the section's own page) followed by every point in number
    order, so that mkdocs.yml never lists points one by one. Returns whether the index was found.
    """
    for position, entry in enumerate(nav):
        if entry == index:
            nav[position] = {title: [index, *pages]}
            return True
        if isinstance(entry, dict):
            ((name, value),) = entry.items()
            if value == index:
                entry[name] = [index, *pages]
                return True
            if isinstance(value, list) and expand_nav(value, index, pages, title):
                return True
    return False
