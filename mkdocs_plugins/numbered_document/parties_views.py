"""Pages by party and by topic, as Markdown (as ``views`` does).

A party's page says what the points ask of it and what they give it, point by point, from the
point files' ``obligations`` and ``benefits``; an overview matrix shows points by parties. A
topic's page lists its points with their summaries. The sentences are the editors'; each row
links to the wording it is read from, and each page names the source of that wording.
"""

from __future__ import annotations

from .layout import Layout, relative_path
from .model import Document, Point
from .schema import Party, Topic
from .treewalk import REPEATED
from .writing import cell, cite_source, front_matter, heading, md

ASKS, GIVES, NAMED = "asks", "gives", "named"


def _wording_link(document: Document, page: str, layout: Layout, point: Point) -> str:
    target = relative_path(page, layout.point(point))
    return f"[{document.label(point.number)}]({target}#published-wording)"


def _attribution(document: Document) -> str:
    return (
        "Each sentence is the editors' reading of the published wording of the "
        f"{document.singular} it names, as given in {cite_source(document.text_source)}. "
        f"Follow the {document.singular} to read the wording itself."
    )


def roles(point: Point, party_id: str) -> list[str]:
    """What a point does with a party: asks something of it, gives it something, or only
    names it."""
    found = [
        word
        for word, given in ((ASKS, point.meta.obligations), (GIVES, point.meta.benefits))
        if party_id in given
    ]
    return found or ([NAMED] if party_id in point.meta.parties else [])


def _table(
    document: Document, layout: Layout, page: str, rows: list[tuple[Point, str]], header: str
) -> list[str]:
    lines = [f"| {document.singular.capitalize()} | {header} |", "| --- | --- |"]
    for point, text in rows:
        lines.append(
            f"| {_wording_link(document, page, layout, point)}: {cell(md(point.title))} "
            f"| {cell(text)} |"
        )
    return [*lines, ""]


def party_page(document: Document, layout: Layout, party: Party) -> str:
    """What the points ask of one party and what they give it."""
    page = layout.party(party.id)
    points = document.points_by_party[party.id]
    asked = [(p, p.meta.obligations[party.id]) for p in points if party.id in p.meta.obligations]
    given = [(p, p.meta.benefits[party.id]) for p in points if party.id in p.meta.benefits]
    named = [p for p in points if roles(p, party.id) == [NAMED]]
    name = md(party.name)
    lines = [
        front_matter(
            title=party.name,
            description=f"What {document.meta.title} asks of {party.name} and what it gives, "
            f"{document.singular} by {document.singular}.",
        ),
        f"# {name}",
        "",
    ]
    if party.description:
        lines += [party.description, ""]
    lines += [
        f"{len(points)} of the {len(document.points)} {document.plural} name {name}. "
        f"[All parties side by side]({relative_path(page, layout.index_of(layout.parties_dir))}).",
        "",
        _attribution(document),
        "{ .nd-attribution }",
        "",
        f'<div class="nd-party" {REPEATED}="" markdown>',
        "",
        f"## What the {document.plural} ask of {name} {{ #asks }}",
        "",
    ]
    lines += (
        _table(document, layout, page, asked, "Asks")
        if asked
        else [f"No {document.singular} asks anything of {name} in so many words.", ""]
    )
    lines += [f"## What the {document.plural} give {name} {{ #gives }}", ""]
    lines += (
        _table(document, layout, page, given, "Gives")
        if given
        else [f"No {document.singular} gives {name} anything in so many words.", ""]
    )
    if named:
        lines += [
            "## Also named { #named }",
            "",
            f"{document.plural.capitalize()} that concern {name} without asking or giving it "
            "anything in so many words:",
            "",
        ]
        for point in named:
            target = relative_path(page, layout.point(point))
            lines.append(f"- [{md(heading(document, point))}]({target}): {point.meta.summary}")
        lines.append("")
    return "\n".join([*lines, "</div>", ""])


