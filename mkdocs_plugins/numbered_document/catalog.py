"""Interface words by language: one YAML catalog per language, with dates and plurals by Babel.

Every word a reader sees on a generated page that is not content ("Published wording", "Refers
to", a month's name) comes from here, so a site in another language needs one catalog file and
no code. The plugin ships ``locales/en.yml`` and ``locales/uk.yml``; a site adds or overrides
entries with a file of the same name in its own ``locales`` folder (``templates_dir``), merged
key by key over the shipped one, as Material's plugins let a site override a partial.

Messages are Python format strings. Every message may use the document's words for its items
in the catalog's language: ``{singular}`` and ``{plural}`` (and ``{Singular}``, ``{Plural}``
capitalised), plus any other form the document declares for that language (a case ending,
say); other placeholders are named where the message is used. A message whose value is a
mapping of CLDR plural categories (``one``, ``few``, ``many``, ``other``) is chosen by count.
No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date

from . import locale_data

LOCALES = Path(__file__).parent / "locales"
"""The catalogs the plugin ships, one ``LANGUAGE.yml`` each."""


class CatalogError(Exception):
    """A catalog cannot be found or read, or lacks a message; the text says which and where."""


@dataclass(frozen=True)
class Catalog:
    """The interface words of one language, with the document's item words in it."""

    language: str
    messages: Mapping[str, Any]
    """Nested mapping of keys (``point.refers_to``) to format strings or plural mappings."""
    words: Mapping[str, str] = field(default_factory=dict)
    """The document's item words in this language: ``singular``, ``plural`` and any others."""

    @cached_property
    def locale(self) -> Locale:
        return locale_data.locale(self.language.replace("-", "_"))

    @cached_property
    def _flat(self) -> dict[str, Any]:
        """Every message by its dotted key, found once: a page asks for dozens."""
        found: dict[str, Any] = {}

        def walk(data: Mapping[str, Any], prefix: str) -> None:
            for name, value in data.items():
                key = f"{prefix}{name}"
                found[key] = value
                if isinstance(value, Mapping):
                    walk(value, f"{key}.")

        walk(self.messages, "")
        return found

    @cached_property
    def _plain(self) -> dict[str, str]:
        """Messages without parameters, formatted once (a heading, a label)."""
        return _Plain(self)

    @property
    def plain(self) -> Mapping[str, str]:
        """Messages without parameters by key, for templates: ``T["point.summary"]`` is a
        look-up where ``t("point.summary")`` is a call, which Jinja makes dearer (a page asks
        for dozens)."""
        return self._plain

    def _lookup(self, key: str) -> Any:
        try:
            return self._flat[key]
        except KeyError:
            raise CatalogError(
                f"the '{self.language}' catalog has no message '{key}': add it to "
                f"locales/{self.language}.yml (see the plugin's locales/en.yml)."
            ) from None

    def has(self, key: str) -> bool:
        try:
            self._lookup(key)
        except CatalogError:
            return False
        return True

    def __call__(self, key: str, /, **params: Any) -> str:
        """The message ``key`` with its placeholders filled in."""
        if not params:
            return self._plain[key]
        return self._message(key, params)

    def _message(self, key: str, params: Mapping[str, Any]) -> str:
        message = self._lookup(key)
        if isinstance(message, Mapping):
            raise CatalogError(f"'{key}' in the '{self.language}' catalog needs a count")
        return self._format(key, str(message), params)

    def count(self, key: str, number: int, /, **params: Any) -> str:
        """The message ``key`` in the plural form that ``number`` takes in this language."""
        message = self._lookup(key)
        if isinstance(message, Mapping):
            form = "zero" if number == 0 and "zero" in message else self.locale.plural_form(number)
            message = message.get(form, message.get("other"))
        return self._format(key, str(message), {"count": number, **params})

    def forms(self, key: str, /) -> dict[str, str]:
        """Each plural form of ``key`` with the item words filled in and every other
        placeholder kept, for a script to fill in (``{count}``)."""
        message = self._lookup(key)
        messages = message if isinstance(message, Mapping) else {"other": message}
        kept = _Kept(self.word_forms)
        return {form: str(text).format_map(kept) for form, text in messages.items()}

    def _format(self, key: str, message: str, params: Mapping[str, Any]) -> str:
        try:
            return message.format_map({**self.word_forms, **params})
        except (KeyError, IndexError, ValueError) as error:
            raise CatalogError(
                f"'{key}' in the '{self.language}' catalog: placeholder {error} is not known here"
            ) from None

    @cached_property
    def word_forms(self) -> dict[str, str]:
        """Every item word, and each capitalised: ``{Singular}`` for "Point"."""
        forms = dict(self.words)
        forms.update(
            {name.capitalize(): word[:1].upper() + word[1:] for name, word in self.words.items()}
        )
        return forms

    def date(self, day: dt.date, precision: str = "day") -> str:
        """A date in words, as precisely as it is known: a whole day or a month (each made
        once: Babel reads its pattern and locale data on every call)."""
        key = (day, precision == "month")
        shown = self._dates.get(key)
        if shown is None:
            pattern = self("date.month" if precision == "month" else "date.day")
            shown = self._dates[key] = format_date(day, pattern, locale=self.locale)
        return shown

    @cached_property
    def _dates(self) -> dict[tuple[dt.date, bool], str]:
        return {}

    def machine_date(self, day: dt.date, precision: str = "day") -> str:
        """The same date for ``<time datetime>``: a month stays a month."""
        return f"{day:%Y-%m}" if precision == "month" else day.isoformat()


class _Plain(dict[str, str]):
    """Messages without parameters, each formatted the first time it is asked for."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def __missing__(self, key: str) -> str:
        found = self[key] = self.catalog._message(key, {})
        return found


class _Kept(dict[str, str]):
    """Placeholders not known here stay as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's reader where PyYAML has it: a catalog is read in every build."""


def read_catalog(language: str, folders: list[Path]) -> dict[str, Any]:
    """The catalog of ``language``: the shipped file, then each folder's file merged over it."""
    found: dict[str, Any] = {}
    paths = [
        LOCALES / f"{language}.yml",
        *(Path(f) / "locales" / f"{language}.yml" for f in folders),
    ]
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        except yaml.YAMLError as error:
            raise CatalogError(f"{path}: not valid YAML ({error})") from None
        if not isinstance(data, dict):
            raise CatalogError(f"{path}: a catalog is a mapping of keys to messages")
        found = _merged(found, data)
    if not found:
        shipped = ", ".join(sorted(p.stem for p in LOCALES.glob("*.yml")))
        raise CatalogError(
            f"no catalog of interface words for the language '{language}': the plugin ships "
            f"{shipped}; add locales/{language}.yml to the site's templates folder (copy the "
            "plugin's locales/en.yml and translate its values)."
        )
    return found


def _merged(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged
