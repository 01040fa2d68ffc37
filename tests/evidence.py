"""The evidence the site's texts are checked against, and the two checks on our own texts.

The repository keeps what a contributor needs to verify the content: the published wording of
the points (``evidence/plan-article-wording.yml``) and, on each source in ``document.yml``, the
passages the site quotes from it (``excerpts``). The full source files live outside the
repository, in ``../shared/sources/``; tests that need them skip without them (and fail under CI).

Two checks read every text of ``content/`` and ``docs/`` that is ours:

- every quoted string occurs in a kept excerpt or in the kept wording (``unkept_quotes``);
- no run of ``RUN`` or more consecutive words of a source stands outside quotation marks
  (``copied_runs``): what is not quoted is in our own words.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SOURCES

KEPT_WORDING = ROOT / "evidence" / "plan-article-wording.yml"
RUN = 8
"""The shortest run of a source's words that counts as copied."""

APOSTROPHES = str.maketrans({"\u02bc": "'", "\u2019": "'", "\u2018": "'"})
QUOTED = re.compile(r'"([^"\n]+?)"|\u201c([^\u201d\n]+?)\u201d')
ELLIPSIS = re.compile(r"…|\.\.\.")
CODE = re.compile(r"^```.*?^```|`[^`\n]+`", re.S | re.M)
WORD = re.compile(r"[a-z0-9]+")
LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
BREAK = "\u2016"
"""Stands where a quote was taken out, so that no run of words spans it."""

# Fields of content files that are not our prose: ids, addresses, names of things, and the
# fields that hold quotes without quotation marks (checked as whole quotes instead).
NOT_PROSE = {"id", "url", "excerpts", "forms", "term", "date", "precision", "status", "draft"}
NOT_PROSE |= {"name", "role"}  # names of parties and actors, and roles as the sources give them
WHOLE_QUOTES = {"quote", "wording"}


def full_source(name: str, what: str) -> Path:
    """A file of ``../shared/sources/``; the test skips without it, and fails under CI."""
    path = SOURCES / name
    if not path.is_file():
        message = f"needs ../shared/sources/{name} ({what})"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must run with the full source files beside the clone")
        pytest.skip(message)
    return path


def normal(text: str) -> str:
    """Text as compared: one kind of apostrophe, single spaces, composed characters."""
    return " ".join(unicodedata.normalize("NFC", text).translate(APOSTROPHES).split())


def kept_wording() -> dict[int, str]:
    """The kept wording of each point: its paragraphs joined by blank lines."""
    data = yaml.safe_load(KEPT_WORDING.read_text(encoding="utf-8"))
    return {int(number): "\n\n".join(parts) for number, parts in data["points"].items()}


def kept_wording_details() -> dict[str, str]:
    data = yaml.safe_load(KEPT_WORDING.read_text(encoding="utf-8"))
    return {key: str(value) for key, value in data.items() if key != "points"}


def article_points(text: str) -> dict[int, str]:
    """The points as the full article lists them: number → paragraphs joined by blank lines."""
    listing = text.split("complete list of points from the draft American peace plan:")[1]
    listing = listing.split("How Ukraine reacts to the US peace plan")[0]
    points: dict[int, list[str]] = {}
    for paragraph in filter(None, (p.strip() for p in listing.split("\n\n"))):
        match = re.match(r"(\d+)\. (.*)", paragraph, re.S)
        if match and int(match.group(1)) == len(points) + 1:
            points[int(match.group(1))] = [match.group(2)]
        else:
            points[len(points)].append(paragraph)
    return {number: "\n\n".join(parts) for number, parts in points.items()}


@dataclass(frozen=True)
class Text:
    """One text of ours (or one whole quote), and where it stands."""

    where: str
    text: str
    whole_quote: bool = False


def _strings(data: object, where: str) -> Iterator[Text]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in NOT_PROSE:
                continue
            if key in WHOLE_QUOTES and isinstance(value, str):
                yield Text(f"{where}: {key}", value, whole_quote=True)
            else:
                yield from _strings(value, f"{where}: {key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{where}[{index}]")
    elif isinstance(data, str):
        yield Text(where, data)


