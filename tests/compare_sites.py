"""Build the site with MkDocs and with ProperDocs, and check that the two are the same apart
from the generator tag (`<meta name="generator">`, which names the generator and its version).

    python tests/compare_sites.py MKDOCS PROPERDOCS [CONFIG]

MKDOCS and PROPERDOCS are the two commands (`.venv/bin/mkdocs`, `.venv-properdocs/bin/properdocs`);
CONFIG defaults to mkdocs.yml. Both builds run with the same SOURCE_DATE_EPOCH, so that dates
in the sitemap agree. Exits 1 listing every file that differs otherwise, or is in one site only.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def differences(first: Path, second: Path) -> list[str]:
    """Every file of two built sites that differs other than by its generator tag."""
    one, other = files(first), files(second)
    found = [f"only in {first.name}: {name}" for name in sorted(one.keys() - other.keys())]
    found += [f"only in {second.name}: {name}" for name in sorted(other.keys() - one.keys())]
    for name in sorted(one.keys() & other.keys()):
        a, b = one[name], other[name]
        if a != b and GENERATOR_TAG.sub(b"", a) != GENERATOR_TAG.sub(b"", b):
            found.append(f"differs: {name}")
    return found


def build(command: str, config: Path, site: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764288000", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [command, "build", "--strict", "-f", str(config), "-d", str(site)],
        env=env,
        check=True,
    )


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    mkdocs, properdocs = argv[:2]
    config = Path(argv[2] if len(argv) == 3 else "mkdocs.yml").resolve()
    with tempfile.TemporaryDirectory() as folder:
        sites = Path(folder) / "mkdocs", Path(folder) / "properdocs"
        build(mkdocs, config, sites[0])
        build(properdocs, config, sites[1])
        found = differences(*sites)
        count = len(files(sites[0]))
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(f"{config.name}: the two sites differ in {len(found)} files.", file=sys.stderr)
        return 1
    print(
        f"{config.name}: MkDocs and ProperDocs built the same {count} files but the generator tag."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
