"""What a document may leave out: summaries, topics, sources, the precision of a date, and the
kinds of its actors are its own. This site requires the fields; a new document need not."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import ContentError

from .conftest import mkdocs_build


def thirteen_articles(folder: Path) -> Path:
    """A new site of 13 articles with no summary, no topic, no source and no date precision,
    and an actor whose kind the document declares itself ("the-leaders")."""
    command = [sys.executable, "-m", "mkdocs_plugins.numbered_document", "new", str(folder)]
    subprocess.run([*command, "--items", "articles"], check=True, capture_output=True)
    content = folder / "content"
    first = (content / "articles/01-first.md").read_text(encoding="utf-8")
    bare = re.sub(r"^(summary|topics|sources):.*\n", "", first, flags=re.M)
    (content / "articles/01-first.md").unlink()
    for number in range(1, 14):
        text = bare.replace("number: 1", f"number: {number}").replace(
            "article 1", f"article {number}"
        )
        (content / f"articles/{number:02d}-article.md").write_text(text, encoding="utf-8")
    for path in [*content.glob("timeline/*.yml"), *content.glob("glossary/*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"^(precision|sources):.*\n", "", text, flags=re.M), encoding="utf-8"
        )
    document = content / "document.yml"
    text = document.read_text(encoding="utf-8").replace("kind: person", "kind: the-leaders")
    document.write_text(text + "actor_kinds: [the-leaders]\n", encoding="utf-8")
    return folder


def test_a_document_without_summaries_topics_sources_or_precision_builds(tmp_path: Path) -> None:
    folder = thirteen_articles(tmp_path / "site")
    document = load_document(folder / "content", points_dir="articles")
    assert len(document.points) == 13
    assert all(p.meta.summary is None and not p.meta.topics for p in document.points)
    assert all(e.meta.precision == "day" for e in document.events)  # a whole day, by default
    result = mkdocs_build(folder)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    page = BeautifulSoup(
        (folder / "site/articles/05-article/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = page.select_one("[role=main], .col-md-9, main, body").get_text(" ")
    assert "Summary:" not in text and "Topics:" not in text and "Parties:" in text
    assert page.find(id="sources") is None


def test_the_document_says_what_it_requires_and_a_file_without_it_is_refused(
    tmp_path: Path,
) -> None:
    folder = thirteen_articles(tmp_path / "site")
    document = folder / "content/document.yml"
    document.write_text(document.read_text() + "required: [summary]\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_document(folder / "content", points_dir="articles")
    messages = [p.message for p in error.value.problems]
    assert len(messages) == 13
    prefix = "field 'summary': this document gives 'summary' everywhere: add it here (or take"
    assert all(m.startswith(prefix) for m in messages), messages[0]
    ending = f"'summary' out of `required` in {folder / 'content/document.yml'})."
    assert all(m.endswith(ending) for m in messages), messages[0]


def test_this_site_still_refuses_a_point_without_a_summary(content: Path) -> None:
    point = content / "points/01-sovereignty.md"
    point.write_text(re.sub(r"^summary:.*\n", "", point.read_text(), flags=re.M))
    with pytest.raises(ContentError) as error:
        load_document(content)
    (problem,) = error.value.problems
    assert problem.path == point and problem.line == 2
    assert "this document gives 'summary' everywhere: add it here" in problem.message


def test_an_actor_of_an_undeclared_kind_is_refused_with_the_kinds(content: Path) -> None:
    document = content / "document.yml"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("kind: person", "kind: leaders", 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_document(content)
    (problem,) = error.value.problems
    assert "unknown actor kind 'leaders'" in problem.message
    assert "Valid: institution, media, person." in problem.message
