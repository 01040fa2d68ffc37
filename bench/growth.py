"""Which functions are called more often than in proportion to the pages, between two sizes.

Builds the same synthetic document at two sizes under cProfile (calls are counted, not timed:
the same on any machine) and lists every function, of the plugin, MkDocs, Markdown, Material or
anything else the build runs, whose calls grow more than ``limit`` times the growth of the pages.
A function called n² times grows a hundredfold for ten times the pages; one called n log n
times, about fourteenfold (the limit's default of twice the pages' growth lets that pass).

    python bench/growth.py 16 64                              # what make test checks
    python bench/growth.py 280 2800 --terms 1.07 --events 0.71  # make bench's shape, ~4 min
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.run import synthetic, without_dump

ADDRESS = re.compile(r" at 0x[0-9a-f]+")
TERMS, EVENTS = 5.0, 2.5
"""Terms and events per point, by default: the one-page views (glossary, timeline) then weigh
enough for a cost that grows with their square to show at small sizes too."""


def call_counts(
    work: Path, points: int, terms: float = TERMS, events: float = EVENTS
) -> tuple[int, dict[str, int]]:
    """The pages built and every function's number of calls in one build of ``points`` points
    (``terms`` and ``events`` per point)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    work.mkdir(parents=True)
    with_plugin, _ = synthetic(work, points, int(terms * points), int(events * points))
    config = load_config(str(without_dump(with_plugin)), site_dir=str(work / "site"))
    profile = cProfile.Profile()
    profile.enable()
    try:
        build(config)
    finally:
        profile.disable()
    pages = sum(1 for _ in (work / "site").rglob("index.html"))
    counts: dict[str, int] = {}
    # Summed by name here: pstats keeps one of several functions of the same name, and a
    # template compiled again (MkDocs makes the theme's environment more than once) gives
    # its macros new functions of the same name. A built-in's name carries its address,
    # which differs from process to process.
    for entry in profile.getstats():
        code = entry.code
        if isinstance(code, str):
            key = f"~:0({ADDRESS.sub('', code)})"
        else:
            key = f"{code.co_filename}:{code.co_firstlineno}({code.co_name})"
        counts[key] = counts.get(key, 0) + entry.callcount
    return pages, counts


def counted_apart(
    work: Path, points: int, terms: float, events: float, toc: bool = False
) -> dict[str, int]:
    """``call_counts`` in a fresh process, as a build runs: in one process, a second build
    finds caches the first filled (Jinja's, imports), and its calls are not the same. With
    ``toc``, Material's search gets each page's table of contents, as without the plugin's
    shield (the control that shows what the count finds)."""
    out = subprocess.run(
        [
            *(sys.executable, __file__, "--count", str(points), str(work)),
            *("--terms", str(terms), "--events", str(events)),
            *(["--toc"] if toc else []),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"},
    )
    counts: dict[str, int] = json.loads(out.stdout.strip().splitlines()[-1])
    return counts


def faster_than_pages(
    work: Path,
    small: int,
    large: int,
    limit: float = 2.0,
    counted: int = 500,
    per_point: tuple[float, float] = (TERMS, EVENTS),
    toc: bool = False,
) -> tuple[float, dict[str, float]]:
    """The document's growth (its points, terms and events all grow by it; the pages about
    as much, a few fixed ones aside), and each function (called at least ``counted`` times at
    the larger size) whose calls grow more than ``limit`` times that, with its growth."""
    calls_small = counted_apart(work / "small", small, *per_point, toc)
    calls_large = counted_apart(work / "large", large, *per_point, toc)
    growth = large / small
    return growth, {
        name: calls / calls_small.get(name, 1)
        for name, calls in calls_large.items()
        if calls >= counted and calls / calls_small.get(name, 1) > limit * growth
    }


def main() -> None:
    if sys.argv[1:2] == ["--count"]:  # one size, in this process (``counted_apart``)
        logging.disable(logging.WARNING)
        points, work = int(sys.argv[2]), Path(sys.argv[3])
        terms, events = float(sys.argv[5]), float(sys.argv[7])
        if "--toc" in sys.argv:
            from mkdocs_plugins.numbered_document import searchshield

            searchshield.MATERIAL_SEARCH = "no such module"
        print(json.dumps(call_counts(work, points, terms, events)[1]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("small", type=int)
    parser.add_argument("large", type=int)
    parser.add_argument("--limit", type=float, default=2.0)
    parser.add_argument("--terms", type=float, default=TERMS, help="terms per point")
    parser.add_argument("--events", type=float, default=EVENTS, help="events per point")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="growth-") as tmp:
        growth, grown = faster_than_pages(
            Path(tmp), args.small, args.large, args.limit, per_point=(args.terms, args.events)
        )
    print(f"the document grows {growth:g}-fold from {args.small} to {args.large} points")
    if not grown:
        print(f"no function's calls grow more than {args.limit:g} times that")
    for name, ratio in sorted(grown.items(), key=lambda item: -item[1]):
        print(f"{ratio:8.1f}-fold  {name}")


if __name__ == "__main__":
    main()
