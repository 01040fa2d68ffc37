"""Edges a publisher hits: glossary forms too short to link, plain-text fields given character
references, and references to sub-items that do not exist (schema and loader, no MkDocs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import ContentError
from mkdocs_plugins.numbered_document.schema import (
    MIN_FORM_LENGTH,
    DocumentMeta,
    Party,
    Term,
    form_length,
)

from .conftest import edit

TERM = {"definition": "One plain sentence.", "sources": ["plan-article"]}


def term_errors(context: dict[str, object] | None = None, **fields: object) -> list[str]:
    try:
        Term.model_validate({**TERM, **fields}, context=context)
    except ValidationError as error:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
    return []


@pytest.mark.parametrize(
    ("form", "length"),
    [("a", 1), ("EU", 2), ("X.", 1), ("U.S.", 2), ("Київ", 4), ("5G", 2), ("a b", 2)],
)
def test_a_form_is_as_long_as_its_letters_and_digits(form: str, length: int) -> None:
    assert form_length(form) == length


def test_a_one_letter_form_is_refused_by_default() -> None:
    assert MIN_FORM_LENGTH == 2
    assert term_errors(term="sample term", forms=["samples", "a"]) == [
        "forms.1: the form 'a' has 1 letter, fewer than the 2 a glossary form needs: it would "
        "link every 'a' in the text. Write a longer form (the full name), or remove it; "
        "'glossary_min_length' in the document file sets the minimum."
    ]
    assert term_errors(term="EU", forms=["E.U."]) == []


def test_the_minimum_comes_from_the_document() -> None:
    context = {"glossary_min_length": 4, "document_file": "content/document.yml"}
    assert term_errors(context, term="NATO", forms=["EU"]) == [
        "forms.0: the form 'EU' has 2 letters, fewer than the 4 a glossary form needs: it would "
        "link every 'EU' in the text. Write a longer form (the full name), or remove it; "
        "'glossary_min_length' in content/document.yml sets the minimum."
    ]
    assert term_errors({"glossary_min_length": 1}, term="a") == []


def test_the_document_file_declares_the_minimum(content: Path) -> None:
    assert DocumentMeta.model_fields["glossary_min_length"].default == MIN_FORM_LENGTH
    edit(content, "document.yml", "\nitems:", "\nglossary_min_length: 0\nitems:")
    with pytest.raises(ContentError) as caught:
        load_document(content)
    assert "field 'glossary_min_length': Input should be greater than 0." in str(caught.value)


def test_a_document_s_own_minimum_reaches_the_glossary_files(content: Path) -> None:
    edit(content, "document.yml", "\nitems:", "\nglossary_min_length: 3\nitems:")
    (content / "glossary/hostile-term.yml").write_text(
        "term: sample term\nforms: [ST]\ndefinition: One plain sentence.\n"
        "sources: [plan-article]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_document(content)
    assert "the form 'ST' has 2 letters, fewer than the 3" in str(caught.value)


PLAIN = [
    # (typed, the start of the message, or None when accepted)
    ("AT&T and R&D", None),
    ("a < b, 3 > 2", None),
    ("<b>bold</b> shows as typed", None),
    (
        "R&amp;D",
        "'R&amp;D' is plain text, shown exactly as typed: '&amp;' would show as '&amp;', "
        "not as '&'. Type '&' itself.",
    ),
    (
        "&#8211; dash",
        "'&#8211; dash' is plain text, shown exactly as typed: '&#8211;' would show "
        "as '&#8211;', not as '–'. Type '–' itself.",
    ),
    (
        "&lt;b&gt;",
        "'&lt;b&gt;' is plain text, shown exactly as typed: '&lt;' would show as "
        "'&lt;', not as '<'. A '<' before a letter cannot stand in a title or name: reword it, or "
        "put a space after the '<'.",
    ),
]


@pytest.mark.parametrize(("typed", "message"), PLAIN, ids=[p[0] for p in PLAIN])
def test_a_plain_text_field_refuses_character_references(typed: str, message: str | None) -> None:
    try:
        Party(id="sample", name=typed, kind="state")
    except ValidationError as error:
        (found,) = error.errors()
        assert (found["loc"], found["msg"]) == (("name",), message)
    else:
        assert message is None


def test_a_markdown_field_keeps_its_character_references() -> None:
    term = Term.model_validate({**TERM, "term": "sample", "definition": "&lt;b&gt; is a tag."})
    assert term.definition == "&lt;b&gt; is a tag."


def test_a_sub_item_of_a_point_without_any_is_a_located_message(content: Path) -> None:
    path = content / "points/02-non-aggression-pact.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Context\n\nAs point 2.1 says.\n")
    with pytest.raises(ContentError) as caught:
        load_document(content)
    line = path.read_text(encoding="utf-8").count("\n")
    assert str(caught.value).endswith(
        f"points/02-non-aggression-pact.md:{line}: the context: 'point 2.1' refers to item 1 "
        "of point 2, which has no sub-items: write 'point 2'."
    )
