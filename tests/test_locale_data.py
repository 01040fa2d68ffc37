"""The locale data kept between builds: the same words as Babel's, without reading Babel's."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import pytest
from babel import Locale, localedata
from babel.dates import format_date

from mkdocs_plugins.numbered_document import locale_data
from mkdocs_plugins.numbered_document.catalog import Catalog

PATTERNS = ["d MMMM y", "MMMM y", "LLLL y", "d MMM y", "EEEE d MMMM"]
"""The catalogs' patterns and others a site's catalog may write (stand-alone month names, short
month names, a weekday, which is not kept and comes from Babel)."""
COUNTS = [*range(0, 230), 1000, 1001, 1.5, 0.1]


def kept_twice(identifier: str, folder: Path) -> Locale:
    locale_data.locale(identifier, folder)  # the first build keeps the data
    return locale_data.locale(identifier, folder)


@pytest.mark.parametrize("identifier", ["en", "uk", "pt_BR", "he"])
def test_the_kept_data_says_what_babel_says(identifier: str, tmp_path: Path) -> None:
    kept, babels = kept_twice(identifier, tmp_path), Locale.parse(identifier)
    assert type(kept) is not Locale  # read from the kept file
    for month in range(1, 13):
        day = dt.date(2025, month, 21)
        for pattern in PATTERNS:
            assert format_date(day, pattern, locale=kept) == format_date(
                day, pattern, locale=babels
            ), (identifier, pattern, day)
    for count in COUNTS:
        assert kept.plural_form(count) == babels.plural_form(count), (identifier, count)


def test_a_build_after_the_first_reads_none_of_babels_locale_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale_data.locale("uk", tmp_path)
    localedata._cache.clear()  # Babel's own cache, as in a new process
    localedata._dict_cache.clear()

    def refuse(name: str, merge_inherited: bool = True) -> None:
        raise AssertionError(f"Babel's locale data read: {name}")

    monkeypatch.setattr(localedata, "load", refuse)
    monkeypatch.setattr(locale_data, "cache_folder", lambda: tmp_path)
    catalog = Catalog("uk", {"date": {"day": "d MMMM y"}, "n": {"one": "{count} пункт"}})
    assert catalog.date(dt.date(2025, 11, 21)) == "21 листопада 2025"
    assert catalog.count("n", 21) == "21 пункт"


@pytest.mark.parametrize(
    "text",
    [
        "not JSON",
        json.dumps({"made_by": [locale_data.FORMAT, "0.1"], "months": {}, "plural": {}}),
        json.dumps({"made_by": [locale_data.FORMAT - 1], "months": {}, "plural": {}}),
        json.dumps({"made_by": locale_data._made_by(), "months": [], "plural": {}}),
    ],
)
def test_a_file_another_version_wrote_or_a_broken_one_is_not_read(
    text: str, tmp_path: Path
) -> None:
    identifier = str(Locale.parse("en"))
    path = tmp_path / f"{identifier}-babel-{locale_data.babel.__version__}.json"
    path.write_text(text, encoding="utf-8")
    assert type(locale_data.locale("en", tmp_path)) is Locale  # Babel's, read as usual
    assert json.loads(path.read_text(encoding="utf-8"))["made_by"] == locale_data._made_by()
    assert kept_twice("en", tmp_path).plural_form(1) == "one"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="needs POSIX owners and modes")
def test_the_folder_is_the_users_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = locale_data.cache_folder()
    assert folder is not None and folder.parent == tmp_path
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)  # opened to others: made the user's alone again before it is used
    assert locale_data.cache_folder() == folder
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folder.symlink_to(elsewhere)  # a link in its place, which someone else may have made
    assert locale_data.cache_folder() is None
    assert type(locale_data.locale("en")) is Locale
