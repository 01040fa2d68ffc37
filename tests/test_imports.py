"""The package's modules import one way only: from a stage to the same or an earlier one.

Content flows from the files through checks, linking and pages to the MkDocs adapter; a module
that imports a later stage ties what it does to how later stages work (the loader once imported
the linkers to check references). The stages are listed here in import order, and every module
must be in one, so a new module is placed on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_plugins" / "numbered_document"
NAME = "mkdocs_plugins.numbered_document"

STAGES: list[tuple[str, set[str]]] = [
    ("schema and safety", {"schema", "safety", "timing"}),
    ("model", {"model"}),
    ("patterns", {"patterns"}),
    ("checks", {"checks"}),
    ("loader", {"loader"}),
    ("linking", {"layout", "treewalk", "references", "glossary", "graph"}),
    (
        "pages",
        {
            *("pages", "late", "incremental", "templating", "catalog", "locale_data"),
            *("sorting", "citation"),
            *("diffs", "opendata", "identifiers", "akn", "feed", "jsonld"),
        },
    ),
    (
        "adapter",
        {
            *("plugin", "dirty", "config", "options", "searchshield", "searchwords", "scaffold"),
            *("generate", "__main__", "__init__"),
        },
    ),
]
"""In import order; a module of a subpackage is in its subpackage's stage (``pages``).

``model`` and ``patterns`` come before the loader, which builds the model; ``checks`` comes
before the loader too, whose ``load_document`` runs the checks on the model it has built: the
checks import only the model and the patterns, never how files are read. ``layout`` (paths
between pages) is with the linkers, whose links are made of them."""

STAGE = {module: index for index, (_, modules) in enumerate(STAGES) for module in modules}


def modules() -> list[str]:
    """Every module of the package, dotted from the package: ``loader``, ``pages.drafts``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found.append(".".join(parts))
    return found


def source(module: str) -> Path:
    path = PACKAGE.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def imported(module: str) -> set[str]:
    """The package's top-level modules (and subpackages) that a module imports, anywhere in it
    (inside functions too)."""
    path = source(module)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    package = [] if module == "__init__" else package
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = [*base, *(node.module.split(".") if node.module else [])]
            if target:
                found.add(target[0])
            else:  # from . import checks, at the top of the package
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(f"{NAME}."):
                found.add(node.module.removeprefix(f"{NAME}.").split(".")[0])
            elif node.module == NAME:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(f"{NAME}."):
                    found.add(alias.name.removeprefix(f"{NAME}.").split(".")[0])
    return found


def stage(module: str) -> int:
    return STAGE[module.split(".")[0]]


def test_every_module_is_in_a_stage() -> None:
    tops = {module.split(".")[0] for module in modules()}
    assert tops == set(STAGE), "place a new module in STAGES, or remove a gone one"


@pytest.mark.parametrize("module", modules())
def test_no_module_imports_a_later_stage(module: str) -> None:
    later = {
        name: STAGES[STAGE[name]][0] for name in imported(module) if STAGE[name] > stage(module)
    }
    assert later == {}, f"{module} ({STAGES[stage(module)][0]}) imports a later stage: {later}"


def test_the_test_sees_imports() -> None:
    """The parser finds each form of import the package uses (a test that sees none passes)."""
    assert {"checks", "model", "safety", "schema"} <= imported("loader")
    assert imported("checks") == {"model", "patterns"}
    assert imported("patterns") == {"schema"}
    assert {"pages", "model", "diffs"} <= imported("pages.drafts")  # from . and from ..
    assert {"pages", "loader"} <= imported("plugin")
