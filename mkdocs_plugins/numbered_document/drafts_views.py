"""Pages about drafts: what other drafts did with each point, as Markdown (as ``views`` does).

A point page gets a "Changes between drafts" section; the changes page lists every reported
change across drafts; each draft gets a page saying what is known of it, point by point. Every
version names its sources; where a source quotes a draft's wording, it is compared word by word
with the wording the site gives.
"""

from __future__ import annotations

from .diffs import word_diff
from .layout import Layout, relative_path
from .model import Document, Point
from .schema import Draft, Version
from .treewalk import REPEATED
from .writing import PRECISION_WORDS, cell, cite_source, front_matter, heading, human_date, md

STATUS_WORDS = {"changed": "changed", "dropped": "dropped", "unknown": "not confirmed"}


def draft_date(draft: Draft) -> str:
    """A draft's date in words, "on or before" where only a report dates it."""
    if draft.date is None:
        return "date not given in the sources"
    shown, machine = human_date(draft.date), draft.date.isoformat()
    if draft.precision == "month":
        shown, machine = f"{draft.date:%B} {draft.date.year}", f"{draft.date:%Y-%m}"
    return f'{PRECISION_WORDS[draft.precision]}<time datetime="{machine}">{shown}</time>'


def _sources(document: Document, ids: list[str]) -> str:
    return "; ".join(cite_source(document.sources[source]) for source in ids)


def _version_block(
    document: Document, layout: Layout, page: str, point: Point, version: Version, *, level: int
) -> list[str]:
    """One version: the draft, its status, what changed, the wording compared, the sources."""
    draft = document.drafts[version.draft]
    text_draft = document.text_draft
    assert text_draft is not None
    about = (
        f" · [about this draft]({relative_path(page, layout.draft(draft.id))})"
        if layout.drafts_dir and page != layout.draft(draft.id)
        else ""
    )
    lines = (
        [
            f"{'#' * level} {md(draft.label)} {{ #{_anchor(point, document, draft.id)} }}",
            "",
        ]
        if level
        else []
    )
    # On the draft's own page, its date goes without saying.
    when = "" if page == layout.draft(draft.id) else f"{draft_date(draft)} · "
    lines += [
        f"{when}**{STATUS_WORDS[version.status]}**{about}",
        "{ .nd-version-meta }",
        "",
        " ".join(version.description.split()),
        "",
    ]
    if version.wording is not None:
        ellipsis = "…" if version.excerpt else ""
        quoted = md(version.wording) + ellipsis
        part = "The beginning of its wording" if version.excerpt else "Its wording"
        lines += [f"{part}, as the source quotes it:", "", f"> {quoted}", "{ .nd-version-wording }"]
        lines += ["", *_diff(document, point, version, draft, text_draft)]
    facts = []
    if version.note:
        facts.append(f"**Note:** {' '.join(version.note.split())}")
    facts.append(f"**Sources:** {_sources(document, version.sources)}")
    return [*lines, "  \n".join(facts), "{ .nd-facets }", ""]


def _diff(
    document: Document, point: Point, version: Version, draft: Draft, text_draft: Draft
) -> list[str]:
    """The wording compared word by word, from the older draft to the newer."""
    assert version.wording is not None
    text = " ".join([point.lead, *point.items])
    if document.is_earlier(draft.id):
        before, after, older, newer = version.wording, text, draft, text_draft
    else:
        before, after, older, newer = text, version.wording, text_draft, draft
    scope = (
        f" The source quotes only the beginning of the wording of the {md(draft.label)}, so the "
        "comparison goes past what is known of it."
        if version.excerpt
        else ""
    )
    return [
        f"Compared word by word, from *{md(older.label)}* to *{md(newer.label)}*: "
        "<del>struck through</del> words were removed, <ins>underlined</ins> words added." + scope,
        "{ .nd-diff-legend }",
        "",
        f'<p class="nd-diff">{word_diff(before, after)}</p>',
        "",
    ]


def _anchor(point: Point, document: Document, draft_id: str) -> str:
    return f"{document.anchor(point.number)}-{draft_id}"


def point_changes(document: Document, layout: Layout, point: Point) -> list[str]:
    """The "Changes between drafts" section of a point page (nothing without drafts)."""
    if document.text_draft is None:
        return []
    page = layout.point(point)
    lines = ["## Changes between drafts", ""]
    versions = document.versions(point)
    changes = (
        " Every change on one page: "
        f"[changes between drafts]({relative_path(page, layout.changes)})."
        if layout.changes
        else ""
    )
    if not versions:
        return [
            *lines,
            f"Our sources report nothing about this {document.singular} in other drafts than "
            f"the {md(document.text_draft.label)}.{changes}",
            "",
        ]
    lines += [
        f"The wording above is that of the {md(document.text_draft.label)}. Below is what the "
        f"sources report of other drafts, oldest first.{changes}",
        "",
    ]
    for version in versions:
        lines += _version_block(document, layout, page, point, version, level=3)
    return lines


