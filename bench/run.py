"""`make bench`: the plugin's cost next to a plain MkDocs build of the same pages.

For the real site and for synthetic content at three sizes, it builds (1) the site with the
plugin and (2) a plain `mkdocs build` of exactly the Markdown pages the plugin produced (dumped,
then built with the plugin switched off), with the same theme, extensions and navigation. Both
builds of a size run in pairs in fresh processes, the order alternating; the table shows the
medians, the median and range of the pairs' ratios, where valgrind is installed the ratio of
the instructions one build of each executes, peak memory, and the plugin's own time per stage.
Then it builds synthetic content of the
glossary's target shape (500 points, 300 terms) with its glossary and with none, for what the
glossary alone costs: five alternating pairs, and, where valgrind is installed, the
instructions one build of each executes.

    python bench/run.py             # the full table (about 30 minutes on 2 cores)
    python bench/run.py --no-count  # without the instruction counts (about 12 minutes)
    python bench/run.py --quick     # one small size, one run: a smoke run
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate import generate
from mkdocs_plugins.numbered_document.layout import expand_nav

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
SIZES = [  # label, points, terms, events, runs (pairs)
    ("28 points, 30 terms", 28, 30, 20, 5),
    ("280 points, 300 terms", 280, 300, 200, 3),
    ("2,800 points, 3,000 terms", 2800, 3000, 2000, 3),
]


def build(config: Path, site: Path) -> dict[str, Any]:
    """One build in a fresh process (so imports and caches are the same for both kinds)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench/one_build.py"), str(config), str(site)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def compile_plugin() -> None:
    """Measure the plugin as pip installs it, its modules compiled to bytecode, as MkDocs' and
    the theme's are. An editable install (as `make` makes) has none, and where
    PYTHONDONTWRITEBYTECODE is set (on the machine of the README's figures) every build would
    compile the plugin's source again, which no installed copy does."""
    compileall.compile_dir(ROOT / "mkdocs_plugins", quiet=1)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def synthetic(work: Path, points: int, terms: int, events: int) -> tuple[Path, Path]:
    """Configs of the two builds for generated content; navigation lists points on the index."""
    generate(work / "content", points, terms, events)
    (work / "docs").mkdir()
    (work / "docs/index.md").write_text("# Synthetic\n\nStart with point 1.\n", encoding="utf-8")
    nav = [
        {"Home": "index.md"},
        {"Points": "points/index.md"},
        {"Full text": "full-text.md"},
        {"Glossary": "glossary.md"},
        {"Timeline": "timeline.md"},
        {"Actors": "actors.md"},
        {"Parties": "parties/index.md"},
        {"Topics": "topics/index.md"},
    ]
    theme = {"name": "material", "font": False}
    plugin = {
        "content_dir": str(work / "content"),
        "nav": "index",
        "format_page": "",
        "dump_markdown": str(work / "dump"),
    }
    with_plugin = write(
        work / "plugin.yml",
        {
            "site_name": "Synthetic",
            "docs_dir": str(work / "docs"),
            "theme": theme,
            "nav": nav,
            "plugins": ["search", {"numbered-document": plugin}],
            "markdown_extensions": EXTENSIONS,
        },
    )
    plain = {
        "site_name": "Synthetic",
        "docs_dir": str(work / "dump"),
        "theme": theme,
        "nav": nav,  # the folders other than points are expanded once dumped (finish_plain)
        "not_in_nav": "/points/*.md",
        "plugins": ["search"],
        "markdown_extensions": EXTENSIONS,
    }
    return with_plugin, write(work / "plain.yml", plain)


def real(work: Path) -> tuple[Path, Path]:
    """Configs of the two builds for the real site, with its own navigation."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    theme = {"name": "material", "custom_dir": str(ROOT / "overrides"), "font": False}
    theme["features"] = list(config.theme["features"])
    plugin = {"content_dir": str(ROOT / "content"), "dump_markdown": str(work / "dump")}
    nav = json.loads(json.dumps(config.nav))
    with_plugin = write(
        work / "plugin.yml",
        {
            "site_name": config.site_name,
            "docs_dir": str(ROOT / "docs"),
            "theme": theme,
            "nav": nav,
            "plugins": ["search", {"numbered-document": plugin}],
            "markdown_extensions": EXTENSIONS,
        },
    )
    return with_plugin, work / "plain.yml"


GLOSSARY_SHAPE = ("500 points, 300 terms", 500, 300, 200, 5)
"""The shape the glossary's target is set on: 500 pages, 300 terms, about 10,000 mentions."""


def without_glossary(work: Path, with_plugin: Path) -> Path:
    """The same build with an empty glossary folder: the site as it would be with no glossary,
    so that the difference is what the glossary costs (matching, links, its page)."""
    config = yaml.safe_load(with_plugin.read_text(encoding="utf-8"))
    (work / "no-glossary").mkdir()
    config["nav"] = [item for item in config["nav"] if "glossary.md" not in item.values()]
    plugin_options(config).update(glossary_dir=str(work / "no-glossary"), dump_markdown="")
    return write(work / "no-glossary.yml", config)


