"""Incremental builds (``mkdocs build --dirty``, ``mkdocs serve --dirty``) that write exactly
the pages a full build writes. No MkDocs import: pages, files and plugins are read by duck
typing, and the adapter says what they are.

What a page shows depends on more than its own file, so each page gets a key made of all its
inputs, recorded at the end of every dirty build (``State``, a JSON file beside mkdocs.yml,
never in the site; a full build records nothing, so the first dirty build converts every page):

- its source: a generated page's Markdown and metadata, a hand-written page's file (with the
  panels the plugin fills in);
- its ``<head>`` additions (JSON-LD: a point's data, the titles of its breadcrumbs);
- what its links show: the title of each point it names and the definition of each term (the
  finders the linkers use are watched, so text repeated from other pages counts too).

A dirty build converts only the pages whose key changed (or whose written file is not the one
the last build wrote), and takes the rest from the record: their title for the navigation, the
points they refer to and the terms they use for the late lists, their search entries, their
anchors and the warnings their conversion logged. The late lists of every page are then made
as a full build makes them; a page not converted whose lists changed gets them replaced in its
written file, where ``late.fill_all`` left them between two comments.

What changes every page (the set of files, the configuration, the theme's overrides, the
plugin's code, the document file, the terms' forms, a generated page's title) makes the
*signature*: when it differs from the record's, the dirty build is a full one (the adapter
cleans the site folder first, as a full build does). A hand-written page's title is known only
once it is converted: when one changed, the adapter converts the other pages too.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import logging
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .late import refill

STATE_VERSION = 1
"""Written into every state file: a state of another version is not read."""
NAV_META = ("icon", "subtitle", "status")
"""The metadata of a page that the theme shows in every page's navigation (Material's
``nav-item.html``), besides the title."""
SEARCH_PLUGINS = ("search", "material/search")
SUPPORTED_PLUGINS = frozenset({*SEARCH_PLUGINS, "numbered-document", "offline", "material/offline"})
"""Plugins whose output a dirty build with this plugin keeps exact: search (its index is merged
here), the offline copy's (it rewrites the merged index after this plugin). With any other,
a dirty build converts every page: what another plugin keeps between pages is not known here."""
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
IGNORED_SETTINGS = frozenset({"plugins", "theme", "strict", "dev_addr", "watch"})
"""Settings left out of the fingerprint: the plugins and the theme are taken apart, the
others change no page."""


def digest(value: Any) -> str:
    """A short, stable hash of plain data (JSON with sorted keys)."""
    try:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=plain)
    except TypeError:  # keys of mixed types, which cannot be sorted
        text = _ADDRESS.sub("", repr(value))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def text_digest(text: str, *more: Any) -> str:
    """``digest`` of a long text and some plain data, without writing the text as JSON."""
    found = hashlib.blake2b(text.encode("utf-8"), digest_size=16)
    found.update(digest(more).encode("ascii"))
    return found.hexdigest()


def plain(value: Any) -> Any:
    """What ``digest`` writes for a value JSON has no form for: a mapping as a dict, a set
    sorted, a function by its name, anything else by its ``repr`` without a memory address
    (which changes from one run to the next)."""
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return dict(value)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return _ADDRESS.sub("", repr(value))


def file_digest(path: Path) -> str:
    """A hash of a file's bytes ("" where there is no such file)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


def folder_files(folder: Path, contents: bool = True) -> list[tuple[str, str]]:
    """Each file under a folder, by path, with a hash of its bytes (or, without ``contents``,
    its size and time of change: enough for installed code, which is replaced, not edited)."""
    found = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if contents:
            mark = file_digest(path)
        else:
            stat = path.stat()
            mark = f"{stat.st_size}:{stat.st_mtime_ns}"
        found.append((path.relative_to(folder).as_posix(), mark))
    return found


