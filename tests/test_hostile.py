"""Broken and hostile contributions, one case a file in tests/hostile/ (see its README).

Each case changes a copy of the real content. A refused case must produce exactly the lines
`make check` prints (file:line: message), and a few of them the same lines from
`mkdocs build --strict`; an accepted case must load, and where it says what the page shows, the
site built with every such case at once shows it as text, with no handler and no script.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import ContentError

from .conftest import copy_project, edit, mkdocs_build

HOSTILE = Path(__file__).parent / "hostile"
MARKER = "nd-hostile"
"""Every payload carries this word, so that a page where it escaped the text is found."""
KEYS = {
    *("about", "write", "edit", "append", "mkdir", "encoding", "bom", "crlf", "filler"),
    *("problems", "accepted", "build", "shows", "within_seconds"),
}


def load_cases() -> dict[str, dict[str, Any]]:
    cases = {}
    for path in sorted(HOSTILE.glob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(case) <= KEYS, f"{path.name}: unknown keys {set(case) - KEYS}"
        assert ("problems" in case) != bool(case.get("accepted")), path.name
        cases[path.stem] = case
    return cases


CASES = load_cases()
REFUSED = [name for name, case in CASES.items() if "problems" in case]
ACCEPTED = [name for name, case in CASES.items() if case.get("accepted")]
BUILT = [name for name in ACCEPTED if CASES[name].get("build")]


def save(path: Path, text: str, case: dict[str, Any]) -> None:
    """Write a text as the case says a contributor's editor saved it."""
    filler = case.get("filler")
    if filler:
        text += (filler["line"] + "\n") * filler["times"]
    if case.get("crlf"):
        text = text.replace("\n", "\r\n")
    data = text.encode(case.get("encoding", "utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if case.get("bom") else b"") + data)


def apply(case: dict[str, Any], content: Path) -> int | None:
    """Make the case's change in a content folder; return the line where an edit's new text
    starts (``{line}`` in the expected messages), so they hold when the file above it changes."""
    for name, text in (case.get("write") or {}).items():
        save(content / name, text, case)
    for name, text in (case.get("append") or {}).items():
        save(content / name, (content / name).read_text(encoding="utf-8") + text, case)
    if case.get("mkdir"):
        (content / case["mkdir"]).mkdir(parents=True)
    change = case.get("edit")
    if not change:
        return None
    edit(content, change["file"], change["old"], change["new"])
    text = (content / change["file"]).read_text(encoding="utf-8")
    if case.get("bom") or case.get("crlf"):
        save(content / change["file"], text, {**case, "filler": None})
    start = text.index(change["new"]) + len(change["new"]) - len(change["new"].lstrip("\n"))
    return text.count("\n", 0, start) + 1


def expected(case: dict[str, Any], line: int | None) -> list[str]:
    def at(match: re.Match[str]) -> str:
        assert line is not None, "{line} needs an edit"
        return str(line + int(match.group(1) or 0))

    return [re.sub(r"\{line([+-]\d+)?\}", at, problem) for problem in case["problems"]]


def test_the_corpus_covers_every_kind_of_input() -> None:
    kinds = {name.split("-")[0] for name in CASES}
    assert {
        *("yaml", "type", "unknown", "duplicate", "misspelt", "encoding", "empty", "huge"),
        *("stray", "cyrillic", "html", "inert"),
    } <= kinds
    assert len(CASES) >= 30
    assert all(isinstance(case["about"], str) for case in CASES.values())


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_case_gets_the_exact_message(
    name: str, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES[name]
    monkeypatch.chdir(content.parent)  # paths as `make check` prints them: content/...
    line = apply(case, content)
    with pytest.raises(ContentError) as caught:
        load_document(content)
    assert str(caught.value).split("\n") == expected(case, line)


@pytest.mark.parametrize("name", ACCEPTED)
def test_an_accepted_case_loads(name: str, content: Path) -> None:
    case = CASES[name]
    apply(case, content)
    started = time.perf_counter()
    document = load_document(content)
    assert time.perf_counter() - started < case.get("within_seconds", 10)
    # A byte-order mark or a carriage return never reaches a text.
    for record in (*document.points, *document.terms, *document.events):
        dumped = record.meta.model_dump_json()
        assert "\\r" not in dumped and "\\ufeff" not in dumped, record.path
    for point in document.points:
        for text in (point.lead, *point.items, point.context):
            assert "\r" not in text and "\ufeff" not in text, point.path


@pytest.mark.build
@pytest.mark.parametrize("name", [name for name in REFUSED if CASES[name].get("build")])
def test_the_strict_build_refuses_with_the_same_message(name: str, project: Path) -> None:
    case = CASES[name]
    line = apply(case, project / "content")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = expected(case, line)
    count = len(problems)
    assert f"{count} problem{'s' if count > 1 else ''} in the content:" in result.stderr
    for problem in problems:
        assert problem in result.stderr


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with every accepted case that names a page, all at once."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for name in BUILT:
        apply(CASES[name], project / "content")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.build
def test_no_accepted_text_becomes_a_handler_or_a_script(hostile_site: Path) -> None:
    for page in pages(hostile_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            where = f"{page.relative_to(hostile_site)}: <{element.name}>"
            assert MARKER not in element.name, where
            for attribute in element.attrs:
                assert not attribute.lower().startswith("on"), f"{where} {attribute}"
                assert MARKER not in attribute, f"{where} {attribute}"
            if element.name in {"script", "style", "iframe", "object", "embed", "form"}:
                assert MARKER not in str(element), where


@pytest.mark.build
@pytest.mark.parametrize("name", BUILT)
def test_an_accepted_text_shows_as_written(name: str, hostile_site: Path) -> None:
    shows = CASES[name]["shows"]
    page = hostile_site / shows["page"]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    text = " ".join(soup.get_text(" ").split())
    for expected_text in [shows["text"]] if isinstance(shows["text"], str) else shows["text"]:
        assert expected_text in text, f"{expected_text!r} not on {shows['page']}"
    for selector, count in (shows.get("elements") or {}).items():
        assert len(soup.select(selector)) == count, selector
