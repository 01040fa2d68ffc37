"""Dirty builds (`mkdocs build --dirty`, `mkdocs serve --dirty`): only the pages whose inputs
changed are converted and written, and the site is the one a full build of the same content
writes, file for file (HTML, search index, data files, sitemap).

Each test edits a copy of the real site's sources, builds it dirty over the site of the last
build, builds the same sources in full into another folder, and compares the two folders. The
dates in both are the same (SOURCE_DATE_EPOCH), so the sitemap is compared like the rest.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_plugins.numbered_document.late import LateLists
from mkdocs_plugins.numbered_document.templating import TEMPLATES

from .conftest import (
    GENERATOR,
    ROOT,
    Warnings,
    captured_warnings,
    copy_project,
    edit,
    generator_name,
)

EPOCH = "1764288000"


@pytest.fixture(autouse=True)
def same_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


class Site:
    """A copy of the site's sources, built into ``site/`` (full, then dirty) and compared with
    full builds of the same sources into ``full/``."""

    def __init__(self, folder: Path, config: str = "mkdocs.yml") -> None:
        self.project = copy_project(folder / "project")
        self.config = config
        if config != "mkdocs.yml":
            shutil.copy(ROOT / config, self.project / config)
        self.site = folder / "site"
        self.full = folder / "full"
        self.infos: list[str] = []
        self.warnings: list[str] = []

    def build(
        self, site_dir: Path, dirty: bool, keep: bool = False, strict: bool | None = None
    ) -> list[str]:
        """Build as `mkdocs build [--dirty]` does (the plugins told of the command first;
        strict as mkdocs.yml says, unless ``strict`` says otherwise); the warnings logged. With
        ``keep``, the plugins are not told that the command ended, as between the rebuilds of
        `mkdocs serve --dirty`."""
        cwd = Path.cwd()
        infos, caught = Infos(), Warnings()
        try:
            os.chdir(self.project)
            config = load_config(
                str(self.project / self.config), site_dir=str(site_dir), strict=strict
            )
            config.plugins.on_startup(command="build", dirty=dirty)
            if not dirty:
                fresh_process(config.plugins)
            with captured_warnings() as caught, infos.listening():
                build(config, dirty=dirty)
            if not keep:
                config.plugins.on_shutdown()
        finally:
            os.chdir(cwd)
            self.infos, self.warnings = infos.messages, caught.messages
        return caught.messages

    def rebuild(self, keep: bool = False) -> list[str]:
        """Build dirty over the last build; return the pages written again (by time of change,
        but 404.html, which every build writes)."""
        before = {path: path.stat().st_mtime_ns for path in self.site.rglob("*.html")}
        assert self.build(self.site, dirty=True, keep=keep) == []
        return sorted(
            path.relative_to(self.site).as_posix()
            for path in self.site.rglob("*.html")
            if path.name != "404.html" and before.get(path) != path.stat().st_mtime_ns
        )

    def differences(self) -> list[str]:
        """Build the same sources in full and name every file that is not the same (from a
        copy of the sources: the state of the last build is kept per configuration file)."""
        full = Site.__new__(Site)
        full.project, full.config = self.project.with_name("full-project"), self.config
        shutil.rmtree(full.project, ignore_errors=True)
        shutil.copytree(self.project, full.project, ignore=shutil.ignore_patterns(".cache"))
        assert full.build(self.full, dirty=False) == []
        found = []
        for folder, other in ((self.site, self.full), (self.full, self.site)):
            for path in sorted(folder.rglob("*")):
                twin = other / path.relative_to(folder)
                if path.is_file() and not twin.is_file():
                    found.append(f"only in {folder.name}: {path.relative_to(folder)}")
                elif (
                    path.is_file()
                    and folder == self.site
                    and path.read_bytes() != twin.read_bytes()
                ):
                    found.append(f"differs: {path.relative_to(folder)}")
        return found

    def pages(self) -> int:
        return sum(1 for path in self.site.rglob("*.html") if path.name != "404.html")


def fresh_process(plugins: Mapping[str, object]) -> None:
    """A full build as a new `mkdocs build` process makes it. MkDocs keeps a plugin that has
    `on_startup` for the whole process, and Material's search then merges the index of the
    last dirty build it saw into the next build's: a new process has none."""
    for plugin in plugins.values():
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