def changes_page(document: Document, layout: Layout) -> str:
    """Every point that another draft changed, dropped or left unconfirmed, with a summary
    table of points by drafts."""
    page = layout.changes
    text_draft = document.text_draft
    assert text_draft is not None
    others = [draft for draft in document.drafts.values() if draft.id != text_draft.id]
    changed = [point for point in document.points if point.meta.versions]
    lines = [
        front_matter(
            title="Changes between drafts",
            description=f"How the {document.plural} of {document.meta.title} changed between "
            "drafts, as the sources report it.",
        ),
        "# Changes between drafts",
        "",
        f"This site gives the wording of the {md(text_draft.label)}. Below is every "
        f"{document.singular} that the sources report changed, dropped or left unconfirmed in "
        "another draft; descriptions are ours, quotes are as reported. Where no report exists, "
        "nothing is known, which does not mean nothing changed.",
        "",
        f'<div class="nd-changes" {REPEATED}="" markdown>',
        "",
        "| " + " | ".join([document.singular.capitalize(), *(md(d.label) for d in others)]) + " |",
        "| --- |" + " --- |" * len(others),
    ]
    for point in changed:
        by_draft = {version.draft: version for version in point.meta.versions}
        cells = []
        for draft in others:
            version = by_draft.get(draft.id)
            cells.append(
                f"[{STATUS_WORDS[version.status]}](#{_anchor(point, document, draft.id)})"
                if version
                else "—"
            )
        target = relative_path(page, layout.point(point))
        lines.append(f"| [{cell(md(heading(document, point)))}]({target}) | " + " | ".join(cells))
    lines += ["", "</div>", ""]
    for point in changed:
        target = relative_path(page, layout.point(point))
        lines += [
            f"## {md(heading(document, point))} {{ #{document.anchor(point.number)} }}",
            "",
            f'<div class="nd-version" {REPEATED}="" markdown>',
            "",
            f"[The {document.singular} and its wording]({target})",
            "",
        ]
        for version in document.versions(point):
            lines += _version_block(document, layout, page, point, version, level=3)
        lines += ["</div>", ""]
    return "\n".join(lines)


def drafts_index(document: Document, layout: Layout) -> str:
    """The drafts in order, each with its date and what is known of it."""
    page = layout.index_of(layout.drafts_dir)
    lines = [
        front_matter(
            title="Drafts",
            description=f"The drafts of {document.meta.title} that the sources report, in order.",
        ),
        "# Drafts",
        "",
        "The drafts the sources report, oldest first. Each page says what is known of the draft, "
        f"{document.singular} by {document.singular}.",
        "",
        f'<div {REPEATED}="" markdown>',
        "",
    ]
    for draft in document.drafts.values():
        target = relative_path(page, layout.draft(draft.id))
        known = len(document.versions_by_draft[draft.id])
        if draft.id == document.meta.text_draft:
            extent = f"the wording this site gives, all {len(document.points)} {document.plural}"
        else:
            extent = f"reports on {known} {document.singular if known == 1 else document.plural}"
        lines.append(f"- [{md(draft.label)}]({target}), {draft_date(draft)}: {extent}.")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def draft_page(document: Document, layout: Layout, draft: Draft) -> str:
    """What is known of one draft, point by point."""
    page = layout.draft(draft.id)
    lines = [
        front_matter(title=draft.label, description=draft.description),
        f"# {md(draft.label)}",
        "",
        f"**Date:** {draft_date(draft)}  ",
        f"**Sources:** {_sources(document, draft.sources)}",
        "{ .nd-facets }",
        "",
        " ".join(draft.description.split()),
        "",
    ]
    if draft.id == document.meta.text_draft:
        lines += [
            f"## {document.plural.capitalize()}",
            "",
            f"This site gives this draft's wording of every {document.singular}.",
            "",
            f'<div {REPEATED}="" markdown>',
            "",
        ]
        for point in document.points:
            target = relative_path(page, layout.point(point))
            lines.append(f"- [{md(heading(document, point))}]({target}): {point.meta.summary}")
        return "\n".join([*lines, "", "</div>", ""])
    known = document.versions_by_draft[draft.id]
    lines += [f"## {document.singular.capitalize()} by {document.singular}", ""]
    if not known:
        lines += [
            f"The sources report nothing about this draft {document.singular} by "
            f"{document.singular}.",
            "",
        ]
        return "\n".join(lines)
    rest = len(document.points) - len(known)
    lines += [
        f"What the sources report of this draft for {len(known)} of the "
        f"{len(document.points)} {document.plural}; they report nothing about the other {rest}.",
        "",
        f'<div {REPEATED}="" markdown>',
        "",
    ]
    for point, version in known:
        target = relative_path(page, layout.point(point))
        lines += [
            f"### [{md(heading(document, point))}]({target}) "
            f"{{ #{document.anchor(point.number)} }}",
            "",
        ]
        lines += _version_block(document, layout, page, point, version, level=0)
    return "\n".join([*lines, "</div>", ""])
