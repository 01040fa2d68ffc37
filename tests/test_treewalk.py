"""The walk that every linker shares, and the links' absence from what search plugins parse."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest

from mkdocs_plugins.numbered_document import treewalk
from mkdocs_plugins.numbered_document.searchshield import only_between
from mkdocs_plugins.numbered_document.treewalk import (
    LinkingExtension,
    LinkingTreeprocessor,
    Span,
    link,
    unlinked,
)
from mkdocs_plugins.numbered_document.treewalk import Path as ElementPath

from .conftest import ROOT, build_site, copy_project


def word_linker(word: str, css: str, seen: list[str]) -> treewalk.Finder:
    """A finder that links each whole ``word`` and records every text it was given."""

    def find(text: str, path: ElementPath) -> list[Span]:
        seen.append(text)
        spans: list[Span] = []
        for match in re.finditer(rf"\b{word}\b", text):
            spans.append((match.start(), match.end(), link({"class": css}, match.group())))
        return spans

    return find


def convert(text: str, *linkers: LinkingExtension) -> str:
    return markdown.Markdown(extensions=list(linkers)).convert(text)


def test_the_second_linker_sees_only_the_text_between_the_first_ones_links() -> None:
    first_seen: list[str] = []
    second_seen: list[str] = []
    first = LinkingExtension("first", 15, word_linker("alpha", "one", first_seen))
    second = LinkingExtension("second", 14, word_linker("alpha|beta", "two", second_seen))
    html = convert("beta alpha beta, alpha.", second, first)  # registration order is not priority
    assert html == (
        '<p><a class="two">beta</a> <a class="one">alpha</a> <a class="two">beta</a>, '
        '<a class="one">alpha</a>.</p>'
    )
    assert first_seen == ["beta alpha beta, alpha."]
    assert second_seen == ["beta ", " beta, ", "."]


def test_all_linkers_share_one_walk_at_the_highest_priority() -> None:
    md = markdown.Markdown(
        extensions=[
            LinkingExtension("low", 3, word_linker("x", "low", [])),
            LinkingExtension("high", 16, word_linker("y", "high", [])),
        ]
    )
    walks = [p for p in md.treeprocessors if isinstance(p, LinkingTreeprocessor)]
    assert len(walks) == 1
    index = md.treeprocessors.get_index_for_name
    assert index("inline") < index(LinkingTreeprocessor.NAME) < index("prettify")  # 20 > 16 > 10
    assert [linker.name for linker in walks[0].linkers] == ["high", "low"]


def test_the_walk_is_timed_as_one_stage() -> None:
    first = LinkingExtension("first", 15, word_linker("a", "one", []))
    second = LinkingExtension("second", 14, word_linker("b", "two", []), stopwatch=first.stopwatch)
    convert("a b " * 50, first, second)
    assert list(first.stopwatch.seconds) == [LinkingTreeprocessor.NAME]
    assert first.stopwatch.seconds[LinkingTreeprocessor.NAME] > 0


G8 = link({"class": "nd-term", "href": "../g/#g8", "title": 'Group of "8" <&>'}, "G8")
P5 = link({"class": "nd-ref", "data-preview": "", "href": "../p5/", "title": "5 > 4"}, "point 5")


def test_links_are_written_as_python_markdown_writes_them() -> None:
    assert G8 == (
        '<a class="nd-term" href="../g/#g8" title="Group of &quot;8&quot; &lt;&amp;&gt;">G8</a>'
    )
    assert P5 == '<a class="nd-ref" data-preview="" href="../p5/" title="5 &gt; 4">point 5</a>'
    assert link({"class": "x"}, "R&D <b>") == '<a class="x">R&amp;D &lt;b&gt;</a>'
    element = etree.Element("a", {"title": 'Group of "8" <&>', "href": "../g/#g8"})
    element.set("class", "nd-term")
    element.text = "G8"
    assert markdown.Markdown().serializer(element) == G8


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f"<p>The {G8}.</p>", "<p>The G8.</p>"),
        (f"<p>{P5} and {G8}</p>", "<p>point 5 and G8</p>"),
        (  # not made by a linker: kept
            '<a class="nd-terms" href="x/">G8</a> <a class="headerlink" href="#a">¶</a>',
            '<a class="nd-terms" href="x/">G8</a> <a class="headerlink" href="#a">¶</a>',
        ),
        ("<p>R&amp;D &lt;a class=&quot;nd-term&quot;&gt;</p>",) * 2,  # written as text
        (link({"class": "nd-term"}, "A & B") + link({"class": "nd-ref"}, "C"), "A &amp; BC"),
    ],
)
def test_unlinked_keeps_the_text_of_linker_links_only(html: str, expected: str) -> None:
    assert unlinked(html, ("nd-ref", "nd-term")) == expected


class Plugin:
    def hide(self) -> None: ...

    def show(self) -> None: ...


class Other:
    def handle(self) -> None: ...


def test_links_are_hidden_only_where_a_search_plugin_alone_runs_between() -> None:
    mine, search, other = Plugin(), Other(), Other()
    assert only_between([mine.hide, search.handle, mine.show], mine, [search])
    assert only_between([other.handle, mine.hide, search.handle, mine.show], mine, [search])
    assert not only_between([mine.hide, search.handle, other.handle, mine.show], mine, [search])
    assert not only_between([mine.hide, mine.show, search.handle], mine, [search])
    assert not only_between([search.handle], mine, [search])
    assert not only_between([mine.hide, print, mine.show], mine, [search])


def test_search_parses_pages_without_the_links_and_indexes_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from material.plugins.search.plugin import Parser

    parsed: list[str] = []
    feed = Parser.feed
    monkeypatch.setattr(Parser, "feed", lambda self, data: parsed.append(data) or feed(self, data))
    assert build_site(ROOT / "mkdocs.yml", tmp_path / "hidden") == []
    assert len(parsed) > 60 and any("de facto" in content for content in parsed)
    assert not any('class="nd-term"' in content for content in parsed)
    assert not any('class="nd-ref"' in content for content in parsed)

    monkeypatch.setattr(treewalk, "unlinked", lambda html, classes: html)
    parsed.clear()
    assert build_site(ROOT / "mkdocs.yml", tmp_path / "shown") == []
    assert any('class="nd-term"' in content for content in parsed)

    index = "search/search_index.json"
    assert (tmp_path / "hidden" / index).read_bytes() == (tmp_path / "shown" / index).read_bytes()
    docs = json.loads((tmp_path / "hidden" / index).read_text(encoding="utf-8"))["docs"]
    assert any("de facto" in doc["text"] for doc in docs)
    for page in ("points/21-territories/index.html", "glossary/index.html", "index.html"):
        written = (tmp_path / "hidden" / page).read_text(encoding="utf-8")
        assert written == (tmp_path / "shown" / page).read_text(encoding="utf-8")
    point = (tmp_path / "hidden/points/21-territories/index.html").read_text(encoding="utf-8")
    assert 'class="nd-term"' in point and 'class="nd-ref"' in point


def test_a_page_keeps_its_links_when_no_search_plugin_runs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    without_search = re.sub(r"\n  - search:\n      separator: .*\n", "\n", config)
    assert without_search != config
    (project / "mkdocs.yml").write_text(without_search, encoding="utf-8")
    assert build_site(project / "mkdocs.yml", tmp_path / "site") == []
    page = (tmp_path / "site/points/21-territories/index.html").read_text(encoding="utf-8")
    assert 'class="nd-term"' in page and 'class="nd-ref"' in page
    assert not (tmp_path / "site/search").exists()


def test_a_page_that_the_search_plugin_rewrites_keeps_the_rewrite_and_the_links(
    tmp_path: Path,
) -> None:
    """Material's search plugin takes ``data-search-*="…"`` attributes out of the page it
    indexes: links are not hidden on such a page, so that rewrite is kept."""
    project = copy_project(tmp_path / "project")
    with (project / "docs/index.md").open("a", encoding="utf-8") as page:
        page.write('\n<div data-search-exclude="yes" markdown>\n\nUnindexed: sanctions.\n</div>\n')
    assert build_site(project / "mkdocs.yml", tmp_path / "site") == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" not in home
    assert re.search(r'Unindexed: <a [^>]*class="nd-term"[^>]*>sanctions</a>', home)
    index = (tmp_path / "site/search/search_index.json").read_text(encoding="utf-8")
    assert "Unindexed" not in index