class Infos(logging.Handler):
    """The messages a build logs at info level and above."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    @contextlib.contextmanager
    def listening(self) -> Iterator[None]:
        loggers = [logging.getLogger(name) for name in {"mkdocs", generator_name()}]
        levels = [logger.level for logger in loggers]
        for logger in loggers:
            logger.addHandler(self)
            logger.setLevel(logging.INFO)
        try:
            yield
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.removeHandler(self)
                logger.setLevel(level)

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() not in self.messages:
            self.messages.append(record.getMessage())


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    found = Site(tmp_path)
    assert found.build(found.site, dirty=True) == []
    yield found


POINT_21 = "content/points/21-territories.md"


def test_one_point_edited_rewrites_that_page_and_the_lists_it_changes(site: Site) -> None:
    # Point 21 names point 12 instead of point 10 in its context (10 stays in its `related`).
    edit(site.project, POINT_21, "Point 10 says that", "Point 12 says that")
    written = site.rebuild()
    assert written == [
        "points/12-recovery-package/index.html",  # "Referenced by" gains point 21, in place
        "points/21-territories/index.html",
    ]
    assert any("dirty build: 1 of 67 pages converted and written, 1 more" in i for i in site.infos)
    assert site.differences() == []


def test_a_hand_written_page_that_refers_to_a_point_changes_that_point_page(site: Site) -> None:
    edit(site.project, "docs/about.md", "Sub-items of a point", "Sub-items of a point (point 3)")
    written = site.rebuild()
    assert written == ["about/index.html", "points/03-borders-and-nato-expansion/index.html"]
    assert site.differences() == []
    page = (site.site / "points/03-borders-and-nato-expansion/index.html").read_text()
    assert ">About this edition</a>" in page.split("<!--nd-late data-nd-referenced-by")[1]


def test_a_new_definition_rewrites_every_page_that_shows_it_on_hover(site: Site) -> None:
    definition = "the positions to which troops from both sides would withdraw"
    edit(site.project, "content/glossary/agreed-positions.yml", "the positions", "the lines")
    written = site.rebuild()
    assert "glossary/index.html" in written
    assert "points/28-ceasefire/index.html" in written  # its text links the term
    assert "about/index.html" not in written
    assert 1 < len(written) < site.pages() / 2
    assert site.differences() == []
    assert (
        definition.replace("the positions", "the lines")
        in (site.site / "points/28-ceasefire/index.html").read_text()
    )


def test_a_reference_removed_leaves_the_referenced_point_page_without_it(site: Site) -> None:
    # Point 27 gains point 21 among the pages that refer to it, then loses it.
    edit(site.project, POINT_21, "Point 10 says that", "Point 27 says that")
    site.rebuild()
    assert site.differences() == []
    edit(site.project, POINT_21, "Point 27 says that", "That point says that")
    written = site.rebuild()
    assert written == [
        "points/21-territories/index.html",
        "points/27-legally-binding-and-peace-council/index.html",
    ]
    assert site.differences() == []


def test_the_offline_copy_rebuilds_its_pages_and_its_search_script(tmp_path: Path) -> None:
    """Pages as .html files, and the offline plugin's copy of the search index as a script."""
    site = Site(tmp_path, "mkdocs.offline.yml")
    assert site.build(site.site, dirty=True) == []
    edit(site.project, POINT_21, "Point 10 says that", "Point 12 says that")
    edit(site.project, "docs/about.md", "Sub-items of a point", "Sub-items of a point (point 3)")
    assert site.rebuild() == [
        "about.html",
        "points/03-borders-and-nato-expansion.html",
        "points/12-recovery-package.html",
        "points/21-territories.html",
    ]
    assert site.differences() == []


def test_successive_rebuilds_in_one_process_as_serve_makes_them(site: Site) -> None:
    """`mkdocs serve --dirty` keeps the plugin between rebuilds: the last state is in memory."""
    edit(site.project, POINT_21, "Point 10 says that", "Point 12 says that")
    assert len(site.rebuild(keep=True)) == 2
    edit(site.project, POINT_21, "Point 12 says that", "Point 14 says that")
    assert site.rebuild(keep=True) == [
        "points/12-recovery-package/index.html",
        "points/14-frozen-funds/index.html",
        "points/21-territories/index.html",
    ]
    assert site.differences() == []


def test_what_every_page_shows_makes_a_full_build_that_removes_pages_gone(site: Site) -> None:
    """A topic added, then removed: its page comes and goes, every page's navigation with it.
    A point's new title is in every page's navigation too."""
    document, point = site.project / "content/document.yml", site.project / POINT_21
    texts = document.read_text(encoding="utf-8"), point.read_text(encoding="utf-8")
    added = "topics:\n  - id: fishing\n    name: Fishing\n    description: Fish.\n"
    edit(site.project, "content/document.yml", "topics:\n", added)
    edit(site.project, POINT_21, "topics: [territory", "topics: [fishing, territory")
    assert len(site.rebuild()) == site.pages()
    assert (site.site / "topics/fishing/index.html").is_file()
    assert any("what every page shows changed" in info for info in site.infos)
    assert site.differences() == []
    document.write_text(texts[0], encoding="utf-8")
    point.write_text(texts[1], encoding="utf-8")
    site.rebuild()
    assert not (site.site / "topics/fishing").exists()
    assert site.differences() == []
    edit(site.project, POINT_21, "title: Territories", "title: Territory")
    assert len(site.rebuild()) == site.pages()
    assert site.differences() == []


