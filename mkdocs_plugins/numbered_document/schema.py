"""The content schema: the one definition of what a content file may hold.

These pydantic models validate the files (``loader.py``), produce the JSON Schemas that editors
use for hints (``json_schemas``), and the contributors' field reference (``views.field_reference``).
Checks that need another file (is this party declared? does point 40 exist?) read the vocabularies
from the validation context, so they report through the same error path, with the same locations.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import html
import json
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    Field(description="An identifier: lower-case letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _shown_as_typed(value: str) -> str:
    """A plain-text field (a title, a name) reaches the page escaped, exactly as typed: a
    character reference there would show as "&lt;", never as "<", so it is refused."""
    found = CHARACTER_REFERENCE.search(value)
    if found is None:
        return value
    reference = found.group()
    character = html.unescape(reference)
    instead = (
        "a '<' before a letter cannot stand in a title or name: reword it, or put a space "
        "after the '<'"
        if character == "<"
        else f"type '{character}' itself"
    )
    raise PydanticCustomError(
        "character_reference",
        "'{value}' is plain text, shown exactly as typed: '{reference}' would show as "
        "'{reference}', not as '{character}'. {instead}.",
        {
            "value": value if len(value) <= 60 else value[:57] + "...",
            "reference": reference,
            "character": character,
            "instead": instead[:1].upper() + instead[1:],
        },
    )


Plain = Annotated[Text, AfterValidator(_shown_as_typed)]
"""Text shown as typed (titles, names): no Markdown, no character references."""

MIN_FORM_LENGTH = 2
"""The fewest letters (or digits) a glossary form may have, unless the document file sets its own
``glossary_min_length``: a one-letter form ("a") would link that letter all over the site."""


def form_length(form: str) -> int:
    """How long a form is for that rule: its letters and digits, not its spaces or punctuation."""
    return sum(char.isalnum() for char in form)


def _long_enough(form: str, info: ValidationInfo) -> str:
    """A glossary form has at least the document's minimum of letters (``glossary_min_length``,
    passed in the validation context)."""
    minimum = (info.context or {}).get("glossary_min_length", MIN_FORM_LENGTH)
    length = form_length(form)
    if length < minimum:
        raise PydanticCustomError(
            "form_too_short",
            "the form '{form}' has {length} letter{s}, fewer than the {minimum} a glossary form "
            "needs: it would link every '{form}' in the text. Write a longer form (the full "
            "name), or remove it; 'glossary_min_length' in {where} sets the minimum.",
            {
                "form": form,
                "length": length,
                "s": "" if length == 1 else "s",
                "minimum": minimum,
                "where": (info.context or {}).get("document_file", "the document file"),
            },
        )
    return form


Form = Annotated[Plain, AfterValidator(_long_enough)]


OWN_ERRORS = frozenset(
    {
        "unknown_id",
        "duplicate_id",
        "self_reference",
        "missing_text_draft",
        "wording_without_change",
        "excerpt_without_wording",
        "party_not_listed",
        "version_of_text_draft",
        "range_words",
        "form_too_short",
        "character_reference",
        "excerpts_not_a_list",
        "quoted_excerpt",
        "required_by_document",
    }
)
"""The kinds of error this schema raises itself: their messages are complete sentences."""


def suggestion(value: str, choices: list[str]) -> str:
    """Return a ' Did you mean …?' hint, or a list of the valid choices when nothing is close."""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if close:
        return f" Did you mean '{close[0]}'?"
    listed = ", ".join(choices[:12]) + (", …" if len(choices) > 12 else "")
    return f" Valid: {listed}."


def _known(vocabulary: str, label: str, where: str = "document_file") -> AfterValidator:
    """A validator checking an id against a vocabulary passed in the validation context;
    ``where`` names the context entry that says where such ids are declared."""

    def check(value: str, info: ValidationInfo) -> str:
        context = info.context or {}
        known = context.get(vocabulary)
        if known is not None and value not in known:
            raise PydanticCustomError(
                "unknown_id",
                "unknown {label} '{value}'.{hint} Declare it in {where} or fix the spelling.",
                {
                    "label": label,
                    "value": value,
                    "hint": suggestion(value, sorted(known)),
                    "where": context.get(where, where),
                },
            )
        return value

    return AfterValidator(check)


REQUIRABLE = ("summary", "topics", "sources", "precision")
"""Fields a document may or may not have everywhere: its file says which it requires."""
ACTOR_KINDS = ["person", "institution", "media"]
"""The kinds of actor a document has unless its file declares its own (``actor_kinds``)."""


def _required(value: Any, info: ValidationInfo) -> Any:
    """Refuse an empty field that the document requires (``required`` in the document file,
    passed in the validation context); a missing ``precision`` is a whole day otherwise."""
    name = info.field_name or ""
    required = (info.context or {}).get("required", ())
    if value in (None, [], "") and name in required:
        raise PydanticCustomError(
            "required_by_document",
            "this document gives '{field}' everywhere: add it here (or take '{field}' out of "
            "`required` in {where}).",
            {"field": name, "where": (info.context or {}).get("document_file", "document.yml")},
        )
    if name == "precision" and value is None:
        return "day"
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Model):
    """A publication that content cites."""

    id: Slug = Field(description="How content files refer to this source, e.g. `founding-minutes`.")
    title: Plain = Field(description="Title of the publication, or a description if it has none.")
    publisher: Plain | None = Field(
        default=None, description="Who published it; leave empty if the copy does not say."
    )
    date: dt.date | None = Field(
        default=None, description="Publication date, YYYY-MM-DD; empty if the sources omit it."
    )
    url: Text | None = Field(
        default=None,
        description="Public address (https://…) of the publication; leave empty if none is "
        "known, and the site says so.",
    )
    note: Text | None = Field(default=None, description="What the source is and how it is used.")
    excerpts: list[Text] = Field(
        default=[],
        description="Every passage the site quotes from this source, copied exactly (without "
        "quotation marks), so that a check can find each quote of the site in one of them.",
    )

    @field_validator("excerpts", mode="before")
    @classmethod
    def _excerpts_listed(cls, value: Any) -> Any:
        if isinstance(value, str):
            shown = " ".join(value.split())
            raise PydanticCustomError(
                "excerpts_not_a_list",
                "'{value}' is one text, not a list: write each passage on its own line under "
                "'excerpts:', starting with '- '.",
                {"value": shown if len(shown) <= 60 else shown[:57] + "..."},
            )
        return value

    @field_validator("excerpts")
    @classmethod
    def _excerpts_unquoted(cls, excerpts: list[str]) -> list[str]:
        for excerpt in excerpts:
            if excerpt[:1] in '"\u201c' and excerpt[-1:] in '"\u201d':
                raise PydanticCustomError(
                    "quoted_excerpt",
                    "excerpt '{value}' is in quotation marks: copy the passage without them "
                    "(write it in single quotes, or after '- ' with nothing around it).",
                    {"value": excerpt},
                )
        return excerpts


class Party(_Model):
    """A state, organisation or body that points bind or concern."""

    id: Slug = Field(description="How point files refer to this party, e.g. `board`.")
    name: Plain = Field(description="Name shown to readers.")
    kind: Literal["state", "organisation", "group", "body", "person"] = Field(
        description="What sort of party this is."
    )
    description: Text | None = Field(default=None, description="One sentence for readers.")


class Topic(_Model):
    """A subject that groups points."""

    id: Slug = Field(description="How point files refer to this topic, e.g. `territory`.")
    name: Plain = Field(description="Name shown to readers.")
    description: Text = Field(description="One sentence saying what the topic covers.")


class Actor(_Model):
    """A person or institution whose actions or words the timeline records."""

    id: Slug = Field(description="How timeline files refer to this actor, e.g. `the-board`.")
    name: Plain = Field(description="Name shown to readers.")
    kind: Annotated[Slug, _known("actor_kinds", "actor kind")] = Field(
        description="Who this is: one of the document's `actor_kinds` (by default `person`, "
        "`institution` or `media`)."
    )
    role: Plain | None = Field(
        default=None, description="Role as the sources give it; leave empty if they give none."
    )
    party: Annotated[Slug, _known("parties", "party")] | None = Field(
        default=None, description="Id of the party the actor belongs to or speaks for, if any."
    )
    role_source: Annotated[Slug, _known("sources", "source")] | None = Field(
        default=None, description="Id of the source that gives the role."
    )


Precision = Literal["day", "month", "on-or-before"]
PRECISION_HELP = (
    "`day`: the date is the event's own; `month`: only the month is known (use the 1st); "
    "`on-or-before`: the date is only that of the first report."
)


class Draft(_Model):
    """A draft of the document: the one the point texts quote, or an earlier or later one."""

    id: Slug = Field(description="How point files refer to this draft, e.g. `second-reading`.")
    label: Plain = Field(description="Name shown to readers, e.g. `Second reading`.")
    date: dt.date | None = Field(
        default=None, description="YYYY-MM-DD, as the sources give it; empty if they do not."
    )
    precision: Precision = Field(default="day", description=PRECISION_HELP)
    description: Text = Field(
        description="What this draft is, who wrote it and what is known of it, in our own "
        "words (Markdown), neutral."
    )
    summary: Text | None = Field(
        default=None,
        description="What the sources report of this draft as a whole, in one sentence of our "
        "own words, for the panel that says where the document stands (home page, and points "
        "that a later draft changed), e.g. `Reported cut to 19 articles.` Its sources are the "
        "draft's.",
    )
    sources: list[Annotated[Slug, _known("sources", "source")]] = Field(
        min_length=1, description="Ids of the sources that report this draft."
    )


class ItemWords(_Model):
    """The words the document uses for its numbered items; they drive reference detection."""

    singular: Text = Field(description='Word for one item, e.g. "point" or "article".')
    plural: Text = Field(description='Word for several items, e.g. "points".')
    conjunctions: list[Text] = Field(
        default=["and", "or"],
        description='Words joining numbers in a list, as "and" in `points 5 and 10`.',
    )
    languages: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")],
        dict[str, Text],
    ] = Field(
        default_factory=dict,
        description="The item words in each other language the site's interface may be in, by "
        "language code: `singular`, `plural` and any other form that language's catalog uses, "
        "e.g. `uk: {singular: пункт, plural: пункти}`. Only interface words use them; the "
        "text is never translated.",
    )
    ranges: list[Text] = Field(
        default=["to", "through", "from … to", "from … through"],
        description="Words making a range, which refers to every item between its ends: a word "
        'between the ends, as "to" in `points 5 to 10`, or a pair around the first end, as '
        '"from … to" in `from point 5 to point 10`. An en dash (`points 5–10`) always makes one.',
    )

    @field_validator("ranges")
    @classmethod
    def _ranges_readable(cls, ranges: list[str], info: ValidationInfo) -> list[str]:
        conjunctions = {c.lower() for c in info.data.get("conjunctions", [])}
        for entry in ranges:
            parts = [p.strip() for p in re.split(r"…|\.\.\.", entry)]
            if len(parts) > 2 or not all(parts) or any(re.search(r"\d", p) for p in parts):
                raise PydanticCustomError(
                    "range_words",
                    "'{entry}' is not a range word: write one word between the ends (\"to\") "
                    "or two words around the first end, joined by '…' (\"from … to\"), with "
                    "no digits.",
                    {"entry": entry},
                )
            if len(parts) == 1 and parts[0].lower() in conjunctions:
                raise PydanticCustomError(
                    "range_words",
                    "'{entry}' is also a conjunction (it joins a list, as in `points 5 {entry} "
                    "10`), so it cannot make a range too: remove it from one of the two lists, "
                    'or use it in a pair ("between … {entry}").',
                    {"entry": entry},
                )
        return ranges


class DocumentMeta(_Model):
    """The document file: facts about the whole document and the vocabularies."""

    title: Plain = Field(description="Full title of the document, shown as the site's heading.")
    short_title: Plain = Field(description="Short title for navigation and citations.")
    description: Text = Field(description="One or two sentences describing the site.")
    date: dt.date = Field(description="Date of the document (see `date_note` for what it means).")
    date_note: Text | None = Field(default=None, description="What the date is the date of.")
    language: Text = Field(default="en", description="Language code of the text, e.g. `en`.")
    text_source: Annotated[Slug, _known("sources", "source")] = Field(
        description="Id of the source whose wording the point texts quote."
    )
    items: ItemWords = Field(description="Words for the numbered items.")
    required: list[Literal["summary", "topics", "sources", "precision"]] = Field(
        default=[],
        description="What every file of this document gives, so that a file without it is "
        "refused: `summary` and `topics` on every point, `sources` on every point, term and "
        "event, `precision` on every event. Without them, a page shows what its file has.",
    )
    actor_kinds: list[Slug] = Field(
        default_factory=lambda: list(ACTOR_KINDS),
        description="The kinds of actor the timeline names, e.g. `[person, institution, media, "
        "group]`.",
    )
    search_variants: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description="Other spellings readers may search for, by the spelling the text uses, "
        "e.g. `Kyiv: [Kiev]`: the site's search finds the text under "
        "each. Glossary forms need no entry here: a search for one finds the others.",
    )
    glossary_min_length: PositiveInt = Field(
        default=MIN_FORM_LENGTH,
        description="The fewest letters (or digits) a glossary term or form may have; shorter "
        'ones are refused, as a one-letter form ("a") would link that letter everywhere.',
    )
    sources: list[Source] = Field(min_length=1, description="Every publication that content cites.")
    parties: list[Party] = Field(min_length=1, description="Parties that points may name.")
    topics: list[Topic] = Field(min_length=1, description="Topics that points may name.")
    actors: list[Actor] = Field(default=[], description="People and institutions in the timeline.")
    drafts: list[Draft] = Field(
        default=[],
        description="The drafts of the document, oldest first; the points' `versions` name them.",
    )
    text_draft: Annotated[Slug, _known("drafts", "draft")] | None = Field(
        default=None,
        description="Id of the draft whose wording the point texts give; needed with `drafts`.",
    )

    @model_validator(mode="after")
    def _text_draft_named(self) -> DocumentMeta:
        if self.drafts and self.text_draft is None:
            raise PydanticCustomError(
                "missing_text_draft",
                "field 'text_draft' is missing: name the draft (one of the ids under 'drafts') "
                "whose wording the point files give.",
            )
        return self

    @field_validator("sources", "parties", "topics", "actors", "drafts")
    @classmethod
    def _ids_unique(cls, items: list[Any], info: ValidationInfo) -> list[Any]:
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise PydanticCustomError(
                    "duplicate_id",
                    "id '{id}' is declared twice in {field}.",
                    {"id": item.id, "field": info.field_name},
                )
            seen.add(item.id)
        return items


class Version(_Model):
    """What one other draft did with a point: its wording, or a sourced account of the change."""

    draft: Annotated[Slug, _known("drafts", "draft")] = Field(
        description="Id of the draft, declared under `drafts` in the document file."
    )
    status: Literal["changed", "dropped", "unknown"] = Field(
        description="`changed`: the draft words or settles the point differently; `dropped`: "
        "the draft leaves it out; `unknown`: a source names the point but what the draft did "
        "with it is not confirmed."
    )
    description: Text = Field(
        description="What the sources say about this draft's version, in our own words "
        "(Markdown), short quotes marked as quotes."
    )
    wording: Text | None = Field(
        default=None,
        description="The draft's wording of the point, exactly as a source quotes it; "
        "leave empty when no source gives it.",
    )
    excerpt: bool = Field(
        default=False,
        description="`true` when the source quotes only the beginning of the wording.",
    )
    sources: list[Annotated[Slug, _known("sources", "source")]] = Field(
        min_length=1, description="Ids of the reports this version rests on, the main one first."
    )
    note: Text | None = Field(
        default=None, description="What the sources leave open (e.g. a date not confirmed)."
    )

    @model_validator(mode="after")
    def _wording_fits_status(self) -> Version:
        if self.wording is not None and self.status != "changed":
            raise PydanticCustomError(
                "wording_without_change",
                "a version with status '{status}' has no wording: remove 'wording', or set "
                "status 'changed'.",
                {"status": self.status},
            )
        if self.excerpt and self.wording is None:
            raise PydanticCustomError(
                "excerpt_without_wording",
                "'excerpt' describes a wording: add the quoted 'wording' or remove 'excerpt'.",
            )
        return self


PartyId = Annotated[Slug, _known("parties", "party")]


class PointMeta(_Model):
    """The front matter of one point file."""

    number: PositiveInt = Field(description="The point's number in the document; also its URL.")
    title: Plain = Field(description="A short neutral title in our own words.")
    summary: Text | None = Field(
        default=None,
        max_length=300,
        validate_default=True,
        description="One plain-language sentence in our own words (required where the document "
        "file's `required` lists `summary`).",
    )
    parties: list[Annotated[Slug, _known("parties", "party")]] = Field(
        min_length=1,
        description="Ids of the parties the point binds or concerns, most bound first.",
    )
    topics: list[Annotated[Slug, _known("topics", "topic")]] = Field(
        default=[],
        validate_default=True,
        description="Ids of the point's topics, most relevant first (required where `required` "
        "lists `topics`).",
    )
    related: list[PositiveInt] = Field(
        default=[], description="Numbers of points the wording itself ties to this one."
    )
    sources: list[Annotated[Slug, _known("sources", "source")]] = Field(
        default=[],
        validate_default=True,
        description="Ids of the sources for the wording and the facts on the page (required where "
        "`required` lists `sources`).",
    )
    obligations: dict[PartyId, Text] = Field(
        default={},
        description="What the wording asks of each party, including what a party would face for "
        "its own act (party id: one sentence in our own words); only parties in `parties`.",
    )
    benefits: dict[PartyId, Text] = Field(
        default={},
        description="What the wording gives each party (party id: one sentence in our own "
        "words); only parties in `parties`.",
    )
    versions: list[Version] = Field(
        default=[],
        description="What other drafts did with this point, in the order of `drafts`.",
    )

    _required = field_validator("summary", "topics", "sources")(_required)

    @field_validator("obligations", "benefits")
    @classmethod
    def _parties_listed(cls, given: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        if "parties" not in info.data:
            return given  # `parties` itself is wrong and reported: one message, not two
        listed = info.data["parties"]
        for party in given:
            if party not in listed:
                raise PydanticCustomError(
                    "party_not_listed",
                    "party '{party}' is not in this point's 'parties': add it there, or "
                    "remove it here.",
                    {"party": party},
                )
        return given

    @field_validator("versions")
    @classmethod
    def _versions_distinct(cls, versions: list[Version], info: ValidationInfo) -> list[Version]:
        context = info.context or {}
        seen: set[str] = set()
        for version in versions:
            if version.draft == context.get("text_draft"):
                raise PydanticCustomError(
                    "version_of_text_draft",
                    "'{draft}' is the draft whose wording this file gives; a version is for "
                    "another draft.",
                    {"draft": version.draft},
                )
            if version.draft in seen:
                raise PydanticCustomError(
                    "duplicate_id",
                    "draft '{draft}' has two versions: keep one.",
                    {"draft": version.draft},
                )
            seen.add(version.draft)
        return versions

    @field_validator("related")
    @classmethod
    def _not_itself(cls, related: list[int], info: ValidationInfo) -> list[int]:
        if info.data.get("number") in related:
            raise PydanticCustomError(
                "self_reference", "a point cannot be related to itself; remove its own number."
            )
        return related


class Term(_Model):
    """A glossary file: one term that readers of the document need, in our own words."""

    term: Form = Field(description="The term as readers write it; the heading of its entry.")
    forms: list[Form] = Field(
        default=[],
        description="Other forms found in the text: spellings, abbreviations, irregular plurals. "
        "A plain trailing 's' is recognised without listing it.",
    )
    definition: Text = Field(
        max_length=400,
        description="One or two sentences in our own words; the hover text of every link.",
    )
    explanation: Text | None = Field(
        default=None, description="A longer explanation in our own words (Markdown)."
    )
    related: list[Annotated[Slug, _known("terms", "glossary term", "terms_dir")]] = Field(
        default=[], description="Ids (file names without .yml) of related glossary terms."
    )
    sources: list[Annotated[Slug, _known("sources", "source")]] = Field(
        default=[],
        validate_default=True,
        description="Ids of the sources for the definition (required where `required` lists "
        "`sources`).",
    )
    _required = field_validator("sources")(_required)


class Event(_Model):
    """A timeline file: one dated event about the document, with its source."""

    date: dt.date = Field(description="YYYY-MM-DD. With precision `month`, use the 1st.")
    precision: Precision | None = Field(
        default=None,
        validate_default=True,
        description=PRECISION_HELP + " Without it, a whole day (required where `required` lists "
        "`precision`).",
    )
    actor: Annotated[Slug, _known("actors", "actor")] = Field(
        description="Id of the actor, declared under `actors` in the document file."
    )
    summary: Text = Field(description="What happened, in our own words (Markdown), neutral.")
    quote: Text | None = Field(
        default=None, description="A short quote exactly as the source gives it, without quotes."
    )
    sources: list[Annotated[Slug, _known("sources", "source")]] = Field(
        default=[],
        validate_default=True,
        description="Ids of the reports this event rests on, the main one first (required where "
        "`required` lists `sources`).",
    )
    _required = field_validator("precision", "sources")(_required)
    points: list[PositiveInt] = Field(
        default=[], description="Numbers of the points the event concerns."
    )
    denies: Annotated[Slug, _known("events", "event", "events_dir")] | None = Field(
        default=None, description="Id (file name) of an earlier event whose claim this denies."
    )
    note: Text | None = Field(
        default=None,
        description="What the sources leave open (e.g. a date or wording not confirmed).",
    )


def json_schemas(document: DocumentMeta | None = None) -> dict[str, dict[str, Any]]:
    """Return the JSON Schemas for editors, keyed by file name.

    With a document, the point schema lists its parties, topics and sources as enums, so an
    editor completes them; the document itself stays the one place they are declared.
    """
    point, term, event, meta = (json.loads(text) for text in _schema_texts())
    if document is not None:
        for field, items in (
            ("parties", document.parties),
            ("topics", document.topics),
            ("sources", document.sources),
        ):
            point["properties"][field]["items"]["enum"] = [item.id for item in items]
        drafts = [draft.id for draft in document.drafts]
        version = point["$defs"]["Version"]["properties"]
        version["sources"]["items"]["enum"] = [source.id for source in document.sources]
        if drafts:
            version["draft"]["enum"] = drafts
        for field in ("obligations", "benefits"):
            point["properties"][field]["propertyNames"] = {
                "enum": [party.id for party in document.parties]
            }
        term["properties"]["sources"]["items"]["enum"] = [s.id for s in document.sources]
        event["properties"]["sources"]["items"]["enum"] = [s.id for s in document.sources]
        event["properties"]["actor"]["enum"] = [a.id for a in document.actors]
    return {
        "document.schema.json": meta,
        "point.schema.json": point,
        "term.schema.json": term,
        "event.schema.json": event,
    }


@functools.cache
def _schema_texts() -> tuple[str, str, str, str]:
    """The models' own schemas, made once per process (pydantic takes longer to make one than
    a build takes to copy it from text) and copied for each caller, who may fill in enums."""
    point, term, event, meta = (
        json.dumps(model.model_json_schema()) for model in (PointMeta, Term, Event, DocumentMeta)
    )
    return point, term, event, meta
