"""Dirty builds (`--dirty`) as MkDocs runs them: the adapter's part of ``incremental``.

The site generator asks each page's file whether it changed (``File.is_modified``); this module
answers for every page from the inputs the last build recorded, gives the pages it skips what
the last build knew of them (titles, references, anchors, warnings), converts them after all
where a title every page shows changed, and after the build replaces the lists of links of
skipped pages in their written files and records this build for the next. The decisions and
the record are ``incremental``'s (no MkDocs import there); here are the MkDocs objects.

Only a dirty build keeps a record, so a full build pays nothing for any of this.
"""

from __future__ import annotations

import functools
import inspect
import os
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.commands import build as build_command
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from .incremental import (
    NAV_META,
    Build,
    DropMessage,
    Plan,
    PlannedPage,
    SearchEntries,
    StaleSite,
    State,
    Warnings,
    config_fingerprint,
    digest,
    file_digest,
    folder_files,
    replay,
    text_digest,
    unsupported_plugins,
    written,
)
from .pages import MARKER_START, SettingError

log = get_plugin_logger("numbered-document")

STATE_DIR = ".cache/plugin/numbered-document"
"""Where the record of the last build is kept, beside mkdocs.yml (as Material's plugins keep
their caches): one file per configuration file, never in the site."""
DIRTY_WARNING = "A 'dirty' build is being performed"
"""The start of the site generator's warning about dirty builds, which this plugin's make
exact: it is dropped (and replaced by one line of the plugin's), so `--strict --dirty` builds."""


def _changed() -> bool:
    """A page's answer to whether it changed, in a build that keeps no record."""
    return True


def _every(level: Any) -> bool:
    return True


