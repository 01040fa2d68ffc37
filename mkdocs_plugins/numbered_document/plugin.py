"""The MkDocs adapter: with ``dirty`` (its part for dirty builds), the only module that knows
MkDocs. Each hook hands data to the core.

Order within a build: on_config loads and checks the content (stops at once if it cannot be read),
makes the ``Site`` (pages declared in ``pages/``, words from the catalog) and registers the
linkers; on_files adds the generated pages; on_page_markdown tells the linkers which page they
are on; on_env, when every page is converted, makes the late lists ("Refers to", "Used in") and
the data files; on_post_page puts the lists into each written page; on_post_build records what
the next dirty build needs (``incremental``).

Dirty builds (``--dirty``) are ``dirty.DirtyBuilds``'s: each hook tells it what it needs.
"""

from __future__ import annotations

import functools
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import glossary, references
from .catalog import CatalogError
from .config import NumberedDocumentConfig
from .dirty import DirtyBuilds
from .glossary import glossary_extension
from .graph import ReferenceGraph
from .late import LateLists, fill_all
from .layout import expand_nav
from .loader import LoadedFiles, load_document
from .model import ContentError, shown_path
from .pages import Same, SettingError, Site, catalog_for
from .pages.kept import Served, frozen, inputs, linked, own_pages
from .pages.reference import Published
from .references import reference_extension
from .searchshield import SearchShield
from .searchwords import Enricher, variants
from .timing import Stopwatch

if TYPE_CHECKING:  # imported for the type only: `mkdocs build` never loads the server
    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("numbered-document")  # the prefix readers see, as in mkdocs.yml

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/numbered-document"
LINK_CLASSES = (references.LINK_CLASS, glossary.LINK_CLASS)