def test_a_title_known_only_once_converted_makes_every_page_written(tmp_path: Path) -> None:
    """A hand-written page's title comes from its own text: when it changes, every page's
    navigation changes, and the pages skipped are converted after all."""
    site = Site(tmp_path)
    edit(site.project, "mkdocs.yml", "  - About this edition: about.md", "  - about.md")
    assert site.build(site.site, dirty=True) == []
    edit(site.project, "docs/about.md", "title: About this edition", "title: About the edition")
    assert len(site.rebuild()) == site.pages()
    assert (
        "numbered-document: about.md: its title changed from 'About this edition' to 'About the "
        "edition', and every page's navigation shows it: every page is converted and written."
    ) in site.infos
    assert site.differences() == []


def test_a_page_skipped_logs_its_warnings_again_so_strict_fails_as_in_full(
    tmp_path: Path,
) -> None:
    site = Site(tmp_path)
    edit(
        site.project, "docs/about.md", "Sub-items of a point", "See point 40. Sub-items of a point"
    )
    warning = "numbered-document: docs/about.md: 'point 40' refers to 40, which does not exist"
    assert any(warning in w for w in site.build(site.site, dirty=True, strict=False))
    edit(site.project, POINT_21, "Point 10 says that", "Point 12 says that")
    with pytest.raises(Exception, match="Aborted with 1 warnings in strict mode"):
        site.build(site.site, dirty=True, strict=True)
    assert len(site.warnings) == 1
    assert warning in site.warnings[0]


def test_strict_dirty_builds_on_the_command_line_with_one_line_of_the_plugin(
    site: Site,
) -> None:
    edit(site.project, POINT_21, "Point 10 says that", "Point 12 says that")
    command = [sys.executable, "-m", GENERATOR, "build", "--strict", "--dirty"]
    result = subprocess.run(
        [*command, "-d", str(site.site)],
        cwd=site.project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "A 'dirty' build is being performed" not in result.stderr
    assert "WARNING" not in result.stderr
    assert (
        "numbered-document: dirty build: 1 of 67 pages converted and written, 1 more with "
        "their lists of links replaced." in result.stderr
    )
    assert site.differences() == []


def test_the_rebuild_benchmark_finds_the_rebuilt_site_the_same_as_a_full_build(
    tmp_path: Path,
) -> None:
    from bench.rebuild import HEADER, measure, prepare_synthetic

    row = measure("six points", tmp_path, prepare_synthetic(tmp_path, 6), rounds=1)
    found = dict(zip(HEADER, row, strict=True))
    assert found["pages converted / written (plain)"] == "1 / 1 (1)"
    assert found["same as a full build"] == "yes"


def test_a_full_build_keeps_no_record_and_the_next_dirty_build_converts_every_page(
    tmp_path: Path,
) -> None:
    """Only dirty builds pay for the record a dirty build needs: a full build writes none,
    and a dirty build over it converts every page, as it must without one."""
    found = Site(tmp_path)
    assert found.build(found.site, dirty=False) == []
    assert not (found.project / ".cache").exists()
    pages = found.pages()
    edit(found.project, POINT_21, "Point 10 says that", "Point 12 says that")
    assert len(found.rebuild()) == pages
    assert any("no record of the last build" in info for info in found.infos)
    assert (found.project / ".cache").is_dir()
    assert found.differences() == []


def served(site: Site, first: bool = False) -> Any:
    """A rebuild as `mkdocs serve` makes it, in this process (the server loads the configuration
    again and keeps the plugins that define `on_startup`); returns this plugin."""
    cwd = Path.cwd()
    try:
        os.chdir(site.project)
        config = load_config(str(site.project / "mkdocs.yml"), site_dir=str(site.site))
        if first:  # once, as the server calls it
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)
    finally:
        os.chdir(cwd)
    return config.plugins["numbered-document"]


