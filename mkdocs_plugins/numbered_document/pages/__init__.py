"""The registry of generated pages and output files: each declared once, in its own module.

A module of this package declares ``KINDS`` (page kinds) and ``OUTPUTS`` (data files); the
registry finds every module here, so adding a page kind means its module and its template, and
adding a data file means one ``Output`` in its module. Each declaration says where the page goes
(a plugin setting: a page path or a folder), whether the document has what it shows, what the
template gets (a pure function of the model: the page's *selector*), and where it is listed.

``Site`` is the core the MkDocs adapter drives: it knows the document, the settings, the
interface words and the templates, and turns them into every page's Markdown, the late lists of
links and the data files. No MkDocs import.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jinja2

from ..catalog import Catalog, read_catalog
from ..glossary import TERM_ATTRIBUTE, Entry, GlossaryLinker, Mode, plain_text, term_matcher
from ..model import Document
from ..references import Linker, ReferencePattern, Target
from ..templating import TEMPLATES, Words, environment, front_matter_text
from ..treewalk import REPEATED

Context = dict[str, Any]
MARKER_START = "<!-- numbered-document:"
MARKER = re.compile(r"^<!-- numbered-document: ([a-z-]+) -->$", re.MULTILINE)
"""A line in a hand-written page where the plugin puts a generated panel."""
FOLD = 8
"""Lists of links longer than this are folded (``<details>``) where a page lists many."""


class Same:
    """A value that compares equal only to a ``Same`` of the very same object: what a page
    reads where nothing says which parts of it (a mapping's order, any field) it shows. (A
    plain class: a dataclass is compiled from source when imported, in every build.)"""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


class SettingError(ValueError):
    """A plugin setting cannot place a page; the message names it and what to write."""


def _always(document: Document) -> bool:
    return True


@dataclass(frozen=True)
class Generated:
    """A generated page: its Markdown, and its metadata (title, description, search rank),
    which the site generator gets as they are, not as front matter to parse."""

    markdown: str
    meta: dict[str, Any]

    @property
    def text(self) -> str:
        """The page as a Markdown file: front matter, then the Markdown."""
        return front_matter_text(self.meta) + self.markdown


@dataclass(frozen=True)
class PageKind:
    """One kind of generated page: one page, or one per item (a point, a party...)."""

    name: str
    template: str
    setting: str
    """The plugin setting that places it: a page path (``glossary.md``) or, with ``each`` or
    ``index``, a folder (``parties``). An empty setting switches the kind off."""
    order: int
    """Where its pages come among the generated files (and so in search and the sitemap)."""
    select: Callable[[Site, Any], Context]
    """What the template gets for one page (the item is None for a single page)."""
    each: Callable[[Document], Iterable[Any]] | None = None
    """The items that get a page each; their key (``key``) names the page in the folder."""
    key: Callable[[Any], str] = str
    index: bool = False
    """The overview page of its folder (``FOLDER/index.md``)."""
    needs: Callable[[Document], bool] = _always
    """Whether the document has what the kind shows (no timeline without events)."""
    listed_under: str = ""
    """The kind whose page lists these pages in the site's navigation (their index page)."""
    nav_title: str = ""
    """Catalog key of the navigation section's title, when listed under an index."""
    nav_setting: str = ""
    """A plugin setting that lists these pages in the navigation when it says ``section``
    (with ``index``, only their index page lists them)."""
    source: Callable[[Any], Path] | None = None
    """The content file a contributor edits to change the page ("Edit this page")."""
    assets: tuple[str, ...] = ()
    """Scripts from the plugin's assets that its page needs."""
    optional: bool = True
    """Whether its setting may be empty; not for a page that other pages link to."""
    indexed: bool = True
    """Whether the site's search indexes the page: not one that repeats the items in full (the
    full text), whose every item a reader finds on its own page, once."""
    reads: Callable[[Site, Any], tuple[Any, ...]] | None = None
    """What one page of the kind shows of the points, terms and events, as values to compare
    (the item, its neighbours...). Under `mkdocs serve`, a page is made again only when this
    changes, or what every page may show (``Site.shared``) or is made with (settings, catalog,
    templates: ``kept.inputs``) does; without it, when any point, term or event changes. It
    speaks for the shipped templates: where a site overrides one, every page reads it all; a
    shipped template or selector that comes to show more must say so here (tests/test_kept.py
    edits each field of a point, an event and a term, and compares with a fresh load)."""


@dataclass(frozen=True)
class Output:
    """One published data file: its name in the data folder and how it is made."""

    name: str
    order: int
    make: Callable[[Any], str]
    """The file's text, from what is known once every page is converted (``Published``: the
    site, the reference graph, every page's address)."""
    needs: Callable[[Site], bool] = lambda site: True
    """Whether the site has what the file holds (a feed needs events and an address)."""
    at_root: bool = False
    """Published at the site's root rather than in the data folder (a feed: the theme reads
    ``sitemap.xml`` beside any ``rel="alternate"`` link, so the feed stands beside it)."""

    @property
    def description(self) -> str:
        """The catalog key of what it holds, for the data page."""
        return "data.files." + self.name.replace(".", "_")


