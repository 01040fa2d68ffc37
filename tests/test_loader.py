"""Loading and checking content: the real content loads; each kind of bad input gets one
located message that says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_plugins.numbered_document.loader import LoadedFiles, load_document, parse_body
from mkdocs_plugins.numbered_document.model import ContentError, shown_path

from .conftest import ROOT, edit

POINT = "points/06-armed-forces-size.md"


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_document(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}: {p.message}"
        for p in caught.value.problems
    ]


def test_the_real_content_loads() -> None:
    document = load_document(ROOT / "content")
    assert [p.number for p in document.points] == list(range(1, 29))
    assert (
        document.by_number[10].items[1] == "if Ukraine invades Russia, it will lose its guarantees;"
    )
    assert document.by_number[6].items == ()


BAD = [
    # (file, old, new, expected message)
    (
        POINT,
        "number: 6",
        "number: six",
        f"{POINT}:2: field 'number': Input should be a valid integer, unable to parse string as an "
        "integer. The file has: 'six'. Write: The point's number in the document; also its URL.",
    ),
    (
        POINT,
        "title: ",
        "titel: ",
        f"{POINT}:2: field 'title' is missing: add it (A short neutral title in our own words.).",
    ),
    (POINT, "title: ", "titel: ", f"{POINT}:3: unknown field 'titel'. Did you mean 'title'?"),
    (
        POINT,
        "parties: [ukraine]",
        "parties: [ukrane]",
        f"{POINT}:5: field 'parties[0]': unknown party 'ukrane'. Did you mean 'ukraine'? "
        "Declare it in {document} or fix the spelling.",
    ),
    (
        POINT,
        "topics: [armed-forces]",
        "topics: [armed-forces, weather]",
        f"{POINT}:6: field 'topics[1]': unknown topic 'weather'. Valid: armed-forces, economy, "
        "governance, humanitarian, nato, nuclear, sanctions, security-guarantees, society, "
        "sovereignty, territory. Declare it in {document} or fix the spelling.",
    ),
    (
        POINT,
        "sources: [plan-article]",
        "sources: [plan-articel]",
        f"{POINT}:8: field 'sources[0]': unknown source 'plan-articel'. Did you mean "
        "'plan-article'? Declare it in {document} or fix the spelling.",
    ),
    (
        POINT,
        "parties: [ukraine]",
        "parties: []",
        f"{POINT}:5: field 'parties': List should have at least 1 item after validation, not 0. "
        "The file has: []. Write: Ids of the parties the point binds or concerns, most bound "
        "first.",
    ),
    (
        POINT,
        "related: [21]",
        "related: [6]",
        f"{POINT}:7: field 'related': a point cannot be related to itself; remove its own number.",
    ),
    (
        POINT,
        "related: [21]",
        "related: [40]",
        f"{POINT}:7: field 'related': there is no point 40. Numbers run from 1 to 28.",
    ),
    (
        POINT,
        "number: 6",
        "number: 7",
        f"{POINT}:2: number 7 does not match the file name '06-armed-forces-size.md'. Rename the "
        "file or fix the number.",
    ),
    (POINT, "title: ", "title: x\ntitle: ", f"{POINT}:4: field 'title' appears twice. Keep one."),
    (
        POINT,
        "parties: [ukraine]",
        "parties: [ukraine",
        f"{POINT}:6: YAML syntax error: did not find expected ',' or ']'. Check indentation, "
        "colons and quotes.",
    ),
    (
        POINT,
        "---\nnumber",
        "number",
        f"{POINT}:1: no front matter: start the file with a line "
        "'---', then the fields, then a line '---', then the text.",
    ),
    (POINT, "The size", "- item\nThe size", None),
    ("document.yml", "  - id: poland\n", "  - id: poland\n    nmae: x\n", None),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"), BAD, ids=[b[3][:40] if b[3] else b[2][:30] for b in BAD]
)
def test_bad_input_is_named_and_located(
    content: Path, name: str, old: str, new: str, expected: str | None
) -> None:
    edit(content, name, old, new)
    found = problems(content)
    if expected is None:
        assert len(found) >= 1 and all(":" in line for line in found)
    else:
        assert expected.format(document=content / "document.yml") in found


def test_text_after_the_list_is_refused(content: Path) -> None:
    edit(
        content,
        "points/10-us-guarantees.md",
        "without reason, the security guarantees are declared invalid.\n",
        "without reason, the security guarantees are declared invalid.\nStray sentence.\n",
    )
    lines = (content / "points/10-us-guarantees.md").read_text(encoding="utf-8").split("\n")
    line = lines.index("Stray sentence.") + 1
    assert problems(content) == [
        f"points/10-us-guarantees.md:{line}: text after the list of sub-items: each sub-item is "
        "one line starting with '- '; put our own words under a '## ' heading."
    ]


def test_an_unknown_document_field_gets_a_suggestion(content: Path) -> None:
    edit(content, "document.yml", "short_title:", "shorttitle:")
    assert problems(content) == [
        "document.yml:6: field 'short_title' is missing: add it (Short title for navigation "
        "and citations.).",
        "document.yml:7: unknown field 'shorttitle'. Did you mean 'short_title'?",
    ]


def test_a_nested_unknown_field_lists_the_fields_of_its_own_level(content: Path) -> None:
    edit(content, "document.yml", "  - id: poland\n", "  - id: poland\n    nmae: x\n")
    assert any(
        "unknown field 'parties[5].nmae'. Did you mean 'name'?" in line
        for line in problems(content)
    )


def test_duplicate_and_missing_numbers(content: Path) -> None:
    (content / "points/07-nato-membership.md").rename(content / "points/06-copy.md")
    edit(content, "points/06-copy.md", "number: 7", "number: 6")
    found = problems(content)
    assert (
        "points/06-copy.md:2: number 6 is already used by 06-armed-forces-size.md. "
        "Give each point its own number." in found
    )
    assert any(
        "no file for number(s) 7: numbers must run from 1 with no gap." in line for line in found
    )


def test_a_file_that_is_not_utf8(content: Path) -> None:
    path = content / POINT
    path.write_bytes(path.read_bytes().replace(b"Ukraine", "Ukra\xefne".encode("latin-1"), 1))
    assert problems(content) == [
        f"{POINT}:3: not valid UTF-8 (byte 0xef). Save the file with UTF-8 encoding."
    ]


def test_bom_and_windows_line_ends_are_accepted(content: Path) -> None:
    path = content / POINT
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_document(content).by_number[6].meta.title


def test_a_stray_file_is_named(content: Path) -> None:
    (content / "points/notes.txt").write_text("draft", encoding="utf-8")
    assert problems(content) == [
        "points/notes.txt:None: not a content file: only '.md' files belong here."
    ]


def test_all_problems_are_reported_together(content: Path) -> None:
    edit(content, POINT, "parties: [ukraine]", "parties: [ukrane]")
    edit(content, "points/07-nato-membership.md", "title: ", "titel: ")
    assert len(problems(content)) == 3  # the typo'd party, the missing and the unknown field


def test_empty_point_text() -> None:
    with pytest.raises(ContentError, match="the point has no text"):
        parse_body("\n\n## Context\n\nOurs.\n", Path("p.md"), 9)


def test_body_parts() -> None:
    lead, items, context = parse_body(
        "Lead one\ncontinues.\n\nSecond paragraph:\n\n- a;\n- b.\n\n## Context\n\nOurs.\n",
        Path("p.md"),
        9,
    )
    assert lead == "Lead one continues.\n\nSecond paragraph:"
    assert items == ("a;", "b.")
    assert context == "## Context\n\nOurs.\n"


def write_term(content: Path, name: str, text: str) -> None:
    (content / "glossary").mkdir(exist_ok=True)
    (content / "glossary" / f"{name}.yml").write_text(text, encoding="utf-8")


GOOD_TERM = "term: zz sample term\ndefinition: In fact.\nsources: [plan-article]\n"


def test_glossary_terms_load(content: Path) -> None:
    write_term(content, "zz-de-facto", GOOD_TERM)
    document = load_document(content)
    assert document.glossary["zz-de-facto"].forms[0] == "zz sample term"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "term: zz bad\ndefinition: ''\nsources: [plan-article]\n",
            "glossary/zz-bad.yml:2: field 'definition': String should have at least 1 character. "
            "The file has: ''. Write: One or two sentences in our own words; the hover text of "
            "every link.",
        ),
        (
            "term: zz bad\nsources: [plan-article]\n",
            "glossary/zz-bad.yml:1: field 'definition' is missing: add it (One or two sentences "
            "in our own words; the hover text of every link.).",
        ),
        (
            "term: zz bad\ndefinition: In fact.\nrelated: [de-jure]\nsources: [plan-article]\n",
            "glossary/zz-bad.yml:3: field 'related[0]': unknown glossary term 'de-jure'.",
        ),
        (
            "term: zz bad\ndefiniton: In fact.\nsources: [plan-article]\n",
            "glossary/zz-bad.yml:2: unknown field 'definiton'. Did you mean 'definition'?",
        ),
    ],
)
def test_bad_glossary_terms_are_named(content: Path, text: str, expected: str) -> None:
    write_term(content, "zz-bad", text)
    found = problems(content)
    assert any(line.startswith(expected) for line in found), found
    if "unknown glossary term" in expected:
        assert f"Declare it in {shown_path(content / 'glossary')} or fix" in " ".join(found)


def test_two_terms_may_not_claim_the_same_form(content: Path) -> None:
    write_term(content, "zz-a", GOOD_TERM)
    write_term(
        content,
        "zz-b",
        "term: in fact\nforms: [ZZ Sample Term]\ndefinition: x\nsources: [plan-article]\n",
    )
    found = problems(content)
    assert (
        "glossary/zz-b.yml:2: the form 'ZZ Sample Term' of 'in fact' is already claimed by "
        "'zz sample term' (zz-a.yml). Keep it in one term only." in found
    )


EVENT = (
    "date: 2025-11-20\nprecision: day\nactor: {actor}\nsummary: Something happened.\n"
    "sources: [plan-article]\npoints: [5]\n"
)


def write_event(content: Path, name: str, text: str) -> None:
    (content / "timeline").mkdir(exist_ok=True)
    (content / "timeline" / f"{name}.yml").write_text(text, encoding="utf-8")


def test_timeline_events_load_in_date_order(content: Path) -> None:
    write_event(content, "zz-b", EVENT.format(actor="karoline-leavitt").replace("2025", "2030"))
    write_event(content, "zz-a", EVENT.format(actor="karoline-leavitt").replace("2025", "2029"))
    document = load_document(content)
    assert [e.id for e in document.events][-2:] == ["zz-a", "zz-b"]
    dates = [e.meta.date for e in document.events]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "2025-11-20",
            "2025-11-31",
            "timeline/zz-bad.yml:1: field 'date': Input should be a "
            "valid date or datetime, day value is outside expected range.",
        ),
        (
            "2025-11-20",
            "20 Nov",
            "timeline/zz-bad.yml:1: field 'date': Input should be a valid "
            "date or datetime, input is too short.",
        ),
        (
            "precision: day",
            "precision: roughly",
            "timeline/zz-bad.yml:2: field 'precision': "
            "Input should be 'day', 'month' or 'on-or-before'.",
        ),
        (
            "actor: karoline-leavitt",
            "actor: caroline-leavitt",
            "timeline/zz-bad.yml:3: field 'actor': unknown actor 'caroline-leavitt'. "
            "Did you mean 'karoline-leavitt'?",
        ),
        (
            "sources: [plan-article]",
            "sources: [wsj]",
            "timeline/zz-bad.yml:5: field 'sources[0]': unknown source 'wsj'.",
        ),
        (
            "points: [5]",
            "points: [5, 29]",
            "timeline/zz-bad.yml:6: field 'points': there is "
            "no point 29. Numbers run from 1 to 28.",
        ),
        (
            "points: [5]",
            "points: [5]\ndenies: nothing-here",
            "timeline/zz-bad.yml:7: field 'denies': unknown event 'nothing-here'.",
        ),
        (
            "summary: Something happened.\n",
            "",
            "timeline/zz-bad.yml:1: field 'summary' is "
            "missing: add it (What happened, in our own words (Markdown), neutral.).",
        ),
    ],
)
def test_bad_timeline_events_are_named(content: Path, old: str, new: str, expected: str) -> None:
    write_event(content, "zz-bad", EVENT.format(actor="karoline-leavitt").replace(old, new))
    found = problems(content)
    assert any(line.startswith(expected) for line in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("? [a, b]\n: 1\n", "glossary/zz-odd.yml:1: a field name must be a plain word"),
        ("term: &a [*a]\n", "glossary/zz-odd.yml:1: anchors and aliases ('&' and '*') are not"),
        ("term: x\x01y\n", "glossary/zz-odd.yml:1: YAML cannot be read: control characters"),
        ("- a list\n- not fields\n", "glossary/zz-odd.yml:1: expected fields as 'name: value'"),
        ("just text\n", "glossary/zz-odd.yml:1: expected fields as 'name: value'"),
        ("", "glossary/zz-odd.yml:1: expected fields as 'name: value'"),
    ],
)
def test_odd_yaml_gets_a_message_not_a_traceback(content: Path, text: str, expected: str) -> None:
    write_term(content, "zz-odd", text)
    found = problems(content)
    assert any(line.startswith(expected) for line in found), found


def test_yes_and_no_stay_words(content: Path) -> None:
    write_term(
        content, "zz-yes", "term: yes\nforms: [No]\ndefinition: On.\nsources: [plan-article]\n"
    )
    term = load_document(content).glossary["zz-yes"]
    assert term.forms == ("yes", "No")


def test_a_boolean_is_not_a_number(content: Path) -> None:
    edit(content, POINT, "number: 6", "number: true")
    assert any("field 'number': Input should be a valid integer" in p for p in problems(content))


def test_an_empty_points_folder_is_named(content: Path) -> None:
    for path in (content / "points").iterdir():
        path.unlink()
    assert problems(content) == ["points:None: no point files: add one file per point."]


def test_a_huge_number_reports_the_first_gaps_only(content: Path) -> None:
    edit(content, POINT, "number: 6", "number: 2000000")
    (content / POINT).rename(content / "points/2000000-huge.md")
    found = problems(content)
    assert (
        "points:None: no file for number(s) 6, 29, 30, 31, 32, 33, 34, 35, 36, 37, …: numbers "
        "must run from 1 with no gap (2000000-huge.md has number 2000000)." in found
    )


def test_a_document_field_naming_an_undeclared_id_is_located(content: Path) -> None:
    edit(content, "document.yml", "text_source: plan-article", "text_source: plan-articel")
    found = problems(content)
    assert any(
        line.startswith(
            "document.yml:15: field 'text_source': unknown source 'plan-articel'. "
            "Did you mean 'plan-article'?"
        )
        for line in found
    ), found


@pytest.mark.parametrize("name", ["Am nesty", "x.y", "UPPER"])
def test_record_file_names_must_be_ids(content: Path, name: str) -> None:
    write_term(content, name, GOOD_TERM)
    assert any("the file name is the id and the anchor" in line for line in problems(content))


def test_two_files_with_one_name_are_refused(content: Path) -> None:
    write_term(content, "zz-same", GOOD_TERM)
    (content / "glossary/zz-same.yaml").write_text(GOOD_TERM.replace("zz sample", "zz other"))
    assert "glossary/zz-same.yml:None: another file has the same name: keep one." in problems(
        content
    )


def test_a_month_event_follows_the_days_of_its_month(content: Path) -> None:
    event = EVENT.format(actor="karoline-leavitt")
    write_event(content, "zz-1", event.replace("2025-11-20", "2030-11-01"))
    write_event(
        content,
        "zz-2",
        event.replace("2030-11-20", "2030-11-01")
        .replace("2025-11-20", "2030-11-01")
        .replace("precision: day", "precision: month"),
    )
    write_event(content, "zz-3", event.replace("2025-11-20", "2030-11-05"))
    assert [e.id for e in load_document(content).events][-3:] == ["zz-1", "zz-3", "zz-2"]


def test_references_to_missing_points_are_found_in_every_text_we_write(content: Path) -> None:
    write_term(content, "zz-ref", GOOD_TERM.replace("In fact.", "See point 99."))
    write_event(
        content,
        "zz-ref",
        EVENT.format(actor="karoline-leavitt").replace(
            "Something happened.", "Something about point 10.9 happened."
        ),
    )
    found = problems(content)
    assert (
        "glossary/zz-ref.yml:2: field 'definition': 'point 99' refers to 99, which does not "
        "exist. Numbers run from 1 to 28." in found
    )
    assert (
        "timeline/zz-ref.yml:4: field 'summary': 'point 10.9' refers to item 9 of point 10, "
        "whose sub-items are 10.1 to 10.4: write one of 'point 10.1' to 'point 10.4', or "
        "'point 10'." in found
    )


def test_on_one_day_a_denial_follows_the_claim_whatever_the_file_names(content: Path) -> None:
    claim = content / "timeline/2025-11-21-nypost-us-official-umerov-agreed.yml"
    renamed = claim.with_name("2025-11-21-zz-claim.yml")  # sorts after the denial by name
    claim.rename(renamed)
    denial = content / "timeline/2025-11-21-umerov-denies-approval.yml"
    text = denial.read_text(encoding="utf-8")
    denial.write_text(text.replace("2025-11-21-nypost-us-official-umerov-agreed", renamed.stem))
    ids = [event.id for event in load_document(content).events]
    assert ids.index(renamed.stem) < ids.index(denial.stem)


def test_a_link_to_a_file_outside_the_content_folder_is_refused(
    content: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(
        (content / POINT).read_text(encoding="utf-8").replace("number: 6", "number: 29")
    )
    (content / "points/29-linked.md").symlink_to(outside)
    found = problems(content)
    assert any(
        f"points/29-linked.md:None: a link to {outside.resolve()}, outside the content folder: "
        "copy the file here instead of linking to it." == line
        for line in found
    ), found


def test_a_reload_reads_again_only_what_changed(content: Path) -> None:
    """Under `mkdocs serve`, each rebuild loads with what the last load made of each file
    (``LoadedFiles``): an unchanged file gives the same objects, an edited one is read again,
    a new name in a folder or a new vocabulary in the document file has every file it concerns
    read again, a problem is reported on every load, and each load equals a fresh one."""
    loaded = LoadedFiles()
    first = load_document(content, loaded=loaded)
    edit(content, POINT, "title: Size of", "title: The size of")
    second = load_document(content, loaded=loaded)
    assert second == load_document(content)
    assert second.by_number[6].meta.title == "The size of Ukraine's armed forces"
    assert second.by_number[6] is not first.by_number[6]
    assert second.by_number[7] is first.by_number[7]
    term = next(iter(second.glossary))
    assert second.glossary[term].meta is first.glossary[term].meta
    assert second.events[0].meta is first.events[0].meta

    write_term(content, "zz-de-facto", GOOD_TERM)  # a name other terms may now use
    third = load_document(content, loaded=loaded)
    assert third == load_document(content)
    assert third.glossary[term].meta is not second.glossary[term].meta
    assert third.by_number[7] is second.by_number[7]

    added = "topics:\n  - id: fishing\n    name: Fishing\n    description: Fish.\n"
    edit(content, "document.yml", "topics:\n", added)  # a topic the points may now name
    fourth = load_document(content, loaded=loaded)
    assert fourth == load_document(content)
    assert fourth.by_number[7] is not third.by_number[7]
    assert fourth.glossary[term].meta is not third.glossary[term].meta

    edit(content, POINT, "number: 6", "number: six")
    for _ in range(2):
        with pytest.raises(ContentError, match="unable to parse string as an integer"):
            load_document(content, loaded=loaded)
    edit(content, POINT, "number: six", "number: 6")
    (content / "glossary" / "zz-de-facto.yml").unlink()
    fifth = load_document(content, loaded=loaded)
    assert fifth == load_document(content)
    assert str(content / "glossary" / "zz-de-facto.yml") not in loaded.files

    # What a text refers to is remembered, whether it exists is not: a term that names the
    # last point is wrong once that point's file is gone, though the term did not change.
    write_term(content, "zz-ref", GOOD_TERM.replace("In fact.", "See point 28."))
    load_document(content, loaded=loaded)
    last = next((content / "points").glob("28-*.md"))
    kept = last.read_text(encoding="utf-8")
    last.unlink()
    with pytest.raises(ContentError) as warm:
        load_document(content, loaded=loaded)
    with pytest.raises(ContentError) as fresh:
        load_document(content)
    assert warm.value.problems == fresh.value.problems
    assert "'point 28' refers to 28, which does not exist" in str(warm.value)
    last.write_text(kept, encoding="utf-8")
    assert load_document(content, loaded=loaded) == load_document(content)


def test_a_reload_that_finds_nothing_changed_gives_the_last_document(content: Path) -> None:
    """The same document object, unchecked again, only while the document file's text and every
    other file's key are those of the last load that found no problem: a file touched, gone or
    added, or a load with a problem in between, gives a new document equal to a fresh load."""
    loaded = LoadedFiles()
    first = load_document(content, loaded=loaded)
    assert load_document(content, loaded=loaded) is first

    point = content / POINT
    times = point.stat()
    os.utime(point, ns=(times.st_atime_ns, times.st_mtime_ns + 10**9))  # the same text
    touched = load_document(content, loaded=loaded)
    assert touched is not first and touched == first
    assert load_document(content, loaded=loaded) is touched

    write_term(content, "zz-de-facto", GOOD_TERM)
    added = load_document(content, loaded=loaded)
    assert added is not touched and added == load_document(content)
    (content / "glossary" / "zz-de-facto.yml").unlink()
    gone = load_document(content, loaded=loaded)
    assert gone is not added and gone == load_document(content) == first

    edit(content, POINT, "number: 6", "number: six")
    with pytest.raises(ContentError):
        load_document(content, loaded=loaded)
    edit(content, POINT, "number: six", "number: 6")
    mended = load_document(content, loaded=loaded)
    assert mended is not gone and mended == first

    topic = "topics:\n  - id: fish\n    name: Fish\n    description: Fish.\n"
    edit(content, "document.yml", "topics:\n", topic)
    with_topic = load_document(content, loaded=loaded)
    assert with_topic is not mended and with_topic == load_document(content)
    assert load_document(content, loaded=loaded) is with_topic
