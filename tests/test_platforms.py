"""The suite under MkDocs and under ProperDocs (SITE_GENERATOR=properdocs, as CI runs it): a
warning is counted whichever logger name the generator uses, and the two build the same site."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from .compare_sites import differences
from .conftest import GENERATOR, ROOT, build_site, captured_warnings, generator_name

CHARTER = ROOT / "tests/fixtures/charter"


def test_the_suite_runs_under_the_generator_it_was_asked_for() -> None:
    assert generator_name() == GENERATOR


def test_warnings_are_caught_under_either_name_and_counted_once() -> None:
    mkdocs, properdocs = logging.getLogger("mkdocs"), logging.getLogger("properdocs")
    parent = mkdocs.parent
    with captured_warnings() as caught:
        logging.getLogger("mkdocs.plugins.sample").warning("one under mkdocs")
        logging.getLogger("properdocs.plugins.sample").warning("one under properdocs")
        logging.getLogger("properdocs.structure.pages").info("not a warning")
        # ProperDocs' command line makes "mkdocs" a child of "properdocs": still once.
        mkdocs.parent = properdocs
        try:
            logging.getLogger("mkdocs.plugins.sample").error("one under both")
        finally:
            mkdocs.parent = parent
    assert caught.messages == ["one under mkdocs", "one under properdocs", "one under both"]
    logging.getLogger("mkdocs").warning("after the build: not caught")
    assert len(caught.messages) == 3


@pytest.mark.build
def test_a_deliberate_warning_in_a_real_build_is_caught(tmp_path: Path) -> None:
    project = tmp_path / "charter"
    shutil.copytree(CHARTER, project)
    (project / "docs/broken.md").write_text(
        "# Broken\n\nSee article 9 and [a page](missing.md).\n", encoding="utf-8"
    )
    warnings = build_site(project / "mkdocs.yml", tmp_path / "site", strict=False)
    assert warnings == [
        "Doc file 'broken.md' contains a link 'missing.md', but the target is not found among "
        "documentation files.",
        "numbered-document: docs/broken.md: 'article 9' refers to 9, which does not exist "
        "(valid numbers: 1–3); the text is left unlinked.",
    ]
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match="2 warnings in strict mode"):
        build_site(project / "mkdocs.yml", tmp_path / "strict")


def test_two_sites_differ_only_by_their_generator_tag(tmp_path: Path) -> None:
    one, other = tmp_path / "mkdocs", tmp_path / "properdocs"
    page = '<head><meta name="generator" content="{}"></head><p>{}</p>'
    for site, generator in ((one, "mkdocs-1.6.1"), (other, "ProperDocs 1.6.7")):
        (site / "a").mkdir(parents=True)
        (site / "a/index.html").write_text(page.format(generator, "same"), encoding="utf-8")
        (site / "b.html").write_text(page.format(generator, site.name), encoding="utf-8")
    (one / "only.js").write_text("x", encoding="utf-8")
    assert differences(one, other) == ["only in mkdocs: only.js", "differs: b.html"]
