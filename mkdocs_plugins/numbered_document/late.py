"""The parts of pages that need every page converted first: who refers to a point, where a term
is used. Pages carry a placeholder for each (written by their templates); once the reference
graph is complete, each is rendered from a small HTML template and put in place, in one pass
over the page however many it holds (as autorefs resolves its references late). No MkDocs import.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .graph import ReferenceGraph
from .pages import Site
from .sorting import sort_key

REFERS_TO = '<div class="nd-links" data-nd-refers-to="{number}"></div>'
REFERENCED_BY = '<div class="nd-links" data-nd-referenced-by="{number}"></div>'
USED_IN = '<div class="nd-used-in" data-nd-used-in="{term}"></div>'

URL = "nd-url-b2f6c1"
"""Stands in for a link's URL while an item's template is rendered once for every page."""

PLACEHOLDER = re.compile(r'<div class="nd-[a-z-]+" data-nd-[a-z-]+="[^"<>]*"></div>')
"""Any of the placeholders above, once filled in."""

_NAME = re.compile(r'data-nd-[a-z-]+="[^"<>]*"')
"""What names a placeholder: its data attribute (``data-nd-used-in="amnesty"``)."""
WRAPPED = re.compile(r'<!--nd-late (data-nd-[a-z-]+="[^"<>]*")-->.*?<!--/nd-late-->', re.DOTALL)
"""A list as ``fill_all`` writes it with ``wrap``: between two comments that name it."""


def _name(placeholder: str) -> str:
    found = _NAME.search(placeholder)
    return found.group() if found else placeholder


def _wrapped(placeholder: str, html_text: str) -> str:
    return f"<!--nd-late {_name(placeholder)}-->{html_text}<!--/nd-late-->"


def fill_all(html_text: str, parts: Mapping[str, str], wrap: bool = False) -> str:
    """Replace each placeholder (a key of ``parts``, such as ``USED_IN`` filled in) with its
    HTML, in one pass over the page however many there are.

    With ``wrap``, each list stands between two comments that name it, so that a page written
    once can have its lists replaced without being built again (``refill``: a dirty build of a
    page whose own inputs did not change, but who refers to it did)."""
    if not parts:
        return html_text

    def fill(match: re.Match[str]) -> str:
        found = parts.get(match.group())
        if found is None:
            return match.group()
        return _wrapped(match.group(), found) if wrap else found

    return PLACEHOLDER.sub(fill, html_text)


def refill(html_text: str, parts: Mapping[str, str]) -> tuple[str, set[str]]:
    """The page with each list that ``fill_all`` wrapped replaced by its new HTML (``parts``
    as for ``fill_all``), and the placeholders of ``parts`` it does not hold (a page written
    by another version: it must be built again)."""
    new = {_name(placeholder): html for placeholder, html in parts.items()}
    seen: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in new:
            return match.group()
        seen.add(name)
        return _wrapped(name, new[name])

    text = WRAPPED.sub(fill, html_text)
    return text, {p for p in parts if _name(p) not in seen}


@dataclass
class LateLists:
    """The lists of links of one build, by page; made once every page's URL is known.

    ``urls`` gives each page's URL by source path, ``titles`` its title as the site shows it
    (HTML-ready text). ``previews`` marks links to points for the theme's hover previews.
    """

    site: Site
    urls: Mapping[str, str]
    titles: Mapping[str, str]
    relative_url: Callable[[str, str], str]
    """The link from one page's URL to another's (the site generator's own rule)."""
    previews: bool = False
    _items: dict[tuple[str, str], str] = field(default_factory=dict)
    _shapes: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _point_pages(self) -> dict[str, int]:
        """Each point page's number, by source path: made once, asked for by every list."""
        return {self.site.path("point", p): p.number for p in self.site.document.points}

    def by_page(
        self, graph: ReferenceGraph, uses: Mapping[str, set[str]]
    ) -> dict[str, dict[str, str]]:
        """Source path of each page with late parts → its placeholders and their HTML."""
        site, late = self.site, {}
        t = site.catalog
        for number, src_uri in graph.point_pages.items():
            refers = self.links(src_uri, set(graph.refers_to_pages(number)))
            referenced = self.links(src_uri, graph.referenced_by(number))
            late[src_uri] = {
                REFERS_TO.format(number=number): refers or self._none(t("point.names_no_other")),
                REFERENCED_BY.format(number=number): referenced
                or self._none(t("point.no_referrer")),
            }
        glossary = site.path("glossary")
        if glossary:
            users: dict[str, set[str]] = {}
            for uri, terms in uses.items():
                if uri != glossary:
                    for term_id in terms:
                        users.setdefault(term_id, set()).add(uri)
            late[glossary] = {
                USED_IN.format(term=term.id): site.fragment(
                    "used_in.html",
                    links=self.links(glossary, users.get(term.id, set())),
                    count=len(users.get(term.id, ())),
                    empty=self._none,
                )
                for term in site.document.terms
            }
        return late

    def _none(self, text: str) -> str:
        return self.site.fragment("none.html", text=text)

    def links(self, here: str, sources: set[str]) -> str:
        """Links from one page to others: points first in number order, then pages by title."""
        numbers = self._point_pages
        points = sorted(numbers[uri] for uri in sources if uri in numbers)
        others = sorted(
            (uri for uri in sources if uri not in numbers),
            key=lambda uri: sort_key(self.titles.get(uri) or ""),
        )
        here_url = self.urls[here]
        items = [self._item(here_url, self._point_uris[number]) for number in points]
        items += [self._item(here_url, uri) for uri in others]
        wrapper = self._wrapper
        if wrapper is None:
            return self.site.fragment("links.html", items=items)
        return f"{wrapper[0]}{''.join(items)}{wrapper[1]}" if items else ""

    @cached_property
    def _wrapper(self) -> tuple[str, str] | None:
        """What ``links.html`` puts before and after the items, where it only wraps them (as
        the shipped one does: found by rendering it with stand-ins for one and two items, and
        for none); None for a template that does more, which is then rendered for each list."""
        first, second = f"{URL}-1", f"{URL}-2"
        one = self.site.fragment("links.html", items=[first])
        before, found, after = one.partition(first)
        two = self.site.fragment("links.html", items=[first, second])
        none = self.site.fragment("links.html", items=[])
        if found and two == f"{before}{first}{second}{after}" and none == "":
            return before, after
        return None

    def _item(self, here_url: str, target: str) -> str:
        """One page's item in a list on another. Its template is rendered once per target with
        a stand-in for the link, which each page's relative URL then replaces: the glossary
        page lists each point under every term it uses (78,000 items at 2,800 points, 2,800
        different), and a render costs fifty times a replacement."""
        key = (here_url, target)
        item = self._items.get(key)
        if item is None:
            url = self.relative_url(self.urls[target], here_url)
            shape = self._shapes.get(target)
            if shape is None:
                shape = self._shapes[target] = self._render_item(target, URL)
            if URL in shape:
                item = shape.replace(URL, html.escape(url))
            else:  # a site's template that does something else with the link
                item = self._render_item(target, url)
            self._items[key] = item
        return item

    def _render_item(self, target: str, url: str) -> str:
        number = self._point_pages.get(target)
        if number is None:
            title = self.titles.get(target) or target
            return self.site.fragment("page_item.html", title=title, url=url)
        point = self.site.document.by_number[number]
        return self.site.fragment("point_item.html", point=point, url=url, previews=self.previews)

    @cached_property
    def _point_uris(self) -> dict[int, str]:
        return {number: uri for uri, number in self._point_pages.items()}
