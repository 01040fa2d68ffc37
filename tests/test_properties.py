"""Generated input thrown at the loader and at the safety check (hypothesis).

Whatever a contributor writes, the loader either loads the content or raises ContentError whose
every problem names a file of the content folder, a line inside it (or none) and a message:
never another exception. And a text the safety check accepts renders, through Python-Markdown
with the site's extensions, into nothing that runs: no script, no handler, no javascript: link.

Reproducible: examples are derived from the test's name (``derandomize``), with no example
database, so CI and every machine run the same ones. The charter fixture is the content folder:
small, so one load takes milliseconds.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import ContentError
from mkdocs_plugins.numbered_document.safety import (
    ALLOWED_ELEMENTS,
    find_unsafe,
    unsafe_scheme,
)
from mkdocs_plugins.numbered_document.schema import Event, PointMeta, Term

from .conftest import ROOT

CHARTER = ROOT / "tests/fixtures/charter/content"
FAST = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- what is generated

NAMES = ["members", "board", "membership", "meetings", "minutes", "newsletter", "chair"]
"""Ids the charter declares, so that generated content sometimes gets past the id checks."""
TRICKY = [
    *("", " ", "~", "null", "yes", "No", "0x1F", "1e3", "2024-02-30", "2024-03-01", "---"),
    *("<script>alert(1)</script>", "[x](javascript:alert(1))", "<b onclick=x>b</b>"),
    *("<abbr title='t'>a</abbr>", "&lt;script&gt;", "java&#x73;cript:", "{ onclick=x }"),
    *("article 1", "articles 2 and 9", "Стаття 1", "‮RTL", "a\u0000b", "\ufeffbom", "é\u0301"),
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.text(max_size=30),
    st.sampled_from(NAMES + TRICKY),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def mappings(fields: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Known fields, misspelt and unknown ones, holding anything."""
    keys = st.sampled_from([*fields, *(field[:-1] for field in fields), "notes", "Title"])
    return st.dictionaries(keys | st.text(max_size=12), values, max_size=12)


VALID_ARTICLE = {
    "number": 4,
    "title": "A fourth article",
    "summary": "One sentence.",
    "parties": ["members"],
    "topics": ["membership"],
    "sources": ["minutes"],
}
MARKUP = [
    *("\n", "\n\n", "- ", "## ", "# ", "> ", "`", "*", "_", "[", "]", "(", ")", "<", ">", "{", "}"),
    *("&", "&#x73;", "&lt;", "!", ":", '"', "'", "=", "/", "\t", " ", "on", "href", "src"),
    *("script", "javascript:", "data:", "img", "abbr", "sup", "br", "a", "b", "article 2", "x"),
    *("[r]: ", "<!--", "-->", "<?", "Київ", "—", "\\"),
]
markdown_texts = st.lists(st.sampled_from(MARKUP) | st.text(max_size=4), max_size=40).map("".join)


@st.composite
def front_matters(draw: st.DrawFn) -> dict[str, Any]:
    """Mostly a valid article with fields replaced, removed or added; sometimes anything."""
    if draw(st.booleans()):
        return draw(mappings(list(PointMeta.model_fields)))
    data = dict(VALID_ARTICLE)
    for key in draw(st.lists(st.sampled_from(list(data)), max_size=3)):
        data.pop(key, None)
    data.update(draw(mappings(list(PointMeta.model_fields))))
    return data


# --- how it is checked


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the charter's content for all examples; each example writes its files and
    removes them again."""
    content = tmp_path_factory.mktemp("generated") / "content"
    shutil.copytree(CHARTER, content)
    yield content


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def lines_in(path: Path) -> int:
    """Lines as YAML counts them: NEL, LS and PS end lines too (PyYAML reports line numbers so;
    editors differ, and the line of such a file can be one of theirs further down)."""
    text = path.read_bytes().decode("utf-8", "replace")
    return 1 + sum(text.count(mark) for mark in ("\n", "\x85", "\u2028", "\u2029"))


def loads_or_names_the_problem(folder: Path, written: dict[str, str | bytes]) -> None:
    """Write the files, load, and check the outcome; remove the files whatever happens."""
    try:
        for name, text in written.items():
            data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
            (folder / name).write_bytes(data)
        try:
            load_document(folder, points_dir="articles")
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.path == folder or folder in problem.path.parents, problem
                assert problem.message.strip(), problem
                if problem.line is not None and problem.path.is_file():
                    assert 1 <= problem.line <= lines_in(problem.path), problem
                assert str(problem)
    finally:
        for name in written:
            (folder / name).unlink(missing_ok=True)


@FAST
@given(front=front_matters(), body=markdown_texts)
def test_a_generated_article_loads_or_is_named(folder: Path, front: dict, body: str) -> None:
    text = f"---\n{dump(front)}---\n{body}"
    loads_or_names_the_problem(folder, {"articles/4-generated.md": text})


@FAST
@given(front=st.text(max_size=80) | markdown_texts, body=st.text(max_size=80))
def test_any_text_as_front_matter_loads_or_is_named(folder: Path, front: str, body: str) -> None:
    loads_or_names_the_problem(folder, {"articles/4-generated.md": f"---\n{front}\n---\n{body}"})


@FAST
@given(data=st.binary(max_size=120))
def test_any_bytes_as_a_file_load_or_are_named(folder: Path, data: bytes) -> None:
    loads_or_names_the_problem(folder, {"articles/4-generated.md": b"---\n" + data})


@FAST
@given(term=mappings(list(Term.model_fields)), event=mappings(list(Event.model_fields)))
def test_generated_glossary_and_timeline_files_load_or_are_named(
    folder: Path, term: dict, event: dict
) -> None:
    loads_or_names_the_problem(
        folder,
        {"glossary/generated.yml": dump(term), "timeline/2024-05-01-generated.yml": dump(event)},
    )


MARKDOWN_TAGS = frozenset(
    {
        *("p", "a", "img", "em", "strong", "code", "pre", "blockquote", "hr", "br", "ul", "ol"),
        *("li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"),
        *("dl", "dt", "dd", "abbr"),
    }
)
"""What Python-Markdown itself writes, with the site's extensions."""
EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables"]


class Rendered(HTMLParser):
    """Every element and attribute of rendered HTML that could run or load something."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in MARKDOWN_TAGS | ALLOWED_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                self.found.append(f"<{tag} {name}>")
            if name in {"href", "src"} and unsafe_scheme(value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_comment(self, data: str) -> None:
        self.found.append("<!--")


@FAST
@given(text=markdown_texts)
def test_a_text_the_check_accepts_renders_inert(text: str) -> None:
    findings = find_unsafe(text)  # never raises, whatever the text
    assert all(0 <= finding.start <= len(text) for finding in findings)
    if findings:
        return
    html = markdown.markdown(text, extensions=EXTENSIONS)
    reader = Rendered()
    reader.feed(html)
    reader.close()
    assert reader.found == [], (text, html)
