"""Open data, citations and print: what the site publishes for reuse, checked in the built site
and, for the pure parts, without MkDocs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from mkdocs_plugins.numbered_document.__main__ import main
from mkdocs_plugins.numbered_document.citation import bibtex_citation, plain_citation
from mkdocs_plugins.numbered_document.loader import LoadedFiles, load_document
from mkdocs_plugins.numbered_document.opendata import (
    EXPORT_SCHEMA,
    Export,
    KeptRecords,
    as_json,
    export,
    export_schema,
    made_export_schema,
)
from mkdocs_plugins.numbered_document.pages import Site, catalog_for
from mkdocs_plugins.numbered_document.templating import Words

from .conftest import ROOT
from .evidence import kept_wording

pytestmark = pytest.mark.build


def read(site: Path, name: str) -> str:
    return (site / "data" / name).read_text(encoding="utf-8")


def rows(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read(site, name), newline="")))


def test_the_exported_json_validates_against_its_published_schema(site: Path) -> None:
    schema = json.loads(read(site, "document.schema.json"))
    Draft202012Validator.check_schema(schema)
    assert schema == json.loads(json.dumps(export_schema()))
    data = json.loads(read(site, "document.json"))
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: e.path)
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # The schema is strict enough to catch a broken record.
    broken = json.loads(read(site, "document.json"))
    del broken["points"][0]["wording"]
    broken["timeline"][0]["date"] = 20251121
    assert len(list(Draft202012Validator(schema).iter_errors(broken))) == 2


def test_the_shipped_schema_of_the_open_data_is_the_one_pydantic_makes() -> None:
    """The plugin ships the schema rather than making it in every build: it must say what the
    export's models say, key for key and in the same order (the published file's order)."""
    made = json.dumps(made_export_schema(), ensure_ascii=False, indent=1)
    shipped = json.dumps(export_schema(), ensure_ascii=False, indent=1)
    assert shipped == made, f"{EXPORT_SCHEMA.name} is stale: run `make schemas`"


@pytest.mark.parametrize("name", ["document.json", "references.json", "document.schema.json"])
def test_the_json_files_are_written_one_value_per_line(site: Path, name: str) -> None:
    """As ``json.dumps(..., ensure_ascii=False, indent=1)`` writes them, byte for byte, so that
    a diff between two versions of the data shows the values that changed."""
    text = read(site, name)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"
    assert text.count("\n") > 100 and "\\u02bc" not in text


def test_the_json_holds_everything_the_site_shows(site: Path) -> None:
    document = load_document(ROOT / "content")
    data = json.loads(read(site, "document.json"))
    assert len(data["points"]) == len(document.points) == 28
    assert len(data["glossary"]) == len(document.terms)
    assert len(data["timeline"]) == len(document.events)
    assert [s["id"] for s in data["sources"]] == [s.id for s in document.meta.sources]
    point = data["points"][9]
    assert point["number"] == 10 and point["wording"]["items"] == list(document.by_number[10].items)
    assert point["wording"]["lead"] == "US guarantees:"
    assert (site / point["url"] / "index.html").is_file()
    versions = data["points"][25]["versions"]
    assert [v["draft"] for v in versions] == ["us-earlier", "e3-counter", "geneva-19"]
    assert data["sources"][0]["url"].startswith("https://babel.ua/")
    assert "big win" in data["sources"][0]["excerpts"]
    assert all(v["sources"] for p in data["points"] for v in p["versions"])
    term = data["glossary"][0]
    page, anchor = term["url"].split("#")
    html = (site / page / "index.html").read_text(encoding="utf-8")
    assert f'id="{anchor}"' in html
    assert data["references"]["edges"], "the reference graph is part of the export"


def test_the_csv_files_flatten_the_same_records(site: Path) -> None:
    data = json.loads(read(site, "document.json"))
    points = rows(site, "points.csv")
    assert [int(r["number"]) for r in points] == list(range(1, 29))
    assert points[9]["wording"].split("\n\n")[1].startswith("The US will receive compensation")
    assert points[1]["parties"] == "; ".join(data["points"][1]["parties"])
    versions = rows(site, "versions.csv")
    assert len(versions) == sum(len(p["versions"]) for p in data["points"]) == 11
    assert {r["status"] for r in versions} == {"changed", "dropped", "unknown"}
    obligations = rows(site, "obligations.csv")
    expected = sum(len(p["obligations"]) + len(p["benefits"]) for p in data["points"])
    assert len(obligations) == expected
    assert len(rows(site, "glossary.csv")) == len(data["glossary"])
    assert len(rows(site, "timeline.csv")) == len(data["timeline"])
    assert len(rows(site, "sources.csv")) == len(data["sources"])
    assert len(rows(site, "references.csv")) == len(data["references"]["edges"])
    sources = rows(site, "sources.csv")
    assert sum(bool(r["url"]) for r in sources) == sum(bool(s["url"]) for s in data["sources"])
    # RFC 4180: every row ends with CRLF; a line break inside a quoted field stays a bare LF.
    assert (site / "data/sources.csv").read_bytes().count(b"\r\n") == len(data["sources"]) + 1


def test_the_data_page_documents_every_file_and_field(site: Path) -> None:
    page = BeautifulSoup((site / "data/index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article")
    links = {a.get_text(): a["href"] for a in article.select("table a")}
    # the feed and the Akoma Ntoso file need the site's address, which this build has not
    from mkdocs_plugins.numbered_document.pages.standards import AKN, FEED

    declared = {output.name for output in Site.outputs_declared()}
    assert sorted(links) == sorted(declared - {FEED, AKN})
    for name, href in links.items():
        assert (site / "data" / href).is_file(), name
    fields = {code.get_text() for code in article.select("td code")}
    assert {"points", "glossary", "timeline", "versions", "obligations", "wording"} <= fields


# Citations ---------------------------------------------------------------------------------


def test_citations_give_the_address_and_leave_the_access_date_to_the_reader() -> None:
    document = load_document(ROOT / "content")
    point = document.by_number[14]
    words = Words(document, catalog_for(document, "en", []))
    url = "https://example.org/site/points/14-frozen-funds/"
    plain = plain_citation(words, point, "A & B 100% {site}", url)
    assert plain.startswith("“Point 14: Use of frozen Russian assets.” A & B 100% {site}. ")
    assert f" {url}. " in plain and plain.endswith("Accessed [date].")
    bibtex = bibtex_citation(words, point, "A & B 100% {site}", url)
    assert bibtex.split("\n")[0] == "@misc{28-point-draft-plan-point-14,"
    assert "  howpublished = {A \\& B 100\\% \\{site\\}}," in bibtex
    assert f"  url = {{{url}}}," in bibtex and "  urldate = {[date]}," in bibtex
    assert bibtex.endswith("\n}")
    # Braces balance, so BibTeX reads the entry to its end.
    unescaped = re.sub(r"\\[{}]", "", bibtex)
    assert unescaped.count("{") == unescaped.count("}")


def test_point_pages_offer_a_ready_citation(site: Path) -> None:
    page = BeautifulSoup(
        (site / "points/06-armed-forces-size/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    heading = page.find(id="cite")
    assert heading is not None
    blocks = [pre.get_text() for pre in heading.find_all_next("pre", limit=2)]
    assert "/points/06-armed-forces-size/" in blocks[0] and "Accessed [date]." in blocks[0]
    assert blocks[1].startswith("@misc{")
    # Code blocks: neither term nor reference links inside a citation.
    assert not heading.find_next("pre").find("a")


# Print --------------------------------------------------------------------------------------


def test_the_full_text_prints_as_a_clean_document(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "full-text/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.headerlink']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none')
            .map(e => e.className)"""
    )
    assert hidden == []
    kept = page.eval_on_selector_all(
        "section.nd-full-point",
        "els => els.map(e => getComputedStyle(e).breakInside)",
    )
    assert kept == ["avoid"] * 28
    assert (
        page.eval_on_selector("section.nd-full-point h2", "e => getComputedStyle(e).breakAfter")
        == "avoid"
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    context.close()


def test_the_open_data_gives_the_published_wording_of_every_point(site: Path) -> None:
    """28 of 28: the CSV and the JSON carry each wording as the article publishes it, sub-items
    as their own paragraphs, with no Markdown list markers."""
    kept = kept_wording()
    csv_wording = {int(r["number"]): r["wording"] for r in rows(site, "points.csv")}
    data = json.loads(read(site, "document.json"))
    json_wording = {
        p["number"]: "\n\n".join([p["wording"]["lead"], *p["wording"]["items"]])
        for p in data["points"]
    }
    assert len(kept) == 28
    assert [n for n in kept if csv_wording[n] != kept[n]] == []
    assert [n for n in kept if json_wording[n] != kept[n]] == []
    assert not any(re.search(r"^- ", text, re.M) for text in csv_wording.values())


def test_the_schemas_command_writes_the_shipped_schema_only_where_it_is_told(
    tmp_path: Path,
) -> None:
    """A site's `schemas` run writes its own schemas, never into the installed plugin; `make
    schemas` names the plugin's file."""
    shipped = EXPORT_SCHEMA.stat().st_mtime_ns
    assert main(["schemas", str(ROOT / "content"), str(tmp_path / "schemas")]) == 0
    assert EXPORT_SCHEMA.stat().st_mtime_ns == shipped
    assert not (tmp_path / "schemas" / EXPORT_SCHEMA.name).exists()
    told = tmp_path / "export.json"
    assert (
        main(["schemas", str(ROOT / "content"), str(tmp_path), "--export-schema", str(told)]) == 0
    )
    assert json.loads(told.read_text(encoding="utf-8")) == json.loads(
        json.dumps(made_export_schema())
    )


def test_an_export_under_serve_makes_again_only_the_records_that_changed(tmp_path: Path) -> None:
    """`mkdocs serve` keeps the last export's records (``KeptRecords``): after a point is
    edited, the other points', the terms' and the events' records are the same objects, the
    edited point's and those whose URL changed are new, and the JSON is a fresh export's."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    loaded, kept = LoadedFiles(), KeptRecords()

    def exported(
        url: str = "/", keep: KeptRecords | None = kept, references: Any = REFERENCES
    ) -> Export:
        document = load_document(tmp_path / "content", loaded=loaded)
        pages = {number: f"points/{number}.md" for number in document.by_number}
        return export(document, lambda page: url + page, pages.__getitem__, references, kept=keep)

    first = exported()
    text = (tmp_path / "content/points/21-territories.md").read_text(encoding="utf-8")
    edited = text.replace("will be recognized as", "will be recognised as")
    (tmp_path / "content/points/21-territories.md").write_text(edited, encoding="utf-8")
    second = exported()
    same = [p.number for p, q in zip(first.points, second.points, strict=True) if p is q]
    assert same == [n for n in range(1, 29) if n != 21]
    assert all(a is b for a, b in zip(first.glossary, second.glossary, strict=True))
    assert all(a is b for a, b in zip(first.timeline, second.timeline, strict=True))
    assert "will be recognised as" in second.points[20].wording.items[0]
    assert as_json(second) == as_json(exported(keep=None))
    assert second.references is first.references  # the same references: their model kept
    moved = exported("/elsewhere/")  # every URL changed: every record made again
    assert not any(a is b for a, b in zip(second.points, moved.points, strict=True))
    assert as_json(moved) == as_json(exported("/elsewhere/", keep=None))
    retitled = exported("/elsewhere/", references={**REFERENCES, "title": "Another title"})
    assert retitled.references.title == "Another title"


REFERENCES = {"title": "A title", "nodes": [], "edges": []}
