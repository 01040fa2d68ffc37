"""Who refers to whom: explicit ``related`` front matter and references found in prose, together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Document


@dataclass(frozen=True)
class Edge:
    """One page referring to one point; ``kind`` is "related" (front matter) or "mention"."""

    source: str
    target: int
    kind: str


class ReferenceGraph:
    """The reference graph of a build.

    Pages are named by their source path; a point's page by its own. ``refers_to`` and
    ``referenced_by`` merge both kinds of edge, deduplicated, points in number order.
    """

    def __init__(
        self, document: Document, point_pages: dict[int, str], mentions: dict[str, set[int]]
    ) -> None:
        self.point_pages = point_pages
        self.page_points = {page: number for number, page in point_pages.items()}
        edges: set[Edge] = set()
        for point in document.points:
            page = point_pages[point.number]
            edges.update(Edge(page, number, "related") for number in point.meta.related)
        for page, numbers in mentions.items():
            own = self.page_points.get(page)
            edges.update(Edge(page, number, "mention") for number in numbers if number != own)
        self.edges = sorted(
            edges, key=lambda e: (self.page_points.get(e.source, 0), e.source, e.target, e.kind)
        )
        self._out: dict[str, set[int]] = {}
        self._in: dict[int, set[str]] = {}
        for edge in self.edges:
            self._out.setdefault(edge.source, set()).add(edge.target)
            self._in.setdefault(edge.target, set()).add(edge.source)

    def refers_to(self, number: int) -> list[int]:
        """Points that point ``number`` refers to, in number order."""
        return sorted(self._out.get(self.point_pages[number], ()))

    def refers_to_pages(self, number: int) -> list[str]:
        """The pages of the points that point ``number`` refers to."""
        return [self.point_pages[target] for target in self.refers_to(number)]

    def referenced_by(self, number: int) -> set[str]:
        """The pages (by source path) that refer to point ``number``."""
        return set(self._in.get(number, ()))

    def as_data(self, document: Document, pages: dict[str, tuple[str, str]]) -> dict[str, Any]:
        """The graph as plain data for export.

        ``pages`` gives each page's title and site URL by source path. Nodes are the points and
        the other pages that refer to them; an edge says which node refers to which point, and
        whether through front matter ("related") or prose ("mention").
        """

        def node_id(src_uri: str) -> str:
            number = self.page_points.get(src_uri)
            return document.anchor(number) if number is not None else f"page:{src_uri}"

        nodes = [
            {
                "id": node_id(src_uri),
                "number": self.page_points.get(src_uri),
                "title": pages[src_uri][0],
                "url": pages[src_uri][1],
            }
            for src_uri in [
                *self.point_pages.values(),
                *sorted(self._out.keys() - set(self.page_points)),
            ]
        ]
        edges = [
            {"source": node_id(e.source), "target": document.anchor(e.target), "kind": e.kind}
            for e in self.edges
        ]
        return {"title": document.meta.title, "nodes": nodes, "edges": edges}
