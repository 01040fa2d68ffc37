"""The content against its evidence: the kept wording and excerpts in the repository, and,
where ``../shared/sources/`` is present, the full source files they were copied from.

Checks that need the full files skip without them, naming what is missing; under CI they fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import ContentError

from .conftest import ROOT
from .evidence import (
    KEPT_WORDING,
    RUN,
    Text,
    article_points,
    copied_runs,
    full_source,
    glossary_forms,
    kept_excerpts,
    kept_wording,
    kept_wording_details,
    names,
    normal,
    our_texts,
    quotes_in,
    runs_of,
    unkept_quotes,
)

ARTICLE_FILE = "plan-article-2025-11-21.txt"
FACTS_FILES = ("reported-facts.md", "source-addresses.md")


def kept_texts() -> list[str]:
    """What a quote of ours may come from: the kept wording and every kept excerpt."""
    return [*kept_wording().values(), *(e for found in kept_excerpts().values() for e in found)]


# The kept evidence, without the full source files ------------------------------------------


def test_the_point_files_give_the_kept_wording_of_all_28_points() -> None:
    document = load_document(ROOT / "content")
    kept = kept_wording()
    assert sorted(kept) == list(range(1, 29))
    assert {p.number: p.wording for p in document.points} == kept


def test_the_kept_wording_names_its_source_as_the_document_file_does() -> None:
    document = load_document(ROOT / "content")
    source = document.text_source
    details = kept_wording_details()
    assert details["source"] == source.id
    assert details["publisher"] == source.publisher
    assert details["url"] == source.url
    assert details["date"] == str(source.date)


def test_every_source_has_an_address_or_says_it_has_none() -> None:
    document = load_document(ROOT / "content")
    for source in document.meta.sources:
        assert source.url or "No public address" in (source.note or ""), source.id


def test_every_quote_in_content_and_docs_is_a_kept_excerpt_or_the_wording() -> None:
    missing = unkept_quotes(our_texts(), kept_texts(), glossary_forms())
    assert missing == [], "quotes found in no excerpt of content/document.yml:\n" + "\n".join(
        missing
    )


def test_no_run_of_words_from_the_kept_sources_stands_unquoted() -> None:
    copied = copied_runs(our_texts(), runs_of(kept_texts()), names())
    assert copied == [], f"{RUN}+ words of a source outside quotation marks:\n" + "\n".join(copied)


# The checks themselves ----------------------------------------------------------------------


def test_the_quote_check_finds_a_misquote_and_accepts_a_true_quote() -> None:
    kept = ["if Ukraine invades Russia, it will lose its guarantees;"]
    texts = [
        Text("good", 'Ukraine "will lose its guarantees" by invading Russia.'),
        Text("cut", "It says “if Ukraine invades Russia, … lose its guarantees”."),
        Text("bad", 'Point 10 says Ukraine "would lose its guarantees".'),
        Text("added word", 'Russia "invades Ukraine again".'),
        Text("a whole quote", "Ukraine will lose its guarantees", whole_quote=True),
        Text("a named term", 'The "security guarantees" of point 5.'),
    ]
    assert unkept_quotes(texts, kept, forms=["security guarantees"]) == [
        'bad: "would lose its guarantees"',
        'added word: "invades Ukraine again"',
        "a whole quote: " + '"Ukraine will lose its guarantees"',
    ]


def test_the_copy_check_finds_eight_copied_words_and_not_seven_or_quoted_ones() -> None:
    source = runs_of(["The US will receive compensation for the guarantees provided;"])
    texts = [
        Text("copied", "Under point 10 the US will receive compensation for the guarantees."),
        Text("seven", "Here the US will receive compensation for the, er, guarantees."),
        Text("quoted", 'It says "the US will receive compensation for the guarantees provided".'),
        # single quotation marks are not quotation marks here: they often stand for apostrophes
        Text("single", "So \u2018the US will receive compensation for the guarantees\u2019."),
    ]
    assert copied_runs(texts, source) == [
        "copied: the us will receive compensation for the guarantees",
        "single: the us will receive compensation for the guarantees",
    ]
    named = [Text("a name", "the Treaty on the Non-Proliferation of Nuclear Weapons applies")]
    treaty = runs_of(["in accordance with the Treaty on the Non-Proliferation of Nuclear Weapons."])
    assert copied_runs(named, treaty) != []
    assert copied_runs(named, treaty, ["Treaty on the Non-Proliferation of Nuclear Weapons"]) == []


def test_the_checks_read_every_kind_of_content_file(tmp_path: Path) -> None:
    """A bad quote or a copied run in any file the site is built from is found."""
    for folder in ("content/points", "content/glossary", "content/timeline", "docs"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "content/document.yml").write_text(
        yaml.safe_dump({"sources": [{"id": "a", "excerpts": ["big win"]}]}), encoding="utf-8"
    )
    (tmp_path / "content/points/01-x.md").write_text(
        '---\nsummary: A "big win".\n---\nThe wording, not checked: "anything".\n\n## Context\n\n'
        'It is "a huge win".\n',
        encoding="utf-8",
    )
    (tmp_path / "content/glossary/x.yml").write_text(
        'term: x\nexplanation: >-\n  It says "big loss".\n', encoding="utf-8"
    )
    (tmp_path / "content/timeline/x.yml").write_text("quote: a small win\n", encoding="utf-8")
    (tmp_path / "docs/index.md").write_text('Read "big wins" here; `"code"` is not.\n')
    texts = list(our_texts(tmp_path))
    assert unkept_quotes(texts, kept_excerpts(tmp_path)["a"]) == [
        'content/glossary/x.yml: explanation: "big loss"',
        'content/timeline/x.yml: quote: "a small win"',
        'content/points/01-x.md: "a huge win"',
        'docs/index.md: "big wins"',
    ]
    assert quotes_in('“curly” and "straight", not `"code"`') == ["curly", "straight"]
    assert quotes_in('a "quote over\na line" and "another"\n\n"not" past a "blank\n\nline"') == [
        "quote over a line",
        "another",
        "not",
    ]


# Against the full source files (../shared/sources/) ----------------------------------------


def test_the_kept_wording_is_the_full_article_s_wording() -> None:
    article = full_source(ARTICLE_FILE, "the full source article").read_text(encoding="utf-8")
    assert article_points(article) == kept_wording(), (
        f"{KEPT_WORDING.relative_to(ROOT)} differs from ../shared/sources/{ARTICLE_FILE}"
    )
    details = kept_wording_details()
    assert details["full_copy"] == ARTICLE_FILE
    assert details["introduced_by"] in article


def test_every_kept_excerpt_occurs_in_its_full_source() -> None:
    """The article's excerpts in the article; a report's excerpts where the source notes quote
    that report (``reported-facts.md`` and the corrections of ``source-addresses.md``)."""
    article = normal(full_source(ARTICLE_FILE, "the full source article").read_text("utf-8"))
    facts = " ".join(
        normal(full_source(name, "the reported facts and their addresses").read_text("utf-8"))
        for name in FACTS_FILES
    )
    text_source = load_document(ROOT / "content").meta.text_source
    missing = [
        f"{source}: {excerpt}"
        for source, excerpts in kept_excerpts().items()
        for excerpt in excerpts
        if normal(excerpt) not in (article if source == text_source else facts)
    ]
    assert missing == []


def test_no_run_of_words_from_the_full_sources_stands_unquoted() -> None:
    """The article's paragraphs around the list are not all kept: read them in full, with
    every passage the source notes quote from a report."""
    article = full_source(ARTICLE_FILE, "the full source article").read_text(encoding="utf-8")
    quoted = [
        quote
        for name in FACTS_FILES
        for quote in quotes_in(
            full_source(name, "the reported facts and their addresses").read_text("utf-8")
        )
    ]
    copied = copied_runs(our_texts(), runs_of([article, *quoted]), names())
    assert copied == [], f"{RUN}+ words of a source outside quotation marks:\n" + "\n".join(copied)


@pytest.mark.parametrize("ci", ["", "true"])
def test_a_missing_source_file_skips_and_fails_under_ci(
    ci: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    outcome = pytest.fail.Exception if ci else pytest.skip.Exception
    with pytest.raises(outcome, match=r"needs \.\./shared/sources/absent\.txt \(a file\)"):
        full_source("absent.txt", "a file")


# Bad excerpts in the document file -----------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "expected", "below"),
    [
        (
            "    excerpts: big win\n",
            "field 'sources[0].excerpts': 'big win' is one text, not a list: write each passage "
            "on its own line under 'excerpts:', starting with '- '.",
            0,
        ),
        (
            "    excerpts:\n      - '\"big win\"'\n",
            "field 'sources[0].excerpts': excerpt '\"big win\"' is in quotation marks: copy the "
            "passage without them (write it in single quotes, or after '- ' with nothing around "
            "it).",
            1,  # the list's first item
        ),
    ],
)
def test_a_bad_excerpt_is_named_located_and_explained(
    content: Path, new: str, expected: str, below: int
) -> None:
    path = content / "document.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    excerpts:\n", text.index("  - id: plan-article"))
    end = text.index("  - id: asiaone-axios-2025-11-18")
    path.write_text(text[:start] + new + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1 + below
    with pytest.raises(ContentError) as caught:
        load_document(content)
    (problem,) = caught.value.problems
    assert (problem.path.name, problem.line, problem.message) == ("document.yml", line, expected)