class NumberedDocumentPlugin(BasePlugin[NumberedDocumentConfig]):
    """Turns a content folder of numbered points into pages that link to each other."""

    supports_multiple_instances = False
    keep_late_parts = False
    """Whether the lists of links of every page are kept after they are written in
    (``late_parts``): only the ``generate`` command reads them, and at 2,800 points they are
    megabytes held to the end of the build."""

    def __init__(self) -> None:
        super().__init__()
        self.dirty = DirtyBuilds(self)
        """What dirty builds need (``dirty``): kept between the rebuilds of `mkdocs serve`."""
        self.loaded: LoadedFiles | None = None
        """Each content file as the last load made it, under `mkdocs serve` only (the same
        instance serves every rebuild): a rebuild reads again only the files that changed."""
        self.unwritten: list[File] = []
        """The data files, until the site generator has written them (it does after on_env)."""
        self.served: Served | None = None
        """What a rebuild under `mkdocs serve` takes from the last one while what it is made
        from did not change (``pages.kept``): pages, lists of links, data files."""
        self.made_from: tuple[Any, ...] = ()
        """Under `mkdocs serve`, what this build's pages, lists and data are made from besides
        the document (``pages.kept.inputs``), found once per build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that the same instance serves every rebuild of `mkdocs serve`: the
        last build's record stays in memory."""
        self.dirty.startup(command, dirty)
        self.loaded = LoadedFiles() if command == "serve" else None
        serving = command == "serve"
        self.served = Served() if serving else None

    def on_shutdown(self) -> None:
        self.dirty.shutdown()
        self.loaded = self.served = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.dirty.begin(config)
        self.stopwatch = Stopwatch()
        self.late: dict[str, dict[str, str]] = {}
        """Source path of a page → its placeholders and the lists of links that replace them."""
        self.site = self._site(config)
        enrich = Enricher(variants(self.site.document))
        self.shield = SearchShield(self, LINK_CLASSES, log, enrich, self.site.unindexed)
        self.page_numbers = {
            self.site.path("point", p): p.number for p in self.site.document.points
        }
        for name in ("attr_list", "md_in_html", "tables"):  # what the generated pages use
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        self.linker = self.site.reference_linker(previews=self.config.link_previews)
        self.glossary = self.site.term_linker(mode=self.config.glossary_links)
        self.dirty.watch_linkers()
        config.markdown_extensions.append(reference_extension(self.linker, self.stopwatch))
        if self.site.document.terms:  # with none, the walk has nothing to look for
            config.markdown_extensions.append(glossary_extension(self.glossary, self.stopwatch))
        config.extra_css.append(f"{ASSET_DIR}/style.css")
        config.extra_javascript.extend(f"{ASSET_DIR}/{name}" for name in self._scripts)
        if config.nav:
            self._expand_nav(config.nav)
        return config

    def _site(self, config: MkDocsConfig) -> Site:
        """The content, loaded and checked, as a site in the interface's language."""
        try:
            Site.check_settings(self.config)
            with self.stopwatch.measure("load"):
                document = load_document(
                    Path(self.config.content_dir),
                    document_file=self.config.document_file,
                    points_dir=self.config.points_dir,
                    glossary_dir=self.config.glossary_dir,
                    timeline_dir=self.config.timeline_dir,
                    loaded=self.loaded,
                )
            language = self.config.language or str(config.theme.get("language") or "en")
            # None where neither is set: Path("") would be the folder the build runs in.
            folder = self.config.templates_dir or self._custom_templates(config)
            folders = [Path(folder)] if folder else []
            catalog = catalog_for(document, language, folders)
        except ContentError as error:
            count = len(error.problems)
            raise PluginError(
                f"{count} problem{'s' if count > 1 else ''} in the content:\n{error}"
            ) from None
        except (CatalogError, SettingError) as error:
            raise PluginError(f"numbered-document: {error}") from None
        return Site(
            document,
            settings=dict(self.config),  # a plain dict: read for every link of every page
            catalog=catalog,
            site_name=config.site_name,
            address=lambda src_uri: self._address(config, src_uri),
            template_folders=folders,
            site_url=config.site_url or "",
        )

    @staticmethod
    def _custom_templates(config: MkDocsConfig) -> str:
        """The site's templates folder: ``numbered_document`` in the theme's custom_dir."""
        custom = config.theme.custom_dir
        return os.path.join(custom, "numbered_document") if custom else ""

    @property
    def _scripts(self) -> list[str]:
        return list(dict.fromkeys(a for kind in self.site.kinds.values() for a in kind.assets))

    def _expand_nav(self, nav: list[Any]) -> None:
        """List the generated pages under their index pages where the site's nav names them."""
        for kind, index, pages in self.site.sections():
            title = self.site.catalog(kind.nav_title)
            if not expand_nav(nav, index, pages, title):
                setting = kind.nav_setting or kind.setting
                hint = f"{setting}: index" if kind.nav_setting else f"{setting}: ''"
                log.warning(
                    f"the site's nav does not list {index}: add it where the {title.lower()} "
                    f"belong, or set the plugin's `{hint}`."
                )

    @staticmethod
    def _address(config: MkDocsConfig, src_uri: str) -> str:
        """A page's stable address: absolute with the site's `site_url`, else from the root."""
        url = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url
        return urljoin(config.site_url, url) if config.site_url else f"/{url}"

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        with self.stopwatch.measure("pages"):
            if self.served is None:
                generated = self.site.generate()
            else:  # what the pages, lists and data are made from, besides the document
                self.made_from = inputs(
                    self.site, config.docs_dir, config.site_dir, config.use_directory_urls
                )
                kept = self.served.pages.get(self.site, self.made_from)
                generated = own_pages(kept)
        if self.config.dump_markdown:
            dump = Path(self.config.dump_markdown)
            for src_uri, page in generated.items():
                (dump / src_uri).parent.mkdir(parents=True, exist_ok=True)
                (dump / src_uri).write_text(page.text, encoding="utf-8")
        self.metas = {src_uri: page.meta for src_uri, page in generated.items()}
        for src_uri in list(generated):
            page = generated.pop(src_uri)  # each page's text held once, by its file
            # A first line left blank: MkDocs reads "Key: value" lines that open a page without
            # front matter as metadata, and the metadata is given as it is (on_page_markdown).
            self._add_page(files, config, src_uri, "\n" + page.markdown)
        for name in ["style.css", *self._scripts]:
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(ASSETS / name))
            )
        self.linker.href = self.glossary.href = self._href(files)
        # Known to MkDocs from the start, so pages can link to them; written in on_env.
        self.data_files = {
            output.name: File.generated(config, self.site.output_path(output), content="")
            for output in self.site.outputs
        }
        for file in self.data_files.values():
            files.append(file)
        with self.stopwatch.measure("incremental"):
            self.dirty.watch_pages(files, config)
        return files

    def _add_page(self, files: Files, config: MkDocsConfig, src_uri: str, content: str) -> None:
        if src_uri in files.src_uris:
            raise PluginError(
                f"{config.docs_dir}/{src_uri} is also a generated page: rename or remove the "
                "hand-written file, or change the plugin's page settings in mkdocs.yml."
            )
        kind, item = self.site.pages[src_uri]
        listed = self.site.in_nav(kind)
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        if kind.source is not None:
            # "Edit this page" opens the content file, not the generated page.
            file.edit_uri = Path(os.path.relpath(kind.source(item), config.docs_dir)).as_posix()
        files.append(file)

    @staticmethod
    def _href(files: Files) -> Any:
        """The link from one page to another, by source path, as a final URL.

        Links made in prose are written as HTML, which MkDocs' link resolver never sees (and
        resolving a .md path per link cost more than finding the links, measured by `make
        bench`). Looked up when first needed (drafts under `mkdocs serve` and other plugins'
        pages too), then kept for this build: each lookup in `files` builds paths."""
        relative: dict[tuple[str, str], str] = {}

        def href(page: str, target: str) -> str:
            if page == target:
                return ""
            found = relative.get((page, target))
            if found is None:
                # By source path as the linkers name pages: get_file_from_path would make a
                # path object of each name first (0.04 s of a profiled build at 280 points).
                here, there = files.src_uris.get(page), files.src_uris.get(target)
                assert here is not None and there is not None, (page, target)
                found = relative[page, target] = get_relative_url(there.url, here.url)
            return found

        return href

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            src_uri = page.file.src_uri
            meta = self.metas.get(src_uri)
            if meta is not None:  # a generated page: its metadata as the site made it
                page.meta = dict(meta)
                # The page holds its Markdown now: the file's copy would stay for the whole
                # build (25 MiB at 2,800 points), read by nothing.
                page.file.content_string = ""
            self.linker.start_page(src_uri, self.page_numbers.get(src_uri))
            self.glossary.start_page(src_uri)
            self.dirty.start_page(src_uri)
            if src_uri not in self.site.pages:
                try:
                    return self.site.fill_markers(markdown, src_uri)
                except SettingError as error:
                    raise PluginError(f"numbered-document: {error}") from None
        return markdown

    @event_priority(100)  # first: what the page's conversion logs is the page's
    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
        if self.config.enabled:
            self.dirty.pre_page()
        return page

    @event_priority(-100)  # last, for the same reason
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            for problem in self.linker.problems:
                log.warning(f"{self._source_of(page)}: {problem}")
            self.linker.problems.clear()
            self.dirty.page_done(page)
            if page.file.src_uri in self.metas:
                # Converted, and every plugin's conversion hooks have run: nothing reads a
                # generated page's Markdown again, which MkDocs would keep to the end of the
                # build with every other (25 MiB at 2,800 points, alive at the peak).
                page.markdown = ""
        return html

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Every page is converted: fill in who refers to each point and where terms are used
        (as autorefs resolves its references here), then write the data files."""
        if not self.config.enabled:
            return env
        with self.stopwatch.measure("incremental"):
            self.dirty.complete(config, files)
        with self.stopwatch.measure("backlinks"):
            # Every page by source path, once: "used in" alone asks for thousands at scale.
            pages = {file.src_uri: file.page for file in files if file.page is not None}
            urls = {uri: page.url for uri, page in pages.items()}
            titles = {uri: page.title or "" for uri, page in pages.items()}
            self.titles = {uri: html.unescape(title) for uri, title in titles.items()}
            late, data = self._lists_and_data(urls, titles)
            self.late = late  # emptied as pages are written
            if self.keep_late_parts:  # for `generate`, which writes them into the Markdown
                self.late_parts = dict(self.late)
            self.dirty.lists_made(self.late)
            for name, text in data.items():
                self.data_files[name].content_string = text
            if not self.keep_late_parts:  # `generate` reads them after the build
                self.unwritten = list(self.data_files.values())
        log.debug(
            "time per stage: "
            + ", ".join(f"{k} {v:.3f} s" for k, v in sorted(self.stopwatch.seconds.items()))
        )
        return env

    def _lists_and_data(
        self, urls: dict[str, str], titles: dict[str, str]
    ) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
        """Each page's lists of links (by placeholder), and each data file's text by name; under
        `mkdocs serve`, the last rebuild's while nothing they are made from changed: the lists
        show the points' titles and what pages name, so editing a point's wording keeps them."""
        site, served = self.site, self.served
        mentions, uses, point_pages = self.linker.mentions, self.glossary.uses, self._point_pages

        def graph_made() -> ReferenceGraph:
            return ReferenceGraph(site.document, point_pages, mentions)

        def lists(graph: ReferenceGraph) -> dict[str, dict[str, str]]:
            made = LateLists(site, urls, titles, get_relative_url, self.config.link_previews)
            return made.by_page(graph, uses)

        def data(graph: ReferenceGraph) -> dict[str, str]:
            named_pages = [*point_pages.values(), *mentions]
            plain = {uri: html.unescape(titles[uri] or uri) for uri in named_pages}
            records = served.records if served is not None else None
            published = Published(site, graph, urls, plain, records)
            return {output.name: output.make(published) for output in site.outputs}

        if served is None:
            graph = graph_made()
            return lists(graph), data(graph)
        shown, named = linked(site), frozen(mentions)
        kept_graph = functools.cache(
            lambda: served.graph.get((self.made_from, shown, named), graph_made)
        )
        # The data files show every field, mappings in their order: the same document object.
        named_by = (named, frozen(uses), urls, titles)
        late = served.lists.get((self.made_from, shown, named_by), lambda: lists(kept_graph()))
        document = Same(site.document)
        texts = served.data.get((self.made_from, document, named_by), lambda: data(kept_graph()))
        return {uri: dict(parts) for uri, parts in late.items()}, texts

    @property
    def _point_pages(self) -> dict[int, str]:
        return {number: src_uri for src_uri, number in self.page_numbers.items()}

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """The lists of links made in on_env go into the written page here, after the search
        plugin has indexed its content: they are lists of titles that would swamp a reader's
        search for a point with every page that names it, and parsing them for the index was
        the largest cost of a big glossary (its "Used in" lists: 10,000 links at 500 pages)."""
        if not self.config.enabled:
            return output
        while self.unwritten:  # written before the first page: read by nothing after
            self.unwritten.pop().content_string = ""  # (14 MiB at 2,800 points)
        head = self.site.head(page.file.src_uri, self.titles)
        self.dirty.head(page.file.src_uri, head)
        if head:
            output = output.replace("</head>", f"{head}\n</head>", 1)
        parts = self.late.pop(page.file.src_uri, None)
        if not parts:
            return output
        with self.stopwatch.measure("backlinks"):
            return fill_all(output, parts, wrap=True)

    def _source_of(self, page: Page) -> str:
        """The file a contributor edits to change what a page says."""
        number = self.page_numbers.get(page.file.src_uri)
        if number is not None:
            return shown_path(self.site.document.by_number[number].path)
        return shown_path(page.file.abs_src_path or page.file.src_uri)

    @event_priority(1)  # just before the search plugins (0)
    def _hide_links(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        if self.config.enabled:
            self.shield.hide(page, config.plugins)
            self.dirty.search_before()
        return context

    @event_priority(-1)  # just after the search plugins
    def _show_links(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        if self.config.enabled:
            self.dirty.search_after(page.file.src_uri)
            self.shield.show(page)
        return context

    on_page_context = CombinedEvent(_hide_links, _show_links)

    @event_priority(-50)  # after the search plugins write their index, before `offline` reads it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self.dirty.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.config.enabled:
            self.dirty.failed()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(self.config.content_dir)
            if self.config.templates_dir:  # the server watches the theme's custom_dir itself
                server.watch(self.config.templates_dir)
        return server
