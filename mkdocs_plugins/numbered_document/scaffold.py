"""A new site to start from: the smallest set of files that builds with `mkdocs build --strict`.

``python -m mkdocs_plugins.numbered_document new DIR --items articles`` writes ``mkdocs.yml``, a
home page, the document file, one item, one glossary term, one timeline event and the JSON
Schemas for editors. Every text in it says what to replace it with; nothing is about any real
document. No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .loader import load_document
from .schema import json_schemas

MKDOCS_YML = """\
site_name: {title}
# The plugin's options, with their defaults, are listed on the "Start a new site" page of the
# plugin's documentation (and in mkdocs_plugins/numbered_document/config.py).
theme:
  name: mkdocs        # or `material` (pip install mkdocs-material), which the plugin styles too
  highlightjs: false  # the theme would fetch it from a CDN
plugins:
  - search
  - numbered-document:
      content_dir: content
      points_dir: {plural}
validation:
  links:
    anchors: warn
"""

HOME = """\
# {title}

This site presents the {plural} of {title}, each on its own page: see {singular} 1 to begin.
Replace this page with your own introduction (`docs/index.md`).
"""

DOCUMENT = """\
# yaml-language-server: $schema=../schemas/document.schema.json
# Facts about the whole document, and the vocabularies the other files use by id.
title: {title}
short_title: {short}
description: Replace this with one or two sentences that describe the site.
date: {today}
date_note: Replace this with what the date is the date of (adoption, publication...).
text_source: source-1
items:
  singular: {singular}
  plural: {plural}
  conjunctions: [and, or]
sources:
  - id: source-1
    title: Replace this with the title of the publication that gives the wording
    publisher: Replace this with its publisher
    date: {today}
parties:
  - id: party-1
    name: Replace this with the name of a party
    kind: state
topics:
  - id: topic-1
    name: Replace this with a topic
    description: Replace this with what the topic covers.
actors:
  - id: actor-1
    name: Replace this with the name of someone who spoke or acted
    kind: person
"""

ITEM = """\
---
number: 1
title: Replace this with a short title of {singular} 1
summary: Replace this with a one-sentence summary of {singular} 1, in your own words.
parties: [party-1]
topics: [topic-1]
sources: [source-1]
---
Replace this with the wording of {singular} 1, exactly as published.

## Context

Replace this with what a reader needs to know about {singular} 1, in your own words.
"""

TERM = """\
# yaml-language-server: $schema=../../schemas/term.schema.json
term: example term
definition: Replace this with a short definition; it is the hover text of every link to the term.
sources: [source-1]
"""

EVENT = """\
# yaml-language-server: $schema=../../schemas/event.schema.json
date: {today}
precision: day
actor: actor-1
summary: Replace this with what happened, in your own words.
sources: [source-1]
points: [1]
"""


def new_site(folder: Path, items: str = "points", title: str = "") -> list[Path]:
    """Write a new site into ``folder`` (which must be empty or missing); return the files.

    ``items`` is the plural word for the numbered items ("articles"); the singular drops a
    final "s". Raises ``FileExistsError`` where the folder holds anything already.
    """
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty: give a new folder for the site")
    plural = items.strip().lower()
    singular = plural[:-1] if plural.endswith("s") else plural
    words = {
        "title": title or f"The {plural} of a new document",
        "short": f"New {plural}",
        "singular": singular,
        "plural": plural,
        "today": dt.date.today().isoformat(),
    }
    files = {
        "mkdocs.yml": MKDOCS_YML,
        "docs/index.md": HOME,
        "content/document.yml": DOCUMENT,
        f"content/{plural}/01-first.md": ITEM,
        "content/glossary/example-term.yml": TERM,
        f"content/timeline/{words['today']}-example.yml": EVENT,
    }
    written = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(**words), encoding="utf-8")
        written.append(path)
    document = load_document(folder / "content", points_dir=plural)
    for name, schema in json_schemas(document.meta).items():
        path = folder / "schemas" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