class DirtyBuilds:
    """What dirty builds need, for one plugin instance: its settings for the process (set by
    ``startup``) and, per build, the bookkeeping of ``incremental.Build``.

    ``plugin`` is the numbered-document plugin, read for its site, linkers, generated pages'
    metadata (``metas``), lists of links (``late``) and stopwatch."""

    def __init__(self, plugin: Any) -> None:
        self.plugin = plugin
        self.keep_state = False
        """Whether a build records what the next dirty build needs: only a dirty build does
        (`--dirty`), so that a full build pays nothing for it; the first dirty build over a
        site without a record converts every page."""
        self.save_state = True
        """Whether that record is written to a file too: not under `mkdocs serve`, whose site
        folder goes when it stops (its rebuilds find the record in memory)."""
        self.memory: tuple[Path | None, State] | None = None
        """The last build's state, kept in memory (between the rebuilds of `mkdocs serve`)."""

    def startup(self, command: str, dirty: bool) -> None:
        self.keep_state = dirty
        self.save_state = command != "serve"

    def shutdown(self) -> None:
        self.memory = None
        self.keep_state, self.save_state = False, True

    # -- A build, in the order of its events ----------------------------------------------

    def begin(self, config: MkDocsConfig) -> None:
        """This build's bookkeeping; the site generator's warning about dirty builds dropped
        where the plugin makes them exact."""
        state_file = None
        if config.config_file_path:
            config_file = Path(config.config_file_path)
            state_file = config_file.parent / STATE_DIR / f"{config_file.name}.json"
        settings = (  # a full build records nothing
            config_fingerprint(config, config.plugins, config.theme) if self.keep_state else ""
        )
        self.build = Build(state_file, os.path.abspath(config.site_dir), settings=settings)
        self.unsupported = unsupported_plugins(config.plugins)
        self.build.exact = not self.unsupported
        self.warnings = Warnings(["mkdocs", build_command.__name__.split(".")[0]])
        self.dirty_filter = DropMessage(DIRTY_WARNING)
        if self.build.exact and self.keep_state:
            build_command.log.addFilter(self.dirty_filter)

    def watch_linkers(self) -> None:
        """What each page's text names, found by the linkers' own finders, is an input of it."""
        if self.keep_state:
            plugin, recorder = self.plugin, self.build.recorder
            plugin.linker.pattern = recorder.references(plugin.linker.pattern)
            plugin.glossary.matcher = recorder.glossary(plugin.glossary.matcher)

    def watch_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Take each page's source as it is now, and answer for every page when the site
        generator asks whether it changed (it asks in dirty builds only). Where this build
        keeps no record (not a dirty build), every page counts as changed: a dirty build
        without `on_startup` (called by the command line) converts every page."""
        index = Path(config.site_dir, "search", "search_index.json")
        self.search = SearchEntries(config.plugins, index)
        self.files = files
        pages = files.documentation_pages(inclusion=_every)
        if not self.keep_state:
            for file in pages:
                file.is_modified = _changed
            return
        build, metas = self.build, self.plugin.metas
        for file in pages:
            meta = metas.get(file.src_uri)
            if meta is not None:
                build.sources[file.src_uri] = text_digest(file.content_string, meta)
            else:
                build.sources[file.src_uri] = self._source(file)
            file.is_modified = functools.partial(self._modified, file.src_uri)
        build.signature = digest([build.settings, self._signature(files, config)])
        build.hashes = self._link_hashes()

    def _link_hashes(self) -> tuple[dict[int, str], dict[str, str]]:
        """What a link to each point and to each term shows (its hover text, where it goes)."""
        targets = {
            number: digest([t.src_uri, t.title, t.items])
            for number, t in self.plugin.linker.targets.items()
        }
        entries = {
            term: digest([e.src_uri, e.anchor, e.tooltip])
            for term, e in self.plugin.glossary.entries.items()
        }
        return targets, entries

    def _source(self, file: File) -> str:
        """A hand-written page's source, with the panels the plugin fills in."""
        try:
            text = file.content_string
        except (OSError, ValueError):
            return ""  # the site generator reports it when it reads the page
        if MARKER_START in text:
            try:
                text = self.plugin.site.fill_markers(text, file.src_uri)
            except SettingError as error:
                text = str(error)
        return text_digest(text)

    def _signature(self, files: Files, config: MkDocsConfig) -> list[Any]:
        """What every page shows, besides the settings: every file (and, for a generated page,
        its title and what the navigation shows of it), the theme's templates, the code of
        the site generator, of its plugins and of this one, the document file, the terms."""
        plugin = self.plugin
        pages = []
        for file in files:
            meta = plugin.metas.get(file.src_uri, {})
            nav = {key: meta.get(key) for key in ("title", *NAV_META)}
            pages.append([file.src_uri, file.inclusion.name, nav])
        custom = config.theme.custom_dir
        themes = [(d, written(os.path.join(d, "main.html"))) for d in config.theme.dirs]
        code = [mkdocs.__version__, folder_files(Path(__file__).parent, contents=False)]
        code += [written(inspect.getfile(type(each))) for each in config.plugins.values()]
        document = Path(plugin.config.content_dir) / plugin.config.document_file
        terms = plugin.site.document.terms
        forms = sorted((form, term.id) for term in terms for form in term.forms)
        return [
            pages,
            folder_files(Path(custom)) if custom else [],
            themes,
            code,
            file_digest(document),
            forms,
        ]

    def _modified(self, src_uri: str) -> bool:
        with self.plugin.stopwatch.measure("incremental"):
            return self.build.modified(src_uri, self._plan)

    def _plan(self) -> Plan:
        """Which pages this dirty build converts: those whose inputs changed. Where it is all
        of them for want of a usable record, the site folder is cleaned as a full build does."""
        build, files = self.build, self.files.documentation_pages(inclusion=_every)
        build.load(self.memory[1] if self.memory and self.memory[0] == build.state_file else None)
        pages = {
            file.src_uri: PlannedPage(file.src_uri, file.abs_dest_path, build.sources[file.src_uri])
            for file in files
        }
        plan = Plan(pages, build.previous, build.signature, self.plugin.site.head, *build.hashes)
        if not build.exact:
            plan.everything = f"plugins it cannot keep exact: {', '.join(self.unsupported)}"
        plan.decide()
        if not plan.everything and len(plan.converted) < len(pages):
            urls = {  # as a page gives its URL: the home page's is "", not "./"
                "" if file.url in (".", "./") else file.url: file.src_uri for file in files
            }
            previous = build.previous.search if build.previous is not None else None
            if not self.search.read_previous(urls, previous):
                plan.everything_because("the search index is not the one the last build wrote")
        if build.exact and plan.everything:
            clean_directory(build.site_dir)
        return plan

    def start_page(self, src_uri: str) -> None:
        if self.keep_state:
            self.build.start_page(src_uri)

    def pre_page(self) -> None:
        if self.keep_state:
            self.warnings.start()

    def page_done(self, page: Page) -> None:
        if self.keep_state:
            self.build.page_done(page, self.warnings.stop())

    def complete(self, config: MkDocsConfig, files: Files) -> None:
        """A dirty build, once MkDocs has converted what it would: what the skipped pages
        would have given, from the last build's record, so that the late lists, the data files
        and every page's navigation are a full build's. Where a converted page's title changed
        (every page's navigation shows it), the skipped pages are converted now and every page
        is written."""
        build, plugin = self.build, self.plugin
        if build.plan is None:  # not a dirty build
            return
        retitled = build.retitled()
        if retitled and build.skipped:
            uri, old, new = retitled[0]
            log.info(
                f"{uri}: its title changed from {old!r} to {new!r}, and every page's navigation "
                "shows it: every page is converted and written."
            )
            _convert(config, files, build.skipped)
            build.convert_all()
        for uri in build.skipped:
            self._keep(files, uri)
        order = [file.src_uri for file in files.documentation_pages(inclusion=_every)]
        plugin.linker.mentions = build.merged(order, plugin.linker.mentions, "mentions")
        plugin.glossary.uses = build.merged(order, plugin.glossary.uses, "uses")

    def _keep(self, files: Files, src_uri: str) -> None:
        """A skipped page as the last build left it, for what other pages and the checks
        after the build read of it; and the warnings its conversion logged, again."""
        file, record = files.src_uris.get(src_uri), self.build.kept(src_uri)
        if file is None or file.page is None or record is None:
            return
        page = file.page
        page.title = record.title
        page.meta = dict(self.plugin.metas.get(src_uri) or record.nav)
        if record.anchors is not None:
            page.present_anchor_ids = set(record.anchors)
        if record.anchor_links is not None:
            page.links_to_anchors = {
                target: links
                for uri, links in record.anchor_links.items()
                if (target := files.src_uris.get(uri)) is not None
            }
        replay(record.warnings)

    def lists_made(self, late: dict[str, dict[str, str]]) -> None:
        """Every page's lists of links, as on_env made them: what each page shows of them."""
        if self.keep_state:
            self.build.late = {uri: digest(parts) for uri, parts in late.items()}
        self.build.writing = True

    def head(self, src_uri: str, head: str) -> None:
        if self.keep_state:
            self.build.heads[src_uri] = head

    def search_before(self) -> None:
        if self.keep_state:
            self.search.before()

    def search_after(self, src_uri: str) -> None:
        if self.keep_state:
            self.search.after(src_uri)

    def finish(self) -> None:
        """Finish a dirty build (lists of links replaced in skipped pages, their search entries
        put back), then record this build for the next."""
        build_command.log.removeFilter(self.dirty_filter)
        build, plugin = self.build, self.plugin
        with plugin.stopwatch.measure("incremental"):
            pages = {
                file.src_uri: file.abs_dest_path
                for file in self.files.documentation_pages(inclusion=_every)
            }
            if build.plan is not None:
                try:
                    replaced = build.refill(pages, plugin.late)  # skipped pages: never popped
                except StaleSite as error:
                    raise PluginError(f"numbered-document: {error}") from None
                self.search.merge(build.written_order, set(build.skipped))
            if self.keep_state:
                fresh = (plugin.linker.mentions, plugin.glossary.uses)
                state = build.finish(pages.items(), fresh, self.search)
                if build.state_file is not None and self.save_state:
                    state.save(build.state_file)
                self.memory = (build.state_file, state)
        if build.plan is not None:
            log.info(build.summary(replaced))
            log.debug(f"pages converted: {', '.join(build.rebuilt)}")
        seconds = plugin.stopwatch.seconds["incremental"]
        log.debug(f"time spent on what dirty builds need: {seconds:.3f} s")

    def failed(self) -> None:
        build_command.log.removeFilter(self.dirty_filter)
        self.warnings.stop()
        self.memory = None


def _convert(config: MkDocsConfig, files: Files, src_uris: list[str]) -> None:
    """Convert pages the site generator skipped, as it converts a page (its events in its
    order: every plugin's, this one's too)."""
    plugins = config.plugins
    for src_uri in src_uris:
        file = files.src_uris.get(src_uri)
        assert file is not None and file.page is not None
        config._current_page = page = file.page
        try:
            page = plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            assert page.markdown is not None
            page.markdown = plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files
            )
            page.render(config, files)
            assert page.content is not None
            page.content = plugins.on_page_content(
                page.content, page=page, config=config, files=files
            )
        finally:
            config._current_page = None