def _modules() -> Iterator[Any]:
    for info in pkgutil.iter_modules(__path__):
        yield importlib.import_module(f"{__name__}.{info.name}")


@cache
def registry() -> tuple[tuple[PageKind, ...], tuple[Output, ...]]:
    """Every page kind and output declared in this package, in their order (found once)."""
    modules = list(_modules())
    kinds = sorted((k for m in modules for k in getattr(m, "KINDS", ())), key=lambda k: k.order)
    outputs = sorted((o for m in modules for o in getattr(m, "OUTPUTS", ())), key=lambda o: o.order)
    return tuple(kinds), tuple(outputs)


def catalog_for(document: Document, language: str, folders: list[Path]) -> Catalog:
    """The interface words in ``language``, with the document's item words in it: those it
    declares for that language, else its own (``items`` in the document file)."""
    items = document.meta.items
    words = items.languages.get(language) or items.languages.get(language.split("-")[0])
    if words is None:
        words = {"singular": items.singular, "plural": items.plural}
    return Catalog(language, read_catalog(language, folders), words)


@dataclass
class Site:
    """The document as a set of generated pages and files, in one language."""

    document: Document
    settings: Mapping[str, Any]
    """The plugin's settings (page paths, folders, options), as written in mkdocs.yml."""
    catalog: Catalog
    site_name: str = ""
    address: Callable[[str], str] = lambda src_uri: ""
    """A page's stable, absolute address (for citations), by source path."""
    template_folders: list[Path] = field(default_factory=list)
    site_url: str = ""
    """The site's absolute address, ending in "/"; empty where it has none (offline)."""
    _once: dict[Callable[[Site], Any], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def once(self, make: Callable[[Site], Any]) -> Any:
        """``make(self)``, made once for this site: what the pages of several kinds read."""
        if make not in self._once:
            self._once[make] = make(self)
        return self._once[make]

    @cached_property
    def kinds(self) -> dict[str, PageKind]:
        """The kinds that are on: their setting is not empty and the document has their data."""
        return {
            kind.name: kind
            for kind in registry()[0]
            if str(self.settings[kind.setting]).strip("/") and kind.needs(self.document)
        }

    @staticmethod
    def check_settings(settings: Mapping[str, Any]) -> None:
        """Each setting that places a single page must be a page path ending in .md (or
        empty, where the page may be left out); raises ``SettingError`` saying which."""
        for kind in registry()[0]:
            if kind.each is not None or kind.index:
                continue
            value = str(settings[kind.setting])
            if (value or not kind.optional) and not value.endswith(".md"):
                example = kind.setting.removesuffix("_page").replace("_", "-")
                raise SettingError(
                    f"'{kind.setting}' in mkdocs.yml must be a page path ending in .md, "
                    f"e.g. '{example}.md'."
                )

    def reference_linker(self, previews: bool = False) -> Linker:
        """The linker of references to points, with each point's page and hover title."""
        document, words = self.document, self.words
        targets = {
            point.number: Target(
                src_uri=self.path("point", point),
                title=words.heading(point),
                items=len(point.items),
                anchor=lambda item, n=point.number: document.anchor(n, item),
            )
            for point in document.points
        }
        pattern = ReferencePattern.for_words(document.meta.items)
        return Linker(pattern=pattern, targets=targets, previews=previews)

    def term_linker(self, mode: Mode = "page") -> GlossaryLinker:
        """The linker of glossary terms, with each definition as plain text for hovering."""
        page = self.path("glossary")
        forms = {form: term.id for term in self.document.terms for form in term.forms}
        entries = {
            term.id: Entry(page, term.id, plain_text(term.meta.definition))
            for term in self.document.terms
        }
        return GlossaryLinker(term_matcher(forms), entries, mode=mode)

    @staticmethod
    def outputs_declared() -> tuple[Output, ...]:
        return registry()[1]

    @property
    def outputs(self) -> tuple[Output, ...]:
        """The data files this site publishes."""
        return tuple(output for output in self.outputs_declared() if output.needs(self))

    @property
    def data_dir(self) -> str:
        return str(self.settings["data_dir"]).strip("/")

    def output_path(self, output: Output) -> str:
        """Where a data file goes, from the site's root."""
        return output.name if output.at_root else f"{self.data_dir}/{output.name}"

    def path(self, kind: str, key: Any = None) -> str:
        """Where a page of ``kind`` goes (source path), or "" when the kind is off."""
        found = self.kinds.get(kind)
        if found is None:
            return ""
        place = str(self.settings[found.setting]).strip("/")
        if found.index:
            return f"{place}/index.md"
        if found.each is not None and key is not None:
            return f"{place}/{key if isinstance(key, str) else found.key(key)}.md"
        return place

    @cached_property
    def pages(self) -> dict[str, tuple[PageKind, Any]]:
        """Every generated page by source path, with its kind and item, in order."""
        found: dict[str, tuple[PageKind, Any]] = {}
        for kind in self.kinds.values():
            items = [None] if kind.each is None else list(kind.each(self.document))
            for item in items:
                found[self.path(kind.name, item)] = (kind, item)
        return found

    @cached_property
    def shared(self) -> tuple[Any, ...]:
        """What any page may show besides what its kind ``reads``: the document file's data
        (as JSON, so that a mapping whose keys moved compares as changed), where the content
        is, which kinds are on and where every page goes."""
        document = self.document
        meta = document.meta.model_dump_json()
        return (meta, document.root, document.path, tuple(self.kinds), tuple(self.pages))

    def reads(self, src_uri: str) -> tuple[Any, ...]:
        """What a page shows of the points, terms and events (``PageKind.reads``): where its
        kind does not say, or where the site overrides a template, the document itself, as
        the same object (``Same``): the page is made again whenever the content changed."""
        kind, item = self.pages[src_uri]
        if kind.reads is None or self.overrides_templates:
            return (Same(self.document),)
        return kind.reads(self, item)

    @cached_property
    def overrides_templates(self) -> bool:
        """Whether the site's templates folders replace a shipped template (a file of the same
        name): that template, and any it includes, may show anything of the document. Other
        files there (a catalog in ``locales``, a note) are never read as templates."""
        shipped = [path.name for path in TEMPLATES.iterdir() if path.is_file()]
        return any(
            (folder / name).is_file() for folder in self.template_folders for name in shipped
        )

    @cached_property
    def unindexed(self) -> frozenset[str]:
        """The generated pages the site's search leaves out (``PageKind.indexed``)."""
        return frozenset(uri for uri, (kind, _) in self.pages.items() if not kind.indexed)

    @cached_property
    def words(self) -> Words:
        return Words(self.document, self.catalog)

    @cached_property
    def templates(self) -> jinja2.Environment:
        env = environment(self.words, self.path, self.template_folders)
        env.globals.update(
            REPEATED=REPEATED, TERM_ATTRIBUTE=TERM_ATTRIBUTE, FOLD=FOLD, settings=self.settings
        )
        return env

    def render(self, template: str, context: Context) -> str:
        return self.templates.get_template(template).render(context)

    def page(self, src_uri: str) -> Generated:
        """One generated page: its Markdown (ending with one newline) and its metadata."""
        kind, item = self.pages[src_uri]
        meta: dict[str, Any] = {}
        if not kind.indexed:  # Material's way; other search plugins get it empty (searchshield)
            meta["search"] = {"exclude": True}
        context = {"page": src_uri, "page_meta": meta, **kind.select(self, item)}
        markdown = self.render(kind.template, context).strip("\n") + "\n"
        return Generated(markdown, meta)

    def generate(self) -> dict[str, Generated]:
        """Every generated page, by source path."""
        return {src_uri: self.page(src_uri) for src_uri in self.pages}

    def in_nav(self, kind: PageKind) -> bool:
        """Whether the navigation lists the pages of a kind (or only their index does)."""
        return not kind.nav_setting or self.settings[kind.nav_setting] == "section"

    def sections(self) -> Iterator[tuple[PageKind, str, list[str]]]:
        """Each kind listed under an index page in the navigation: the kind, the index page
        and the pages to list under it, in order."""
        for kind in self.kinds.values():
            if kind.listed_under and self.in_nav(kind):
                index = self.path(kind.listed_under)
                pages = [uri for uri, (each, _) in self.pages.items() if each is kind]
                yield kind, index, pages

    def head(self, src_uri: str, titles: Mapping[str, str]) -> str:
        """What a page's ``<head>`` gets: its schema.org JSON-LD and the feed's link."""
        from .standards import head

        return head(self, src_uri, titles)

    def fill_markers(self, markdown: str, page: str) -> str:
        """A hand-written page asks for a generated panel with a marker line
        (``<!-- numbered-document: status -->``); it gets the panel's Markdown there."""
        if MARKER_START not in markdown:
            return markdown
        return MARKER.sub(lambda match: self.panel(match.group(1), page), markdown)

    def panel(self, name: str, page: str) -> str:
        if name != "status":
            raise SettingError(
                f"{page}: no panel called '{name}': write <!-- numbered-document: status -->."
            )
        return self.status(page)

    def status(self, page: str) -> str:
        """The panel that says where the document stands (``status.md``), as Markdown for a
        hand-written page that asks for it; empty when the document names no drafts."""
        text_draft = self.document.text_draft
        if text_draft is None:
            return ""
        drafts = list(self.document.drafts.values())
        later = drafts[drafts.index(text_draft) + 1 :]
        return self.render("status.md", {"page": page, "later": later}).rstrip("\n") + "\n"

    def fragment(self, template: str, **context: Any) -> str:
        """A small piece of HTML from a template (a late list), without a final newline."""
        return self.render(template, context).rstrip("\n")