def config_fingerprint(config: Mapping[str, Any], plugins: Mapping[str, Any], theme: Any) -> str:
    """Every setting of the site as the site generator read it: mkdocs.yml with what it
    inherits and the environment, each plugin's settings, the theme's; but those that change
    no page (strict mode, the server's address, the folders it watches)."""
    settings = {key: value for key, value in config.items() if key not in IGNORED_SETTINGS}
    settings["plugins"] = {name: dict(plugin.config) for name, plugin in plugins.items()}
    settings["theme"] = {
        "name": theme.name,
        "dirs": list(theme.dirs),
        "custom_dir": theme.custom_dir,
        "vars": dict(theme),
    }
    return digest(settings)


def unsupported_plugins(plugins: Mapping[str, Any]) -> list[str]:
    """The plugins that keep a dirty build from being exact (see ``SUPPORTED_PLUGINS``); MkDocs'
    own search with a prebuilt index is one (its index is not merged here)."""
    found = [name for name in plugins if name not in SUPPORTED_PLUGINS]
    search = plugins.get("search")
    if search is not None and search.config.get("prebuild_index"):
        found.append("search (prebuild_index)")
    return found


@dataclass
class PageRecord:
    """What the last build knew of one page."""

    key: str
    """The hash of its inputs (``inputs_key``)."""
    title: str | None = None
    nav: dict[str, Any] = field(default_factory=dict)
    """Its metadata that the navigation shows (``NAV_META``)."""
    numbers: list[int] = field(default_factory=list)
    """The points its text names, linked or not (inputs of its key)."""
    terms: list[str] = field(default_factory=list)
    """The terms its text holds (inputs of its key)."""
    mentions: list[int] | None = None
    """The points it refers to, for who-refers-to-whom (None: the linker did not see it)."""
    uses: list[str] | None = None
    """The terms it uses, for "Used in" (None: the linker did not see it)."""
    late: str = ""
    """The hash of its late lists as last written."""
    warnings: list[tuple[str, int, str]] = field(default_factory=list)
    """What its conversion logged at warning level or above: logger, level, message."""
    anchors: list[str | None] | None = None
    """The anchors it holds, which other pages' links are checked against."""
    anchor_links: dict[str, dict[str, str]] | None = None
    """Its links to anchors of other pages, which the site generator checks after the build."""
    written: list[int] | None = None
    """Size and time of change of its written file, to know it is still that file."""


@dataclass
class State:
    """The record of the last build of one site folder."""

    site_dir: str
    signature: str
    pages: dict[str, PageRecord] = field(default_factory=dict)
    search: list[int] | None = None
    """Size and time of change of the search index written, to know it is still that file:
    the skipped pages' entries are read from it."""

    @classmethod
    def load(cls, path: Path) -> State | None:
        """The state in ``path``, or None where there is none that this version can read."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                return None
            pages = {uri: PageRecord(**record) for uri, record in data["pages"].items()}
            return cls(data["site_dir"], data["signature"], pages, data.get("search"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        """Written whole to a file beside, then renamed: a reader never sees half of it."""
        data = {
            "version": STATE_VERSION,
            "site_dir": self.site_dir,
            "signature": self.signature,
            "search": self.search,
            "pages": {uri: vars(record) for uri, record in self.pages.items()},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)


def written(path: str) -> list[int] | None:
    """A written file's size and time of change, or None where there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def inputs_key(
    source: str,
    head: str,
    numbers: Iterable[int],
    terms: Iterable[str],
    targets: Mapping[int, str],
    entries: Mapping[str, str],
) -> str:
    """A page's key: its source, its head, and what each point and term it names shows."""
    return digest(
        [
            source,
            head,
            [(number, targets.get(number, "")) for number in sorted(set(numbers))],
            [(term, entries.get(term, "")) for term in sorted(set(terms))],
        ]
    )


class StaleSite(ValueError):
    """A page written by the last build does not hold what this version writes."""


