"""`make audit`: Lighthouse and axe-core on four pages of the site, served as a static host would.

Serves a temporary folder on 127.0.0.1 as a static host does (gzip, 404.html), builds the site
into it as a deploy does (`mkdocs build --strict` with SITE_URL set to the address it is served
at, so instant navigation and the sitemap are on), or serves a built site given with `--site`; then

- runs Lighthouse (pinned in audit/package.json) in Debian's Chromium for performance,
  accessibility, best practices and SEO, `--runs` times per page, and takes each category's
  median;
- runs axe-core (pinned likewise) in the same pages through Playwright, in the light and the dark
  palette, once as the page loads and once with the search dialog open on a query that has
  results (the result count and the highlighted terms are only there then).

Prints a table of scores per page and every axe violation (rule, impact, nodes, first target);
exits 1 when a target is missed: 100 for accessibility, best practices and SEO, at least 95 for
performance, no axe violation. Needs `npm ci --prefix audit` first (the Makefile runs it).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "audit" / "node_modules"
LIGHTHOUSE = MODULES / "lighthouse" / "cli" / "index.js"
AXE = MODULES / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

PAGES = {
    "home": "",
    "point 21": "points/21-territories/",
    "glossary": "glossary/",
    "timeline": "timeline/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PALETTES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
AXE_RUN = {
    "resultTypes": ["violations"],
    "rules": {"target-size": {"enabled": True}, "identical-links-same-purpose": {"enabled": True}},
}
QUERY = "territories"  # results on every page, with highlighted terms in them

# What a static host compresses (GitHub Pages, Netlify and nginx's usual set).
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


class StaticHost(SimpleHTTPRequestHandler):
    """A static host: files as they are, text gzipped when the client accepts it, cached for ten
    minutes (as GitHub Pages does), and no access log."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts and kind.startswith(COMPRESSED)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if "text" in kind else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(folder: Path, handler: type[SimpleHTTPRequestHandler] = StaticHost) -> Iterator[str]:
    """Serve a folder on a free loopback port, in a thread, until the block ends; the tests
    serve built sites with it too, with a plain handler."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(site_dir: Path, site_url: str) -> None:
    """`mkdocs build --strict` into `site_dir` (emptied first), published at `site_url`."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
    )


# Lighthouse ---------------------------------------------------------------------------------


@dataclass
class Scores:
    runs: dict[str, list[int]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    failing: dict[str, set[str]] = field(default_factory=dict)  # category -> audit ids
    metrics: list[str] = field(default_factory=list)  # one line of timings per run

    def median(self, category: str) -> int:
        return round(statistics.median(self.runs[category]))


def lighthouse(url: str, preset: str | None, report: Path | None) -> dict[str, Any]:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
    ]
    if preset:
        command.append(f"--preset={preset}")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    if report:
        report.write_text(done.stdout, encoding="utf-8")
    return json.loads(done.stdout)


def record(scores: Scores, result: dict[str, Any]) -> None:
    audits = result["audits"]
    for name in CATEGORIES:
        category = result["categories"][name]
        scores.runs[name].append(round((category["score"] or 0) * 100))
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            weighed = ref["weight"] > 0 and name != "performance"
            if weighed and audit["score"] is not None and audit["score"] < 1:
                scores.failing.setdefault(name, set()).add(ref["id"])
    timings = [
        ("FCP", "first-contentful-paint"),
        ("LCP", "largest-contentful-paint"),
        ("TBT", "total-blocking-time"),
        ("CLS", "cumulative-layout-shift"),
        ("SI", "speed-index"),
    ]
    scores.metrics.append(
        "  ".join(f"{short} {audits[key].get('displayValue', '?')}" for short, key in timings)
    )


# axe-core -----------------------------------------------------------------------------------


@dataclass
class Violation:
    page: str
    palette: str
    state: str
    rule: str
    impact: str
    nodes: int
    target: str


def open_search(page: Any, query: str) -> None:
    """Opens the search dialog as a reader does and types a query that has results."""
    box = page.locator("input.md-search__input")
    box.click()
    meta = ".md-search-result__meta"
    page.wait_for_function(
        f"document.querySelector('{meta}').textContent.includes('Type to start searching')"
    )
    box.press_sequentially(query)
    page.wait_for_function(
        f"/matching document/.test(document.querySelector('{meta}').textContent)"
    )
    page.locator(".md-search-result mark").first.wait_for(state="visible")
    settle(page)


def settle(page: Any) -> None:
    """Waits for running transitions (the dialog fades in): colours are measured at their end."""
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(a => a.effect.getTiming().iterations !== Infinity).map(a => a.finished))"
    )


def axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations in the page as it is now: every rule axe runs by default, and the
    two that Lighthouse switches on besides (target sizes of WCAG 2.2, links' purpose)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("async options => (await axe.run(document, options)).violations", AXE_RUN)


def audit_palette(browser: Any, base: str, palette: str) -> tuple[list[Violation], int]:
    """The violations in every page in one palette, as the page loads and with the search
    dialog open; and how many states were audited. Shared with tests/test_a11y.py."""
    found: list[Violation] = []
    audited = 0
    context = browser.new_context(color_scheme=palette)
    try:
        for name, path in PAGES.items():
            page = context.new_page()
            page.goto(base + path, wait_until="load")
            shown = page.evaluate("document.body.dataset.mdColorScheme")
            if shown != PALETTES[palette]:
                raise RuntimeError(f"{name}: the {palette} palette shows scheme {shown!r}")
            for state in ("page", "search open"):
                if state == "search open":
                    open_search(page, QUERY)
                audited += 1
                found.extend(
                    Violation(
                        name,
                        palette,
                        state,
                        violation["id"],
                        violation["impact"] or "",
                        len(violation["nodes"]),
                        " ".join(violation["nodes"][0]["target"]),
                    )
                    for violation in axe(page)
                )
            page.close()
    finally:
        context.close()
    return found, audited


def axe_pages(base: str) -> tuple[list[Violation], int]:
    """Every violation in every page, palette and state; and how many states were audited."""
    from playwright.sync_api import sync_playwright

    found: list[Violation] = []
    audited = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for palette in PALETTES:
            violations, count = audit_palette(browser, base, palette)
            found += violations
            audited += count
        browser.close()
    return found, audited


# Report -------------------------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(out).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to audit (default: build one)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--preset", choices=["desktop"], help="Lighthouse preset (default mobile)")
    parser.add_argument(
        "--reports", type=Path, help="a folder to keep Lighthouse's JSON reports in"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="axe-core only")
    args = parser.parse_args(argv)

    for needed in (AXE,) if args.no_lighthouse else (AXE, LIGHTHOUSE):
        if not needed.is_file():
            raise SystemExit(f"{needed} is missing: run `npm ci --prefix audit`")
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="audit-site-") as temporary:
        site = args.site or Path(temporary)
        with serving(site) as base:
            if args.site is None:
                print(f"building the site for {base} ...", flush=True)
                build(site, base)
            scores = {name: Scores() for name in PAGES}
            if not args.no_lighthouse:
                for run in range(args.runs):
                    for name, path in PAGES.items():
                        print(f"lighthouse {run + 1}/{args.runs}: {name}", flush=True)
                        slug = name.replace(" ", "-")
                        report = args.reports / f"{slug}-{run + 1}.json" if args.reports else None
                        record(scores[name], lighthouse(base + path, args.preset, report))
            print("axe-core...", flush=True)
            violations, audited = axe_pages(base)

    missed: list[str] = []
    versions = json.loads((MODULES / ".package-lock.json").read_text(encoding="utf-8"))["packages"]
    if not args.no_lighthouse:
        lh = versions["node_modules/lighthouse"]["version"]
        print(
            f"\nLighthouse {lh}, {args.preset or 'mobile'} preset, median of {args.runs} run(s)"
            f" per page; targets {', '.join(f'{c} {t}' for c, t in TARGETS.items())}\n"
        )
        rows = []
        for name, page_scores in scores.items():
            row = [name, PAGES[name] or "/"]
            for category in CATEGORIES:
                median = page_scores.median(category)
                runs = page_scores.runs[category]
                cell = str(median) + (f" ({min(runs)}-{max(runs)})" if len(set(runs)) > 1 else "")
                if median < TARGETS[category]:
                    cell += " !"
                    missed.append(f"{name}: {category} {median} < {TARGETS[category]}")
                row.append(cell)
            rows.append(row)
        print(table(["page", "path", *CATEGORIES], rows, right={2, 3, 4, 5}))
        for name, page_scores in scores.items():
            print(f"\n{name}:")
            for i, metrics in enumerate(page_scores.metrics, 1):
                print(f"  run {i}: {metrics}")
            for category, ids in sorted(page_scores.failing.items()):
                print(f"  {category} audits not passed: {', '.join(sorted(ids))}")

    axe_version = versions["node_modules/axe-core"]["version"]
    print(
        f"\naxe-core {axe_version}: {len(PAGES)} pages x {len(PALETTES)} palettes x page and"
        f" search open ({QUERY!r}) = {audited} audits, {len(violations)} violation(s)"
    )
    if violations:
        rows = [
            [v.page, v.palette, v.state, v.rule, v.impact, str(v.nodes), v.target]
            for v in violations
        ]
        header = ["page", "palette", "state", "rule", "impact", "nodes", "first target"]
        print(table(header, rows, right={5}))
        missed.append(f"{len(violations)} axe violation(s)")

    if missed:
        print("\nTargets missed:\n  " + "\n  ".join(missed))
        return 1
    print("\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
