"""Interface words come from a catalog per language: a Ukrainian build of the real site has none
of the English ones, its dates read in Ukrainian, and no Python module of the page layer holds
interface English."""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document.catalog import LOCALES, Catalog, CatalogError, read_catalog
from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import Document

from .conftest import ROOT, build_site, copy_project

PACKAGE = ROOT / "mkdocs_plugins/numbered_document"


def _messages(catalog: object) -> Iterator[str]:
    if isinstance(catalog, dict):
        for value in catalog.values():
            yield from _messages(value)
    else:
        yield str(catalog)


def phrases(language: str) -> set[str]:
    """The words of a catalog as phrases: each message cut at its placeholders and marks,
    keeping runs of two words or more, and messages that are one word ("Sources")."""
    found = set()
    for message in _messages(read_catalog(language, [])):
        parts = re.split(r"\{[^}]*\}|[.,:;!?\"“”«»()\[\]*`<>|/]|\b(?:del|ins)\b", message)
        for part in (p.strip(" -'’") for p in parts):
            words = re.findall(r"[^\W\d_]{2,}", part)
            if len(words) >= 2 or (len(parts) == 1 and words and len(words[0]) >= 3):
                found.add(part)
    return found


ENGLISH = phrases("en") - phrases("uk")
"""English interface phrases; those the Ukrainian catalog shares ("BibTeX", "RFC 4180",
"document.json") are no English to find."""


def content_texts(document: Document) -> list[str]:
    """Every text the content holds, which a Ukrainian build shows as written (the wording and
    our summaries are never translated), longest first."""
    texts: list[str] = [document.meta.title, document.meta.description]
    texts += [s.title for s in document.meta.sources] + [
        s.note or "" for s in document.meta.sources
    ]
    texts += [s.publisher or "" for s in document.meta.sources]
    for vocabulary in (document.meta.parties, document.meta.topics):
        for entry in vocabulary:
            texts += [entry.name, getattr(entry, "description", None) or ""]
    for actor in document.meta.actors:
        texts += [actor.name, actor.role or ""]
    for draft in document.meta.drafts:
        texts += [draft.label, draft.description]
    for point in document.points:
        meta = point.meta
        texts += [point.title, meta.summary, point.lead, *point.items, point.context]
        texts += [*meta.obligations.values(), *meta.benefits.values()]
        for version in meta.versions:
            texts += [version.description, version.wording or "", version.note or ""]
    for term in document.terms:
        texts += [*term.forms, term.meta.definition, term.meta.explanation or ""]
    for event in document.events:
        texts += [event.meta.summary, event.meta.quote or "", event.meta.note or ""]
    found = set()
    for text in filter(None, texts):
        squashed = " ".join(text.split())
        found |= {squashed, re.sub(r"([\\`*_{}\[\]()#+\-.!>])", r"\\\1", squashed)}
        found |= {line.strip() for line in text.splitlines() if line.strip()}
    return sorted(found, key=len, reverse=True)


def interface_text(markdown: str, texts: list[str]) -> str:
    """What a generated page says besides its content: its title, and its body without link
    targets, attribute lists, tags, word diffs (of the wording) and the content's texts."""
    _, front, body = markdown.split("---\n", 2)
    title = str(yaml.safe_load(front)["title"])
    body = re.sub(r'<p class="nd-diff">.*?</p>', " ", body, flags=re.S)
    body = re.sub(r"\]\([^)]*\)|\{[:\s][^}]*\}|<[^>]+>|`[^`]*`", " ", body)
    text = f"{title}\n{body}"
    for content in texts:
        text = text.replace(content, " ")
    return text.replace("## Context", " ")  # a heading that point files write themselves


