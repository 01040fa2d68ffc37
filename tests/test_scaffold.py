"""A new site from the start command builds with --strict at once, whatever its items are
called."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import mkdocs_build


@pytest.mark.parametrize("items", ["points", "articles", "paragraphs"])
def test_a_new_site_builds_strict_with_no_edit(tmp_path: Path, items: str) -> None:
    folder = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs_plugins.numbered_document", "new", str(folder)]
    made = subprocess.run([*command, "--items", items], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert (folder / "schemas/document.schema.json").is_file()
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    singular = items.removesuffix("s")
    page = BeautifulSoup(
        (folder / f"site/{items}/01-first/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.h1 is not None and page.h1.get_text().startswith(f"{singular.capitalize()} 1:")
    home = (folder / "site/index.html").read_text(encoding="utf-8")
    assert f'href="{items}/01-first/"' in home  # "see article 1" links to it
    # nothing of this plan in a new site
    text = " ".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.yml"))
    assert "Ukraine" not in text and "plan-article" not in text
    # its content format page shows its own fields, with no example from this plan and no
    # drafts, which it has none of
    fmt = (folder / "site/contributing/format/index.html").read_text(encoding="utf-8")
    for word in ("plan-article", "e3-counter", "Ukraine", "Draft", "versions", "text_draft"):
        assert word not in fmt, word


def test_new_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    command = [sys.executable, "-m", "mkdocs_plugins.numbered_document", "new", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "is not empty" in result.stderr
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_a_site_without_a_templates_folder_takes_none_from_the_folder_it_is_built_in(
    tmp_path: Path,
) -> None:
    """With neither the theme's `custom_dir` nor the plugin's `templates_dir`, the shipped
    templates and catalogs are the only ones: files of their names in the project's folder,
    where `mkdocs build` runs, are not taken for the site's own."""
    folder = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs_plugins.numbered_document", "new", str(folder)]
    subprocess.run(command, capture_output=True, text=True, check=True)
    (folder / "locales").mkdir()
    (folder / "locales/en.yml").write_text('point:\n  refers_to: "Stray words"\n')
    (folder / "point.md").write_text("# Stray template\n")
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    page = (folder / "site/points/01-first/index.html").read_text(encoding="utf-8")
    assert "Stray" not in page and "Refers to" in page