class _Watched:
    """A finder (the reference pattern, the term matcher) that tells what it finds."""

    def __init__(self, inner: Any, found: Callable[[Any], None]) -> None:
        self._inner, self._found = inner, found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def find(self, text: str) -> Any:
        result = self._inner.find(text)
        if result:
            self._found(result)
        return result


class Recorder:
    """What the text of each converted page names, as the linkers' finders see it: every
    point (linked, or not because it or its item does not exist) and every term, in its own
    text and in text repeated from elsewhere (which the linkers link but do not record)."""

    def __init__(self) -> None:
        self.page = ""
        self.numbers: dict[str, set[int]] = {}
        self.terms: dict[str, set[str]] = {}

    def start(self, page: str) -> None:
        self.page = page
        self.numbers[page], self.terms[page] = set(), set()

    def references(self, pattern: Any) -> Any:
        """The reference pattern, watched (``patterns.ReferencePattern``: ``find`` gives
        references, each with ``refs`` that have a ``number``)."""

        def found(references: list[Any]) -> None:
            numbers = self.numbers.setdefault(self.page, set())
            numbers.update(ref.number for reference in references for ref in reference.refs)

        return _Watched(pattern, found)

    def glossary(self, matcher: Any) -> Any:
        """The term matcher, watched (``glossary.TermMatcher``: ``find`` gives (start, end,
        term id) triples)."""

        def found(matches: tuple[tuple[int, int, str], ...]) -> None:
            self.terms.setdefault(self.page, set()).update(term for _, _, term in matches)

        return _Watched(matcher, found)


class Warnings(logging.Handler):
    """Keeps what is logged at warning level or above while one page is converted."""

    def __init__(self, loggers: Iterable[str]) -> None:
        super().__init__(logging.WARNING)
        self.loggers = [logging.getLogger(name) for name in dict.fromkeys(loggers)]
        self.records: list[logging.LogRecord] = []

    @contextlib.contextmanager
    def listening(self) -> Iterator[None]:
        self.start()
        try:
            yield
        finally:
            self.stop()

    def start(self) -> None:
        self.records = []
        for logger in self.loggers:
            if self not in logger.handlers:
                logger.addHandler(self)

    def stop(self) -> list[tuple[str, int, str]]:
        for logger in self.loggers:
            logger.removeHandler(self)
        kept = [(r.name, r.levelno, r.getMessage()) for r in self.records]
        self.records = []
        return kept

    def emit(self, record: logging.LogRecord) -> None:
        if not any(seen is record for seen in self.records):  # one record, seen by two loggers
            self.records.append(record)


def replay(warnings: Iterable[tuple[str, int, str]]) -> None:
    """Log again what a page's conversion logged (strict mode counts it as a full build
    would)."""
    for name, level, message in warnings:
        logging.getLogger(name).log(level, message)


class DropMessage(logging.Filter):
    """Drops the one message that starts with ``start`` (on the logger it is added to)."""

    def __init__(self, start: str) -> None:
        super().__init__()
        self.start = start

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.start)