def parties_index(document: Document, layout: Layout) -> str:
    """Every party with its counts, and the matrix of points by parties."""
    page = layout.index_of(layout.parties_dir)
    parties = [party for party in document.meta.parties if document.points_by_party[party.id]]
    lines = [
        front_matter(
            title="Parties",
            description=f"What each {document.singular} of {document.meta.title} asks of each "
            "party and gives it, on one page.",
        ),
        "# Parties",
        "",
        f"What the {document.plural} ask of each party and what they give it. Each party's page "
        "gives the details, with a sentence per point.",
        "",
        f'<div {REPEATED}="" markdown>',
        "",
        f"| Party | {document.plural.capitalize()} | Asks of it | Gives it |",
        "| --- | ---: | ---: | ---: |",
    ]
    for party in parties:
        points = document.points_by_party[party.id]
        asks = sum(party.id in p.meta.obligations for p in points)
        gives = sum(party.id in p.meta.benefits for p in points)
        target = relative_path(page, layout.party(party.id))
        lines.append(f"| [{cell(md(party.name))}]({target}) | {len(points)} | {asks} | {gives} |")
    lines += [
        "",
        "</div>",
        "",
        f"## {document.plural.capitalize()} and parties {{ #matrix }}",
        "",
        f"In each cell: *asks* when the {document.singular} asks something of the party, "
        "*gives* when it gives the party something, *named* when it concerns the party "
        "otherwise; empty when it does not name the party.",
        "",
        _attribution(document),
        "{ .nd-attribution }",
        "",
        f'<div class="nd-matrix" {REPEATED}="" markdown>',
        "",
        "| " + " | ".join([document.singular.capitalize(), *(md(p.name) for p in parties)]) + " |",
        "| --- |" + " :---: |" * len(parties),
    ]
    for point in document.points:
        cells = []
        for party in parties:
            found = roles(point, party.id)
            cells.append(
                f"[{', '.join(found)}]({relative_path(page, layout.party(party.id))}#"
                f"{'asks' if ASKS in found else 'gives' if GIVES in found else 'named'})"
                if found
                else ""
            )
        target = relative_path(page, layout.point(point))
        lines.append(
            f'| [{point.number}]({target} "{md(point.title)}") | ' + " | ".join(cells) + " |"
        )
    return "\n".join([*lines, "", "</div>", ""])


def topic_page(document: Document, layout: Layout, topic: Topic) -> str:
    """A topic's points with their summaries."""
    page = layout.topic(topic.id)
    points = document.points_by_topic[topic.id]
    lines = [
        front_matter(title=topic.name, description=topic.description),
        f"# {md(topic.name)}",
        "",
        topic.description,
        "",
        f"{len(points)} of the {len(document.points)} {document.plural}. "
        f"[All topics]({relative_path(page, layout.index_of(layout.topics_dir))}).",
        "",
        f'<div {REPEATED}="" markdown>',
        "",
    ]
    for point in points:
        target = relative_path(page, layout.point(point))
        others = [t for t in point.meta.topics if t != topic.id]
        also = (
            " *Also: "
            + ", ".join(
                f"[{md(document.topics[t].name)}]({relative_path(page, layout.topic(t))})"
                for t in others
            )
            + ".*"
            if others
            else ""
        )
        lines.append(f"- [{md(heading(document, point))}]({target}): {point.meta.summary}{also}")
    return "\n".join([*lines, "", "</div>", ""])


def topics_index(document: Document, layout: Layout) -> str:
    """Every topic with its description and number of points."""
    page = layout.index_of(layout.topics_dir)
    lines = [
        front_matter(
            title="Topics",
            description=f"The {document.plural} of {document.meta.title} grouped by topic.",
        ),
        "# Topics",
        "",
        f"The {document.plural} grouped by subject; a {document.singular} can have several.",
        "",
        f'<div {REPEATED}="" markdown>',
        "",
        f"| Topic | What it covers | {document.plural.capitalize()} |",
        "| --- | --- | ---: |",
    ]
    for topic in document.meta.topics:
        count = len(document.points_by_topic[topic.id])
        if count:
            target = relative_path(page, layout.topic(topic.id))
            lines.append(
                f"| [{cell(md(topic.name))}]({target}) | {cell(topic.description)} | {count} |"
            )
    return "\n".join([*lines, "", "</div>", ""])
