"""Warm rebuilds after editing one point, as `mkdocs serve` makes them (without and with
`--dirty`), next to the same rebuilds of a plain site made of the plugin's own pages.

In one process, as the server does: the configuration is loaded and the site built in full,
then, for each round, one point's file is edited, the configuration loaded again (plugins that
define `on_startup` are kept, as the server keeps them: this plugin keeps what it loaded of each
content file, and with `--dirty` the last build's record, in memory) and the site built again,
in full or with `dirty=True`. The plain site is the Markdown the plugin generates
(`dump_markdown`, as `make bench` makes it, bench/run.py) built with no plugin but search, where
the same point's page is edited: with `--dirty`, MkDocs then converts that one page, which is as
little as a dirty build can do. At the end, the plugin's dirty-built site is built in full into
another folder and compared with the rebuilt one, file for file.

    python bench/rebuild.py            # the real site and 280 synthetic points, 5 rounds each
    python bench/rebuild.py --quick    # the real site, 2 rounds
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.run import (
    ROOT,
    build,
    finish_real_plain,
    finish_synthetic_plain,
    plugin_options,
    real,
    synthetic,
    without_dump,
    write,
)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# MkDocs after the variable above, which it reads when imported
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


def written(site: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}


def rewritten(site: Path, before: dict[Path, int]) -> int:
    """Pages written again since ``before`` (but 404.html, which every build writes)."""
    after = written(site)
    return sum(1 for path, mtime in after.items() if before.get(path) != mtime) - 1


def warm(
    config_file: Path, site: Path, edits: list[Callable[[], None]], dirty: bool = True
) -> dict[str, Any]:
    """A full build, then one rebuild per edit (dirty, or full as `mkdocs serve` without
    `--dirty` makes it), in this process; times include loading the configuration (the server
    loads it for every rebuild)."""
    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)
    mkdocs_build(config, dirty=False)
    full = time.perf_counter() - start
    times, pages, converted = [], [], []
    try:
        for edit in edits:
            before = written(site)
            edit()
            start = time.perf_counter()
            config = load_config(str(config_file), site_dir=str(site))
            mkdocs_build(config, dirty=dirty)
            times.append(time.perf_counter() - start)
            pages.append(rewritten(site, before))
            plugin = config.plugins.get("numbered-document")
            if plugin is not None and dirty:
                converted.append(len(plugin.dirty.build.rebuilt))
    finally:
        config.plugins.on_shutdown()
    return {
        "full": full,
        "dirty": statistics.median(times),
        "rewritten": statistics.median(pages),
        "converted": statistics.median(converted) if converted else None,
        "pages": sum(1 for _ in site.rglob("index.html")),
    }


def append(path: Path, text: str) -> Callable[[], None]:
    def edit() -> None:
        with path.open("a", encoding="utf-8") as file:
            file.write(text)

    return edit


def edits(points: list[Path], dumped: Path, rounds: int) -> tuple[list[Any], list[Any]]:
    """The same sentence added to the same point's content file and to its dumped page."""
    plugin, plain = [], []
    for round_ in range(rounds):
        point = points[(round_ * 7) % len(points)]
        text = f"\n\nA sentence added for the benchmark, round {round_}.\n"
        plugin.append(append(point, text))
        plain.append(append(dumped / "points" / point.name, text))
    return plugin, plain


def hand_written_edits(work: Path, rounds: int) -> tuple[list[Any], list[Any]]:
    """The same sentence added to the home page, a hand-written page both sites have."""
    plugin, plain = [], []
    for round_ in range(rounds):
        text = f"\n\nA sentence added to the home page, round {round_}.\n"
        plugin.append(append(work / "docs" / "index.md", text))
        plain.append(append(work / "dump" / "index.md", text))
    return plugin, plain


