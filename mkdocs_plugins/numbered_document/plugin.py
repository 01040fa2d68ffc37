"""The MkDocs adapter: the only module that knows MkDocs. Each hook hands data to the pure modules.

Order within a build: on_config loads and checks the content (stops at once if it cannot be read)
and registers the linkers; on_files adds the generated pages; on_page_markdown tells the linkers
which page they are on; on_env, when every page is converted, makes "Refers to", "Referenced by"
and "Used in" and the open data; on_post_page puts those lists into each written page.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import drafts_views, glossary, opendata, parties_views, references, treewalk, views
from .config import NumberedDocumentConfig
from .glossary import Entry, GlossaryLinker, TermMatcher, glossary_extension, plain_text
from .graph import ReferenceGraph
from .layout import Layout, expand_nav
from .loader import load_document
from .model import ContentError, Document, shown_path
from .references import Linker, ReferencePattern, Target, reference_extension
from .schema import json_schemas
from .timing import Stopwatch

log = get_plugin_logger("numbered-document")  # the prefix readers see, as in mkdocs.yml

ASSETS = Path(__file__).parent / "assets"
STYLESHEET = "assets/numbered-document/style.css"
SCRIPT = "assets/numbered-document/timeline.js"
SEARCH_PLUGINS = frozenset({"search", "material/search"})
LINK_CLASSES = (references.LINK_CLASS, glossary.LINK_CLASS)
SEARCH_REWRITES = re.compile(r'\s?data-search-\w+="[^"]+"')
"""What Material's search plugin removes from a page once it has indexed it (its
``on_page_context``): where this is found, the page is indexed with its links."""


class NumberedDocumentPlugin(BasePlugin[NumberedDocumentConfig]):
    """Turns a content folder of numbered points into pages that link to each other."""

    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        root = Path(self.config.content_dir)
        self.stopwatch = Stopwatch()
        self.late: dict[str, dict[str, str]] = {}
        """Source path of a page → its placeholders and the lists of links that replace them."""
        self._shown: tuple[str, str] | None = None
        """While a search plugin indexes a page: its content with links, and without."""
        self._search_between: bool | None = None
        optional = ("changes_page", "data_page")
        for option in (
            "full_text_page",
            "glossary_page",
            "timeline_page",
            "actors_page",
            *optional,
        ):
            if option in optional and not self.config[option]:
                continue
            if not str(self.config[option]).endswith(".md"):
                raise PluginError(
                    f"numbered-document: '{option}' in mkdocs.yml must be a page path ending "
                    f"in .md, e.g. '{option.removesuffix('_page').replace('_', '-')}.md'."
                )
        try:
            with self.stopwatch.measure("load"):
                self.document = load_document(
                    root,
                    document_file=self.config.document_file,
                    points_dir=self.config.points_dir,
                    glossary_dir=self.config.glossary_dir,
                    timeline_dir=self.config.timeline_dir,
                )
        except ContentError as error:
            count = len(error.problems)
            raise PluginError(
                f"{count} problem{'s' if count > 1 else ''} in the content:\n{error}"
            ) from None
        self.layout = Layout(
            points_dir=self.config.points_dir,
            full_text=self.config.full_text_page,
            format_page=self.config.format_page,
            glossary=self.config.glossary_page if self.document.terms else "",
            timeline=self.config.timeline_page if self.document.events else "",
            actors=self.config.actors_page if self.document.events else "",
            parties_dir=self.config.parties_dir.strip("/"),
            topics_dir=self.config.topics_dir.strip("/"),
            drafts_dir=self.config.drafts_dir.strip("/") if self.document.drafts else "",
            changes=self.config.changes_page if self.document.drafts else "",
            site_name=config.site_name,
        )
        self.pages = {p.number: self.layout.point(p) for p in self.document.points}
        self.page_numbers = {src_uri: number for number, src_uri in self.pages.items()}
        self.linker = self._linker(self.document)
        for name in ("attr_list", "md_in_html", "tables"):  # what the generated pages use
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.markdown_extensions.append(reference_extension(self.linker, self.stopwatch))
        self.glossary = self._glossary(self.document)
        if self.document.terms:  # with none, the walk has nothing to look for
            config.markdown_extensions.append(glossary_extension(self.glossary, self.stopwatch))
        config.extra_css.append(STYLESHEET)
        if self.layout.timeline:
            config.extra_javascript.append(SCRIPT)
        if config.nav:
            self._expand_nav(config.nav)
        return config

    def _expand_nav(self, nav: list[Any]) -> None:
        """List the generated pages under their index pages where the site's nav names them."""
        document, layout = self.document, self.layout
        sections = [
            (
                layout.parties_dir,
                "parties_dir",
                [layout.party(i) for i in self._parties],
                "parties",
            ),
            (layout.topics_dir, "topics_dir", [layout.topic(t) for t in self._topics], "topics"),
            (layout.drafts_dir, "drafts_dir", [layout.draft(d) for d in document.drafts], "drafts"),
        ]
        if self.config.nav == "section":
            points = [self.pages[number] for number in sorted(self.pages)]
            sections.insert(0, (layout.points_dir, "nav: index", points, document.plural))
        for folder, option, pages, title in sections:
            if not folder:
                continue
            index = layout.index_of(folder)
            if not expand_nav(nav, index, pages, title.capitalize()):
                hint = option if option.startswith("nav") else f"{option}: ''"
                log.warning(
                    f"the site's nav does not list {index}: add it where the {title} belong, "
                    f"or set the plugin's `{hint}`."
                )

    @property
    def _parties(self) -> list[str]:
        """The parties that have a page: those that some point names."""
        return [p for p, points in self.document.points_by_party.items() if points]

    @property
    def _topics(self) -> list[str]:
        return [t for t, points in self.document.points_by_topic.items() if points]

    def _linker(self, document: Document) -> Linker:
        words = document.meta.items
        targets = {
            point.number: Target(
                src_uri=self.pages[point.number],
                title=views.heading(document, point),
                items=len(point.items),
                anchor=lambda item, n=point.number: document.anchor(n, item),
            )
            for point in document.points
        }
        pattern = ReferencePattern(words.singular, words.plural, words.conjunctions)
        return Linker(pattern=pattern, targets=targets, previews=self.config.link_previews)

    def _glossary(self, document: Document) -> GlossaryLinker:
        forms = {form: term.id for term in document.terms for form in term.forms}
        entries = {
            term.id: Entry(self.layout.glossary, term.id, plain_text(term.meta.definition))
            for term in document.terms
        }
        return GlossaryLinker(TermMatcher(forms), entries, mode=self.config.glossary_links)

    def _generate(self, config: MkDocsConfig) -> dict[str, str]:
        """The Markdown of every generated page, by source path."""
        document, layout = self.document, self.layout
        generated = {
            layout.point(p): views.point_page(
                document, layout, p, url=self._address(config, layout.point(p))
            )
            for p in document.points
        }
        generated[layout.index] = views.points_index(document, layout)
        generated[layout.full_text] = views.full_text(document, layout)
        if layout.glossary:
            generated[layout.glossary] = views.glossary_page(document, layout.glossary)
        if layout.timeline:
            generated[layout.timeline] = views.timeline_page(document, layout)
            generated[layout.actors] = views.actors_page(document, layout)
        if layout.parties_dir:
            generated[layout.index_of(layout.parties_dir)] = parties_views.parties_index(
                document, layout
            )
            for party_id in self._parties:
                party = document.parties[party_id]
                generated[layout.party(party_id)] = parties_views.party_page(
                    document, layout, party
                )
        if layout.topics_dir:
            generated[layout.index_of(layout.topics_dir)] = parties_views.topics_index(
                document, layout
            )
            for topic_id in self._topics:
                topic = document.topics[topic_id]
                generated[layout.topic(topic_id)] = parties_views.topic_page(
                    document, layout, topic
                )
        if layout.drafts_dir:
            generated[layout.index_of(layout.drafts_dir)] = drafts_views.drafts_index(
                document, layout
            )
            for draft in document.drafts.values():
                generated[layout.draft(draft.id)] = drafts_views.draft_page(document, layout, draft)
        if layout.changes:
            generated[layout.changes] = drafts_views.changes_page(document, layout)
        if layout.format_page:
            generated[layout.format_page] = views.field_reference(json_schemas(document.meta))
        if self.config.data_page:
            generated[self.config.data_page] = views.data_page(
                document, self.config.data_page, self._data_dir, opendata.export_schema()
            )
        return generated

    @staticmethod
    def _address(config: MkDocsConfig, src_uri: str) -> str:
        """A page's stable address: absolute with the site's `site_url`, else from the root."""
        url = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url
        return urljoin(config.site_url, url) if config.site_url else f"/{url}"

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        with self.stopwatch.measure("pages"):
            generated = self._generate(config)
        if self.config.dump_markdown:
            dump = Path(self.config.dump_markdown)
            for src_uri, content in generated.items():
                (dump / src_uri).parent.mkdir(parents=True, exist_ok=True)
                (dump / src_uri).write_text(content, encoding="utf-8")
        for src_uri, content in generated.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{src_uri} is also a generated page: rename or remove the "
                    "hand-written file, or change the plugin's page settings in mkdocs.yml."
                )
            listed = self.config.nav == "section" or src_uri not in self.page_numbers
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
        for point in self.document.points:
            page = files.get_file_from_path(self.layout.point(point))
            assert page is not None
            # "Edit this page" opens the point's own file, not the generated page.
            page.edit_uri = Path(os.path.relpath(point.path, config.docs_dir)).as_posix()
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "style.css")))
        if self.layout.timeline:
            files.append(File.generated(config, SCRIPT, abs_src_path=str(ASSETS / "timeline.js")))

        # Links made in prose get final URLs: they are written as HTML, which MkDocs' link
        # resolver never sees (and resolving a .md path per link cost more than finding the
        # links, measured by `make bench`). Looked up when
        # first needed (drafts under `mkdocs serve` and other plugins' pages too), then kept for
        # this build: a page links the glossary or a point many times, and each lookup in
        # `files` builds paths (a third of the glossary's cost in the profile at 500 pages).
        relative: dict[tuple[str, str], str] = {}

        def href(page: str, target: str) -> str:
            if page == target:
                return ""
            found = relative.get((page, target))
            if found is None:
                here, there = files.get_file_from_path(page), files.get_file_from_path(target)
                assert here is not None and there is not None, (page, target)
                found = relative[page, target] = get_relative_url(there.url, here.url)
            return found

        self.linker.href = self.glossary.href = href
        # Known to MkDocs from the start, so pages can link to them; written in on_env.
        self.data_files = {
            name: File.generated(config, f"{self._data_dir}/{name}", content="")
            for name in views.DATA_FILES
        }
        for file in self.data_files.values():
            files.append(file)
        return files

    @property
    def _data_dir(self) -> str:
        return self.config.data_dir.strip("/")

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            src_uri = page.file.src_uri
            self.linker.start_page(src_uri, self.page_numbers.get(src_uri))
            self.glossary.start_page(src_uri)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            for problem in self.linker.problems:
                log.warning(f"{self._source_of(page, config)}: {problem}")
            self.linker.problems.clear()
        return html

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Every page is converted: fill in who refers to each point and where terms are used
        (as autorefs resolves its references here), then export the graph."""
        if not self.config.enabled:
            return env
        with self.stopwatch.measure("backlinks"):
            self._fill_late_parts(files)
        log.debug(
            "time per stage: "
            + ", ".join(f"{k} {v:.3f} s" for k, v in sorted(self.stopwatch.seconds.items()))
        )
        return env

    def _fill_late_parts(self, files: Files) -> None:
        document = self.document
        # Every page by source path, once: "used in" alone asks for thousands at scale, and
        # each lookup in `files` builds paths.
        by_uri = {file.src_uri: file.page for file in files if file.page is not None}
        self.graph = ReferenceGraph(document, self.pages, self.linker.mentions)
        self.late.clear()
        self._items: dict[tuple[str, int], str] = {}
        for number, src_uri in self.pages.items():
            page = by_uri[src_uri]
            refers = self._links_html(by_uri, page, set(self.graph.refers_to_pages(number)))
            referenced = self._links_html(by_uri, page, self.graph.referenced_by(number))
            self.late[src_uri] = {
                views.REFERS_TO.format(number=number): refers
                or views.none_html(f"This {document.singular} names no other."),
                views.REFERENCED_BY.format(number=number): referenced
                or views.none_html(f"No page refers to this {document.singular}."),
            }
        if self.layout.glossary:
            page = by_uri[self.layout.glossary]
            users: dict[str, set[str]] = {}
            for uri, terms in self.glossary.uses.items():
                if uri != self.layout.glossary:
                    for term_id in terms:
                        users.setdefault(term_id, set()).add(uri)
            self.late[self.layout.glossary] = {
                views.USED_IN.format(term=term.id): views.used_in_html(
                    self._links_html(by_uri, page, users.get(term.id, set()))
                )
                for term in document.terms
            }
        pages = {
            uri: (html.unescape(page.title or uri), page.url)
            for uri in [*self.pages.values(), *self.linker.mentions]
            for page in [by_uri[uri]]
        }
        graph = self.graph.as_data(document, pages)
        data = opendata.export(
            document,
            url_of=lambda src_uri: by_uri[src_uri].url,
            point_page=self.pages.__getitem__,
            references=graph,
            glossary_page=self.layout.glossary,
            timeline_page=self.layout.timeline,
        )
        published = {
            "document.json": opendata.as_json(data),
            "document.schema.json": opendata.as_json(opendata.export_schema()),
            "references.json": opendata.as_json(graph),
            **opendata.csv_tables(data),
        }
        for name, file in self.data_files.items():
            file.content_string = published[name]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """The lists of links made in on_env go into the written page here, after the search
        plugin has indexed its content: they are lists of titles that would swamp a reader's
        search for a point with every page that names it, and parsing them for the index was
        the largest cost of a big glossary (its "Used in" lists: 10,000 links at 500 pages)."""
        parts = self.late.pop(page.file.src_uri, None) if self.config.enabled else None
        if not parts:
            return output
        with self.stopwatch.measure("backlinks"):
            return views.fill_all(output, parts)

    def _links_html(self, by_uri: dict[str, Page], here: Page, sources: set[str]) -> str:
        """Links from one page to others: points first in number order, then pages by title."""
        points = sorted(self.page_numbers[uri] for uri in sources if uri in self.page_numbers)
        others = sorted(
            (by_uri[uri] for uri in sources if uri not in self.page_numbers),
            key=lambda page: views.sort_key(page.title or ""),
        )
        here_url = here.url
        items = [self._point_item(by_uri, here_url, number) for number in points]
        for page in others:
            url = get_relative_url(page.url, here_url)
            items.append(views.page_item(page.title or page.file.src_uri, url))
        return views.links_list(items)

    def _point_item(self, by_uri: dict[str, Page], here_url: str, number: int) -> str:
        """A point's item in a list on one page, made once per build: the glossary page lists
        each point under every term it uses (11,000 items at 500 pages, 500 different)."""
        key = (here_url, number)
        item = self._items.get(key)
        if item is None:
            url = get_relative_url(by_uri[self.pages[number]].url, here_url)
            item = views.point_item(self.document, number, url, previews=self.config.link_previews)
            self._items[key] = item
        return item

    def _source_of(self, page: Page, config: MkDocsConfig) -> str:
        """The file a contributor edits to change what a page says."""
        number = self.page_numbers.get(page.file.src_uri)
        if number is not None:
            return shown_path(self.document.by_number[number].path)
        return shown_path(page.file.abs_src_path or page.file.src_uri)

    @event_priority(1)  # just before the search plugins (0)
    def _hide_links(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        """The search index gets the page without the links made in its text, then the page
        has them back (``_show_links``).

        The index holds text, never links, so it is the same either way (a build test compares
        it); but the search plugins parse every tag of a page to find its text, and at 500
        pages the 11,000 term links were the largest cost of the glossary after matching:
        hiding them took what it adds from 16.5% to 12.2% of the build's instructions (the same
        pair, `make bench`'s glossary row). Done only where nothing but a search plugin
        handles the page between the two hooks, and where the search plugin leaves the content
        as it is (see ``SEARCH_REWRITES``); ``_show_links`` checks that it did."""
        self._shown = None
        if (
            self.config.enabled
            and page.content
            and not SEARCH_REWRITES.search(page.content)
            and self._only_search_between(config)
        ):
            hidden = treewalk.unlinked(page.content, LINK_CLASSES)
            if len(hidden) != len(page.content):
                self._shown = (page.content, hidden)
                page.content = hidden
        return context

    @event_priority(-1)  # just after the search plugins
    def _show_links(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        if self._shown is not None:
            shown, hidden = self._shown
            self._shown = None
            if page.content != hidden:
                log.warning(
                    f"{page.file.src_uri}: another plugin changed the page while it was being "
                    "indexed for search; the links made in its text are kept and that change "
                    "is not. Please report this with the list of plugins in mkdocs.yml."
                )
            page.content = shown
        return context

    on_page_context = CombinedEvent(_hide_links, _show_links)

    def _only_search_between(self, config: MkDocsConfig) -> bool:
        """Whether the page-context handlers between ``_hide_links`` and ``_show_links`` are
        all a search plugin's (and there is one); found once per build."""
        if self._search_between is None:
            search = [plugin for name, plugin in config.plugins.items() if name in SEARCH_PLUGINS]
            self._search_between = only_between(config.plugins.events["page_context"], self, search)
        return self._search_between

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(self.config.content_dir)
        return server


def only_between(handlers: list[Any], owner: object, allowed: list[object]) -> bool:
    """Whether the handlers between the first and the last of ``owner``'s (bound methods, in
    the order MkDocs runs them) all belong to the ``allowed`` objects, and there is one."""
    owners = [getattr(handler, "__self__", None) for handler in handlers]
    mine = [index for index, each in enumerate(owners) if each is owner]
    between = owners[mine[0] + 1 : mine[-1]] if mine else []
    return bool(between) and all(any(each is one for one in allowed) for each in between)