def measure_glossary(
    label: str, work: Path, points: int, runs: int, count: bool = True
) -> dict[str, Any]:
    """Builds with and without the glossary in pairs, ``runs`` times (the order alternates, so
    that a machine slowing down or speeding up weighs on both), then, where valgrind is
    installed, counts the instructions of one build of each."""
    _, _, terms, events, _ = GLOSSARY_SHAPE
    with_glossary, _ = synthetic(work, points, terms, events)
    without = without_glossary(work, with_glossary)
    with_glossary = without_dump(with_glossary)
    with_runs, without_runs = [], []
    for run in range(runs):
        pair = [(with_glossary, "site-with", with_runs), (without, "site-without", without_runs)]
        for config, site, into in pair if run % 2 == 0 else pair[::-1]:
            into.append(build(config, work / site))
    mentions = sum(
        page.read_text(encoding="utf-8").count('class="nd-term"')
        for page in (work / "site-with/points").rglob("index.html")
    )
    ratios = [a["wall"] / b["wall"] for a, b in zip(with_runs, without_runs, strict=True)]
    counted = (
        instructions([(with_glossary, work / "counted-with"), (without, work / "counted-without")])
        if count and shutil.which("valgrind")
        else None
    )
    return {
        "label": label,
        "pages": sum(1 for _ in (work / "site-with").rglob("index.html")),
        "mentions": mentions,
        "runs": runs,
        "with": statistics.median(r["wall"] for r in with_runs),
        "without": statistics.median(r["wall"] for r in without_runs),
        "adds": statistics.median(ratios) - 1,
        "adds_range": (min(ratios) - 1, max(ratios) - 1),
        "instructions": counted,
        "glossary": statistics.median(r["stages"]["nd_links"] for r in with_runs)
        - statistics.median(r["stages"]["nd_links"] for r in without_runs),
    }


def instructions(builds: list[tuple[Path, Path]]) -> list[int]:
    """The instructions each build executes, counted by valgrind's cachegrind (no cache
    simulation), side by side. A count is the same for the same work whatever else the machine
    does, where wall time on a shared machine varies by up to 16% between identical builds."""

    def count(config: Path, site: Path) -> int:
        out = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                sys.executable,
                str(ROOT / "bench/one_build.py"),
                str(config),
                str(site),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # the same set orders in both
        )
        found = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
        assert found is not None, out.stderr[-2000:]
        return int(found.group(1).replace(",", ""))

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda build: count(*build), builds))


def glossary_table(row: dict[str, Any]) -> str:
    low, high = row["adds_range"]
    counted = row["instructions"]
    instructions_added = f"{(counted[0] / counted[1] - 1) * 100:+.1f}%" if counted else "n/a"
    return "\n".join(
        [
            "| content | pages | linked mentions | runs | with glossary | without | glossary adds"
            " (range) | instructions added | matching and linking |",
            "| --- |" + " ---: |" * 8,
            f"| {row['label']} | {row['pages']:,} | {row['mentions']:,} | {row['runs']} |"
            f" {row['with']:.2f} s | {row['without']:.2f} s | {row['adds'] * 100:+.1f}%"
            f" ({low * 100:+.1f}% to {high * 100:+.1f}%) | {instructions_added} |"
            f" {row['glossary']:.2f} s |",
        ]
    )


def expand_dumped(nav: list[Any], dump: Path, folders: list[str]) -> None:
    """List the dumped pages of each folder under its index, as the plugin does in its nav."""
    for folder in folders:
        pages = sorted(p.relative_to(dump).as_posix() for p in (dump / folder).glob("*.md"))
        pages.remove(f"{folder}/index.md")
        expand_nav(nav, f"{folder}/index.md", pages, folder.capitalize())


def finish_real_plain(work: Path, with_plugin: Path) -> None:
    """The plain build's docs: the dumped pages and the hand-written ones, same navigation."""
    shutil.copytree(ROOT / "docs", work / "dump", dirs_exist_ok=True)
    config = yaml.safe_load(with_plugin.read_text(encoding="utf-8"))
    expand_dumped(config["nav"], work / "dump", ["points", "parties", "topics", "drafts"])
    config.update(docs_dir=str(work / "dump"), plugins=["search"])
    write(work / "plain.yml", config)


def finish_synthetic_plain(work: Path, plain: Path) -> None:
    """The plain build's docs: the dumped pages and the hand-written home page (a plain build
    without it had one page fewer to write than the plugin's: 2% of the pages at 28 points);
    its nav lists the dumped party and topic pages, as the plugin's does."""
    shutil.copytree(work / "docs", work / "dump", dirs_exist_ok=True)
    config = yaml.safe_load(plain.read_text(encoding="utf-8"))
    expand_dumped(config["nav"], work / "dump", ["parties", "topics"])
    write(plain, config)


