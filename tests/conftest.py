"""Shared fixtures: the repository, a real build of the site, and throw-away content copies."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"
ARTICLE = SOURCES / "plan-article-2025-11-21.txt"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(config_file: Path, site_dir: Path, **overrides: object) -> list[str]:
    """Build a site in-process as `mkdocs build --strict` would; return the warnings logged."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    cwd = Path.cwd()
    try:
        os.chdir(config_file.parent)
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
        build(config)
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
    return records


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the session, with edit links switched on."""
    site_dir = tmp_path_factory.mktemp("site")
    os.environ["SITE_REPO_URL"] = "https://github.com/example/reference"
    os.environ["SITE_EDIT_URI"] = "edit/main/docs/"
    try:
        warnings = build_site(ROOT / "mkdocs.yml", site_dir)
    finally:
        del os.environ["SITE_REPO_URL"], os.environ["SITE_EDIT_URI"]
    assert warnings == []
    return site_dir


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project's site sources (not the code) to break on purpose."""
    for name in ("content", "docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    yield tmp_path
