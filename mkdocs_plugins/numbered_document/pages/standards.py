"""The site in the formats of its field: the Atom feed of the timeline, the Akoma Ntoso file of
the document, and schema.org JSON-LD in the head of every page, all naming things by the same
permanent addresses (``identifiers``). They need the site's absolute address (``site_url``):
an identifier is one only where it means the same wherever it is read, so a site without one
(the offline copy) has none of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..identifiers import Addresses
from . import Output, Site

FEED = "feed.xml"
AKN = "document.akn.xml"


def addresses(site: Site) -> Addresses:
    """Where each point, term, event and actor is published, as absolute URLs."""
    document = site.document
    glossary, timeline, actors = (site.path(k) for k in ("glossary", "timeline", "actors"))
    return Addresses(
        site=site.site_url,
        point=lambda number: site.address(site.path("point", document.by_number[number])),
        term=(lambda term: f"{site.address(glossary)}#{term}") if glossary else None,
        event=(lambda event: f"{site.address(timeline)}#{event}") if timeline else None,
        actor=(lambda actor: f"{site.address(actors)}#{actor}") if actors else None,
    )


def _file_url(site: Site, name: str) -> str:
    output = next(o for o in site.outputs_declared() if o.name == name)
    return f"{site.site_url}{site.output_path(output)}"


def feed(published: Any) -> str:
    from ..feed import FeedLabels, timeline_feed  # feedgen and lxml: only for a site with one

    site: Site = published.site
    t, words = site.catalog, site.words
    made = timeline_feed(
        site.document,
        addresses(site),
        title=t("feed.title", title=site.document.meta.title),
        feed_url=_file_url(site, FEED),
        page_url=site.address(site.path("timeline")),
        author=site.site_name,
        labels=FeedLabels(
            points=t("feed.points"), sources=t("feed.sources"), heading=words.heading
        ),
    )
    return made.decode("utf-8") if made else ""


def akn(published: Any) -> str:
    from ..akn import akoma_ntoso  # only for a site with an address, as the feed

    site: Site = published.site
    graph_ = published.graph
    refers_to = {n: graph_.refers_to(n) for n in site.document.by_number}
    made = akoma_ntoso(
        site.document,
        addresses(site),
        publisher=site.site_name,
        file_url=_file_url(site, AKN),
        refers_to=refers_to,
    )
    return made.decode("utf-8")


def has_address(site: Site) -> bool:
    return bool(site.site_url)


def has_feed(site: Site) -> bool:
    return bool(site.site_url and site.path("timeline") and site.document.events)


def head(site: Site, src_uri: str, titles: Mapping[str, str]) -> str:
    """What goes into a page's ``<head>``: its JSON-LD, and the link to the feed."""
    if not site.site_url:
        return ""
    from ..jsonld import (  # only for a site with an address
        breadcrumbs,
        document_node,
        glossary_node,
        graph,
        point_node,
        script,
        timeline_nodes,
    )

    document, words = site.document, site.words
    parts = []
    if has_feed(site):
        from ..feed import discovery_link

        parts.append(
            discovery_link(
                _file_url(site, FEED), site.catalog("feed.title", title=document.meta.title)
            )
        )
    where = addresses(site)
    home = (site.site_name, site.site_url)
    kind, item = site.pages.get(src_uri, (None, None))
    nodes: list[Any] = []
    if src_uri == "index.md":
        nodes.append(document_node(document, where))
    elif kind is not None and kind.name == "point":
        index = site.path("points_index")
        nodes.append(point_node(document, item, where, name=words.heading(item)))
        nodes.append(
            breadcrumbs(
                [
                    home,
                    (titles.get(index, index), site.address(index)),
                    (words.heading(item), site.address(src_uri)),
                ]
            )
        )
    else:
        if kind is not None and kind.name == "glossary":
            nodes.append(
                glossary_node(
                    document,
                    where,
                    name=titles.get(src_uri, ""),
                    glossary_url=site.address(src_uri),
                )
            )
        elif kind is not None and kind.name == "timeline":
            nodes.extend(timeline_nodes(document, where))
        nodes.append(breadcrumbs([home, (titles.get(src_uri, src_uri), site.address(src_uri))]))
    found = [node for node in nodes if node]
    if found:
        parts.append(script(graph(found)))
    return "".join(parts)


OUTPUTS = (
    Output(FEED, 95, feed, needs=has_feed, at_root=True),
    Output(AKN, 96, akn, needs=has_address),
)