@pytest.fixture(scope="module")
def ukrainian(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The real site built with `theme.language: uk`: the site, its generated Markdown and
    the warnings."""
    folder = copy_project(tmp_path_factory.mktemp("uk"))
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text().replace("language: en", "language: uk", 1))
    dump = folder / "markdown"
    config.write_text(
        config.read_text().replace(
            "      content_dir: content", f"      content_dir: content\n      dump_markdown: {dump}"
        )
    )
    warnings = build_site(config, folder / "site")
    return folder / "site", dump, warnings


def test_the_ukrainian_build_passes_strict(ukrainian: tuple[Path, Path, list[str]]) -> None:
    _, dump, warnings = ukrainian
    assert warnings == []
    assert len(list(dump.rglob("*.md"))) > 60


def test_no_generated_page_of_the_ukrainian_build_has_english_interface_words(
    ukrainian: tuple[Path, Path, list[str]],
) -> None:
    _, dump, _ = ukrainian
    texts = content_texts(load_document(ROOT / "content"))
    assert len(ENGLISH) > 150
    found: dict[str, set[str]] = {}
    for page in sorted(dump.rglob("*.md")):
        markdown = interface_text(page.read_text(encoding="utf-8"), texts)
        if page.name in ("format.md", "data.md"):  # field tables are the schema's, in English
            markdown = markdown.split("\n## ", 1)[0]
        for phrase in ENGLISH:
            if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", markdown):
                found.setdefault(str(page.relative_to(dump)), set()).add(phrase)
    assert found == {}


def test_the_english_phrases_are_found_where_they_are(tmp_path: Path) -> None:
    """The search above can fail: English pages hold the phrases it looks for."""
    folder = copy_project(tmp_path)
    config = folder / "mkdocs.yml"
    dump = folder / "markdown"
    config.write_text(
        config.read_text().replace(
            "      content_dir: content", f"      content_dir: content\n      dump_markdown: {dump}"
        )
    )
    build_site(config, folder / "site")
    texts = content_texts(load_document(ROOT / "content"))
    point = interface_text((dump / "points/21-territories.md").read_text("utf-8"), texts)
    for phrase in (
        "Published wording",
        "Refers to",
        "Referenced by",
        "How to cite this",
        "Sources",
    ):
        assert phrase in ENGLISH and phrase in point


def test_dates_material_and_the_timeline_filter_read_in_ukrainian(
    ukrainian: tuple[Path, Path, list[str]],
) -> None:
    site, _, _ = ukrainian
    timeline = BeautifulSoup((site / "timeline/index.html").read_text(), "html.parser")
    assert timeline.html is not None and timeline.html["lang"] == "uk"
    times = [t.get_text() for t in timeline.select("article time, section.nd-day h2 time")]
    assert "21 листопада 2025" in times
    months = [dt.date(2025, m, 1).strftime("%B") for m in range(1, 13)]
    dates = " ".join(e.get_text(" ") for e in timeline.select("article time, section.nd-day h2"))
    assert dates and not any(month in dates for month in months)
    labels = [label.get_text(" ", strip=True) for label in timeline.select("form.nd-filter label")]
    assert labels[0].startswith("Учасник Усі") and labels[1].startswith("Пункт Усі")
    words = timeline.select_one(".nd-filter-count")["data-nd-words"]
    assert "подій" in words and "events" not in words
    # Material's own interface: its search box and skip link come from its Ukrainian strings.
    point = (site / "points/21-territories/index.html").read_text(encoding="utf-8")
    assert "Пошук" in point and "Search" not in BeautifulSoup(point, "html.parser").get_text()
    assert 'id="published-wording"' in point  # the same address in every language


def test_a_site_overrides_a_template_and_a_message(tmp_path: Path) -> None:
    """A site's own folder wins, file by file and message by message (Material's way)."""
    folder = copy_project(tmp_path)
    own = folder / "overrides/numbered_document"
    (own / "locales").mkdir(parents=True)
    (own / "locales/en.yml").write_text('point:\n  refers_to: "Points it names"\n')
    shipped = (PACKAGE / "templates/none.html").read_text()
    (own / "none.html").write_text(shipped.replace('class="nd-none"', 'class="nd-none mine"'))
    assert build_site(folder / "mkdocs.yml", folder / "site") == []
    page = (folder / "site/points/01-sovereignty/index.html").read_text(encoding="utf-8")
    assert ">Points it names<" in page and ">Refers to<" not in page
    assert '<p class="nd-none mine">This point names no other.</p>' in page


def test_a_language_without_a_catalog_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"no catalog of interface words for the language 'xx'"):
        read_catalog("xx", [tmp_path])
    catalog = Catalog("en", {"a": "{nothing}"})
    with pytest.raises(CatalogError, match="placeholder 'nothing' is not known here"):
        catalog("a")


def test_every_catalog_has_every_message_of_the_english_one() -> None:
    def keys(data: object, prefix: str = "") -> set[str]:
        if not isinstance(data, dict):
            return {prefix}
        if set(data) <= {"zero", "one", "two", "few", "many", "other"}:
            return {prefix}  # plural forms: each language has its own categories
        return {k for key, value in data.items() for k in keys(value, f"{prefix}.{key}")}

    english = keys(yaml.safe_load((LOCALES / "en.yml").read_text()))
    for path in LOCALES.glob("*.yml"):
        assert keys(yaml.safe_load(path.read_text())) == english, path.name


PAGE_LAYER = [PACKAGE / "templating.py", PACKAGE / "late.py", PACKAGE / "citation.py"]
PAGE_LAYER += sorted((PACKAGE / "pages").glob("*.py"))


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    """String constants of a module, without docstrings and the messages of raised errors."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # attribute docstrings
        if isinstance(node, ast.Raise):
            skipped |= {id(n) for n in ast.walk(node)}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ):
            yield node.lineno, node.value


@pytest.mark.parametrize("path", PAGE_LAYER, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_interface_english_in_the_page_layer(path: Path) -> None:
    """Words a reader sees come from the catalog: no string of the page layer's Python holds
    an English phrase of it, nor two English words in a row."""
    found = []
    for line, literal in _literals(path):
        text = re.sub(r"<[^>]*>?|^[^<]*>|\{\s*[.#][^}]*\}?", " ", literal)  # markup: no words
        if any(phrase in text for phrase in ENGLISH if " " in phrase) or re.search(
            r"\b[A-Za-z][a-z]+ [a-z]{2,}\b", text
        ):
            found.append(f"{line}: {literal!r}")
    assert found == []


def test_the_grep_finds_english_where_it_is(tmp_path: Path) -> None:
    module = tmp_path / "page.py"
    module.write_text('"""Doc."""\n\ndef f():\n    return "Referenced by " + x\n')
    assert [text for _, text in _literals(module)] == ["Referenced by "]


def test_a_template_may_open_with_a_line_that_looks_like_metadata(tmp_path: Path) -> None:
    """A generated page gets its metadata as it is, with no front matter: its first line is
    still text, though MkDocs reads "Key: value" lines at the top of such a page as metadata."""
    folder = copy_project(tmp_path)
    own = folder / "overrides/numbered_document"
    own.mkdir(parents=True)
    shipped = (PACKAGE / "templates/full_text.md").read_text()
    first, _, rest = shipped.partition("{{ front_matter(")
    (own / "full_text.md").write_text(
        f"{first}{{{{ front_matter({rest.split(chr(10), 1)[0]}\nNote: read it point by point.\n\n"
        + rest.split("\n", 1)[1]
    )
    assert build_site(folder / "mkdocs.yml", folder / "site") == []
    page = (folder / "site/full-text/index.html").read_text(encoding="utf-8")
    assert "<p>Note: read it point by point.</p>" in page
    assert "<title>Full text" in page
