"""Where the document stands: a panel built from the drafts data alone, on the home page (asked
for by a marker line) and on each point page that a later draft changed or dropped."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, copy_project, mkdocs_build


def panel(site: Path, page: str) -> BeautifulSoup | None:
    html = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return html.select_one("article .nd-status")


def test_the_home_page_says_where_the_plan_stands_with_dates_and_sources(site: Path) -> None:
    status = panel(site, ".")
    assert status is not None
    text = status.get_text(" ", strip=True)
    drafts = yaml.safe_load((ROOT / "content/document.yml").read_text(encoding="utf-8"))["drafts"]
    labels = [d["label"] for d in drafts]
    own = labels.index("US 28-point draft")
    assert "This site gives the wording of the US 28-point draft" in text
    for draft in drafts[own + 1 :]:  # every later draft, in order, with its summary
        assert draft["label"] in text
        if draft.get("summary"):
            assert " ".join(draft["summary"].split()) in text
    assert [b.get_text() for b in status.select("li > strong")] == labels[own + 1 :]
    assert "narrowed to 19 points" in text and "had become 20" in text
    assert "on or before 24 November 2025" in text and "on or before 8 December 2025" in text
    assert status.find("a", href="changes/") is not None
    assert "<!-- numbered-document" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_point_that_a_later_draft_changed_says_so_at_the_top(site: Path) -> None:
    status = panel(site, "points/06-armed-forces-size")
    assert status is not None
    dropped = status.find("a", href="#point-6-geneva-19")
    assert dropped is not None and dropped.get_text() == "reported dropped"
    assert "Reduced framework after Geneva" in status.get_text()
    assert panel(site, "points/01-sovereignty") is None  # no later draft changed it


def test_an_unknown_panel_is_refused_with_the_one_to_write(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    home = project / "docs/index.md"
    home.write_text(
        home.read_text().replace("numbered-document: status", "numbered-document: state")
    )
    result = mkdocs_build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "index.md: no panel called 'state': write <!-- numbered-document: status -->" in (
        result.stderr
    )
