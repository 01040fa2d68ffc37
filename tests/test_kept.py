"""Generated pages kept between the rebuilds of `mkdocs serve` (``pages.kept.KeptPages``): after
each edit of a copy of the real content, the pages are those a fresh load makes, every one, and
only the pages whose kind reads what changed were made again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.config import load_config

from mkdocs_plugins.numbered_document.loader import LoadedFiles, load_document
from mkdocs_plugins.numbered_document.pages import Site, catalog_for
from mkdocs_plugins.numbered_document.pages.kept import KeptPages, inputs
from mkdocs_plugins.numbered_document.templating import TEMPLATES

from .conftest import ROOT, edit

POINT_21 = "points/21-territories.md"
EVENT_ON_21 = "timeline/2025-11-19-axios-recognition-details.yml"


class Served:
    """A copy of the real content, loaded as the server loads it between rebuilds."""

    def __init__(self, tmp_path: Path) -> None:
        self.content = tmp_path / "content"
        shutil.copytree(ROOT / "content", self.content)
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        self.settings = {**config.plugins["numbered-document"].config, "content_dir": ""}
        self.folders: list[Path] = []
        self.loaded = LoadedFiles()
        self.kept = KeptPages()
        self.first = self.rebuild()

    def site(self, loaded: LoadedFiles | None) -> Site:
        document = load_document(self.content, loaded=loaded)
        catalog = catalog_for(document, "en", self.folders)
        return Site(document, self.settings, catalog, "A site", template_folders=self.folders)

    def rebuild(self) -> list[str]:
        """The pages made again; the pages kept are checked against a fresh load's."""
        site = self.site(self.loaded)
        pages = self.kept.get(site, inputs(site))  # as the plugin asks
        fresh = self.site(None).generate()
        assert list(pages) == list(fresh)
        assert [uri for uri in pages if pages[uri] != fresh[uri]] == []
        return self.kept.made

    def edit(self, name: str, old: str, new: str) -> list[str]:
        edit(self.content, name, old, new)
        return self.rebuild()


@pytest.fixture
def served(tmp_path: Path) -> Served:
    return Served(tmp_path)


def reading_all(served: Served) -> set[str]:
    """The pages whose kind declares no reads: every point, term and event is theirs."""
    return of_kinds(served, None)


def of_kinds(served: Served, *names: str | None) -> set[str]:
    """The pages of the kinds named (None: the kinds that declare no reads)."""
    site = served.site(None)
    return {
        uri
        for uri, (kind, _) in site.pages.items()
        if kind.name in names or (None in names and kind.reads is None)
    }


LISTS = ("points_index", "parties_index", "party", "topics_index", "topic")
"""The kinds that list points: their headings, summaries, parties, topics, roles."""


def points(*names: str) -> set[str]:
    return {f"points/{name}.md" for name in names}


EDITS: list[tuple[str, Callable[[Served], list[str]], Callable[[Served], set[str]]]] = [
    (
        "a point's wording",
        lambda s: s.edit(POINT_21, "will be recognized as", "will be recognised as"),
        lambda s: points("21-territories") | of_kinds(s, "full_text", None),
    ),
    (
        "a point's title: its neighbours' pagers show it",
        lambda s: s.edit(POINT_21, "title: Territories", "title: Territory"),
        lambda s: (
            points("20-education-and-tolerance", "21-territories", "22-no-change-by-force")
            | of_kinds(s, "full_text", *LISTS, None)
        ),
    ),
    (
        "an event: the timeline, the actors and the page of the point it concerns",
        lambda s: s.edit(EVENT_ON_21, "Axios reported details", "Axios reported the details"),
        lambda s: points("21-territories") | {"timeline.md", "actors.md"} | reading_all(s),
    ),
    (
        "a point's summary: its page and the lists of points",
        lambda s: s.edit(POINT_21, "summary: Crimea, Luhansk", "summary: Crimea Luhansk"),
        lambda s: points("21-territories") | of_kinds(s, *LISTS, None),
    ),
    (
        "a point's context, shown on its page alone",
        lambda s: s.edit(POINT_21, "Two other points refer", "Two more points refer"),
        lambda s: points("21-territories") | reading_all(s),
    ),
    (
        "an event that stops concerning a point",
        lambda s: s.edit(EVENT_ON_21, "points: [21]", "points: [22]"),
        lambda s: (
            points("21-territories", "22-no-change-by-force")
            | {"timeline.md", "actors.md"}
            | reading_all(s)
        ),
    ),
    (
        "a term: the glossary",
        lambda s: s.edit("glossary/amnesty.yml", "An official decision", "An official act"),
        lambda s: {"glossary.md"} | reading_all(s),
    ),
    (
        "the document file: every page",
        lambda s: s.edit("document.yml", "short_title: 28-point", "short_title: The 28-point"),
        lambda s: set(s.first),
    ),
    (
        "a point added: every page",
        lambda s: _added(s),
        lambda s: set(s.first) | points("29-added"),
    ),
]


