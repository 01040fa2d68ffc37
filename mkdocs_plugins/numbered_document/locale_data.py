"""The part of Babel's locale data that the interface uses, kept between builds.

The interface asks Babel for two things: month names (for dates in words) and the plural rule
(for "1 point", "2 points"). Babel reads a locale's whole data the first time any of it is asked
for, every name of the language (countries, currencies, time zones …): 64 million instructions
of the smallest build `make bench` measures, and 5 MiB of a 280-point build's peak memory
(74.3–75.0 against 69.2–69.3 MiB, three builds each). So ``locale`` gives a Babel ``Locale``
whose month names and plural rule come from a small JSON file, written from Babel's own data the
first time (and again for another Babel version), in a folder of the user's temporary folder, as
Jinja keeps compiled templates there; anything else it is asked for is Babel's, read as usual.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.plural import PluralRule

FORMAT = 1
"""The version of the kept file's layout: a file of another is written again."""


class _KeptLocale(Locale):
    """A Babel locale whose month names and plural rule are the kept ones."""

    kept_months: Mapping[str, Mapping[str, Mapping[int | str, str]]]
    kept_plural: PluralRule

    @property
    def months(self) -> Any:
        return self.kept_months

    @property
    def plural_form(self) -> PluralRule:
        return self.kept_plural


def locale(identifier: str, folder: Path | None = None) -> Locale:
    """The Babel locale of ``identifier`` ("en", "uk", "pt_BR"), its month names and plural
    rule read from ``folder`` (by default ``cache_folder()``) when an earlier build kept them
    for this Babel version; else Babel's, kept there for the next build."""
    found = Locale.parse(identifier)
    folder = folder if folder is not None else cache_folder()
    if folder is None:
        return found
    path = folder / f"{found}-babel-{babel.__version__}.json"
    kept = _read(path)
    if kept is None:
        _write(path, {"months": found.months, "plural": found.plural_form.rules})
        return found
    try:  # parsed as Babel parses it: its constructor's arguments differ between versions
        made = _KeptLocale.parse(str(found))
        made.kept_months = {
            context: {width: _keys(names) for width, names in widths.items()}
            for context, widths in kept["months"].items()
        }
        made.kept_plural = PluralRule(kept["plural"])
    except (AttributeError, KeyError, TypeError, ValueError):  # a file of another shape
        return found
    return made


def _keys(names: Mapping[str, str]) -> dict[int | str, str]:
    """Month numbers back from JSON's text keys: Babel numbers the months 1 to 12 (13 in some
    calendars); any other key stays as it is."""
    return {int(key) if key.isdigit() else key: name for key, name in names.items()}


def _read(path: Path) -> dict[str, Any] | None:
    """The kept data, if the file holds what this layout and Babel version write."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("made_by") != _made_by():
        return None
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    """Written whole or not at all (another build may be reading it): a failure to write only
    means the next build reads Babel's data again."""
    text = json.dumps({"made_by": _made_by(), **_plain(data)}, ensure_ascii=False)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


def _plain(value: Any) -> Any:
    """Babel's nested mappings as plain JSON values."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _made_by() -> list[Any]:
    return [FORMAT, babel.__version__]


def cache_folder() -> Path | None:
    """This user's folder for kept data in the temporary folder, if it is safe to use: made
    readable by the user alone (again, if it was opened to others), and not used if someone
    else owns it or it is not a folder (a link)."""
    uid = getattr(os, "getuid", lambda: None)()
    folder = Path(tempfile.gettempdir()) / f"numbered-document-{uid if uid is not None else 'user'}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        found = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(found.st_mode) or (uid is not None and found.st_uid != uid):
        return None
    if uid is not None and found.st_mode & 0o077:  # the user's own: made private again
        try:
            folder.chmod(0o700)
            found = folder.lstat()
        except OSError:
            return None
        if found.st_mode & 0o077:
            return None
    return folder