class SearchEntries:
    """The search index: each page's entries, taken as the search plugin adds them (the
    length of its list of entries before the page, and what follows after it), and the entries
    of the pages a dirty build skips, read from the index the last build wrote."""

    def __init__(self, plugins: Mapping[str, Any], path: Path) -> None:
        self.path = path
        self.entries: list[dict[str, Any]] | None = None
        """The search plugin's list of entries (None: no search plugin this module knows)."""
        self.sort_keys = False
        """MkDocs' own search writes its index with sorted keys; Material's does not."""
        for name in SEARCH_PLUGINS:
            plugin = plugins.get(name)
            if plugin is None or not plugin.config.get("enabled", True):
                continue
            index = getattr(plugin, "search_index", None)
            for attribute, sort_keys in (("entries", False), ("_entries", True)):
                found = getattr(index, attribute, None)
                if isinstance(found, list):
                    self.entries, self.sort_keys = found, sort_keys
        self._before = 0
        self.by_page: dict[str, list[dict[str, Any]]] = {}
        self.previous: dict[str, list[dict[str, Any]]] = {}

    def before(self) -> None:
        if self.entries is not None:
            self._before = len(self.entries)

    def after(self, page: str) -> None:
        if self.entries is not None:
            self.by_page[page] = self.entries[self._before :]

    def read_previous(self, urls: Mapping[str, str], expected: list[int] | None) -> bool:
        """Each page's entries in the index the last build wrote (``expected``: its size and
        time of change then), by the page's URL (``urls``: source path by URL). False where
        the file is not that one, or holds entries of no page."""
        if self.entries is None:
            return True
        if expected is None or written(str(self.path)) != expected:
            return False
        for entry in json.loads(self.path.read_text(encoding="utf-8")).get("docs", []):
            page = urls.get(str(entry.get("location", "")).split("#", 1)[0])
            if page is None:
                return False
            self.previous.setdefault(page, []).append(entry)
        return True

    def merge(self, order: Iterable[str], skipped: Collection[str]) -> None:
        """Write the index as a full build writes it: each page's entries in ``order`` (that
        in which pages are written), those of the ``skipped`` pages from the last index. (The
        search plugins index only the pages they see, and Material's keeps the last build's
        entries only under ``mkdocs serve``, and not in their place.)"""
        if self.entries is None or not self.path.is_file():
            return
        docs: list[dict[str, Any]] = []
        for page in order:
            docs.extend((self.previous if page in skipped else self.by_page).get(page, []))
        text = self.path.read_text(encoding="utf-8")
        data = json.loads(text)
        data["docs"] = docs
        merged = json.dumps(data, separators=(",", ":"), default=str, sort_keys=self.sort_keys)
        if merged != text:
            self.path.write_text(merged, encoding="utf-8")


@dataclass
class PlannedPage:
    """What a plan knows of one page before anything is converted."""

    src_uri: str
    dest: str
    """Where its file is written (absolute)."""
    source: str
    """The hash of its source (``inputs_key``)."""


@dataclass
class Plan:
    """Which pages a dirty build converts, decided once, when the site generator first asks.

    ``head`` gives a page's ``<head>`` additions from the titles of the last build;
    ``targets`` and ``entries`` the hash of what a link to each point and term shows.
    """

    pages: dict[str, PlannedPage]
    previous: State | None
    signature: str
    head: Callable[[str, Mapping[str, str]], str]
    targets: Mapping[int, str]
    entries: Mapping[str, str]
    everything: str = ""
    """Why every page is converted, where it is (no record, the signature changed...)."""
    converted: set[str] = field(default_factory=set)

    def everything_because(self, reason: str) -> None:
        """Every page is converted after all, for ``reason``."""
        self.everything = reason
        self.converted = set(self.pages)

    def decide(self) -> None:
        previous = self.previous
        if not self.everything and previous is None:
            self.everything = "no record of the last build of this site folder"
        elif not self.everything and previous is not None and previous.signature != self.signature:
            self.everything = "what every page shows changed (files, settings, templates, titles)"
        if self.everything or previous is None:
            self.converted = set(self.pages)
            return
        titles = {uri: html_text(record.title) for uri, record in previous.pages.items()}
        self.converted = {
            uri for uri, page in self.pages.items() if self._changed(page, titles, previous)
        }

    def _changed(self, page: PlannedPage, titles: Mapping[str, str], previous: State) -> bool:
        record = previous.pages.get(page.src_uri)
        if record is None or record.written is None or record.written != written(page.dest):
            return True
        key = inputs_key(
            page.source,
            self.head(page.src_uri, titles),
            record.numbers,
            record.terms,
            self.targets,
            self.entries,
        )
        return key != record.key


def html_text(title: str | None) -> str:
    """A page's title as the plugin's head and data files take it (entities unescaped)."""
    return html.unescape(title or "")