def _added(served: Served) -> list[str]:
    text = (served.content / "points/28-ceasefire.md").read_text(encoding="utf-8")
    added = text.replace("number: 28", "number: 29").replace("title: ", "title: Added, ", 1)
    (served.content / "points/29-added.md").write_text(added, encoding="utf-8")
    return served.rebuild()


@pytest.mark.parametrize(("edited", "make_edit", "expected"), EDITS, ids=[e[0] for e in EDITS])
def test_an_edit_makes_again_the_pages_that_read_it_and_keeps_the_others(
    served: Served,
    edited: str,
    make_edit: Callable[[Served], list[str]],
    expected: Callable[[Served], set[str]],
) -> None:
    made = make_edit(served)
    assert set(made) == expected(served)
    assert len(made) == len(set(made))
    assert served.rebuild() == []  # nothing changed since


FIELDS = [
    ("title: Territories", "title: Territorial questions"),
    ("summary: Crimea, Luhansk", "summary: Crimea Luhansk"),
    ("topics: [territory, armed-forces]", "topics: [armed-forces, territory]"),
    ("related: [6, 10, 19, 22, 28]", "related: [6, 10, 19, 22]"),
    ("  united-states: Would recognise", "  united-states: Would formally recognise"),
    ("contact line in the Kherson", "contact line of the Kherson"),
    ("status: changed", "status: dropped"),
    ("territorial swaps will start", "territorial swaps would start"),
    ("Territories:\n", "Territories, as published:\n"),
    ("- Russia will give up", "- Russia would give up"),
    ("Two other points refer", "Two more points refer"),
]


@pytest.mark.parametrize(("old", "new"), FIELDS, ids=[old.strip()[:24] for old, _ in FIELDS])
def test_any_part_of_a_point_edited_gives_the_pages_a_fresh_load_gives(
    served: Served, old: str, new: str
) -> None:
    """Each front-matter field and each part of the body of a point: the kept pages and those
    made again are, together, what a fresh load makes (``Served.rebuild`` compares them)."""
    made = served.edit(POINT_21, old, new)
    assert "points/21-territories.md" in made
    assert len(made) < len(served.first)


OTHERS = [
    (EVENT_ON_21, "date: 2025-11-19", "date: 2025-11-24"),  # moves it on the timeline
    (EVENT_ON_21, "precision: day", "precision: on-or-before"),
    (EVENT_ON_21, "sources: [tass-axios-2025-11-19]", "sources: [plan-article]"),
    ("glossary/amnesty.yml", "term: amnesty", "term: zz amnesty"),  # moves it in the glossary
    ("glossary/amnesty.yml", 'forms: ["full amnesty"]', 'forms: ["full amnesty", "amnesties"]'),
    ("glossary/amnesty.yml", "related: [non-aggression-pact]", "related: []"),
]


@pytest.mark.parametrize(("name", "old", "new"), OTHERS, ids=[o[2][:24] for o in OTHERS])
def test_any_part_of_an_event_or_term_edited_gives_the_pages_a_fresh_load_gives(
    served: Served, name: str, old: str, new: str
) -> None:
    made = served.edit(name, old, new)
    assert 0 < len(made) < len(served.first)


def test_the_first_rebuild_makes_every_page_and_a_point_edit_far_fewer(served: Served) -> None:
    assert served.first == list(served.site(None).pages)
    made = served.edit(POINT_21, "will be recognized as", "will be recognised as")
    assert 1 < len(made) < len(served.first) - 25  # the other 27 point pages are kept


def test_a_template_of_the_site_makes_every_page_read_everything(served: Served) -> None:
    """The declared reads speak for the shipped templates; a site's own template may show any
    part of the document, so every page then reads it all (a catalog alone does not count)."""
    folder = served.content.parent / "templates"
    (folder / "locales").mkdir(parents=True)
    (folder / "locales" / "en.yml").write_text('point:\n  summary: "In short"\n', "utf-8")
    served.folders.append(folder)
    assert len(served.rebuild()) == len(served.first)  # the catalog changed every page
    made = served.edit(POINT_21, "will be recognized as", "will be recognised as")
    assert set(made) == points("21-territories") | of_kinds(served, "full_text", None)
    shipped = (TEMPLATES / "point.md").read_text(encoding="utf-8")
    (folder / "point.md").write_text(
        shipped.replace("## {{ T", "## {{ document.points|length }} {{ T")
    )
    assert len(served.rebuild()) == len(served.first)  # a template's text changed
    made = served.edit(POINT_21, "will be recognised as", "will be recognized as")
    assert made == served.first
