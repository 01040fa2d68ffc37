"""Paths between pages (source paths relative to the docs root), and the navigation that lists
generated pages under their index page. Where each page goes is declared in ``pages``."""

from __future__ import annotations

from typing import Any


def relative_path(page: str, target: str) -> str:
    """The Markdown link from one source file to another, both relative to the docs root.

    What ``posixpath.relpath(target, dirname(page))`` gives for such paths (a test compares
    them), without its trips to the working folder: a large document's pages ask for tens of
    thousands of these."""
    if page == target:
        return ""
    here = page.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


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
