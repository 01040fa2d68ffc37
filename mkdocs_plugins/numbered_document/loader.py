"""Reading content files into the model, with one located message per problem.

Every problem names the file and, where the file allows, the line; then says what to do.
All problems of a run are collected before giving up, so a contributor fixes them in one go.

Each file is read and validated on its own here, and where every text stands in its file is
kept on the model (``model.Place``); what needs the whole document is checked afterwards, on the
finished model, by ``checks.py``. ``load_document`` runs both, so a caller gets a checked
document or every problem at once.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import checks
from .model import (
    ContentError,
    Document,
    GlossaryTerm,
    Loc,
    Place,
    Point,
    Problem,
    TimelineEvent,
    field_name,
    shown_path,
)
from .patterns import Reference, ReferencePattern
from .safety import find_unsafe, find_unsafe_address
from .schema import (
    ACTOR_KINDS,
    OWN_ERRORS,
    DocumentMeta,
    Event,
    ItemWords,
    PointMeta,
    Term,
    suggestion,
)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
ITEM = re.compile(r"^[-*] +(\S.*)$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_text(path: Path) -> str:
    """Read a UTF-8 file; a byte-order mark and Windows line ends are accepted and dropped."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    f"not valid UTF-8 (byte 0x{data[error.start]:02x}). "
                    "Save the file with UTF-8 encoding.",
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML (LibYAML's parser where PyYAML has it: several times faster) in which dates
    stay text: the schema parses them, so an impossible date ("2025-11-31") is reported at its
    line like any other bad value, not as a crash."""


TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
"""Left as text: the schema parses dates, and no field is a yes/no, so "title: No" stays a
title (YAML 1.1 would make it false)."""

_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in TEXT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Parse YAML, keeping the node tree so that later messages can give line numbers.

    Every text in it is checked for unsafe HTML (``safety.py``) before anything else reads it:
    a file that could put a script on a page is refused as a whole, each finding at its line.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_nodes(node, path, first_line)
            unsafe = unsafe_fields(text, node, path, first_line)
            if unsafe:
                raise ContentError(unsafe)
        data = _construct(node, loader) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "cannot be read"
        advice = "Check indentation, colons and quotes."
        if error.context_mark and "quoted scalar" in (error.context or ""):
            # Where the quote opened, not where the file ran out (a reader looks there).
            mark = error.context_mark
            what = "a quotation mark opened here is never closed"
            advice = "Close it at the end of the value, or leave the quotes out."
        line = first_line + mark.line if mark else None
        raise ContentError([Problem(path, line, f"YAML syntax error: {what}. {advice}")]) from None
    except yaml.YAMLError as error:  # e.g. a control character: the reader has no mark
        position = getattr(error, "position", None)
        line = first_line + text[:position].count("\n") if position is not None else None
        reason = getattr(error, "reason", None) or "cannot be read"
        raise ContentError(
            [Problem(path, line, f"YAML cannot be read: {reason}. Remove the stray character.")]
        ) from None
    finally:
        loader.dispose()
    return data, node


STRING = "tag:yaml.org,2002:str"
MAPPING = "tag:yaml.org,2002:map"
SEQUENCE = "tag:yaml.org,2002:seq"


def _construct(node: yaml.Node, loader: _Loader) -> Any:
    """The Python value of a checked YAML tree (no anchors, no key twice), as PyYAML's safe
    constructor makes it: texts, mappings and lists here, every other value by PyYAML's own
    code. A third of the time of loading at 2,800 points went to its generic machinery."""
    tag = node.tag
    if tag == STRING:
        return node.value
    if tag == MAPPING:
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            return loader.construct_document(node)  # "<<": PyYAML merges mappings
        return {_construct(key, loader): _construct(value, loader) for key, value in node.value}
    if tag == SEQUENCE:
        return [_construct(item, loader) for item in node.value]
    return loader.construct_object(node, deep=True)


def _check_nodes(root: yaml.Node, path: Path, first_line: int) -> None:
    """Refuse what YAML allows but a content file should not hold: a key given twice (PyYAML
    keeps the last silently), a key that is not a plain name, anchors and aliases."""

    def refuse(node: yaml.Node, message: str) -> None:
        raise ContentError([Problem(path, first_line + node.start_mark.line, message)])

    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            refuse(node, "anchors and aliases ('&' and '*') are not supported: write it out.")
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    refuse(key, "a field name must be a plain word, not a list or a mapping.")
                if key.value in keys:
                    refuse(key, f"field '{key.value}' appears twice. Keep one.")
                keys.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def unsafe_fields(text: str, root: yaml.Node, path: Path, first_line: int = 1) -> list[Problem]:
    """Unsafe HTML or addresses in any text of a YAML document, known field or not, each named
    by its field and located at its line (inside a multi-line text too). A ``url`` field must
    be a plain web address: the pages write it as a Markdown ``<autolink>``."""
    lines = text.split("\n")
    problems = []
    for node, loc in _scalars([(root, ())]):
        if loc and node.tag == STRING:  # a file that is one text is refused by the schema
            check = find_unsafe_address if loc[-1] == "url" else find_unsafe
            for finding in check(node.value):
                line = scalar_place(node, lines, first_line).line_at(node.value, finding.start)
                message = f"field '{field_name(loc)}': {finding.message}"
                problems.append(Problem(path, line, message))
    return sorted(problems, key=lambda problem: problem.line or 0)


def scalar_place(node: yaml.ScalarNode, lines: list[str], first_line: int = 1) -> Place:
    """Where a YAML text stands, so that an offset in its value maps to its line in the file.

    A literal block (``|``) keeps the file's line breaks: counting them is exact. A folded
    block (``>``), or a plain or quoted text over several lines, joins its lines with spaces or
    line breaks only, so each source line starts at the next character that is not a space
    after the line before it. A line that an escape changed (``\\"`` in double quotes) does not
    read the same in the value: where it ends is found from the next line, looked for after it.
    """
    first, last = node.start_mark.line, node.end_mark.line
    if node.style == "|":
        return Place(first_line + first + 1)
    if first == last:
        return Place(first_line + first)
    value, cursor, lost = node.value, 0, False
    starts: list[tuple[int, int]] = []
    begin = first + 1 if node.style == ">" else first
    for number in range(begin, min(last, len(lines) - 1) + 1):
        source = lines[number]
        if number == last:
            source = source[: node.end_mark.column]
        if number == first:
            source = source[node.start_mark.column :]
        content = source.strip()
        if node.style in {"'", '"'}:
            content = content.removeprefix(node.style) if number == first else content
            content = content.removesuffix(node.style) if number == last else content
        if not content:
            continue  # a blank line: a line break in the value, or nothing
        start = value.find(content, cursor) if lost else _SPACES.match(value, cursor).end()
        if start < 0:
            continue  # still out of step after an escape: the line before holds these characters
        starts.append((start, first_line + number))
        lost = not value.startswith(content, start)
        cursor = start if lost else start + len(content)
    return Place(first_line + begin, tuple(starts))


_SPACES = re.compile(r"\s*")


def places(
    text: str, root: yaml.Node | None, first_line: int = 1, fields: Collection[str] = checks.READS
) -> dict[Loc, Place]:
    """Where each value under the given top-level fields of a YAML document stands, by its
    location: for the checks, which run after loading and report at a line without the YAML
    tree. Only the fields the checks read: every value of every file would add 6% to the
    loading time at 2,800 points, for places no check asks for."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    lines = text.split("\n")
    tops: list[tuple[yaml.Node, Loc]] = [
        (value, (key.value,)) for key, value in root.value if key.value in fields
    ]
    return {loc: scalar_place(node, lines, first_line) for node, loc in _scalars(tops)}


def _scalars(stack: list[tuple[yaml.Node, Loc]]) -> Iterator[tuple[yaml.Node, Loc]]:
    """Every scalar under the given nodes, with its location (field names and list indexes)."""
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, (*loc, key.value)) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in enumerate(node.value))
        else:
            yield node, loc


