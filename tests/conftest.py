"""Shared fixtures: the repository, a real build of the site, and throw-away content copies."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"
ARTICLE = SOURCES / "plan-article-2025-11-21.txt"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

GENERATOR = os.environ.get("SITE_GENERATOR", "mkdocs")
"""The site generator the suite runs under: MkDocs, or ProperDocs (a maintained fork of MkDocs
1.x) with SITE_GENERATOR=properdocs, as CI's ProperDocs step runs the build tests."""
if GENERATOR == "properdocs":
    # What the `properdocs` command does first: every `mkdocs` import gets ProperDocs.
    import properdocs.replacement  # noqa: F401
elif GENERATOR != "mkdocs":
    raise pytest.UsageError(f"SITE_GENERATOR={GENERATOR!r}: use mkdocs or properdocs")


def generator_name() -> str:
    """The package that builds, whatever its import name: "mkdocs" or "properdocs"."""
    from mkdocs.commands import build

    return build.__name__.split(".")[0]


class Warnings(logging.Handler):
    """Collects the warnings of a build once each, from every logger a generator logs under."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Under ProperDocs' command line "mkdocs" is a child of "properdocs": one record, twice.
        if not any(seen is record for seen in self.records):
            self.records.append(record)

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]


@contextlib.contextmanager
def captured_warnings() -> Iterator[Warnings]:
    """Listen where a build's warnings go: MkDocs logs under "mkdocs", ProperDocs under
    "properdocs" (its strict mode counts only those), and plugins may use either name."""
    handler = Warnings()
    loggers = [logging.getLogger(name) for name in {"mkdocs", "properdocs", generator_name()}]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def build_site(config_file: Path, site_dir: Path, **overrides: object) -> list[str]:
    """Build a site in-process as `mkdocs build --strict` would; return the warnings logged."""
    return built_site(config_file, site_dir, **overrides)[1]


def built_site(config_file: Path, site_dir: Path, **overrides: object) -> tuple[Any, list[str]]:
    """``build_site``, with the configuration the build ran with (its plugins as they ended)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cwd = Path.cwd()
    with captured_warnings() as caught:
        try:
            os.chdir(config_file.parent)
            overrides.setdefault("strict", True)
            config = load_config(str(config_file), site_dir=str(site_dir), **overrides)
            build(config)
        finally:
            os.chdir(cwd)
    return config, caught.messages


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


@pytest.fixture(scope="session")
def charter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second document's site: articles, a glossary and a timeline of its own."""
    site_dir = tmp_path_factory.mktemp("charter")
    assert build_site(ROOT / "tests/fixtures/charter/mkdocs.yml", site_dir) == []
    return site_dir


def copy_project(folder: Path) -> Path:
    """Copy the project's site sources (not the code) into a folder; return the folder."""
    for name in ("content", "docs", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project's site sources (not the code) to break on purpose."""
    yield copy_project(tmp_path)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the real content folder alone, to break on purpose."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def edit(content: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a content file with ``new`` (``old`` must be there)."""
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as a contributor runs it, in a project folder (with
    SITE_GENERATOR=properdocs, `properdocs build --strict`)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", GENERATOR, "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def served(folder: Path) -> Iterator[str]:
    """Serve a built site on a free loopback port until the end: files as they are, no log
    (the audit's server, `make audit`, with a plain handler instead of its gzipping one)."""
    from http.server import SimpleHTTPRequestHandler

    from audit.run import serving

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    with serving(folder, Quiet) as url:
        yield url


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hosted build as published, with its address known (SITE_URL), served: the sitemap
    then lists every page, and Material's instant navigation and previews load only pages
    listed there; citations give absolute addresses. Built once for the browser tests."""
    folder = tmp_path_factory.mktemp("instant")
    for url in served(folder):
        assert build_site(ROOT / "mkdocs.yml", folder, site_url=url) == []
        yield url


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy (mkdocs.offline.yml), built once for the tests that open it."""
    folder = tmp_path_factory.mktemp("offline")
    assert build_site(ROOT / "mkdocs.offline.yml", folder) == []
    return folder


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    """The real site, served for the browser tests of one module."""
    yield from served(site)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright. CI installs it; elsewhere, tests skip without it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (apt-get install chromium)")
        pytest.skip("browser tests need /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
