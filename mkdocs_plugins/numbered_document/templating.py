"""The templates that write generated pages: Jinja, shipped with the plugin, overridable by a site.

Pages are Markdown written by templates (``templates/*.md``), and the late lists of links are
small HTML templates (``templates/*.html``). A site overrides any of them by putting a file of
the same name in its own templates folder (the plugin's ``templates_dir``, by default
``numbered_document`` in the theme's ``custom_dir``), as Material's plugins let a site override a
partial.

Templates write Markdown, not HTML, so nothing is escaped automatically: every plain text that
goes into a page (a title, a name) passes through ``md`` (or ``cell`` in a table), which makes it
show as written. Texts that are Markdown already (a summary, a definition) go in as they are:
they were checked when loaded. No MkDocs import.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml

from .catalog import Catalog
from .glossary import plain_text
from .layout import relative_path
from .model import Document, Point, slugify
from .schema import Draft, Source

TEMPLATES = Path(__file__).parent / "templates"
"""The templates the plugin ships."""

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's writer where PyYAML has it, five times faster than the pure-Python one (a third of
the page stage at 2,800 points); the same text, except that it escapes characters beyond the
Basic Multilingual Plane ("\\U0001F600"), which MkDocs reads back as the same value."""

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
"""What Python-Markdown lets a backslash escape (a table cell escapes "|" too: ``cell``)."""


def md(text: str) -> str:
    """Plain text (a title, a name) made safe to put inside generated Markdown: it shows as
    written, whatever Markdown or HTML characters it holds."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return MARKDOWN_SPECIALS.sub(r"\\\1", escaped)


def cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def squash(text: str) -> str:
    """Text on one line: a folded YAML value or a wrapped Markdown paragraph, as one."""
    return " ".join(text.split())


def page_meta(title: str, description: str, search_boost: float | None = None) -> dict[str, Any]:
    """The metadata of a generated page: its title and description (the theme prints both into
    HTML as they are, so they are escaped plain text) and, with ``search_boost``, a rank above
    other pages in search."""
    meta: dict[str, Any] = {
        "title": html.escape(" ".join(title.split()), quote=False).replace('"', "&quot;"),
        "description": html.escape(plain_text(description), quote=True),
    }
    if search_boost is not None:
        meta["search"] = {"boost": search_boost}
    return meta


def front_matter_text(meta: dict[str, Any]) -> str:
    """Metadata as a page file's YAML front matter (for the Markdown written to disk)."""
    if not meta:
        return ""
    text = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
    return "---\n" + text + "---\n\n"


@jinja2.pass_context
def _front_matter(
    context: Any, title: str, description: str, search_boost: float | None = None
) -> str:
    """What a page template calls for its metadata. Where the page is being made for the
    build (the context has a ``page_meta`` dict), the metadata goes there, for the adapter to
    hand to the site generator as it is: no YAML written and parsed back (a third of the page
    stage at 2,800 points); otherwise it is written as front matter."""
    meta = page_meta(title, description, search_boost)
    into = context.get("page_meta")
    if into is None:
        return front_matter_text(meta)
    into.update(meta)
    return ""


