"""What a contributor sees when content is wrong: `mkdocs build --strict` as a real command."""

from __future__ import annotations

from pathlib import Path

from .conftest import mkdocs_build


def test_bad_front_matter_fails_the_build_with_one_line_and_no_traceback(project: Path) -> None:
    path = project / "content/points/06-armed-forces-size.md"
    path.write_text(path.read_text().replace("parties: [ukraine]", "parties: [ukrane]"))
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "content/points/06-armed-forces-size.md:5: field 'parties[0]': unknown party 'ukrane'. "
        "Did you mean 'ukraine'?" in result.stderr
    )
    assert "1 problem in the content" in result.stderr


def test_a_reference_to_a_missing_point_warns_and_strict_aborts(project: Path) -> None:
    page = project / "docs/about.md"
    page.write_text(page.read_text() + "\nSee point 40 for more.\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert (
        "WARNING -  numbered-document: docs/about.md: 'point 40' refers to 40, which does not "
        "exist (valid numbers: 1–28); the text is left unlinked." in result.stderr
    )
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_a_missing_point_in_a_context_section_names_the_content_file(project: Path) -> None:
    path = project / "content/points/26-amnesty.md"
    path.write_text(path.read_text() + "\nCompare points 2 and 31.\n")
    line = path.read_text().count("\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert (
        f"content/points/26-amnesty.md:{line}: the context: 'points 2 and 31' refers to 31, "
        "which does not exist. Numbers run from 1 to 28." in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_hand_written_page_cannot_shadow_a_generated_one(project: Path) -> None:
    (project / "docs/full-text.md").write_text("# Mine\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/full-text.md is also a generated page" in result.stderr


def test_an_empty_page_setting_is_refused_with_its_name(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      content_dir: content", "      content_dir: content\n      glossary_page: ''"
        )
    )
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "'glossary_page' in mkdocs.yml must be a page path ending in .md" in result.stderr
