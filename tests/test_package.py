"""The plugin as others install it: `python -m build` makes the wheel (and the sdist it is built
from), the wheel goes into a new virtual environment with its declared dependencies alone, and
`mkdocs build --strict` of the charter fixture succeeds there, away from this source tree.

Slow by nature (about a minute, most of it pip): marked ``package``, and run by `make test`.
pip's cache is reused, and the dependencies are held to the versions of requirements.txt, so a
second run downloads nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "mkdocs_plugins"
SOURCES = ("pyproject.toml", "PACKAGE.md", "LICENSE", "CHANGELOG.md", "MANIFEST.in")
"""What a build reads besides the package itself (pyproject.toml names the others)."""

pytestmark = pytest.mark.package


def run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; on failure the test shows its whole output."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def clean_env() -> dict[str, str]:
    """The environment without anything that would let the source tree leak in."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of what the package is made of (the copy keeps whatever
    __pycache__ the source tree has, which must stay out of the wheel)."""
    try:
        import build  # noqa: F401
    except ImportError:
        missing = "the `build` package (requirements-dev.txt: `make test` installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {missing}")
        pytest.skip(f"needs {missing}")
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(PACKAGE, source / PACKAGE.name)
    dist = source / "dist"
    run([sys.executable, "-m", "build", "--outdir", dist, source], cwd=source, env=clean_env())
    (found,) = dist.glob("*.whl")
    return found


def test_the_wheel_holds_every_file_of_the_package_and_no_bytecode(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert shipped - names == set()
    assert {"mkdocs_plugins/numbered_document/assets/style.css"} <= names
    assert [name for name in names if name.endswith(".pyc") or "__pycache__" in name] == []


def test_the_metadata_is_complete(wheel: Path) -> None:
    info = zipfile.ZipFile(wheel)
    (metadata,) = [n for n in info.namelist() if n.endswith(".dist-info/METADATA")]
    text = info.read(metadata).decode("utf-8")
    headers = [line.split(": ", 1)[0] for line in text.split("\n\n", 1)[0].splitlines()]
    for header in ("License-Expression", "License-File", "Project-URL", "Classifier"):
        assert header in headers, header
    assert "Description-Content-Type: text/markdown" in text
    assert "# mkdocs-numbered-document" in text  # the readme is the long description
    entry_points = info.read(metadata.replace("METADATA", "entry_points.txt")).decode("utf-8")
    assert "numbered-document = mkdocs_plugins.numbered_document.plugin" in entry_points


def test_the_changelog_names_the_version_being_built() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    headings = [
        line
        for line in (ROOT / "CHANGELOG.md").read_text("utf-8").splitlines()
        if line.startswith("## ")
    ]
    assert headings[0].startswith(f"## {version} ")


def test_the_installed_wheel_builds_a_site_with_its_declared_dependencies_alone(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    python = venv / "bin/python"
    run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "--constraint",
            ROOT / "requirements.txt",
            wheel,
        ],
        cwd=tmp_path,
        env=clean_env(),
    )
    installed = run([python, "-m", "pip", "list", "--format=freeze"], cwd=tmp_path).lower()
    assert "mkdocs-numbered-document==" in installed
    assert "mkdocs-material" not in installed  # only what the package declares came with it
    where = run(
        [python, "-c", "import mkdocs_plugins.numbered_document as m; print(m.__file__)"],
        cwd=tmp_path,
        env=clean_env(),
    )
    assert where.strip().startswith(str(venv)), where

    project = tmp_path / "charter"
    shutil.copytree(ROOT / "tests/fixtures/charter", project)
    output = run([venv / "bin/mkdocs", "build", "--strict"], cwd=project, env=clean_env())
    assert "Traceback" not in output
    site = project / "site"
    assert (site / "articles/2-meetings/index.html").is_file()
    assert (site / "assets/numbered-document/style.css").is_file()
    assert (site / "assets/numbered-document/timeline.js").is_file()
