"""Command line: start a new site, check the content without building, or write the JSON
Schemas for editors, the open data's schema the plugin ships (``opendata.schema.json``), and
the field reference inside CONTRIBUTING.md, between its two marker lines.

python -m mkdocs_plugins.numbered_document new my-site --items articles
python -m mkdocs_plugins.numbered_document generate plain-site -f mkdocs.yml
python -m mkdocs_plugins.numbered_document check content
python -m mkdocs_plugins.numbered_document schemas content schemas --reference CONTRIBUTING.md \
    --export-schema mkdocs_plugins/numbered_document/opendata.schema.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .loader import load_document
from .model import ContentError
from .opendata import made_export_schema
from .pages import catalog_for
from .pages.reference import field_tables
from .scaffold import new_site
from .schema import json_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mkdocs_plugins.numbered_document")
    parser.add_argument("command", choices=["new", "check", "schemas", "generate"])
    parser.add_argument("content", type=Path, help="the content folder (for new: the site's)")
    parser.add_argument("out", type=Path, nargs="?", help="folder for the schemas")
    parser.add_argument("--document-file", default="document.yml")
    parser.add_argument("--points-dir", default="points")
    parser.add_argument("--glossary-dir", default="glossary")
    parser.add_argument("--timeline-dir", default="timeline")
    parser.add_argument(
        "--reference", type=Path, help="a Markdown file whose field reference to rewrite"
    )
    parser.add_argument(
        "--options", type=Path, help="a Markdown file whose table of plugin options to rewrite"
    )
    parser.add_argument(
        "--export-schema",
        type=Path,
        help="where to write the open data's schema (the plugin's own opendata.schema.json)",
    )
    parser.add_argument("--items", default="points", help="new: the word for the items")
    parser.add_argument("--title", default="", help="new: the document's title")
    parser.add_argument(
        "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="generate: the site"
    )
    args = parser.parse_args(argv)
    if args.command == "generate":
        from .generate import generate  # builds the site: needs MkDocs

        written = generate(args.config_file, args.content)
        plain = args.content / "mkdocs.yml"
        print(f"wrote {len(written)} files; build them with: mkdocs build -f {plain}")
        return 0
    if args.command == "new":
        try:
            written = new_site(args.content, items=args.items, title=args.title)
        except FileExistsError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"wrote {len(written)} files; now: cd {args.content} && mkdocs build --strict")
        return 0
    try:
        document = load_document(
            args.content,
            document_file=args.document_file,
            points_dir=args.points_dir,
            glossary_dir=args.glossary_dir,
            timeline_dir=args.timeline_dir,
        )
    except ContentError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count > 1 else ''} found.", file=sys.stderr)
        return 1
    if args.command == "check":
        print(
            f"{args.content}: {len(document.points)} {document.plural}, "
            f"{len(document.terms)} glossary terms, {len(document.events)} timeline events, "
            f"{len(document.parties)} parties, {len(document.topics)} topics, "
            f"{len(document.actors)} actors, {len(document.sources)} sources: no problems."
        )
        return 0
    out = args.out or Path("schemas")
    out.mkdir(parents=True, exist_ok=True)
    schemas = json_schemas(document.meta)
    for name, schema in schemas.items():
        write_schema(out / name, schema)
    if args.export_schema:  # the plugin's own file: written when the export's models change
        write_schema(args.export_schema, made_export_schema())
    if args.reference:
        text = args.reference.read_text(encoding="utf-8")
        args.reference.write_text(
            with_reference(text, field_tables(schemas, catalog_for(document, "en", []), level=3))
        )
        print(f"wrote the field reference in {args.reference}")
    if args.options:
        from .options import options_table  # reads the config class, which imports MkDocs

        text = args.options.read_text(encoding="utf-8")
        args.options.write_text(with_reference(text, options_table(), OPTIONS))
        print(f"wrote the table of options in {args.options}")
    return 0


def write_schema(path: Path, schema: dict[str, Any]) -> None:
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


START = "<!-- field reference: generated by `make schemas`, do not edit below -->"
END = "<!-- end of the generated field reference -->"


OPTIONS = (
    "<!-- plugin options: generated by `make schemas`, do not edit below -->",
    "<!-- end of the generated plugin options -->",
)


def with_reference(text: str, tables: str, markers: tuple[str, str] = (START, END)) -> str:
    """A Markdown text with the part between the two marker lines replaced by ``tables``."""
    first, last = markers
    before, start, rest = text.partition(first)
    _, end, after = rest.partition(last)
    if not start or not end:
        raise SystemExit(f"the file needs the two marker lines:\n{first}\n{last}")
    return f"{before}{first}\n\n{tables.strip()}\n\n{last}{after}"


if __name__ == "__main__":
    sys.exit(main())
