"""Extra words for the search copy of a page: other spellings, glossary forms, bare numbers."""

from __future__ import annotations

import re

import pytest

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.searchwords import NUMBER, Enricher, separated, variants

from .conftest import ROOT

ENRICH = Enricher({"Zaporizhzhia": ("Zaporizhia", "Zaporozhye"), "de facto": ("de-facto",)})


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Zaporizhzhia regions</p>", "<p>Zaporizhzhia Zaporizhia Zaporozhye regions</p>"),
        ("<p>the zaporizhzhia plant</p>", "<p>the zaporizhzhia Zaporizhia Zaporozhye plant</p>"),
        # text only: an attribute or an address keeps its spelling
        (
            '<a href="z/Zaporizhzhia" title="Zaporizhzhia">x</a>',
            '<a href="z/Zaporizhzhia" title="Zaporizhzhia">x</a>',
        ),
        ("<p>Zaporizhzhian</p>", "<p>Zaporizhzhian</p>"),  # a whole word only
        ("<p>recognized de facto.</p>", "<p>recognized de facto de-facto.</p>"),
        (
            "<p>capped at 600,000 and 1,500,000</p>",
            "<p>capped at 600,000 600000 and 1,500,000 1500000</p>",
        ),
        ("<p>1,5 and 600,000.5 and 2025</p>", "<p>1,5 and 600,000.5 and 2025</p>"),
        ("<p>$100 billion</p>", "<p>$100 billion</p>"),
    ],
)
def test_the_search_copy_gets_the_other_spellings_after_the_word(html: str, expected: str) -> None:
    assert ENRICH(html) == expected


def test_the_spellings_come_from_the_content() -> None:
    document = load_document(ROOT / "content")
    found = variants(document)
    assert found["Zaporizhzhia"] == ("Zaporizhia", "Zaporozhye", "Zaporozhe")
    assert found["Donbas"] == ("Donbass",)
    npt = document.glossary["npt"]
    assert all(
        set(npt.forms) - {form} <= set(found[form]) for form in npt.forms if len(npt.forms) > 1
    )


@pytest.mark.parametrize(
    "text",
    [
        "capped at 600,000",
        ",000 at the start",
        "a,000 and x, 000",
        "1,00 and 1,5",
        "\u0666\u0660\u0660,\u0660\u0660\u0660",  # Arabic-Indic digits: "\\d" reads them
        "<td>2,5</td><td>,250</td>",
        "1,2345",
        "",
    ],
)
def test_the_quick_scan_finds_a_separated_number_where_a_digit_comma_and_three_digits_are(
    text: str,
) -> None:
    """``separated`` is what the quick scan asks: a digit, a comma, three digits; every
    number the enricher adds to is found by it."""
    assert separated(text) == bool(re.search(r"\d,\d{3}", text))
    assert separated(text) or not NUMBER.search(text)
