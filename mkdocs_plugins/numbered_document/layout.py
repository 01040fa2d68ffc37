"""Where each generated page lives, as source paths relative to the docs root."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .model import Point


@dataclass(frozen=True)
class Layout:
    """Source paths of the generated pages; MkDocs derives their URLs from these."""

    points_dir: str = "points"
    full_text: str = "full-text.md"
    format_page: str = ""

    def point(self, point: Point) -> str:
        """A point's page: its file's name under the points folder, so its URL never drifts."""
        return f"{self.points_dir}/{point.stem}.md"

    @property
    def index(self) -> str:
        return f"{self.points_dir}/index.md"


def relative_path(page: str, target: str) -> str:
    """The Markdown link from one source file to another, both relative to the docs root."""
    if page == target:
        return ""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
