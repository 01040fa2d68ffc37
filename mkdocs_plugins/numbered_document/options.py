"""The plugin's options as a Markdown table, read from the config class itself (each option's
type, default and the docstring under it), for the publishers' guide (``make schemas`` writes
it into PACKAGE.md, as the field reference into CONTRIBUTING.md)."""

from __future__ import annotations

import ast
import inspect
from itertools import pairwise
from typing import Any

from . import config
from .config import NumberedDocumentConfig


def _docstrings() -> dict[str, str]:
    """Each option's docstring: the string that follows its assignment in the class body."""
    tree = ast.parse(inspect.getsource(config))
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == NumberedDocumentConfig.__name__:
            body = node.body
            for assign, after in pairwise(body):
                if (
                    isinstance(assign, ast.Assign)
                    and isinstance(assign.targets[0], ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                ):
                    found[assign.targets[0].id] = " ".join(str(after.value.value).split())
    return found


def _shown(value: Any) -> str:
    if value is True or value is False:
        return f"`{str(value).lower()}`"
    return f"`{value}`" if value != "" else "empty"


def options_table() -> str:
    """Every option: name, default and what it does, in the order of the config class."""
    docs = _docstrings()
    lines = ["| Option | Default | What it does |", "| --- | --- | --- |"]
    for name, option in NumberedDocumentConfig._schema:
        choices = getattr(option, "choices", None)
        also = f" One of {', '.join(f'`{c}`' for c in choices)}." if choices else ""
        text = (docs.get(name, "") + also).replace("|", "\\|")
        lines.append(f"| `{name}` | {_shown(option.default)} | {text} |")
    return "\n".join(lines)