def our_texts(root: Path = ROOT) -> Iterator[Text]:
    """Every text of ours in content/ and docs/: YAML values, front matter, Markdown bodies.

    A point file's wording (its body before the first ``## `` heading) is the draft's, not
    ours: the tests compare it with the kept wording instead."""
    for path in sorted((root / "content").rglob("*.yml")):
        name = str(path.relative_to(root))
        yield from _strings(yaml.safe_load(path.read_text(encoding="utf-8")), name)
    for path in sorted((root / "content").rglob("*.md")) + sorted((root / "docs").rglob("*.md")):
        name = str(path.relative_to(root))
        text = path.read_text(encoding="utf-8")
        body = text
        if text.startswith("---\n"):
            front, body = text[4:].split("\n---\n", 1)
            yield from _strings(yaml.safe_load(front), name)
        if path.is_relative_to(root / "content"):
            heading = re.search(r"^## ", body, re.M)
            body = body[heading.start() :] if heading else ""
        yield Text(name, body)


def quotes_in(text: str) -> list[str]:
    """The quoted strings of a text (straight or curly double quotes), code left out. A quote
    may run over a line break inside a paragraph, not past a blank line."""
    text = LINE_BREAK.sub(" ", CODE.sub(" ", text))
    return [match.group(1) or match.group(2) for match in QUOTED.finditer(text)]


def unkept_quotes(
    texts: Iterable[Text], kept: Iterable[str], forms: Iterable[str] = ()
) -> list[str]:
    """Every quote of ours that occurs in no kept text, as 'where: "quote"'.

    A quote may be cut with an ellipsis: each part must occur. A quote that is only a glossary
    term or form (a word named, not a source quoted) is not a quote of a source."""
    haystack = "\n".join(normal(text) for text in kept).lower()
    named = {normal(form).lower() for form in forms}
    missing = []
    for text in texts:
        found = [text.text] if text.whole_quote else quotes_in(text.text)
        for quote in found:
            if not text.whole_quote and normal(quote).lower() in named:
                continue
            parts = [normal(part) for part in ELLIPSIS.split(quote) if part.strip()]
            if not parts or any(part.lower() not in haystack for part in parts):
                missing.append(f'{text.where}: "{normal(quote)}"')
    return missing


def _words(text: str) -> list[str]:
    return WORD.findall(normal(text).lower().replace("'", ""))


def runs_of(texts: Iterable[str], length: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``length`` consecutive words in the texts."""
    found = set()
    for text in texts:
        words = _words(text)
        found.update(tuple(words[i : i + length]) for i in range(len(words) - length + 1))
    return found


def copied_runs(
    texts: Iterable[Text],
    source_runs: set[tuple[str, ...]],
    names: Iterable[str] = (),
    length: int = RUN,
) -> list[str]:
    """Every place where our prose, quotes taken out, repeats ``length`` or more consecutive
    words of a source: 'where: the words'. Overlapping runs are reported once, joined.

    ``names`` (glossary terms and their forms, the names and roles of actors) are names, not
    prose: a long one such as "Treaty on the Non-Proliferation of Nuclear Weapons" is taken out
    like a quote."""
    by_length = sorted({normal(name) for name in names if len(name.split()) > 1}, key=len)
    named = (
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in reversed(by_length)) + r")\b", re.I)
        if by_length
        else None
    )
    found = []
    for text in texts:
        if text.whole_quote:
            continue
        unquoted = QUOTED.sub(BREAK, LINE_BREAK.sub(" ", CODE.sub(BREAK, text.text)))
        unquoted = normal(unquoted)
        if named:
            unquoted = named.sub(BREAK, unquoted)
        for segment in unquoted.split(BREAK):
            words = _words(segment)
            hits = [
                i
                for i in range(len(words) - length + 1)
                if tuple(words[i : i + length]) in source_runs
            ]
            start = None
            for position, i in enumerate(hits):
                if start is None:
                    start = i
                if position + 1 == len(hits) or hits[position + 1] != i + 1:
                    found.append(f"{text.where}: {' '.join(words[start : i + length])}")
                    start = None
    return found


def kept_excerpts(root: Path = ROOT) -> dict[str, list[str]]:
    """The excerpts kept on each source of the document file, by source id."""
    document = yaml.safe_load((root / "content" / "document.yml").read_text(encoding="utf-8"))
    return {source["id"]: source.get("excerpts", []) for source in document["sources"]}


def glossary_forms(root: Path = ROOT) -> list[str]:
    """Every glossary term and form."""
    forms = []
    for path in (root / "content" / "glossary").glob("*.yml"):
        term = yaml.safe_load(path.read_text(encoding="utf-8"))
        forms += [term["term"], *term.get("forms", [])]
    return forms


def names(root: Path = ROOT) -> list[str]:
    """What counts as a name, not prose: glossary terms and forms, actors' names and roles."""
    document = yaml.safe_load((root / "content" / "document.yml").read_text(encoding="utf-8"))
    actors = [value for actor in document.get("actors", []) for value in actor.values()]
    return glossary_forms(root) + [value for value in actors if isinstance(value, str)]
