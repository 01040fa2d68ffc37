"""Where generated pages go, and how they join a site's navigation (no MkDocs involved)."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_plugins.numbered_document.layout import expand_nav, relative_path

POINTS = ["points/01-a.md", "points/02-b.md"]


@pytest.mark.parametrize(
    ("nav", "expected"),
    [
        (
            [{"Home": "index.md"}, {"Points": "points/index.md"}],
            [{"Home": "index.md"}, {"Points": ["points/index.md", *POINTS]}],
        ),
        (["index.md", "points/index.md"], ["index.md", {"Items": ["points/index.md", *POINTS]}]),
        (
            [{"Read": [{"All": "points/index.md"}, "full.md"]}],
            [{"Read": [{"All": ["points/index.md", *POINTS]}, "full.md"]}],
        ),
    ],
)
def test_points_join_the_nav_under_their_index(nav: list[Any], expected: list[Any]) -> None:
    assert expand_nav(nav, "points/index.md", POINTS, "Items")
    assert nav == expected


def test_a_nav_without_the_index_is_left_alone() -> None:
    nav: list[Any] = [{"Home": "index.md"}]
    assert not expand_nav(nav, "points/index.md", POINTS, "Items")
    assert nav == [{"Home": "index.md"}]


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("index.md", "points/01-a.md", "points/01-a.md"),
        ("points/02-b.md", "points/01-a.md", "01-a.md"),
        ("points/02-b.md", "points/02-b.md", ""),
        ("guide/deep/x.md", "full-text.md", "../../full-text.md"),
    ],
)
def test_relative_paths_between_source_files(page: str, target: str, expected: str) -> None:
    assert relative_path(page, target) == expected


FOLDERS = ["", "a/", "a/b/", "a/c/", "b/", "a/b/c/"]


@pytest.mark.parametrize(
    "page", [f"{folder}{name}" for folder in FOLDERS for name in ("x.md", "index.md")]
)
def test_relative_paths_are_those_of_posixpath(page: str) -> None:
    import posixpath

    for folder in FOLDERS:
        for name in ("x.md", "y.md", "index.md"):
            target = f"{folder}{name}"
            expected = (
                "" if page == target else posixpath.relpath(target, posixpath.dirname(page) or ".")
            )
            assert relative_path(page, target) == expected, (page, target)