def unsafe_body(body: str, path: Path, first_line: int) -> list[Problem]:
    """Unsafe HTML or addresses in a point's Markdown, at their lines."""
    heading = re.search(r"^## ", body, re.M)
    problems = []
    for finding in find_unsafe(body):
        part = (
            "the wording" if heading is None or finding.start < heading.start() else "the context"
        )
        line = first_line + body.count("\n", 0, finding.start)
        problems.append(Problem(path, line, f"{part}: {finding.message}"))
    return problems


def _line_of(node: yaml.Node | None, loc: Iterable[int | str], first_line: int) -> int | None:
    """The line of the YAML node at a pydantic error location (the nearest existing one)."""
    if node is None:
        return None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # an unknown key: point at the key itself
                child = next((k for k, _ in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
    return first_line + node.start_mark.line


def validate(
    model: type[M],
    data: Any,
    node: yaml.Node | None,
    path: Path,
    *,
    first_line: int = 1,
    context: dict[str, Any] | None = None,
) -> M:
    """Validate data against a schema model; every error becomes a located Problem."""
    if not isinstance(data, dict):
        raise ContentError(
            [Problem(path, first_line, "expected fields as 'name: value' lines, found none.")]
        )
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            line = _line_of(node, loc, first_line)
            problems.append(Problem(path, line, _message(model, loc, item)))
        raise ContentError(problems) from None


def _message(model: type[BaseModel], loc: tuple[int | str, ...], error: Any) -> str:
    name = field_name(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        choices, _ = _schema_at(model, loc[:-1])
        return f"unknown field '{name}'.{suggestion(str(loc[-1]), choices)}"
    _, meaning = _schema_at(model, loc)
    if kind == "missing":
        return f"field '{name}' is missing: add it ({meaning})."
    if kind in OWN_ERRORS:
        return f"field '{name}': {error['msg']}" if name else error["msg"]
    given = f" The file has: {shown_value(error.get('input'))}." if "input" in error else ""
    return f"field '{name}': {error['msg']}.{given}" + (f" Write: {meaning}" if meaning else "")


def shown_value(value: Any, most: int = 60) -> str:
    """A rejected value as a contributor wrote it, on one line and cut short where long."""
    if isinstance(value, str):
        text = " ".join(value.split())
        shown = f"'{text}'" if len(text) <= most else f"'{text[:most]}…' ({len(text)} characters)"
        return shown
    if isinstance(value, list | tuple):
        inner = ", ".join(shown_value(item, most // 2) for item in value[:5])
        return f"[{inner}{', …' if len(value) > 5 else ''}]"
    if isinstance(value, dict):
        inner = ", ".join(
            f"{key}: {shown_value(item, most // 2)}" for key, item in list(value.items())[:5]
        )
        return "{" + inner + ("" if len(value) <= 5 else ", …") + "}"
    return "empty" if value is None else str(value)


def _schema_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[list[str], str]:
    """Walk the schema along an error location: the field names valid there, and the
    description of the deepest field named, so that messages say what belongs where."""
    fields = model.model_fields
    described = ""
    for part in loc:
        if not isinstance(part, str) or part not in fields:
            continue  # a list index: the items have the list's own fields
        info = fields[part]
        described = info.description or described
        inner = getattr(info.annotation, "__args__", (info.annotation,))[0]
        fields = getattr(inner, "model_fields", {})
    return list(fields), described


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Split a point file into front matter and body; return the body's first line number."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(
            [
                Problem(
                    path,
                    1,
                    "no front matter: start the file with a line '---', then the fields, "
                    "then a line '---', then the text.",
                )
            ]
        )
    front = match.group(1) or ""
    return front, text[match.end() :], front.count("\n") + 3


def parse_body(body: str, path: Path, first_line: int) -> tuple[str, tuple[str, ...], str]:
    """Split a point body into wording (lead paragraphs, then an optional list) and context.

    The wording ends at the first level-2 heading; what follows is context in our own words.
    """
    lead, items, context, _ = read_body(body, path, first_line)
    return lead, items, context


def read_body(
    body: str, path: Path, first_line: int
) -> tuple[str, tuple[str, ...], str, tuple[Place, ...]]:
    """``parse_body``, with where the lead, each sub-item and the context stand in the file.

    The lead joins each paragraph's lines with a space, so its place keeps where each source
    line starts in it: a reference in the middle of a long paragraph is reported at its line.
    """
    lines = body.split("\n")
    end = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    lead: list[str] = []
    items: list[str] = []
    starts: list[tuple[int, int]] = []  # where each source line of the lead starts in it
    length = 0  # of the lead as joined so far
    item_places: list[Place] = []
    for offset, line in enumerate(lines[:end]):
        item = ITEM.match(line)
        if item:
            items.append(item.group(1).rstrip())
            item_places.append(Place(first_line + offset))
        elif not line.strip():
            continue
        elif items:
            raise ContentError(
                [
                    Problem(
                        path,
                        first_line + offset,
                        "text after the list of sub-items: each sub-item is one line starting "
                        "with '- '; put our own words under a '## ' heading.",
                    )
                ]
            )
        else:
            joined = bool(lead) and bool(lines[offset - 1].strip())
            length += (1 if joined else 2) if lead else 0  # the space, or the blank line
            starts.append((length, first_line + offset))
            length += len(line.strip())
            if joined:
                lead[-1] += " " + line.strip()
            else:
                lead.append(line.strip())
    if not lead:
        raise ContentError(
            [Problem(path, first_line, "the point has no text: write the wording after the '---'.")]
        )
    context = "\n".join(lines[end:]).strip()
    found = (Place(starts[0][1], tuple(starts)), *item_places, Place(first_line + end))
    return "\n\n".join(lead), tuple(items), context + "\n" if context else "", found


def load_point(path: Path, context: dict[str, Any]) -> Point:
    """Load one point file against the document's vocabularies, with where each text stands."""
    front, body, body_line = split_front_matter(read_text(path), path)
    unsafe = unsafe_body(body, path, body_line)
    try:
        data, node = parse_yaml(front, path, first_line=2)
        meta = validate(PointMeta, data, node, path, first_line=2, context=context)
    except ContentError as error:
        raise ContentError([*error.problems, *unsafe]) from None
    if unsafe:
        raise ContentError(unsafe)
    lead, items, rest, body_places = read_body(body, path, body_line)
    lines = {key.value: 2 + key.start_mark.line for key, _ in getattr(node, "value", [])}
    return Point(
        meta=meta,
        path=path,
        lead=lead,
        items=items,
        context=rest,
        field_lines=lines,
        places=places(front, node, first_line=2),
        body_places=body_places,
    )


class _SinceLastLoad(Generic[K, V]):
    """Values made for keys, kept from one load to the next: what a load asks for stays for
    the next one, what it does not ask for goes then."""

    def __init__(self) -> None:
        self.now: dict[K, V] = {}
        self.before: dict[K, V] = {}

    def get(self, key: K, make: Callable[[K], V]) -> V:
        value = self.now.get(key)
        if value is None:
            value = self.now[key] = self.before[key] if key in self.before else make(key)
        return value

    def next_load(self) -> None:
        self.before, self.now = self.now, {}


class LoadedFiles:
    """What loading made of each point, term and event file, kept from one load to the next
    (between the rebuilds of `mkdocs serve`): a file is read and validated again only when it
    changed (its times of change, inode or size) or when what it is checked against did (the
    document file's vocabularies, the names of the files beside it). A file with a problem is
    read again every time, so its message comes every time. The checks' finder (``finder``)
    keeps what each text refers to the same way."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[tuple[Any, ...], Any]] = {}
        """What the last load that read each file made of it, with the file's key. Both this
        and ``keys`` go by path as text: a load makes a path object of each file anew, and
        hashing 7,800 of them took a tenth of a warm load at 2,800 points."""
        self.keys: dict[str, tuple[Any, ...]] = {}
        """Each file this load read, with its key (what ``get`` compares)."""
        self.contexts: _SinceLastLoad[tuple[Any, ...], tuple[Any, ...]] = _SinceLastLoad()
        self.words: ItemWords | None = None
        self.found: _SinceLastLoad[str, list[Reference]] = _SinceLastLoad()
        self.last: tuple[Path, str, dict[str, tuple[Any, ...]], Document] | None = None
        """The last load that found no problem: its document file and that file's text, the
        key of every other file it read, and the document it made."""

    def start(self) -> None:
        """A load begins: the files it reads are listed anew."""
        self.keys = {}

    def finder(self, words: ItemWords) -> checks.Finder:
        """The checks' reference finder, what it found in each text kept from the last load
        while the item words stay the same (half of a warm load at 2,800 points went to finding
        the references of every text again)."""
        if words != self.words:
            self.words, self.found = words, _SinceLastLoad()
        return functools.partial(self.found.get, make=ReferencePattern.for_words(words).find)

    def against(self, context: dict[str, Any]) -> tuple[Any, ...]:
        """The validation context as a comparable value (its sets in order), the same object
        as the last load's where it is equal: each file's key then compares it at once, not
        name by name (3,000 names of terms, for each of 3,000 terms)."""
        key = tuple(
            (name, tuple(sorted(value)) if isinstance(value, set) else value)
            for name, value in sorted(context.items())
        )
        return self.contexts.get(key, lambda key: key)

    def get(self, path: Path, against: tuple[Any, ...], load: Callable[[], T]) -> T:
        name = os.fspath(path)
        stat = os.stat(name)
        key = self.keys[name] = (
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            stat.st_ino,
            stat.st_size,
            against,
        )
        kept = self.files.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[no-any-return]
        self.files.pop(name, None)
        value = load()
        self.files[name] = (key, value)
        return value

    def forget_unseen(self) -> None:
        """Files gone since the last load go from the record; so do the contexts and texts
        this load did not ask for, at the next load."""
        self._forget_gone()
        self.contexts.next_load()
        self.found.next_load()

    def _forget_gone(self) -> None:
        for path in self.files.keys() - self.keys.keys():
            del self.files[path]

    def unchanged(self, path: Path, text: str) -> Document | None:
        """The last load's document, if this load found the same document file with the same
        text and every other file as that load did: none changed, none added, none gone. The
        checks found nothing in that document, so they are not run again."""
        if self.last is None:
            return None
        last_path, last_text, last_keys, document = self.last
        if path != last_path or text != last_text or self.keys != last_keys:
            return None
        self._forget_gone()
        self.contexts.next_load()  # the texts' references stay for the next load that checks
        return document

    def keep(self, path: Path, text: str, document: Document) -> None:
        """A load found no problem in ``document``: the next one may give it again."""
        self.last = (path, text, self.keys, document)


def load_document(
    root: Path,
    *,
    document_file: str = "document.yml",
    points_dir: str = "points",
    glossary_dir: str = "glossary",
    timeline_dir: str = "timeline",
    loaded: LoadedFiles | None = None,
) -> Document:
    """Load and check a whole content folder; raise ContentError listing every problem.

    Each file is read and validated here; then ``checks.check`` runs on the model built from
    them, for what only the whole document shows. Problems of both come in one error. With
    ``loaded``, files unchanged since its last load are taken from it.
    """
    document_path = root / document_file
    if not document_path.is_file():
        raise ContentError([Problem(document_path, None, "the document file is missing.")])
    text = read_text(document_path)
    data, node = parse_yaml(text, document_path)
    meta = validate(DocumentMeta, data, node, document_path, context=_declared(data, document_path))
    context = {
        "parties": {party.id for party in meta.parties},
        "topics": {topic.id for topic in meta.topics},
        "sources": {source.id for source in meta.sources},
        "actors": {actor.id for actor in meta.actors},
        "drafts": {draft.id for draft in meta.drafts},
        "text_draft": meta.text_draft,
        "required": set(meta.required),
        "glossary_min_length": meta.glossary_min_length,
        "document_file": shown_path(document_path),
    }

    problems: list[Problem] = []
    if loaded is not None:
        loaded.start()
    terms = _load_glossary(root / glossary_dir, context, problems, loaded)
    events = _load_timeline(root / timeline_dir, context, problems, loaded)
    earlier = len(problems)
    points = _load_points(root / points_dir, context, problems, loaded)
    every_point_read = len(problems) == earlier
    if loaded is not None and not problems:
        unchanged = loaded.unchanged(document_path, text)
        if unchanged is not None:
            return unchanged
    points.sort(key=lambda point: point.number)
    # By month, then day events before an event known only to its month, so each heading of
    # the timeline (a day, or a month) comes once; on one day, a denial after what it denies.
    depth = _denial_depths(events)
    events.sort(
        key=lambda e: (
            e.meta.date.year,
            e.meta.date.month,
            e.meta.precision == "month",
            e.meta.date.day,
            depth[e.id],
            e.id,
        )
    )
    document = Document(
        meta=meta,
        points=tuple(points),
        root=root,
        path=document_path,
        terms=tuple(terms),
        events=tuple(events),
        places=places(text, node),
    )
    find = loaded.finder(meta.items) if loaded is not None else None
    problems.extend(checks.check(document, every_point_read=every_point_read, find=find))
    if loaded is not None:
        loaded.forget_unseen()
        if not problems:
            loaded.keep(document_path, text, document)
    if problems:
        raise ContentError(problems)
    return document


def _load_points(
    folder: Path, context: dict[str, Any], problems: list[Problem], loaded: LoadedFiles | None
) -> list[Point]:
    """Every point file of the folder, in name order; each problem goes to ``problems``."""
    if not folder.is_dir():
        raise ContentError([Problem(folder, None, "the folder of point files is missing.")])
    points: list[Point] = []
    earlier = len(problems)
    against = loaded.against(context) if loaded is not None else ()
    for path in _content_files(folder, {".md"}, problems):
        try:
            read = functools.partial(load_point, path, context)
            points.append(read() if loaded is None else loaded.get(path, against, read))
        except ContentError as error:
            problems.extend(error.problems)
    if not points and len(problems) == earlier:
        problems.append(Problem(folder, None, "no point files: add one file per point."))
    return points


def _content_files(folder: Path, suffixes: set[str], problems: list[Problem]) -> list[Path]:
    """The content files of a folder, in name order; anything else there is a problem."""
    found = []
    root = folder.resolve().parent
    # By name (all are in this folder). The folder's entries say what each is (a file, a
    # link) without asking the system again for every file.
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            # A link out of the content folder would publish a file nobody reviewed there.
            problems.append(
                Problem(
                    path,
                    None,
                    f"a link to {path.resolve()}, outside the content folder: copy the file "
                    "here instead of linking to it.",
                )
            )
            continue
        if path.suffix not in suffixes or not entry.is_file():
            expected = " or ".join(f"'{suffix}'" for suffix in sorted(suffixes))
            problems.append(
                Problem(path, None, f"not a content file: only {expected} files belong here.")
            )
            continue
        found.append(path)
    return found


def _denial_depths(events: list[TimelineEvent]) -> dict[str, int]:
    """How many denials each event stands behind on its own day: 0 for a claim, 1 for its
    denial, 2 for a denial of that... so that on one day the timeline reads them in order
    (whatever their file names), as it does across days."""
    by_id = {event.id: event for event in events}

    def depth(event: TimelineEvent, seen: frozenset[str] = frozenset()) -> int:
        denied = by_id.get(event.meta.denies or "")
        if denied is None or denied.meta.date != event.meta.date or event.id in seen:
            return 0
        return 1 + depth(denied, seen | {event.id})

    return {event.id: depth(event) for event in events}


def _declared(data: Any, path: Path) -> dict[str, Any]:
    """The ids a document file declares, read before validating it, so that the fields naming
    them (``text_source``, an actor's ``party``) are checked where they stand."""

    def ids(key: str) -> set[str]:
        items = data.get(key) if isinstance(data, dict) else None
        if not isinstance(items, list):
            return set()
        return {str(item["id"]) for item in items if isinstance(item, dict) and "id" in item}

    kinds = data.get("actor_kinds") if isinstance(data, dict) else None
    return {
        "sources": ids("sources"),
        "parties": ids("parties"),
        "drafts": ids("drafts"),
        "actor_kinds": set(map(str, kinds)) if isinstance(kinds, list) else set(ACTOR_KINDS),
        "document_file": shown_path(path),
    }


def _load_records(
    folder: Path,
    model: type[M],
    vocabulary: str,
    context: dict[str, Any],
    problems: list[Problem],
    loaded: LoadedFiles | None = None,
) -> list[tuple[Path, M, dict[Loc, Place]]]:
    """Load a folder of one-record-per-file YAML (a term, an event), each with where its values
    stand; the file names are the ids, given to the validation context under ``vocabulary`` so
    records can name each other."""
    if not folder.is_dir():
        return []
    paths: list[Path] = []
    stems: set[str] = set()
    for path in _content_files(folder, {".yml", ".yaml"}, problems):
        if not SLUG.match(path.stem):
            problems.append(
                Problem(
                    path,
                    None,
                    "the file name is the id and the anchor: use lower-case letters, digits and "
                    f"single hyphens, e.g. '{_suggested_id(path.stem)}{path.suffix}'.",
                )
            )
        elif path.stem in stems:
            problems.append(Problem(path, None, "another file has the same name: keep one."))
        else:
            paths.append(path)
            stems.add(path.stem)
    ids = stems
    context = {**context, vocabulary: ids, f"{vocabulary}_dir": shown_path(folder)}
    against = loaded.against(context) if loaded is not None else ()

    def load(path: Path) -> tuple[Path, M, dict[Loc, Place]]:
        text = read_text(path)
        data, node = parse_yaml(text, path)
        return path, validate(model, data, node, path, context=context), places(text, node)

    records = []
    for path in paths:
        try:
            read = functools.partial(load, path)
            records.append(read() if loaded is None else loaded.get(path, against, read))
        except ContentError as error:
            problems.extend(error.problems)
    return records


def _suggested_id(name: str) -> str:
    """A valid id close to a file name: accents dropped ("Élan" gives "elan"); a name in
    another script ("термін") has no such spelling, so a placeholder is offered instead."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "my-entry"


def _load_glossary(
    folder: Path,
    context: dict[str, Any],
    problems: list[Problem],
    loaded: LoadedFiles | None = None,
) -> list[GlossaryTerm]:
    """Load one term per YAML file (``checks.form_claims`` sees that no two claim a form)."""
    return [
        GlossaryTerm(id=path.stem, meta=term, path=path, places=found)
        for path, term, found in _load_records(folder, Term, "terms", context, problems, loaded)
    ]


def _load_timeline(
    folder: Path,
    context: dict[str, Any],
    problems: list[Problem],
    loaded: LoadedFiles | None = None,
) -> list[TimelineEvent]:
    """Load one event per YAML file."""
    return [
        TimelineEvent(id=path.stem, meta=event, path=path, places=found)
        for path, event, found in _load_records(folder, Event, "events", context, problems, loaded)
    ]