def differences(config_file: Path, site: Path, fresh: Path) -> int:
    """Files that differ between the rebuilt site and a full build of the same sources."""
    config = load_config(str(config_file), site_dir=str(fresh))
    for plugin in config.plugins.values():  # as in a new process: Material's search keeps
        if hasattr(plugin, "search_index_prev"):  # the last dirty build's index, to merge
            plugin.search_index_prev = None
    mkdocs_build(config)
    files = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    files |= {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    return sum(
        1
        for name in files
        if not (site / name).is_file()
        or not (fresh / name).is_file()
        or (site / name).read_bytes() != (fresh / name).read_bytes()
    )


def prepare_real(work: Path) -> tuple[Path, Path, Path]:
    """The real site's sources copied (they are edited), its config for the plugin's builds,
    the plain site's; returns both configs and the copied content folder."""
    for name in ("content", "docs", "overrides"):
        shutil.copytree(ROOT / name, work / name)
    with_plugin, plain = real(work)
    config = yaml.safe_load(with_plugin.read_text(encoding="utf-8"))
    config["docs_dir"] = str(work / "docs")
    config["theme"]["custom_dir"] = str(work / "overrides")
    plugin_options(config)["content_dir"] = str(work / "content")
    write(with_plugin, config)
    build(with_plugin, work / "site-dump")  # writes the pages the plain build reads
    finish_real_plain(work, with_plugin)
    return without_dump(with_plugin), plain, work / "content"


def prepare_synthetic(work: Path, points: int) -> tuple[Path, Path, Path]:
    with_plugin, plain = synthetic(work, points, points + points // 14, points * 5 // 7)
    build(with_plugin, work / "site-dump")
    finish_synthetic_plain(work, plain)
    return without_dump(with_plugin), plain, work / "content"


def measure(label: str, work: Path, configs: tuple[Path, Path, Path], rounds: int) -> list[str]:
    with_plugin, plain, content = configs
    points = sorted((content / "points").glob("*.md"))
    plugin_edits, plain_edits = edits(points, work / "dump", rounds)
    served = warm(with_plugin, work / "site-served", plugin_edits, dirty=False)
    plain_served = warm(plain, work / "site-plain-served", plain_edits, dirty=False)
    ours = warm(with_plugin, work / "site", plugin_edits)
    theirs = warm(plain, work / "site-plain", plain_edits)
    differ = differences(with_plugin, work / "site", work / "site-full")
    plugin_hand, plain_hand = hand_written_edits(work, rounds)
    ours_hand = warm(with_plugin, work / "site-hand", plugin_hand)
    theirs_hand = warm(plain, work / "site-plain-hand", plain_hand)
    differ += differences(with_plugin, work / "site-hand", work / "site-hand-full")
    return [
        label,
        f"{ours['pages']:,}",
        str(rounds),
        f"{ours['full']:.2f} s",
        f"{served['dirty']:.2f} / {plain_served['dirty']:.2f} s",
        f"{served['dirty'] / plain_served['dirty']:.2f}",
        f"{ours['dirty']:.2f} / {theirs['dirty']:.2f} s",
        f"{ours['dirty'] / theirs['dirty']:.2f}",
        f"{ours['converted']:g} / {ours['rewritten']:g} ({theirs['rewritten']:g})",
        f"{ours_hand['dirty']:.2f} / {theirs_hand['dirty']:.2f} s",
        f"{ours_hand['dirty'] / theirs_hand['dirty']:.2f}",
        "yes" if differ == 0 else f"no: {differ} files differ",
    ]


HEADER = [
    "content",
    "pages",
    "rounds",
    "full build",
    "`serve` rebuild: plugin / plain",
    "ratio",
    "`serve --dirty` rebuild: plugin / plain",
    "ratio",
    "pages converted / written (plain)",
    "`serve --dirty`, the home page edited: plugin / plain",
    "ratio",
    "same as a full build",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="the real site, 2 rounds")
    parser.add_argument("--points", type=int, default=280, help="synthetic points (280)")
    parser.add_argument("--rounds", type=int, default=5, help="edits and rebuilds (5)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764288000")  # the same dates in every build
    logging.disable(logging.WARNING)  # the plain build of dumped pages warns about placeholders
    rounds = 2 if args.quick else args.rounds
    print("| " + " | ".join(HEADER) + " |")
    print("| --- |" + " ---: |" * (len(HEADER) - 1), flush=True)
    with tempfile.TemporaryDirectory(prefix="rebuild-") as tmp:
        work = Path(tmp) / "real"
        work.mkdir()
        row = measure("the real site", work, prepare_real(work), rounds)
        print("| " + " | ".join(row) + " |", flush=True)
        if not args.quick:
            work = Path(tmp) / "synthetic"
            work.mkdir()
            label = f"{args.points:,} synthetic points"
            row = measure(label, work, prepare_synthetic(work, args.points), rounds)
            print("| " + " | ".join(row) + " |", flush=True)
    print()
    print("Times are medians of the rounds and include loading the configuration, as")
    print("`mkdocs serve` does for each rebuild; 'ratio' is the plugin's rebuild over the plain")
    print("site's: without --dirty both convert every page; with it, MkDocs converts only the")
    print("plain site's page edited, and the plugin the pages it finds changed. The point edited")
    print("is a content file; the home page is a hand-written page both sites have.")


if __name__ == "__main__":
    main()
