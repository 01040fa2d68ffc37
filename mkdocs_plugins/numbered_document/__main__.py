"""Command line: check the content without building, or write the JSON Schemas for editors.

python -m mkdocs_plugins.numbered_document check content
python -m mkdocs_plugins.numbered_document schemas content schemas
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loader import load_document
from .model import ContentError
from .schema import json_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mkdocs_plugins.numbered_document")
    parser.add_argument("command", choices=["check", "schemas"])
    parser.add_argument("content", type=Path, help="the content folder")
    parser.add_argument("out", type=Path, nargs="?", help="folder for the schemas")
    parser.add_argument("--document-file", default="document.yml")
    parser.add_argument("--points-dir", default="points")
    parser.add_argument("--glossary-dir", default="glossary")
    parser.add_argument("--timeline-dir", default="timeline")
    args = parser.parse_args(argv)
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
    for name, schema in json_schemas(document.meta).items():
        (out / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
