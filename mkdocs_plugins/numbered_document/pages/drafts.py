"""Pages about drafts: each draft, their overview, and every change between drafts.

A point page also gets a "Changes between drafts" section (``point_changes.md``). Every version
names its sources; where a source quotes a draft's wording, it is compared word by word with the
wording the site gives (``diffs``), once per build for each version however many pages show it.
"""

from __future__ import annotations

from functools import lru_cache

from ..diffs import word_diff
from ..model import Document, Point
from ..schema import Draft, Version
from . import Context, PageKind, Site


def _has_drafts(document: Document) -> bool:
    return bool(document.drafts)


def _drafts(document: Document) -> list[Draft]:
    return list(document.drafts.values())


def versions(site: Site) -> Context:
    """What every template that shows versions needs: the drafts compared, and the diff."""
    document = site.document

    def compared(point: Point, version: Version) -> tuple[Draft, Draft]:
        """The older and the newer of the two drafts, the site's own being one of them."""
        draft, text_draft = document.drafts[version.draft], document.text_draft
        assert text_draft is not None
        return (draft, text_draft) if document.is_earlier(draft.id) else (text_draft, draft)

    def diff(point: Point, version: Version) -> str:
        """The wording compared word by word, from the older draft to the newer."""
        assert version.wording is not None
        text = " ".join([point.lead, *point.items])
        if document.is_earlier(version.draft):
            return _word_diff(version.wording, text)
        return _word_diff(text, version.wording)

    return {"compared": compared, "diff": diff}


@lru_cache(maxsize=4096)
def _word_diff(before: str, after: str) -> str:
    """A diff is shown on the point's page, the changes page and the draft's page: made once."""
    return word_diff(before, after)


def drafts_index(site: Site, item: None) -> Context:
    return {}


def draft(site: Site, draft: Draft) -> Context:
    return {"draft": draft, **versions(site)}


def changes(site: Site, item: None) -> Context:
    """Every point that another draft changed, dropped or left unconfirmed."""
    document = site.document
    text_draft = document.text_draft
    assert text_draft is not None
    # A draft of which no version is reported would be a column of dashes.
    others = [
        d
        for d in document.drafts.values()
        if d.id != text_draft.id and document.versions_by_draft[d.id]
    ]

    def status_cells(point: Point) -> list[str]:
        by_draft = {version.draft: version for version in point.meta.versions}
        cells = []
        for other in others:
            version = by_draft.get(other.id)
            cells.append(
                f"[{site.catalog('version.status.' + version.status)}]"
                f"(#{document.anchor(point.number)}-{other.id})"
                if version
                else "—"
            )
        return cells

    return {
        "others": others,
        "changed": [point for point in document.points if point.meta.versions],
        "status_cells": status_cells,
        **versions(site),
    }


KINDS = (
    PageKind(
        name="drafts_index",
        template="drafts_index.md",
        setting="drafts_dir",
        order=90,
        select=drafts_index,
        index=True,
        needs=_has_drafts,
    ),
    PageKind(
        name="draft",
        template="draft.md",
        setting="drafts_dir",
        order=91,
        select=draft,
        each=_drafts,
        key=lambda draft: draft.id,
        needs=_has_drafts,
        listed_under="drafts_index",
        nav_title="nav.drafts",
    ),
    PageKind(
        name="changes",
        template="changes.md",
        setting="changes_page",
        order=100,
        select=changes,
        needs=_has_drafts,
    ),
)
