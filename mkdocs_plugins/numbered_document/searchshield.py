"""The search index gets each page without the links the linkers made (and with the extra words
of ``searchwords``), then the page has them back: the index holds text, never links, so it is
the same either way (a build test compares it), but the search plugins parse every tag of a
page to find its text, and at 500 pages the 11,000 term links were the largest cost of the
glossary after matching: hiding them took what it adds from 16.5% to 12.2% of the build's
instructions (the same pair, `make bench`'s glossary row).

It also keeps the search plugins linear in the length of a page. A page the site leaves out
of search (``unindexed``: the full text, whose every point is indexed on its own page) reaches
them empty. Material's indexer looks up each heading's table-of-contents entry by scanning the
table from the start, so a page of 3,000 headings (a glossary of 3,000 terms) cost 4.5 million
comparisons; where the search plugin is Material's, it gets the page with no table of contents,
and as Material then makes each entry's address from the heading's id, which is what the
entry holds, the index is the same (a build test compares it).

Done only where nothing but a search plugin handles the page between the two hooks, and where
the search plugin leaves the content as it is (``SEARCH_REWRITES``); ``show`` checks that it
did. Pages and plugins are read by duck typing: no MkDocs import.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from . import treewalk

SEARCH_PLUGINS = frozenset({"search", "material/search"})
MATERIAL_SEARCH = "material.plugins.search"
"""The module of Material's search plugin, whose index needs no table of contents."""
SEARCH_REWRITES = re.compile(r'data-search-\w+="[^"]+"')
"""What Material's search plugin removes from a page once it has indexed it (its
``on_page_context``, which takes the space before it too): where this is found, the page is
indexed with its links. Only looked for, so it starts with its fixed text, which the regular
expression engine finds as a string search does: with the optional space first, as Material
writes it, every position of the page was a start to try (0.57 s of a profiled build at
2,800 points)."""


class SearchShield:
    """Hides the links of one page from the search plugins while they index it."""

    def __init__(
        self,
        owner: object,
        classes: Collection[str],
        log: Any,
        enrich: Callable[[str], str] = lambda html: html,
        unindexed: Collection[str] = (),
    ) -> None:
        self.owner = owner
        """The plugin whose page-context handlers surround the search plugins'."""
        self.enrich = enrich
        """What the search copy gets besides the page's text (``searchwords``)."""
        self.unindexed = frozenset(unindexed)
        """Source paths of the pages that search gets empty."""
        self.classes = tuple(classes)
        self.log: logging.Logger | Any = log
        self._shown: tuple[str, str] | None = None
        """While a search plugin indexes a page: its content with links, and without."""
        self._toc: Any = None
        """While Material's search plugin indexes a page: the page's table of contents."""
        self._between: bool | None = None
        self._material = False

    def hide(self, page: Any, plugins: Any) -> None:
        self._shown = self._toc = None
        if (
            page.content
            and not SEARCH_REWRITES.search(page.content)
            and self._only_search_between(plugins)
        ):
            if page.file.src_uri in self.unindexed:
                hidden = ""
            else:
                hidden = treewalk.unlinked(self.enrich(page.content), self.classes)
            if hidden != page.content:
                self._shown = (page.content, hidden)
                page.content = hidden
            if self._material and page.toc:
                self._toc, page.toc = page.toc, []

    def show(self, page: Any) -> None:
        if self._toc is not None:
            page.toc, self._toc = self._toc, None
        if self._shown is None:
            return
        shown, hidden = self._shown
        self._shown = None
        if page.content != hidden:
            self.log.warning(
                f"{page.file.src_uri}: another plugin changed the page while it was being "
                "indexed for search; the links made in its text are kept and that change "
                "is not. Please report this with the list of plugins in mkdocs.yml."
            )
        page.content = shown

    def _only_search_between(self, plugins: Mapping[str, Any] | Any) -> bool:
        """Whether the page-context handlers between the owner's two are all a search
        plugin's (and there is one); found once per build."""
        if self._between is None:
            search = [plugin for name, plugin in plugins.items() if name in SEARCH_PLUGINS]
            self._between = only_between(plugins.events["page_context"], self.owner, search)
            self._material = bool(search) and all(
                type(plugin).__module__.startswith(MATERIAL_SEARCH) for plugin in search
            )
        return self._between


def only_between(handlers: list[Any], owner: object, allowed: list[object]) -> bool:
    """Whether the handlers between the first and the last of ``owner``'s (bound methods, in
    the order MkDocs runs them) all belong to the ``allowed`` objects, and there is one."""
    owners = [getattr(handler, "__self__", None) for handler in handlers]
    mine = [index for index, each in enumerate(owners) if each is owner]
    between = owners[mine[0] + 1 : mine[-1]] if mine else []
    return bool(between) and all(any(each is one for one in allowed) for each in between)