@dataclass
class Build:
    """One build's bookkeeping, from the settings to the state it leaves for the next one.

    The adapter tells it what happens (``start_page``, ``page_done``, ``heads``, ``late``) and
    asks it what a dirty build may skip (``modified``); the first question makes the ``plan``.
    """

    state_file: Path | None
    """Where the state is kept (None: nowhere, as for a site without a config file)."""
    site_dir: str
    settings: str
    """The fingerprint of the settings (``config_fingerprint`` and more, from the adapter)."""
    previous: State | None = None
    exact: bool = True
    """Whether a dirty build can be exact (only supported plugins: ``unsupported_plugins``)."""
    recorder: Recorder = field(default_factory=Recorder)
    signature: str = ""
    sources: dict[str, str] = field(default_factory=dict)
    """The hash of each page's source, taken before it is read (``Page.source``)."""
    heads: dict[str, str] = field(default_factory=dict)
    """Each written page's ``<head>`` additions (an input of its key)."""
    records: dict[str, PageRecord] = field(default_factory=dict)
    """The new record of each page converted in this build (its key comes at the end)."""
    late: dict[str, str] = field(default_factory=dict)
    """The hash of each page's late lists in this build."""
    plan: Plan | None = None
    """Made when the site generator first asks whether a page changed: in a dirty build only."""
    asked: list[str] = field(default_factory=list)
    """The pages the site generator asked about before converting, in its order."""
    written_order: list[str] = field(default_factory=list)
    """The pages in the order the site generator writes them (and indexes them for search)."""
    writing: bool = False
    hashes: tuple[dict[int, str], dict[str, str]] = field(default_factory=lambda: ({}, {}))
    """What a link to each point and to each term shows, hashed (``inputs_key``)."""

    def load(self, memory: State | None) -> None:
        """The last build's state of this site folder: kept in memory (``mkdocs serve``), else
        read from its file."""
        state = memory
        if state is None or state.site_dir != self.site_dir:
            state = State.load(self.state_file) if self.state_file else None
        self.previous = state if state is not None and state.site_dir == self.site_dir else None

    def modified(self, src_uri: str, make_plan: Callable[[], Plan]) -> bool:
        """Whether a page is to be converted and written (the site generator asks in dirty
        builds only, once per page before converting, once before writing)."""
        if self.plan is None:
            self.plan = make_plan()  # decided
        (self.written_order if self.writing else self.asked).append(src_uri)
        return src_uri in self.plan.converted

    @property
    def skipped(self) -> list[str]:
        """The pages this build neither converts nor writes, in the site's order."""
        if self.plan is None:
            return []
        return [uri for uri in self.asked if uri not in self.plan.converted]

    def convert_all(self) -> None:
        """Every page is converted after all (a hand-written page's title changed)."""
        if self.plan is not None:
            self.plan.converted = set(self.plan.pages)

    def start_page(self, src_uri: str) -> None:
        self.recorder.start(src_uri)

    def page_done(self, page: Any, warnings: list[tuple[str, int, str]]) -> None:
        """A page has been converted: what the next build needs of it, but its key."""
        links = getattr(page, "links_to_anchors", None)
        anchors = getattr(page, "present_anchor_ids", None)
        uri = page.file.src_uri
        self.records[uri] = PageRecord(
            key="",
            title=page.title,
            nav=json.loads(
                json.dumps(
                    {key: page.meta[key] for key in NAV_META if key in page.meta}, default=str
                )
            ),  # as the state file gives it back
            numbers=sorted(self.recorder.numbers.get(uri, ())),
            terms=sorted(self.recorder.terms.get(uri, ())),
            warnings=warnings,
            anchors=list(anchors) if anchors is not None else None,
            anchor_links=(
                {file.src_uri: dict(found) for file, found in links.items()}
                if links is not None
                else None
            ),
        )

    def retitled(self) -> list[tuple[str, str | None, str | None]]:
        """The pages converted in this build whose title (or what the navigation shows of
        them) is not the one recorded: page, old title, new title."""
        if self.previous is None:
            return []
        found = []
        for uri, record in self.records.items():
            old = self.previous.pages.get(uri)
            if old is not None and (old.title, old.nav) != (record.title, record.nav):
                found.append((uri, old.title, record.title))
        return found

    def kept(self, src_uri: str) -> PageRecord | None:
        """The record of a page this build does not convert."""
        return self.previous.pages.get(src_uri) if self.previous is not None else None

    def merged(
        self, order: Iterable[str], fresh: Mapping[str, set[Any]], field_name: str
    ) -> dict[str, set[Any]]:
        """Mentions or uses of every page, in ``order``: this build's where a page was
        converted, the record's where it was not."""
        skipped = set(self.skipped)
        merged: dict[str, set[Any]] = {}
        for uri in order:
            if uri in fresh and uri not in skipped:
                merged[uri] = fresh[uri]
            elif uri in skipped:
                record = self.kept(uri)
                kept = getattr(record, field_name) if record is not None else None
                if kept is not None:
                    merged[uri] = set(kept)
        for uri, found in fresh.items():  # converted outside the documentation pages
            merged.setdefault(uri, found)
        return merged

    @property
    def rebuilt(self) -> list[str]:
        """The pages this build converts and writes, in the site's order."""
        if self.plan is None:
            return list(self.records)
        return [uri for uri in self.asked if uri in self.plan.converted]

    def refill(self, dests: Mapping[str, str], parts: Mapping[str, Mapping[str, str]]) -> int:
        """Replace the late lists of each skipped page whose lists changed, in its written file
        (``dests``: where each page is written; ``parts``: each page's lists, by placeholder).
        Returns how many pages had them replaced."""
        count = 0
        for uri in self.skipped:
            record = self.kept(uri)
            if record is None or record.late == self.late.get(uri, ""):
                continue
            path = Path(dests[uri])
            text, missing = refill(path.read_text(encoding="utf-8"), parts.get(uri, {}))
            if missing:
                raise StaleSite(
                    f"{path} does not hold the lists of links this version writes: build the "
                    "site again without --dirty."
                )
            path.write_text(text, encoding="utf-8")
            count += 1
        return count

    def summary(self, replaced: int) -> str:
        """The one line a dirty build logs (in place of the site generator's warning)."""
        everything = self.plan.everything if self.plan is not None else ""
        total = len(self.asked)
        line = f"dirty build: {len(self.rebuilt)} of {total} pages converted and written"
        if replaced:
            line += f", {replaced} more with their lists of links replaced"
        return line + (f" ({everything})." if everything else ".")

    def finish(
        self,
        pages: Iterable[tuple[str, str]],
        fresh: tuple[Mapping[str, set[int]], Mapping[str, set[str]]],
        search: SearchEntries,
    ) -> State:
        """The state this build leaves: ``pages`` gives each page's source path and written
        file, ``fresh`` the linkers' mentions and uses of the pages converted."""
        mentions, uses = fresh
        targets, entries = self.hashes
        state = State(self.site_dir, self.signature)
        skipped = set(self.skipped)
        for uri, dest in pages:
            record = self.records.get(uri)
            if record is None:
                record = self.kept(uri) if uri in skipped else None
                if record is None:
                    continue  # neither converted nor skipped: a draft left out of the build
            else:
                record.key = inputs_key(
                    self.sources.get(uri, ""),
                    self.heads.get(uri, ""),
                    record.numbers,
                    record.terms,
                    targets,
                    entries,
                )
                record.mentions = sorted(mentions[uri]) if uri in mentions else None
                record.uses = sorted(uses[uri]) if uri in uses else None
            record.late = self.late.get(uri, "")
            record.written = written(dest)
            state.pages[uri] = record
        if search.entries is not None:
            state.search = written(str(search.path))
        return state