def test_serve_makes_pages_lists_and_data_again_only_when_what_they_are_made_from_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve` keeps the plugin between rebuilds (it defines `on_startup`): a rebuild
    after editing a hand-written page takes the last rebuild's generated pages, as nothing
    they are made from changed, and its lists of links and data files while no page starts or
    stops naming a point; a catalog the site adds makes them again, an edited point its own
    page and the pages that show all points (``tests/test_kept.py`` edits more), and the lists
    only where it starts or stops naming a point. Each rebuild writes what a full build of the
    same sources writes."""
    made: list[str] = []
    by_page = LateLists.by_page

    def lists_made(self: LateLists, *args: Any) -> dict[str, dict[str, str]]:
        made.append("lists")
        return by_page(self, *args)

    monkeypatch.setattr(LateLists, "by_page", lists_made)
    site = Site(tmp_path)
    pages_made: list[str] = []

    def rebuild(first: bool = False) -> list[str]:
        plugin = served(site, first)
        pages_made[:] = plugin.served.pages.made
        every = len(pages_made) == len(plugin.site.pages)
        found = (["pages"] if every else ["some pages"] if pages_made else []) + made
        made.clear()
        return found

    def page(name: str) -> str:
        return (site.site / name).read_text(encoding="utf-8")

    assert rebuild(first=True) == ["pages", "lists"]
    heading = "# About this edition\n"
    edit(site.project, "docs/about.md", heading, f"{heading}\nA sentence added while serving.\n")
    assert rebuild() == []
    assert "A sentence added while serving." in page("about/index.html")
    edit(site.project, "docs/about.md", "added while serving.", "added: see point 12.")
    assert rebuild() == ["lists"]
    assert 'href="../../about/"' in page("points/12-recovery-package/index.html")
    catalog = site.project / "overrides/numbered_document/locales/en.yml"
    catalog.parent.mkdir(parents=True)
    catalog.write_text('point:\n  published_wording: "The wording"\n', encoding="utf-8")
    assert rebuild() == ["pages", "lists"]
    assert 'id="published-wording">The wording<' in page("points/21-territories/index.html")
    assert rebuild() == []
    # Edits that keep a file's size and time of change (coarse times): compared by their text.
    template = catalog.parent.parent / "none.html"
    shipped = (TEMPLATES / "none.html").read_text(encoding="utf-8")
    template.write_text(shipped.replace('class="nd-none"', 'class="nd-none mine"'))
    assert rebuild() == ["pages", "lists"]
    for path, old, new in [(catalog, "The wording", "The Wording"), (template, "mine", "MINE")]:
        times = path.stat()
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
        assert rebuild() == ["pages", "lists"]
    point = page("points/21-territories/index.html")
    assert 'id="published-wording">The Wording<' in point
    assert 'class="nd-none MINE"' in page("points/01-sovereignty/index.html")
    # A site's template may show anything: with one, every page is made again after any
    # content edit (tests/test_kept.py); without it, a content edit makes only what it changes.
    template.unlink()
    assert rebuild() == ["pages", "lists"]
    edit(site.project, POINT_21, "will be recognized as", "will be recognised as")
    assert rebuild() == ["some pages"]  # that point's page and the full text; no list shows it
    assert "will be recognised as" in page("full-text/index.html")
    assert "will be recognised as" in page("data/document.json")
    edit(site.project, POINT_21, "Point 10 says that", "Point 12 says that")
    assert rebuild() == ["some pages", "lists"]  # that point's page, and those of all points
    assert "points/21-territories.md" in pages_made
    assert "points/12-recovery-package.md" not in pages_made
    assert site.differences() == []


def test_serve_keeps_no_list_or_data_file_that_a_content_edit_changes(tmp_path: Path) -> None:
    """A site's list item that shows a point's summary (its template may show anything, so the
    lists are not kept after a content edit), and a point's obligations written in another order
    (the data files show them in their order, so they are not kept either)."""
    site = Site(tmp_path)
    template = site.project / "overrides/numbered_document/point_item.html"
    template.parent.mkdir(parents=True, exist_ok=True)
    shipped = (TEMPLATES / "point_item.html").read_text(encoding="utf-8")
    template.write_text(shipped.replace("</li>", " ({{ point.meta.summary }})</li>"), "utf-8")
    served(site, first=True)
    edit(site.project, "content/points/22-no-change-by-force.md", "summary: ", "summary: Now, ")
    served(site)
    assert "(Now, " in (site.site / "points/21-territories/index.html").read_text("utf-8")
    template.unlink()
    served(site)
    path = site.project / POINT_21
    text = path.read_text(encoding="utf-8")
    ukraine = text[text.index("  ukraine: >-\n") : text.index("  russia: >-\n")]
    path.write_text(
        text.replace(ukraine, "", 1).replace("  united-states:", ukraine + "  united-states:", 1),
        "utf-8",
    )
    served(site)
    assert site.differences() == []


def test_serve_watches_the_content_and_a_templates_folder_outside_the_theme(
    tmp_path: Path,
) -> None:
    """The server watches the docs and the theme's folders itself; the content folder, and a
    `templates_dir` of the site's, are the plugin's to name."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["numbered-document"]
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_serve(Server(), config=config, builder=None)
    assert watched == [plugin.config.content_dir]
    watched.clear()
    plugin.config.templates_dir = str(tmp_path / "templates")
    plugin.on_serve(Server(), config=config, builder=None)
    assert watched == [plugin.config.content_dir, str(tmp_path / "templates")]