class Words:
    """What templates call to put words and names into a page, in the catalog's language."""

    def __init__(self, document: Document, catalog: Catalog) -> None:
        self.document = document
        self.t = catalog
        self._headings: dict[int, str] = {}
        self._cited: dict[str, str] = {}

    def label(self, number: int) -> str:
        """How readers name a point: "Point 6"."""
        return self.t("label", number=number)

    def heading(self, point: Point) -> str:
        """A point's heading: "Point 6: Armed forces" (made once: every list of points and
        every neighbour's page shows it)."""
        found = self._headings.get(point.number)
        if found is None:
            found = self._headings[point.number] = self.t(
                "heading", label=self.label(point.number), title=point.title
            )
        return found

    def date(self, day: Any, precision: str = "day") -> str:
        return self.t.date(day, precision)

    def when(self, day: Any, precision: str = "day") -> str:
        """A date in words as precisely as it is known, "on or before" included, where a
        ``<time>`` element cannot go (a link's text, a title)."""
        before = self.t("date.on_or_before") if precision == "on-or-before" else ""
        return before + self.t.date(day, precision)

    def time(self, day: Any, precision: str = "day") -> str:
        """A date in a ``<time>`` element, with "on or before" where only a report dates it."""
        before = self.t("date.on_or_before") if precision == "on-or-before" else ""
        machine, shown = self.t.machine_date(day, precision), self.t.date(day, precision)
        return f'{before}<time datetime="{machine}">{shown}</time>'

    def draft_date(self, draft: Draft) -> str:
        """A draft's date in words, "on or before" where only a report dates it."""
        if draft.date is None:
            return self.t("date.not_given")
        return self.time(draft.date, draft.precision)

    def publisher(self, source: Source) -> str:
        return source.publisher or self.t("source.no_publisher")

    def cite(self, source: Source) -> str:
        """A source as readers see it: its title, linked to its address where it has one (in
        the same tab, marked as leaving the site), the publisher (or that none is named) and
        the date; made once per source (every point page cites the wording's)."""
        found = self._cited.get(source.id)
        if found is None:
            title = f"*{md(source.title)}*"
            if source.url:
                leaves = self.t("source.leaves", host=_host(source.url)).replace('"', "&quot;")
                url = source.url.replace(" ", "%20").replace(")", "%29").replace(">", "%3E")
                title = f'[{title}](<{url}>){{ .nd-external rel="external" title="{leaves}" }}'
            publisher = md(source.publisher) if source.publisher else self.t("source.no_publisher")
            date = f", {self.date(source.date)}" if source.date else ""
            missing = "" if source.url else f", {self.t('source.no_address')}"
            found = self._cited[source.id] = f"{title}, {publisher}{date}{missing}"
        return found

    def cite_all(self, ids: list[str]) -> str:
        return "; ".join(self.cite(self.document.sources[i]) for i in ids)


def _host(url: str) -> str:
    """The site a source's address is on, as a reader would name it: "babel.ua"."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def facts(pairs: list[tuple[str, str]]) -> str:
    """Labelled facts, one a line (``**Source:** …``), leaving out those with no value."""
    return "  \n".join(f"**{label}:** {value}" for label, value in pairs if value)


def environment(
    words: Words, path: Callable[..., str], folders: list[Path] | None = None
) -> jinja2.Environment:
    """The templates, the site's own folders first; with the filters and names they use."""
    loader = jinja2.FileSystemLoader([*(folders or []), TEMPLATES])
    env = jinja2.Environment(
        loader=loader,
        autoescape=False,  # Markdown, escaped where it is written (``md``, ``cell``)
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no file check per page
        # Compiled templates are kept between builds (Jinja's cache, in the user's temporary
        # folder, checked against each template's text): compiling them is a tenth of writing
        # 2,800 pages, and every build after the first, and every `mkdocs serve` rebuild, skips it.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md,
        cell=cell,
        squash=squash,
        escape_html=_escape_html,
        unescape_html=html.unescape,
        emphasis=lambda text: f"*{text}*",
        link=_link,
        point_link=_point_link,
    )
    env.globals.update(
        t=words.t,
        T=words.t.plain,
        w=words,
        document=words.document,
        path=path,
        rel=_rel,
        front_matter=_front_matter,
        facts=facts,
        slug=slugify,
        names=lambda ids, known: ", ".join(md(known[i].name) for i in ids),
    )
    return env


@jinja2.pass_context
def _rel(context: Any, target: str) -> str:
    """The link from the page being written to ``target``, both source paths."""
    return relative_path(context["page"], target)


@jinja2.pass_context
def _link(context: Any, named: tuple[str, str]) -> str:
    """A name linked to a page (``(name, target)``, the target with its #fragment), or the
    name alone where the site has no such page."""
    text, target = named
    if not target:
        return text
    page, anchor = target.partition("#")[::2]
    return f"[{text}]({relative_path(context['page'], page)}{'#' + anchor if anchor else ''})"


@jinja2.pass_context
def _point_link(context: Any, number: int) -> str:
    """A point's label linked to its page: "[Point 3](../points/03-borders.md)"."""
    words, path = context["w"], context["path"]
    point = words.document.by_number[number]
    return f"[{words.label(number)}]({relative_path(context['page'], path('point', point))})"


def _escape_html(text: str, quote: bool = True) -> str:
    return html.escape(text, quote=quote)
