"""The page stage alone: CPU time of writing every generated page's Markdown, at any size, for
this checkout and (with ``--against``) another one, alternating in separate processes.

    .venv/bin/python bench/pages.py --points 2800 --against /path/to/other/checkout

The other checkout is imported from its own folder (it must have the same dependencies). Each
run loads the content and sets the plugin up first (not timed), then times the generation of
every page, the first time (what a build pays) and again (warm).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

MEASURE = """
import json, logging, os, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
logging.disable(logging.WARNING)
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
plugin = config.plugins["numbered-document"]
config = plugin.on_config(config) or config
times = []
for _ in range(2):
    start = time.process_time()
    if hasattr(plugin, "site"):
        plugin.site.__dict__.pop("pages", None)
        pages = plugin.site.generate()
    else:  # the code before the page registry
        pages = plugin._generate(config)
    times.append(time.process_time() - start)
print(json.dumps({"pages": len(pages), "first": times[0], "warm": times[1]}))
"""


def measure(code: Path, config: Path, site: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{ROOT}", "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(config), str(site)],
        env=env,
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=2800)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.run import synthetic, without_dump

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with_plugin, _ = synthetic(work, args.points, args.points * 30 // 28, args.points // 10)
        config = without_dump(with_plugin)
        codes = {
            "this checkout": ROOT,
            **({"other": args.against.resolve()} if args.against else {}),
        }
        for run in range(1, args.runs + 1):
            for name, code in codes.items():
                found = measure(code, config, work / "site")
                print(
                    f"run {run} {name}: {found['pages']} pages, first {found['first']:.2f} s, "
                    f"warm {found['warm']:.2f} s (CPU)"
                )


if __name__ == "__main__":
    main()
