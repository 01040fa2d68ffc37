"""The build needs no network, and the plugin holds nothing of one particular document."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

from mkdocs_plugins.numbered_document.__main__ import with_reference
from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.pages import catalog_for
from mkdocs_plugins.numbered_document.pages.reference import field_tables
from mkdocs_plugins.numbered_document.schema import json_schemas

from .conftest import ROOT, build_site


class NetworkUsed(AssertionError):
    pass


def test_a_build_makes_no_request_outside_the_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise NetworkUsed(f"network use during the build: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(NetworkUsed):  # the guard itself works
        socket.create_connection(("example.org", 443))
    attempts.clear()

    assert build_site(ROOT / "mkdocs.yml", tmp_path) == []
    assert attempts == []
    assert (tmp_path / "points/01-sovereignty/index.html").is_file()


# Words, names and numbers of this particular plan that must never appear in the plugin's code.
PLAN_WORDS = ["Ukrain", "Russia", "NATO", "peace", "Trump", "Axios", "Crimea", "28", "Europe"]


@pytest.mark.parametrize("word", PLAN_WORDS)
def test_the_plugin_knows_nothing_of_this_plan(word: str) -> None:
    for path in (ROOT / "mkdocs_plugins").rglob("*"):
        if path.suffix in {".py", ".css", ".js", ".html", ".toml"}:
            text = path.read_text(encoding="utf-8")
            pattern = rf"(?<!\d){word}(?!\d)" if word.isdigit() else re.escape(word)
            assert not re.search(pattern, text, re.I), f"{path} mentions {word!r}"


def test_the_published_json_schemas_are_generated_from_the_schema() -> None:
    document = load_document(ROOT / "content")
    for name, schema in json_schemas(document.meta).items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is stale: run `make schemas`"


def test_contributing_has_the_field_reference_generated_from_the_schema() -> None:
    document = load_document(ROOT / "content")
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    fresh = with_reference(
        text, field_tables(json_schemas(document.meta), catalog_for(document, "en", []), level=3)
    )
    assert text == fresh, "CONTRIBUTING.md's field reference is stale: run `make schemas`"
    assert "| `obligations` |" in text and "### Version" in text


def test_the_publishers_guide_lists_every_option_from_the_config_class() -> None:
    from mkdocs_plugins.numbered_document.__main__ import OPTIONS
    from mkdocs_plugins.numbered_document.config import NumberedDocumentConfig
    from mkdocs_plugins.numbered_document.options import options_table

    text = (ROOT / "PACKAGE.md").read_text(encoding="utf-8")
    assert text == with_reference(text, options_table(), OPTIONS), "run `make schemas`"
    for name, _ in NumberedDocumentConfig._schema:
        assert f"| `{name}` |" in text
    assert "| `glossary_links` | `page` |" in text and "One of `page`, `section`, `all`." in text
