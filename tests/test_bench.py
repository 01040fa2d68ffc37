"""Smoke test of the benchmark's parts: the generator, the dump and the plain build of it."""

from __future__ import annotations

from pathlib import Path

from bench.generate import generate
from bench.run import finish_synthetic_plain, synthetic, without_dump, without_glossary
from mkdocs_plugins.numbered_document.loader import load_document

from .conftest import build_site


def test_generated_content_is_valid_and_of_the_asked_size(tmp_path: Path) -> None:
    generate(tmp_path / "content", points=12, terms=9, events=4)
    document = load_document(tmp_path / "content")
    assert (len(document.points), len(document.terms), len(document.events)) == (12, 9, 4)


def test_the_dump_builds_without_the_plugin(tmp_path: Path) -> None:
    with_plugin, plain = synthetic(tmp_path, points=6, terms=5, events=3)
    assert build_site(with_plugin, tmp_path / "site-plugin") == []
    dumped = sorted(p.name for p in (tmp_path / "dump/points").glob("*.md"))
    assert dumped == [
        "00001-point.md",
        "00002-point.md",
        "00003-point.md",
        "00004-point.md",
        "00005-point.md",
        "00006-point.md",
        "index.md",
    ]
    finish_synthetic_plain(tmp_path, plain)
    build_site(plain, tmp_path / "site-plain", strict=False)
    assert (tmp_path / "site-plain/parties/party-1/index.html").is_file()
    # The same pages as the plugin's site, the hand-written home page among them.
    assert pages(tmp_path / "site-plain") == pages(tmp_path / "site-plugin")
    assert not (tmp_path / "site-plain/assets/numbered-document").exists()


def pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def test_the_site_without_its_glossary_has_no_term_links(tmp_path: Path) -> None:
    with_plugin, _ = synthetic(tmp_path, points=6, terms=5, events=3)
    without = without_glossary(tmp_path, with_plugin)
    assert build_site(without, tmp_path / "site-without") == []
    assert build_site(with_plugin, tmp_path / "site-with") == []
    point = "points/00001-point/index.html"
    assert 'class="nd-term"' in (tmp_path / "site-with" / point).read_text(encoding="utf-8")
    assert 'class="nd-term"' not in (tmp_path / "site-without" / point).read_text(encoding="utf-8")


def test_timed_builds_do_not_copy_their_markdown(tmp_path: Path) -> None:
    with_plugin, _ = synthetic(tmp_path, points=3, terms=2, events=1)
    assert build_site(without_dump(with_plugin), tmp_path / "site") == []
    assert (tmp_path / "site/points/00003-point/index.html").is_file()
    assert not (tmp_path / "dump").exists()