def without_dump(config_file: Path) -> Path:
    """The same build, minus the copy of its Markdown (``dump_markdown``): writing hundreds of
    files is the benchmark's own work, not the plugin's, and must not count as the plugin's."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    plugin_options(config)["dump_markdown"] = ""
    return write(config_file.with_name(f"{config_file.stem}-timed.yml"), config)


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The numbered-document plugin's options in a loaded mkdocs.yml, to edit in place."""
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "numbered-document" in plugin:
            options: dict[str, Any] = plugin["numbered-document"]
            return options
    raise ValueError("the config has no numbered-document plugin with options")


def measure(
    label: str, work: Path, with_plugin: Path, plain: Path, runs: int, is_real: bool, count: bool
) -> dict[str, Any]:
    build(with_plugin, work / "site-plugin")  # untimed: writes the pages the plain build reads
    if is_real:
        finish_real_plain(work, with_plugin)
    else:
        finish_synthetic_plain(work, plain)
    timed = without_dump(with_plugin)
    plugin_runs, plain_runs = [], []
    for run in range(runs):  # in pairs, the order alternating: a drift weighs on both
        pair = [(timed, "site-plugin", plugin_runs), (plain, "site-plain", plain_runs)]
        for config, site, into in pair if run % 2 == 0 else pair[::-1]:
            into.append(build(config, work / site))
    pages = sum(1 for _ in (work / "site-plugin").rglob("index.html"))
    median = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    stages = {
        k: statistics.median(r["stages"].get(k, 0.0) for r in plugin_runs)
        for k in plugin_runs[0]["stages"]
    }
    ratios = [a["wall"] / b["wall"] for a, b in zip(plugin_runs, plain_runs, strict=True)]
    counted = (
        instructions([(timed, work / "counted-plugin"), (plain, work / "counted-plain")])
        if count and shutil.which("valgrind")
        else None
    )
    return {
        "label": label,
        "pages": pages,
        "runs": runs,
        "plugin": median(plugin_runs, "wall"),
        "plain": median(plain_runs, "wall"),
        "adds": statistics.median(ratios) - 1,
        "adds_range": (min(ratios) - 1, max(ratios) - 1),
        "instructions": counted,
        "plugin_mib": median(plugin_runs, "peak_mib"),
        "plain_mib": median(plain_runs, "peak_mib"),
        "stages": stages,
    }


HEADER = [
    "content",
    "pages",
    "runs",
    "with plugin",
    "plain build",
    "plugin adds: wall time, median (range)",
    "instructions",
    "peak memory (plugin / plain)",
    "load",
    "pages",
    "links in text",
    "backlinks",
]


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "| --- |" + " ---: |" * (len(HEADER) - 1),
    ]
    for r in rows:
        s = r["stages"]
        low, high = r["adds_range"]
        counted = r["instructions"]
        memory = r["plugin_mib"] / r["plain_mib"]
        cells = [
            r["label"],
            f"{r['pages']:,}",
            str(r["runs"]),
            f"{r['plugin']:.2f} s",
            f"{r['plain']:.2f} s",
            f"{r['adds'] * 100:+.1f}% ({low * 100:+.1f}% to {high * 100:+.1f}%)",
            f"{(counted[0] / counted[1] - 1) * 100:+.1f}%" if counted else "n/a",
            f"{r['plugin_mib']:.0f} / {r['plain_mib']:.0f} MiB ({memory:.2f} times)",
            *(f"{s.get(stage, 0.0):.2f} s" for stage in ("load", "pages", "nd_links", "backlinks")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one small size, one run")
    parser.add_argument(
        "--no-count", action="store_true", help="no instruction counts (valgrind is slow)"
    )
    args = parser.parse_args()
    count = not (args.quick or args.no_count)
    compile_plugin()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp) / "real"
        work.mkdir()
        with_plugin, plain = real(work)
        rows.append(
            measure("the real site", work, with_plugin, plain, 1 if args.quick else 5, True, count)
        )
        print(table(rows), flush=True)
        sizes = SIZES[:1] if args.quick else SIZES
        for label, points, terms, events, runs in sizes:
            work = Path(tmp) / f"size-{points}"
            work.mkdir()
            with_plugin, plain = synthetic(work, points, terms, events)
            rows.append(
                measure(label, work, with_plugin, plain, 1 if args.quick else runs, False, count)
            )
            print(f"... {label} done", flush=True)
        label, points, _, _, runs = GLOSSARY_SHAPE
        if args.quick:
            label, points, runs = "28 points, 300 terms", 28, 1
        work = Path(tmp) / "glossary"
        work.mkdir()
        glossary = measure_glossary(label, work, points, runs, count=not args.quick)
    print()
    print(table(rows))
    print()
    print("Stage times are the plugin's own, medians of the runs. 'plugin adds' is the median")
    print("(and range) of the ratios of the pairs, each pair built one after the other in")
    print("fresh processes, the order alternating; 'instructions' compares the instructions one")
    print("build of each executes (valgrind), the same whatever else the machine does.")
    print()
    print("The glossary's own cost: the same site built with its glossary and with none.")
    print()
    print(glossary_table(glossary))


if __name__ == "__main__":
    main()
