"""What the tests of the exports in the standards of the field share: the two documents, loaded
from their content folders, and addresses laid out as the site lays out its pages."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mkdocs_plugins.numbered_document.identifiers import Addresses
from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import Document

from .conftest import ROOT

BASE = "https://example.org/reference/"


@dataclass(frozen=True)
class Case:
    """A document and where the site puts its pages."""

    name: str
    content: Path
    points_dir: str


CASES = (
    Case("plan", ROOT / "content", "points"),
    Case("charter", ROOT / "tests/fixtures/charter/content", "articles"),
)
CASE_IDS = [case.name for case in CASES]


@cache
def load(case: Case) -> Document:
    return load_document(case.content, points_dir=case.points_dir)


def addresses(document: Document, points_dir: str, base: str = BASE) -> Addresses:
    """Absolute addresses as MkDocs gives them with ``use_directory_urls``."""
    stems = {point.number: point.stem for point in document.points}
    return Addresses(
        site=base,
        point=lambda number: f"{base}{points_dir}/{stems[number]}/",
        term=lambda term_id: f"{base}glossary/#{term_id}",
        event=lambda event_id: f"{base}timeline/#{event_id}",
        actor=lambda actor_id: f"{base}actors/#{actor_id}",
    )


def without_timeline(case: Case, folder: Path) -> Document:
    """The document of a case with its timeline folder removed."""
    shutil.copytree(case.content, folder / "content")
    shutil.rmtree(folder / "content" / "timeline")
    return load_document(folder / "content", points_dir=case.points_dir)
