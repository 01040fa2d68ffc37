"""Glossary terms in prose: Markdown in, exact HTML out (no MkDocs involved)."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from mkdocs_plugins.numbered_document.glossary import (
    Entry,
    GlossaryLinker,
    TermMatcher,
    glossary_extension,
    plain_text,
    term_matcher,
)
from mkdocs_plugins.numbered_document.references import reference_extension
from mkdocs_plugins.numbered_document.treewalk import link

from .test_references import make_linker

TERMS = {
    "de-facto": ["de facto"],
    "article-5": ["Article 5"],
    "article-5-like": ["Article 5-like guarantee", "Article 5-like"],
    "frozen-assets": ["frozen assets", "frozen funds"],
    "all-for-all": ["all for all"],
    "iaea": ["IAEA", "International Atomic Energy Agency"],
    "g8": ["G8"],
    "peace-council": ["Peace Council"],
    "peoples-deputy": ["people's deputy"],
    "kyiv": ["Kyiv"],
    "rada": ["Рада"],
    "quote": ['"quoted form"'],
    "us": ["US"],
}
FORMS = {form: term for term, forms in TERMS.items() for form in forms}
NBSP = "\u00a0"


def make_glossary(mode: str = "page") -> GlossaryLinker:
    entries = {term: Entry("glossary.md", term, f'Def {term} <&> "x"') for term in TERMS}
    return GlossaryLinker(TermMatcher(FORMS), entries, mode=mode)  # type: ignore[arg-type]


def render(source: str, linker: GlossaryLinker, *extensions: object, page: str = "notes.md") -> str:
    linker.start_page(page)
    md = markdown.Markdown(
        extensions=[glossary_extension(linker), "attr_list", "md_in_html", *extensions]
    )
    return md.convert(source)


def t(term: str, text: str, base: str = "") -> str:
    title = f"Def {term} &lt;&amp;&gt; &quot;x&quot;"
    return f'<a class="nd-term" href="{base}glossary.md#{term}" title="{title}">{text}</a>'


CASES = [
    # --- must link
    ("recognised de facto", f"<p>recognised {t('de-facto', 'de facto')}</p>"),
    ("De Facto rule", f"<p>{t('de-facto', 'De Facto')} rule</p>"),
    ("DE FACTO", f"<p>{t('de-facto', 'DE FACTO')}</p>"),
    ("de  facto twice spaced", f"<p>{t('de-facto', 'de  facto')} twice spaced</p>"),
    ("de\nfacto across lines", f"<p>{t('de-facto', 'de' + chr(10) + 'facto')} across lines</p>"),
    (f"de{NBSP}facto", f"<p>{t('de-facto', f'de{NBSP}facto')}</p>"),
    (
        "an Article 5-like guarantee.",
        f"<p>an {t('article-5-like', 'Article 5-like guarantee')}.</p>",
    ),
    ("Article 5-like terms", f"<p>{t('article-5-like', 'Article 5-like')} terms</p>"),
    ("NATO's Article 5 applies", f"<p>NATO's {t('article-5', 'Article 5')} applies</p>"),
    ("the frozen funds", f"<p>the {t('frozen-assets', 'frozen funds')}</p>"),
    ('"all for all" swap', f'<p>"{t("all-for-all", "all for all")}" swap</p>'),
    ("“all for all” swap", f"<p>“{t('all-for-all', 'all for all')}” swap</p>"),
    ("under the IAEA.", f"<p>under the {t('iaea', 'IAEA')}.</p>"),
    (
        "the International Atomic Energy Agency",
        f"<p>the {t('iaea', 'International Atomic Energy Agency')}</p>",
    ),
    ("back to the G8", f"<p>back to the {t('g8', 'G8')}</p>"),
    ("the G8s", f"<p>the {t('g8', 'G8s')}</p>"),
    ("the Peace Councilʼs role", f"<p>the {t('peace-council', 'Peace Council')}ʼs role</p>"),
    ("the Peace Council’s role", f"<p>the {t('peace-council', 'Peace Council')}’s role</p>"),
    ("a peopleʼs deputy", f"<p>a {t('peoples-deputy', 'peopleʼs deputy')}</p>"),
    ("a people’s deputy", f"<p>a {t('peoples-deputy', 'people’s deputy')}</p>"),
    ("Kyivʼs red lines", f"<p>{t('kyiv', 'Kyiv')}ʼs red lines</p>"),
    ("the Рада voted", f"<p>the {t('rada', 'Рада')} voted</p>"),
    ("РАДА", f"<p>{t('rada', 'РАДА')}</p>"),
    # "İ" is two characters in lower case: positions are kept all the same
    ("İzmir, İ and the G8", f"<p>İzmir, İ and the {t('g8', 'G8')}</p>"),
    ("İ DE FACTO İ", f"<p>İ {t('de-facto', 'DE FACTO')} İ</p>"),
    ("*de facto* matters", f"<p><em>{t('de-facto', 'de facto')}</em> matters</p>"),
    ("- item: de facto", f"<ul>\n<li>item: {t('de-facto', 'de facto')}</li>\n</ul>"),
    ("> the G8", f"<blockquote>\n<p>the {t('g8', 'G8')}</p>\n</blockquote>"),
    ("IAEA and G8", f"<p>{t('iaea', 'IAEA')} and {t('g8', 'G8')}</p>"),
    ("de facto, then de facto again", f"<p>{t('de-facto', 'de facto')}, then de facto again</p>"),
    (
        "IAEA, International Atomic Energy Agency",
        f"<p>{t('iaea', 'IAEA')}, International Atomic Energy Agency</p>",
    ),
    ('a "quoted form" here', "<p>a " + t("quote", '"quoted form"') + " here</p>"),
    ("a “quoted form” here", f"<p>a {t('quote', '“quoted form”')} here</p>"),
    # --- must not link
    ("`de facto` in code", "<p><code>de facto</code> in code</p>"),
    ("    de facto in a block", "<pre><code>de facto in a block\n</code></pre>"),
    ("[de facto](x.md)", '<p><a href="x.md">de facto</a></p>'),
    ("## de facto heading", "<h2>de facto heading</h2>"),
    ("# The G8", "<h1>The G8</h1>"),
    ('![de facto](x.png "G8")', '<p><img alt="de facto" src="x.png" title="G8" /></p>'),
    ('<span title="de facto">x</span>', '<p><span title="de facto">x</span></p>'),
    ("defacto", "<p>defacto</p>"),
    ("de factoring", "<p>de factoring</p>"),
    ("xG8 and G8x", "<p>xG8 and G8x</p>"),
    ("Радах", "<p>Радах</p>"),
    ("a frozen asset", "<p>a frozen asset</p>"),
    ("Article 50", "<p>Article 50</p>"),
    ("Kyivan", "<p>Kyivan</p>"),
    ("all for alls", f"<p>{t('all-for-all', 'all for alls')}</p>"),  # the automatic plural
    ("the US said", f"<p>the {t('us', 'US')} said</p>"),
    ("told us so", "<p>told us so</p>"),  # a form in capitals matches only in capitals
    ("Us and them", "<p>Us and them</p>"),
    ("the iaea", "<p>the iaea</p>"),
]


@pytest.mark.parametrize(("source", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_glossary_rendering(source: str, expected: str) -> None:
    assert render(source, make_glossary()) == expected


def test_a_term_is_never_linked_inside_its_own_entry() -> None:
    source = '<div data-nd-term="de-facto" markdown>\n\nde facto, unlike the G8\n\n</div>'
    linker = make_glossary()
    html = render(source, linker)
    assert (
        html
        == f'<div data-nd-term="de-facto">\n<p>de facto, unlike the {t("g8", "G8")}</p>\n</div>'
    )
    assert linker.uses["notes.md"] == {"g8"}


def test_every_mention_counts_as_a_use_even_when_only_the_first_is_linked() -> None:
    linker = make_glossary()
    render("G8 and G8, `IAEA`", linker)
    assert linker.uses["notes.md"] == {"g8"}


def test_all_mode_links_every_mention() -> None:
    assert (
        render("G8 and G8", make_glossary("all")) == f"<p>{t('g8', 'G8')} and {t('g8', 'G8')}</p>"
    )


def test_section_mode_links_again_after_each_heading() -> None:
    html = render("G8 and G8\n\n## Next\n\nG8 and G8", make_glossary("section"))
    assert html.count('class="nd-term"') == 2


def test_page_mode_links_once_per_page_across_sections() -> None:
    html = render("G8\n\n## Next\n\nG8", make_glossary("page"))
    assert html.count('class="nd-term"') == 1


def test_links_are_relative_to_the_page() -> None:
    html = render("G8", make_glossary(), page="points/01-a.md")
    assert 'href="../glossary.md#g8"' in html


def test_point_references_and_terms_work_together() -> None:
    html = render(
        "point 5 is de facto, see points 5 and 10",
        make_glossary(),
        reference_extension(make_linker()),
    )
    assert html.count('class="nd-ref"') == 3
    assert t("de-facto", "de facto") in html


def test_abbreviations_and_terms_do_not_mangle_each_other() -> None:
    source = "The IAEA and the UN.\n\n*[UN]: United Nations\n*[IAEA]: Should not wrap our link"
    html = render(source, make_glossary(), "abbr")
    assert t("iaea", "IAEA") in html
    assert '<abbr title="United Nations">UN</abbr>' in html
    assert "<abbr" not in html.split(t("iaea", "IAEA"))[0]


def test_definition_lists_and_attribute_lists_keep_working() -> None:
    html = render("de facto\n:   in fact\n\nThe G8\n{ .note }", make_glossary(), "def_list")
    assert "<dt>" in html and 'class="note"' in html and t("g8", "G8") in html


def test_hover_text_is_plain_text() -> None:
    assert plain_text("In *fact*, see [x](y.md) & `z`") == "In fact, see x & z"


@pytest.mark.parametrize(
    "source",
    [
        "Plain words, see point 3 (and 4).",
        "Two\nlines, \u201cquoted\u201d and Ukraine\u02bcs.",
        "Heading\n---",
        "Heading\n===",
        "- an item",
        "+ an item",
        "1. first",
        "2) second",
        "> quoted",
        "AT&amp;T",
        "a <b>bold</b> word",
        "# Title",
        "~~struck~~ and a | pipe",
        "Article 5-like guarantees, 50:50, $100 billion.",
    ],
)
def test_hover_text_without_markup_skips_the_converter_with_the_same_result(source: str) -> None:
    """Text the fast path takes gives what Markdown gives; text with markup still converts."""
    converted = " ".join(html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(source))).split())
    assert plain_text(source) == converted


def test_the_pattern_is_one_trie_whatever_the_number_of_terms() -> None:
    """Forms sharing a prefix share it in the pattern: matching walks the trie once per position
    instead of trying every term (timings belong to `make bench`, not to tests)."""
    forms = {f"security term {n:04d}": f"t{n}" for n in range(3000)}
    pattern = TermMatcher(forms).lowered.pattern
    assert pattern.count("security") == 1
    assert pattern.count("term") == 1
    matcher = TermMatcher(forms)
    assert [m[2] for m in matcher.find("a security term 2999, security term 0007.")] == [
        "t2999",
        "t7",
    ]


def test_a_term_link_is_what_the_shared_writer_writes() -> None:
    linker = make_glossary()
    linker.start_page("points/01-a.md")
    [(_, _, written)] = linker.spans("the G8")
    entry = linker.entries["g8"]
    attributes = {"class": "nd-term", "href": "../glossary.md#g8", "title": entry.tooltip}
    assert written == link(attributes, "G8")


def test_the_same_forms_in_the_same_order_give_the_matcher_made_last() -> None:
    """As under `mkdocs serve`, where each rebuild asks for the terms' matcher again."""
    forms = {"ceasefire": "ceasefire", "cease-fire": "ceasefire", "DMZ": "dmz"}
    first = term_matcher(forms)
    assert term_matcher(dict(forms)) is first
    assert term_matcher({**forms, "buffer zone": "dmz"}) is not first
    reordered = dict(reversed(list(forms.items())))  # which form wins where two read alike
    assert term_matcher(reordered) is not term_matcher(forms)
    assert [term for _, _, term in term_matcher(forms).find("a cease-fire in the DMZ")] == [
        "ceasefire",
        "dmz",
    ]
