"""One MkDocs build, in this process: prints wall time, peak memory and the plugin's stages."""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
logging.disable(logging.WARNING)  # the plain build of dumped pages warns about placeholders

from mkdocs.commands.build import build  # noqa: E402  (after the variable above)
from mkdocs.config import load_config  # noqa: E402


def main(config_file: str, site_dir: str) -> None:
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    build(config)
    wall = time.perf_counter() - start
    plugin = config.plugins.get("numbered-document")
    stages = dict(plugin.stopwatch.seconds) if plugin is not None else {}
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "peak_mib": peak_mib, "stages": stages}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
